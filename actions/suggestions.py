"""action_suggest_topics: after "I'm not sure", offer the likeliest topics as buttons.

Each button sends the topic's plain question, so choosing it is answered like any
question (and works on SMS, where buttons become numbered options)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_facts import faq_candidates, language
from bot.i18n.strings import say
from bot.topics import topics as topics_in

MAX_SUGGESTIONS = 3


class ActionSuggestTopics(Action):
    def name(self) -> Text:
        return "action_suggest_topics"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        lang = language(tracker)
        table = topics_in(lang)
        topics = [t for t in faq_candidates(tracker, MAX_SUGGESTIONS) if t in table]
        if topics:
            # In the conversation's language, titles and questions alike: a question sent
            # back in English would switch a Spanish conversation to English.
            buttons = [{"title": table[t].title, "payload": table[t].question} for t in topics]
            dispatcher.utter_message(text=say("suggest_topics", lang), buttons=buttons, language=lang)
        return []
