"""bot/nlu/sentence_counts.py: Rasa's CountVectorsFeaturizer minus the per-token counts of
the message text; everything else exactly as Rasa's."""
from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.sentence_counts import SentenceCountsFeaturizer

EXAMPLES = [("does dry needling hurt", "faq"), ("how much does a session cost", "faq"),
            ("hello there", "greet"), ("is it the same as acupuncture", "faq")]
CONFIGS = [{"min_ngram": 1, "max_ngram": 2}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}]


def featurizer(cls, config, tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), node_name=cls.__name__)
    return cls.create({**cls.get_default_config(), **config}, storage, Resource(cls.__name__), context)


def tokenized(messages):
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    tokenizer.process(messages)
    return messages


def trained(cls, config, tmp_path):
    component = featurizer(cls, config, tmp_path / cls.__name__)
    data = TrainingData([Message(data={"text": t, "intent": i}) for t, i in EXAMPLES])
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    tokenizer.process_training_data(data)
    component.train(data)
    return component


@pytest.mark.parametrize("config", CONFIGS, ids=["words", "characters"])
def test_sentence_features_are_rasas_and_there_are_no_per_token_ones(config, tmp_path):
    rasas, ours = trained(CountVectorsFeaturizer, config, tmp_path), trained(SentenceCountsFeaturizer, config, tmp_path)
    for text in ("does it hurt after a session", "neeedling costt", "zzz", "hurt hurt hurt?! does does",
                 "Dry-Needling, 🙂 ok", "a", "session session cost"):  # accents: see below
        expected, got = tokenized([Message(data={"text": text})])[0], tokenized([Message(data={"text": text})])[0]
        rasas.process([expected])
        ours.process([got])
        assert np.array_equal(got.get_sparse_features("text")[1].features.toarray(),
                              expected.get_sparse_features("text")[1].features.toarray())
        assert got.get_sparse_features("text")[0] is None  # no per-token features
        assert expected.get_sparse_features("text")[0] is not None


def arrays(matrices):
    return [None if m is None else m.toarray().tolist() for m in matrices]


def test_other_attributes_and_empty_messages_as_rasa(tmp_path):
    rasas, ours = trained(CountVectorsFeaturizer, CONFIGS[0], tmp_path), trained(SentenceCountsFeaturizer, CONFIGS[0], tmp_path)
    intent_rasas, intent_ours = rasas._create_features("intent", [["faq"]]), ours._create_features("intent", [["faq"]])
    assert arrays(intent_ours[0]) == arrays(intent_rasas[0]) and intent_ours[0][0] is not None
    assert arrays(intent_ours[1]) == arrays(intent_rasas[1])
    assert ours._create_features("text", [[]]) == rasas._create_features("text", [[]]) == ([None], [None])


@pytest.mark.parametrize("config", CONFIGS, ids=["words", "characters"])
def test_accents_and_opening_marks_do_not_change_the_features(config, tmp_path):
    """Spanish typed with or without accents ("¿Duele?" / "duele?") reads the same."""
    ours = featurizer(SentenceCountsFeaturizer, config, tmp_path)
    data = TrainingData([Message(data={"text": t, "intent": "faq"}) for t in ("duele la puncion", "cuanto cuesta")])
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process_training_data(data)
    ours.train(data)
    accented, plain = tokenized([Message(data={"text": "¿Duele la punción?"}), Message(data={"text": "duele la puncion?"})])
    ours.process([accented, plain])
    assert np.array_equal(accented.get_sparse_features("text")[1].features.toarray(),
                          plain.get_sparse_features("text")[1].features.toarray())
    assert accented.get_sparse_features("text")[1].features.sum() > 0
