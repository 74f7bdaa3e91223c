"""action_answer_followup: "and how long does that last?" answered from the last answer."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_facts import faq_ranking, previous_faq_key
from bot.followups import answer_key, standalone_answer


class ActionAnswerFollowup(Action):
    def name(self) -> Text:
        return "action_answer_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        previous = previous_faq_key(tracker)
        key = answer_key(text, previous) or (None if previous else standalone_answer(text, faq_ranking(tracker)))
        if key:
            dispatcher.utter_message(response=f"utter_{key}")
        else:
            dispatcher.utter_message(response="utter_not_sure")
        return []
