"""The staff console and the widget together, in real headless Chromium, on the real
service (`stack`): a patient's emergency reaches the signed-in console without a reload,
staff take over and write, the patient reads it live, FAQ questions go to staff, red flags
are still answered, and after the release the bot answers again. Plus axe-core (npm)
WCAG 2.1 AA + best-practice checks of the console and the widget.

With DOCS_SCREENSHOTS=1 the README's screenshots are (re)written under docs/.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Dict, List

import pytest

from tests.console_testing import PASSWORD, new_account, say
from tests.servers import ROOT
from tests.test_widget_browser import (  # noqa: F401 - new_page: a pytest fixture used by name
    CHROMIUM,
    CHROMIUM_ARGS,
    REPLY_TIMEOUT_MS,
    ask,
    bot_messages,
    expect,
    new_page,
    open_widget,
    stored_session_id,
)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
DOCS = ROOT / "docs"
LIVE_MS = 15_000  # the console polls every 3 s


@pytest.fixture(scope="module")
def browser():
    """This module's own Chromium, stopped when the module ends: a sync Playwright left
    running keeps an asyncio loop on the main thread, and later tests' asyncio.run fails."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make system-deps` installs Debian's package.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


def sign_in(page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/console/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#who")).to_contain_text(email)


def axe_violations(page) -> List[Dict]:
    assert AXE.is_file(), "axe-core is missing: run `npm ci`"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]]


def screenshot(page, name: str) -> None:
    if os.environ.get("DOCS_SCREENSHOTS") == "1":
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(DOCS / name), full_page=True)


def test_widget_emergency_live_handoff_and_release(stack, new_page) -> None:
    email = new_account(stack)
    staff_page = new_page(viewport={"width": 1280, "height": 900})
    sign_in(staff_page, stack.url, email)

    patient = new_page()
    patient.goto(f"{stack.url}/chat/")
    open_widget(patient)
    ask(patient, "i cant breathe")
    expect(patient.locator(".dnw-log [role='alert']").first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    conversation = stored_session_id(patient)

    # The emergency appears in the open console, no reload.
    row = staff_page.locator(f"#queue-body tr[data-conversation='{conversation}']")
    expect(row).to_be_visible(timeout=LIVE_MS)
    expect(row.locator("td").first).to_have_text(re.compile("^Emergency"))
    expect(staff_page.locator("#alerts")).to_contain_text("New emergency", timeout=LIVE_MS)
    row.get_by_role("button", name="Acknowledge").click()
    expect(row.locator(".item-status")).to_contain_text(f"acknowledged (ack. {email})", timeout=LIVE_MS)

    row.get_by_role("button", name=re.compile("^Open")).click()
    transcript = staff_page.locator("#transcript")
    expect(transcript).to_contain_text("i cant breathe")
    staff_page.get_by_role("button", name="Take over").click()
    expect(staff_page.locator("#reply-form")).to_be_visible()
    staff_page.get_by_label("Message to the patient").fill("Hello, this is Sam at the clinic. Are you safe?")
    staff_page.get_by_role("button", name="Send").click()
    expect(staff_page.locator("#conversation-status")).to_have_text("Sent.")
    screenshot(staff_page, "console-handoff.png")

    # The patient reads it live, marked as written by the clinic.
    staff_bubble = patient.locator(".dnw-msg-staff")
    expect(staff_bubble).to_contain_text("Hello, this is Sam at the clinic.", timeout=LIVE_MS)
    expect(staff_bubble).to_contain_text("Clinic staff")

    # An FAQ question now goes to staff, not the bot.
    answers_before = bot_messages(patient).count()
    ask(patient, "does dry needling hurt")
    expect(transcript).to_contain_text("does dry needling hurt", timeout=LIVE_MS)
    patient.wait_for_timeout(2000)
    expect(bot_messages(patient)).to_have_count(answers_before)

    # A red flag during the takeover still gets the emergency reply, and alerts staff.
    ask(patient, "i have chest pain now")
    expect(patient.locator(".dnw-log [role='alert']")).to_have_count(2, timeout=REPLY_TIMEOUT_MS)
    expect(staff_page.locator("#alerts")).to_contain_text(f"during a takeover by {email}", timeout=LIVE_MS)

    staff_page.get_by_role("button", name="Hand back to the bot").click()
    expect(staff_page.locator("#take-over")).to_be_visible()
    answers_before = bot_messages(patient).count()
    ask(patient, "how many sessions will I need")
    expect(bot_messages(patient)).to_have_count(answers_before + 1, timeout=REPLY_TIMEOUT_MS)
    assert not new_page.errors


def test_console_has_no_accessibility_violations(stack, new_page) -> None:
    page = new_page(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page.goto(f"{stack.url}/console/")
    assert axe_violations(page) == [], "sign-in page"
    screenshot(page, "console-sign-in.png")

    conversation = "a11y-" + os.urandom(4).hex()
    say(stack, conversation, "the needle spot on my calf is red, hot and the redness is spreading")
    say(stack, conversation, "can someone call me back pls")
    sign_in(page, stack.url, new_account(stack))
    row = page.locator(f"#queue-body tr[data-conversation='{conversation}']").first
    expect(row).to_be_visible(timeout=LIVE_MS)
    row.get_by_role("button", name=re.compile("^Open")).click()
    expect(page.locator("#transcript")).to_contain_text("call me back")
    assert axe_violations(page) == [], "console with the queue and a conversation"
    page.get_by_role("button", name="Take over").click()
    expect(page.locator("#reply-form")).to_be_visible()
    assert axe_violations(page) == [], "console during a takeover"
    screenshot(page, "console-queue.png")


def test_axe_reports_a_known_violation(new_page) -> None:
    """The check above can fail: an image without alt text is reported."""
    page = new_page(bypass_csp=True)
    page.set_content("<!doctype html><html lang=en><head><title>t</title></head><body><main>"
                     "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main></body></html>")
    assert "image-alt" in [v["id"] for v in axe_violations(page)]


def test_widget_has_no_accessibility_violations(stack, new_page) -> None:
    page = new_page(bypass_csp=True)
    page.goto(f"{stack.url}/chat/")
    open_widget(page)
    for question in ("does dry needling hurt", "what are the side effects", "how many sessions will I need"):
        count = bot_messages(page).count()
        ask(page, question)
        expect(bot_messages(page)).not_to_have_count(count, timeout=REPLY_TIMEOUT_MS)
    log = page.locator(".dnw-log")
    assert log.evaluate("log => log.scrollHeight > log.clientHeight"), "the message list should scroll by now"
    assert axe_violations(page) == []

    # What keeps it passing: the scrollable message list is focusable (tabindex=0, role=log,
    # a label). Without the tabindex axe reports it, so the check above is a real one.
    log.evaluate("log => log.removeAttribute('tabindex')")
    assert "scrollable-region-focusable" in [v["id"] for v in axe_violations(page)]
    log.evaluate("log => log.setAttribute('tabindex', '0')")

    ask(page, "i cant breathe")
    expect(page.locator(".dnw-log [role='alert']").first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    assert axe_violations(page) == []
