"""LinearIntentClassifier: Rasa's LogisticRegressionClassifier, tuned for short messages.

Rasa's component fits sklearn's logistic regression on raw n-gram counts with C fixed at
1. Two changes, chosen by 5-fold cross-validation on the training data (not on the
held-out set; docs/deploy.md §6): counts are square-rooted and each message's vector is
scaled to unit length, so a long message does not outvote a short one on its number of
n-grams; and C is a setting, raised to 30 because that scaling shrinks every weight.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize


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
        features = super()._create_X(messages).astype(np.float64)
        features.data = np.sqrt(features.data)
        return normalize(features)
