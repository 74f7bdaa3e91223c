"""The linear NLU components (bot/nlu/linear.py, bot/nlu/answer_selector.py) on small
hand-made feature vectors: what they learn, what they write, and that a saved model loads."""
from __future__ import annotations

from typing import List, Optional

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix, csr_matrix

from bot.nlu.answer_selector import AnswerSelector
from bot.nlu.linear import LinearIntentClassifier

# Three "vocabulary" columns; each topic lights up its own.
TOPICS = {"faq/cost": 0, "faq/insurance": 1, "faq/what_is": 2}


def message(counts: List[float], intent: Optional[str] = None, key: Optional[str] = None) -> Message:
    data = {"text": f"message {counts}"}
    if intent:
        data["intent"] = intent
    if key:
        data["intent_response_key"] = key
    features = Features(csr_matrix(np.array([counts], dtype=float)), "sentence", "text", "CountVectorsFeaturizer")
    return Message(data=data, features=[features])


def training_data() -> TrainingData:
    examples = []
    for key, column in TOPICS.items():
        for strength in (1, 2, 3, 5):
            counts = [0.0, 0.0, 0.0, 1.0]
            counts[column] = strength
            examples.append(message(counts, "faq", key))
    examples += [message([0, 0, 0, s], "greet") for s in (1, 2, 4)]
    responses = {f"utter_{key}": [{"text": f"answer for {key}"}] for key in TOPICS}
    return TrainingData(training_examples=examples, responses=responses)


def component(cls, tmp_path, config=None):
    storage = LocalModelStorage(tmp_path)
    resource = Resource(cls.__name__)
    context = ExecutionContext(GraphSchema({}), node_name=cls.__name__)
    return cls.create({**cls.get_default_config(), **(config or {})}, storage, resource, context), storage, resource, context


def test_features_are_square_rooted_and_unit_length(tmp_path):
    classifier, *_ = component(LinearIntentClassifier, tmp_path)
    features = classifier._create_X([message([4.0, 0.0, 9.0, 0.0])]).toarray()[0]
    assert features == pytest.approx([2 / np.sqrt(13), 0.0, 3 / np.sqrt(13), 0.0])
    assert classifier.clf.C == 30.0


def rasas_combination(message: Message) -> np.ndarray:
    """The vector as first built: Rasa's own combination of the features, then scaled."""
    sparse, dense = message.get_sparse_features("text")[1], message.get_dense_features("text")[1]
    parts = []
    if sparse is not None:
        parts.append(np.sqrt(sparse.features.toarray()))
    if dense is not None:
        parts.append(np.asarray(dense.features))
    row = np.hstack(parts)[0]
    return row / np.linalg.norm(row)


def test_the_hand_built_vector_is_rasas_combination_of_the_features(tmp_path):
    classifier, *_ = component(LinearIntentClassifier, tmp_path)
    rng = np.random.default_rng(7)
    for _ in range(20):
        counts = [coo_matrix(rng.integers(0, 3, size=(1, width)) * (rng.random((1, width)) < 0.3)) for width in (9, 5)]
        # a count stored as two entries (not canonical): summed before the square root
        counts.append(coo_matrix(([1.0, 2.0], ([0, 0], [1, 1])), shape=(1, 3)))
        features = [Features(c, "sentence", "text", f"CountVectorsFeaturizer{i}") for i, c in enumerate(counts)]
        features.insert(1, Features(rng.normal(size=(1, 4)), "sentence", "text", "DenseFeaturizer"))
        features.append(Features(coo_matrix(np.ones((3, 9))), "sequence", "text", "CountVectorsFeaturizer0"))
        built = classifier._vector(Message(data={"text": "x"}, features=features)).toarray()[0]
        assert built == pytest.approx(rasas_combination(Message(data={"text": "x"}, features=features)))


