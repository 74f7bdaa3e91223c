"""Starts the Rasa server the way this service needs it.

This is `rasa run` (rasa.core.run.serve_application) plus what the clinic needs:
endpoints from the environment, the HTTP API only when RASA_AUTH_TOKEN is set, a body
size limit, a short action-server timeout so safety replies are never held back, a
/health route that reports a tracker store that has fallen back to memory, and the web
widget under /chat/.

Usage: python -m bot.server [--model models/] [--credentials credentials.yml]
"""
from __future__ import annotations

import argparse
import gc
import logging
import os
from functools import partial
from typing import Optional

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# For a config with TensorFlow components (ours has none): one inference is a few small
# matrix products, and with one Sanic worker per core threads would fight over every core.
os.environ.setdefault("TF_INTRA_OP_PARALLELISM_THREADS", "1")
os.environ.setdefault("TF_INTER_OP_PARALLELISM_THREADS", "1")

import rasa.core.actions.action as rasa_actions  # noqa: E402
import rasa.core.utils  # noqa: E402
from rasa.core.run import (  # noqa: E402
    close_resources,
    configure_app,
    create_http_input_channels,
    load_agent_on_start,
)
from sanic import Sanic  # noqa: E402
from sanic.request import Request  # noqa: E402

from bot import settings  # noqa: E402
from bot.serving import action_validation, endpoints, graph_runner, log_copies, question_focus  # noqa: E402
from bot.clinic import takeover  # noqa: E402
from bot.clinic.server_routes import add_console  # noqa: E402
from bot.serving.health import health_blueprint, watch_tracker_store  # noqa: E402

logger = logging.getLogger(__name__)

# Requests bigger than this are refused by Sanic with 413 before any handler runs.
REQUEST_MAX_BYTES = 64 * 1024


def _limit_action_server_wait() -> None:
    """Rasa waits up to 300 s for the action server (hard-coded). A custom action runs
    only after the safety responses are sent, but the REST reply is returned when the
    whole turn ends, so a hung action server would hold an emergency reply for minutes."""
    rasa_actions.DEFAULT_REQUEST_TIMEOUT = int(os.environ.get("ACTION_TIMEOUT_SECONDS", "5"))


async def _close_after_reply(request: Request) -> None:
    """With several workers, each reply closes its connection. Workers share one
    listening socket and process a message synchronously, so a busy worker does not
    accept: the client's next request, on a new connection, goes to a free worker. Kept
    alive, a connection stays on the worker that first accepted it, busy or not
    (docs/deploy.md, Performance). Sanic 21.12 ignores its KEEP_ALIVE setting."""
    if request.stream is not None:
        request.stream.keep_alive = False


async def _freeze_loaded_objects(_app: Sanic, _loop: object) -> None:
    """The loaded model is ~a million long-lived objects: every full garbage collection
    would walk them all, a pause of tens of milliseconds in some unlucky reply. Frozen,
    the collector only looks at what messages allocate."""
    gc.collect()
    gc.freeze()


def _add_service_routes(app: Sanic, channels: list) -> None:
    app.blueprint(health_blueprint())
    add_console(app, channels)
    try:
        from bot.web.routes import web_blueprint
    except ImportError:  # the widget is optional for API-only deployments
        logger.warning("Web widget not installed: /chat/ is off.")
    else:
        app.blueprint(web_blueprint())


def build_app(model_path: str, credentials: Optional[str]) -> tuple[Sanic, int]:
    _limit_action_server_wait()
    action_validation.install()
    graph_runner.install()
    question_focus.install()
    takeover.install()
    auth_token = os.environ.get("RASA_AUTH_TOKEN") or None
    available = endpoints.available()
    channels = create_http_input_channels(None, credentials)
    workers = rasa.core.utils.number_of_sanic_workers(available.lock_store)
    if workers > 1:
        # socket.io keeps per-connection state in one process (see docs/deploy.md).
        channels = [c for c in channels if c.name() != "socketio"]
        logger.warning("%d Sanic workers: socket.io channel is off in this process.", workers)
    # Mounted is not open: a channel whose secret is unset refuses every request (logged above).
    logger.info("Channel endpoints mounted: %s", ", ".join(channel.name() for channel in channels))

    app = configure_app(
        channels,
        cors="*",
        auth_token=auth_token,
        enable_api=bool(auth_token),
        port=int(os.environ.get("PORT", "5005")),
        endpoints=available,
    )
    app.config.REQUEST_MAX_SIZE = REQUEST_MAX_BYTES
    if workers > 1:
        app.register_middleware(_close_after_reply, "request")
    # Errors Sanic answers itself (413, 404, 405) come back as JSON like the channels'.
    app.config.FALLBACK_ERROR_FORMAT = "json"
    _add_service_routes(app, channels)
    app.register_listener(
        partial(load_agent_on_start, model_path, available, None), "before_server_start"
    )
    app.register_listener(watch_tracker_store, "after_server_start")
    app.register_listener(_freeze_loaded_objects, "after_server_start")
    app.register_listener(close_resources, "after_server_stop")
    if not auth_token:
        logger.info("RASA_AUTH_TOKEN is unset: the HTTP API is off, only channels answer.")
    unset = settings.unset_clinic_values()
    if unset:
        logger.warning("%s unset: replies say 'the clinic', 'the clinic's phone number' or "
                       "'the clinic's website' instead (README, configuration).", ", ".join(unset))
    return app, workers


def configure_logging() -> None:
    """Rasa logs message text at DEBUG, through both logging and structlog (whose default,
    unconfigured, prints everything). Both are held at INFO or above unless the operator
    explicitly allows message text in logs (LOG_MESSAGE_TEXT=true)."""
    from rasa.utils.log_utils import configure_structlog
    # Importing numpy.distutils sets the root logger to WARNING, and loading a model whose
    # classifiers were stored with skops imports it (skops scans sklearn): INFO lines such
    # as "Rasa server is up and running" would vanish. Imported here, before the levels are set.
    import numpy.distutils  # noqa: F401

    level = logging.getLevelName(os.environ.get("LOG_LEVEL", "INFO").upper())
    if not isinstance(level, int):
        level = logging.INFO
    if not settings.log_message_text():
        level = max(level, logging.INFO)
    # Before configure_structlog, whose basicConfig would otherwise leave bare messages:
    # no time, no level, so an ERROR could not be told from an INFO line.
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    configure_structlog(level)
    log_copies.install(level)
    logging.getLogger().setLevel(level)
    logging.getLogger("rasa").setLevel(level)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models")
    parser.add_argument("--credentials", default="credentials.yml")
    parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))
    args = parser.parse_args()

    configure_logging()

    app, workers = build_app(args.model, args.credentials)
    app.run(
        host=args.host,
        port=int(os.environ.get("PORT", "5005")),
        workers=workers,
        access_log=False,  # access logs would carry ?token= and sender ids
    )


if __name__ == "__main__":
    main()
