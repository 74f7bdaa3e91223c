"""Shared fixtures. `stack` is the whole service, for real: the action server and the
Rasa server (with every channel on) as subprocesses on localhost, started once per test
session, with test secrets and a throw-away SQLite database."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterator, NamedTuple

import pytest

from tests.fake_services import FakeSmtp, FakeTwilioApi, WebhookReceiver
from tests.servers import RunningServer, action_server, rasa_server

TEST_ENV: Dict[str, str] = {
    "RASA_AUTH_TOKEN": "test-token",
    "EMERGENCY_NUMBER": "999",
    "CRISIS_LINE": "116 123",
    "CLINIC_NAME": "Harbour Physio",
    "CLINIC_PHONE": "555-0100",
    "CLINIC_URL": "https://harbour-physio.example",
    "TWILIO_ACCOUNT_SID": "AC00000000000000000000000000000000",
    "TWILIO_AUTH_TOKEN": "test-twilio-auth-token",
    "TWILIO_NUMBER": "+15550000000",
    "CLINIC_WEBHOOK_SECRET": "test-clinic-webhook-secret",
}


class Stack(NamedTuple):
    rasa: RunningServer
    actions: RunningServer
    env: Dict[str, str]
    db_path: Path
    twilio_api: Any = None   # FakeTwilioApi: outbound SMS (staff messages, on-call alerts)
    webhooks: Any = None     # WebhookReceiver: Slack / Teams alerts, clinic callbacks
    smtp: Any = None         # FakeSmtp: on-call e-mail alerts

    @property
    def url(self) -> str:
        return self.rasa.url

    @property
    def token(self) -> str:
        return self.env["RASA_AUTH_TOKEN"]


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("stack")
    db_path = tmp / "conversations.db"
    twilio_api, webhooks, smtp = FakeTwilioApi(), WebhookReceiver(), FakeSmtp()
    env = {**TEST_ENV, "TRACKER_STORE_URL": f"sqlite:///{db_path}", "TWILIO_API_BASE_URL": twilio_api.url,
           **on_call_alert_env(smtp, webhooks)}
    try:
        with action_server(tmp, env) as actions:
            env = {**env, "ACTION_SERVER_URL": f"{actions.url}/webhook"}
            with rasa_server(tmp, env) as rasa:
                yield Stack(rasa, actions, env, db_path, twilio_api, webhooks, smtp)
    finally:
        twilio_api.close()
        webhooks.close()
        smtp.close()


ON_CALL_NUMBER = "+15550009999"


def on_call_alert_env(smtp: Any, webhooks: Any) -> Dict[str, str]:
    """Every on-call alert channel on, each pointing at a local fake."""
    return {
        "ALERT_SMTP_HOST": "127.0.0.1", "ALERT_SMTP_PORT": str(smtp.port), "ALERT_SMTP_STARTTLS": "false",
        "ALERT_EMAIL_FROM": "bot@harbour-physio.example", "ALERT_EMAIL_TO": "oncall@harbour-physio.example",
        "ALERT_SMS_TO": ON_CALL_NUMBER,
        "ALERT_SLACK_WEBHOOK_URL": f"{webhooks.url}/slack/T000/B000/xyz",
        "ALERT_TEAMS_WEBHOOK_URL": f"{webhooks.url}/teams/webhookb2/abc",
    }
