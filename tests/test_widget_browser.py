"""The website chat widget (bot/web/), in a real headless Chromium.

Two servers:
- `widget_server`: a small Sanic app with the widget routes and the service's socketio
  channel (bot/web/channel.py: Rasa's, with each reply's language; session persistence on,
  like credentials.yml), whose message handler answers from a script instead of a model. It needs no trained model, so the widget's behaviour
  (escaping, chips, emergency alerts, keyboard, history, phone layout) is tested exactly.
- `stack` (conftest.py): the real service with a trained model, for the end-to-end runs.

Chromium is Debian's (`apt-get install -y chromium`); if it is missing these tests fail,
they never skip. On failure a screenshot and the page's HTML go to var/test-artifacts/.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import requests

from tests.servers import ROOT, free_port

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = ROOT / "var" / "test-artifacts"
REPLY_TIMEOUT_MS = 30_000  # a real model answers in well under a second; CI machines are slow

# The widget server's clinic: a name with HTML in it, to prove it is escaped everywhere.
HOSTILE_CLINIC_NAME = 'Harbour <b>Physio</b> & "Co"'
FAKE_ENV = {"CLINIC_NAME": HOSTILE_CLINIC_NAME, "EMERGENCY_NUMBER": "999"}

XSS_PROBE = '<img src=x onerror="window.__pwned=1">'


# --------------------------------------------------------------------------- widget server

def scripted_replies(text: str) -> List[Dict]:
    """What the widget server's bot says, as Rasa response dicts (text, buttons, custom)."""
    if text == "show buttons":
        return [{
            "text": "Which one?",
            "buttons": [
                {"title": "Does it hurt?", "payload": "/faq_does_it_hurt"},
                {"title": "Cost", "payload": "/faq_cost"},
            ],
        }]
    if text.startswith("/"):
        return [{"text": f"payload received: {text}"}]
    if text == "emergency text":
        # Rasa's socketio channel sends each paragraph as its own message.
        return [{"text": "This could be serious.\n\nCall 999 now, or go to the nearest emergency department."}]
    if text == "faq mentions emergency":
        # As FAQ and urgent-tier answers do: the number in passing is not an emergency.
        return [{"text": "Bruising is common and fades within a week. Shortness of breath, chest pain "
                         "or heavy bleeding: call 999 now. If you get a fever, call 999 or see a doctor."}]
    if text == "emergency custom":
        return [{"text": "Please get help straight away.", "custom": {"data": {"urgency": "emergency"}}}]
    if text == "no reply":
        return []
    # Replies that say their language, as bot/nlg.py's do
    if text == "hola":
        return [{"text": "¡Hola! Soy el asistente de punción seca.", "language": "es"}]
    if text == "emergencia":
        return [{"text": "Llame al 999 ahora. No maneje usted.", "language": "es"}]
    if text == "opciones":
        return [{"text": "¿Preguntaba por alguno de estos temas?", "language": "es",
                 "buttons": [{"title": "Costo y pago", "payload": "¿Cuánto cuesta la punción seca?"}]}]
    if text == "in english please":
        return [{"text": "Of course.", "language": "en"}]
    return [{"text": f"echo: {text}"}]


def serve_widget_server(port: int) -> None:
    """Runs in a subprocess (see the widget_server fixture)."""
    from rasa.server import configure_cors
    from sanic import Sanic, response

    from bot.web.channel import LanguageSocketIOInput
    from bot.web.routes import web_blueprint

    app = Sanic("widget_test_server")
    received: List[Dict[str, str]] = []

    async def on_new_message(message) -> None:
        received.append({"sender_id": message.sender_id, "text": message.text, "metadata": message.metadata})
        for reply in scripted_replies(message.text):
            await message.output_channel.send_response(message.sender_id, dict(reply))

    channel = LanguageSocketIOInput(session_persistence=True)
    app.blueprint(channel.blueprint(on_new_message), url_prefix=channel.url_prefix())
    app.blueprint(web_blueprint())
    app.blueprint(
        web_blueprint(socket_io_client=Path("/nonexistent/socket.io.min.js")).copy(
            "web_widget_no_client", url_prefix="/no-client"
        )
    )
    configure_cors(app, "*")  # as the Rasa server does

    @app.get("/test/received")
    async def test_received(_request):
        return response.json(received)

    @app.get("/test/ready")
    async def test_ready(_request):
        return response.json({"ok": True})

    app.run(host="127.0.0.1", port=port, access_log=False)


