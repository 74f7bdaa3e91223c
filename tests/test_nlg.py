"""Responses: clinic values filled at send time, channel variants chosen by the channel the
user wrote on, and every curated answer well-formed (placeholders, SMS length, source)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.clinic_profile import PLACEHOLDERS as PROFILE_PLACEHOLDERS
from bot.nlg import ClinicResponseGenerator
from bot.topics import TOPICS

ROOT = Path(__file__).resolve().parent.parent
FAQ_FILE = ROOT / "data" / "responses" / "faq.yml"
# the clinic's own facts too: the cost answer gives the clinic's prices
PLACEHOLDERS = {"clinic_name", "clinic_phone", "clinic_url", "emergency_number"} | PROFILE_PLACEHOLDERS


@pytest.fixture(scope="module")
def generator() -> ClinicResponseGenerator:
    domain = Domain.load(str(ROOT / "domain.yml")).merge(Domain.from_dict({"responses": yaml.safe_load(FAQ_FILE.read_text())["responses"]}))
    return ClinicResponseGenerator(domain=domain)


def tracker_on(channel: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("patient", [UserUttered("hello", input_channel=channel)])


async def test_emergency_number_comes_from_the_environment(generator, monkeypatch):
    monkeypatch.setenv("EMERGENCY_NUMBER", "112")
    response = await generator.generate("utter_emergency", tracker_on("rest"), "collector")
    assert response["text"].startswith("Call 112 now")
    monkeypatch.setenv("EMERGENCY_NUMBER", "000")
    response = await generator.generate("utter_emergency", tracker_on("rest"), "collector")
    assert response["text"].startswith("Call 000 now")


async def test_sms_variant_is_chosen_for_twilio_even_though_the_output_channel_is_collector(generator):
    sms = await generator.generate("utter_faq/what_is", tracker_on("twilio"), "collector")
    web = await generator.generate("utter_faq/what_is", tracker_on("rest"), "collector")
    assert len(sms["text"]) <= 320 < len(web["text"]) or sms["text"] != web["text"]


async def test_clinic_values_fill_every_placeholder(generator, monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    monkeypatch.setenv("CLINIC_PHONE", "555-0100")
    response = await generator.generate("utter_handoff", tracker_on("rest"), "collector")
    assert "Harbour Physio" in response["text"] and "555-0100" in response["text"]
    assert "{" not in response["text"]


async def test_the_reply_to_a_booking_request_points_to_the_booking_link(generator, monkeypatch, tmp_path):
    monkeypatch.setenv("CLINIC_URL", "https://clinic.example")
    monkeypatch.delenv("CLINIC_PROFILE", raising=False)
    assert "https://clinic.example" in (await generator.generate("utter_handoff", tracker_on("rest"), "collector"))["text"]
    profile = tmp_path / "profile.yml"
    profile.write_text("booking_url: https://clinic.example/book\n")
    monkeypatch.setenv("CLINIC_PROFILE", str(profile))
    text = (await generator.generate("utter_handoff", tracker_on("rest"), "collector"))["text"]
    assert "https://clinic.example/book" in text and "{" not in text


async def test_unset_clinic_name_reads_well_at_the_start_of_a_sentence(generator, monkeypatch):
    monkeypatch.delenv("CLINIC_NAME", raising=False)
    monkeypatch.setenv("CLINIC_PHONE", "555-0100")
    for topic in ("session_length", "benefits"):
        text = (await generator.generate(f"utter_faq/{topic}", tracker_on("rest"), "collector"))["text"]
        assert "The clinic can" in text and ". the clinic" not in text
    greeting = (await generator.generate("utter_greet", tracker_on("rest"), "collector"))["text"]
    assert "the the" not in greeting.lower() and "assistant of the clinic" in greeting


def faq_responses():
    return yaml.safe_load(FAQ_FILE.read_text())["responses"]


def test_every_topic_has_a_curated_answer_and_an_sms_variant():
    responses = faq_responses()
    assert set(responses) == {f"utter_faq/{t}" for t in TOPICS}
    for name, variants in responses.items():
        assert any("channel" not in v for v in variants), name
        assert any(v.get("channel") == "twilio" for v in variants), name


@pytest.mark.parametrize("name", sorted(f"utter_faq/{t}" for t in TOPICS))
def test_answers_use_only_known_placeholders_and_fit_sms(name, monkeypatch):
    for variant in faq_responses()[name]:
        assert set(re.findall(r"{(\w+)}", variant["text"])) <= PLACEHOLDERS
        if variant.get("channel") == "twilio":
            # placeholders expanded to a typical clinic name/phone still fit one SMS reply
            expanded = re.sub(r"{\w+}", "X" * 18, variant["text"])
            assert len(expanded) <= 320, (name, len(expanded))


def test_every_answer_names_its_source():
    lines = FAQ_FILE.read_text().splitlines()
    for index, line in enumerate(lines):
        if line.strip().startswith("utter_faq/"):
            comments = [l for l in lines[max(0, index - 4):index] if l.strip().startswith("#")]
            assert any("seed" in c.lower() for c in comments), line


@pytest.mark.parametrize("topic", ["side_effects", "soreness_after", "aftercare", "serious_risks", "safety"])
def test_risk_answers_say_when_to_call(topic):
    for variant in faq_responses()[f"utter_faq/{topic}"]:
        assert "{emergency_number}" in variant["text"]


def tracker_after(text: str, parse: dict, bot_said: tuple = ()) -> DialogueStateTracker:
    from rasa.shared.core.events import BotUttered, SlotSet

    events = [UserUttered(text, parse_data={"text": text, **parse}, input_channel="rest")]
    language = [e["value"] for e in parse.get("entities", []) if e["entity"] == "language"]
    events += [SlotSet("language", language[-1])] if language else []
    events += [BotUttered(said) for said in bot_said]
    return DialogueStateTracker.from_events("patient", events)


EN = {"entities": [{"entity": "language", "value": "en"}]}
ES = {"entities": [{"entity": "language", "value": "es"}]}


@pytest.mark.parametrize("action", ["utter_emergency", "utter_urgent", "utter_symptom_check"])
async def test_a_safety_reply_to_a_mixed_message_comes_in_both_languages(generator, action, monkeypatch):
    monkeypatch.setenv("EMERGENCY_NUMBER", "911")
    monkeypatch.setenv("LANGUAGES", "en,es")
    mixed = tracker_after("my husband is having a seizure ahorita, se le van los ojos para atras", EN)
    text = (await generator.generate(action, mixed, "collector"))["text"]
    english, spanish = text.split("\n\n")
    assert "911" in english and "911" in spanish
    assert "llame" in spanish.lower() or "comuníquese" in spanish.lower()
    plain = tracker_after("my husband is having a seizure and his eyes are rolling back", EN)
    assert "\n\n" not in (await generator.generate(action, plain, "collector"))["text"]


async def test_a_mixed_message_gets_one_language_when_the_clinic_offers_one(generator, monkeypatch):
    monkeypatch.setenv("LANGUAGES", "en")
    mixed = tracker_after("my husband is having a seizure ahorita, se le van los ojos para atras", EN)
    assert "\n\n" not in (await generator.generate("utter_emergency", mixed, "collector"))["text"]


async def test_a_reply_to_a_message_marked_caution_ends_with_the_emergency_line(generator, monkeypatch):
    monkeypatch.setenv("EMERGENCY_NUMBER", "911")
    caution = {"red_flag": {"caution": True}}
    text = (await generator.generate("utter_faq/what_to_wear", tracker_after("is that normal", {**EN, **caution}), "collector"))["text"]
    assert text.endswith("call 911 now, or contact the clinic today.") or "call 911 now" in text.split(". ")[-1]
    spanish = (await generator.generate("utter_faq/what_to_wear", tracker_after("es normal eso", {**ES, **caution}), "collector"))["text"]
    assert "llame al 911 ahora" in spanish.split(". ")[-1]
    calm = (await generator.generate("utter_faq/what_to_wear", tracker_after("is that normal", EN), "collector"))["text"]
    assert "right now, call 911" not in calm


async def test_the_emergency_line_is_said_once_a_turn(generator, monkeypatch):
    monkeypatch.setenv("EMERGENCY_NUMBER", "911")
    said = tracker_after("hmm", {**EN, "red_flag": {"caution": True}}, bot_said=("If this is an emergency, call 911 now.",))
    text = (await generator.generate("utter_faq/what_to_wear", said, "collector"))["text"]
    assert "911" not in text
