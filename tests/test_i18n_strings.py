"""What the code itself says, per language: the string tables (bot/i18n/strings.py and the
widget's in bot/web/static/widget.js), the reply language, the clinic profile's values per
language, and the language every generated message carries."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Dict, Optional

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import clinic_profile
from bot.i18n.strings import TABLES, contract, conversation_language, say
from bot.nlg import ClinicResponseGenerator
from bot.settings import PROJECT_ROOT

PLACEHOLDER = re.compile(r"{(\w+)}")
WIDGET_JS = PROJECT_ROOT / "bot" / "web" / "static" / "widget.js"
SAMPLE_VALUES = {"contact": "+15550100", "options": "1 for X", "number": 1, "title": "X"}


def placeholders(text: str) -> set:
    return set(PLACEHOLDER.findall(text))


# --------------------------------------------------------------------------- the code's table

def test_every_language_has_every_sentence_with_the_same_placeholders():
    english = TABLES["en"]
    for language, table in TABLES.items():
        assert table.keys() == english.keys(), language
        for key, text in table.items():
            assert text.strip(), (language, key)
            assert placeholders(text) == placeholders(english[key]), (language, key)


@pytest.mark.parametrize("language", sorted(TABLES))
def test_every_sentence_fills_with_the_clinics_values(language, monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    monkeypatch.setenv("EMERGENCY_NUMBER", "112")
    for key in TABLES[language]:
        text = say(key, language, **SAMPLE_VALUES)
        assert "{" not in text and text[0] == text[0].upper(), (key, text)
    assert "112" in say("sms_help", language) and "Harbour Physio" in say("sms_help", language)


def test_spanish_sentences_are_spanish():
    assert say("tell_me_more", "es") == "Cuénteme más"
    assert say("sms_options", "es", options="1 para Cuénteme más") == "Responda 1 para Cuénteme más."
    assert "Responda STOP" in say("sms_help", "es")


def test_a_language_without_a_table_gets_english():
    assert say("tell_me_more", "fr") == "Tell me more"


def test_unset_clinic_values_read_well_in_spanish(monkeypatch):
    for name in ("CLINIC_NAME", "CLINIC_PHONE", "CLINIC_URL"):
        monkeypatch.delenv(name, raising=False)
    text = say("callback_not_saved", "es")
    assert "Llame a la clínica al teléfono de la clínica." in text and "al el" not in text
    assert say("unavailable", "en").endswith("contact the clinic at the clinic's phone number.")


@pytest.mark.parametrize("text, expected", [
    ("llame al el teléfono de la clínica", "llame al teléfono de la clínica"),
    ("vaya a el sitio web de la clínica", "vaya al sitio web de la clínica"),
    ("la dirección de el consultorio", "la dirección del consultorio"),
    ("para el dolor, de él y a él", "para el dolor, de él y a él"),  # nothing to contract
])
def test_spanish_contractions(text, expected):
    assert contract(text, "es") == expected
    assert contract(text, "en") == text


@pytest.mark.parametrize("slot, languages, expected", [
    ("es", "en,es", "es"),
    ("en", "en,es", "en"),
    (None, "en,es", "en"),
    (None, "es,en", "es"),   # unclear so far: the clinic's first language
    ("es", "en", "en"),      # Spanish turned off: English whatever the slot says
    ("EN", "es,en", "en"),
    ("fr", "es", "es"),
])
def test_the_reply_language_is_the_conversations_or_the_clinics_first(slot, languages, expected, monkeypatch):
    monkeypatch.setenv("LANGUAGES", languages)
    assert conversation_language(slot) == expected


# --------------------------------------------------------------------------- the widget's table

def widget_tables() -> Dict[str, Dict[str, str]]:
    """STRINGS from widget.js, evaluated by node (the language the widget is written in)."""
    node = shutil.which("node")
    assert node, "node is needed (it also installs the widget's socket.io client: npm ci)"
    source = WIDGET_JS.read_text(encoding="utf-8")
    match = re.search(r"var STRINGS = (\{.*?\n  \});", source, re.S)
    assert match, "widget.js has no STRINGS table"
    out = subprocess.run([node, "-e", f"process.stdout.write(JSON.stringify({match.group(1)}))"],
                         capture_output=True, text=True, check=True, timeout=30)
    return json.loads(out.stdout)


def test_the_widget_has_every_string_in_every_language_the_bot_speaks():
    tables = widget_tables()
    assert set(tables) == set(TABLES)
    for language, table in tables.items():
        assert table.keys() == tables["en"].keys(), language
        for key, text in table.items():
            assert text.strip() and placeholders(text) == placeholders(tables["en"][key]), (language, key)
    spanish = tables["es"]
    assert spanish["send"] == "Enviar" and spanish["call"] == "Llamar al {number}"
    assert "{number}" in spanish["disclaimer"] and "emergencia" in spanish["disclaimer"]


# --------------------------------------------------------------------------- clinic profile

PROFILE = """\
hours: Mon-Fri 8am-6pm
hours_es: lunes a viernes de 8 a 18 h
prices: $80 a session
"""


@pytest.fixture
def profile(tmp_path) -> str:
    path = tmp_path / "clinic.yml"
    path.write_text(PROFILE, encoding="utf-8")
    return str(path)


CLINIC = {"clinic_name": "Harbour Physio", "clinic_phone": "555-0100", "clinic_url": "https://hp.example"}


def test_a_profile_value_in_spanish_is_used_for_spanish(profile):
    spanish = clinic_profile.template_values(CLINIC, profile, language="es")
    english = clinic_profile.template_values(CLINIC, profile, language="en")
    assert spanish["clinic_hours"] == "lunes a viernes de 8 a 18 h"
    assert english["clinic_hours"] == "Mon-Fri 8am-6pm"
    # no prices_es: the value as written beats no value
    assert spanish["clinic_prices"] == english["clinic_prices"] == "$80 a session"


def test_an_unset_fact_is_said_in_the_conversations_language(profile):
    assert clinic_profile.template_values(CLINIC, profile, language="es")["clinic_parking"] == (
        "No tengo este dato aquí. Llame al 555-0100 o visite https://hp.example")
    assert clinic_profile.template_values(CLINIC, profile, language="en")["clinic_parking"] == (
        "I don't have this here. Please call 555-0100 or visit https://hp.example")


def test_the_example_profile_gives_every_fact_in_spanish():
    example = clinic_profile.load(str(PROJECT_ROOT / "docs" / "clinic-profile.example.yml"))
    assert {f"{field}_es" for field in clinic_profile.FIELDS} - set(example) == {"booking_url_es"}


# --------------------------------------------------------------------------- generated messages

@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def tracker(domain: Domain, language: Optional[str], channel: str = "rest") -> DialogueStateTracker:
    events = [UserUttered("ok", input_channel=channel)] + ([SlotSet("language", language)] if language else [])
    return DialogueStateTracker.from_events("patient", events, slots=domain.slots)


@pytest.mark.parametrize("languages, slot, start, language", [
    ("en,es", None, "Hi!", "en"),
    ("es,en", None, "¡Hola!", "es"),   # nothing clear yet: the clinic's first language
    ("en,es", "es", "¡Hola!", "es"),
    ("es,en", "en", "Hi!", "en"),
])
async def test_replies_use_and_carry_the_conversations_language(domain, languages, slot, start, language, monkeypatch):
    monkeypatch.setenv("LANGUAGES", languages)
    message = await ClinicResponseGenerator(domain=domain).generate("utter_greet", tracker(domain, slot), "collector")
    assert message["text"].startswith(start)
    assert message["language"] == language


async def test_a_spanish_reply_with_generic_clinic_values_reads_well(domain, monkeypatch):
    for name in ("CLINIC_NAME", "CLINIC_PHONE", "CLINIC_URL"):
        monkeypatch.delenv(name, raising=False)
    message = await ClinicResponseGenerator(domain=domain).generate("utter_urgent", tracker(domain, "es"), "collector")
    assert "comuníquese hoy con la clínica al teléfono de la clínica" in message["text"]
    assert "al el" not in message["text"]
