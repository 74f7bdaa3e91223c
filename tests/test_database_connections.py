"""PostgreSQL connections: a database host that never answers costs seconds, not TCP's
minutes, and the options in TRACKER_STORE_URL reach the driver."""
from __future__ import annotations

import socket
import threading
from typing import Callable, List

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore

from bot import settings
from bot.serving import endpoints
from bot.clinic import records
from tests.databases import POSTGRES_SERVER


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections and never says a word (a hung database host)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []

    def accept():
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
    for conn in accepted:
        conn.close()


def _tracker_engine(url: str) -> sa.engine.Engine:
    """The engine Rasa's SQLTrackerStore builds from the service's tracker store endpoint."""
    config = endpoints.tracker_store(url)
    kwargs = config.kwargs
    return sa.create_engine(SQLTrackerStore.get_db_url(
        kwargs["dialect"], config.url, kwargs["port"], kwargs["db"], kwargs["username"], kwargs["password"],
        query=kwargs["query"]))


def _error_within(seconds: float, connect: Callable[[], object]) -> BaseException:
    """The error `connect` raised; fails if it is still waiting after `seconds`
    (run on a thread: without a timeout the driver would wait for ever)."""
    outcome: List[BaseException] = []

    def attempt():
        try:
            connect()
        except BaseException as error:  # noqa: B902 - handed to the test
            outcome.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still connecting after {seconds} s"
    assert outcome, "connected to a server that never answers"
    return outcome[0]


def test_tracker_store_gives_up_on_a_silent_database(monkeypatch, silent_server):
    monkeypatch.setattr(settings, "DB_CONNECT_TIMEOUT_S", 1)
    engine = _tracker_engine(f"postgresql://bot@127.0.0.1:{silent_server}/conversations")
    error = _error_within(5, engine.connect)
    assert isinstance(error, sa.exc.OperationalError) and "timeout" in str(error)


def test_escalation_records_give_up_on_a_silent_database(monkeypatch, silent_server):
    monkeypatch.setattr(settings, "DB_CONNECT_TIMEOUT_S", 1)
    records._engine_for.cache_clear()
    try:
        error = _error_within(5, lambda: records.engine(f"postgresql://bot@127.0.0.1:{silent_server}/escalations"))
    finally:
        records._engine_for.cache_clear()
    assert isinstance(error, sa.exc.OperationalError) and "timeout" in str(error)


def test_options_in_the_tracker_store_url_reach_the_driver():
    url = sa.engine.make_url(POSTGRES_SERVER).update_query_dict({"application_name": "dn_options_check"})
    with _tracker_engine(str(url)).connect() as conn:
        assert conn.exec_driver_sql("SHOW application_name").scalar() == "dn_options_check"
        # and the timeouts for a host that stops answering reach libpq
        parameters = conn.connection.dbapi_connection.get_dsn_parameters()
        assert parameters["tcp_user_timeout"] == str(settings.DB_CONNECT_TIMEOUT_S * 2000)
        assert parameters["keepalives_idle"] == "30" and parameters["connect_timeout"] == str(settings.DB_CONNECT_TIMEOUT_S)


def test_the_timeout_is_for_psycopg2_only_and_the_urls_own_wins():
    assert settings.db_connect_options("postgresql://bot@db/conversations")["connect_timeout"] == settings.DB_CONNECT_TIMEOUT_S
    assert settings.db_connect_options("postgresql+pg8000://bot@db/conversations") == {}
    assert settings.db_connect_options("sqlite:///var/conversations.db") == {}
    assert endpoints.tracker_store("postgresql://bot@db/c?connect_timeout=30").kwargs["query"]["connect_timeout"] == "30"
