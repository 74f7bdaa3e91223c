"""AnswerConfidenceGate: no FAQ answer unless the *answer* is confident.

Rasa's FallbackClassifier looks only at the intent: "faq" can score 0.99 while the
answer selector's chosen answer scores 0.1, and the user gets a wrong answer (Rasa
issues #9751, #9723, #5906). This gate looks at the answer ranking too and turns a weak
or ambiguous answer into nlu_fallback, so the bot says it is not sure and offers the
likely topics instead. Thresholds were tuned on tests/data/heldout_nlu.yml (make eval).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intents import FALLBACK, FAQ, Gate, faq_ranking, intent_name, set_intent
from bot.topics import topic_of


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class AnswerConfidenceGate(Gate):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # the chosen answer's own confidence must reach this
            "answer_threshold": 0.4,
            # and beat the runner-up by this much (two answers close together = unsure)
            "answer_margin": 0.1,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.threshold = float(config["answer_threshold"])
        self.margin = float(config["answer_margin"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if intent_name(message) == FAQ and not self.is_confident(faq_ranking(message)):
                top = faq_ranking(message)[:1]
                set_intent(message, FALLBACK, top[0]["confidence"] if top else 0.0)
        return messages

    def is_confident(self, ranking: List[Dict]) -> bool:
        if not ranking:
            return False
        best = ranking[0]["confidence"]
        # The runner-up that matters is another topic's: a topic's general answer close to
        # one of its precise answers ("how much r u charging": cost / the clinic's prices)
        # is no risk of answering the wrong topic.
        topic = topic_of(ranking[0]["intent_response_key"])
        runner_up = next((r["confidence"] for r in ranking[1:] if topic_of(r["intent_response_key"]) != topic), 0.0)
        return best >= self.threshold and best - runner_up >= self.margin
