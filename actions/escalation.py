"""action_escalate_red_flag: runs right after the emergency / urgent reply was sent."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Set, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_facts import TIER_FOR_INTENT, channel, latest_intent, symptoms
from bot.clinic import alerts, records
from bot.clinic.notify import ClinicNotifier

logger = logging.getLogger(__name__)

# Deliveries in flight: kept referenced so they are not garbage-collected mid-retry.
_deliveries: Set[asyncio.Task] = set()


class ActionEscalateRedFlag(Action):
    def name(self) -> Text:
        return "action_escalate_red_flag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        tier = TIER_FOR_INTENT.get(latest_intent(tracker) or "", tracker.get_slot("urgency") or "emergency")
        found = symptoms(tracker)
        escalation_id = _record(tracker.sender_id, channel(tracker), tier, found)

        notifier = ClinicNotifier.from_settings()
        payload = {
            "type": "red_flag_escalation",
            "escalation_id": escalation_id,  # None: the record could not be written
            "tier": tier,
            "symptoms": found,
            "conversation_id": tracker.sender_id,
            "channel": channel(tracker),
        }
        task = asyncio.create_task(notifier.deliver(escalation_id, payload))
        _deliveries.add(task)
        task.add_done_callback(_deliveries.discard)
        alerts.dispatch(alerts.Alert(tier, f"escalation-{escalation_id}" if escalation_id else None, channel(tracker),
                                     found, tracker.latest_message.get("text")))
        return [SlotSet("urgency", tier)]


def _record(conversation_id: Text, channel_name: Optional[Text], tier: Text, found: List[Text]) -> Optional[int]:
    """The escalation's record id, or None when the database cannot take it: the clinic
    is notified either way (a patient in danger must not wait on the database)."""
    try:
        escalation_id = records.record_escalation(conversation_id, channel_name, tier, found)
    except Exception as error:  # noqa: BLE001 - any database failure; the error text may hold the sender id
        logger.error("Escalation (tier %s) NOT recorded: %s. Notifying the clinic anyway.", tier, type(error).__name__)
        return None
    logger.info("Escalation %s recorded (tier %s).", escalation_id, tier)
    return escalation_id


async def wait_for_deliveries() -> None:
    """For tests and shutdown: let notifications in flight finish."""
    if _deliveries:
        await asyncio.gather(*list(_deliveries), return_exceptions=True)
