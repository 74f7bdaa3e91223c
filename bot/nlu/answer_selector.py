"""AnswerSelector: a linear model (bot/nlu/linear.py) choosing the FAQ answer.

It does what Rasa's ResponseSelector does for a retrieval intent (learns `faq/<topic>`
from the examples of `faq`, writes `response_selector.faq` in the same shape, so
`utter_faq` and /model/parse work unchanged), with a linear model on the same sparse
features instead of a TensorFlow network: one TF call per message was most of the
parsing time, and building its graph most of the start-up (docs/deploy.md §6). The
held-out accuracy decided it (make eval). Rasa has no sklearn response selector, so this
is the smallest adapter: Rasa's own classifier, other labels, other output key.

Precise answers (`faq/<topic>__<detail>`) are learnt beside each topic's full answer, and
chosen in two steps: first the topic (the sum of its answers' probabilities: what the
confidence gate after this judges, as before), then, within it, a precise answer only when
it holds at least `detail_share` of the topic's probability; otherwise the topic's full
answer, which is never wrong about the topic. The ranking has one entry per topic.
"""
from __future__ import annotations

import json
import warnings
from typing import Any, Dict, List, Text

import numpy as np

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data import util
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH

from bot.nlu.linear import LinearIntentClassifier
from bot.topics import detail_of, topic_of

# Rasa's recipe validator looks for the ResponseSelector class itself and warns that the
# faq/<topic> examples would go unused; this component uses them.
warnings.filterwarnings("ignore", message="You have defined training data with examples for training a response selector")

RESPONSES_FILE = "responses.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class AnswerSelector(LinearIntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**LinearIntentClassifier.get_default_config(), "retrieval_intent": "faq", "detail_share": 0.5}

    def __init__(
        self, config: Dict[Text, Any], name: Text, model_storage: ModelStorage, resource: Resource
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.retrieval_intent: str = self.config["retrieval_intent"]
        # The curated texts per answer, carried in the parse as ResponseSelector does.
        self.responses: Dict[Text, List[Dict[Text, Any]]] = {}

    def train(self, training_data: TrainingData) -> Resource:
        examples = [
            e for e in training_data.intent_examples
            if e.get(INTENT) == self.retrieval_intent and e.get(INTENT_RESPONSE_KEY) and e.get(TEXT)
        ]
        if examples:
            self.responses = {
                key: value for key, value in training_data.responses.items()
                if key.startswith(f"utter_{self.retrieval_intent}/")
            }
            self.clf.fit(self._create_X(examples), [e.get(INTENT_RESPONSE_KEY) for e in examples])
            self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        # A message with no word the model knows gets no answer, not the priors' favourite.
        readable = [message for message in messages if self._vector(message).nnz]
        if not readable or not hasattr(self.clf, "classes_"):
            return messages
        probabilities = self.clf.predict_proba(self._create_X(readable))
        keys = self.clf.classes_
        for message, row in zip(readable, probabilities):
            ranking = self.topic_ranking(keys, row)[: self.config[RANKING_LENGTH] or None]
            self._set_answer(message, ranking)
        return messages

    def topic_ranking(self, keys: Any, row: np.ndarray) -> List[Dict[Text, Any]]:
        """One entry per topic, best first: the answer chosen for that topic and the
        topic's probability (the sum over its answers)."""
        by_topic: Dict[str, List[tuple]] = {}
        for i in np.argsort(-row, kind="stable"):
            by_topic.setdefault(topic_of(str(keys[i])), []).append((str(keys[i]), float(row[i])))
        ranking = []
        for topic, answers in by_topic.items():
            total = sum(p for _, p in answers)
            best_key, best_p = answers[0]
            full = f"{self.retrieval_intent}/{topic}"
            if detail_of(best_key) and best_p < self.config["detail_share"] * total and any(k == full for k, _ in answers):
                best_key = full  # no precise answer stands out: the topic's full answer
            ranking.append({INTENT_RESPONSE_KEY: best_key, PREDICTED_CONFIDENCE_KEY: total})
        ranking.sort(key=lambda r: -r[PREDICTED_CONFIDENCE_KEY])
        return ranking

    def _set_answer(self, message: Message, ranking: List[Dict[Text, Any]]) -> None:
        best = ranking[0]
        utter_action = util.intent_response_key_to_template_key(best[INTENT_RESPONSE_KEY])
        selector = message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}
        selector[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = [self.retrieval_intent]
        selector[self.retrieval_intent] = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                RESPONSE_SELECTOR_RESPONSES_KEY: self.responses.get(utter_action, []),
                PREDICTED_CONFIDENCE_KEY: best[PREDICTED_CONFIDENCE_KEY],
                INTENT_RESPONSE_KEY: best[INTENT_RESPONSE_KEY],
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: utter_action,
            },
            RESPONSE_SELECTOR_RANKING_KEY: ranking,
        }
        message.set(RESPONSE_SELECTOR_PROPERTY_NAME, selector, add_to_output=True)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # nothing after this needs answers on the training examples

    def persist(self) -> None:
        super().persist()
        with self._model_storage.write_to(self._resource) as model_dir:
            (model_dir / RESPONSES_FILE).write_text(json.dumps(self.responses))

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "AnswerSelector":
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        try:
            with model_storage.read_from(resource) as model_dir:
                component.responses = json.loads((model_dir / RESPONSES_FILE).read_text())
        except (ValueError, FileNotFoundError):
            pass  # untrained: process() leaves messages alone
        return component
