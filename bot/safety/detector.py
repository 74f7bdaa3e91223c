"""Red-flag detection: text in, findings out. No Rasa here, so the NLU component, the
actions and the tests all call the same code.

How a message is read:
1. spaCy tokenises and lemmatises it (the project's pipeline, bot/spacy_pipeline.py);
   the Matcher finds symptom phrases from bot/safety/lexicon.py, misspellings included.
2. The message is cut into clauses at punctuation and at words that start a new thought
   ("but", "just", "because", ...), so "no chest pain, just sore" and "not sure it's
   related but I can't breathe" are judged clause by clause.
3. A symptom is *negated* when a negation word precedes it in its clause ("no", "not",
   "never", "without", ...; but not "not sure", "don't know") or a resolution word follows
   it ("... has stopped", "... went away"). It is *hypothetical* when its clause asks about
   risk rather than reports it ("can it cause chest pain?", "signs of infection"), unless
   the clause also carries a report marker ("is it normal", "now", "since").
4. The tier is the highest tier among findings that are neither negated nor hypothetical.
"""
from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import FrozenSet, List, Optional, Tuple

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from bot.safety.frames import FRAMES, HAPPENING_NOW
from bot.safety.lexicon import EMERGENCY, IDIOM, MENTION, SPELLING, SYMPTOMS, URGENT
from bot.safety.patterns import compile_phrase, required_words, set_canonical_forms, without_accents

TIER_RANK = {None: 0, URGENT: 1, EMERGENCY: 2}

EXCLUSIONS = {
    "syncope_collapse": [({"collapsed", "collapse", "collapses", "collapsing"}, {"lung"}),
                         # a thing that fell in: "stuck behind a collapsed tent"
                         ({"collapsed"}, {"tent", "roof", "ceiling", "building", "bridge", "shelf", "shelves", "chair",
                                          "table", "stage", "wall", "umbrella", "box", "cake", "deal", "market", "fence",
                                          "gazebo", "marquee", "scaffolding", "scaffold", "crane", "tree", "road", "tunnel",
                                          "mine", "house", "barn", "shed", "stand", "bed", "sofa", "couch", "trampoline"})],
    "breathing": [({"puffed"}, {"up"})],  # "my knee puffed up": swelling, not breath
    # a diagnosis, not an event: "a seizure disorder that's well controlled"
    "seizure": [({"seizure", "seizures"}, {"disorder", "disorders", "medication", "medications", "meds", "free", "history"})],
    # a product, not a symptom: "can I put numbing cream on before?"
    "nerve_injury": [({"numbing", "numb"}, {"cream", "creams", "gel", "spray", "patch", "patches", "ointment", "agent", "lotion",
                                           "medicine", "injection", "shot", "stuff"})],
}

# A new clause starts after these words (the word itself belongs to no clause).
CLAUSE_BREAKS: FrozenSet[str] = frozenset({
    "but", "just", "only", "though", "although", "however", "except", "because",
    "coz", "cuz", "bc", "since", "and", "also", "plus", "anyway", "still", "now", "so",
    "although", "tho", "whereas", "yet", "while", "then", "otherwise", "btw",
    # Spanish
    "pero", "solo", "sólo", "solamente", "nomas", "nomás", "aunque", "porque", "pq", "xq",
    "y", "e", "ademas", "además", "entonces", "ahora", "ya", "mientras", "luego", "tambien", "también",
})
CLAUSE_PUNCT: FrozenSet[str] = frozenset({".", ",", ";", "!", "?", ":", "-", "--", "…", "(", ")", "/"})

NEGATIONS: FrozenSet[str] = frozenset({
    "no", "not", "never", "without", "none", "nothing", "nor", "neither", "zero", "deny",
    "denies", "nope", "nah", "free", "negative",
    # Spanish ("no" is shared)
    "sin", "nunca", "ni", "nada", "ningun", "ninguna", "ninguno", "tampoco", "jamas", "cero",
})
# "didn't", "dont" as typed: one token that negates
CONTRACTED_NEGATIONS: FrozenSet[str] = frozenset({"n't", "nt", "didnt", "dont", "isnt", "wasnt", "havent", "hasnt", "doesnt", "aint"})
# Negation words that do not negate what follows ("not sure it's related", "don't know if").
PSEUDO_NEGATION_NEXT: FrozenSet[str] = frozenset({
    "sure", "know", "certain", "think", "related", "just", "only", "matter", "if", "idea",
    "normal", "ok", "okay", "want", "mean", "care", "remember", "tell", "usual", "much",
    "se", "sé", "estoy", "seguro", "segura", "creo", "importa",  # "no se si", "no estoy seguro"
})
# "no se si ..." is "no sé si" (I don't know whether); "no se desmayó", "no se ha caído"
# deny: written without its accent, "se" is "I know" only before these.
KNOWING_NEXT: FrozenSet[str] = frozenset({"si", "que", "q", "qué", "como", "cómo", "donde", "dónde", "cuando", "cuándo",
                                          "bien", "nada", "lo", "exactamente", "muy", "cual", "cuál", "porque", "xq"})
# "no se (le) corta / detiene / para / quita": it does not stop
STOPPING = frozenset({"corta", "corto", "detiene", "detuvo", "para", "paro", "quita", "quito", "calma", "calmo", "cierra",
                      "va", "fue", "pasa", "paso", "cura", "curo", "controla", "controlo", "contiene", "estanca"})


def _stops_after(tokens: List) -> bool:
    words = [t.lower_ for t in tokens if t.lower_ not in {"le", "me", "te", "nos", "les", "lo", "la"}]
    return bool(words) and without_accents(words[0]) in STOPPING


# After a symptom, these say it is over or absent ("bleeding has stopped", "breathing is fine").
RESOLUTIONS: FrozenSet[str] = frozenset({
    "stop", "stopped", "fine", "ok", "okay", "normal", "gone", "resolve", "resolved", "settle",
    "settled", "pass", "passed", "away", "clear", "cleared", "wore", "worn",
    "paro", "quito", "bien", "mejor", "desaparecio", "termino",
})
HYPOTHETICAL: FrozenSet[str] = frozenset({
    "if", "possible", "possibly", "ever", "common", "rare", "happen", "happens", "cause",
    "causes", "lead", "watch", "warning", "whether", "prevent", "avoid", "case", "likely",
    "hypothetically", "true", "heard", "read", "would", "say", "suppose", "supposing", "event",
    # Spanish: "si" is "if" ("sí", yes, usually carries its accent or stands alone)
    "si", "posible", "comun", "causar", "provocar", "riesgo", "evitar", "prevenir", "previene", "prevents", "evita",
})
# "worried about infection", "signs of infection": about a risk even when said in the
# first person, so these are not overridden by report markers.
HYPOTHETICAL_PAIRS: FrozenSet[tuple] = frozenset({
    ("worried", "about"), ("worry", "about"), ("afraid", "of"), ("scared", "of"), ("worried", "a"),
    ("concerned", "about"), ("nervous", "about"), ("risk", "of"), ("risks", "of"),
    ("chance", "of"), ("chances", "of"), ("sign", "of"), ("signs", "of"),
    ("symptoms", "of"), ("symptom", "of"), ("what", "if"), ("in", "case"), ("fear", "of"),
    ("risk", "for"), ("danger", "of"), ("asks", "if"), ("asks", "whether"), ("asks", "about"), ("questions", "about"), ("preguntan", "por"), ("asking", "if"), ("ask", "if"),
    ("pregunta", "si"), ("preguntan", "si"), ("counts", "as"), ("count", "as"), ("antecedentes", "de"),
    ("que", "pasa"), ("y", "si"), ("en", "caso"), ("miedo", "a"), ("miedo", "de"),
    ("riesgo", "de"), ("senales", "de"), ("sintomas", "de"), ("que", "hago"), ("que", "hacer"),
    # a risk feared, said with an indefinite: "me preocupa una infección", "me da cosa alguna infección"
    ("preocupa", "una"), ("preocupa", "alguna"), ("preocupa", "algun"), ("cosa", "alguna"), ("cosa", "una"), ("miedo", "alguna"),
})
REPORT_MARKERS: FrozenSet[str] = frozenset({
    "normal", "now", "currently", "since", "today", "tonight", "yesterday", "morning",
    "still", "keep", "keeps", "started", "right", "this", "am", "im", "i'm", "having",
    "got", "getting", "feel", "feeling", "felt", "help", "pls", "please", "ok", "okay",
    "ahora", "ahorita", "hoy", "ayer", "anoche", "desde", "tengo", "tiene", "estoy", "sigue",
    "todavia", "aun", "ayuda", "porfa", "favor",
})
# A clause that tells an old story is not a report of now ("my uncle collapsed at a blood test
# years ago", "I had a seizure as a kid").
PAST_PHRASES = ("years ago", "year ago", "yrs ago", "back then", "as a kid", "as a child", "as a teen",
                "history of", "used to", "in the past", "back in the day", "back in school", "back in college",
                "back in uni", "back in high school", "once had", "last year", "last summer", "last winter",
                "last spring", "last autumn", "last fall", "last christmas", "cuando tenia", "cuando tenía",
                "hace años", "hace anos", "de niño", "de nino", "de niña", "de nina", "cuando era",
                "el año pasado", "el ano pasado", "hace tiempo",
                # a lifelong trait, not an event: "gets puffed on long walks, she's always been like that"
                "always been like that", "always been like this", "always been that way", "all her life",
                "all his life", "all my life", "siempre ha sido asi", "siempre ha sido así")
# Whole words: "when I washed up" is not "when I was".
PAST = re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in PAST_PHRASES) + r"|when (i|he|she|we) (was|were) "
                  r"(a|an|about|around|little|young|younger|small|pregnant|kids|children|teens|teenagers|\d+|"
                  r"in (school|college|uni|high school|my|his|her)|at (school|college|uni))"
                  r"|(in|at) (college|uni|university|high school)(?! (today|tonight|this))|(during|in) (the )?(war|army|navy)"
                  # "my aunt got sepsis after a hip op once"
                  r"|(after|during|at) (a|an|her|his|my|their|our) (\w+ )?\w+ once(?! (i|he|she|we|they|you|it|my|the)\b)"
                  # "I've fainted at jabs before": a known reaction to needles, told as a history
                  r"|(fainted|passed out|blacked out|keeled over) (at|with|from|during|over|getting|when getting|when i get) (\w+ ){0,3}"
                  r"(jabs?|injections?|shots?|needles?|blood tests?|blood draws?|bloods|vaccines?|vaccinations?|the dentist|blood)"
                  r"( \w+){0,2} before|(desmayado|desmayada|desmayo|desmayé|desmaye) (con|al ver|en|cuando me ponen) (\w+ ){0,2}"
                  r"(inyecciones|agujas|vacunas|análisis|analisis|sangre|el dentista)( \w+){0,2} (antes|otras veces|alguna vez))\b")


@dataclass(frozen=True)
class Finding:
    symptom: str
    tier: str
    text: str
    start: int  # character offsets in the original message
    end: int
    negated: bool = False
    hypothetical: bool = False
    # the clause the finding sits in (character offsets): what a denial takes away
    clause_start: int = 0
    clause_end: int = 0

    @property
    def asserted(self) -> bool:
        return not (self.negated or self.hypothetical)


@dataclass(frozen=True)
class Assessment:
    tier: Optional[str]  # "emergency", "urgent" or None
    findings: List[Finding] = field(default_factory=list)

    @property
    def asserted(self) -> List[Finding]:
        return [f for f in self.findings if f.asserted]

    @property
    def all_denied(self) -> bool:
        """Symptom words were present but each was negated, hypothetical or an idiom."""
        return bool(self.findings) and not any(f.asserted for f in self.findings)

    @property
    def symptoms(self) -> List[str]:
        return sorted({f.symptom for f in self.asserted if f.tier == self.tier})

    def without_denied(self, text: str) -> str:
        """The message with every clause that denies, asks about or jokes about a symptom
        blanked out: what is left may still report something ("no chest pain but his face
        is drooping"), which the classifier then reads on its own."""
        chars = list(text)
        for finding in self.findings:
            if not finding.asserted:
                for i in range(finding.clause_start, min(finding.clause_end, len(chars))):
                    chars[i] = " "
        return "".join(chars)


