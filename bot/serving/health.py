"""GET /health: is the model loaded, and are conversations really being stored?

Rasa wraps every tracker store in FailSafeTrackerStore, which on an error silently keeps
the conversation in memory only (lost on restart). We hook its error callback so the
failure is logged as an error and /health answers 503 "degraded" until the store works.
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Dict, Optional

from rasa.core.tracker_store import FailSafeTrackerStore
from sanic import Blueprint, Sanic, response
from sanic.request import Request

logger = logging.getLogger(__name__)

# How long after a tracker-store error /health keeps reporting "degraded" even if a
# later probe succeeds: long enough for a monitor polling every minute to see it.
DEGRADED_FOR_SECONDS = 300


class StoreHealth:
    def __init__(self) -> None:
        self.last_error_at: Optional[float] = None
        self.last_error: Optional[str] = None

    def record(self, error: Exception) -> None:
        self.last_error_at = time.time()
        self.last_error = type(error).__name__
        logger.error(
            "Tracker store failed (%s): this conversation is only in memory and will be "
            "lost on restart.",
            self.last_error,
        )

    def recently_failed(self) -> bool:
        return bool(self.last_error_at) and time.time() - self.last_error_at < DEGRADED_FOR_SECONDS


async def watch_tracker_store(app: Sanic, _loop: Any) -> None:
    app.ctx.store_health = StoreHealth()
    store = app.ctx.agent.tracker_store if getattr(app.ctx, "agent", None) else None
    if isinstance(store, FailSafeTrackerStore):
        store._on_tracker_store_error = app.ctx.store_health.record


async def _probe_store(app: Sanic) -> Optional[str]:
    """Round-trip the real store (not the fail-safe wrapper) so a dead database shows."""
    store = app.ctx.agent.tracker_store
    inner = getattr(store, "_tracker_store", store)
    try:
        await asyncio.wait_for(inner.retrieve("__health_probe__"), timeout=3)
    except Exception as error:  # any failure means conversations are not safe
        return type(error).__name__
    return None


def health_blueprint() -> Blueprint:
    bp = Blueprint("service_health")

    @bp.get("/health")
    async def health(request: Request) -> response.HTTPResponse:
        app = request.app
        agent = getattr(app.ctx, "agent", None)
        body: Dict[str, Any] = {"model_loaded": bool(agent and agent.is_ready())}
        if not body["model_loaded"]:
            return response.json({**body, "status": "starting"}, status=503)
        probe_error = await _probe_store(app)
        store_health: Optional[StoreHealth] = getattr(app.ctx, "store_health", None)
        degraded = probe_error or (store_health and store_health.recently_failed())
        body["tracker_store"] = type(getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)).__name__
        if degraded:
            body["status"] = "degraded"
            body["error"] = probe_error or store_health.last_error
            return response.json(body, status=503)
        return response.json({**body, "status": "ok"})

    return bp
