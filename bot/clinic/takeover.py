"""Live handoff: a staff member takes a conversation over from the bot, writes to the
patient, and hands it back.

Rasa's own pause/resume events carry it: takeover appends ConversationPaused, release
ConversationResumed. A paused conversation still runs NLU and logs the patient's
messages, but Rasa predicts no action for it, so the bot sends no FAQ answer. One
exception, installed here into Rasa's MessageProcessor: a red flag (red_flag_emergency,
red_flag_urgent) or the safety net (symptom_check) is handled as usual, so the emergency reply still goes out at once and
the escalation (which the console shows) is still raised.

Staff messages are stored in the tracker as BotUttered with metadata {"staff": email}
and delivered on the patient's channel (bot/clinic/delivery.py). The takeovers table
says who holds which conversation, for the queue and the idle release.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any, Dict, List, Optional

import sqlalchemy as sa
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import BotUttered, ConversationPaused, ConversationResumed, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import settings
from bot.clinic import audit, records
from bot.clinic.tables import takeovers
from bot.nlu.intents import RED_FLAG_INTENTS, SYMPTOM_CHECK_INTENT

logger = logging.getLogger(__name__)

# Red flags and the safety net (a possible symptom the bot cannot place) always pass.
ALWAYS_ANSWERED = {*RED_FLAG_INTENTS, SYMPTOM_CHECK_INTENT}


class TakeoverError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# ------------------------------------------------------------------ Rasa: red flags pass

_original_should_handle = MessageProcessor._should_handle_message


def _should_handle_message(tracker: DialogueStateTracker) -> bool:
    if _original_should_handle(tracker):
        return True
    latest = tracker.latest_message
    return latest is not None and latest.intent.get(INTENT_NAME_KEY) in ALWAYS_ANSWERED


def install() -> None:
    """While a person has the conversation, red flags still get the bot's reply."""
    MessageProcessor._should_handle_message = staticmethod(_should_handle_message)


# ------------------------------------------------------------------ the takeover itself

def holder(conversation_id: str, url: Optional[str] = None) -> Optional[str]:
    with records.engine(url).connect() as conn:
        return conn.execute(sa.select(takeovers.c.staff_email).where(
            takeovers.c.conversation_id == conversation_id)).scalar()


async def _append(agent: Any, conversation_id: str, *events: Any, must_exist: bool = True) -> DialogueStateTracker:
    """Appends events to the stored conversation under its lock (as Rasa does for a message)."""
    async with agent.lock_store.lock(conversation_id):
        tracker = await agent.tracker_store.retrieve(conversation_id)
        if tracker is None:
            if must_exist:
                raise TakeoverError(404, "no such conversation")
            tracker = await agent.tracker_store.get_or_create_tracker(conversation_id)
        for event in events:
            tracker.update(event)
        await agent.tracker_store.save(tracker)
        return tracker


async def take_over(agent: Any, conversation_id: str, staff_email: str, url: Optional[str] = None) -> None:
    current = await asyncio.to_thread(holder, conversation_id, url)
    if current is not None and current != staff_email:
        raise TakeoverError(409, f"{current} has this conversation")
    await _append(agent, conversation_id, ConversationPaused())
    await asyncio.to_thread(_store_takeover, conversation_id, staff_email, url)
    await audit.record_async("takeover", staff_email, conversation_id, url=url)


def _store_takeover(conversation_id: str, staff_email: str, url: Optional[str]) -> None:
    now = records.now()
    with records.engine(url).begin() as conn:
        conn.execute(takeovers.delete().where(takeovers.c.conversation_id == conversation_id))
        conn.execute(takeovers.insert().values(conversation_id=conversation_id, staff_email=staff_email,
                                               started_at=now, last_activity_at=now, created_at=now))


def _forget_takeover(conversation_id: str, url: Optional[str]) -> None:
    with records.engine(url).begin() as conn:
        conn.execute(takeovers.delete().where(takeovers.c.conversation_id == conversation_id))


