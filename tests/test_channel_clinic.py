"""POST /webhooks/clinic/webhook: HMAC-signed JSON in, bot messages plus urgency out."""
from __future__ import annotations

import asyncio
import http.server
import json
import queue
import threading
import time
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import jsonschema
import pytest
import requests
import yaml
from aiohttp import web

from bot import settings
from bot.channels import signing
from bot.channels.clinic import ClinicWebhookInput
from tests.channel_testing import ChannelClient, ScriptedBot
from tests.servers import ROOT, free_port

SECRET = "unit-test-clinic-secret"
PATH = "/webhooks/clinic/webhook"


def body_of(payload: Any) -> bytes:
    return json.dumps(payload).encode()


def signed_post(client: ChannelClient, raw: bytes, secret: str = SECRET, timestamp: Optional[int] = None) -> Any:
    return client.post(PATH, content=raw, headers={
        "Content-Type": "application/json", "X-Signature": signing.sign(secret, raw, timestamp)})


def make(script: Optional[Callable] = None, secret: Optional[str] = SECRET) -> ChannelClient:
    return ChannelClient(ClinicWebhookInput(secret), ScriptedBot(script) if script else ScriptedBot())


@pytest.fixture
def client() -> Iterator[ChannelClient]:
    c = make()
    yield c
    c.close()


def triage_script(text: str) -> List[Dict[str, Any]]:
    if "breathe" in text:
        return [{"text": "Call 999 now.", "slots": {"urgency": "emergency"}}]
    if "fever" in text:
        return [{"text": "Contact the clinic today.", "slots": {"urgency": "urgent"}}]
    return [{"text": "Dry needling uses thin needles."}]


# ---------------------------------------------------------------------------------------
# Signed requests


def test_a_signed_message_gets_the_messages_and_urgency(client: ChannelClient) -> None:
    r = signed_post(client, body_of({"sender": "patient-7", "message": "what is it?", "metadata": {"portal": "x"}}))
    assert r.status_code == 200
    reply = r.json()
    assert reply["sender"] == "patient-7"
    assert reply["messages"] == [{"recipient_id": "patient-7", "text": "you said: what is it?"}]
    assert reply["urgency"] is None and reply["escalated"] is False
    assert len(reply["message_id"]) == 32
    (call,) = client.bot.calls
    assert (call.sender_id, call.input_channel, call.metadata) == ("patient-7", "clinic", {"portal": "x"})
    assert call.message_id == reply["message_id"]


@pytest.mark.parametrize(
    "text, urgency, escalated",
    [("I can't breathe", "emergency", True), ("I have a fever", "urgent", True), ("hello", None, False)],
)
def test_urgency_comes_from_the_conversation_slot(text: str, urgency: Optional[str], escalated: bool) -> None:
    client = make(triage_script)
    try:
        reply = signed_post(client, body_of({"sender": "p", "message": text})).json()
    finally:
        client.close()
    assert (reply["urgency"], reply["escalated"]) == (urgency, escalated)


def test_urgency_is_the_conversations_not_just_this_turns() -> None:
    client = make(triage_script)
    try:
        signed_post(client, body_of({"sender": "p", "message": "I can't breathe"}))
        reply = signed_post(client, body_of({"sender": "p", "message": "ok thanks"})).json()
        other = signed_post(client, body_of({"sender": "q", "message": "ok thanks"})).json()
    finally:
        client.close()
    assert reply["urgency"] == "emergency" and reply["escalated"] is True
    assert other["urgency"] is None


def test_old_but_in_window_signatures_are_accepted(client: ChannelClient) -> None:
    raw = body_of({"sender": "p", "message": "hi"})
    assert signed_post(client, raw, timestamp=int(time.time()) - 250).status_code == 200


# ---------------------------------------------------------------------------------------
# Refused: 401 before the body is looked at


@pytest.mark.parametrize(
    "header",
    [None, "", "t=1", "v1=" + "0" * 64, "t=abc,v1=" + "0" * 64, "nonsense",
     f"t={int(time.time())},v1=" + "0" * 64],
)
def test_missing_malformed_or_wrong_signatures_get_401(client: ChannelClient, header: Optional[str]) -> None:
    headers = {"X-Signature": header} if header is not None else {}
    r = client.post(PATH, content=body_of({"sender": "p", "message": "hi"}), headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]
    assert client.bot.calls == []


@pytest.mark.parametrize("age", [301, 3600, -301])
def test_stale_or_future_signatures_get_401(client: ChannelClient, age: int) -> None:
    r = signed_post(client, body_of({"sender": "p", "message": "hi"}), timestamp=int(time.time()) - age)
    assert r.status_code == 401
    assert client.bot.calls == []