class RedFlagDetector:
    def __init__(self, nlp: "spacy.Language") -> None:
        self.nlp = nlp
        # One Matcher per symptom family, run only when the message holds a word the
        # family cannot match without: most messages name no symptom, and the Matcher's
        # set predicates cost a Python call per token and pattern.
        self.matchers: List[Tuple[Optional[FrozenSet[str]], Matcher]] = []
        for index, symptom in enumerate(SYMPTOMS):
            patterns = [compile_phrase(p, self._canonical) for p in symptom.patterns]
            matcher = Matcher(nlp.vocab)
            matcher.add(str(index), patterns)
            self.matchers.append((required_words(patterns), matcher))

    def _canonical(self, word: str) -> str:
        tokens = self.nlp(word)
        if word in SPELLING or len(tokens) != 1:
            return SPELLING.get(word, word)
        return without_accents(tokens[0].lemma_.lower())

    @classmethod
    def from_path(cls, path: Optional[Path] = None) -> "RedFlagDetector":
        from bot.spacy_pipeline import DEFAULT_DIR, build, load

        path = path or DEFAULT_DIR
        return cls(load(path) if (Path(path) / "meta.json").exists() else build())

    def assess(self, text: str, parsed: Optional[Doc] = None) -> Assessment:
        """`parsed`: a doc of the message already made with this detector's pipeline (Rasa's
        SpacyNLP parses the lower-cased text with it, bot/nlu/shared_spacy.py); used when it
        is of the very text this would parse, saving a second spaCy pass."""
        text = text or ""
        # Lower case first: spaCy's contraction and lemma tables are lower case, and
        # panicked messages are often in capitals ("HE ISNT BREATHING RIGHT"). Only when
        # that keeps every character offset (true for almost all text).
        lowered = text.lower()
        wanted = lowered if len(lowered) == len(text) else text
        if parsed is not None and parsed.vocab is self.nlp.vocab and parsed.text == wanted:
            return self.assess_doc(parsed)
        return self.assess_doc(self.nlp(wanted))

    def assess_doc(self, doc: Doc) -> Assessment:
        set_canonical_forms(doc, SPELLING)
        clause_of = _clause_ids(doc)
        # Exclusions first: "blood thinners I can't stop" must not hide "the bleeding won't stop" inside it.
        matches = [m for m in self._matches(doc) if not _excluded(doc[m[1]:m[2]], int(doc.vocab.strings[m[0]]))]
        spans = _longest_per_start(doc, matches)
        idioms = [span for span, label in spans if SYMPTOMS[label].tier == IDIOM]
        findings = [
            self._finding(doc, span, label, clause_of)
            for span, label in spans
            if SYMPTOMS[label].tier == IDIOM or not any(_inside(span, idiom) for idiom in idioms)
        ]
        if _reports_something_now(doc):
            # A question about a symptom, then "I've got it right now": a report after all.
            findings = [replace(f, hypothetical=False) for f in findings]
        findings = _recovered_faints_are_urgent(doc, findings) + _low_vital_signs(doc.text) + _a_farewell(doc.text)
        tier = max(
            (f.tier for f in findings if f.asserted and f.tier in TIER_RANK), key=TIER_RANK.get, default=None
        )
        return Assessment(tier, findings)

    def _matches(self, doc: Doc) -> List[tuple]:
        words = {t.norm_ for t in doc} | {t.lower_ for t in doc}
        return [match for required, matcher in self.matchers
                if required is None or required & words for match in matcher(doc)]

    def _finding(self, doc: Doc, span: Span, label: int, clause_of: List[int]) -> Finding:
        symptom = SYMPTOMS[label]
        clause = [t for t in doc if clause_of[t.i] == clause_of[span.start]] or list(span)
        bounds = dict(clause_start=clause[0].idx, clause_end=clause[-1].idx + len(clause[-1].text))
        if symptom.tier == IDIOM:
            return Finding(symptom.name, IDIOM, span.text, span.start_char, span.end_char, negated=True, **bounds)
        before = [t for t in clause if t.i < span.start]
        after = [t for t in clause if t.i >= span.end]
        continuation = _continuation(doc, clause, clause_of)
        question = _is_question_about(clause)
        tier = symptom.tier
        if _restarts(span):
            # "bleeding again from the spot, it had stopped": the stop is what it restarted
            # from, so only a negation before it ("not bleeding again") denies it.
            negated = not _carries_negation(span) and _negated(before, [], question)
        elif symptom.name == "stroke" and not question and not _blurred(span) and (_resolved(after) or _resolved(continuation)):
            # "my face drooped for a few minutes but it's gone now": a stroke sign that went
            # away may be a TIA, still an emergency (categories.yml stroke: urgent never);
            # only a denial before it ("no slurred speech") takes it back. Blurred sight that
            # cleared is left to the usual reading (standing up quickly, seed 000).
            negated = not _carries_negation(span) and _negated(before, [], question)
        elif symptom.name == "syncope_collapse" and tier == EMERGENCY and _recovered_after(before, after, continuation, question, span):
            # "fainted once in the shower, felt fine after": a faint with full recovery is
            # same-day (categories.yml), not over and done with; with a knock to the head or
            # a second faint, still an emergency.
            negated = False
            tier = EMERGENCY if _not_recovered(doc.text.lower()) else URGENT
        elif symptom.name == "heavy_bleeding" and tier == EMERGENCY and _a_little(span):
            # "still bleeding a little from one spot": an ooze that goes on is same-day
            # (categories.yml, heavy_bleeding urgent_when), not bleeding that won't stop.
            tier = URGENT
            negated = not _carries_negation(span) and _negated(before, after, question)
        elif symptom.name == "chest_pain" and tier == EMERGENCY and _about_a_chest_muscle(span):
            # "ache in my chest muscle where they needled my pec": a needled muscle that is
            # sore (categories.yml routine_when); same day at most, unless breathing is hit.
            tier = URGENT
            negated = not _carries_negation(span) and _negated(before, after, question)
        else:
            negated = ((not _carries_negation(span) and _negated(before, after, question)) or _resolved(continuation)
                       or _denied_right_before(before, span) or _denied_by_the_verb_after(before, after)
                       or (tier == MENTION and _denied_after(after or _next_clause(doc, clause, clause_of))))
        negated = negated or _denied_list_in_brackets(span) or (
            not _carries_negation(span) and _continues_a_denied_list(doc, clause, clause_of))
        hypothetical = (_hypothetical(before, after, clause, span) or _tells_old_story(clause)
                        or _asks_if_a_side_effect(span, clause)
                        or (symptom.name == "nerve_injury" and _a_known_condition_habit(doc))
                        or (symptom.name == "retained_needle" and _a_needle_break_feared(span))
                        or (symptom.name == "worsening_pain" and _asks_which_way_it_goes(span)))
        if hypothetical and symptom.name == "retained_needle" and not _conditional(span) and _observes_something(doc):
            hypothetical = False  # "I can feel a hard point under the skin. Could a bit be left in?"
        return Finding(
            symptom=symptom.name,
            tier=tier,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            negated=negated,
            hypothetical=hypothetical or _in_an_old_story(span, clause) or _a_subject_of_work_or_study(span),
            **bounds,
        )


def _denied_list_in_brackets(span: Span) -> bool:
    """ "none of the warning signs (breathing, chest pain, fainting), just sore": a list in
    brackets after a negation is denied item by item, though brackets break the clause."""
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 25), -1):
        if doc[i].text == ")" or doc[i].text in SENTENCE_ENDS:
            return False
        if doc[i].text == "(":
            before = doc[max(0, i - 10):i]
            return any(_canon(t) in NEGATIONS or t.lower_ in NEGATED_AUXILIARIES for t in before)
    return False


NEGATED_AUXILIARIES = frozenset({"n't", "nt", "didnt", "dont", "isnt", "wasnt", "havent", "hasnt", "doesnt", "aint"})
SIDE_EFFECT = re.compile(r"\b(side effects?|a (known|common|normal|usual|possible) (risk|reaction)|efectos? secundarios?|reaccion normal)\b")


def _asks_if_a_side_effect(span: Span, clause: List) -> bool:
    """ "is fainting a normal side effect?", "is blood in your pee ever a side effect of back
    needling?": the symptom is the subject of a question about side effects (a clause opened
    by "is", "can", "es" is one, with or without its "?"), not a report
    ("is it a side effect that I can't breathe?" has the symptom after, as a report)."""
    first = next((t for t in clause if t.text not in {"¿", "¡"}), None)
    if first is None or without_accents(first.lower_.lstrip("¿")) not in {"is", "are", "can", "could", "es", "son", "puede"}:
        return False
    between = [t.lower_ for t in span.doc[first.i + 1:span.start]]
    if len(between) > 1 or (between and between[0] not in {"the", "a", "el", "la", "los", "las", "un", "una"}):
        return False
    rest = " ".join(t.lower_ for t in clause if t.i >= span.end)
    return bool(SIDE_EFFECT.search(without_accents(rest)))


# "I've got carpal tunnel, my fingers go numb at night. Can needling help?": a long-standing
# nerve condition, named, whose numbness comes as a habit (at night, when typing) is the
# context of a question, not a nerve hit by a needle. Anything tied to a visit or to now
# ("numb since the session", "now my whole arm", "getting worse") stays a report.
KNOWN_NERVE_CONDITION = re.compile(
    r"\b(carpal tunnel|cubital tunnel|tunel (del )?carpiano|sciatica|ciatica|neuropath\w*|neuropatia)\b")
HABIT = re.compile(
    r"\b(at night|every night|at nights|in the mornings?|first thing|when i (type|sleep|drive|sit|ride|cycle|work)|"
    r"for (\w+ ){0,2}(years|months)|por las? noches?|al dormir|al despertar|cuando (duermo|escribo|conduzco|manejo))\b")
# Beyond what happens now (frames.HAPPENING_NOW): what ties it to a visit or makes it new.
TIED_TO_A_VISIT_OR_NEW = re.compile(
    r"\b(after|just|suddenly|worse|can'?t|cannot|weak|weakness|drop|dropping|despues|de repente|peor|no puedo)\b")


def _a_known_condition_habit(doc: Doc) -> bool:
    text = without_accents(doc.text.lower())
    linked_to_now = HAPPENING_NOW.search(text) or TIED_TO_A_VISIT_OR_NEW.search(text)
    return bool(KNOWN_NERVE_CONDITION.search(text) and HABIT.search(text)) and not linked_to_now


def _canon(token) -> str:
    """The canonical form set_canonical_forms gave the token."""
    return token.norm_


def _clause_ids(doc: Doc) -> List[int]:
    ids, current = [], 0
    for token in doc:
        if token.text in CLAUSE_PUNCT or token.lower_ in CLAUSE_BREAKS or _is_emoji(token.text):
            current += 1
            ids.append(-1)  # the break itself belongs to no clause
        else:
            ids.append(current)
    return ids


def _is_emoji(text: str) -> bool:
    """ "sin pulmon 😂 me cuesta respirar": an emoji ends a clause as a full stop would."""
    return all(unicodedata.category(c) in {"So", "Sk"} or c in "\u200d\ufe0f" for c in text)


LIST_WORDS = frozenset({"or", "nor", "ni", "o"})
LIST_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "my", "his", "her", "our", "yo", "mi", "su", "el", "ella"})


def _continues_a_denied_list(doc: Doc, clause: List, clause_of: List[int]) -> bool:
    """ "no fever, chills or swelling", "not any trouble breathing, swallowing or talking":
    after a comma, items joined by "or" go on the list a negation began, unless the clause
    tells something of its own (a subject, a "but", a present word, its own negation)."""
    words = {t.lower_ for t in clause}
    if not words & LIST_WORDS or words & (TURNS | PRESENT_MARKERS | LIST_SUBJECTS):
        return False
    if any(_canon(t) in NEGATIONS | {"not", "cannot"} for t in clause):
        return False
    current = clause
    for _ in range(3):
        start = current[0].i
        if start < 2 or doc[start - 1].text != ",":
            return False
        previous = [t for t in doc if clause_of[t.i] == clause_of[start - 2]] if clause_of[start - 2] >= 0 else []
        if not previous:
            return False
        if any(_canon(t) in NEGATIONS | {"not"} or t.lower_ in CONTRACTED_NEGATIONS for t in previous):
            return True
        if len(previous) > 3 or {t.lower_ for t in previous} & (TURNS | PRESENT_MARKERS | LIST_SUBJECTS):
            return False
        current = previous
    return False


