"""Throw-away databases for tests that run on both engines the service supports: an
SQLite file, and a fresh database on the machine's PostgreSQL (dropped afterwards)."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator

import sqlalchemy as sa

POSTGRES_SERVER = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", "postgresql"]


@contextmanager
def throwaway_database(backend: str, tmp_path: Path, prefix: str = "test") -> Iterator[str]:
    """The URL of an empty database on `backend`."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'conversations.db'}"
        return
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    server = sa.create_engine(POSTGRES_SERVER, isolation_level="AUTOCOMMIT", future=True)
    with server.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield str(sa.engine.make_url(POSTGRES_SERVER).set(database=name))
    finally:
        with server.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()


def tracker_store_kwargs(url: str) -> Dict[str, Any]:
    """Rasa's SQLTrackerStore arguments for a database URL."""
    parsed = sa.engine.make_url(url)
    return dict(dialect=parsed.drivername, host=parsed.host, port=parsed.port, db=parsed.database,
                username=parsed.username, password=parsed.password)
