"""The FAQ topics (CONTRACT), with the short title and the plain question used when the
bot offers a topic as a button (the question is sent back as the user's message)."""
from __future__ import annotations

from typing import Dict, NamedTuple, Optional


class Topic(NamedTuple):
    title: str
    question: str


TOPICS: Dict[str, Topic] = {
    "what_is": Topic("What dry needling is", "What is dry needling?"),
    "why_dry": Topic("Why it's called \"dry\"", "Why is it called dry needling?"),
    "trigger_points": Topic("Trigger points (muscle knots)", "What is a trigger point?"),
    "how_it_works": Topic("How it works", "How does dry needling work?"),
    "twitch_response": Topic("The twitch response", "What is the twitch response?"),
    "conditions_treated": Topic("Conditions it treats", "What conditions does dry needling treat?"),
    "vs_acupuncture": Topic("Dry needling vs acupuncture", "Is dry needling the same as acupuncture?"),
    "history_and_names": Topic("History and other names", "Who developed dry needling?"),
    "techniques": Topic("Techniques", "What dry needling techniques are there?"),
    "does_it_hurt": Topic("Does it hurt?", "Does dry needling hurt?"),
    "session_steps": Topic("What happens in a session", "What happens during a dry needling session?"),
    "session_length": Topic("How long a session takes", "How long does a dry needling session take?"),
    "number_of_sessions": Topic("How many sessions", "How many dry needling sessions will I need?"),
    "time_to_relief": Topic("How soon it helps", "How soon will I feel relief after dry needling?"),
    "benefits": Topic("Benefits", "What are the benefits of dry needling?"),
    "evidence": Topic("What the research says", "Is there evidence that dry needling works?"),
    "safety": Topic("Is it safe?", "Is dry needling safe?"),
    "side_effects": Topic("Side effects", "What are the side effects of dry needling?"),
    "serious_risks": Topic("Rare serious risks", "What are the serious risks of dry needling?"),
    "contraindications": Topic("Who should avoid it", "Who should not have dry needling?"),
    "practitioner_qualifications": Topic("Who can do it", "Who is qualified to do dry needling?"),
    "find_practitioner": Topic("Finding a practitioner", "How do I find a dry needling practitioner?"),
    "needles": Topic("The needles", "What kind of needles are used for dry needling?"),
    "aftercare": Topic("Aftercare", "What should I do after dry needling?"),
    "soreness_after": Topic("Soreness afterwards", "Is it normal to be sore after dry needling?"),
    "insurance": Topic("Insurance", "Does insurance cover dry needling?"),
    "cost": Topic("Cost and payment", "How much does dry needling cost?"),
    "what_to_wear": Topic("What to wear", "What should I wear to dry needling?"),
    "what_to_bring": Topic("What to bring", "What should I bring to my dry needling appointment?"),
    "before_appointment": Topic("Before your appointment", "How do I prepare for dry needling?"),
    "results_duration": Topic("How long results last", "How long do dry needling results last?"),
    "combined_treatments": Topic("Combining treatments", "Can dry needling be combined with other treatments?"),
    "myths": Topic("Myths and facts", "What are common myths about dry needling?"),
    "if_no_improvement": Topic("If it doesn't help", "What if dry needling doesn't help me?"),
}


def response_key(topic: str) -> str:
    return f"faq/{topic}"


# A precise answer under a topic is `faq/<topic>__<detail>`; the topic stays readable from
# the key. Details named `not_covered_<thing>` say plainly that our information doesn't
# cover the thing asked and who to ask; `clinic_<fact>` give the clinic's own facts
# (hours, prices...) from its profile (bot/clinic_profile.py).
DETAIL_SEPARATOR = "__"
NOT_COVERED_PREFIX = "not_covered_"
CLINIC_FACT_PREFIX = "clinic_"


def topic_of(retrieval_key: str) -> str:
    """'faq/cost' -> 'cost'; 'faq/aftercare__painkillers' -> 'aftercare'."""
    name = retrieval_key.split("/", 1)[1] if "/" in retrieval_key else retrieval_key
    return name.split(DETAIL_SEPARATOR, 1)[0]


def detail_of(retrieval_key: str) -> Optional[str]:
    """'faq/aftercare__painkillers' -> 'painkillers'; None for a topic's full answer."""
    parts = retrieval_key.split(DETAIL_SEPARATOR, 1)
    return parts[1] if len(parts) == 2 else None


def is_not_covered(retrieval_key: str) -> bool:
    return (detail_of(retrieval_key) or "").startswith(NOT_COVERED_PREFIX)


def is_clinic_fact(retrieval_key: str) -> bool:
    return (detail_of(retrieval_key) or "").startswith(CLINIC_FACT_PREFIX)
