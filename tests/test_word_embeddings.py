"""The dense sentence features (bot/nlu/word_embeddings.py): WordLlama's vectors, read from
its wheel without network or its own loader, put related words near each other."""
from __future__ import annotations

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.word_embeddings import WordEmbeddingFeaturizer, load, sentence_vector


def vector(text: str) -> np.ndarray:
    return sentence_vector(text, *load())


def test_related_words_are_closer_than_unrelated_ones():
    assert float(vector("nurofen") @ vector("ibuprofen")) > float(vector("parking") @ vector("ibuprofen"))
    assert float(vector("i feel woozy") @ vector("i feel dizzy")) > float(vector("i feel woozy") @ vector("what do you charge"))


def test_vectors_are_unit_length_and_empty_text_is_zero():
    assert abs(np.linalg.norm(vector("where do i park")) - 1) < 1e-5
    assert not vector("").any()


def test_the_featurizer_adds_one_weighted_sentence_feature():
    featurizer = WordEmbeddingFeaturizer.create(
        {**WordEmbeddingFeaturizer.get_default_config(), "weight": 5.0}, None, None,
        ExecutionContext(GraphSchema({}), node_name="embeddings"))
    message = Message(data={"text": "Can I take Ibuprofen after?"})
    featurizer.process([message])
    (feature,) = message.features
    assert feature.type == "sentence" and feature.attribute == "text" and feature.features.shape == (1, 256)
    assert abs(np.linalg.norm(feature.features) - 5.0) < 1e-4
    assert np.allclose(feature.features[0], 5.0 * vector("can i take ibuprofen after?"))
