"""The dense sentence features (bot/nlu/word_embeddings.py): WordLlama's vectors, read from
its wheel without network or its own loader, put related words near each other."""
from __future__ import annotations

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix

from bot.nlu.word_embeddings import WordEmbeddingFeaturizer, load, sentence_vector


def vector(text: str) -> np.ndarray:
    return sentence_vector(text, *load())


def test_related_words_are_closer_than_unrelated_ones():
    assert float(vector("nurofen") @ vector("ibuprofen")) > float(vector("parking") @ vector("ibuprofen"))
    assert float(vector("i feel woozy") @ vector("i feel dizzy")) > float(vector("i feel woozy") @ vector("what do you charge"))


def test_vectors_are_unit_length_and_empty_text_is_zero():
    assert abs(np.linalg.norm(vector("where do i park")) - 1) < 1e-5
    assert not vector("").any()


def test_the_featurizer_adds_one_sentence_feature_weighted_against_the_counts():
    featurizer = WordEmbeddingFeaturizer.create(
        {**WordEmbeddingFeaturizer.get_default_config(), "weight": 0.5}, None, None,
        ExecutionContext(GraphSchema({}), node_name="embeddings"))
    counts = Features(csr_matrix(np.array([[4.0, 0.0, 5.0]])), "sentence", "text", "counts")
    message = Message(data={"text": "Can I take Ibuprofen after?"}, features=[counts])
    featurizer.process([message])
    (feature,) = [f for f in message.features if f.origin == "embeddings"]
    assert feature.type == "sentence" and feature.attribute == "text" and feature.features.shape == (1, 256)
    assert abs(np.linalg.norm(feature.features) - 0.5 * 3.0) < 1e-4  # sqrt(4 + 5) = 3
    assert np.allclose(feature.features[0], 1.5 * vector("can i take ibuprofen after?"))
    unknown = Message(data={"text": "x"}, features=[Features(csr_matrix((1, 3)), "sentence", "text", "counts")])
    featurizer.process([unknown])
    assert not unknown.features[-1].features.any()  # no known n-gram: zeros, the same width
    no_tokens = Message(data={"text": "   "})
    featurizer.process([no_tokens])
    assert no_tokens.features == []  # nothing to weigh against: no features, as without it
