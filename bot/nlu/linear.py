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
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, vstack
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

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        rows = [self._vector(message) for message in messages]
        return rows[0] if len(rows) == 1 else vstack(rows, format="csr")

    @staticmethod
    def _vector(message: Message) -> csr_matrix:
        cached = getattr(message, _VECTOR_ATTR, None)
        if cached is None:
            if message.get_dense_features(TEXT)[1] is not None:
                counts = LogisticRegressionClassifier._create_X(None, [message])  # type: ignore[arg-type]
            else:  # Rasa's hstack/vstack of one sparse row costs more than the model
                sentence = message.get_sparse_features(TEXT)[1]
                counts = csr_matrix(sentence.features) if sentence else csr_matrix((1, 0))
            counts = counts.astype(np.float64)
            counts.data = np.sqrt(counts.data)
            cached = normalize(counts)
            setattr(message, _VECTOR_ATTR, cached)
        return cached
