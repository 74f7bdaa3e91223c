"""SentenceCountsFeaturizer: Rasa's CountVectorsFeaturizer without per-token counts for
the message text.

For the text of a message, Rasa's featurizer counts n-grams twice: once per token (the
"sequence" features DIET and entity extractors read) and once for the whole message (the
"sentence" features). The linear classifiers here read only the sentence features, and
the per-token pass was half of each featurizer's time per message (`make profile`); the
sentence row is counted directly from the vocabulary rather than through sklearn's
transform, whose checks and matrix assembly cost more than the counting.
Vocabulary, training and the sentence features are Rasa's; other attributes (intents,
action names) are featurized as Rasa does. One addition: the message's words are counted
without accents or the opening "¿" / "¡", as most Spanish speakers type on a phone, so
"¿Duele la punción?" and "duele la puncion" share every n-gram.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Text, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.nlu.constants import TEXT
from sklearn.feature_extraction.text import CountVectorizer

from bot.safety.patterns import without_accents

Matrices = List[Optional[scipy.sparse.spmatrix]]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountsFeaturizer(CountVectorsFeaturizer):
    def _process_tokens(self, tokens: List[Text], attribute: Text = TEXT) -> List[Text]:
        tokens = super()._process_tokens(tokens, attribute)
        if attribute != TEXT:
            return tokens
        return [plain for plain in (without_accents(t).strip("¿¡") for t in tokens) if plain]

    def _create_features(self, attribute: Text, all_tokens: List[List[Text]]) -> Tuple[Matrices, Matrices]:
        vectorizer = self.vectorizers.get(attribute)
        if attribute != TEXT or getattr(vectorizer, "vocabulary_", None) is None:
            return super()._create_features(attribute, all_tokens)
        sentences: Matrices = [self._counts(vectorizer, " ".join(tokens)) if tokens else None for tokens in all_tokens]
        return [None] * len(all_tokens), sentences

    def _counts(self, vectorizer: CountVectorizer, text: Text) -> scipy.sparse.coo_matrix:
        """vectorizer.transform([text]) as a sorted one-row coo matrix, as Rasa builds its
        sentence row, counted here: sklearn's transform spends most of its time checking
        and assembling matrices, for a row of a few dozen n-grams."""
        vocabulary = vectorizer.vocabulary_
        counts: Dict[int, int] = {}
        for feature in self._analyzer(vectorizer)(text):
            column = vocabulary.get(feature)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = np.array(sorted(counts), dtype=np.int32)
        values = np.ones(len(columns), dtype=vectorizer.dtype) if vectorizer.binary else \
            np.array([counts[c] for c in columns], dtype=vectorizer.dtype)
        return scipy.sparse.coo_matrix((values, (np.zeros(len(columns), dtype=np.int32), columns)),
                                       shape=(1, len(vocabulary)))

    @staticmethod
    def _analyzer(vectorizer: CountVectorizer) -> Callable[[Text], List[Text]]:
        # Built once per fitted vectorizer and kept on it (training makes new vectorizers).
        if not hasattr(vectorizer, "_dn_analyzer"):
            vectorizer._dn_analyzer = vectorizer.build_analyzer()
        return vectorizer._dn_analyzer
