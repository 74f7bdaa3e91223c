"""The FAQ topics (CONTRACT), with the short title and the plain question used when the
bot offers a topic as a button (the question is sent back as the user's message), in
each language the bot speaks (`topics(language)`)."""
from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional


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


# The same topics in Spanish: the question is what a Spanish-speaking patient would ask.
TOPICS_ES: Dict[str, Topic] = {
    "what_is": Topic("Qué es la punción seca", "¿Qué es la punción seca?"),
    "why_dry": Topic("Por qué se llama \"seca\"", "¿Por qué se llama punción seca?"),
    "trigger_points": Topic("Puntos gatillo (nudos musculares)", "¿Qué es un punto gatillo?"),
    "how_it_works": Topic("Cómo funciona", "¿Cómo funciona la punción seca?"),
    "twitch_response": Topic("La respuesta de espasmo local", "¿Qué es la respuesta de espasmo local?"),
    "conditions_treated": Topic("Qué problemas trata", "¿Qué problemas trata la punción seca?"),
    "vs_acupuncture": Topic("Punción seca y acupuntura", "¿La punción seca es lo mismo que la acupuntura?"),
    "history_and_names": Topic("Historia y otros nombres", "¿Quién creó la punción seca?"),
    "techniques": Topic("Técnicas", "¿Qué técnicas de punción seca hay?"),
    "does_it_hurt": Topic("¿Duele?", "¿Duele la punción seca?"),
    "session_steps": Topic("Qué pasa en una sesión", "¿Qué pasa en una sesión de punción seca?"),
    "session_length": Topic("Cuánto dura una sesión", "¿Cuánto dura una sesión de punción seca?"),
    "number_of_sessions": Topic("Cuántas sesiones", "¿Cuántas sesiones de punción seca voy a necesitar?"),
    "time_to_relief": Topic("Cuándo se nota el alivio", "¿Cuándo voy a sentir alivio con la punción seca?"),
    "benefits": Topic("Beneficios", "¿Qué beneficios tiene la punción seca?"),
    "evidence": Topic("Qué dice la investigación", "¿Hay pruebas de que la punción seca funciona?"),
    "safety": Topic("¿Es segura?", "¿Es segura la punción seca?"),
    "side_effects": Topic("Efectos secundarios", "¿Qué efectos secundarios tiene la punción seca?"),
    "serious_risks": Topic("Riesgos graves poco frecuentes", "¿Qué riesgos graves tiene la punción seca?"),
    "contraindications": Topic("Quién debe evitarla", "¿Quién no debe hacerse punción seca?"),
    "practitioner_qualifications": Topic("Quién puede hacerla", "¿Quién está capacitado para hacer punción seca?"),
    "find_practitioner": Topic("Encontrar un profesional", "¿Cómo encuentro a un profesional de punción seca?"),
    "needles": Topic("Las agujas", "¿Qué agujas se usan en la punción seca?"),
    "aftercare": Topic("Cuidados después", "¿Qué debo hacer después de la punción seca?"),
    "soreness_after": Topic("Dolor muscular después", "¿Es normal tener dolor después de la punción seca?"),
    "insurance": Topic("Seguro médico", "¿El seguro médico cubre la punción seca?"),
    "cost": Topic("Costo y pago", "¿Cuánto cuesta la punción seca?"),
    "what_to_wear": Topic("Qué ropa llevar", "¿Qué ropa me pongo para la punción seca?"),
    "what_to_bring": Topic("Qué llevar", "¿Qué tengo que llevar a mi cita de punción seca?"),
    "before_appointment": Topic("Antes de la cita", "¿Cómo me preparo para la punción seca?"),
    "results_duration": Topic("Cuánto duran los resultados", "¿Cuánto duran los resultados de la punción seca?"),
    "combined_treatments": Topic("Combinar tratamientos", "¿Se puede combinar la punción seca con otros tratamientos?"),
    "myths": Topic("Mitos y realidades", "¿Qué mitos hay sobre la punción seca?"),
    "if_no_improvement": Topic("Si no le ayuda", "¿Qué pasa si la punción seca no me ayuda?"),
}

_BY_LANGUAGE = {"en": TOPICS, "es": TOPICS_ES}


def topics(language: str = "en") -> Dict[str, Topic]:
    """The topics' titles and questions in `language` (English for a language without them)."""
    return _BY_LANGUAGE.get(language, TOPICS)


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


def answer_is_clear(ranking: List[Dict], at_least: float, margin: float) -> bool:
    """The answer selector's best answer scores `at_least` and beats the best answer of
    another topic by `margin`. A topic's general answer close to one of its precise answers
    ("how much r u charging": cost / the clinic's prices) is no risk of a wrong topic."""
    if not ranking:
        return False
    best = ranking[0]
    topic = topic_of(best["intent_response_key"])
    runner_up = next((r["confidence"] for r in ranking[1:] if topic_of(r["intent_response_key"]) != topic), 0.0)
    return best["confidence"] >= at_least and best["confidence"] - runner_up >= margin
