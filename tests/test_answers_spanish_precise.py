"""Spanish variants of the precise answers (data/responses/precise.yml): every precise
answer has exactly one, it keeps the English text's placeholders, it is the one sent when
the conversation is in Spanish, and it fits one SMS with sample clinic values and the
Spanish "Tell me more" option."""
from __future__ import annotations

import re

import pytest
import yaml

from bot import answers
from bot.channels.twilio_sms import button_options, plain_text
from bot.nlg import tell_me_more
from bot.topics import detail_of, is_not_covered

SPANISH = [{"type": "slot", "name": "language", "value": "es"}]
# precise.yml's answers (not_covered.yml has its own checks: tests/test_not_covered_answers.py)
PRECISE = {name: variants for name, variants in
           yaml.safe_load((answers.RESPONSES_DIR / "precise.yml").read_text(encoding="utf-8"))["responses"].items()
           if detail_of(name)}
SMS_LIMIT = 320
SMS_SUFFIX = "\n" + button_options([tell_me_more("es")], language="es")  # "Responda 1 para Cuénteme más."
SAMPLE = {
    "clinic_name": "Riverside Physical Therapy",
    "clinic_phone": "(555) 010-0199",
    "clinic_url": "https://riversidept.example/book",
    "emergency_number": "911",
}
PROFILE_VALUE = ("Lunes a viernes de 8 a 19 h y sábados de 9 a 13 h; " * 3)[:140]  # a profile value at its cap


def spanish(name):
    found = [v for v in PRECISE[name] if v.get("condition") == SPANISH]
    assert len(found) == 1, (name, len(found))
    return found[0]


def placeholders(text):
    return sorted(re.findall(r"{(\w+)}", text))


def rendered(text):
    return answers.render(text, {**SAMPLE, **{p: PROFILE_VALUE for p in placeholders(text) if p not in SAMPLE}})


def test_the_profile_value_is_at_its_cap():
    from bot.clinic_profile import MAX_VALUE_CHARS

    assert len(PROFILE_VALUE) == MAX_VALUE_CHARS == 140


def test_there_are_110_precise_answers():
    assert len(PRECISE) == 110


@pytest.mark.parametrize("name", sorted(PRECISE))
def test_one_spanish_variant_with_the_english_placeholders(name):
    variant = spanish(name)
    english = [v for v in PRECISE[name] if not v.get("condition")]
    assert len(english) == 1 and "channel" not in variant, name
    assert placeholders(variant["text"]) == placeholders(english[0]["text"]), name
    assert variant["text"].strip() and variant["text"] != english[0]["text"], name


@pytest.mark.parametrize("name", sorted(PRECISE))
def test_the_spanish_text_fits_one_sms_with_sample_values_and_the_option(name):
    text = plain_text(rendered(spanish(name)["text"])) + SMS_SUFFIX
    assert "{" not in text and "  " not in text, text
    assert len(text) <= SMS_LIMIT, (name, len(text))


@pytest.mark.parametrize("name", sorted(n for n in PRECISE if is_not_covered(n)))
def test_a_spanish_not_covered_answer_says_so_and_names_who_to_ask(name):
    text = " ".join(spanish(name)["text"].split())
    assert re.match(r"Mis fuentes no (dicen|hablan)", answers.lead_sentence(text)), text
    assert re.search(r"{clinic_name}|médico|farmacéutico|profesional", text), text


@pytest.mark.parametrize("name", sorted(PRECISE))
def test_no_spanish_answer_gives_a_dose_or_says_to_stop_a_medicine(name):
    text = " ".join(spanish(name)["text"].split()).lower()
    assert not re.search(r"\d+\s*(mg|miligramos?|tabletas?|pastillas?)\b", text), text
    assert not re.search(r"(?<!no )\b(deje|suspenda) (de tomar )?(el|su|sus|los) (anticoagulante|medicamento|medicina)", text), text


def test_the_cautions_and_disagreements_are_kept():
    text = {n: " ".join(spanish(n)["text"].split()) for n in PRECISE}
    assert "farmacéutico" in text["utter_faq/aftercare__painkillers"] and "cuánto tomar" in text["utter_faq/aftercare__painkillers"]
    for name in ("utter_faq/contraindications__bleeding_disorder", "utter_faq/contraindications__not_covered_medicines"):
        assert "evit" in text[name] and "médico" in text[name] and "otra" in text[name], name
        assert re.search(r"no (lo deje ni lo )?cambie", text[name], re.IGNORECASE) and "médico que lo recetó" in text[name], name
    for name in ("utter_faq/side_effects__bleeding", "utter_faq/serious_risks__pneumothorax"):
        assert "llame al {emergency_number} ahora" in text[name], name


@pytest.mark.parametrize("channel", ["rest", "twilio"])
def test_the_spanish_variant_is_sent_when_the_conversation_is_in_spanish(channel):
    from bot.nlg import ClinicResponseGenerator

    generator = ClinicResponseGenerator()
    generator.responses = PRECISE
    for name in PRECISE:
        assert generator._random_response_for(name, channel, {"language": "es"}) is spanish(name)
        assert not generator._random_response_for(name, channel, {"language": "en"}).get("condition")
