"""Rasa endpoints (action server, tracker store, lock store, NLG) built from the environment.

Rasa's own endpoints.yml can interpolate ${VARS} but has no defaults, so the service
builds its endpoints here from bot.settings; endpoints.yml holds the same defaults for
Rasa's CLI tools (rasa shell, rasa test).
"""
from __future__ import annotations

import os
from typing import Optional

from rasa.core.utils import AvailableEndpoints
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.engine.url import make_url

from bot import settings

NLG_CLASS = "bot.nlg.ClinicResponseGenerator"
LOCK_STORE_CLASS = "bot.serving.lock_store.AtomicRedisLockStore"
# Rasa's SQL tracker store with less work per message (bot/serving/tracker_store.py).
TRACKER_STORE_CLASS = "bot.serving.tracker_store.FastSQLTrackerStore"


def action_server_url() -> str:
    port = os.environ.get("ACTIONS_PORT", "5055")
    return os.environ.get("ACTION_SERVER_URL") or f"http://localhost:{port}/webhook"


def tracker_store(url: Optional[str] = None) -> EndpointConfig:
    url = url or settings.tracker_store_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        db_path = parsed.database or str(settings.VAR_DIR / "conversations.db")
        os.makedirs(os.path.dirname(os.path.abspath(db_path)), exist_ok=True)
        return EndpointConfig(type=TRACKER_STORE_CLASS, dialect="sqlite", db=db_path)
    return EndpointConfig(
        type=TRACKER_STORE_CLASS,
        dialect=parsed.drivername,
        url=parsed.host,
        port=parsed.port,
        db=parsed.database,
        username=parsed.username,
        password=parsed.password,
        # The URL's own options (sslmode=require, ...) reach the driver, as in the URL.
        query={**{k: str(v) for k, v in settings.db_connect_options(url).items()}, **parsed.query},
    )


def lock_store(url: Optional[str] = None) -> Optional[EndpointConfig]:
    url = url or settings.lock_store_url()
    if not url:
        return None  # Rasa's in-memory lock store: one process only.
    parsed = make_url(url)
    return EndpointConfig(
        # Rasa's RedisLockStore, with atomic tickets (bot/serving/lock_store.py: Rasa's can let two
        # messages of one conversation run at once, and one of them is lost).
        type=LOCK_STORE_CLASS,
        url=parsed.host,
        port=parsed.port or 6379,
        db=int(parsed.database or 0),
        password=parsed.password,
        # Rasa accepts only an alphanumeric prefix (else it warns and uses "lock:").
        key_prefix="dryneedling",
    )


def available() -> AvailableEndpoints:
    return AvailableEndpoints(
        nlg=EndpointConfig(type=NLG_CLASS),
        action=EndpointConfig(url=action_server_url()),
        tracker_store=tracker_store(),
        lock_store=lock_store(),
    )
