"""Conversations survive a restart of the real Rasa server, on the default SQLite store and
on PostgreSQL, and SIGTERM lets the message in flight finish: its reply is sent and its
turn is stored.

The message in flight is made long by an action server that answers after a pause; the
server is sent SIGTERM while that call is pending.
"""
from __future__ import annotations

import asyncio
import threading
import uuid
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import requests
from aiohttp import web

from tests.servers import free_port, rasa_server, start_rasa_server

TOKEN = "persistence-token"
EMERGENCY = "I can't breathe and my chest hurts since the needling"
SLOW_ACTION_TEXT = "slow action finished"
SLOW_ACTION_SECONDS = 2.0
BEFORE_RESTART = ["hello", "what is dry needling", "does dry needling hurt?"]


class SlowActionServer:
    """A stand-in action server that takes SLOW_ACTION_SECONDS for every action and says
    so in a message; `called` is set as soon as a call arrives."""

    def __init__(self) -> None:
        self.port = free_port()
        self.called = threading.Event()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    async def _webhook(self, request: web.Request) -> web.Response:
        self.called.set()
        await asyncio.sleep(SLOW_ACTION_SECONDS)
        return web.json_response({"events": [], "responses": [{"text": SLOW_ACTION_TEXT}]})

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhook", self._webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", self.port).start()


@pytest.fixture(scope="module")
def slow_actions() -> Iterator[SlowActionServer]:
    yield SlowActionServer()


def say(url: str, sender: str, text: str) -> List[str]:
    r = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert r.status_code == 200, r.text
    return [m.get("text", "") for m in r.json()]


def tracker_events(url: str, sender: str) -> List[dict]:
    r = requests.get(f"{url}/conversations/{sender}/tracker", params={"token": TOKEN}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["events"]


def texts_of(events: List[dict], kind: str) -> List[str]:
    return [e.get("text") for e in events if e["event"] == kind]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_conversation_survives_a_restart_and_sigterm_finishes_the_message_in_flight(
    backend: str, tmp_path: Path, slow_actions: SlowActionServer
) -> None:
    store_url = (f"sqlite:///{tmp_path / 'conversations.db'}" if backend == "sqlite"
                 else "postgresql://postgres@127.0.0.1:5432/test")
    env: Dict[str, str] = {
        "RASA_AUTH_TOKEN": TOKEN, "EMERGENCY_NUMBER": "999",
        "TRACKER_STORE_URL": store_url, "ACTION_SERVER_URL": slow_actions.url,
    }
    sender = f"persist-{backend}-{uuid.uuid4().hex}"  # PostgreSQL is shared between runs

    first = start_rasa_server(tmp_path, env)
    try:
        health = requests.get(f"{first.url}/health", timeout=10)
        assert (health.status_code, health.json()["status"]) == (200, "ok")
        for text in BEFORE_RESTART:
            assert any(say(first.url, sender, text))

        # SIGTERM while the emergency turn waits on the (slow) action server.
        slow_actions.called.clear()
        replies: Dict[str, List[str]] = {}
        in_flight = threading.Thread(target=lambda: replies.update(texts=say(first.url, sender, EMERGENCY)))
        in_flight.start()
        assert slow_actions.called.wait(30), "the action server was never called"
        first.stop(timeout=30)
        in_flight.join(30)
        assert first.process.returncode == 0, first.log()[-3000:]
    finally:
        first.stop()
    reply = " ".join(replies.get("texts", []))
    assert "999" in reply and SLOW_ACTION_TEXT in reply, replies

    with rasa_server(tmp_path, env) as second:
        events = tracker_events(second.url, sender)
        assert texts_of(events, "user") == [*BEFORE_RESTART, EMERGENCY]
        assert SLOW_ACTION_TEXT in texts_of(events, "bot")  # the whole turn was stored
        assert any(say(second.url, sender, "how long does a session take"))
        events = tracker_events(second.url, sender)
        assert texts_of(events, "user") == [*BEFORE_RESTART, EMERGENCY, "how long does a session take"]
        slots = requests.get(f"{second.url}/conversations/{sender}/tracker", params={"token": TOKEN},
                             timeout=30).json()["slots"]
        assert slots["urgency"] == "emergency"  # state, not just text, came back
