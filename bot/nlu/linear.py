"""LinearIntentClassifier: Rasa's LogisticRegressionClassifier, tuned for short messages.

Rasa's component fits sklearn's logistic regression on raw n-gram counts with C fixed at
1. Two changes, chosen by 5-fold cross-validation on the training data (not on the
held-out set; docs/deploy.md §6): counts are square-rooted and each message's vector is
scaled to unit length, so a long message does not outvote a short one on its number of
n-grams; and C is a setting, raised to 30 because that scaling shrinks every weight.
The intent classifier and the answer selector read the same vector: it is built once per
message and kept on the message object (not in its data, so never in a parse result).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.preprocessing import normalize

_VECTOR_ATTR = "_dn_linear_features"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(LogisticRegressionClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "C": 30.0,
            # lbfgs needs more than sklearn's 100 steps to converge at this C
            "max_iter": 2000,
        }

    def __init__(
        self, config: Dict[Text, Any], name: Text, model_storage: ModelStorage, resource: Resource
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.C = float(self.config["C"])

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        if hasattr(component.clf, "coef_"):
            # sklearn multiplies each message by coef_.T. Stored column-major, coef_.T is a
            # row-major array scipy reads in place; row-major, scipy copied all of it (every
            # weight of every class) for each message: ~0.5 ms per classifier per message.
            component.clf.coef_ = np.asfortranarray(component.clf.coef_)
        return component

    def process(self, messages: List[Message]) -> List[Message]:
        messages = super().process(messages)
        for message in messages:
            if getattr(message, _VECTOR_ATTR, None) is None:
                # No tokens ("   " through /model/parse): the model would answer with its
                # priors alone (0.45 "affirm"); no reading lets FallbackClassifier say so.
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        return messages

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        rows = [self._vector(message) for message in messages]
        return rows[0] if len(rows) == 1 else vstack(rows, format="csr")

    def _vector(self, message: Message) -> csr_matrix:
        cached = getattr(message, _VECTOR_ATTR, None)
        if cached is None:
            # Built by hand: Rasa's hstack/vstack of one row costs more than the model.
            sparse = message.get_sparse_features(TEXT)[1]
            dense = message.get_dense_features(TEXT)[1]
            parts = []
            if sparse is not None:
                counts = csr_matrix(sparse.features, dtype=np.float64)
                counts.data = np.sqrt(counts.data)  # counts only: dense values can be negative
                parts.append(counts)
            if dense is not None:
                parts.append(csr_matrix(dense.features, dtype=np.float64))
            if not parts:  # no tokens (an empty /model/parse text): no evidence either way
                return csr_matrix((1, getattr(self.clf, "n_features_in_", 0)))
            cached = normalize(parts[0] if len(parts) == 1 else hstack(parts, format="csr"))
            setattr(message, _VECTOR_ATTR, cached)
        return cached
