"""AnswerSelector: a linear model (bot/nlu/linear.py) choosing the FAQ answer.

It does what Rasa's ResponseSelector does for a retrieval intent (learns `faq/<topic>`
from the examples of `faq`, writes `response_selector.faq` in the same shape, so
`utter_faq` and /model/parse work unchanged), with a linear model on the same sparse
features instead of a TensorFlow network: one TF call per message was most of the
parsing time, and building its graph most of the start-up (docs/deploy.md §6). The
held-out accuracy decided it (make eval). Rasa has no sklearn response selector, so this
is the smallest adapter: Rasa's own classifier, other labels, other output key.

Precise answers (`faq/<topic>__<detail>`) are chosen in two steps, by two linear models on
the same vector: the topic model (every example labelled with its topic) picks the topic,
and its confidence is what the gate after this judges, as before; then the answer model
(every example with its own answer) picks, within that topic, a precise answer only when it
holds at least `detail_share` of the topic's probability there; otherwise the topic's full
answer, which is never wrong about the topic. Adding precise answers thus leaves the topic
decision as it was. The ranking has one entry per topic.
"""
from __future__ import annotations

import json
import warnings
from typing import Any, Dict, List, Optional, Text

import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression

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

from bot.nlu.linear import LinearIntentClassifier, known_words, set_weights
from bot.topics import detail_of, is_not_covered, topic_of

# Rasa's recipe validator looks for the ResponseSelector class itself and warns that the
# faq/<topic> examples would go unused; this component uses them.
warnings.filterwarnings("ignore", message="You have defined training data with examples for training a response selector")

RESPONSES_FILE = "responses.json"
ANSWER_MODEL_FILE = "answer_model.npz"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class AnswerSelector(LinearIntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**LinearIntentClassifier.get_default_config(), "retrieval_intent": "faq", "detail_share": 0.4}

    def __init__(
        self, config: Dict[Text, Any], name: Text, model_storage: ModelStorage, resource: Resource
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.retrieval_intent: str = self.config["retrieval_intent"]
        # The curated texts per answer, carried in the parse as ResponseSelector does.
        self.responses: Dict[Text, List[Dict[Text, Any]]] = {}
        # Precise answer within the chosen topic; None when no example names one.
        self.answer_clf: Optional[LogisticRegression] = None

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
            X = self._create_X(examples)
            keys = [e.get(INTENT_RESPONSE_KEY) for e in examples]
            self.clf.fit(X, [f"{self.retrieval_intent}/{topic_of(k)}" for k in keys])
            if any(detail_of(k) for k in keys):
                self.answer_clf = clone(self.clf).fit(X, keys)
            self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        # A message with no word the model knows gets no answer, not the priors' favourite.
        readable = [message for message in messages if known_words(message)]
        if not readable or not hasattr(self.clf, "classes_"):
            return messages
        X = self._create_X(readable)
        probabilities = self.clf.predict_proba(X)
        answers = self.answer_clf.predict_proba(X) if self.answer_clf is not None else [None] * len(readable)
        topics = self.clf.classes_
        for message, row, answer_row in zip(readable, probabilities, answers):
            best_first = np.argsort(-row, kind="stable")[: self.config[RANKING_LENGTH] or None]
            ranking = [{INTENT_RESPONSE_KEY: str(topics[i]), PREDICTED_CONFIDENCE_KEY: float(row[i])} for i in best_first]
            if answer_row is not None:
                ranking[0][INTENT_RESPONSE_KEY] = self.precise_answer(ranking[0][INTENT_RESPONSE_KEY], answer_row)
            self._set_answer(message, ranking)
        return messages

    def precise_answer(self, topic_key: str, answer_row: np.ndarray) -> str:
        """The precise answer under this topic that holds at least `detail_share` of the
        answer model's probability within the topic, else the topic's full answer.

        The "not covered" answers of a topic all tell the patient the same thing (our
        information doesn't cover it, ask the clinic), so they count together: when they
        hold `detail_share` and more than the full answer, the likeliest of them is given.
        Otherwise a question split between "flying" and "any other activity" would get the
        full aftercare paragraph, which reads as if it answered."""
        topic = topic_of(topic_key)
        within = [(str(k), float(p)) for k, p in zip(self.answer_clf.classes_, answer_row) if topic_of(str(k)) == topic]
        total = sum(p for _, p in within)
        if total <= 0:
            return topic_key
        best_key, best_p = max(within, key=lambda kp: kp[1])
        if detail_of(best_key) and best_p >= self.config["detail_share"] * total:
            return best_key
        not_covered = [(k, p) for k, p in within if is_not_covered(k)]
        pooled = sum(p for _, p in not_covered)
        full = sum(p for k, p in within if not detail_of(k))
        if not_covered and pooled >= self.config["detail_share"] * total and pooled > full:
            return max(not_covered, key=lambda kp: kp[1])[0]
        return topic_key

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
            if self.answer_clf is not None:
                np.savez(model_dir / ANSWER_MODEL_FILE, coef=self.answer_clf.coef_,
                         intercept=self.answer_clf.intercept_, classes=self.answer_clf.classes_)

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
                if (model_dir / ANSWER_MODEL_FILE).exists():
                    with np.load(model_dir / ANSWER_MODEL_FILE, allow_pickle=False) as arrays:
                        component.answer_clf = clone(component.clf)
                        set_weights(component.answer_clf, arrays["coef"], arrays["intercept"], arrays["classes"])
        except (ValueError, FileNotFoundError):
            pass  # untrained: process() leaves messages alone
        return component
