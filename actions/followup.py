"""action_answer_followup: "and how long does that last?" answered from the last topic."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_facts import previous_faq_topic
from bot.followups import answer_topic


class ActionAnswerFollowup(Action):
    def name(self) -> Text:
        return "action_answer_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        topic = answer_topic(tracker.latest_message.get("text") or "", previous_faq_topic(tracker))
        if topic:
            dispatcher.utter_message(response=f"utter_faq/{topic}")
        else:
            dispatcher.utter_message(response="utter_not_sure")
        return []
