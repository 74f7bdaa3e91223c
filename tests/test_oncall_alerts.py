"""On-call alerts through real local servers: SMTP (aiosmtpd), Twilio's REST API (fake,
driven by the official client) and Slack / Teams incoming webhooks (a recording HTTP
server). Retries, the off-by-default message text, and the whole path on the service."""
from __future__ import annotations

import json
import uuid
from typing import Iterator

import pytest

from bot import settings
from bot.clinic.alerts import Alert, OnCallAlerts
from tests.conftest import ON_CALL_NUMBER, TEST_ENV, on_call_alert_env
from tests.console_testing import Console, say
from tests.fake_services import FakeSmtp, FakeTwilioApi, WebhookReceiver

PATIENT_TEXT = "my chest hurts since the session, I am Jane Roe"


@pytest.fixture
def fakes(monkeypatch) -> Iterator[tuple]:
    smtp, twilio_api, webhooks = FakeSmtp(), FakeTwilioApi(), WebhookReceiver()
    for name, value in {**TEST_ENV, **on_call_alert_env(smtp, webhooks), "TWILIO_API_BASE_URL": twilio_api.url}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("ALERT_INCLUDE_TEXT", raising=False)
    yield smtp, twilio_api, webhooks
    smtp.close()
    twilio_api.close()
    webhooks.close()


def emergency() -> Alert:
    return Alert("emergency", "escalation-7", "socketio", ["chest pain"], PATIENT_TEXT)


async def test_every_channel_gets_the_alert_without_the_message_text(fakes) -> None:
    smtp, twilio_api, webhooks = fakes
    outcomes = await OnCallAlerts(backoff=(0.05,)).send(emergency())
    assert outcomes == {"email": "sent", "sms": "sent", "slack": "sent", "teams": "sent"}

    [mail] = smtp.received
    assert mail["to"] == ["oncall@harbour-physio.example"] and mail["subject"] == "EMERGENCY escalation: Harbour Physio"
    assert "chest pain" in mail["body"] and "web chat" in mail["body"] and "escalation-7" in mail["body"]
    [sms] = twilio_api.received
    assert sms["To"] == ON_CALL_NUMBER and sms["From"] == TEST_ENV["TWILIO_NUMBER"] and "EMERGENCY" in sms["Body"]
    slack = json.loads(webhooks.wait_for(lambda e: e["path"].startswith("/slack/"))["body"])
    teams = json.loads(webhooks.wait_for(lambda e: e["path"].startswith("/teams/"))["body"])
    for text in (mail["body"], sms["Body"], slack["text"], teams["text"]):
        assert PATIENT_TEXT not in text and "Jane" not in text


async def test_message_text_only_when_the_clinic_turns_it_on(fakes, monkeypatch) -> None:
    smtp, _, _ = fakes
    monkeypatch.setenv("ALERT_INCLUDE_TEXT", "true")
    await OnCallAlerts(backoff=(0.05,)).send(emergency())
    assert PATIENT_TEXT in smtp.received[0]["body"]


async def test_a_failing_webhook_is_retried_and_a_dead_one_reported(fakes, monkeypatch) -> None:
    _, _, webhooks = fakes
    webhooks.fail_next["/slack/T000/B000/xyz"] = 2
    monkeypatch.setenv("ALERT_TEAMS_WEBHOOK_URL", "http://127.0.0.1:9/nothing-listens-here")
    outcomes = await OnCallAlerts(backoff=(0.05, 0.05, 0.05)).send(emergency())
    assert outcomes["slack"] == "sent" and outcomes["teams"] == "failed" and outcomes["email"] == "sent"
    assert len([e for e in webhooks.received if e["path"].startswith("/slack/")]) == 1


async def test_nothing_configured_sends_nothing(monkeypatch) -> None:
    for name in ("ALERT_SMTP_HOST", "ALERT_SMS_TO", "ALERT_SLACK_WEBHOOK_URL", "ALERT_TEAMS_WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)
    assert OnCallAlerts().channels() == {}
    assert await OnCallAlerts().send(emergency()) == {}


def test_settings_read_the_alert_variables(monkeypatch) -> None:
    monkeypatch.setenv("ALERT_SMTP_PORT", "not a number")
    monkeypatch.setenv("ALERT_SMTP_STARTTLS", "false")
    config = settings.on_call_alerts()
    assert config.smtp_port == 587 and config.smtp_starttls is False and config.include_text is False


def test_escalation_and_call_back_on_the_service_page_the_on_call_staff(stack) -> None:
    """Other tests raise escalations on the same service: each alert is matched by its queue item."""
    console = Console(stack)
    patient = f"alerts-{uuid.uuid4().hex[:8]}"
    say(stack, patient, "i cant breathe")
    item = console.wait_for_item(lambda i: i["conversation_id"] == patient)
    marker = f"(item {item['id']})"
    mail = stack.smtp.wait_for(lambda m: marker in m["body"])
    assert mail["subject"].startswith("EMERGENCY") and "REST API" in mail["body"]
    assert patient not in mail["body"] and "i cant breathe" not in mail["body"]
    stack.twilio_api.wait_for(lambda m: m.get("To") == ON_CALL_NUMBER and marker in m["Body"])
    stack.webhooks.wait_for(lambda e: e["path"].startswith("/slack/") and marker.encode() in e["body"])
    stack.webhooks.wait_for(lambda e: e["path"].startswith("/teams/") and marker.encode() in e["body"])

    caller = f"alerts-{uuid.uuid4().hex[:8]}"
    say(stack, caller, "can someone call me back pls")
    callback = console.wait_for_item(lambda i: i["conversation_id"] == caller)
    mail = stack.smtp.wait_for(lambda m: f"(item {callback['id']})" in m["body"])
    assert mail["subject"].startswith("Call-back request")
