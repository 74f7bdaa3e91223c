"""Spanish FAQ answers (data/responses/faq.yml): every topic has a Spanish web text and a
Spanish SMS text (`channel: twilio`), each with the same placeholders as its English
counterpart, and the Spanish SMS fits one reply with sample clinic values.
Needs only pytest and pyyaml."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

FAQ_FILE = Path(__file__).resolve().parent.parent / "data" / "responses" / "faq.yml"
SPANISH = {"type": "slot", "name": "language", "value": "es"}
SMS_LIMIT = 320
SAMPLE_VALUES = {
    "clinic_name": "Riverside Physical Therapy",
    "clinic_phone": "(555) 010-0199",
    "clinic_url": "https://riversidept.example/book",
    "emergency_number": "911",
}
# The clinic's own facts (bot/clinic_profile.py), each at its length cap: the cost answer
# gives the clinic's prices.
SAMPLE_VALUES.update({placeholder: ("Lunes a viernes de 8 a 19 h y sábados de 9 a 13 h; " * 3)[:140]
                      for placeholder in ("clinic_prices", "clinic_packages", "clinic_insurers")})

RESPONSES = {name: variants for name, variants in yaml.safe_load(FAQ_FILE.read_text())["responses"].items()
             if name.startswith("utter_faq/")}


def placeholders(text: str) -> set:
    return set(re.findall(r"{(\w+)}", text))


def filled(text: str) -> str:
    """The text as sent: one line, placeholders filled with the sample clinic's values."""
    return re.sub(r"{(\w+)}", lambda m: SAMPLE_VALUES[m.group(1)], " ".join(text.split()))


def variant(name: str, spanish: bool, sms: bool) -> dict:
    found = [v for v in RESPONSES[name]
             if (v.get("condition") == [SPANISH] if spanish else not v.get("condition"))
             and (v.get("channel") == "twilio" if sms else "channel" not in v)]
    assert len(found) == 1, (name, "es" if spanish else "en", "sms" if sms else "web", len(found))
    return found[0]


def test_the_file_has_the_faq_topics():
    assert len(RESPONSES) >= 34


@pytest.mark.parametrize("name", sorted(RESPONSES))
@pytest.mark.parametrize("sms", [False, True], ids=["web", "sms"])
def test_every_answer_has_a_spanish_variant_with_the_english_placeholders(name, sms):
    english, spanish = variant(name, False, sms)["text"], variant(name, True, sms)["text"]
    assert placeholders(spanish) == placeholders(english), name
    assert placeholders(spanish) <= set(SAMPLE_VALUES), name
    assert spanish.strip() and spanish != english, name


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_the_spanish_sms_fits_with_sample_values(name):
    text = filled(variant(name, True, True)["text"])
    assert len(text) <= SMS_LIMIT, (name, len(text), text)


def test_the_checks_can_fail():
    assert len(filled("x" * 300 + " {clinic_name}")) > SMS_LIMIT
    assert placeholders("Llame al {clinic_phone}.") != placeholders("Call {clinic_name} on {clinic_phone}.")


def flat(text: str) -> str:
    return " ".join(text.split()).lower()


# Spanish counterparts of the English checks in tests/test_answers.py: where the seeds
# disagree, the Spanish says so too; the SMS keeps its cautions.
@pytest.mark.parametrize("sms", [False, True], ids=["web", "sms"])
def test_spanish_bleeding_disorder_answer_states_both_seeds(sms):
    text = flat(variant("utter_faq/contraindications", True, sms)["text"])
    assert "evit" in text and "médico" in text and "trastorno de sangrado" in text, text
    assert re.search(r"no coinciden|la otra", text), text


@pytest.mark.parametrize("name, words", [
    ("utter_faq/benefits", ["más estudios de calidad"]),
    ("utter_faq/evidence", ["una dice", "basada en evidencia", "definitiva"]),
    ("utter_faq/how_it_works", ["no coinciden", "no está claro"]),
    ("utter_faq/time_to_relief", ["no coinciden"]),
])
def test_spanish_states_where_the_seeds_disagree(name, words):
    text = flat(variant(name, True, False)["text"])
    assert all(w in text for w in words), text


def test_spanish_sms_keeps_its_cautions():
    sms = {name: flat(variant(name, True, True)["text"]) for name in RESPONSES}
    assert "trastorno de sangrado" in sms["utter_faq/before_appointment"]
    assert "no es para todos" in sms["utter_faq/safety"]
    for name in ("side_effects", "soreness_after", "aftercare", "serious_risks", "safety"):
        assert "{emergency_number}" in sms[f"utter_faq/{name}"], name