class WidgetServer:
    def __init__(self, url: str) -> None:
        self.url = url

    def received(self) -> List[Dict[str, str]]:
        return requests.get(f"{self.url}/test/received", timeout=5).json()


@pytest.fixture(scope="module")
def widget_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WidgetServer]:
    port = free_port()
    log_path = tmp_path_factory.mktemp("widget") / "server.log"
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", **FAKE_ENV}
    code = f"from tests.test_widget_browser import serve_widget_server; serve_widget_server({port})"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"widget test server exited:\n{log_path.read_text()[-4000:]}")
            try:
                if requests.get(f"{url}/test/ready", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.time() > deadline:
                pytest.fail(f"widget test server not ready:\n{log_path.read_text()[-4000:]}")
            time.sleep(0.3)
        yield WidgetServer(url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --------------------------------------------------------------------------- browser

@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's package with "
            "`apt-get install -y chromium` (or set CHROMIUM_PATH). The widget tests need a real browser.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, request):
    """Opens pages in fresh contexts (own localStorage); screenshots them if the test fails."""
    contexts = []
    failed_before = request.session.testsfailed

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    errors: List[str] = []
    open_page.errors = errors
    yield open_page
    if request.session.testsfailed > failed_before:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        for i, context in enumerate(contexts):
            for j, page in enumerate(context.pages):
                stem = ARTIFACTS / f"{name}-{i}-{j}"
                try:
                    page.screenshot(path=f"{stem}.png", full_page=True)
                    Path(f"{stem}.html").write_text(page.content())
                except Exception:  # a crashed page: keep going, other pages may tell more
                    pass
        if errors:
            (ARTIFACTS / f"{name}-page-errors.txt").write_text("\n".join(errors))
    for context in contexts:
        context.close()


def expect(target):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def open_widget(page):
    launcher = page.locator(".dnw-launcher")
    expect(launcher).to_be_visible()
    launcher.click()
    expect(page.locator(".dnw-panel")).to_be_visible()
    return page.locator(".dnw-input")


def ask(page, text: str) -> None:
    page.locator(".dnw-input").fill(text)
    page.locator(".dnw-input").press("Enter")


def bot_messages(page):
    return page.locator(".dnw-log .dnw-msg-bot")


def stored_session_id(page) -> str:
    saved = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('dry-needling-chat:'))")
    assert saved, "the widget stored nothing in localStorage"
    return json.loads(saved[1])["sessionId"]


def host_page(script_tag: str) -> str:
    """A clinic's own page, with only the one embed tag added."""
    return f"<!doctype html><html lang=en><head><title>Clinic</title></head><body><h1>Clinic</h1>{script_tag}</body></html>"


class ClinicSite:
    """A clinic's website on another origin (its own port on localhost). A real server, not
    Playwright routing: Chromium blocks pages of unknown address space from loading
    scripts off the loopback address (Local Network Access)."""

    def __init__(self) -> None:
        pages = self.pages = {}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                body = pages.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page_with(self, script_tag: str) -> str:
        path = f"/page-{len(self.pages)}.html"
        self.pages[path] = host_page(script_tag)
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"


@pytest.fixture(scope="module")
def clinic_site() -> Iterator[ClinicSite]:
    site = ClinicSite()
    yield site
    site.server.shutdown()
    site.server.server_close()


def other_origin(url: str) -> str:
    """The same server under another origin: localhost instead of 127.0.0.1."""
    return url.replace("http://127.0.0.1:", "http://localhost:")


# --------------------------------------------------------------------------- routes

def test_demo_page_has_widget_and_escaped_clinic_settings(widget_server: WidgetServer) -> None:
    r = requests.get(f"{widget_server.url}/chat/", timeout=5)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert re.search(r'<script src="widget\.js"', r.text)
    assert 'data-emergency-number="999"' in r.text
    assert "Harbour &lt;b&gt;Physio&lt;/b&gt; &amp; &quot;Co&quot;" in r.text
    assert "<b>Physio</b>" not in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "$" not in r.text, "an unfilled placeholder is left in the page"


def test_chat_without_slash_redirects(widget_server: WidgetServer) -> None:
    r = requests.get(f"{widget_server.url}/chat", timeout=5, allow_redirects=False)
    assert r.status_code == 301
    assert requests.get(f"{widget_server.url}/chat", timeout=5).url.endswith("/chat/")


@pytest.mark.parametrize(
    "path, content_type, marker",
    [
        ("/chat/widget.js", "application/javascript", "DryNeedlingChat"),
        ("/chat/socket.io.min.js", "application/javascript", "Socket.IO v4.7"),
        ("/chat/widget.css", "text/css", ".dnw-root"),
    ],
)
def test_assets_are_served(widget_server: WidgetServer, path: str, content_type: str, marker: str) -> None:
    r = requests.get(widget_server.url + path, timeout=5)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(content_type)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert marker in r.text


def test_config_json_comes_from_the_environment(widget_server: WidgetServer) -> None:
    r = requests.get(f"{widget_server.url}/chat/config.json", timeout=5)
    assert r.json() == {"clinic_name": HOSTILE_CLINIC_NAME, "emergency_number": "999", "languages": ["en", "es"]}


def test_demo_page_in_spanish(widget_server: WidgetServer) -> None:
    page = requests.get(f"{widget_server.url}/chat/", params={"lang": "es"}, timeout=5).text
    assert '<html lang="es">' in page and "¿Preguntas sobre la punción seca?" in page
    assert "llame al <a href=\"tel:999\">999</a>" in page and "$" not in page
    assert '<html lang="en">' in requests.get(f"{widget_server.url}/chat/", params={"lang": "fr"}, timeout=5).text


def test_missing_socket_io_client_is_a_clear_503(widget_server: WidgetServer) -> None:
    r = requests.get(f"{widget_server.url}/no-client/chat/socket.io.min.js", timeout=5)
    assert r.status_code == 503
    assert "npm ci" in r.text


# --------------------------------------------------------------------------- widget behaviour

def test_keyboard_open_ask_and_close(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.goto(f"{widget_server.url}/chat/")
    launcher = page.locator(".dnw-launcher")
    expect(launcher).to_be_visible()
    launcher.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".dnw-panel")).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".dnw-input")).to_be_focused()

    log = page.locator(".dnw-log")
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.locator(".dnw-disclaimer")).to_contain_text("not medical advice")
    expect(page.locator(".dnw-disclaimer a[href='tel:999']")).to_have_text("999")
    expect(page.locator(".dnw-title")).to_have_text(HOSTILE_CLINIC_NAME + ": dry needling questions")

    page.keyboard.type("hello there")
    page.keyboard.press("Enter")
    expect(page.locator(".dnw-msg-user")).to_contain_text("hello there")
    expect(bot_messages(page).last).to_contain_text("echo: hello there")
    expect(page.locator(".dnw-typing")).to_be_hidden()
    expect(page.locator(".dnw-input")).to_have_value("")

    page.keyboard.press("Escape")
    expect(page.locator(".dnw-panel")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert not new_page.errors


def test_untrusted_text_is_never_html(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, XSS_PROBE)
    expect(bot_messages(page).last).to_contain_text("echo: " + XSS_PROBE)
    expect(page.locator(".dnw-msg-user").last).to_contain_text(XSS_PROBE)
    assert page.locator(".dnw-log img").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_buttons_are_chips_that_send_their_payload(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, "show buttons")
    chips = page.locator(".dnw-chips .dnw-chip")
    expect(chips).to_have_count(2)
    expect(page.locator(".dnw-chips")).to_have_attribute("aria-label", "Suggested replies")
    chips.filter(has_text="Does it hurt?").click()
    expect(page.locator(".dnw-msg-user").last).to_have_text(re.compile(r"Does it hurt\?$"))
    expect(bot_messages(page).last).to_contain_text("payload received: /faq_does_it_hurt")
    expect(chips).to_have_count(0)  # answered chips go away


def test_emergency_text_becomes_alert_with_call_link(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, "emergency text")
    alert = page.locator(".dnw-log [role='alert']")
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("Call 999 now")
    call = alert.locator("a[href='tel:999']")
    expect(call).to_have_text("Call 999")
    box = call.bounding_box()
    assert box and box["height"] >= 44, "the call link must be easy to tap"
    # The first paragraph ("This could be serious.") is an ordinary message.
    expect(bot_messages(page).filter(has_text="This could be serious.")).not_to_have_attribute("role", "alert")


def test_answer_mentioning_the_number_is_not_an_alert(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, "faq mentions emergency")
    expect(bot_messages(page).last).to_contain_text("Bruising is common")
    expect(page.locator(".dnw-log [role='alert']")).to_have_count(0)
    expect(page.locator(".dnw-log .dnw-call")).to_have_count(0)


def test_emergency_custom_data_marks_the_reply_as_alert(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, "emergency custom")
    alert = page.locator(".dnw-log [role='alert']")
    expect(alert).to_contain_text("Please get help straight away.")
    expect(alert.locator("a[href='tel:999']")).to_have_text("Call 999")
    expect(bot_messages(page)).to_have_count(1)


def test_history_and_session_survive_a_reload(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, "first question")
    expect(bot_messages(page).last).to_contain_text("echo: first question")
    session_id = stored_session_id(page)

    page.reload()
    open_widget(page)
    expect(page.locator(".dnw-msg-user")).to_have_count(1)
    expect(bot_messages(page)).to_contain_text(["echo: first question"])
    ask(page, "second question")
    expect(bot_messages(page).last).to_contain_text("echo: second question")
    assert stored_session_id(page) == session_id
    texts = [m["text"] for m in widget_server.received() if m["sender_id"] == session_id]
    assert texts == ["first question", "second question"]

    page.locator(".dnw-clear").click()
    expect(page.locator(".dnw-log .dnw-msg")).to_have_count(0)
    ask(page, "after clearing")
    expect(bot_messages(page).last).to_contain_text("echo: after clearing")
    assert stored_session_id(page) != session_id


def test_typing_indicator_and_no_reply_notice(widget_server: WidgetServer, new_page) -> None:
    page = new_page()
    page.clock.install()
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, "no reply")
    expect(page.locator(".dnw-typing")).to_be_visible()
    page.clock.fast_forward(21_000)
    expect(page.locator(".dnw-typing")).to_be_hidden()
    expect(page.locator(".dnw-status")).to_contain_text("In an emergency call 999")


