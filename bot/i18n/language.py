"""Which language a message is written in, offline: English or Spanish.

lingua (a maintained detector that ships its models) reads sentences; it cannot know
the language of "ok", "2" or "no", so short messages it is unsure of get None and the
conversation keeps its language. An explicit request ("in English please", "en
español") always wins.
"""
from __future__ import annotations

import re
import threading
from typing import Iterable, List, Optional, Tuple

from lingua import Language, LanguageDetectorBuilder

CODES = {Language.ENGLISH: "en", Language.SPANISH: "es"}
# A decision needs at least this confidence (less for longer messages, where Spanglish such
# as "cuanto cuesta el dry needling" mixes in English words); below it the conversation
# keeps its language.
MIN_CONFIDENCE = 0.75
MIN_CONFIDENCE_LONG = 0.6  # from LONG_MESSAGE_WORDS words on
LONG_MESSAGE_WORDS = 4
# Below this whole-message confidence, a message that is mostly one language by lingua's
# sections (at least SECTION_MIN_WORDS words, SECTION_LEAD times the other's) is that language.
CLEAR_CONFIDENCE = 0.9
SECTION_MIN_WORDS = 4
SECTION_LEAD = 2

SWITCH_REQUESTS = [
    ("en", re.compile(r"\b(in )?english( please| pls| por favor)?\b|\bhablas? ingl[eé]s\b|\ben ingl[eé]s\b", re.I)),
    ("es", re.compile(r"\b(en )?espa[nñ]ol\b|\bin spanish\b|\bspanish( please| pls)?\b|\bhabla(s|n)? espa", re.I)),
]
# One-word messages lingua reads poorly, and which say their language plainly.
SHORT_WORDS = {
    "es": {"hola", "gracias", "grax", "muchas", "buenas", "buenos", "adios", "adiós", "porfa", "vale",
           "claro", "sí", "bueno", "ayuda", "oiga", "disculpe", "perdón", "perdon", "mande", "chao",
           "perfecto", "perfecta", "entendido", "orale", "órale", "sale", "okis", "genial"},
    "en": {"hi", "hello", "hey", "thanks", "thank", "thx", "ty", "yes", "yeah", "yep", "bye", "help",
           "please", "pls", "sorry", "cheers"},
}
# Function words that belong to one language only: a short message lingua is unsure of
# ("hey q tal", "eres IA?", "mi numero es 555...") goes by the language it uses more of.
MARKERS = {
    "es": SHORT_WORDS["es"] | {"q", "que", "qué", "tal", "mi", "mis", "es", "eres", "soy", "son", "buen", "buena", "chau",
                               "el", "los", "las", "del", "por", "favor", "usted", "ustedes", "tengo", "quiero", "puedo",
                               "necesito", "como", "cómo", "donde", "dónde", "cuanto", "cuánto", "cuándo", "cuando",
                               "hay", "estoy", "esta", "está", "para", "pa", "con", "pero", "también", "tambien",
                               "nada", "mucho", "muy", "sí", "hasta", "luego", "mañana", "manana", "wepa", "oye", "dale",
                               "listo", "lista", "voy", "vamos", "eso", "esto", "nos", "vemos", "amable",
                               # the service's own words, said only in Spanish: "DN vs acupuntura?"
                               "acupuntura", "puncion", "punción", "aguja", "agujas", "cita", "seguro", "aceptan"},
    "en": SHORT_WORDS["en"] | {"the", "my", "is", "are", "you", "your", "what", "how", "can", "it", "i", "im", "do",
                               "does", "will", "with", "for", "and", "this", "that", "have", "got", "need", "want",
                               "when", "where", "much", "very", "thank", "later", "see", "morning", "tomorrow"},
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# English words Spanish speakers use as they are ("el dry needling", "mi PT", "el copay"):
# they say nothing of the message's language, so they are left out before detection.
LOAN_WORDS = {"dry", "needling", "needle", "needles", "dn", "pt", "physical", "therapy", "therapist", "physio",
              "copay", "deductible", "medicaid", "medicare", "ok", "okay", "trigger", "point", "points", "email",
              "online", "spa", "gym", "cupping", "tens", "vs",
              # insurers and technique names, said as they are: "aceptan blue cross?", "el sparrow pecking"
              "blue", "cross", "shield", "aetna", "cigna", "humana", "kaiser", "tricare", "sparrow", "pecking"}

# A safety reply to a message that mixes languages ("my husband is having un seizure, se le
# van los ojos") is sent in both: whichever half the patient reads first must say what to do.
# Mixed means at least this many words in the other language (lingua's sections): on the
# development sets 32 of 33 Spanglish red flags read as English, 1 % of English ones.
MIXED_MIN_WORDS = 3

_detector = None
_lock = threading.Lock()


def _lingua():
    global _detector
    with _lock:
        if _detector is None:
            _detector = (LanguageDetectorBuilder.from_languages(*CODES)
                         .with_preloaded_language_models().build())
        return _detector


def warm_up() -> None:
    """Load the models now (at start-up), not on the first patient's message."""
    _lingua()


# Two languages named ("¿atienden en inglés o portugués?") ask which are spoken, not to switch.
LANGUAGE_NAMES = re.compile(r"\b(english|ingl[eé]s|spanish|espa[nñ]ol|portugu[eé]se?|french|franc[eé]s|"
                            r"mandarin|mandar[ií]n|chinese|chino|vietnamese|vietnamita|arabic|[aá]rabe|russian|ruso|"
                            r"tagalog|korean|coreano|italian|italiano|german|alem[aá]n)\b", re.I)


def requested_language(text: str) -> Optional[str]:
    """ "in English please" -> "en"; None when the message asks for no language."""
    words = WORD.findall(text or "")
    if len(words) > 6:
        return None  # "my Spanish-speaking mum ..." is not a request to switch
    if len(LANGUAGE_NAMES.findall(text or "")) > 1:
        return None
    for code, pattern in SWITCH_REQUESTS:
        if pattern.search(text or ""):
            return code
    return None


def detect(text: str, offered: Iterable[str] = ("en", "es")) -> Optional[str]:
    """The language of the message among those offered, or None when unsure."""
    offered = tuple(offered)
    if len(offered) < 2:
        return offered[0] if offered else None
    requested = requested_language(text)
    if requested in offered:
        return requested
    words = [w.lower() for w in WORD.findall(text or "")]
    native = [w for w in words if w not in LOAN_WORDS]
    # Spanglish ("el dry needling duele?") reads by its own words; when those alone say
    # nothing ("can my PT do it"), by the whole message.
    if native and native != words:
        return _by_words(native, offered) or _by_words(words, offered)
    return _by_words(words, offered)


def _by_words(words: List[str], offered: Tuple[str, ...]) -> Optional[str]:
    if not words:
        return None
    if len(words) <= 2:
        for code in offered:
            if all(w in SHORT_WORDS.get(code, ()) for w in words):
                return code
        if len(words) == 1 and len(words[0]) < 5:
            return _by_markers(words, offered)
    confidences = _lingua().compute_language_confidence_values(" ".join(words))
    best = confidences[0] if confidences else None
    if best is None or best.value < CLEAR_CONFIDENCE:
        mostly = _by_sections(words, offered)
        if mostly:
            return mostly
    needed = MIN_CONFIDENCE_LONG if len(words) >= LONG_MESSAGE_WORDS else MIN_CONFIDENCE
    if best is None or best.value < needed:
        return _by_markers(words, offered)
    code = CODES.get(best.language)
    return code if code in offered else None


def _by_sections(words: List[str], offered: Tuple[str, ...]) -> Optional[str]:
    """The language most of a mixed message is written in ("me mandan el invoice por email?"):
    lingua's whole-message confidence leans to English on such text, its sections do not."""
    counts = {code: 0 for code in offered}
    for section in _lingua().detect_multiple_languages_of(" ".join(words)):
        code = CODES.get(section.language)
        if code in counts:
            counts[code] += section.word_count
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    top, second = ranked[0][1], (ranked[1][1] if len(ranked) > 1 else 0)
    winner = ranked[0][0]
    # and it must use at least one of that language's own function words: lingua's sections
    # read some short English ("do u do internal pelvic floor") as Spanish.
    uses_its_words = any(w in MARKERS.get(winner, ()) for w in words)
    return winner if top >= SECTION_MIN_WORDS and top >= SECTION_LEAD * second and uses_its_words else None


def _by_markers(words: List[str], offered: Tuple[str, ...]) -> Optional[str]:
    """The offered language whose function words the message uses most, if one leads."""
    counts = sorted(((sum(w in MARKERS.get(code, ()) for w in words), code) for code in offered), reverse=True)
    return counts[0][1] if counts[0][0] > (counts[1][0] if len(counts) > 1 else 0) else None


def also_written_in(text: str, language: str, offered: Iterable[str] = ("en", "es")) -> Optional[str]:
    """The other offered language when the message is partly written in it, else None."""
    others = [code for code in offered if code != language]
    words = [w.lower() for w in WORD.findall(text or "") if w.lower() not in LOAN_WORDS]
    if len(others) != 1 or len(words) < MIXED_MIN_WORDS:
        return None
    sections = _lingua().detect_multiple_languages_of(" ".join(words))
    in_other = sum(s.word_count for s in sections if CODES.get(s.language) == others[0])
    return others[0] if in_other >= MIXED_MIN_WORDS else None
