"""action_save_callback_contact: the patient sent how to reach them after asking for a person."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_facts import channel, language
from bot import settings
from bot.clinic import alerts, contacts, records
from bot.i18n.strings import say

logger = logging.getLogger(__name__)

# Said by this action only, so kept with the code's other sentences (bot/i18n/strings.py)
# rather than as domain responses.
SAVED, INVALID, NOT_SAVED = "callback_saved", "callback_invalid", "callback_not_saved"


class ActionSaveCallbackContact(Action):
    def name(self) -> Text:
        return "action_save_callback_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        lang = language(tracker)
        contact = contacts.find_contact(text, settings.clinic_phone_region())
        if contact is None:
            if just_asked_for_a_person(tracker):
                dispatcher.utter_message(text=say(INVALID, lang), language=lang)
            else:
                # Digits that are not a contact ("room 101", a date): NLU's guess was wrong,
                # so the honest answer is the bot's usual "not sure".
                dispatcher.utter_message(response="utter_not_sure")
            return []
        try:
            if not asked_for_a_person(tracker):
                # A number out of the blue is a request to be contacted too.
                handoff_id = records.record_handoff(tracker.sender_id, channel(tracker))
                alerts.dispatch(alerts.Alert("callback", f"callback-{handoff_id}", channel(tracker)))
            contacts.record(tracker.sender_id, contact)
        except Exception as error:  # noqa: BLE001 - say so: the patient must not wait for a call that won't come
            logger.error("Call-back contact NOT recorded: %s.", type(error).__name__)
            dispatcher.utter_message(text=say(NOT_SAVED, lang), language=lang)
            return []
        logger.info("Call-back contact recorded (%s).", contact.method)
        dispatcher.utter_message(text=say(SAVED, lang, contact=contact.value), language=lang)
        return []


def just_asked_for_a_person(tracker: Tracker) -> bool:
    """The message before this one asked for a person (so the bot has just asked for a contact)."""
    intents = [((e.get("parse_data") or {}).get("intent") or {}).get("name") for e in tracker.events if e.get("event") == "user"]
    return len(intents) >= 2 and intents[-2] in {"request_human", "give_contact"}


def asked_for_a_person(tracker: Tracker) -> bool:
    return any(e.get("event") == "user" and ((e.get("parse_data") or {}).get("intent") or {}).get("name") == "request_human"
               for e in tracker.events)
