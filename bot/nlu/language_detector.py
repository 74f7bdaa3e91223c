"""LanguageDetector: the language of each message, as an entity `language` ("en"/"es").

Rasa's slot mapping turns it into the `language` slot inside Rasa (no action server), and
responses pick their Spanish or English variant from that slot (bot/nlg.py). A message
whose language is unclear ("ok", "2") carries no entity, so the conversation keeps its
language. The languages offered come from LANGUAGES at run time: no retrain.

A channel may say which language the patient's screen is in (message metadata
`language`: the website widget sends its page's language until the conversation has one,
a clinic integration the patient's preferred language). It is used only when the text
itself is unclear, so the patient's own words always win.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import settings
from bot.i18n.language import detect, warm_up
from bot.nlu.intents import Gate

LANGUAGE_ENTITY = "language"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageDetector(Gate):
    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        warm_up()  # at model load, not on the first patient's message

    def process(self, messages: List[Message]) -> List[Message]:
        offered = settings.languages()
        for message in messages:
            text = message.get(TEXT) or ""
            language = detect(text, offered) or hinted_language(message.get(METADATA), offered)
            if language is None:
                continue
            entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != LANGUAGE_ENTITY]
            entities.append({"entity": LANGUAGE_ENTITY, "value": language, "start": 0, "end": len(text),
                             "confidence_entity": 1.0, "extractor": "LanguageDetector"})
            message.set(ENTITIES, entities, add_to_output=True)
        return messages


def hinted_language(metadata: Any, offered: tuple) -> Any:
    """The language the channel says the patient uses ("es", "es-MX"), if it is offered."""
    hint = metadata.get(LANGUAGE_ENTITY) if isinstance(metadata, dict) else None
    if not isinstance(hint, str):
        return None
    code = hint.strip().lower().replace("_", "-").split("-")[0]
    return code if code in offered else None
