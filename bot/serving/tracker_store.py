"""Rasa's SQL tracker store, same tables and rows, with the per-message overhead cut.

Every message loads its conversation and saves the new events. Profiling a message end
to end (docs/deploy.md, "Performance") showed Rasa 3.6's SQLTrackerStore spending more
time than the whole dialogue policy step on three things this class avoids:

- On save it counts the stored events with a second query to know which are new. The
  lock store lets only one message of a conversation run at a time, so the number of
  events loaded at the start of the message is still the number stored at its end:
  we remember it on the tracker and skip the query (falling back to Rasa's count when
  the tracker was not loaded here, e.g. a new conversation or a full-history load).
- It inserts new events one ORM object at a time; we insert them in one statement.
- It turns every stored event back into an object by searching all Event subclasses
  (`Event.resolve_by_type` walks the class tree, per event); we look the class up once.

- It rebuilds the conversation from its rows on every message. We keep a tracker we
  loaded and then saved, if the save's own transaction shows that nothing else was
  written to the conversation since the load, with the conversation's row count and
  newest row id. The next load hands it back while both are unchanged (one indexed
  query): any write elsewhere (another worker or instance, an API call, a purge) changes
  them, and the rows are loaded as before. A tracker leaves the cache when handed out, so
  a caller that changes it without saving leaves nothing stale behind.

The two statements every message runs (the version check, the insert) go to the
database driver directly, compiled once by SQLAlchemy for the dialect: SQLAlchemy's
execution layer cost more CPU than the database's own work (~2 ms per message).

And the database round trips (the query, the commit's wait for the disk) run on a
thread: Rasa's store blocks the worker's event loop on them, so a worker waiting for
PostgreSQL could not start on another conversation's message meanwhile.

The schema, the rows and the order of events are Rasa's, so `make purge`, Rasa's own
tools and a switch back to `type: sql` all keep working on the same database.
"""
from __future__ import annotations

import asyncio
import itertools
import json
from collections import OrderedDict
from typing import Any, Callable, Dict, List, Optional, Text, Tuple, Type

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from rasa.shared.utils.common import all_subclasses

# Set on trackers loaded from the latest session: how many of their events are stored,
# and the id of the newest stored row they hold.
STORED_EVENTS_ATTR = "_dn_stored_events"
NEWEST_ROW_ATTR = "_dn_newest_row"

# Conversations whose saved tracker a process keeps (~30 KB each): the busiest ones.
SAVED_TRACKERS_KEPT = 1000

# The columns of a stored event (Rasa's SQLEvent), as _row() fills them.
ROW_COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")

# A conversation's (row count, newest row id): any insert or delete changes it.
Version = Tuple[int, Optional[int]]

_event_classes: Dict[str, Type[Event]] = {}


def event_class(type_name: str) -> Optional[Type[Event]]:
    """The class Rasa's Event.resolve_by_type would pick (the first in class-tree order)."""
    if not _event_classes:
        for cls in all_subclasses(Event):
            _event_classes.setdefault(cls.type_name, cls)
    return _event_classes.get(type_name)


def deserialise_events(rows: List[Dict[Text, Any]]) -> List[Event]:
    events = []
    for parameters in rows:
        cls = event_class(parameters.get("event"))
        # Unknown or legacy types go through Rasa's own (slow but complete) path.
        event = cls._from_parameters(parameters) if cls else Event.from_parameters(parameters)
        if event:
            events.append(event)
    return events


async def _write_on_thread(write: Callable[..., Any], *args: Any) -> Any:
    """A write on a thread that outlives a cancelled message (Sanic cancels the handler
    when the client goes away): the cancellation waits for the write, so the
    conversation's lock is released only once its rows are stored, and the next message
    never loads an older conversation or stores its rows before these."""
    write_task = asyncio.ensure_future(asyncio.to_thread(write, *args))
    try:
        return await asyncio.shield(write_task)
    except asyncio.CancelledError:
        await write_task
        raise


class FastSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # sender -> (the tracker as saved, the conversation's (row count, newest row id))
        self._saved: "OrderedDict[Text, Tuple[DialogueStateTracker, Version]]" = OrderedDict()
        # per-message statements, compiled for this database's dialect on first use
        self._statements: Dict[Any, Tuple[str, Optional[Tuple[str, ...]], Dict[str, Any]]] = {}

    async def _retrieve(
        self, sender_id: Text, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        kept = self._saved.pop(sender_id, None)
        if kept and not fetch_events_from_all_sessions:
            tracker, version = kept
            if await asyncio.to_thread(self._version, sender_id) == version:
                return tracker
        rows = await asyncio.to_thread(self._load_rows, sender_id, fetch_events_from_all_sessions)
        if not (self.domain and rows):
            return None
        tracker = DialogueStateTracker.from_events(
            sender_id, deserialise_events([data for _, data in rows]), self.domain.slots
        )
        if not fetch_events_from_all_sessions:
            setattr(tracker, STORED_EVENTS_ATTR, len(rows))
            setattr(tracker, NEWEST_ROW_ATTR, max(row_id for row_id, _ in rows))
        return tracker

    def _load_rows(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> List[Tuple[int, Dict[Text, Any]]]:
        if fetch_events_from_all_sessions:  # the HTTP API's full history: rare, Rasa's way
            with self.session_scope() as session:
                query = self._event_query(session, sender_id, fetch_events_from_all_sessions)
                rows = query.with_entities(self.SQLEvent.id, self.SQLEvent.data).all()
        else:
            rows = self._run(lambda cursor: self._execute(cursor, "latest session", {"sender": sender_id}).fetchall())
        return [(row_id, json.loads(data)) for row_id, data in rows]

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        stored = getattr(tracker, STORED_EVENTS_ATTR, None)
        loaded_newest = getattr(tracker, NEWEST_ROW_ATTR, None)
        setattr(tracker, NEWEST_ROW_ATTR, None)  # known again only if this save proves it
        if stored is None or loaded_newest is None or tracker._max_event_history:
            # A new conversation's tracker becomes provable here, kept only at its next save:
            # whoever created it may still change it without saving.
            setattr(tracker, NEWEST_ROW_ATTR, await _write_on_thread(self._insert_unstored, tracker))
            version = None
        else:
            rows = [self._row(tracker.sender_id, event) for event in itertools.islice(tracker.events, stored, None)]
            version = await _write_on_thread(self._insert, rows, tracker.sender_id, loaded_newest)
        setattr(tracker, STORED_EVENTS_ATTR, len(tracker.events))
        if version is not None:
            setattr(tracker, NEWEST_ROW_ATTR, version[1])
            self._keep(tracker, version)

    def _keep(self, tracker: DialogueStateTracker, version: "Version") -> None:
        # Rasa loads the events from the latest session start's timestamp on: keep the
        # tracker only if that is all of it (a new session began: the next load trims).
        session_start = max((e.timestamp for e in tracker.events if isinstance(e, SessionStarted)), default=None)
        if session_start is not None and any(e.timestamp < session_start for e in tracker.events):
            return
        self._saved[tracker.sender_id] = (tracker, version)
        self._saved.move_to_end(tracker.sender_id)
        while len(self._saved) > SAVED_TRACKERS_KEPT:
            self._saved.popitem(last=False)

    def _version_query(self, sender_id: Any) -> Any:
        return sa.select(sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id)).where(
            self.SQLEvent.sender_id == sender_id
        )

    def _version(self, sender_id: Text) -> "Version":
        count, newest = self._run(lambda cursor: self._execute(cursor, "version", {"sender": sender_id}).fetchone())
        return (count, newest)

    def _insert_unstored(self, tracker: DialogueStateTracker) -> Optional[int]:
        """Rasa's way: count what is stored, store the rest. For a conversation that had no
        rows, returns the newest row id (0: none yet) if the rows are all this tracker's."""
        with self.session_scope() as session:
            was_empty = session.execute(self._version_query(tracker.sender_id)).one()[0] == 0
            new_events = list(self._additional_events(session, tracker))
        rows = [self._row(tracker.sender_id, event) for event in new_events]
        if not was_empty or tracker._max_event_history:
            self._insert(rows)
            return None
        version = self._insert(rows, tracker.sender_id, 0)
        return (version[1] or 0) if version else None

    def _insert(
        self, rows: List[Dict[Text, Any]], sender_id: Optional[Text] = None, loaded_newest: Optional[int] = None
    ) -> Optional["Version"]:
        """Stores the rows; with `loaded_newest`, also returns the conversation's version if
        the only rows written since the tracker's load are these (else None: not kept)."""

        def insert(cursor: Any) -> Optional["Version"]:
            if rows:
                values = {f"{column}_{i}": value for i, row in enumerate(rows) for column, value in row.items()}
                self._execute(cursor, len(rows), values)
            if sender_id is None or loaded_newest is None:
                return None
            count, newest, written = self._execute(
                cursor, "version since", {"sender": sender_id, "newest": loaded_newest}
            ).fetchone()
            return (count, newest) if (written or 0) == len(rows) else None

        return self._run(insert, commit=True)

    # --- the per-message statements, on the driver's own connection -------------------
    # SQLAlchemy's execution layer cost ~1.5 ms of CPU per statement here, more than the
    # database's own work: the statements of every message (and Rasa's query for the
    # latest session) are compiled once for the database's dialect and run on the pooled
    # driver connection (same SQL, same rows).

    def _run(self, work: Callable[[Any], Any], commit: bool = False) -> Any:
        connection = self.engine.raw_connection()  # from the pool; rolled back on return
        try:
            result = work(connection.cursor())
            if commit:
                connection.commit()
            return result
        finally:
            connection.close()

    def _execute(self, cursor: Any, name: Any, values: Dict[Text, Any]) -> Any:
        sql, order, constants = self._statement(name)
        values = {**constants, **values}
        cursor.execute(sql, tuple(values[key] for key in order) if order else values)
        return cursor

    def _statement(self, name: Any) -> Tuple[str, Optional[Tuple[str, ...]], Dict[str, Any]]:
        """SQL text, for drivers with positional parameters (SQLite) their order, and the
        values fixed in the statement itself (event type names).
        `name`: "latest session", "version", "version since", or a number of rows to insert."""
        if name not in self._statements:
            self._statements[name] = self._compiled(self._build(name))
        return self._statements[name]

    def _build(self, name: Any) -> Any:
        events = self.SQLEvent.__table__
        if name == "latest session":
            with self.session_scope() as session:  # Rasa's own query, for any conversation
                query = self._event_query(session, sa.bindparam("sender"), fetch_events_from_all_sessions=False)
                return query.with_entities(self.SQLEvent.id, self.SQLEvent.data).statement
        if name == "version":
            return self._version_query(sa.bindparam("sender"))
        if name == "version since":
            written = sa.case((events.c.id > sa.bindparam("newest"), sa.literal_column("1")),
                              else_=sa.literal_column("0"))
            return self._version_query(sa.bindparam("sender")).add_columns(sa.func.sum(written))
        return sa.insert(events).values(
            [{column: sa.bindparam(f"{column}_{i}") for column in ROW_COLUMNS} for i in range(name)]
        )

    def _compiled(self, statement: Any) -> Tuple[str, Optional[Tuple[str, ...]], Dict[str, Any]]:
        compiled = statement.compile(dialect=self.engine.dialect)
        constants = {key: value for key, value in compiled.params.items() if value is not None}
        return str(compiled), tuple(compiled.positiontup) if compiled.positional else None, constants

    @staticmethod
    def _row(sender_id: Text, event: Event) -> Dict[Text, Any]:
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }
