"""The curated answers as text: loaded from data/responses/, rendered with sample clinic
values, measured (reading grade of the lead sentence, SMS length). Used by `make eval`
and the tests; nothing here runs per message."""
from __future__ import annotations

import re
from pathlib import Path
from statistics import mean
from typing import Dict, List, Optional

import yaml

from bot.clinic_profile import template_values as profile_values
from bot.settings import PROJECT_ROOT

RESPONSES_DIR = PROJECT_ROOT / "data" / "responses"
EXAMPLE_PROFILE = PROJECT_ROOT / "docs" / "clinic-profile.example.yml"
SAMPLE_CLINIC = {
    "clinic_name": "Harbour Physio",
    "clinic_phone": "(555) 010-0100",
    "clinic_url": "https://harbourphysio.example",
    "emergency_number": "911",
}
SMS_LIMIT = 320
LEAD_GRADE_TARGET = 8.0

_ABBREVIATIONS = re.compile(r"\b(?:Dr|e\.g|i\.e|vs|etc|approx)\.$", re.I)


def faq_responses(directory: Path = RESPONSES_DIR) -> Dict[str, List[Dict]]:
    """Every `utter_faq/...` response in data/responses/*.yml."""
    responses: Dict[str, List[Dict]] = {}
    for path in sorted(directory.glob("*.yml")):
        for name, variants in (yaml.safe_load(path.read_text()) or {}).get("responses", {}).items():
            if name.startswith("utter_faq/"):
                responses[name] = variants
    return responses


def sample_values(profile: Optional[Path] = EXAMPLE_PROFILE) -> Dict[str, str]:
    values = dict(SAMPLE_CLINIC)
    values.update(profile_values(SAMPLE_CLINIC, str(profile) if profile else None))
    return values


def render(text: str, values: Dict[str, str]) -> str:
    return re.sub(r"{(\w+)}", lambda m: values.get(m.group(1), m.group(0)), " ".join(text.split()))


def sentences(text: str) -> List[str]:
    pieces, current = [], ""
    for part in re.split(r"(?<=[.!?])\s+", text.strip()):
        current = f"{current} {part}".strip()
        if not _ABBREVIATIONS.search(current):
            pieces.append(current)
            current = ""
    return pieces + ([current] if current else [])


def lead_sentence(text: str) -> str:
    found = sentences(text)
    return found[0] if found else ""


def reading_grade(text: str) -> float:
    import textstat  # only where grades are measured

    return float(textstat.flesch_kincaid_grade(text))


def sms_text(variants: List[Dict]) -> str:
    """The text an SMS user gets: the twilio variant, else the default one."""
    sms = [v for v in variants if v.get("channel") == "twilio"]
    return (sms or [v for v in variants if "channel" not in v])[0]["text"]


def web_text(variants: List[Dict]) -> str:
    return [v for v in variants if "channel" not in v][0]["text"]


def sms_length(name: str, variants: List[Dict], values: Dict[str, str]) -> int:
    """The SMS as the channel sends it: plain text, then "Reply 1 for Tell me more." where
    the answer offers more (bot/nlg.py, bot/channels/twilio_sms.py)."""
    from bot.channels.twilio_sms import button_options, plain_text
    from bot.nlg import TELL_ME_MORE, offers_more

    parts = [plain_text(render(sms_text(variants), values))]
    if offers_more(name):
        parts.append(button_options([TELL_ME_MORE]))
    return len("\n".join(parts))


def measure(profile: Optional[Path] = EXAMPLE_PROFILE) -> Dict:
    """Reading grade of every answer's lead sentence (web text) and every SMS text's length
    with sample clinic values (and the "Tell me more" option where it is offered)."""
    values = sample_values(profile)
    grades, sms = {}, {}
    for name, variants in faq_responses().items():
        grades[name] = reading_grade(lead_sentence(render(web_text(variants), values)))
        sms[name] = sms_length(name, variants, values)
    over = {n: g for n, g in grades.items() if g > LEAD_GRADE_TARGET}
    too_long = {n: length for n, length in sms.items() if length > SMS_LIMIT}
    return {
        "answers": len(grades),
        "lead_grade_mean": mean(grades.values()) if grades else 0.0,
        "lead_grade_max": max(grades.values()) if grades else 0.0,
        "lead_grade_over_target": dict(sorted(over.items(), key=lambda kv: -kv[1])),
        "sms_max_chars": max(sms.values()) if sms else 0,
        "sms_too_long": too_long,
    }
