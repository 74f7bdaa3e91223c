"""Precise answers, "not covered" answers and the clinic's facts (issue 13): well-formed
and sourced, readable, short enough for SMS, honest where the seeds are silent, filled from
the clinic's profile at send time, with "Tell me more" behind each precise answer."""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Optional

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import answers
from bot.channels.twilio_sms import sms_texts
from bot.clinic_profile import PLACEHOLDERS as PROFILE_PLACEHOLDERS
from bot.nlg import ClinicResponseGenerator
from bot.topics import TOPICS, detail_of, is_clinic_fact, is_not_covered, topic_of

ROOT = Path(__file__).resolve().parent.parent
# Precise answers live in precise.yml (seed facts, clinic facts, the first "not covered"
# answers) and not_covered.yml; their English examples in any data/nlu/faq_*.yml.
PRECISE_FILES = [ROOT / "data" / "responses" / name for name in ("precise.yml", "not_covered.yml")]
PRECISE_NLU = sorted((ROOT / "data" / "nlu").glob("faq_*.yml"))
PLACEHOLDERS = {"clinic_name", "clinic_phone", "clinic_url", "emergency_number"} | PROFILE_PLACEHOLDERS

PRECISE = {name: variants for name, variants in answers.faq_responses().items() if detail_of(name)}
NOT_COVERED = sorted(n for n in PRECISE if is_not_covered(n))
SEED_ANSWERS = sorted(n for n in PRECISE if not is_not_covered(n) and not is_clinic_fact(n))


def test_there_are_precise_not_covered_and_clinic_answers():
    assert len(SEED_ANSWERS) >= 40 and len(NOT_COVERED) >= 15
    assert sum(is_clinic_fact(n) for n in PRECISE) == 9


@pytest.mark.parametrize("name", sorted(PRECISE))
def test_a_precise_answer_sits_under_a_contract_topic_and_uses_known_placeholders(name):
    assert re.fullmatch(r"utter_faq/[a-z_]+__[a-z_]+", name)
    assert topic_of(name) in TOPICS
    for variant in PRECISE[name]:
        assert set(re.findall(r"{(\w+)}", variant["text"])) <= PLACEHOLDERS


def test_every_precise_answer_sits_in_a_file_whose_answers_name_their_source():
    in_files = {name for path in PRECISE_FILES for name in yaml.safe_load(path.read_text())["responses"]}
    assert set(PRECISE) <= in_files


@pytest.mark.parametrize("path", PRECISE_FILES, ids=lambda p: p.name)
def test_every_precise_answer_names_its_source(path):
    lines = path.read_text().splitlines()
    for index, line in enumerate(lines):
        if line.strip().startswith("utter_faq/"):
            comment = lines[index - 1].strip()
            assert comment.startswith("# Source:") or comment.startswith("# Not in either seed"), line
            if "__not_covered_" in line:
                assert comment.startswith("# Not in either seed"), line
            elif "__clinic_" in line:
                assert "profile" in comment, line
            else:
                assert "seed 000" in comment or "seed 004" in comment, line


def test_every_precise_answer_is_trained_and_every_trained_answer_exists():
    examples = Counter()
    for path in PRECISE_NLU:
        for block in yaml.safe_load(path.read_text())["nlu"]:
            if detail_of(block["intent"]):
                examples[block["intent"]] += len(block["examples"].strip().splitlines())
    assert set(examples) == {name[len("utter_"):] for name in PRECISE}
    assert not [intent for intent, n in examples.items() if n < 5]


def test_lead_sentences_read_at_grade_8_on_average_and_every_sms_fits():
    measured = answers.measure()
    assert measured["answers"] == len(answers.faq_responses())
    assert measured["lead_grade_mean"] <= answers.LEAD_GRADE_TARGET
    assert not measured["sms_too_long"], measured["sms_too_long"]


def test_the_measures_can_fail():
    long_lead = "Notwithstanding considerable methodological heterogeneity, investigators characterised physiological mechanisms comprehensively."
    assert answers.reading_grade(answers.lead_sentence(long_lead + " Short one.")) > 8
    assert answers.sms_length("utter_faq/x__y", [{"text": "x" * 300}], {}) > answers.SMS_LIMIT
    assert answers.lead_sentence("Dr. Baldry developed it. Later more.") == "Dr. Baldry developed it."


@pytest.mark.parametrize("name", NOT_COVERED)
def test_a_not_covered_answer_says_so_and_names_who_to_ask(name):
    text = answers.web_text(PRECISE[name])
    lead = answers.lead_sentence(text)
    assert re.search(r"don't (cover|say)", lead), lead
    assert re.search(r"{clinic_name}|doctor|pharmacist|practitioner", text), text


@pytest.mark.parametrize("name", sorted(PRECISE))
def test_no_answer_gives_a_dose_or_says_to_stop_a_medicine(name):
    text = answers.web_text(PRECISE[name]).lower()
    assert not re.search(r"\d+\s*(mg|milligram|tablets?|pills?)\b", text)
    assert not re.search(r"(?<!don't )(?<!never )\bstop (taking )?(your|the) (blood thinner|medicine|medication)", text)


def test_painkillers_answer_quotes_the_seed_and_sends_doses_to_a_pharmacist():
    text = answers.web_text(PRECISE["utter_faq/aftercare__painkillers"])
    assert "acetaminophen" in text and "pharmacist" in text and "how much" in text


@pytest.mark.parametrize("name", ["utter_faq/contraindications", "utter_faq/contraindications__bleeding_disorder"])
def test_bleeding_disorder_answers_state_both_seeds(name):
    # the English texts; the Spanish ones are checked in tests/test_answers_spanish_*.py
    for variant in (v for v in answers.faq_responses()[name] if not v.get("condition")):
        text = " ".join(variant["text"].split())
        assert "avoid" in text and "doctor" in text, text
        assert re.search(r"sources differ|the other says|the other", text.lower()), text


