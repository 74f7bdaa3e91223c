"""SentenceCountsFeaturizer: Rasa's CountVectorsFeaturizer without per-token counts for
the message text.

For the text of a message, Rasa's featurizer counts n-grams twice: once per token (the
"sequence" features DIET and entity extractors read) and once for the whole message (the
"sentence" features). The linear classifiers here read only the sentence features, and
the per-token pass was half of each featurizer's time per message (`make profile`).
Vocabulary, training and the sentence features are Rasa's, unchanged; other attributes
(intents, action names) are featurized as Rasa does.
"""
from __future__ import annotations

from typing import List, Optional, Text, Tuple

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.nlu.constants import TEXT

Matrices = List[Optional[scipy.sparse.spmatrix]]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountsFeaturizer(CountVectorsFeaturizer):
    def _create_features(self, attribute: Text, all_tokens: List[List[Text]]) -> Tuple[Matrices, Matrices]:
        vectorizer = self.vectorizers.get(attribute)
        if attribute != TEXT or not vectorizer:
            return super()._create_features(attribute, all_tokens)
        sentences: Matrices = []
        for tokens in all_tokens:
            if not tokens:
                sentences.append(None)
                continue
            counts = vectorizer.transform([" ".join(tokens)])  # as Rasa builds its sentence row
            counts.sort_indices()
            sentences.append(counts.tocoo())
        return [None] * len(all_tokens), sentences