def _next_clause(doc: Doc, clause: List, clause_of: List[int]) -> List:
    """ "tongue and throat are fine": the words that say something about a bare mention."""
    if not clause:
        return []
    return [t for t in doc if clause_of[t.i] == clause_of[clause[-1].i] + 1]


def _continuation(doc: Doc, clause: List, clause_of: List[int]) -> List:
    """The next clause when it is about the same thing: "... but it went away"."""
    if not clause or clause[-1].i + 2 >= len(doc):
        return []
    following = _next_clause(doc, clause, clause_of)
    if following and following[0].lower_ in {"it", "that", "which", "they", "its", "it's", "this"}:
        return following
    return []


NOW_PHRASES = ("right now", "at the moment", "currently", "i've got it", "ive got it", "i have it now",
               "happening now", "having it now", "as we speak", "at the minute")


def _reports_something_now(doc: Doc) -> bool:
    text = NOT_NOW.sub(" ", doc.text.lower())
    return any(phrase in text for phrase in NOW_PHRASES) or bool(GOING_ON_FOR.search(text))


# "Not happening right now, just asking ahead of time": a now that is denied
NOT_NOW = re.compile(r"\b(not|nothing'?s?|isn'?t|is not) (\w+ )?(happening )?(right now|at the moment|currently|now)\b")


# "is it meant to hurt more each day? 72 hrs now": how long it has gone on, told as a report.
GOING_ON_FOR = re.compile(r"\b\d+ ?(hrs|hours|days|dias|días|horas) (now|ya|already)\b")


# A car park walked through is a place, not the fee that "nearly gave me a heart attack":
# "del parking al coche me he quedado sin aire" is a report.
PLACE_PASSED = re.compile(r"\b(del|desde el|al|hasta el|en el|from the|to the|across the|through the|in the) "
                          r"(parking|estacionamiento|car park|parking lot)\b")


def _tells_old_story(clause: List) -> bool:
    """An old story ("collapsed at a blood test years ago", "sepsis in 2019") or a figure
    of speech about money, work or traffic ("nearly had a heart attack when I saw the bill")."""
    text = PLACE_PASSED.sub(" ", " ".join(t.lower_ for t in clause))
    words = set(text.split())
    text = NO_HISTORY.sub(" ", text)  # "no known history of epilepsy" tells of no old story
    return (bool(PAST.search(text)) or bool(words & FIGURATIVE_CONTEXT)
            or bool(YEAR.search(text)) or bool(FRAMES["past_or_other"].search(text)))


def _in_an_old_story(span: Span, clause: List) -> bool:
    """ "had a kidney stone in 2019, blood in the pee back then": the clause is part of a
    sentence that tells an old or someone else's story (a year, "years ago", a documentary,
    what a friend said) and says nothing in the present. "Years ago I had a collapsed lung
    and now I can't breathe", "passed out twice since getting home, once in the car park"
    stay reports: a present word anywhere in the sentence keeps it one."""
    sentence = _sentence_of(span)
    text = " ".join(t.lower_ for t in sentence)
    scope = " ".join(t.lower_ for t in _present_scope(sentence, clause))
    if set(SOMEONE_ELSES.sub(" ", FINE_NOW.sub(" ", ASKING_ABOUT_IT.sub(" ", scope))).split()) & PRESENT_MARKERS:
        return False
    text = NO_HISTORY.sub(" ", text)
    return bool(YEAR.search(text) or STORY.search(text) or AGO.search(text)
                or bool(PAST.search(text)) or _about_an_old_job(text))


# Someone from an old job, told of: "my old boss passed out in a meeting once". Unless it
# is just happening: "my old boss just collapsed in front of me".
OLD_JOB = re.compile(r"\b(my|an|our) (old|former|ex|ex-) (boss|manager|supervisor|coworker|co-worker|colleague)\b"
                     r"|\bmi (antiguo|antigua|ex) ?(jefe|jefa|companero|compañero|companera|compañera)\b")
# Beyond what happens now (frames.HAPPENING_NOW): a witness's own words.
JUST_HAPPENING = re.compile(r"\b(just|in front of me|acaba de|aqui|aquí|delante de mi|delante de mí)\b")


def _about_an_old_job(text: str) -> bool:
    return bool(OLD_JOB.search(text)) and not (HAPPENING_NOW.search(text) or JUST_HAPPENING.search(text))


# The symptom as the subject of a job, a course, a talk or a piece of writing: "training in
# managing fainting", "a piece about fainting", "cursos de primeros auxilios para desmayos".
SUBJECT_OF = re.compile(
    r"\b(training in|trained in|qualified in|skilled in|experienced in|experience (in|with|treating|managing|of)|"
    r"studying|researching|(certificate|certification|qualification|training|course) (that )?(covers|covering|including)|"
    r"(a|an|the|your|our|my) (\w+ )?(piece|article|story|post|"
    r"blog|essay|paper|thesis|talk|lecture|seminar|workshop|webinar|course|module|leaflet|poster|podcast|chapter|"
    r"presentation|project) (on|about)|first aid (for|course|training)|(courses?|classes|workshops?|seminars?) (on|in|for|about)|awareness (of|about)|prevention of|"
    r"experiencia (en|con|tratando|manejando)|cursos? (de|sobre|para)|talleres? (de|sobre)|charlas? (de|sobre)|"
    r"(un|el|una|la) (articulo|reportaje|trabajo|proyecto|video|libro) (de|sobre)|prevencion (de|del)|primeros auxilios( para)?)$")
SUBJECT_REACH = 6  # tokens from the cue's end to the symptom


# What a health worker sees at work: "I'm an ICU nurse so I see pneumothorax and sepsis every
# week", "soy enfermera de urgencias y veo de todo: infartos, ictus...". The job, then a verb of
# seeing or knowing, then the symptom, in one sentence with no present report between.
HEALTH_JOB = re.compile(
    r"\b(i'?m|im|i am|work as|worked as|working as) (a|an) (\w+ ){0,2}(nurse|paramedic|emt|doctor|physician|medic|gp|"
    r"surgeon|midwife|pharmacist|radiographer|sonographer|technician|tech|physio|physiotherapist|carer|caregiver|"
    r"first responder|firefighter|lifeguard|anaesthetist|anesthetist|resident|intern|pathologist)\b"
    r"|\bsoy (\w+ ){0,2}(enfermer[oa]|medic[oa]|paramedic[oa]|tecnic[oa]|fisio|fisioterapeuta|matrona|farmaceutic[oa]|"
    r"socorrista|bomber[oa]|cuidador[a]?|sanitari[oa]|residente|doctor[a]?)\b"
    r"|\btrabajo (de|como|en) (\w+ ){0,2}(enfermer[oa]|urgencias|ambulancias?|hospital|uci|laboratorio|emergencias)\b")
SEEN_AT_WORK = frozenset({"see", "seen", "know", "handle", "treat", "veo", "vemos", "viendo", "trato", "tratamos",
                          "conozco", "atiendo", "atendemos", "manejo"})
SEEN_REACH = 15  # tokens from the verb to the symptom
# "I'm a nurse and I see that my dad has collapsed": someone seen now, a report
SEEN_NOW = frozenset({"that", "que", "q", "my", "mi", "mis", "his", "her", "him", "he", "she", "su", "sus", "el", "él",
                      "ella", "has", "ha", "your", "tu", "our", "nuestro", "nuestra"})


def _seen_at_work(span: Span) -> bool:
    sentence = [t for t in _sentence_of(span) if t.i < span.start]
    for position, token in enumerate(sentence):
        if token.lower_ not in SEEN_AT_WORK or span.start - token.i > SEEN_REACH:
            continue
        job_before = without_accents(span.doc.text[sentence[0].idx:token.idx].lower())
        between = {t.lower_ for t in sentence[position + 1:]}
        if HEALTH_JOB.search(job_before) and not between & (PRESENT_MARKERS | SEEN_NOW):
            return True
    return False


def _a_subject_of_work_or_study(span: Span) -> bool:
    if _seen_at_work(span):
        return True
    doc = span.doc
    start = max(0, span.start - SUBJECT_REACH)
    for i in range(span.start - 1, start - 1, -1):
        if doc[i].text in SENTENCE_ENDS or doc[i].lower_ in PRESENT_MARKERS or doc[i].lower_ in {"i", "yo"}:
            return False  # "I read the article about fainting and now I fainted": a report
        if SUBJECT_OF.search(without_accents(doc[max(0, i - 3):i + 1].text.lower())):
            return True
    return False


# "had COVID in 2021 and was breathless for months, but I'm back to running now": what comes
# after a "but" tells how it ended, not a symptom now.
TURNS = frozenset({"but", "though", "although", "pero", "aunque"})


def _present_scope(sentence: List, clause: List) -> List:
    """The sentence up to the end of the span's clause, and on until a "but"."""
    end = clause[-1].i if clause else sentence[0].i
    scope = [t for t in sentence if t.i <= end]
    for token in (t for t in sentence if t.i > end):
        if token.lower_ in TURNS:
            break
        scope.append(token)
    return scope


NO_HISTORY = re.compile(r"\b(no|without|never had any|nil)( known| previous| prior| past)? history of\b")
AGO = re.compile(r"\b(\w+ )?(years|yrs|months|decades|(a|one) (year|month|decade)) (ago|back)\b|\bhace (\w+ ){0,2}(años|anos|año|ano|meses|mes)\b"
                 # "Before ten years, when I was student, I fainted": an old story in other Englishes
                 r"|\bbefore (\w+ )?(years|yrs|decades)\b|\bwhen i was (a )?(student|kid|child|teen|teenager|little|young|at school|in school)\b")


def _sentence_of(span: Span) -> List:
    """The tokens between sentence ends (. ! ? or a new line) around the span."""
    doc, start, end = span.doc, span.start, span.end
    while start > 0 and doc[start - 1].text not in SENTENCE_ENDS:
        start -= 1
    while end < len(doc) and doc[end].text not in SENTENCE_ENDS:
        end += 1
    return list(doc[start:end])


SENTENCE_ENDS = {".", "!", "?", "\n", "\n\n"}
# Words that put a clause in the present: it is a report, whatever the sentence tells.
PRESENT_MARKERS = frozenset({
    "am", "is", "are", "'m", "im", "i'm", "can't", "cant", "cannot", "ca", "wo", "won't", "keeps", "keep",
    "still", "getting", "now", "currently", "since", "today", "tonight", "twice", "again", "estoy", "esta", "está", "estan",
    "están", "tengo", "tiene", "sigue", "sigo", "ahora", "hoy", "desde", "puedo", "puede",
})
# Someone else's story, told: fiction, the news, what a friend said.
STORY = re.compile(r"\b(documentary|documentaries|movie|film|tv show|on tv|the news|a book|my book|novel|character|"
                   r"a video|a clip|youtube|tiktok|instagram|a series|una serie|un video|un vídeo|"
                   r"podcast|article|i read|i heard(?! (a |an |something |some |this |the )?(little |small |tiny |loud |weird |strange |faint )?(click|snap|crack|pop|noise|sound))|i saw online|my friend said|someone said|people say|"
                   r"un documental|una pelicula|una película|en la tele|en las noticias|me contaron|me conto|me contó|lei que|leí que)\b"
                   # what a stranger was seen doing: "she once saw someone go into anaphylaxis"
                   r"|\b(saw|seen) (someone|somebody|a guy|a girl|a man|a woman)\b"
                   # a family story or a trait: "tells the story of how she fainted", "the type who faints"
                   r"|\b(tells|told|telling) the story\b|\bthe (type|kind|sort) (who|that|of person)\b"
                   # the risks a paper names: "the consent form mentions infection, fainting etc"
                   r"|\b(form|forms|leaflet|pamphlet|brochure|handout|website|paperwork|consentimiento|folleto|formulario|"
                   r"hoja|papel|papeles)\b( \w+){0,3} (mentions?|mentioned|lists?|listed|warns?|warned|talks about|"
                   r"menciona|mencionan|mencionaba|pone|ponia|ponía|habla de|hablaba de|advierte)\b")
