"""What the actions read from a conversation, in one place."""
from __future__ import annotations

from typing import Dict, List, Optional

from rasa_sdk import Tracker

from bot.i18n.strings import conversation_language
from bot.topics import topic_of

EMERGENCY_INTENT = "red_flag_emergency"
TIER_FOR_INTENT = {EMERGENCY_INTENT: "emergency", "red_flag_urgent": "urgent"}


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def symptoms(tracker: Tracker) -> List[str]:
    return sorted({e["value"] for e in tracker.latest_message.get("entities") or [] if e.get("entity") == "symptom"})


def channel(tracker: Tracker) -> Optional[str]:
    return tracker.get_latest_input_channel()


def language(tracker: Tracker) -> str:
    """The language to reply in: the conversation's, else the clinic's first (LANGUAGES)."""
    return conversation_language(tracker.get_slot("language"))


def faq_ranking(tracker: Tracker) -> List[Dict]:
    """The answer selector's ranking for the latest message, best first."""
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    return [r for r in selector.get("ranking") or [] if r.get("intent_response_key")]


def faq_candidates(tracker: Tracker, limit: int = 3) -> List[str]:
    """The most likely FAQ topics for the latest message, best first."""
    return [topic_of(r["intent_response_key"]) for r in faq_ranking(tracker)[:limit]]


def previous_faq_key(tracker: Tracker) -> Optional[str]:
    """The last FAQ answer before the latest message ("faq/<topic>" or a precise
    "faq/<topic>__<detail>"): what the bot sent (its utter_action, so a follow-up's own
    answer counts), else what the NLU chose for the last FAQ question."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    for event in reversed(events[:last_user]):
        action = (event.get("metadata") or {}).get("utter_action") if event.get("event") == "bot" else None
        if action and action.startswith("utter_faq/"):
            return action[len("utter_"):]
    for event in reversed([e for e in events[:last_user] if e.get("event") == "user"]):
        parse = event.get("parse_data") or {}
        if (parse.get("intent") or {}).get("name") == "faq":
            key = ((parse.get("response_selector") or {}).get("faq") or {}).get("response", {}).get("intent_response_key")
            if key:
                return key
    return None
