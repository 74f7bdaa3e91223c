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
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import coo_matrix, csr_matrix, vstack

_VECTOR_ATTR = "_dn_linear_features"
# The fitted model as plain arrays (weights, intercepts, labels). Rasa's component stores it
# with skops, whose import scans all of scikit-learn: ~5-10 s of every start-up, more than
# loading the rest of the model. Arrays load without skops and without pickle.
WEIGHTS_FILE = "linear_model.npz"


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

    def persist(self) -> None:
        if not hasattr(self.clf, "coef_"):
            return  # untrained (no examples): load() gives an untrained component again
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(model_dir / WEIGHTS_FILE, coef=self.clf.coef_, intercept=self.clf.intercept_,
                     classes=self.clf.classes_)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        try:
            with model_storage.read_from(resource) as model_dir:
                if (model_dir / WEIGHTS_FILE).exists():
                    component = cls(config, execution_context.node_name, model_storage, resource)
                    with np.load(model_dir / WEIGHTS_FILE, allow_pickle=False) as arrays:
                        component._set_weights(arrays["coef"], arrays["intercept"], arrays["classes"])
                    return component
                stored_the_old_way = (model_dir / f"{resource.name}.skops").exists()
        except ValueError:  # nothing stored for this component
            stored_the_old_way = False
        if not stored_the_old_way:
            return cls.create(config, model_storage, resource, execution_context)
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        if hasattr(component.clf, "coef_"):
            component._set_weights(component.clf.coef_, component.clf.intercept_, component.clf.classes_)
        return component

    def _set_weights(self, coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray) -> None:
        set_weights(self.clf, coef, intercept, classes)

    def process(self, messages: List[Message]) -> List[Message]:
        messages = super().process(messages)
        for message in messages:
            if not known_words(message):
                # No tokens ("   " through /model/parse) or none the model knows ("😭😭"):
                # it would answer with its priors alone (0.45 "affirm"); no reading lets
                # FallbackClassifier say so.
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        return messages

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        rows = [self._vector(message) for message in messages]
        return rows[0] if len(rows) == 1 else vstack(rows, format="csr")

    def _vector(self, message: Message) -> csr_matrix:
        cached = getattr(message, _VECTOR_ATTR, None)
        if cached is None:
            sentence = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
            if not sentence:  # no tokens (an empty /model/parse text): no evidence either way
                return csr_matrix((1, getattr(self.clf, "n_features_in_", 0)))
            cached = sentence_row([f.features for f in sentence if f.is_sparse()],
                                  [f.features for f in sentence if f.is_dense()])
            setattr(message, _VECTOR_ATTR, cached)
        return cached


def known_words(message: Message) -> bool:
    """Whether the message has a word or n-gram the counts know. Dense features (word
    embeddings) give every message a vector; without known words it is still no reading."""
    return any(f.is_sparse() and f.features.nnz for f in message.features
               if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE)


def set_weights(clf: Any, coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray) -> None:
    """What sklearn's predict_proba reads of a fitted model. sklearn multiplies each
    message by coef_.T: stored column-major, coef_.T is a row-major array scipy reads in
    place; row-major, scipy copied every weight of every class for each message."""
    clf.coef_ = np.asfortranarray(coef)
    clf.intercept_ = intercept
    clf.classes_ = classes
    clf.n_features_in_ = coef.shape[1]


def sentence_row(sparse: List[Any], dense: List[Any]) -> csr_matrix:
    """One message's sentence features side by side, sparse ones first, in pipeline order
    (the layout of Rasa's get_sparse_features + get_dense_features), counts square-rooted,
    scaled to unit length. Built by hand: Rasa's combination deep-copies and stacks each
    matrix, several times the cost of the model itself."""
    values, columns, width = [], [], 0
    for matrix in sparse:
        counts = coo_matrix(matrix)
        if np.unique(counts.col).size != counts.nnz:  # a column stored twice: add it up first
            counts = counts.copy()
            counts.sum_duplicates()
        values.append(np.sqrt(counts.data, dtype=np.float64))  # counts only: dense values can be negative
        columns.append(counts.col + width)
        width += counts.shape[1]
    for matrix in dense:
        row = np.asarray(matrix, dtype=np.float64).ravel()
        values.append(row)
        columns.append(np.arange(width, width + row.size))
        width += row.size
    data = np.concatenate(values)
    norm = np.sqrt(np.dot(data, data))
    if norm > 0:
        data /= norm
    return csr_matrix((data, np.concatenate(columns), np.array([0, data.size])), shape=(1, width))