# "ahora todo bien": how the story ended, not a symptom now.
FINE_NOW = re.compile(r"\b(now|ahora|hoy|today|these days|nowadays|hoy en dia|hoy en día|ya) (todo bien|all good|estoy bien|i'?m fine|im fine|fine|ok|okay|bien)\b"
                      # "el año pasado tuve neumonía ..., ya estoy perfecto"
                      r"|\b(now|ahora|ya) (i'?m|im|estoy) (perfect|perfecto|perfecta|perfectamente|recuperad[oa]|fully recovered|totally fine|completely fine|100 ?%)"
                      r"|\bya (esta|está|estoy|se) (curad[oa]|curo|curó|sano|sana|sanado|sanada)\b|\b(it'?s|all) healed( up)? now\b"
                      r"|\b(never|not|nothing|none|nada) (since|desde)\b"
                      # "had a heart attack in March, he's doing great with cardiac rehab now"
                      r"|\b(doing|feeling|feels|recovered|recovering) (really |so |very |much |super )?(great|well|fine|good|better|"
                      r"brilliant|brilliantly|amazing)( \w+){0,4} (now|ahora)\b"
                      # a worry the story leaves: "and now I'm kinda spooked lol"
                      r"|\b(now|ahora) (i ?'?m|im|i am|estoy|me da) (\w+ )?(spooked|scared|worried|nervous|anxious|freaked|terrified|"
                      r"asustad[oa]|nervios[oa]|preocupad[oa]|miedo|cosa)\b")
# "a story about someone getting an infection": their present, in a story told
SOMEONE_ELSES = re.compile(r"\b(someone|somebody|people|a (guy|girl|man|woman|person|patient|lady|friend)) (getting|having|who is|who's)\b")
# "is that real?" asks about the story; it does not put the story in the present.
# So does asking whether the person may come: "se desmayó hace años, ¿ella puede venir?"
ASKING_ABOUT_IT = re.compile(r"\b(is|was) (that|it|this) (real|true|normal|possible|right|common|likely)\b"
                             r"|\b(puede|puedo|podria|podrá|podra) (venir|ir|hacerse|hacerlo|tratarse|atenderse)\b"
                             # "all fixed in 2015 - is needling safe for his back now?"
                             r"|\b(is|would|will) (it|needling|dry needling|dn|this|that) (be )?(safe|ok|okay|fine|alright)( for (him|her|me|them|us|you|my|his|their)( \w+)?)?( now| today)?")


YEAR = re.compile(r"\b(in|en|back in|around) (19[5-9]\d|20[0-2]\d)\b"
                  # "a heart attack in March" ("in may" is left out: "may" is also a verb)
                  r"|\b(in|back in|last|en|el pasado) (january|february|march|april|june|july|august|september|october|"
                  r"november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
                  r"noviembre|diciembre)\b|\bin the (19)?[5-9]0s\b|\bas a (baby|toddler|teenager)\b")
# Words that make symptom words in their clause a figure of speech, not a report. Laughter
# ("lol", "jaja") is not one: people laugh off what frightens them ("lol i keep fainting");
# "seguro" is also "surely" ("seguro no es nada").
FIGURATIVE_CONTEXT = frozenset({
    "bill", "invoice", "price", "prices", "quote", "fee", "fees", "deadline", "deadlines", "paperwork", "traffic",
    "factura", "precio", "precios",
    # not "suegra" / "mother-in-law", "boss" / "jefe": people are patients too ("mi suegra no
    # hila nada de lo q dice, empezo hoy", "my boss just collapsed at his desk"); the jokes
    # about them are told by their idioms ("me saca de quicio", "my boss is killing me")
    "trafico", "papeles", "quicio", "invoice", "receipt",
    "booking", "form", "forms", "emails", "inbox", "insurance", "insurer", "parking", "money",
    "robbery", "joke", "jokes", "laughed", "laughing", "laugh", "receptionist", "website", "online",
    "rebook", "driving", "aseguranza", "formulario", "chiste", "risa", "parqueo", "cobran",
})


# "fainted ... but I'm fine now": a single faint with full recovery is urgent, not an
# emergency (categories.yml, syncope_collapse), unless it happened again or hurt them.
RECOVERED = ("fine now", "ok now", "all good now", "good now", "okay now", "alright now", "better now", "came round", "came around",
             "came to", "woke up", "recovered", "back to normal", "with it now", "herself again", "himself again", "myself again", "feel fine", "feels fine", "im fine",
             "i'm fine", "i am fine", "seems fine", "felt fine", "feeling fine", "fine after", "fine since", "bien ahora", "ya estoy bien", "ya esta bien",
             "ya está bien", "se recupero", "se recuperó", "desperto", "despertó", "volvio en si", "volvió en sí")
WEAKNESS = re.compile(r"weak|grip|lift|hold|move|floppy|limp|paralys|paralyz|debil|fuerza|mover")
NOT_RECOVERED = ("again", "twice", "second time", "2nd time", "third time", "keeps", "keep", "hit", "head", "injured", "injury", "bleeding", "not waking",
                 "otra vez", "de nuevo", "golpe", "cabeza", "no despierta", "volvio a", "volvió a", "vuelve a",
                 "dos veces", "varias veces")


RESTART_WORDS = frozenset({"every", "again", "restart", "restarted", "restarting", "otra", "nuevo", "volvio", "vuelve", "volvia"})


def _restarts(span: Span) -> bool:
    return any(t.lower_ in RESTART_WORDS or _canon(t) in RESTART_WORDS for t in span)


def _recovered_after(before: List, after: List, continuation: List, question: bool, span: Span) -> bool:
    """A faint said to be over ("came round", "fine after"), not denied ("didn't faint")."""
    if _carries_negation(span) or question:
        return False  # "no contesta bien", "not responding normal": "bien" is not a recovery
    return not _negated(before, [], question) and (_resolved(after) or _resolved(continuation))


# An injury denied is none: "didn't hit anything", "sin golpes"
NO_INJURY = re.compile(r"\b(didn'?t|did not|never|no|without|sin|ni) (hit(ting)?|bang(ing|ed)?|bump(ing|ed)?) (\w+ )?(anything|my head|his head|her head|head)?"
                       r"|\b(no|sin|ni) (se |me |le )?(golpe[oóeé]?s?|pego|pegó|pegue|pegué)\b|\bno (injur(y|ies)|head injury)\b")


def _not_recovered(text: str) -> bool:
    """A second faint or an injury; "herself again" is a recovery, not a second time."""
    text = NO_INJURY.sub(" ", text)
    for phrase in RECOVERED:
        text = text.replace(phrase, " ")
    return any(p in text for p in NOT_RECOVERED)


def _recovered_faints_are_urgent(doc: Doc, findings: List[Finding]) -> List[Finding]:
    text = doc.text.lower()
    faints = [f for f in findings if f.symptom == "syncope_collapse" and f.tier == EMERGENCY and f.asserted]
    # with weakness a faint stays an emergency (categories.yml, neuro signs): "came to and my hand won't grip"
    others = [f for f in findings if f.asserted and f.symptom != "syncope_collapse"
              and (f.tier == EMERGENCY or (f.symptom == "nerve_injury" and WEAKNESS.search(f.text.lower())))]
    if not faints or others or not any(p in text for p in RECOVERED) or _not_recovered(text):
        return findings
    return [replace(f, tier=URGENT) if f in faints else f for f in findings]


# Breathing told by a watch or an oximeter: oxygen saturation of 92 % or less, or 25 or more
# breaths a minute, is a red flag in telephone triage (NEWS2 scores both at their top band).
OXYGEN = re.compile(r"\b(?:o2|spo2|sp02|sats?|oxygen|saturation|oxigeno|oxígeno|saturacion|saturación)\b\D{0,14}?(\d{2})(?!\d)\s*%?")
BREATH_RATE = re.compile(r"\b(?:resp(?:iratory)?\.? rate|rr|breaths? (?:a|per) min(?:ute)?|respiraciones por minuto|frecuencia respiratoria)\b\D{0,14}?(\d{2})(?!\d)")


# "what if my o2 drops to 90?": a reading asked about, not taken
READING_ASKED = re.compile(r"\b(if|when|should|could|would|in case|si|cuando)\b[^.!?]*$")


def _low_vital_signs(text: str) -> List[Finding]:
    lowered = text.lower()
    found = [m for m in OXYGEN.finditer(lowered) if 50 <= int(m.group(1)) <= 92]
    found += [m for m in BREATH_RATE.finditer(lowered) if 25 <= int(m.group(1)) <= 70]
    found = [m for m in found if not READING_ASKED.search(lowered[:m.start()])]
    return [Finding("breathing", EMERGENCY, text[m.start():m.end()], m.start(), m.end(),
                    clause_start=0, clause_end=len(text)) for m in found]


# Thanks for having tried, said with a goodbye or with no more visits needed: a farewell
# (crisis-line practice), told across sentences the phrase patterns do not span. "Thanks for
# trying to fit me in" is about a booking.
_THANKS_FOR_TRYING = (r"\b(?:thanks|thank (?:you|u)|thx|ty) (?:so much |again )?for (?:trying|everything you tried)\b"
                      r"(?! to (?:fit|get|find|book|squeeze|call|reach|sort|schedule|move|arrange|rebook))")
_GOODBYE = (r"\b(?:goodbye|good bye|farewell|bye|won'?t (?:need|be needing)|wont (?:need|be needing)|"
            r"not (?:going to|gonna) (?:be around|need))\b")
FAREWELL = re.compile(rf"{_THANKS_FOR_TRYING}.*{_GOODBYE}|{_GOODBYE}.*{_THANKS_FOR_TRYING}"
                      r"|\bgracias por (?:intentarlo|todo lo que intentaron|haberlo intentado)\b.*\b(?:adios|adiós|no (?:voy a|vuelvo a) necesitar)\b"
                      r"|\b(?:adios|adiós)\b.*\bgracias por (?:intentarlo|todo lo que intentaron|haberlo intentado)\b", re.S)


def _a_farewell(text: str) -> List[Finding]:
    found = FAREWELL.search(text.lower())
    return [Finding("self_harm", EMERGENCY, text[found.start():found.end()], found.start(), found.end(),
                    clause_start=0, clause_end=len(text))] if found else []


def _inside(span: Span, idiom: Span) -> bool:
    """Only words wholly inside a figure of speech are ignored: "can't breathe" stays a
    symptom even if some idiom pattern happens to start at "breathe"."""
    return idiom.start <= span.start and span.end <= idiom.end


