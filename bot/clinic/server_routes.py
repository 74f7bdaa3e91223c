"""Mounts the staff console on the Rasa server and runs the idle-takeover release."""
from __future__ import annotations

import asyncio
from typing import Any, List, Optional

from sanic import Sanic

from bot.clinic import takeover
from bot.clinic.console import console_blueprint
from bot.clinic.delivery import Delivery


def add_console(app: Sanic, channels: List[Any]) -> None:
    def socketio_channel() -> Optional[Any]:
        return next((c for c in channels if c.name() == "socketio"), None)

    app.blueprint(console_blueprint(Delivery(socketio_channel)))

    async def start_idle_release(running: Sanic, _loop: Any) -> None:
        running.ctx.takeover_release = asyncio.get_running_loop().create_task(
            takeover.release_idle_forever(lambda: getattr(running.ctx, "agent", None)))

    async def stop_idle_release(running: Sanic, _loop: Any) -> None:
        task = getattr(running.ctx, "takeover_release", None)
        if task is not None:
            task.cancel()

    app.register_listener(start_idle_release, "after_server_start")
    app.register_listener(stop_idle_release, "before_server_stop")
