"""The language layer: detection (offline), explicit switches, clinic configuration, and the
reply variants each language gets."""
from __future__ import annotations

import pytest
import yaml
from rasa.shared.core.domain import Domain

from bot import settings
from bot.i18n.language import detect, requested_language
from bot.nlg import ClinicResponseGenerator
from bot.settings import PROJECT_ROOT


@pytest.mark.parametrize("text,language", [
    ("me duele el pecho y no puedo respirar", "es"),
    ("q onda cuanto cuesta el dry needling", "es"),
    ("mi esposo se desmayo", "es"),
    ("gracias", "es"),
    ("hola", "es"),
    ("i cant breathe since the session", "en"),
    ("does it hurt", "en"),
    ("thanks", "en"),
    # Spanglish: English loan words say nothing of the language
    ("el dry needling duele?", "es"),
    ("mi PT dice q necesito DN", "es"),
    ("cuanto es el copay", "es"),
    ("can my PT do dry needling", "en"),
])
def test_detects_the_language(text, language):
    assert detect(text) == language


# Written for this test (not from any set): mostly Spanish with English words mixed in, where
# lingua's whole-message confidence leans English; and short English it must not take for Spanish.
@pytest.mark.parametrize("text,language", [
    ("me mandan el receipt por email?", "es"),
    ("el parking es gratis o se paga?", "es"),
    ("tengo el appointment el friday, puedo llegar tarde?", "es"),
    ("do u do deep tissue dry needling on calves", "en"),
    ("scale 1-10 how bad is DN", "en"),
])
def test_a_mixed_message_goes_by_the_language_most_of_it_is_in(text, language):
    assert detect(text) == language


@pytest.mark.parametrize("text,language", [("hey q tal", "es"), ("eres IA?", "es"), ("chau, buen finde", "es"),
                                           ("mi numero es 555 214 8890", "es"), ("is it", "en"), ("ok gracias", "es"),
                                           ("listo ya me voy, bye", "es"), ("ok perfecto", "es"), ("DN vs acupuntura?", "es"),
                                           # insurers and technique names are said as they are
                                           ("aceptan aetna? o medicare?", "es"), ("que es eso del sparrow pecking?", "es"),
                                           ("do you take blue cross", "en")])
def test_short_messages_go_by_the_function_words_they_use(text, language):
    assert detect(text) == language


@pytest.mark.parametrize("text", ["ok", "2", "no", "si", "", "?!"])
def test_short_or_ambiguous_messages_keep_the_conversation_language(text):
    assert detect(text) is None


@pytest.mark.parametrize("text,language", [("in English please", "en"), ("en español", "es"),
                                           ("can you answer in spanish", "es"), ("habla ingles?", "en")])
def test_explicit_requests_switch(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize("text,language", [("atienden en ingles o frances?", "es"), ("do you have staff who speak spanish or portuguese", "en")])
def test_naming_two_languages_asks_which_are_spoken_and_does_not_switch(text, language):
    assert requested_language(text) is None
    assert detect(text) == language


def test_a_clinic_that_offers_only_english_never_switches(monkeypatch):
    monkeypatch.setenv("LANGUAGES", "en")
    assert settings.languages() == ("en",)
    assert detect("me falta el aire", settings.languages()) == "en"


def test_unknown_languages_in_the_setting_are_ignored(monkeypatch):
    monkeypatch.setenv("LANGUAGES", "fr, es")
    assert settings.languages() == ("es",)


@pytest.fixture(scope="module")
def nlg() -> ClinicResponseGenerator:
    return ClinicResponseGenerator(domain=Domain.load(str(PROJECT_ROOT / "domain.yml")))


@pytest.mark.parametrize("slots,channel,start", [
    ({"language": "en"}, "rest", "Call "),
    ({"language": "es"}, "rest", "Llame al "),
    ({"language": "es"}, "twilio", "Llame al "),
    ({"language": "en", "symptom": "self_harm"}, "rest", "Please call "),
    ({"language": "es", "symptom": "self_harm"}, "twilio", "Por favor, llame al "),
])
def test_the_most_specific_variant_wins(nlg, slots, channel, start):
    response = nlg._random_response_for("utter_emergency", channel, slots)
    assert response["text"].startswith(start)


def test_the_spanish_sms_variant_is_chosen_on_sms(nlg):
    web = nlg._random_response_for("utter_emergency", "rest", {"language": "es"})
    sms = nlg._random_response_for("utter_emergency", "twilio", {"language": "es"})
    assert sms.get("channel") == "twilio" and web.get("channel") is None


def test_every_safety_reply_has_a_spanish_variant_carrying_the_number(nlg):
    for name in ("utter_emergency", "utter_urgent", "utter_symptom_check", "utter_not_sure", "utter_out_of_scope"):
        variants = [v for v in nlg.responses[name] if {"type": "slot", "name": "language", "value": "es"} in (v.get("condition") or [])]
        assert variants and all("{emergency_number}" in v["text"] for v in variants), name


def test_the_safety_net_names_the_crisis_line_in_every_language(nlg):
    # A goodbye note or a plan the classifier cannot place gets the safety net, not the
    # self-harm reply: the net must carry the crisis line too.
    variants = nlg.responses["utter_symptom_check"]
    assert len(variants) >= 2 and all("{crisis_line}" in v["text"] for v in variants)


def test_generic_clinic_wording_follows_the_language(monkeypatch):
    monkeypatch.delenv("CLINIC_NAME", raising=False)
    assert settings.clinic("es").name == "la clínica"
    assert settings.clinic("en").name == "the clinic"


def test_every_response_has_a_spanish_variant():
    """Every reply, core or answer, can be sent in Spanish (issue 14): a new answer written
    only in English fails here."""
    responses = {}
    for path in [PROJECT_ROOT / "domain.yml", *sorted((PROJECT_ROOT / "data" / "responses").glob("*.yml"))]:
        responses.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses", {}))
    spanish = lambda variant: {"type": "slot", "name": "language", "value": "es"} in (variant.get("condition") or [])  # noqa: E731
    assert len(responses) > 100
    assert [name for name, variants in responses.items() if not any(map(spanish, variants))] == []