def _excluded(span: Span, label: int) -> bool:
    """A word that names a symptom only in some company: "collapsed lung" is a question
    about a lung, not about someone who collapsed."""
    if SYMPTOMS[label].name == "self_harm" and _small_number(span):
        return True  # "took 2 tylenol for the soreness" is a dose, not an overdose
    if SYMPTOMS[label].name == "self_harm" and _a_daily_regimen(span):
        return True  # "takes 9 different tablets a day for her pressure": her medicines, not an overdose
    if SYMPTOMS[label].name == "retained_needle" and span[-1].lower_ in LEAVING and _next_word(span) in PEOPLE_LEFT_FEELING:
        return True  # "will the needling leave me feeling wiped?": a state it leaves, not a needle
    if SYMPTOMS[label].name == "retained_needle" and span[-1].lower_ == "left" and _next_word(span) in BODY_SIDES:
        return True  # "needling on my left arm": a side, not a needle left in
    if SYMPTOMS[label].name == "worsening_pain" and (not _rising(span) or _worse_the_morning_after(span)):
        return True  # "from a 7 to a 3" is getting better; sorer the day after is expected
    if SYMPTOMS[label].name == "nerve_injury" and WEAK_EVIDENCE.search(" ".join(t.lower_ for t in _sentence_of(span))):
        return True  # "he said the research is weak": the studies, not a limb
    if any(t.lower_ in RISK_WORDS for t in span):
        return True  # "tiene riesgo de derrame?": a phrase with "risk" inside asks about one
    if SYMPTOMS[label].name == "retained_needle" and span[-1].lower_ == "left" and _left_in_for_a_moment(span):
        return True  # "put the needles in shallow and left them for a bit": the technique, not a needle left behind
    if SYMPTOMS[label].name == "retained_needle" and len(span) > 3 and span[1].lower_ == "of" and span[2].lower_ in {"a", "an"} \
            and not span[3].lower_.startswith(("needle", "pin", "tip", "metal")):
        return True  # "a bit of a fainter with needles": a kind of person, not a piece of needle
    if SYMPTOMS[label].name == "infection" and span.start > 0 and span.doc[span.start - 1].lower_ in ILLNESS_SITES:
        return True  # "a chest infection his GP is treating": an illness, not the needle site
    if SYMPTOMS[label].name == "altered_consciousness" and span[-1].lower_ in WHERE_IT_IS and _next_word(span) in DETERMINERS:
        return True  # "no sabe donde esta la clinica": a place looked for, not someone lost
    if SYMPTOMS[label].name == "altered_consciousness" and _a_claim_called_nonsense(span):
        return True  # "some sites say it's nonsense": a claim judged, not someone talking nonsense
    if SYMPTOMS[label].name == "retained_needle" and _a_technique_told(span):
        return True  # "different from just putting the needle in and leaving it there": how needles are used
    if SYMPTOMS[label].name == "retained_needle" and _needles_in_general(span):
        return True  # "having needles stuck in your muscles is dangerous": the treatment, not a needle left in
    if SYMPTOMS[label].name == "worsening_pain" and _long_standing(span):
        return True  # "fibromyalgia, pain all over for many years now, and the tablets are not helping": a chronic illness
    if SYMPTOMS[label].name == "allergic_local" and _a_known_allergy(span):
        return True  # "allergic to nickel, cheap earrings bring me out in a rash every time": a history, not a reaction
    if any(t.lower_ in LUMPS for t in span) and _knots_by_name(span):
        return True  # "hard little lumps ... the physio called them trigger points": the knots treated
    if SYMPTOMS[label].name == "heavy_bleeding" and _a_medicine_for_the_blood(span):
        return True  # "toma Sintrom para la sangre y le molesta mucho la espalda": what the medicine is for
    if SYMPTOMS[label].name == "heavy_bleeding" and len(span) > 1 and span[1].lower_ in NOT_ABOUT_BLEEDING:
        return True  # "blood thinners I can't stop": a medicine; "the bleeding won't stop" is its own span
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.text == "-" and span.end + 1 < len(span.doc):
        following = span.doc[span.end + 1]  # "seizure-free" is "seizure free"
    next_word = _canon(following) if following is not None else ""
    root = {span.root.lower_, _canon(span.root)}  # "colapsed lung" is "collapsed lung"
    return any(root & words and next_word in after for words, after in EXCLUSIONS.get(SYMPTOMS[label].name, []))


SAYING = frozenset({"say", "says", "said", "saying"})
COPULAS = frozenset({"is", "'s", "s", "was", "are", "'re", "were", "its", "all", "just", "es", "son", "era"})


def _a_claim_called_nonsense(span: Span) -> bool:
    """ "say (that) it's nonsense": a subject and a copula between saying and the nonsense make it a
    verdict; "what he says is gibberish" (the copula right after) is still his speech."""
    return (span[0].lower_ in SAYING and len(span) > 2 and span[1].lower_ not in COPULAS
            and any(t.lower_ in COPULAS for t in span[2:-1]))


GENERIC_OWNERS = frozenset({"your", "you", "people", "someone", "somebody", "anyone", "one's"})
HAVING = frozenset({"having", "getting", "get", "have", "gets", "has"})


def _needles_in_general(span: Span) -> bool:
    """ "having needles stuck in your muscles": what the treatment is, said of anyone."""
    doc = span.doc
    before = {t.lower_ for t in doc[max(0, span.start - 2):span.start]}
    after = [t.lower_ for t in doc[span.end:span.end + 2]]
    return bool(before & HAVING) and len(after) == 2 and after[0] in {"in", "into"} and after[1] in GENERIC_OWNERS


STILL_THERE = frozenset({"still", "forgot", "forgotten", "stuck", "remains", "sigue", "todavia", "todavía", "olvido", "olvidó", "olvidaron"})
PUTTING = frozenset({"putting", "sticking", "inserting", "popping", "placing", "poniendo", "metiendo", "clavando"})


def _a_technique_told(span: Span) -> bool:
    """ "putting the needle in and leaving it there": a way of needling, said with no one in it."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    after = [t.lower_ for t in doc[span.end:span.end + 2]]
    leaves = any(t.lower_ in LEAVING | {"dejando", "dejarla", "dejarlas"} for t in span) or (after[:1] and after[0] in LEAVING)
    sentence = {t.lower_ for t in _sentence_of(span)}
    return (bool(set(before) & PUTTING) and bool(leaves) and not set(after) & {"me", "him", "her", "inside", "adentro", "dentro"}
            and not sentence & STILL_THERE)


# Years of it, with nothing in the sentence that ties it to a session or makes it new: a chronic condition.
YEARS_LONG = re.compile(r"\bfor (\w+ ){0,2}years\b|\b(desde )?hace (\w+ ){0,2}anos\b|\bde (\w+ )?anos\b")
SINCE_OR_NEW = re.compile(r"\b(since|new|desde (la|el)|nuevo|nueva)\b")


def _long_standing(span: Span) -> bool:
    sentence = without_accents(" ".join(t.lower_ for t in _sentence_of(span)))
    tied = TIED_TO_A_VISIT_OR_NEW.search(sentence) or NEEDLE_SITE.search(sentence) or SINCE_OR_NEW.search(sentence)
    return bool(YEARS_LONG.search(sentence)) and not tied


# "allergic to nickel ... a rash every time": a known allergy told as a habit, nothing now
ALLERGIC_TO = re.compile(r"\b(allergic to|alergic[oa] (a|al)|allergy to|alergia (a|al))\b")
EVERY_TIME = re.compile(r"\b(every time|everytime|whenever|always|each time|siempre|cada vez|me dan|me da|me salen?)\b")
NOW_OR_SINCE = re.compile(r"\b(now|today|tonight|since|after|just|right now|ahora|hoy|desde|despues|acaba\w*)\b")


def _a_known_allergy(span: Span) -> bool:
    text = without_accents(span.doc.text.lower())
    return bool(ALLERGIC_TO.search(text) and EVERY_TIME.search(text)) and not NOW_OR_SINCE.search(text)


LUMPS = frozenset({"lump", "lumps", "bump", "bumps", "bulto", "bultos", "bolita", "bolitas"})
KNOT_NAMES = re.compile(r"\b(call|calls|called|calling|named|says|said|dice|dijo|llama|llam[oó]|llaman)\b.{0,25}"
                        r"\b(trigger points?|knots?|nudos?|puntos? gatillo|contracturas?)\b")
NEEDLE_SITE = re.compile(r"\b(needl\w*|pin|pins|session|treatment|aguja\w*|pinch\w*|punci[oó]n|sesi[oó]n|where|donde)\b")


def _knots_by_name(span: Span) -> bool:
    """A lump someone in the sentence calls a trigger point or knot, with no needle site in it
    ("is that a knot?" asks, and stays a lump to check)."""
    sentence = " ".join(t.lower_ for t in _sentence_of(span))
    return bool(KNOT_NAMES.search(sentence)) and not NEEDLE_SITE.search(sentence)


LEAVING = frozenset({"leave", "leaves", "leaving", "left"})
PEOPLE_LEFT_FEELING = frozenset({"me", "you", "u", "him", "her", "them", "us", "people", "patients", "someone", "everyone"})
WHERE_IT_IS = frozenset({"esta", "está", "estaba"})
DETERMINERS = frozenset({"la", "el", "los", "las", "su", "sus", "mi", "mis", "tu", "tus", "un", "una", "nuestra", "nuestro"})
SHORT_WHILE = frozenset({"bit", "while", "moment", "minute", "minutes", "mins", "min", "second", "seconds", "secs", "sec"})


def _left_in_for_a_moment(span: Span) -> bool:
    """ "left them (in) for a bit / a few minutes": needles left in place during the session."""
    following = [t.lower_ for t in span.doc[span.end:span.end + 6]]
    if not following or following[0] not in {"them", "it", "in", "for"}:
        return False
    return "for" in following[:3] and bool(set(following) & SHORT_WHILE)


def _a_medicine_for_the_blood(span: Span) -> bool:
    """ "pastillas para la sangre": the blood a medicine is for, not blood coming out."""
    before = [t.lower_ for t in span.doc[max(0, span.start - 2):span.start]]
    return span[0].lower_ == "sangre" and before[-2:] in (["para", "la"], ["pa", "la"])


# "<site> infection" names an illness of its own, not an infected needle site.
ILLNESS_SITES = frozenset({"chest", "ear", "throat", "sinus", "tooth", "eye", "bladder", "urinary", "urine", "water", "yeast",
                           "fungal", "viral", "stomach", "tummy", "respiratory", "gum", "dental"})

BODY_SIDES = frozenset({"arm", "leg", "side", "shoulder", "hip", "knee", "foot", "hand", "calf", "thigh", "glute", "buttock",
                        "ankle", "wrist", "elbow", "neck", "and", "lower", "upper", "trap", "traps", "forearm", "shin", "heel"})


def _next_word(span: Span) -> str:
    return span.doc[span.end].lower_ if span.end < len(span.doc) else ""


def _rising(span: Span) -> bool:
    """A pain score told as "from a 4 to an 8" rises; any other span is left alone."""
    numbers = [t for t in span if t.like_num]
    if len(numbers) != 2 or not any(t.lower_ == "from" for t in span):
        return True
    try:
        return float(numbers[1].text) > float(numbers[0].text)
    except ValueError:
        return True


# Soreness worse the morning after the session is what seed 004 expects ("may be worse the
# morning after treatment"; categories.yml, worsening_pain routine_when): compared with the
# day before and told on the day after, unless days have passed or it keeps rising.
COMPARED_WITH_THE_DAY_BEFORE = re.compile(r"\b(yesterday|last night|before|ayer|anoche|antes|el mismo dia|el mismo día|el primer dia|el primer día)\b")
THE_DAY_AFTER = re.compile(
    r"\b(session|needling|dn|appointment|treatment|appt) (was )?(yesterday|last night)\b|\byesterday'?s (session|needling|appointment|treatment|appt)\b"
    r"|\b(had|got) (it|dn|needling|dry needling|needled|the needling|my session|a session|my first session)( done)? (yesterday|last night)\b"
    r"|\b(the|next) (morning|day) after\b|\bnext morning\b|\b(ayer|anoche) me (hicieron|pincharon|puncionaron|hice)\b"
    r"|\bme (hice|hicieron)( la)? (dn|puncion|punción)( seca)? (ayer|anoche)\b|\b(al|el) d[ií]a siguiente\b|\bla ma[nñ]ana siguiente\b")
DAYS_LATER = re.compile(r"\b(day|dia|día) (3|4|5|6|7|three|four|five|tres|cuatro|cinco)\b|\b(third|fourth|fifth|tercer|cuarto|quinto) (day|dia|día)\b"
                        r"|\b(48|72|96) ?(h|hrs|hours|horas)\b|\b(still|keeps?|sigue|todavia|todavía|cada vez|every day|a week|una semana)\b")


def _worse_the_morning_after(span: Span) -> bool:
    doc = span.doc
    compared = doc[span.start:min(len(doc), span.end + 4)].text.lower()
    text = doc.text.lower()
    return bool(COMPARED_WITH_THE_DAY_BEFORE.search(compared) and THE_DAY_AFTER.search(text) and not DAYS_LATER.search(text))


# "the research is weak", "la evidencia es débil": weak studies, not a weak limb
WEAK_EVIDENCE = re.compile(r"\b(research|evidence|studies|study|science|data|proof|argument|case|link|signal|wifi|wi-fi|coffee|tea|"
                           r"investigacion|investigación|evidencia|estudios?|pruebas|cafe|café)\b( \w+){0,4} (weak|debil|débil|debiles|débiles)\b")


RISK_WORDS = frozenset({"risk", "risks", "riesgo", "riesgos", "chance", "chances", "peligro",
                        "complication", "complications", "complicacion", "complicación", "complicaciones"})
NOT_ABOUT_BLEEDING = frozenset({"thinner", "thinners", "pressure", "test", "tests", "sugar", "type", "donation", "work"})


# From this many tablets on, "took N ..." reads as an overdose (with a number below it, the
# classifier still reads the rest of the message).
OVERDOSE_COUNT = 8


# A count of different medicines, or tablets taken every day, is a regimen.
REGIMEN = re.compile(r"^(\S+ ){0,3}?(a day|per day|daily|each day|every day|al dia|al día|diarias|diarios|por dia|por día|cada dia|cada día)\b"
                     r"|\b(different|distintas|distintos|diferentes|kinds of|types of|tipos de)$")


def _a_daily_regimen(span: Span) -> bool:
    doc = span.doc
    after = " ".join(t.lower_ for t in doc[span.end:span.end + 5])
    inside = " ".join(t.lower_ for t in span[:-1])
    return bool(any(t.like_num for t in span) and (REGIMEN.search(after) or REGIMEN.search(inside)))


def _small_number(span: Span) -> bool:
    numbers = [t for t in span if t.like_num]
    doses = {t.lower_ for t in span} & TAKING  # "no one would miss me" counts nothing
    try:
        return bool(numbers) and all(_count(t.lower_, bool(doses)) < OVERDOSE_COUNT for t in numbers)
    except ValueError:
        return False  # "a dozen", "twenty": a count too large or not known


# a dose said in words: "took one paracetamol", "me tomé dos ibuprofenos"
SMALL_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7}
TAKING = frozenset({"took", "take", "taken", "taking", "swallowed", "swallow", "had", "tome", "tomé", "tomo", "tomó",
                    "trague", "tragué", "tomado"})


def _count(word: str, a_dose: bool) -> float:
    return SMALL_COUNTS[word] if a_dose and word in SMALL_COUNTS else float(word.replace(",", ""))


def _longest_per_start(doc: Doc, matches: List[tuple]) -> List[tuple]:
    """One span per symptom family and position: the longest, without overlaps."""
    matches = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    kept, taken = [], set()
    for match_id, start, end in matches:
        label = int(doc.vocab.strings[match_id])
        key = (label, start)
        if key in taken or any(label == l and s <= start < e for (s, e, l) in taken_ranges(kept)):
            continue
        taken.add(key)
        kept.append((doc[start:end], label))
    return kept


def taken_ranges(kept: List[tuple]) -> List[tuple]:
    return [(span.start, span.end, label) for span, label in kept]


# A negation reaches this many words ahead (NegEx-style window): "no pain or shortness of
# breath" is denied, "he's not responding to us after passing out" is not.
NEGATION_WINDOW = 5


def _negated(before: List, after: List, question: bool = False) -> bool:
    window = before[-NEGATION_WINDOW:]
    for position, token in enumerate(window):
        word = _canon(token)
        if word in NEGATIONS or token.lower_ in CONTRACTED_NEGATIONS:
            following = window[position + 1].lower_ if position + 1 < len(window) else ""
            after_following = window[position + 2].lower_ if position + 2 < len(window) else ""
            if following in PSEUDO_NEGATION_NEXT and not (following == "estoy" and after_following not in {"seguro", "segura"}) \
                    and not (following == "se" and after_following not in KNOWING_NEXT):
                continue
            if following == "se" and _stops_after(window[position + 2:]):
                continue  # "no se le corta la hemorragia": what does not stop goes on
            if word == "not" and position + 1 < len(window) and _canon(window[position + 1]) == "only":
                continue
            if _out_of_nowhere(token):
                continue  # "de la nada veo doble": "out of nowhere", suddenly, not a denial
            return True
    # In a question, "normal" or "ok" after a symptom asks, it does not resolve.
    return not question and _resolved(after)


def _out_of_nowhere(token) -> bool:
    """ "de la nada", "out of nowhere": suddenly (a red flag's onset), no negation."""
    doc, i = token.doc, token.i
    if token.lower_ == "nada":
        return i >= 2 and doc[i - 2].lower_ == "de" and doc[i - 1].lower_ == "la"
    return False


OBSERVING = frozenset({"feel", "felt", "see", "saw", "notice", "noticed", "there's", "theres", "visible", "poking", "sticking",
                       "vi", "veo", "noto", "note", "noté", "siento", "senti", "sentí", "hay", "tengo"})


# "is there a risk of...", "hay riesgo de que se rompa la aguja adentro?": a risk asked about, nothing observed
THERE_IS_A_RISK = re.compile(r"\bthere('?s( is)?| is) (a |any )?(risk|chance|danger)")


THERE_IS = re.compile(r"\bthere(')?s\b|\bthere is\b")


def _observes_something(doc: Doc) -> bool:
    return any(t.lower_ in OBSERVING and not _risk_follows(t) for t in doc) \
        or bool(THERE_IS.search(THERE_IS_A_RISK.sub(" ", doc.text.lower())))


def _risk_follows(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and _canon(token.nbor(1)) in RISK_WORDS


A_LITTLE = re.compile(r"^(a (little|bit|tiny bit|touch)( bit)?|slightly|a tad|tiny bit|un poquito|un poco|poquito|poquitito|un pelin)\b")


# ... unless it goes on under pressure, which is the emergency's own test.
UNDER_PRESSURE = re.compile(r"\b(\d+\s*(min|mins|minutes|minutos|hours?|horas?)|pressure|pressing|presion|presión|apretando|won'?t stop|no para|let go|suelto)\b")


def _a_little(span: Span) -> bool:
    doc = span.doc
    if any(_canon(t) in ARTERIAL for t in span):
        return False  # "spurting a bit every time I let go": spurting is never a little
    return (bool(A_LITTLE.match(" ".join(t.lower_ for t in doc[span.end:span.end + 3])))
            and not UNDER_PRESSURE.search(doc.text.lower()))


ARTERIAL = frozenset({"spurt", "spurting", "squirt", "squirting", "pump", "pumping", "gush", "gushing", "pour", "pouring"})


CHEST_MUSCLE = frozenset({"muscle", "muscles", "pec", "pecs", "pectoral", "pectorals", "musculo", "pectoral"})


# "el pecho me duele solo cuando aprieto el musculo": tender to touch is the needled muscle
ONLY_ON_TOUCH = re.compile(r"\b(only|just|solo|sólo|solamente|nomas|nomás)( \w+){0,2} (when|if|cuando|si|al) (i |you |u |someone |me |lo |la |le )?"
                           r"(press|presses|pressed|push|pushes|touch|touches|touched|poke|pokes|prod|aprieto|aprietan|aprieta|"
                           r"apretar|toco|tocan|toca|tocar|presiono|presionan|presionar)\b")


# "me duele el pecho al tocarlo donde me pusieron las agujas": it hurts when touched
ON_TOUCHING_IT = re.compile(r"\b(al|when i|if i) (tocarlo|tocarla|tocarme|apretarlo|apretarla|presionarlo|presionarla|"
                            r"touch it|touch the spot|press on it|press it|press the spot)\b")


def _about_a_chest_muscle(span: Span) -> bool:
    doc = span.doc
    sentence = " ".join(t.lower_ for t in _sentence_of(span))
    return (any(t.lower_ in CHEST_MUSCLE for t in doc[span.start:min(len(doc), span.end + 2)])
            or bool(ONLY_ON_TOUCH.search(sentence) or ON_TOUCHING_IT.search(sentence)))


def _blurred(span: Span) -> bool:
    return any(t.lower_.startswith(("blur", "borros")) for t in span)


def _denied_right_before(before: List, span: Span) -> bool:
    """ "no bleeding that wouldn't stop": a negation just before a phrase that carries its
    own negation later denies it; "can't lie down, can't breathe" starts with its own."""
    if not before or _canon(span[0]) in NEGATIONS | {"not", "cannot"}:
        return False
    return (_canon(before[-1]) in NEGATIONS - {"nothing"} and not _out_of_nowhere(before[-1])) or (
        len(before) > 1 and _canon(before[-2]) in NEGATIONS and before[-1].lower_ in {"any", "a", "ningun", "ninguna"})


# Spanish puts the denial after the thing denied: "fiebre no tengo", "dolor no hay".
DENYING_VERBS_AFTER = frozenset({"tengo", "tiene", "tenemos", "tienen", "tenia", "tenía", "hay", "habia", "había"})
# A verb right before the thing already has it: no denial can follow.
HAVING_BEFORE = DENYING_VERBS_AFTER | {"con", "with", "have", "has", "got"}


def _denied_by_the_verb_after(before: List, after: List) -> bool:
    """Not when a verb already has it: "tengo fiebre no tengo ganas de nada" runs two on."""
    if before and before[-1].lower_ in HAVING_BEFORE:
        return False
    return len(after) >= 2 and after[0].lower_ == "no" and after[1].lower_ in DENYING_VERBS_AFTER


def _carries_negation(span: Span) -> bool:
    """ "can't breathe", "no puede respirar": the phrase is itself negative, so a negation
    before it belongs to something else ("can't lie down, can't breathe")."""
    return any(_canon(t) in NEGATIONS | {"not", "cannot"} for t in span)


def _denied_after(after: List) -> bool:
    """A bare symptom word denied right after it: "chest doesn't hurt", "throat is fine";
    not across a comma ("spreading, not too painful" denies the pain, not the spreading)."""
    near = list(itertools.takewhile(lambda t: t.text not in {",", ";"}, after[:3]))
    return any(_canon(t) in NEGATIONS | {"not"} for t in near) or _resolved(after)


# Spanish "bien" before these means "very": "bien fuerte", "bien hinchado".
INTENSIFIED = frozenset({"fuerte", "feo", "fea", "raro", "rara", "mal", "duro", "dura", "hinchado", "hinchada", "rojo", "roja",
                         "caliente", "morado", "morada", "intenso", "intensa", "horrible", "grande", "inflamado", "inflamada",
                         "mareado", "mareada", "palido", "palida", "frio", "fria", "helado", "helada", "apretado", "apretada",
                         "pesado", "pesada", "cansado", "cansada", "dormido", "dormida", "seguido", "seguida",
                         "itchy", "molesto", "molesta", "rojito", "rojita", "hinchadito", "hinchadita"})
# Words after "bien" that leave it meaning "fine": "respiro bien desde ayer", "bien, gracias".
NOT_AN_ADJECTIVE = frozenset({"desde", "ahora", "gracias", "pero", "todo", "toda", "todos", "hasta", "aunque", "como", "para",
                              "porque", "luego", "entonces", "otra", "otro", "esta", "este", "esto", "nada", "casi", "solo"})


def _intensifies(word) -> bool:
    """ "bien fuerte", "bien filosa": "bien" before an adjective means "very"."""
    lowered = without_accents(word.lower_)
    if lowered in INTENSIFIED:
        return True
    return (word.is_alpha and len(lowered) >= 4 and lowered not in NOT_AN_ADJECTIVE
            and lowered.endswith(("o", "a", "os", "as", "e", "es")))


NOT_A_RESOLUTION_BEFORE = frozenset({"the", "a", "bus", "full", "without", "w/o", "wont", "won't", "never", "cant", "can't"})

# "it was supposed to settle", "debería quitarse": what was expected, not what happened.
EXPECTED = frozenset({"supposed", "meant", "should", "expected", "deberia", "debería", "supone", "suponia", "suponía"})
# "the tingling in my arm went away": the resolution may come a few words later.
RESOLUTION_WINDOW = 8


def _resolved(after: List) -> bool:
    """"bleeding has stopped", "breathing is fine now"; but "not fine", "won't stop" and
    the question "is that ok?" are not."""
    for position, token in enumerate(after[:RESOLUTION_WINDOW]):
        if _canon(token) in RESOLUTIONS or token.lower_ in RESOLUTIONS:
            previous = after[position - 1].lower_ if position else ""
            if previous in NOT_A_RESOLUTION_BEFORE:
                continue  # "at the bus stop", "without stopping for air"
            just_before = {t.lower_ for t in after[max(0, position - 3):position]}
            if just_before & {"make", "makes", "making", "made", "hacer"}:
                continue  # "to make it stop", "to make the pain stop": a purpose, not an end
            if just_before & EXPECTED:
                continue  # "it was supposed to settle in 48 hours": an expectation, not an end
            if {t.lower_ for t in after[max(0, position - 2):position]} & {"that", "this", "normal"}:
                return False
            if position + 1 < len(after) and after[position + 1].lower_ in {"past", "up", "worse", "beyond", "through", "out",
                                                                          "halfway", "short", "mid", "midway"}:
                return False  # "gone past the line", "gone up", "passing out", "it stops halfway"
            if token.lower_ == "bien" and position + 1 < len(after) and _intensifies(after[position + 1]):
                continue  # "un dolor en el pecho bien fuerte": "bien" as "very", not "fine"
            # "won't go away", "hasn't stopped", "not ok": the resolution is itself denied.
            if any(_canon(t) in NEGATIONS | {"not", "cannot"} for t in after[:position]):
                return False
            return True
    return False


ANYONE = frozenset({"alguien", "anyone", "anybody"})
EVER = re.compile(r"\b(alguna vez|ever|nunca)\b")
CAN_IT_CAUSE = re.compile(r"(?<!no )\b(puede|pueden|podria|podrian) (me |te |le |les |nos )?(dar|causar|provocar|producir|hacer (que|q) (uno|una|alguien|la gente|te|le|me|se))\b"
                          r"|\bse (puede|podria) (tener|sufrir)\b"
                          # "puedo agarrar infeccion x la aguja": catching one, asked in the first person
                          r"|\b(puedo|podria|podre) (agarrar|pescar|pillar|coger|pegarme|contagiarme|llevarme)\b")
CONDITIONAL_STARTS = frozenset({"if", "si", "suppose", "say"})
# the treatment's risk asked about: "can they hit an organ or give u an infection"
CAN_THEY_CAUSE = re.compile(r"\b(can|could|might|would|will|does|do) (it|they|dn|needling|dry needling|the needles?|needles|this|that) "
                            r"(\w+ ){0,6}(give|cause|lead to|result in|hit|puncture|pierce)\b")


IF_WORDS = frozenset({"if", "si", "suppose", "supposing"})
# "not sure if", "sorry if this is silly": an "if" that is not a condition
NOT_A_CONDITION_BEFORE = frozenset({"como", "sure", "know", "wonder", "wondering", "unsure", "idk", "dunno", "sorry", "apologies",
                                    "ask", "asking", "tell", "see", "check", "mind", "se", "sé", "saber", "pregunto", "preguntar", "preguntarle", "ver"})
NOW_WORDS = frozenset({"now", "rn", "currently", "ahora", "ahorita"})
CAUSES = frozenset({"so", "because", "cause", "coz", "cuz", "bc", "porque", "pq", "xq"})


def _conditional(span: Span) -> bool:
    """The symptom is the condition of a question ("what do I do if I get breathless
    after?", "suppose she faints"), even with "feel" or "start" inside the condition."""
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 15), -1):
        token = doc[i]
        if token.text in SENTENCE_ENDS | {",", ";", ":"} or token.lower_ in TURNS | CAUSES:
            return False  # "I'll call if it gets worse, my chest is tight": the main clause
        if token.lower_ in IF_WORDS and not _says_if_anything(token):
            previous = doc[i - 1].lower_ if i else ""
            condition = [t.lower_ for t in doc[i:span.end + 3]]
            return previous not in NOT_A_CONDITION_BEFORE and not set(condition) & NOW_WORDS
    return False


