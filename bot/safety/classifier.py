"""The red-flag classifier: a message in, the probability of each tier and the likeliest
clinical category out. Plain Python (scikit-learn), no Rasa.

Why a classifier beside the rules: rules know the phrases someone wrote down; patients
describe the same emergency in words nobody listed ("can't finish a sentence", "his face
looks lopsided"). Trained on examples written per category from bot/safety/categories.yml
by several hands, in English and Spanish, and on many more messages that are NOT red flags
(every FAQ question, negations, questions about risks, figures of speech), it learns what
a report of a dangerous symptom looks like rather than a word list.

Features are hashed (no vocabulary to store): character n-grams inside word boundaries
carry typos, shorthand and Spanish without accents; word pairs carry negation and framing
("no chest", "what if"). The fitted model is three arrays, saved without pickle.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

NONE = "none"
TIERS = ("emergency", "urgent", NONE)
N_FEATURES = 2 ** 17


def normalise(text: str) -> str:
    """Lower case without accents: "desmayó", "desmayo" and "DESMAYO" are one word."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_CHARS = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=N_FEATURES,
                           alternate_sign=False, norm="l2", preprocessor=normalise)
_WORDS = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=N_FEATURES,
                           alternate_sign=False, norm="l2", preprocessor=normalise,
                           token_pattern=r"(?u)\b\w+\b|[?!]")


def features(texts: Sequence[str]):
    return hstack([_CHARS.transform(texts), _WORDS.transform(texts)]).tocsr()


@dataclass(frozen=True)
class Reading:
    probabilities: Dict[str, float]  # tier -> probability
    category: Optional[str]  # the likeliest category, when the message reads as a red flag

    @property
    def red_flag(self) -> float:
        return self.probabilities.get("emergency", 0.0) + self.probabilities.get("urgent", 0.0)


class _Linear:
    """A fitted multinomial logistic regression, as arrays."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: Sequence[str]) -> None:
        self.coef = np.asarray(coef, dtype=np.float32)
        # features x classes, C order: scipy multiplies a sparse row by it in place; with the
        # transposed view it copied the whole matrix (tens of MB) on every message.
        self.weights = np.ascontiguousarray(self.coef.T)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.classes = [str(c) for c in classes]

    @classmethod
    def fit(cls, X, labels: Sequence[str], C: float, weights: Optional[np.ndarray] = None) -> "_Linear":
        # Fitted on the hashed columns the examples use (a few percent of them): the same
        # model, since an unused column's weight stays 0, but many times faster to fit.
        used = np.unique(X.indices)
        model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
        model.fit(X[:, used], list(labels), sample_weight=weights)
        coef, intercept = model.coef_, model.intercept_
        if len(model.classes_) == 2:  # sklearn keeps one row for two classes
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        full = np.zeros((coef.shape[0], X.shape[1]), dtype=np.float32)
        full[:, used] = coef
        return cls(full, intercept, model.classes_)

    def probabilities(self, X) -> np.ndarray:
        # Same dtype on both sides, or scipy would upcast (copy) the weights every message.
        scores = np.asarray(X.astype(self.weights.dtype, copy=False) @ self.weights) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


class RedFlagClassifier:
    def __init__(self, tiers: _Linear, categories: Optional[_Linear]) -> None:
        self.tiers = tiers
        self.categories = categories

    @classmethod
    def fit(cls, texts: Sequence[str], tiers: Sequence[str], categories: Sequence[Optional[str]],
            C: float = 10.0) -> "RedFlagClassifier":
        X = features(texts)
        tier_model = _Linear.fit(X, tiers, C)
        flagged = [i for i, c in enumerate(categories) if c and tiers[i] != NONE]
        category_model = None
        if len({categories[i] for i in flagged}) > 1:
            category_model = _Linear.fit(X[flagged], [categories[i] for i in flagged], C)
        return cls(tier_model, category_model)

    def read(self, text: str) -> Reading:
        return self.read_many([text])[0]

    def read_many(self, texts: Sequence[str]) -> List[Reading]:
        X = features(texts)
        tier_probs = self.tiers.probabilities(X)
        category_probs = self.categories.probabilities(X) if self.categories else None
        readings = []
        for row, probs in enumerate(tier_probs):
            category = None
            if category_probs is not None:
                category = self.categories.classes[int(np.argmax(category_probs[row]))]
            readings.append(Reading(dict(zip(self.tiers.classes, map(float, probs))), category))
        return readings

    def save(self, path: Path) -> None:
        arrays = {"tier_coef": self.tiers.coef, "tier_intercept": self.tiers.intercept,
                  "tier_classes": np.array(self.tiers.classes)}
        if self.categories:
            arrays.update(category_coef=self.categories.coef, category_intercept=self.categories.intercept,
                          category_classes=np.array(self.categories.classes))
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> "RedFlagClassifier":
        with np.load(path, allow_pickle=False) as arrays:
            tiers = _Linear(arrays["tier_coef"], arrays["tier_intercept"], arrays["tier_classes"])
            categories = None
            if "category_coef" in arrays:
                categories = _Linear(arrays["category_coef"], arrays["category_intercept"],
                                     arrays["category_classes"])
        return cls(tiers, categories)
