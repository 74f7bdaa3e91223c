"""The "not covered" answers of data/responses/not_covered.yml: every one in English and
Spanish, each saying in its first sentence that our information doesn't cover the thing
asked, naming who to ask, never giving a dose, and fitting one SMS in either language.
tests/test_answers.py checks the English texts with every other precise answer."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import answers
from bot.channels.twilio_sms import button_options, plain_text
from bot.nlg import TELL_ME_MORE, ClinicResponseGenerator, tell_me_more
from bot.topics import TOPICS, is_not_covered, topic_of

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "data" / "responses" / "not_covered.yml"
RESPONSES = yaml.safe_load(FILE.read_text())["responses"]
SPANISH = [{"type": "slot", "name": "language", "value": "es"}]


def english(variants):
    return [v for v in variants if not v.get("condition")]


def spanish(variants):
    return [v for v in variants if v.get("condition") == SPANISH]


def test_the_file_holds_only_not_covered_answers_under_contract_topics():
    assert len(RESPONSES) >= 25
    for name in RESPONSES:
        assert is_not_covered(name) and topic_of(name) in TOPICS, name


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_one_english_text_first_then_one_spanish_text_with_the_same_placeholders(name):
    variants = RESPONSES[name]
    assert len(english(variants)) == 1 and len(spanish(variants)) == 1 and len(variants) == 2
    assert variants[0] is english(variants)[0]  # web_text() and sms_text() read the first default
    placeholders = [set(re.findall(r"{(\w+)}", v["text"])) for v in variants]
    assert placeholders[0] == placeholders[1]


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_the_spanish_text_says_so_first_and_names_who_to_ask(name):
    text = " ".join(spanish(RESPONSES[name])[0]["text"].split())
    lead = answers.lead_sentence(text)
    assert re.match(r"Mi información no (cubre|dice)\b", lead), lead
    assert re.search(r"{clinic_name}|médico|farmacéutico|profesional|veterinario", text), text
    assert not re.search(r"\d+\s*(mg|miligramos?|pastillas?|comprimidos?|tabletas?)\b", text.lower())
    assert not re.search(r"\b(deje|suspenda) (de tomar )?(su|el|la) (medicamento|medicina|anticoagulante)", text.lower())


@pytest.mark.parametrize("name", sorted(RESPONSES))
@pytest.mark.parametrize("language", ["en", "es"])
def test_each_text_fits_one_sms_with_sample_clinic_values_and_the_option(name, language):
    variant = (english if language == "en" else spanish)(RESPONSES[name])[0]
    body = plain_text(answers.render(variant["text"], answers.sample_values()))
    option = button_options([tell_me_more(language)], language=language)  # "Responda 1 para Cuénteme más."
    assert len(body + "\n" + option) <= answers.SMS_LIMIT, body


def test_the_measure_can_fail():
    too_long = "Mi información no cubre eso. " + "x" * 300
    assert len(plain_text(too_long) + "\n" + button_options([TELL_ME_MORE])) > answers.SMS_LIMIT
    assert not re.match(r"Mi información no (cubre|dice)\b", "La punción seca es segura.")


async def test_a_spanish_conversation_gets_the_spanish_text(monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    domain = Domain.load(str(ROOT / "domain.yml")).merge(Domain.from_dict({"responses": RESPONSES}))
    generator = ClinicResponseGenerator(domain=domain)
    name = "utter_faq/aftercare__not_covered_flying"
    for language, start in (("es", "Mi información no cubre volar"), ("en", "My sources don't cover flying")):
        tracker = DialogueStateTracker.from_events(
            "patient", [UserUttered("hola", input_channel="twilio"), SlotSet("language", language)]
        )
        message = await generator.generate(name, tracker, "twilio")
        assert message["text"].startswith(start), message["text"]
        assert message["buttons"] == [tell_me_more(language)]
