"""A Redis lock store whose ticket operations are atomic across processes.

Rasa processes one message per conversation at a time by giving each message a ticket.
Rasa 3.6's RedisLockStore issues a ticket with GET, change, SET: two processes that get
messages of one conversation at the same moment (a double tap, an SMS retry, two
instances behind a load balancer) both read "no lock", both take ticket 1 and run at
once. The later tracker save then drops the other message's events, because
SQLTrackerStore stores only the events beyond the number already stored. (Rasa issue
#9213; the fix, ConcurrentRedisLockStore, went to Rasa Pro only.) tests/test_scale_out.py
shows both the lost message and its absence with this store.

Here every read-change-write of a lock runs as a Redis optimistic transaction
(WATCH / MULTI / EXEC), retried when another process changed the lock meanwhile. The lock
format and keys are Rasa's, so instances on either store never corrupt each other's locks
(they just don't exclude each other).
"""
from __future__ import annotations

import json
from typing import Any, Callable, Optional, Text, Tuple, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
# A change gets the stored lock (or None) and returns the lock to store (None: delete
# it) and the value for the caller.
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        # Rasa builds custom lock stores as cls(endpoint_config=...) (lock_store.py).
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url, **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _transact(self, conversation_id: Text, change: Change) -> T:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock, result = change(TicketLock.from_dict(json.loads(raw)) if raw else None)
                    pipe.multi()
                    if lock is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, lock.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # someone else changed the lock first: redo on the new state

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transact(conversation_id, take)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_expired_tickets()
            return lock, None

        self._transact(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        def release(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._transact(conversation_id, release)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Release the ticket and delete the lock if nobody waits, in one step: done as
        two steps, a ticket issued in between would find its lock deleted (LockError)."""

        def release_and_tidy(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_ticket_for(ticket_number)
                if not lock.is_someone_waiting():
                    lock = None
            return lock, None

        self._transact(conversation_id, release_and_tidy)