def test_another_secret_gets_401(client: ChannelClient) -> None:
    r = signed_post(client, body_of({"sender": "p", "message": "hi"}), secret="not-the-secret")
    assert r.status_code == 401


def test_a_body_changed_after_signing_gets_401(client: ChannelClient) -> None:
    raw = body_of({"sender": "p", "message": "hi"})
    header = signing.sign(SECRET, raw)
    r = client.post(PATH, content=body_of({"sender": "p", "message": "hi!"}), headers={"X-Signature": header})
    assert r.status_code == 401


def test_unsigned_garbage_gets_401_not_400(client: ChannelClient) -> None:
    assert client.post(PATH, content=b"\xff not json").status_code == 401


def test_the_channel_is_off_without_a_secret(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING"):
        client = make(secret=None)
    try:
        assert "Clinic webhook channel off" in caplog.text
        r = signed_post(client, body_of({"sender": "p", "message": "hi"}), secret="")
        assert r.status_code == 401
        assert client.bot.calls == []
    finally:
        client.close()


# ---------------------------------------------------------------------------------------
# Signed but malformed: the REST channel's 4xx


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"{oops", 400),
        (b"[]", 400),
        (b'{"sender": "p"}', 400),
        (b'{"sender": "p", "message": "  "}', 400),
        (b'{"sender": "p", "message": 3}', 400),
        (b'{"sender": "no spaces", "message": "hi"}', 400),
        (b'{"sender": "p", "message": "hi", "metadata": 1}', 400),
        (b'{"sender": "p", "message": "caf\xe9"}', 400),
        (body_of({"sender": "p", "message": "x" * (settings.MAX_MESSAGE_CHARS + 1)}), 413),
    ],
)
def test_signed_bad_bodies_get_a_json_4xx(client: ChannelClient, raw: bytes, status: int) -> None:
    r = signed_post(client, raw)
    assert r.status_code == status
    assert r.json()["error"]
    assert client.bot.calls == []
    assert signed_post(client, body_of({"sender": "p", "message": "hi"})).status_code == 200


@pytest.mark.parametrize("url", ["ftp://clinic.example/cb", "not a url", 42, "https://", "x" * 3000])
def test_a_bad_callback_url_gets_400(client: ChannelClient, url: Any) -> None:
    r = signed_post(client, body_of({"sender": "p", "message": "hi", "metadata": {"callback_url": url}}))
    assert r.status_code == 400
    assert "callback_url" in r.json()["error"]


# ---------------------------------------------------------------------------------------
# Async mode: 202 now, the signed reply POSTed to callback_url later


class Receiver:
    """A real HTTP endpoint on 127.0.0.1 inside the test's event loop."""

    def __init__(self, client: ChannelClient, statuses: Optional[List[int]] = None) -> None:
        self.client = client
        self.statuses = list(statuses or [])
        self.received: List[Tuple[bytes, Dict[str, str]]] = []
        self.port = free_port()
        self.runner: Optional[web.AppRunner] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/callback"

    async def _handle(self, request: web.Request) -> web.Response:
        self.received.append((await request.read(), dict(request.headers)))
        return web.Response(status=self.statuses.pop(0) if self.statuses else 200)

    def start(self) -> "Receiver":
        async def start() -> None:
            app = web.Application()
            app.router.add_post("/callback", self._handle)
            self.runner = web.AppRunner(app)
            await self.runner.setup()
            await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

        self.client.run(start())
        return self

    def wait_for(self, count: int, timeout: float = 15) -> None:
        async def wait() -> None:
            deadline = time.monotonic() + timeout
            while len(self.received) < count and time.monotonic() < deadline:
                await asyncio.sleep(0.05)

        self.client.run(wait())

    def stop(self) -> None:
        if self.runner:
            self.client.run(self.runner.cleanup())


def test_a_callback_url_gets_202_then_the_signed_reply() -> None:
    client = make(triage_script)
    receiver = Receiver(client).start()
    try:
        raw = body_of({"sender": "p9", "message": "I can't breathe", "metadata": {"callback_url": receiver.url}})
        r = signed_post(client, raw)
        assert r.status_code == 202
        accepted = r.json()
        assert accepted["status"] == "accepted" and accepted["sender"] == "p9"
        receiver.wait_for(1)
    finally:
        receiver.stop()
        client.close()
    ((body, headers),) = receiver.received
    assert signing.verify(SECRET, body, headers["X-Signature"])
    assert headers["Content-Type"] == "application/json"
    reply = json.loads(body)
    assert reply == {
        "sender": "p9",
        "message_id": accepted["message_id"],
        "messages": [{"recipient_id": "p9", "text": "Call 999 now."}],
        "urgency": "emergency",
        "escalated": True,
        "language": "en",
    }


def test_a_failing_callback_endpoint_is_retried_then_left() -> None:
    client = make()
    receiver = Receiver(client, statuses=[503, 200]).start()
    try:
        raw = body_of({"sender": "p", "message": "hi", "metadata": {"callback_url": receiver.url}})
        assert signed_post(client, raw).status_code == 202
        receiver.wait_for(2)
        assert len(receiver.received) == 2
        # Each attempt is signed afresh and verifies on its own.
        assert all(signing.verify(SECRET, b, h["X-Signature"]) for b, h in receiver.received)
    finally:
        receiver.stop()
        client.close()


def test_a_refusing_callback_endpoint_is_not_retried() -> None:
    client = make()
    receiver = Receiver(client, statuses=[401]).start()
    try:
        raw = body_of({"sender": "p", "message": "hi", "metadata": {"callback_url": receiver.url}})
        assert signed_post(client, raw).status_code == 202
        receiver.wait_for(1)
        receiver.wait_for(2, timeout=1.5)  # a retry would come after 1 s
        assert len(receiver.received) == 1
    finally:
        receiver.stop()
        client.close()


# ---------------------------------------------------------------------------------------
# The published contract (docs/clinic-webhook.openapi.yaml) matches what the channel does


def _json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema -> JSON Schema: `nullable: true` becomes a "null" type."""
    if isinstance(node, dict):
        converted = {k: _json_schema(v) for k, v in node.items() if k != "nullable"}
        if node.get("nullable") and "type" in node:
            converted["type"] = [node["type"], "null"]
        return converted
    if isinstance(node, list):
        return [_json_schema(v) for v in node]
    return node


def schema_validator(name: str) -> jsonschema.Draft7Validator:
    spec = yaml.safe_load((ROOT / "docs" / "clinic-webhook.openapi.yaml").read_text())
    root = {"$ref": f"#/components/schemas/{name}", "components": _json_schema(spec["components"])}
    return jsonschema.Draft7Validator(root)


def test_replies_match_the_openapi_document() -> None:
    client = make(triage_script)
    try:
        ok = signed_post(client, body_of({"sender": "p", "message": "I have a fever"})).json()
        plain = signed_post(client, body_of({"sender": "q", "message": "hello"})).json()
        accepted = signed_post(client, body_of({"sender": "p", "message": "hi", "metadata": {
            "callback_url": "http://127.0.0.1:9/unused"}})).json()
        error = signed_post(client, body_of({"sender": "p", "message": ""})).json()
    finally:
        client.close()
    schema_validator("BotReply").validate(ok)
    schema_validator("BotReply").validate(plain)
    schema_validator("Accepted").validate(accepted)
    schema_validator("Error").validate(error)
    with pytest.raises(jsonschema.ValidationError):  # the check itself can fail
        schema_validator("BotReply").validate({**ok, "urgency": "panic"})


def spanish_script(text: str) -> List[Dict[str, Any]]:
    if text == "ok":  # a reply that says no language, in a conversation that has one
        return [{"text": "Muy bien.", "slots": {"language": "es"}}]
    return [{"text": "Llame al 999 ahora.", "language": "es", "slots": {"urgency": "emergency", "language": "es"}}]


def test_the_reply_says_which_language_it_is_written_in() -> None:
    client = make(spanish_script)
    try:
        reply = signed_post(client, body_of({"sender": "p", "message": "no puedo respirar"})).json()
        assert reply["language"] == "es"
        assert reply["messages"] == [{"recipient_id": "p", "text": "Llame al 999 ahora.", "metadata": {"language": "es"}}]
        schema_validator("BotReply").validate(reply)
        # a message that says no language: the conversation's
        assert signed_post(client, body_of({"sender": "q", "message": "ok"})).json()["language"] == "es"
    finally:
        client.close()


@pytest.mark.parametrize("languages, expected", [("en,es", "en"), ("es,en", "es"), ("es", "es")])
def test_without_any_language_said_the_reply_is_in_the_clinics_first(monkeypatch: pytest.MonkeyPatch,
                                                                      client: ChannelClient, languages: str,
                                                                      expected: str) -> None:
    monkeypatch.setenv("LANGUAGES", languages)
    assert signed_post(client, body_of({"sender": "p", "message": "hi"})).json()["language"] == expected


def test_the_openapi_example_request_is_accepted(client: ChannelClient) -> None:
    spec = yaml.safe_load((ROOT / "docs" / "clinic-webhook.openapi.yaml").read_text())
    operation = spec["paths"][PATH]["post"]
    example = operation["requestBody"]["content"]["application/json"]["examples"]["question"]["value"]
    schema_validator("IncomingMessage").validate(example)
    assert signed_post(client, body_of(example)).status_code == 200


# ---------------------------------------------------------------------------------------
# End to end: the real server and model


def e2e_post(stack: Any, payload: Dict[str, Any], secret: Optional[str] = None,
             timestamp: Optional[int] = None) -> requests.Response:
    raw = body_of(payload)
    header = signing.sign(secret or stack.env["CLINIC_WEBHOOK_SECRET"], raw, timestamp)
    return requests.post(f"{stack.url}{PATH}", data=raw, timeout=60,
                         headers={"Content-Type": "application/json", "X-Signature": header})


def test_e2e_a_faq_question(stack: Any) -> None:
    r = e2e_post(stack, {"sender": "clinic-e2e-1", "message": "how long does a session take?", "metadata": {}})
    assert r.status_code == 200
    reply = r.json()
    assert reply["sender"] == "clinic-e2e-1" and reply["messages"]
    assert reply["urgency"] not in ("emergency", "urgent") and reply["escalated"] is False


def test_e2e_an_emergency_is_escalated(stack: Any) -> None:
    r = e2e_post(stack, {"sender": "clinic-e2e-2", "message": "I can't breathe properly since my session"})
    reply = r.json()
    assert reply["urgency"] == "emergency" and reply["escalated"] is True
    assert stack.env["EMERGENCY_NUMBER"] in reply["messages"][0]["text"]


def test_e2e_the_reply_says_its_language(stack: Any) -> None:
    english = e2e_post(stack, {"sender": "clinic-e2e-lang-1", "message": "hello"}).json()
    assert english["language"] == "en" and english["messages"][0]["metadata"] == {"language": "en"}
    spanish = e2e_post(stack, {"sender": "clinic-e2e-lang-1", "message": "hola, buenos días"}).json()
    assert spanish["language"] == "es" and spanish["messages"][0]["text"].startswith("¡Hola!")
    assert all(m["metadata"] == {"language": "es"} for m in spanish["messages"])
    # a short message keeps the conversation's language
    assert e2e_post(stack, {"sender": "clinic-e2e-lang-1", "message": "ok"}).json()["language"] == "es"
    schema_validator("BotReply").validate(spanish)


def test_e2e_the_patients_preferred_language_decides_an_unclear_first_message(stack: Any) -> None:
    reply = e2e_post(stack, {"sender": "clinic-e2e-lang-2", "message": "ok", "metadata": {"language": "es-MX"}}).json()
    assert reply["language"] == "es"
    # the patient's own words win over the preference
    reply = e2e_post(stack, {"sender": "clinic-e2e-lang-2", "message": "does dry needling hurt?",
                             "metadata": {"language": "es"}}).json()
    assert reply["language"] == "en"


def test_e2e_bad_signatures_and_bodies(stack: Any) -> None:
    payload = {"sender": "clinic-e2e-3", "message": "hi"}
    assert e2e_post(stack, payload, secret="wrong").status_code == 401
    assert e2e_post(stack, payload, timestamp=int(time.time()) - 600).status_code == 401
    assert requests.post(f"{stack.url}{PATH}", data=body_of(payload), timeout=30).status_code == 401
    assert e2e_post(stack, {"sender": "clinic-e2e-3", "message": ""}).status_code == 400
    assert e2e_post(stack, payload).status_code == 200


class _CallbackHandler(http.server.BaseHTTPRequestHandler):
    received: "queue.Queue[Tuple[bytes, Dict[str, str]]]" = queue.Queue()

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.received.put((body, dict(self.headers)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_e2e_async_callback(stack: Any) -> None:
    server = http.server.HTTPServer(("127.0.0.1", free_port()), _CallbackHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/cb"
        r = e2e_post(stack, {"sender": "clinic-e2e-4", "message": "what should I wear?",
                             "metadata": {"callback_url": url}})
        assert r.status_code == 202
        body, headers = _CallbackHandler.received.get(timeout=60)
    finally:
        server.shutdown()
    assert signing.verify(stack.env["CLINIC_WEBHOOK_SECRET"], body, headers["X-Signature"])
    reply = json.loads(body)
    assert reply["sender"] == "clinic-e2e-4" and reply["messages"]
    assert reply["message_id"] == r.json()["message_id"]
