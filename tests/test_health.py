"""GET /health on the real server: 200 "ok" while conversations are stored, 503
"degraded" with an ERROR in the log once the tracker store fails (Rasa would otherwise
carry on silently in memory), and the bot keeps answering meanwhile.

The database "fails" for real: the server reaches PostgreSQL through a TCP relay that the
test cuts, or is given a port where nothing listens. (200 "ok" on SQLite is checked in
tests/test_persistence.py, which starts those servers anyway.)
"""
from __future__ import annotations

import asyncio
import threading
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import requests

from tests.servers import free_port, rasa_server

POSTGRES = ("127.0.0.1", 5432)
ENV: Dict[str, str] = {
    "RASA_AUTH_TOKEN": "health-token",
    "EMERGENCY_NUMBER": "999",
    # No action server: these tests are about the tracker store, and the emergency
    # reply must not depend on the action server anyway.
    "ACTION_SERVER_URL": f"http://127.0.0.1:{free_port()}/webhook",
}
EMERGENCY = "I can't breathe and my chest hurts since the needling"


class TcpRelay:
    """localhost:port -> PostgreSQL, in a thread; cut() drops the listener and every open
    connection, as a database that has gone away would."""

    def __init__(self, target: tuple) -> None:
        self.target = target
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self._server: Optional[asyncio.base_events.Server] = None
        self._writers: List[asyncio.StreamWriter] = []
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _handle(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        db_reader, db_writer = await asyncio.open_connection(*self.target)
        self._writers += [client_writer, db_writer]
        await asyncio.gather(self._pipe(client_reader, db_writer), self._pipe(db_reader, client_writer))

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port, reuse_address=True)

    async def _cut(self) -> None:
        self._server.close()
        await self._server.wait_closed()
        for writer in self._writers:
            writer.transport.abort()
        self._writers.clear()

    def start(self) -> None:
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(5)

    def cut(self) -> None:
        asyncio.run_coroutine_threadsafe(self._cut(), self.loop).result(5)


def say(url: str, sender: str, text: str) -> List[dict]:
    r = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def error_lines(log: str) -> List[str]:
    return [line for line in log.splitlines() if " ERROR " in line]


def test_health_is_ok_then_degraded_when_the_database_goes_away(tmp_path: Path) -> None:
    relay = TcpRelay(POSTGRES)
    relay.start()
    env = {**ENV, "TRACKER_STORE_URL": f"postgresql://postgres@127.0.0.1:{relay.port}/test"}
    with rasa_server(tmp_path, env) as server:
        health = requests.get(f"{server.url}/health", timeout=10)
        assert health.status_code == 200
        assert health.json()["status"] == "ok"
        assert health.json()["tracker_store"] == "FastSQLTrackerStore"
        sender = f"health-{uuid.uuid4().hex}"
        assert say(server.url, sender, "hello")
        assert not error_lines(server.log())

        relay.cut()
        # The patient is still answered (from memory) while the database is away.
        reply = " ".join(m.get("text", "") for m in say(server.url, sender, EMERGENCY))
        assert "999" in reply
        health = requests.get(f"{server.url}/health", timeout=10)
        assert health.status_code == 503
        assert health.json()["status"] == "degraded"
        assert health.json()["error"]
        errors = error_lines(server.log())
        assert any("Tracker store failed" in line for line in errors), errors
        # Health data stays out of the log, even in the error path.
        assert "breathe" not in server.log()

        # Back again: still "degraded" for a while, so a monitor polling every minute
        # sees that conversations were lost (bot/serving/health.py DEGRADED_FOR_SECONDS).
        relay.start()
        assert requests.get(f"{server.url}/health", timeout=10).status_code == 503


def test_health_is_degraded_when_the_database_is_down_at_start(tmp_path: Path) -> None:
    dead = f"postgresql://postgres@127.0.0.1:{free_port()}/test"
    with rasa_server(tmp_path, {**ENV, "TRACKER_STORE_URL": dead}) as server:
        health = requests.get(f"{server.url}/health", timeout=10)
        assert health.status_code == 503
        assert health.json() | {"error": None} == {
            "model_loaded": True, "tracker_store": "FastSQLTrackerStore", "status": "degraded", "error": None}
        assert error_lines(server.log())  # Rasa's "Could not create tables" at start
        reply = " ".join(m.get("text", "") for m in say(server.url, "down-at-start", EMERGENCY))
        assert "999" in reply
        assert any("Tracker store failed" in line for line in error_lines(server.log()))

