"""A Redis lock store whose ticket operations are atomic across processes.

Rasa processes one message per conversation at a time by giving each message a ticket.
Rasa 3.6's RedisLockStore issues a ticket with GET, change, SET: two processes that get
messages of one conversation at the same moment (a double tap, an SMS retry, two
instances behind a load balancer) both read "no lock", both take ticket 1 and run at
once. The later tracker save then drops the other message's events, because
SQLTrackerStore stores only the events beyond the number already stored. (Rasa issue
#9213; the fix, ConcurrentRedisLockStore, went to Rasa Pro only.) tests/test_scale_out.py
shows both the lost message and its absence with this store.

Here every read-change-write of a lock is an optimistic transaction: the change is worked
out in Python with Rasa's own TicketLock from the value we believe is stored, and a
compare-and-set script writes it only if Redis still holds that value; if not, the script
answers with what it holds and the change is redone on that. One round trip per change
when the belief is right (no lock before a message, our own lock at its end), against
three for WATCH / MULTI / EXEC. The lock format and keys are Rasa's, so instances on
either store never corrupt each other's locks (they just don't exclude each other).
"""
from __future__ import annotations

import json
from typing import Any, Callable, Dict, Optional, Text, Tuple, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
# KEYS[1]: the lock; ARGV[1]: the value we believe is stored ("" for none); ARGV[2]: the
# value to store ("": delete). Returns {1, ""} when written, else {0, the stored value}.
COMPARE_AND_SET = """
local stored = redis.call('GET', KEYS[1]) or ''
if stored ~= ARGV[1] then return {0, stored} end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
return {1, ''}
"""
# A change gets the stored lock (or None) and returns the lock to store (None: delete
# it) and the value for the caller.
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        # Rasa builds custom lock stores as cls(endpoint_config=...) (lock_store.py).
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url, **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)
        self._compare_and_set = self.red.register_script(COMPARE_AND_SET)
        # lock key -> the value this process last wrote there (while the lock exists)
        self._written: Dict[str, str] = {}

    def _transact(self, conversation_id: Text, change: Change, believed: Optional[str] = None) -> T:
        """Applies `change` atomically. `believed`: the stored value as we think it is
        ("" for no lock); None to read it first. A wrong belief costs a retry, never a lost
        ticket."""
        key = self.key_prefix + conversation_id
        stored = believed if believed is not None else (self.red.get(key) or b"").decode()
        while True:
            lock, result = change(TicketLock.from_dict(json.loads(stored)) if stored else None)
            new = "" if lock is None else lock.dumps()
            written, actual = self._compare_and_set(keys=[key], args=[stored, new])
            if written:
                if new:
                    self._written[key] = new
                else:
                    self._written.pop(key, None)
                return result
            stored = actual.decode() if isinstance(actual, bytes) else actual

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transact(conversation_id, take, believed="")  # usually no one else is in
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

        # Usually the lock is as this process last wrote it: our ticket alone.
        believed = self._written.get(self.key_prefix + conversation_id)
        self._transact(conversation_id, release_and_tidy, believed=believed)