def _says_if_anything(token) -> bool:
    """ "if anything it's got worse": "if anything" means "rather", it sets no condition."""
    return token.lower_ == "if" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "anything"


PICTURING = frozenset({"imagining", "imagine", "imagined", "picturing", "picture", "visualising", "visualizing",
                       "imagino", "imaginando", "imaginarme", "imaginandome"})
WORRY = frozenset({"worried", "worry", "concerned", "nervous", "scared", "afraid"})
SOMEONE_WORRIED_ABOUT = frozenset({"my", "him", "her", "them", "our", "his", "mum", "mom", "dad"})


def _asks_with_pair(lowered: List[str], index: int) -> bool:
    """ "worried about the risk of ...": a risk asked about; but "worried about my mother,
    she's been vague since" is worry about a person, which is how reports begin."""
    if (lowered[index], lowered[index + 1]) not in HYPOTHETICAL_PAIRS:
        return False
    following = lowered[index + 2] if index + 2 < len(lowered) else ""
    return not (lowered[index] in WORRY and following in SOMEONE_WORRIED_ABOUT)


# A fear put into words before the needle's breaking: "I'm scared the needle will break inside",
# "me da cosa que la aguja se quiebre adentro". What is feared may happen; "might have broken"
# and anything observed ("I can feel something hard", _observes_something) stay reports.
FEAR_THAT = re.compile(r"\b(scared|afraid|terrified|worried|worry|worries|nervous|fear|frightened|paranoid|anxious)( that)?( \S+){0,3}$"
                       r"|\b(miedo|cosa|panico|terror|nervios|miedito|temo|preocupa|asusta|aterra|angustia)( de)? que( \S+){0,3}$")
FUTURE = frozenset({"will", "'ll", "might", "could", "would", "may", "gonna", "can"})
PAST_OR_ONGOING = frozenset({"have", "'ve", "be", "been", "has"})


def _a_needle_break_feared(span: Span) -> bool:
    doc = span.doc
    fear = FEAR_THAT.search(without_accents(" ".join(t.lower_ for t in doc[max(0, span.start - 6):span.start])))
    if not fear:
        return False
    if fear.group(1):  # English: the break is still to come ("will", "might")
        words = [t.lower_ for t in doc[max(0, span.start - 2):span.end + 1]]
        return any(w in FUTURE and (i + 1 >= len(words) or words[i + 1] not in PAST_OR_ONGOING) for i, w in enumerate(words))
    return True  # Spanish: a fear "que ..." is followed by what may come (subjunctive)


# Which way it goes, asked with its alternative, of nobody in particular: "el dolor de después
# se pone peor al otro día o va bajando solo?", "does the soreness get worse or ease off?"
EITHER_WAY = re.compile(r"\b(or|o) (\S+ ){0,3}(eases?|easing|settles?|settling|fades?|fading|improves?|improving|better|away|off|"
                        r"baja|bajando|mejora|mejorando|pasa|pasando|desaparece|quita|calma|calmando|disminuye|disminuyendo)\b")
NOW_WORDS_OF_A_REPORT = frozenset({"now", "today", "still", "ahora", "hoy", "ayer", "yesterday", "sigue", "todavia", "todavía"})


def _asks_which_way_it_goes(span: Span) -> bool:
    sentence = _sentence_of(span)
    words = [t.lower_ for t in sentence]
    end = sentence[-1].i + 1
    asked = "?" in words or (end < len(span.doc) and span.doc[end].text.startswith("?"))
    if not asked or set(words) & (PERSONAL | NOW_WORDS_OF_A_REPORT):  # someone in it, or now
        return False
    return bool(EITHER_WAY.search(without_accents(" ".join(t.lower_ for t in sentence if t.i >= span.end))))


def _hypothetical(before: List, after: List, clause: List, span: Optional[Span] = None) -> bool:
    if span is not None and _conditional(span):
        return True
    before = [t for t in before if not _says_if_anything(t)]
    lowered = [t.lower_ for t in before]
    if lowered and (lowered[0] in CONDITIONAL_STARTS or lowered[:2] == ["what", "if"] or lowered[:2] == ["y", "si"]):
        return True  # "if I feel short of breath after, do I call you?": a condition, not a report
    if any(_asks_with_pair(lowered, i) for i in range(len(lowered) - 1)):
        return True
    if set(lowered) & PICTURING:
        return True  # "I keep imagining the needle breaking": a fear pictured, not a report
    if _asks_if_the_treatment_is_safe(lowered, clause):
        return True  # "is having needles stuck in your muscles actually safe"
    if _named_as_a_warning_sign(after, span):
        return True  # "my physio said a worst ever headache is a warning sign, but mine ..."
    if span is not None and _asked_earlier_in_the_sentence(span):
        return True
    if CAN_IT_CAUSE.search(without_accents(" ".join(lowered))) or CAN_THEY_CAUSE.search(" ".join(lowered)):
        return True  # "la puncion seca puede dar mareo o desmayo?": a risk asked about
    if _asks_if_possible(clause) or _asks_about_a_risk_in_general(clause):
        return True  # "infection from DN possible?", "fainting risk with needling?", "¿la gente se desmaya?"
    if span is not None and _an_example_in_a_question(span, clause):
        return True  # "what could go wrong, like an infection or a needle in an organ?"
    if span is not None and {t.lower_ for t in span} & SPAN_MODALS and _impersonal_question_through(clause, span):
        return True  # "la aguja se puede romper adentro del musculo??": the phrase itself asks
    if after and after[0].lower_ in RISK_WORDS:
        return True  # "infection risk DN": a risk named as a noun phrase
    if _asks_about_people_in_general(lowered, clause):
        return True  # "my daughter gets woozy with needles, do people pass out during this"
    if set(lowered) & ANYONE and span is not None and EVER.search(span.doc.text.lower()):
        return True  # "¿alguien se ha desmayado alguna vez en su consulta?": others, in general
    # a span may run past the question into the report: "bruise supposed to get bigger?? mine's doubled since"
    words = {t.lower_ for t in clause} | {_canon(t) for t in clause} | _beyond_the_clause(span, clause)
    asks_about_risk = any(t.lower_ in HYPOTHETICAL and not (t.lower_ == "ever" and t.i and t.nbor(-1).lower_ == "first")
                          and not _unsure_whether_someone(t) and not _as_if(t) for t in before) or _is_question_about(clause)
    if not asks_about_risk:
        return False
    return not (words & REPORT_MARKERS or _first_person_report(before))


# "do people pass out during this": a question put about people in general, with nobody in it
# told of and no call for help ("can anyone help, he passed out" names someone)
QUESTION_AUXILIARIES_OF_PEOPLE = frozenset({"do", "does", "did", "can", "could", "will", "would", "have", "has"})
PEOPLE_IN_GENERAL = frozenset({"people", "patients", "anyone", "anybody", "folks", "others"})


# "alguien se marea o se desmaya mientras tiene las agujas puestas": the present tense, of anyone
SOMEONE_STARTS = (("alguien", "se"), ("la", "gente"), ("los", "pacientes"))
HAPPENS_TO_ANYONE = frozenset({"desmaya", "desmayan", "marea", "marean", "sangra", "sangran", "infecta", "infectan"})
CALLS_FOR_HELP = frozenset({"help", "call", "now", "today", "tonight", "still", "ayuda", "auxilio", "ahora", "aqui", "aquí",
                            "llamen", "hoy"})


def _asks_about_people_in_general(lowered: List[str], clause: List) -> bool:
    words = {t.lower_ for t in clause}
    if words & (PERSONAL | CALLS_FOR_HELP):
        return False
    if len(lowered) >= 2 and lowered[0] in QUESTION_AUXILIARIES_OF_PEOPLE and lowered[1] in PEOPLE_IN_GENERAL:
        return True
    return tuple(lowered[:2]) in SOMEONE_STARTS and bool(words & HAPPENS_TO_ANYONE)


WARNING_SIGNS = frozenset({"warning sign", "warning signs", "red flag", "red flags", "señal de", "senal de", "signo de"})
# "... is a warning sign right? because I have one now": the sign named, then reported
HAS_ONE_NOW = frozenset({"now", "have", "got", "having", "today", "since", "tengo", "ahora", "hoy"})


def _named_as_a_warning_sign(after: List, span: Optional[Span]) -> bool:
    """The symptom as a sign to know about ("... is a warning sign", "... are red flags"),
    with nothing after it that reports one."""
    words = [t.lower_ for t in after[:4]]
    if not (words[:1] in (["is"], ["are"], ["es"], ["son"])
            and any(" ".join(words[i:i + 2]) in WARNING_SIGNS for i in range(1, 3))):
        return False
    rest = span.doc[span.end:] if span is not None else after
    return not {t.lower_ for t in rest} & HAS_ONE_NOW


SAFETY_WORDS = frozenset({"safe", "dangerous", "risky", "harmful", "bad", "seguro", "peligroso", "malo"})


