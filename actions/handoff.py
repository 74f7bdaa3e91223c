"""action_record_handoff: the person asked for a human, a booking or a call back."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_facts import channel
from bot.channels.rest import SMS_SENDER_PREFIX
from bot.clinic import alerts, contacts, records

logger = logging.getLogger(__name__)


class ActionRecordHandoff(Action):
    def name(self) -> Text:
        return "action_record_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        handoff_id = None
        try:
            handoff_id = records.record_handoff(tracker.sender_id, channel(tracker))
            if tracker.sender_id.startswith(SMS_SENDER_PREFIX):
                # By SMS the number is known, and the reply says it is passed on.
                contacts.record(tracker.sender_id, contacts.Contact("phone", tracker.sender_id[len(SMS_SENDER_PREFIX):]))
        except Exception as error:  # noqa: BLE001 - the reply already gave the clinic's number
            logger.error("Call-back request NOT recorded: %s.", type(error).__name__)
        alerts.dispatch(alerts.Alert("callback", f"callback-{handoff_id}" if handoff_id else None, channel(tracker)))
        return []
