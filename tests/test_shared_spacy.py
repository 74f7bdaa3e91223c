"""bot/nlu/shared_spacy.py: loading the model and the red-flag detector reads the spaCy
pipeline from disk once, and the shared pipeline gives Rasa's SpacyNLP's tokens."""
from __future__ import annotations

import pytest
import spacy
from rasa.engine import loader
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.nlu.utils.spacy_utils import SpacyNLP

from bot import spacy_pipeline
from bot.tools.bench_load import heldout_questions
from bot.nlu.shared_spacy import SharedSpacyNLP
from bot.safety.detector import RedFlagDetector
from tests.servers import ROOT

MODEL = ROOT / "models" / "dry-needling.tar.gz"
PIPELINE = "var/spacy/en_dry_needling"  # as config.yml names it


@pytest.fixture
def counted_loads(monkeypatch):
    loads = []
    original = spacy.load

    def counting(*args, **kwargs):
        loads.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(spacy, "load", counting)
    monkeypatch.setattr(spacy_pipeline, "_loaded", {})
    return loads


def test_model_and_detector_load_the_pipeline_once(counted_loads, tmp_path):
    runner, _ = loader.load_predict_graph_runner(tmp_path, MODEL, LocalModelStorage, DaskGraphRunner)
    detector = RedFlagDetector.from_path(ROOT / PIPELINE)
    assert len(counted_loads) == 1
    assert SharedSpacyNLP.load_model(PIPELINE).model is detector.nlp


def test_a_rebuilt_pipeline_is_loaded_again(counted_loads, tmp_path):
    directory = spacy_pipeline.ensure(tmp_path / "pipeline")
    first = spacy_pipeline.load(directory)
    assert spacy_pipeline.load(directory) is first
    spacy_pipeline.build().to_disk(directory)
    assert spacy_pipeline.load(directory) is not first and len(counted_loads) == 2


def test_same_tokens_and_lemmas_as_rasas_spacy_nlp_while_the_detector_shares_the_pipeline():
    shared = SharedSpacyNLP.load_model(PIPELINE).model
    rasas = SpacyNLP.load_model(PIPELINE).model
    assert shared is not rasas and shared.pipe_names == rasas.pipe_names
    detector = RedFlagDetector(shared)  # sets its own canonical forms on the docs it reads
    texts = heldout_questions(ROOT / "tests" / "data" / "heldout_nlu.yml") + ["I FAINTED after needling!!", "cant breathe"]
    for text in texts:
        detector.assess(text)
        assert [(t.text, t.lemma_, t.norm_, t.idx) for t in shared(text)] == \
               [(t.text, t.lemma_, t.norm_, t.idx) for t in rasas(text)]


def test_the_detector_reads_rasas_doc_when_it_is_of_the_text_it_would_parse():
    shared = SharedSpacyNLP.load_model(PIPELINE).model
    detector, separate = RedFlagDetector(shared), RedFlagDetector(spacy_pipeline.build())
    texts = ["no chest pain, just sore", "I CAN'T BREATHE since my session", "fainted twice today",
             "is bleeding normal after dry needling?", "İ feel dizzy and my chest hurts"]
    for text in texts:
        rasas_doc = shared(text.lower())  # as SpacyNLP parses it (case_sensitive: false)
        expected = separate.assess(text)
        assert detector.assess(text, rasas_doc) == expected
        assert detector.assess(text, separate.nlp(text.lower())) == expected  # another pipeline's doc: parsed again
    reused = []
    original = detector.assess_doc
    detector.assess_doc = lambda doc: reused.append(doc) or original(doc)
    doc = shared("chest pain")
    detector.assess("Chest pain", doc)
    detector.assess("İ", shared("İ".lower()))  # lower-casing changes its length: parsed as typed
    assert reused[0] is doc and reused[1] is not None and reused[1].text == "İ"
