"""Every setting the service reads from the environment, in one place.

Defaults work on a laptop: SQLite under var/, no outside services, channels whose
secrets are unset stay off. Read at call time (not import time) so a changed
environment (e.g. EMERGENCY_NUMBER) takes effect on restart without retraining.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"

# Messages longer than this are refused with 413 by every channel: no FAQ question
# needs more, and unbounded text is a cheap way to tie up the NLU pipeline.
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_ID_CHARS = 128


def _env(name: str, default: Optional[str] = None) -> Optional[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip()


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    url: str
    emergency_number: str
    crisis_line: str

    def template_values(self) -> dict:
        """Values every response may use as {placeholders}."""
        return {
            "clinic_name": self.name,
            "clinic_phone": self.phone,
            "clinic_url": self.url,
            "emergency_number": self.emergency_number,
            "crisis_line": self.crisis_line,
        }


def unset_clinic_values() -> list:
    """The clinic's own settings left unset: replies then use generic wording."""
    return [name for name in ("CLINIC_NAME", "CLINIC_PHONE", "CLINIC_URL") if _env(name) is None]


# What replies say when the clinic leaves its name, phone or website unset, per language.
GENERIC_CLINIC = {
    "en": ("the clinic", "the clinic's phone number", "the clinic's website"),
    "es": ("la clínica", "el teléfono de la clínica", "el sitio web de la clínica"),
}


def clinic(language: str = "en") -> Clinic:
    name, phone, url = GENERIC_CLINIC.get(language, GENERIC_CLINIC["en"])
    return Clinic(
        name=_env("CLINIC_NAME", name),
        phone=_env("CLINIC_PHONE", phone),
        url=_env("CLINIC_URL", url),
        emergency_number=_env("EMERGENCY_NUMBER", "911"),
        # Suicide and crisis line: 988 in the US, 116 123 (Samaritans) in the UK.
        crisis_line=_env("CRISIS_LINE", "988"),
    )


SUPPORTED_LANGUAGES = ("en", "es")


def languages() -> tuple:
    """The languages the clinic offers (LANGUAGES, e.g. "en,es"); the first is the default.
    Read per message, so turning Spanish on or off needs a restart, not a retrain."""
    wanted = [code.strip().lower() for code in (_env("LANGUAGES", "en,es") or "").split(",")]
    offered = tuple(code for code in wanted if code in SUPPORTED_LANGUAGES)
    return offered or ("en",)


@dataclass(frozen=True)
class Twilio:
    account_sid: Optional[str]
    auth_token: Optional[str]
    number: Optional[str]
    # Public base URL (e.g. https://bot.example-clinic.com) used to rebuild the URL
    # Twilio signed when the service sits behind a proxy that rewrites Host.
    public_base_url: Optional[str]

    @property
    def enabled(self) -> bool:
        return bool(self.auth_token)


def twilio() -> Twilio:
    return Twilio(
        account_sid=_env("TWILIO_ACCOUNT_SID"),
        auth_token=_env("TWILIO_AUTH_TOKEN"),
        number=_env("TWILIO_NUMBER"),
        public_base_url=_env("PUBLIC_BASE_URL"),
    )


def clinic_webhook_secret() -> Optional[str]:
    return _env("CLINIC_WEBHOOK_SECRET")


def clinic_notify_url() -> Optional[str]:
    """Where escalations are POSTed (HMAC-signed). Unset: escalations are only recorded."""
    return _env("CLINIC_NOTIFY_URL")


def clinic_notify_secret() -> Optional[str]:
    """Key for signing escalation notifications; falls back to the clinic webhook secret."""
    return _env("CLINIC_NOTIFY_SECRET", clinic_webhook_secret())


# PostgreSQL connections give up on a database host that stops answering: a new one after
# this many seconds, an open one whose packets go unacknowledged after twice as long, an
# idle pooled one after keep-alive probes. Without limits a message, an escalation or the
# start-up would wait for TCP's own timeouts (minutes; for ever on an idle connection).
DB_CONNECT_TIMEOUT_S = 5