def _asks_if_the_treatment_is_safe(before: List[str], clause: List) -> bool:
    """ "is having needles stuck in your muscles safe?": the treatment asked about, told of
    nobody ("is getting needles stuck in my back for 3 days safe" is a report)."""
    words = {t.lower_ for t in clause}
    return (before[:2] in (["is", "having"], ["is", "getting"])
            and bool(words & SAFETY_WORDS) and not words & PERSONAL)


UNSURE = frozenset({"sure", "know", "idk", "dunno", "unsure", "certain", "se", "sé"})
SOMEONE = frozenset({"i", "he", "she", "they", "we", "my", "his", "her", "se", "me", "le", "mi", "su", "el", "ella"})


def _unsure_whether_someone(token) -> bool:
    """ "not sure if she fainted", "no se si se desmayo": doubt about what happened to
    someone is still a report, not a condition."""
    doc = token.doc
    return (token.lower_ in IF_WORDS and token.i > 0 and doc[token.i - 1].lower_ in UNSURE
            and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in SOMEONE)


def _as_if(token) -> bool:
    """ "siento como si tuviera un elefante en el pecho": "como si" (as if) describes what is
    felt now, it asks nothing."""
    return token.lower_ == "si" and token.i > 0 and token.doc[token.i - 1].lower_ == "como"


POSSIBLE = frozenset({"possible", "posible", "likely", "probable"})


EXAMPLE_OPENERS = frozenset({"like", "such", "eg", "e.g.", "including", "incl", "como", "tipo"})
EXAMPLE_HOLDERS = frozenset({"things", "stuff", "cosas"})
QUESTION_OPENERS = frozenset({"what", "which", "does", "do", "did", "can", "could", "will", "would", "is", "are", "any",
                              "how", "should", "might", "que", "qué", "cual", "cuales", "puede", "pueden", "hay", "es", "son"})


def _an_example_in_a_question(span: Span, clause: List) -> bool:
    """ "What could go wrong, like an infection or a needle going into an organ?", "does
    diabetes change anything, like slower healing or infection?": the symptom is an example
    in a question about risks (a clause opened by "like" / "such as" before a noun, in a
    sentence that opens with a question word and ends with "?"), unless the sentence tells
    of now ("like chest pain right now?") or the example is someone ("like I can't breathe?")."""
    if clause and clause[0].lower_ in EXAMPLE_HOLDERS and len(clause) > 1 and clause[1].lower_ in EXAMPLE_OPENERS:
        clause = clause[1:]  # "how rare are the complications, things like infection ...?"
    if not clause or clause[0].lower_ not in EXAMPLE_OPENERS:
        return False
    doc = span.doc
    following = doc[clause[0].i + 1] if clause[0].i + 1 < len(doc) else None
    if following is None or following.lower_ in PERSONAL | {"it", "you", "your", "el", "ella"}:
        return False
    start, end = clause[0].i, span.end
    while start > 0 and doc[start - 1].text not in SENTENCE_ENDS:
        start -= 1
    while end < len(doc) and doc[end].text not in SENTENCE_ENDS:
        end += 1
    sentence = {t.lower_ for t in doc[start:end]}
    if sentence & REPORT_MARKERS:
        return False
    if end < len(doc) and doc[end].text == "?" and doc[start].lower_.lstrip("¿") in QUESTION_OPENERS:
        return True
    # "what are the serious risks? like infection or a punctured lung": the examples follow
    # the question as a fragment of their own
    return start == clause[0].i and _follows_a_question(doc, start)


def _follows_a_question(doc: Doc, start: int) -> bool:
    """Whether the sentence before `start` asks about risks ("q riesgos graves tiene?") and
    tells of nothing happening now."""
    if start < 2 or doc[start - 1].text != "?":
        return False
    opening = start - 1
    while opening > 0 and doc[opening - 1].text not in SENTENCE_ENDS:
        opening -= 1
    question = doc[opening:start - 1]
    words = {t.lower_ for t in question}
    return (len(question) > 1 and question[0].lower_.lstrip("¿") in QUESTION_OPENERS | {"q"}
            and bool(words & ASKED_RISKS) and not words & (REPORT_MARKERS - {"tiene"} | PERSONAL))


# what a question about risks names them by ("what can go wrong?", "¿qué peligros tiene?")
ASKED_RISKS = RISK_WORDS | frozenset({"danger", "dangers", "dangerous", "wrong", "side", "effects", "serious",
                                      "peligros", "peligroso", "efectos", "secundarios", "graves", "grave"})


def _asks_if_possible(clause: List) -> bool:
    """ "infection from DN possible?", "nerve damage likely?": a risk asked about, told of
    nobody."""
    if len(clause) < 2 or clause[-1].lower_ not in POSSIBLE:
        return False
    following = clause[-1].nbor(1) if clause[-1].i + 1 < len(clause[-1].doc) else None
    return following is not None and following.text == "?" and not {t.lower_ for t in clause} & PERSONAL


# "tengo fiebre desde ayer ... llamo a alguien?": the asker tells of themselves; "alguien"
# is whom to call, not people in general
TELLS_OF_ONESELF = frozenset({"tengo", "tuve", "estoy", "siento", "senti", "sentí", "desde", "ayer", "anoche"})
GENERIC_SUBJECTS = re.compile(r"\b(la gente|people|patients|los pacientes|alguien|anyone|anybody|someone|somebody|folks)\b")


def _through_the_question_mark(clause: List) -> Optional[Span]:
    """The clause and what follows it up to the sentence's end, when that end is a "?"
    ("can a needle break off and stay in the muscle?"); None for a sentence that tells."""
    if not clause:
        return None
    doc = clause[0].doc
    end = clause[-1].i + 1
    while end < len(doc) and doc[end].text not in SENTENCE_ENDS:
        end += 1
    if end >= len(doc) or doc[end].text != "?":
        return None
    return doc[clause[0].i:end]


def _impersonal_question_through(clause: List, span: Span) -> bool:
    """A question to its "?" in which nobody tells of themselves (outside the symptom's phrase)."""
    question = _through_the_question_mark(clause)
    if question is None:
        return False
    words = {t.lower_ for t in question if not span.start <= t.i < span.end}
    return not words & (PERSONAL | PRESENT_MARKERS)


# "se puede romper", "could it break": a modal inside the symptom's own phrase
SPAN_MODALS = frozenset({"puede", "pueden", "podria", "podría", "can", "could", "might", "may"})


def _asks_about_a_risk_in_general(clause: List) -> bool:
    """ "fainting risk with needling?", "la infeccion es un riesgo serio?", "¿la gente se
    desmaya con esto?": a risk, or people in general, asked about with a "?", nobody's report."""
    question = _through_the_question_mark(clause)
    if question is None:
        return False
    words = {t.lower_ for t in question}
    if words & (PERSONAL | TELLS_OF_ONESELF):
        return False
    return bool(words & RISK_WORDS) or bool(GENERIC_SUBJECTS.search(question.text.lower()))


def _asked_earlier_in_the_sentence(span: Span) -> bool:
    """ "the form asks if I've ever had seizures, fainting or bleeding disorders": a list
    after "asks if", "risk of", "signs of" is asked about item by item, though commas break
    the clause, until a word puts the sentence in the present."""
    sentence = _sentence_of(span)
    before = [t for t in sentence if t.i < span.start and not _says_if_anything(t)]
    lowered = [t.lower_ for t in before]
    for index in range(len(lowered) - 2, -1, -1):
        if _asks_with_pair(lowered, index):
            between = set(lowered[index + 2:])
            return not between & (PRESENT_MARKERS | REPORT_MARKERS | TURNS)
    # "Si presenta fiebre, dificultad para respirar o sangrado, avísenos": a condition's list
    # ... but "si, me sale mucha sangre": "si" before a comma is "sí", yes
    if lowered and without_accents(lowered[0].lstrip("¿")) in CONDITIONAL_STARTS and lowered[1:2] != [","]:
        return not set(lowered[2:]) & (PRESENT_MARKERS | TURNS)  # past the condition's own verb
    return False


def _beyond_the_clause(span: Optional[Span], clause: List) -> set:
    """The words of a span that runs past its clause, and the few after it."""
    if span is None or not clause or span.end - 1 <= clause[-1].i:
        return set()
    return {t.lower_ for t in span.doc[clause[-1].i + 1:span.end + 3]}


def _is_question_about(clause: List) -> bool:
    """A question ("can it cause chest pain?"), not a fragment ("can barely breathe")."""
    starts = {"what", "how", "why", "when", "which", "can", "could", "does", "do", "will", "is", "are",
              "puede", "pueden", "podria", "es", "hay", "que", "qué", "como", "cómo", "cuando", "cuándo", "¿puede", "¿es"}
    while clause and clause[0].text in {"¿", "¡"}:
        clause = clause[1:]
    if len(clause) > 1 and clause[0].lower_ == "se" and clause[1].lower_ in {"puede", "pueden", "podria"}:
        clause = clause[1:]  # "¿se puede romper una aguja y quedarse adentro?"
    if not clause or without_accents(clause[0].lower_.lstrip("¿")) not in starts:
        return False
    following = clause[-1].nbor(1) if clause[-1].i + 1 < len(clause[-1].doc) else None
    if following is not None and following.text != "?" and _ends_an_impersonal_question(clause):
        return len(clause) > 2 and _canon(clause[1]) not in {"barely", "not", "hardly"}
    # "when I breathe in it stabs": "when", "como", "que" start reports too; only a "?" makes them questions
    unmarked_ok = without_accents(clause[0].lower_) not in SUBORDINATORS or clause[1].lower_ in QUESTION_AUXILIARIES
    # "... and is really hard to wake": a clause joined on is no question without its "?"
    previous = clause[0].doc[clause[0].i - 1] if clause[0].i else None
    # ... but "also" leads into a next question: "how rare is that. also can u get an infection from it"
    unmarked_ok = unmarked_ok and (previous is None or previous.lower_ not in CLAUSE_BREAKS - QUESTION_LEAD_INS)
    return len(clause) > 2 and _canon(clause[1]) not in {"barely", "not", "hardly"} and (
        (following is None and unmarked_ok) or (following is not None and following.text == "?"))


# "can a needle break off and stay in the muscle?": a question runs on past "and" to its "?"
# when nobody in the rest of it is telling us about themselves.
PERSONAL = frozenset({"i", "me", "my", "mine", "i'm", "im", "i've", "ive", "he", "she", "his", "her", "we", "our",
                      "yo", "mi", "mis", "le", "nos", "nuestro", "nuestra"})


def _ends_an_impersonal_question(clause: List) -> bool:
    question = _through_the_question_mark(clause)
    if question is None:
        return False
    words = {t.lower_ for t in question[1:]}  # the question word itself may be "puede"
    return not words & (PERSONAL | PRESENT_MARKERS)


SUBORDINATORS = frozenset({"when", "cuando", "como", "que"})
# Words that lead into a next question without joining it to a report ("and" and "y" do join).
QUESTION_LEAD_INS = frozenset({"also", "plus", "btw", "tambien", "también", "ademas", "además"})
QUESTION_AUXILIARIES = frozenset({"is", "are", "does", "do", "did", "should", "can", "could", "will", "would", "es", "puede", "debo", "hay"})


def _first_person_report(before: List) -> bool:
    """"i have", "he is": someone is telling us what is happening."""
    lowered = [t.lower_ for t in before]
    for index, word in enumerate(lowered):
        if word in {"i", "he", "she", "they", "we"} and index + 1 < len(lowered) and lowered[index + 1] in {
            "have", "has", "had", "'ve", "am", "'m", "m", "is", "'s", "was", "got", "feel", "felt", "keep", "keeps", "started",
        } and not (index and lowered[index - 1] in MODALS):
            return True  # "could I have a seizure from needling?" asks; "I have a seizure" tells
    return False


MODALS = frozenset({"could", "can", "will", "would", "might", "may", "should", "shall"})


_default: Optional[RedFlagDetector] = None
_lock = threading.Lock()


def default_detector() -> RedFlagDetector:
    """One detector per process, loaded on first use (not at import)."""
    global _default
    with _lock:
        if _default is None:
            _default = RedFlagDetector.from_path()
        return _default


def assess(text: str) -> Assessment:
    return default_detector().assess(text)