@pytest.mark.parametrize("name, words", [
    ("utter_faq/benefits", ["more quality studies"]),
    ("utter_faq/evidence", ["one calls", "evidence-based", "definitively"]),
    ("utter_faq/how_it_works", ["sources differ", "unclear"]),
    ("utter_faq/time_to_relief", ["sources differ"]),
])
def test_disagreements_between_the_seeds_are_stated(name, words):
    text = " ".join(answers.web_text(answers.faq_responses()[name]).split()).lower()
    assert all(w in text for w in words), text


def test_sms_variants_keep_their_cautions():
    sms = {n: " ".join(answers.sms_text(v).split()) for n, v in answers.faq_responses().items()}
    assert "bleeding disorder" in sms["utter_faq/before_appointment"]
    assert "not for everyone" in sms["utter_faq/safety"]
    assert "avoid" in sms["utter_faq/contraindications"] and "doctor" in sms["utter_faq/contraindications"]


# --- sent through the response generator ---------------------------------------------

@pytest.fixture(scope="module")
def generator() -> ClinicResponseGenerator:
    responses = {}
    for path in (ROOT / "data" / "responses").glob("*.yml"):
        responses.update(yaml.safe_load(path.read_text())["responses"])
    domain = Domain.load(str(ROOT / "domain.yml")).merge(Domain.from_dict({"responses": responses}))
    return ClinicResponseGenerator(domain=domain)


def tracker_on(channel: str, language: Optional[str] = None) -> DialogueStateTracker:
    slots = Domain.load(str(ROOT / "domain.yml")).slots
    events = [UserUttered("hello", input_channel=channel)] + ([SlotSet("language", language)] if language else [])
    return DialogueStateTracker.from_events("patient", events, slots=slots)


@pytest.fixture
def clinic(monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    monkeypatch.setenv("CLINIC_PHONE", "(555) 010-0100")
    monkeypatch.setenv("CLINIC_URL", "https://harbourphysio.example")


async def test_clinic_facts_come_from_the_profile_at_send_time(generator, clinic, monkeypatch, tmp_path):
    profile = tmp_path / "clinic.yml"
    profile.write_text("hours: Mon-Fri 8am-6pm\n")
    monkeypatch.setenv("CLINIC_PROFILE", str(profile))
    text = (await generator.generate("utter_faq/find_practitioner__clinic_hours", tracker_on("rest"), "collector"))["text"]
    assert text == "Opening hours at Harbour Physio: Mon-Fri 8am-6pm."
    # an unset fact: the clinic's contact, never a guess
    text = (await generator.generate("utter_faq/cost__clinic_prices", tracker_on("rest"), "collector"))["text"]
    assert "(555) 010-0100" in text and "https://harbourphysio.example" in text and "$" not in text
    # the clinic edits its file: the next reply has it, no retrain or restart
    time.sleep(0.01)
    profile.write_text("hours: Mon-Sat 7am-8pm\nprices: $80 a session\n")
    text = (await generator.generate("utter_faq/find_practitioner__clinic_hours", tracker_on("rest"), "collector"))["text"]
    assert "Mon-Sat 7am-8pm" in text
    text = (await generator.generate("utter_faq/cost__clinic_prices", tracker_on("rest"), "collector"))["text"]
    assert "$80 a session" in text


@pytest.mark.parametrize("content", [None, "hours: [unclosed\n", "just a string\n"])
async def test_a_missing_or_broken_profile_gives_the_clinics_contact(generator, clinic, monkeypatch, tmp_path, content):
    profile = tmp_path / "clinic.yml"
    if content is not None:
        profile.write_text(content)
    monkeypatch.setenv("CLINIC_PROFILE", str(profile))
    text = (await generator.generate("utter_faq/find_practitioner__clinic_hours", tracker_on("rest"), "collector"))["text"]
    assert "(555) 010-0100" in text and "{" not in text


async def test_every_answer_renders_with_the_example_profile_and_without_one(generator, clinic, monkeypatch):
    for profile in (str(answers.EXAMPLE_PROFILE), None):
        if profile:
            monkeypatch.setenv("CLINIC_PROFILE", profile)
        else:
            monkeypatch.delenv("CLINIC_PROFILE", raising=False)
        for name in answers.faq_responses():
            for channel in ("rest", "twilio"):
                text = (await generator.generate(name, tracker_on(channel), "collector"))["text"]
                assert "{" not in text and "  " not in text, (name, text)


@pytest.mark.parametrize("language, more, option", [
    (None, "Tell me more", "Reply 1 for Tell me more."),
    ("en", "Tell me more", "Reply 1 for Tell me more."),
    # in Spanish the option is Spanish, and so is its payload (the patient's next message)
    ("es", "Cuénteme más", "Responda 1 para Cuénteme más."),
])
async def test_a_precise_answer_offers_more_and_sms_numbers_it(generator, clinic, language, more, option):
    message = await generator.generate("utter_faq/aftercare__painkillers", tracker_on("twilio", language), "collector")
    assert message["buttons"] == [{"title": more, "payload": more}]
    assert message["language"] == (language or "en")
    texts = sms_texts([message])
    assert len(texts) == 1 and texts[0].endswith(option) and len(texts[0]) <= 320
    for name in ("utter_faq/aftercare", "utter_faq/find_practitioner__clinic_hours"):
        assert not (await generator.generate(name, tracker_on("rest"), "collector")).get("buttons")
