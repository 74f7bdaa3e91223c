"""Settings come from the environment, at call time, with defaults that work on a laptop."""
from __future__ import annotations

from bot import settings
from bot.serving import endpoints


def test_defaults(monkeypatch):
    for name in ("CLINIC_NAME", "CLINIC_PHONE", "CLINIC_URL", "EMERGENCY_NUMBER", "TRACKER_STORE_URL",
                 "LOCK_STORE_URL", "ACTION_SERVER_URL", "ACTIONS_PORT", "TWILIO_AUTH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert settings.clinic().emergency_number == "911"
    assert settings.tracker_store_url().startswith("sqlite:///") and settings.tracker_store_url().endswith("var/conversations.db")
    assert settings.lock_store_url() is None and endpoints.lock_store() is None
    assert endpoints.action_server_url() == "http://localhost:5055/webhook"
    assert not settings.twilio().enabled


def test_emergency_number_is_read_at_call_time(monkeypatch):
    monkeypatch.setenv("EMERGENCY_NUMBER", "112")
    assert settings.clinic().template_values()["emergency_number"] == "112"
    monkeypatch.setenv("EMERGENCY_NUMBER", "000")
    assert settings.clinic().template_values()["emergency_number"] == "000"


def test_blank_values_count_as_unset(monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "   ")
    assert settings.clinic().name == "the clinic"


def test_postgres_tracker_store_and_redis_lock_store(monkeypatch):
    monkeypatch.setenv("TRACKER_STORE_URL", "postgresql://bot:secret@db.internal:5433/conversations")
    monkeypatch.setenv("LOCK_STORE_URL", "redis://:pw@cache.internal:6380/2")
    tracker = endpoints.tracker_store()
    assert tracker.type == "bot.serving.tracker_store.FastSQLTrackerStore"  # Rasa's SQL store, less work per message
    assert tracker.kwargs["dialect"] == "postgresql" and tracker.url == "db.internal"
    assert tracker.kwargs["port"] == 5433 and tracker.kwargs["db"] == "conversations"
    assert tracker.kwargs["username"] == "bot" and tracker.kwargs["password"] == "secret"
    lock = endpoints.lock_store()
    # Rasa's Redis lock store with atomic ticket updates (bot/serving/lock_store.py)
    assert lock.type == "bot.serving.lock_store.AtomicRedisLockStore" and lock.url == "cache.internal"
    assert lock.kwargs["port"] == 6380 and lock.kwargs["db"] == 2 and lock.kwargs["password"] == "pw"


def test_action_server_url_follows_actions_port(monkeypatch):
    monkeypatch.delenv("ACTION_SERVER_URL", raising=False)
    monkeypatch.setenv("ACTIONS_PORT", "6055")
    assert endpoints.action_server_url() == "http://localhost:6055/webhook"
    monkeypatch.setenv("ACTION_SERVER_URL", "http://actions.internal/webhook")
    assert endpoints.action_server_url() == "http://actions.internal/webhook"


def test_message_text_is_not_logged_by_default(monkeypatch):
    monkeypatch.delenv("LOG_MESSAGE_TEXT", raising=False)
    assert settings.log_message_text() is False


def test_unset_clinic_values_are_named(monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    monkeypatch.setenv("CLINIC_PHONE", "  ")
    monkeypatch.delenv("CLINIC_URL", raising=False)
    assert settings.unset_clinic_values() == ["CLINIC_PHONE", "CLINIC_URL"]
