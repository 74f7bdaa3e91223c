"""What the NLU gates share: a base for config-only graph components and helpers for
rewriting Rasa's parse result."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

FAQ = "faq"
FALLBACK = DEFAULT_NLU_FALLBACK_INTENT_NAME
EMERGENCY_INTENT = "red_flag_emergency"
URGENT_INTENT = "red_flag_urgent"
RED_FLAG_INTENTS = (EMERGENCY_INTENT, URGENT_INTENT)
# The safety net: possibly a symptom that needs help now, which the bot cannot place.
SYMPTOM_CHECK_INTENT = "symptom_check"


class Gate(GraphComponent):
    """A pipeline step that learns nothing: built from its config, passes training data on."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "Gate":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def intent_name(message: Message) -> Optional[str]:
    return (message.get(INTENT) or {}).get("name")


def classifier_ranking(message: Message) -> List[Dict]:
    """The classifier's own ranking, without the nlu_fallback entry gates may add."""
    return [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != FALLBACK]


def set_intent(message: Message, name: str, confidence: float) -> None:
    """Make `name` the decision and put it first in the ranking (as FallbackClassifier does)."""
    message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": confidence}] + ranking, add_to_output=True)


def faq_ranking(message: Message) -> List[Dict]:
    """The answer selector's ranking of answers: [{"intent_response_key", "confidence"}]."""
    selector = (message.get("response_selector") or {}).get(FAQ) or {}
    return selector.get("ranking") or []