def test_a_message_of_unknown_words_gets_no_reading(tmp_path):
    """"😭😭": tokens, but none in the vocabulary: the priors alone must not pick an intent."""
    classifier, *_ = component(LinearIntentClassifier, tmp_path)
    classifier.train(training_data())
    parsed = classifier.process([message([0.0, 0.0, 0.0, 0.0])])[0]
    assert parsed.get("intent") == {"name": None, "confidence": 0.0}
    assert parsed.get("intent_ranking") == []
    (tmp_path / "selector").mkdir()
    selector, *_ = component(AnswerSelector, tmp_path / "selector")
    selector.train(training_data())
    unknown, known = selector.process([message([0.0, 0.0, 0.0, 0.0]), message([0, 4, 0, 1])])
    assert unknown.get("response_selector") is None
    assert known.get("response_selector")["faq"]["response"]["intent_response_key"] == "faq/insurance"


def test_intent_classifier_learns_intents(tmp_path):
    classifier, *_ = component(LinearIntentClassifier, tmp_path)
    classifier.train(training_data())
    parsed = classifier.process([message([0, 3, 0, 1]), message([0, 0, 0, 3])])
    assert [m.get("intent")["name"] for m in parsed] == ["faq", "greet"]


def test_answer_selector_writes_what_response_selector_writes(tmp_path):
    selector, *_ = component(AnswerSelector, tmp_path)
    selector.train(training_data())
    parsed = selector.process([message([0, 4, 0, 1])])[0]
    assert "intent" not in parsed.as_dict()  # it chooses the answer, not the intent
    output = parsed.get("response_selector")
    assert output["all_retrieval_intents"] == ["faq"]
    response = output["faq"]["response"]
    assert response["intent_response_key"] == "faq/insurance"
    assert response["utter_action"] == "utter_faq/insurance"
    assert response["responses"] == [{"text": "answer for faq/insurance"}]
    ranking = output["faq"]["ranking"]
    assert [r["intent_response_key"] for r in ranking][0] == "faq/insurance"
    assert sorted(TOPICS) == sorted(r["intent_response_key"] for r in ranking)  # greet is not an answer
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True) and response["confidence"] == confidences[0]


def test_answer_selector_loads_what_it_saved(tmp_path):
    selector, storage, resource, context = component(AnswerSelector, tmp_path)
    selector.train(training_data())
    loaded = AnswerSelector.load(AnswerSelector.get_default_config(), storage, resource, context)
    for counts in ([3, 0, 0, 1], [0, 0, 2, 1]):
        before = selector.process([message(counts)])[0].get("response_selector")
        after = loaded.process([message(counts)])[0].get("response_selector")
        assert after == before


def test_loaded_weights_are_laid_out_for_one_message_products(tmp_path):
    classifier, storage, resource, context = component(LinearIntentClassifier, tmp_path)
    classifier.train(training_data())
    loaded = LinearIntentClassifier.load(LinearIntentClassifier.get_default_config(), storage, resource, context)
    # coef_.T row-major: scipy multiplies a sparse row by it without copying the weights
    assert loaded.clf.coef_.T.flags.c_contiguous
    assert np.array_equal(loaded.clf.coef_, classifier.clf.coef_)
    for counts in ([0, 3, 0, 1], [0, 0, 0, 3]):
        before = classifier.process([message(counts)])[0].get("intent_ranking")
        assert loaded.process([message(counts)])[0].get("intent_ranking") == before


def test_a_model_stored_the_old_way_still_loads(tmp_path):
    """Models trained before the weights were stored as arrays hold Rasa's skops file."""
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

    classifier, storage, resource, context = component(LinearIntentClassifier, tmp_path)
    classifier.train(training_data())
    with storage.write_to(resource) as model_dir:
        (model_dir / "linear_model.npz").unlink()
    LogisticRegressionClassifier.persist(classifier)  # Rasa's way: skops
    loaded = LinearIntentClassifier.load(LinearIntentClassifier.get_default_config(), storage, resource, context)
    assert loaded.clf.coef_.T.flags.c_contiguous
    for counts in ([0, 3, 0, 1], [0, 0, 0, 3]):
        assert loaded.process([message(counts)])[0].get("intent_ranking") == \
            classifier.process([message(counts)])[0].get("intent_ranking")


def test_untrained_answer_selector_leaves_messages_alone(tmp_path):
    selector, *_ = component(AnswerSelector, tmp_path)
    assert selector.process([message([1, 0, 0, 0])])[0].get("response_selector") is None