def db_connect_options(url: str) -> Dict[str, Any]:
    """Driver options for a database URL: libpq's timeouts for psycopg2 (the project's
    PostgreSQL driver), nothing for other drivers; options in the URL itself win."""
    from sqlalchemy.engine.url import make_url

    parsed = make_url(url)
    if parsed.get_driver_name() != "psycopg2":
        return {}
    options = {"connect_timeout": DB_CONNECT_TIMEOUT_S, "tcp_user_timeout": DB_CONNECT_TIMEOUT_S * 2000,
               "keepalives_idle": 30, "keepalives_interval": 5, "keepalives_count": 3}
    return {key: value for key, value in options.items() if key not in parsed.query}


def tracker_store_url() -> str:
    return _env("TRACKER_STORE_URL", f"sqlite:///{VAR_DIR / 'conversations.db'}")


def escalation_store_url() -> str:
    """Escalation records live beside the conversations unless told otherwise."""
    return _env("ESCALATION_STORE_URL", tracker_store_url())


def lock_store_url() -> Optional[str]:
    return _env("LOCK_STORE_URL")


def log_message_text() -> bool:
    """Message text is health data: never logged unless explicitly asked for."""
    return _env("LOG_MESSAGE_TEXT", "false").lower() in {"1", "true", "yes"}


# --- the clinic's console (bot/clinic/) ------------------------------------------------

def _env_number(name: str, default: float) -> float:
    try:
        value = float(_env(name, str(default)))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Console:
    session_idle_minutes: float      # a session unused this long is over
    session_max_hours: float         # and any session this old, used or not
    lockout_failures: int            # failed sign-ins in a row that lock the account
    lockout_minutes: float           # for this long
    takeover_idle_minutes: float     # a takeover nobody writes in is handed back to the bot
    takeover_check_seconds: float    # how often the server looks for idle takeovers


def console() -> Console:
    return Console(
        session_idle_minutes=_env_number("CONSOLE_SESSION_IDLE_MINUTES", 30),
        session_max_hours=_env_number("CONSOLE_SESSION_MAX_HOURS", 12),
        lockout_failures=int(_env_number("CONSOLE_LOCKOUT_FAILURES", 5)),
        lockout_minutes=_env_number("CONSOLE_LOCKOUT_MINUTES", 15),
        takeover_idle_minutes=_env_number("TAKEOVER_IDLE_MINUTES", 15),
        takeover_check_seconds=_env_number("TAKEOVER_CHECK_SECONDS", 30),
    )


def twilio_api_base_url() -> Optional[str]:
    """Where the twilio client sends outbound SMS; unset: Twilio's own API. For a proxy,
    or a local fake Twilio API in tests."""
    return _env("TWILIO_API_BASE_URL")


@dataclass(frozen=True)
class OnCallAlerts:
    smtp_host: Optional[str]
    smtp_port: int
    smtp_user: Optional[str]
    smtp_password: Optional[str]
    smtp_starttls: bool
    email_from: Optional[str]
    email_to: Optional[str]          # comma-separated
    sms_to: Optional[str]            # on-call number (E.164), sent from TWILIO_NUMBER
    slack_webhook_url: Optional[str]
    teams_webhook_url: Optional[str]
    include_text: bool               # the patient's message in alerts: off unless turned on


def on_call_alerts() -> OnCallAlerts:
    return OnCallAlerts(
        smtp_host=_env("ALERT_SMTP_HOST"),
        smtp_port=int(_env_number("ALERT_SMTP_PORT", 587)),
        smtp_user=_env("ALERT_SMTP_USER"),
        smtp_password=_env("ALERT_SMTP_PASSWORD"),
        smtp_starttls=_env("ALERT_SMTP_STARTTLS", "true").lower() in {"1", "true", "yes"},
        email_from=_env("ALERT_EMAIL_FROM"),
        email_to=_env("ALERT_EMAIL_TO"),
        sms_to=_env("ALERT_SMS_TO"),
        slack_webhook_url=_env("ALERT_SLACK_WEBHOOK_URL"),
        teams_webhook_url=_env("ALERT_TEAMS_WEBHOOK_URL"),
        include_text=_env("ALERT_INCLUDE_TEXT", "false").lower() in {"1", "true", "yes"},
    )


def clinic_phone_region() -> str:
    """ISO country code for reading call-back numbers written without +country (US, GB, ES, ...)."""
    return (_env("CLINIC_PHONE_REGION", "US") or "US").upper()