def test_phone_screen_panel_is_full_screen(widget_server: WidgetServer, new_page) -> None:
    page = new_page(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    box = page.locator(".dnw-panel").bounding_box()
    assert box == {"x": 0, "y": 0, "width": 375, "height": 667}
    page.locator(".dnw-close").click()
    expect(page.locator(".dnw-launcher")).to_be_focused()


def test_one_tag_embed_on_another_origin(widget_server: WidgetServer, clinic_site: ClinicSite, new_page) -> None:
    """A clinic page elsewhere with just the documented tag: light brand colour, the
    clinic name from the tag, the socket.io connection across origins."""
    page = new_page()
    server = other_origin(widget_server.url)
    tag = (
        f'<script src="{server}/chat/widget.js" data-server="{server}" '
        'data-clinic-name="Bay Clinic" data-emergency-number="999" data-primary-color="#ffd400" defer></script>'
    )
    page.goto(clinic_site.page_with(tag))
    open_widget(page)
    expect(page.locator(".dnw-title")).to_have_text("Bay Clinic: dry needling questions")
    # Yellow brand colour: text on it must be dark to stay readable.
    assert page.locator(".dnw-launcher").evaluate("el => getComputedStyle(el).color") == "rgb(17, 17, 17)"
    ask(page, "hello from the clinic site")
    expect(bot_messages(page).last).to_contain_text("echo: hello from the clinic site")
    assert page.evaluate("() => typeof window.io") == "undefined", "the widget leaked its socket.io global"
    assert not new_page.errors


# --------------------------------------------------------------------------- languages

SPANISH_PLACEHOLDER = "Pregunte sobre la punción seca\u2026"
ENGLISH_PLACEHOLDER = "Ask about dry needling\u2026"


def expect_spanish_ui(page) -> None:
    expect(page.locator(".dnw-root")).to_have_attribute("lang", "es")
    expect(page.locator(".dnw-input")).to_have_attribute("placeholder", SPANISH_PLACEHOLDER)
    expect(page.locator(".dnw-input")).to_have_attribute("aria-label", "Su pregunta")
    expect(page.locator(".dnw-send")).to_have_text("Enviar")
    expect(page.locator(".dnw-clear")).to_have_text("Borrar")
    expect(page.locator(".dnw-close")).to_have_attribute("aria-label", "Cerrar el chat")
    expect(page.locator(".dnw-launcher")).to_have_attribute("aria-label", re.compile("preguntas sobre la punción seca"))
    expect(page.locator(".dnw-disclaimer")).to_contain_text("no consejo médico. En una emergencia, llame al 999 ahora.")
    expect(page.locator(".dnw-disclaimer a[href='tel:999']")).to_have_text("999")


def expect_english_ui(page) -> None:
    expect(page.locator(".dnw-root")).to_have_attribute("lang", "en")
    expect(page.locator(".dnw-input")).to_have_attribute("placeholder", ENGLISH_PLACEHOLDER)
    expect(page.locator(".dnw-send")).to_have_text("Send")
    expect(page.locator(".dnw-disclaimer")).to_contain_text("In an emergency call 999 now.")


def test_the_widget_switches_to_the_language_of_the_bots_reply(widget_server: WidgetServer, new_page) -> None:
    page = new_page(locale="en-US")
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    expect_english_ui(page)
    ask(page, "hola")
    expect(bot_messages(page).last).to_contain_text("¡Hola!")
    expect_spanish_ui(page)
    expect(page.locator(".dnw-msg-user .dnw-sr-only").first).to_have_text("Usted: ")
    expect(bot_messages(page).last.locator(".dnw-sr-only")).to_have_text("Asistente: ")
    expect(page.locator(".dnw-title")).to_have_text(HOSTILE_CLINIC_NAME + ": preguntas sobre la punción seca")
    # Spanish buttons come from the bot; the widget labels their group
    ask(page, "opciones")
    expect(page.locator(".dnw-chips")).to_have_attribute("aria-label", "Respuestas sugeridas")
    page.locator(".dnw-chip").click()
    expect(bot_messages(page).last).to_contain_text("echo: ¿Cuánto cuesta la punción seca?")

    page.reload()  # the conversation's language is kept with its history
    open_widget(page)
    expect_spanish_ui(page)
    ask(page, "in english please")
    expect(bot_messages(page).last).to_contain_text("Of course.")
    expect_english_ui(page)
    expect(page.locator(".dnw-msg-user .dnw-sr-only").first).to_have_text("You: ")
    assert not new_page.errors


def test_a_spanish_emergency_is_a_spanish_alert(widget_server: WidgetServer, new_page) -> None:
    page = new_page(locale="en-US")
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    ask(page, "emergencia")
    alert = page.locator(".dnw-log [role='alert']")
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("Llame al 999 ahora")
    expect(alert.locator(".dnw-sr-only")).to_have_text("Urgente: ")
    expect(alert.locator("a[href='tel:999']")).to_have_text("Llamar al 999")


def test_a_spanish_page_opens_in_spanish_and_says_so_to_the_bot(widget_server: WidgetServer, new_page) -> None:
    page = new_page(locale="en-US")
    page.goto(f"{widget_server.url}/chat/?lang=es")
    open_widget(page)
    expect_spanish_ui(page)
    ask(page, "ok")
    expect(bot_messages(page).last).to_contain_text("echo: ok")
    ask(page, "hola")
    expect(bot_messages(page).last).to_contain_text("¡Hola!")
    ask(page, "ok otra vez")
    expect(bot_messages(page).last).to_contain_text("echo: ok otra vez")
    session_id = stored_session_id(page)
    sent = {m["text"]: m["metadata"] for m in widget_server.received() if m["sender_id"] == session_id}
    # Until the bot has answered in a language, the page's language goes with each message
    # (the bot uses it only when the message's own language is unclear); then no more.
    assert sent["ok"] == {"language": "es"} and sent["hola"] == {"language": "es"}
    assert not sent["ok otra vez"]


def test_a_spanish_browser_gets_the_widget_in_spanish(widget_server: WidgetServer, new_page) -> None:
    page = new_page(locale="es-ES")
    page.goto(f"{widget_server.url}/chat/")
    open_widget(page)
    expect_spanish_ui(page)


@pytest.mark.parametrize("data_lang, locale, spanish", [("es", "en-US", True), ("en", "es-MX", False)])
def test_the_embed_tag_can_name_the_language(widget_server: WidgetServer, clinic_site: ClinicSite, new_page,
                                             data_lang: str, locale: str, spanish: bool) -> None:
    page = new_page(locale=locale)
    server = other_origin(widget_server.url)
    tag = f'<script src="{server}/chat/widget.js" data-server="{server}" data-lang="{data_lang}" defer></script>'
    page.goto(clinic_site.page_with(tag))
    open_widget(page)
    (expect_spanish_ui if spanish else expect_english_ui)(page)


# --------------------------------------------------------------------------- end to end

def test_service_serves_the_widget(stack) -> None:
    page = requests.get(f"{stack.url}/chat/", timeout=10)
    assert page.status_code == 200
    assert re.search(r"<script[^>]+src=\"[^\"]*widget\.js\"", page.text)
    assert 'data-emergency-number="999"' in page.text
    for path in ("/chat/widget.js", "/chat/socket.io.min.js"):
        r = requests.get(stack.url + path, timeout=10)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("application/javascript"), path


def test_end_to_end_conversation_survives_reload(stack, new_page) -> None:
    page = new_page()
    page.goto(f"{stack.url}/chat/")
    open_widget(page)
    ask(page, "does dry needling hurt")
    answer = bot_messages(page).first
    expect(answer).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    assert len(answer.inner_text().strip()) > 20
    page.wait_for_timeout(1000)  # a reply may come in several messages
    session_id = stored_session_id(page)
    answers_before = bot_messages(page).count()

    page.reload()
    open_widget(page)
    expect(page.locator(".dnw-msg-user")).to_have_text([re.compile("does dry needling hurt")])
    expect(bot_messages(page)).to_have_count(answers_before)
    ask(page, "how many sessions will I need")
    expect(page.locator(".dnw-msg-user")).to_have_count(2)
    expect(bot_messages(page)).not_to_have_count(answers_before, timeout=REPLY_TIMEOUT_MS)
    assert stored_session_id(page) == session_id

    tracker = requests.get(
        f"{stack.url}/conversations/{session_id}/tracker", params={"token": stack.token}, timeout=10
    ).json()
    user_texts = [e.get("text") for e in tracker["events"] if e["event"] == "user"]
    assert "does dry needling hurt" in user_texts
    assert "how many sessions will I need" in user_texts
    assert {e.get("input_channel") for e in tracker["events"] if e["event"] == "user"} == {"socketio"}


def test_end_to_end_emergency_alert(stack, new_page) -> None:
    page = new_page()
    page.goto(f"{stack.url}/chat/")
    open_widget(page)
    ask(page, "i cant breathe")
    alert = page.locator(".dnw-log [role='alert']").first
    expect(alert).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    expect(alert.locator("a[href='tel:999']")).to_have_text("Call 999")


def test_end_to_end_spanish_conversation(stack, new_page) -> None:
    """The real model: "hola" gets the Spanish greeting and the widget's words turn
    Spanish; an emergency in Spanish is a Spanish alert with a Spanish call link."""
    page = new_page(locale="en-US")
    page.goto(f"{stack.url}/chat/")
    open_widget(page)
    expect_english_ui(page)
    ask(page, "hola")
    greeting = bot_messages(page).first
    expect(greeting).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    expect(greeting).to_contain_text("¡Hola! Soy el asistente de punción seca de Harbour Physio")
    expect_spanish_ui(page)
    ask(page, "me falta el aire y me duele mucho el pecho")
    alert = page.locator(".dnw-log [role='alert']").first
    expect(alert).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    expect(alert).to_contain_text("Llame al 999 ahora")
    expect(alert.locator(".dnw-sr-only")).to_have_text("Urgente: ")
    expect(alert.locator("a[href='tel:999']")).to_have_text("Llamar al 999")
    expect_spanish_ui(page)
    session_id = stored_session_id(page)
    tracker = requests.get(f"{stack.url}/conversations/{session_id}/tracker", params={"token": stack.token},
                           timeout=10).json()
    assert tracker["slots"]["language"] == "es" and tracker["slots"]["urgency"] == "emergency"
    assert not new_page.errors


def test_end_to_end_embed_on_another_origin(stack, clinic_site: ClinicSite, new_page) -> None:
    page = new_page()
    server = other_origin(stack.url)
    tag = f'<script src="{server}/chat/widget.js" data-server="{server}" defer></script>'
    page.goto(clinic_site.page_with(tag))
    open_widget(page)
    # No data attributes: name and emergency number come from the service's environment.
    expect(page.locator(".dnw-title")).to_have_text("Harbour Physio: dry needling questions")
    expect(page.locator(".dnw-disclaimer a[href='tel:999']")).to_be_visible()
    ask(page, "what is dry needling")
    expect(bot_messages(page).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
