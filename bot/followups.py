"""Follow-up questions that name no topic ("and how long does that last?"): which answer
replies to them, given the previous answer (a topic's full answer or a precise one).

"Tell me more" / "why?" after a precise answer gives its topic's full answer. A follow-up
that asks whether something is normal or safe gets the previous answer's own cautions
again, never a reply that reassures by default; with no previous answer, None (the action
then says it is not sure), unless the message names what it asks and its answer is sure
(`standalone_answer`)."""
from __future__ import annotations

import re
from typing import Dict, List, Optional

from bot.topics import answer_is_clear, topic_of

# What the follow-up asks about, by its words, in English or Spanish (accents optional:
# patients often leave them out). First match wins. In Spanish "seguro" is both "safe"
# and "insurance": "el/mi seguro", "seguro médico", "cubre" are insurance (cost, checked
# first), a bare "seguro/segura" is safety.
ASPECTS = [
    ("painkiller", re.compile(r"ibuprofen|ibuprofin|paracetamol|acetaminophen|tylenol|advil|panadol|nurofen|motrin|"
                              r"pain ?killer|pain ?reliever|pain relief|"
                              r"acetaminof[eé]n|analg[eé]sico|calmante|para el dolor")),
    ("medicine", re.compile(r"aspirin|warfarin|blood thinner|clopidogrel|eliquis|xarelto|\bmeds?\b|medicine|medication|"
                            r"tablet|\bpills?\b|"
                            r"anticoagulante|sintrom|medicamento|\bmedicina|pastilla|p[ií]ldora|\bremedio")),
    ("duration", re.compile(r"\bhow long\b|\blast\b|\bwear off\b|\bgo away\b|"
                            r"\bcu[aá]nto (tiempo|dura|tarda)|\bduran?\b|\bse (me )?(quita|pasa)\b|\bdesaparece")),
    ("after", re.compile(r"\bafter(wards?)?\b|\bthen what\b|\bnext\b|\bdespu[eé]s\b|\by luego\b")),
    ("cost", re.compile(r"\bcost|\bprice|\bhow much\b|\bpay\b|\binsurance\b|\bcovered\b|"
                        r"\bcu[aá]nto (cuesta|vale|sale|cobran)|\bprecio|\bcosto|\bcoste\b|\bpagar?\b|"
                        r"\b(el|mi|su) seguro\b|\bseguro m[eé]dico|\bcubre|\bcobertura|\baseguradora")),
    ("pain", re.compile(r"\bhurt|\bpain|\bpainful\b|\bsore\b|\bduele|\bdolor|\badolorid")),
    ("often", re.compile(r"\bhow often\b|\bhow frequent|\bcada cu[aá]nto|\bcon qu[eé] frecuencia")),
    ("count", re.compile(r"\bhow many\b|\bcu[aá]nt[ao]s\b")),
    ("safety", re.compile(r"\bsafe\b|\brisk|\bdanger|\bsegur[oa]\b|\briesgo|\bpeligr")),
    ("normal", re.compile(r"\bnormal\b|\bok(ay)?\b|\busual\b|\bcommon\b|\bbad\b|\bworry\b|"
                          r"\best[aá] bien\b|\bcom[uú]n\b|\bmalo\b|\bpreocup")),
]

# Topics whose answers carry cautions: asked "is that ok / safe?" after them, the same
# answer again is the honest reply.
CAUTION_TOPICS = {"contraindications", "serious_risks", "side_effects", "safety", "soreness_after", "aftercare"}
# Precise answers that state a duration themselves.
STATES_A_DURATION = {
    "faq/side_effects__bruising", "faq/side_effects__tiredness", "faq/soreness_after__duration",
    "faq/aftercare__exercise", "faq/session_length__needle_time", "faq/techniques__superficial",
}

# (aspect, previous topic) -> answer key; (aspect, None) is the answer whatever came before.
FOLLOWUP_ANSWER = {
    ("painkiller", "contraindications"): "faq/contraindications__not_covered_medicines",
    ("painkiller", None): "faq/aftercare__painkillers",
    ("medicine", None): "faq/contraindications__not_covered_medicines",
    ("duration", "soreness_after"): "faq/soreness_after__duration",
    ("duration", "side_effects"): "faq/soreness_after__duration",
    ("duration", "aftercare"): "faq/soreness_after__duration",
    ("duration", "does_it_hurt"): "faq/soreness_after__duration",
    ("duration", "twitch_response"): "faq/twitch_response",
    ("duration", "techniques"): "faq/session_length__needle_time",
    ("duration", "needles"): "faq/session_length__needle_time",
    ("duration", "session_steps"): "faq/session_length",
    ("duration", "session_length"): "faq/session_length",
    ("duration", "number_of_sessions"): "faq/number_of_sessions",
    ("duration", None): "faq/results_duration",
    ("after", "session_steps"): "faq/aftercare",
    ("after", None): "faq/aftercare",
    ("cost", "insurance"): "faq/insurance",
    ("cost", None): "faq/cost__clinic_prices",
    ("pain", "soreness_after"): "faq/soreness_after",
    ("pain", "aftercare"): "faq/soreness_after",
    ("pain", None): "faq/does_it_hurt",
    ("often", None): "faq/number_of_sessions__frequency",
    ("count", None): "faq/number_of_sessions",
    ("safety", None): "faq/safety",
}


def aspect_of(text: str) -> Optional[str]:
    lowered = (text or "").lower()
    return next((name for name, pattern in ASPECTS if pattern.search(lowered)), None)


def answer_key(text: str, previous_key: Optional[str]) -> Optional[str]:
    """The answer ("faq/<topic>" or "faq/<topic>__<detail>") for this follow-up, or None
    when we can't tell."""
    topic = topic_of(previous_key) if previous_key else None
    full = f"faq/{topic}" if topic else None
    aspect = aspect_of(text)
    if aspect is None:
        # "tell me more", "why is that": the topic's full answer.
        return full
    if aspect == "normal" or (aspect == "safety" and topic in CAUTION_TOPICS):
        # Never a default that reassures: the previous answer, cautions and all.
        return previous_key
    if aspect == "duration" and previous_key in STATES_A_DURATION:
        return previous_key
    return FOLLOWUP_ANSWER.get((aspect, topic)) or FOLLOWUP_ANSWER.get((aspect, None))


# As sure as the answer gate's "sure_answer" (bot/nlu/answer_gate.py), and as clear of
# another topic's answer as its margin.
SURE_ANSWER = 0.95
SURE_MARGIN = 0.2


def standalone_answer(text: str, ranking: List[Dict]) -> Optional[str]:
    """A "follow-up" with nothing before it ("is this a once-a-week kind of thing or more
    often?") is a question of its own: the answer selector's answer when it is sure. Not for
    "is that normal?" and the like (an aspect with no topic): never a default that reassures."""
    if aspect_of(text) is not None or not answer_is_clear(ranking, SURE_ANSWER, SURE_MARGIN):
        return None
    return ranking[0]["intent_response_key"]
