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