def _note_activity(conversation_id: str, url: Optional[str]) -> None:
    with records.engine(url).begin() as conn:
        conn.execute(takeovers.update().where(takeovers.c.conversation_id == conversation_id)
                     .values(last_activity_at=records.now()))


def _idle_since(cutoff: dt.datetime, url: Optional[str]) -> List[str]:
    with records.engine(url).connect() as conn:
        return list(conn.execute(sa.select(takeovers.c.conversation_id).where(
            takeovers.c.last_activity_at < cutoff)).scalars())


async def release(agent: Any, conversation_id: str, staff_email: Optional[str], reason: str = "release",
                  url: Optional[str] = None) -> None:
    if await asyncio.to_thread(holder, conversation_id, url) is None:
        raise TakeoverError(409, "the conversation is not taken over")
    await _append(agent, conversation_id, ConversationResumed())
    await asyncio.to_thread(_forget_takeover, conversation_id, url)
    await audit.record_async(reason, staff_email, conversation_id, url=url)


async def add_staff_message(agent: Any, conversation_id: str, staff_email: str, text: str,
                            url: Optional[str] = None) -> DialogueStateTracker:
    """Stores the message in the conversation; only its holder may write."""
    current = await asyncio.to_thread(holder, conversation_id, url)
    if current is None:
        raise TakeoverError(409, "take the conversation over first")
    if current != staff_email:
        raise TakeoverError(409, f"{current} has this conversation")
    tracker = await _append(agent, conversation_id, BotUttered(text, metadata={"staff": staff_email}))
    await asyncio.to_thread(_note_activity, conversation_id, url)
    return tracker


async def release_idle(agent: Any, url: Optional[str] = None, now: Optional[dt.datetime] = None) -> List[str]:
    """Hands back to the bot every takeover nobody wrote in for TAKEOVER_IDLE_MINUTES."""
    cutoff = (now or records.now()) - dt.timedelta(minutes=settings.console().takeover_idle_minutes)
    idle = await asyncio.to_thread(_idle_since, cutoff, url)
    released = []
    for conversation_id in idle:
        try:
            await release(agent, conversation_id, None, reason="auto_release_idle", url=url)
            released.append(conversation_id)
        except TakeoverError:
            pass  # released meanwhile
    return released


async def release_idle_forever(agent_getter: Any) -> None:
    """Runs in the server: the idle release every TAKEOVER_CHECK_SECONDS."""
    while True:
        await asyncio.sleep(settings.console().takeover_check_seconds)
        agent = agent_getter()
        if agent is None or agent.tracker_store is None:
            continue
        try:
            released = await release_idle(agent)
            if released:
                logger.info("Released %d idle takeover(s).", len(released))
        except Exception as error:  # noqa: BLE001 - the loop must outlive a database hiccup
            logger.error("Idle takeover release failed: %s.", type(error).__name__)


# ------------------------------------------------------------------ the transcript

def transcript(tracker: DialogueStateTracker) -> List[Dict[str, Any]]:
    """What was said, in order: patient, bot and staff messages with their times."""
    lines: List[Dict[str, Any]] = []
    for event in tracker.events:
        at = dt.datetime.fromtimestamp(event.timestamp, dt.timezone.utc).isoformat()
        if isinstance(event, UserUttered):
            lines.append({"from": "patient", "text": event.text, "at": at,
                          "intent": (event.intent or {}).get(INTENT_NAME_KEY)})
        elif isinstance(event, BotUttered):
            staff = (event.metadata or {}).get("staff")
            lines.append({"from": "staff" if staff else "bot", "staff": staff, "text": event.text, "at": at})
        elif isinstance(event, ConversationPaused):
            lines.append({"from": "system", "text": "taken over by staff", "at": at})
        elif isinstance(event, ConversationResumed):
            lines.append({"from": "system", "text": "handed back to the bot", "at": at})
    return lines


def latest_callback_url(tracker: DialogueStateTracker) -> Optional[str]:
    """The clinic integration's callback URL from the patient's latest message that had one."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            url = (event.metadata or {}).get("callback_url")
            if isinstance(url, str):
                return url
    return None