def test_dense_features_may_be_negative(tmp_path):
    classifier, *_ = component(LinearIntentClassifier, tmp_path)
    with_vectors = message([4.0, 0.0, 0.0, 0.0])
    with_vectors.features.append(Features(np.array([[-0.5, 0.25]]), "sentence", "text", "SpacyFeaturizer"))
    features = classifier._create_X([with_vectors]).toarray()[0]
    assert np.isfinite(features).all()
    assert features == pytest.approx(np.array([2.0, 0, 0, 0, -0.5, 0.25]) / np.linalg.norm([2.0, 0.5, 0.25]))


def test_a_message_without_features_gets_no_reading(tmp_path):
    classifier, *_ = component(LinearIntentClassifier, tmp_path)
    classifier.train(training_data())
    empty, asked = classifier.process([Message(data={"text": ""}), message([0, 3, 0, 1])])
    assert empty.get("intent") == {"name": None, "confidence": 0.0} and empty.get("intent_ranking") == []
    assert asked.get("intent")["name"] == "faq"


def test_answer_selector_picks_the_topic_first_then_a_precise_answer_that_stands_out(tmp_path):
    """Columns: 0 cost words, 1 insurance words, 2 'price list' words (a precise cost
    answer), 3 shared. The topic decision sums nothing: its own model sees topics only."""
    examples = []
    for strength in (1, 2, 3, 5):
        examples += [message([strength, 0, 0, 1], "faq", "faq/cost"),
                     message([0, strength, 0, 1], "faq", "faq/insurance"),
                     message([1, 0, strength, 1], "faq", "faq/cost__clinic_prices")]
    responses = {f"utter_{k}": [{"text": k}] for k in ("faq/cost", "faq/insurance", "faq/cost__clinic_prices")}
    selector, storage, resource, context = component(AnswerSelector, tmp_path)
    selector.train(TrainingData(training_examples=examples, responses=responses))
    precise, general, other = selector.process([message([1, 0, 6, 1]), message([6, 0, 0, 1]), message([0, 6, 0, 1])])
    assert precise.get("response_selector")["faq"]["response"]["intent_response_key"] == "faq/cost__clinic_prices"
    assert general.get("response_selector")["faq"]["response"]["intent_response_key"] == "faq/cost"
    assert other.get("response_selector")["faq"]["response"]["intent_response_key"] == "faq/insurance"
    ranking = precise.get("response_selector")["faq"]["ranking"]
    assert [r["intent_response_key"] for r in ranking] == ["faq/cost__clinic_prices", "faq/insurance"]  # one per topic
    # a precise answer that does not stand out within its topic gives the topic's full answer
    loaded = AnswerSelector.load({**AnswerSelector.get_default_config(), "detail_share": 0.99}, storage, resource, context)
    (unsure,) = loaded.process([message([2, 0, 2, 1])])
    assert unsure.get("response_selector")["faq"]["response"]["intent_response_key"] == "faq/cost"


def test_not_covered_answers_of_a_topic_count_together_against_its_full_answer(tmp_path):
    """Two "not covered" answers sharing 0.5 of the topic beat a full answer at 0.3, and the
    likelier one is given; seed answers never pool, and a full answer that outweighs them wins."""
    selector, _, _, _ = component(AnswerSelector, tmp_path)

    class Answers:
        classes_ = np.array(["faq/aftercare", "faq/aftercare__not_covered_flying",
                             "faq/aftercare__not_covered_other_activity", "faq/aftercare__water",
                             "faq/aftercare__exercise", "faq/cost"])

    selector.answer_clf = Answers()
    pick = lambda *row: selector.precise_answer("faq/aftercare", np.array(row))  # noqa: E731
    assert pick(0.30, 0.27, 0.23, 0.10, 0.05, 0.05) == "faq/aftercare__not_covered_flying"
    assert pick(0.50, 0.22, 0.18, 0.05, 0.00, 0.05) == "faq/aftercare"  # the full answer outweighs them
    assert pick(0.30, 0.05, 0.05, 0.27, 0.23, 0.10) == "faq/aftercare"  # seed answers don't pool
    assert pick(0.10, 0.05, 0.05, 0.70, 0.05, 0.05) == "faq/aftercare__water"
