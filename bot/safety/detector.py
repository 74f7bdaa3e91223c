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

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import FrozenSet, List, Optional, Tuple

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from bot.safety.lexicon import EMERGENCY, IDIOM, MENTION, SPELLING, SYMPTOMS, URGENT
from bot.safety.patterns import compile_phrase, required_words, set_canonical_forms

TIER_RANK = {None: 0, URGENT: 1, EMERGENCY: 2}

EXCLUSIONS = {
    "fainting or collapse": [({"collapsed", "collapse", "collapses", "collapsing"}, {"lung"})],
}

# A new clause starts after these words (the word itself belongs to no clause).
CLAUSE_BREAKS: FrozenSet[str] = frozenset({
    "but", "just", "only", "though", "although", "however", "except", "because",
    "coz", "cuz", "bc", "since", "and", "also", "plus", "anyway", "still", "now", "so",
    "although", "tho", "whereas", "yet", "while", "then", "otherwise", "btw",
})
CLAUSE_PUNCT: FrozenSet[str] = frozenset({".", ",", ";", "!", "?", ":", "-", "--", "…", "(", ")", "/"})

NEGATIONS: FrozenSet[str] = frozenset({
    "no", "not", "never", "without", "none", "nothing", "nor", "neither", "zero", "deny",
    "denies", "nope", "nah", "free", "negative",
})
# Negation words that do not negate what follows ("not sure it's related", "don't know if").
PSEUDO_NEGATION_NEXT: FrozenSet[str] = frozenset({
    "sure", "know", "certain", "think", "related", "just", "only", "matter", "if", "idea",
    "normal", "ok", "okay", "want", "mean", "care", "remember", "tell", "usual", "much",
})
# After a symptom, these say it is over or absent ("bleeding has stopped", "breathing is fine").
RESOLUTIONS: FrozenSet[str] = frozenset({
    "stop", "stopped", "fine", "ok", "okay", "normal", "gone", "resolve", "resolved", "settle",
    "settled", "pass", "passed", "away", "clear", "cleared", "wore", "worn",
})
HYPOTHETICAL: FrozenSet[str] = frozenset({
    "if", "possible", "possibly", "ever", "common", "rare", "happen", "happens", "cause",
    "causes", "lead", "watch", "warning", "whether", "prevent", "avoid", "case", "likely",
    "hypothetically", "true", "heard", "read",
})
# "worried about infection", "signs of infection": about a risk even when said in the
# first person, so these are not overridden by report markers.
HYPOTHETICAL_PAIRS: FrozenSet[tuple] = frozenset({
    ("worried", "about"), ("worry", "about"), ("afraid", "of"), ("scared", "of"),
    ("concerned", "about"), ("nervous", "about"), ("risk", "of"), ("risks", "of"),
    ("chance", "of"), ("chances", "of"), ("sign", "of"), ("signs", "of"),
    ("symptoms", "of"), ("symptom", "of"), ("what", "if"), ("in", "case"), ("fear", "of"),
    ("risk", "for"), ("danger", "of"),
})
REPORT_MARKERS: FrozenSet[str] = frozenset({
    "normal", "now", "currently", "since", "today", "tonight", "yesterday", "morning",
    "still", "keep", "keeps", "started", "right", "this", "am", "im", "i'm", "having",
    "got", "getting", "feel", "feeling", "felt", "help", "pls", "please", "ok", "okay",
})


@dataclass(frozen=True)
class Finding:
    symptom: str
    tier: str
    text: str
    start: int  # character offsets in the original message
    end: int
    negated: bool = False
    hypothetical: bool = False

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
        return tokens[0].lemma_.lower()

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
        spans = [(span, label) for span, label in _longest_per_start(doc, self._matches(doc)) if not _excluded(span, label)]
        idioms = [span for span, label in spans if SYMPTOMS[label].tier == IDIOM]
        findings = [
            self._finding(doc, span, label, clause_of)
            for span, label in spans
            if SYMPTOMS[label].tier == IDIOM or not any(_inside(span, idiom) for idiom in idioms)
        ]
        if _reports_something_now(doc):
            # A question about a symptom, then "I've got it right now": a report after all.
            findings = [replace(f, hypothetical=False) for f in findings]
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
        if symptom.tier == IDIOM:
            return Finding(symptom.name, IDIOM, span.text, span.start_char, span.end_char, negated=True)
        clause = [t for t in doc if clause_of[t.i] == clause_of[span.start]]
        before = [t for t in clause if t.i < span.start]
        after = [t for t in clause if t.i >= span.end]
        continuation = _continuation(doc, clause, clause_of)
        return Finding(
            symptom=symptom.name,
            tier=symptom.tier,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            negated=_negated(before, after, _is_question_about(clause)) or _resolved(continuation)
            or (symptom.tier == MENTION and _denied_after(after or _next_clause(doc, clause, clause_of))),
            hypothetical=_hypothetical(before, after, clause),
        )


def _canon(token) -> str:
    """The canonical form set_canonical_forms gave the token."""
    return token.norm_


def _clause_ids(doc: Doc) -> List[int]:
    ids, current = [], 0
    for token in doc:
        if token.text in CLAUSE_PUNCT or token.lower_ in CLAUSE_BREAKS:
            current += 1
            ids.append(-1)  # the break itself belongs to no clause
        else:
            ids.append(current)
    return ids


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
    text = doc.text.lower()
    return any(phrase in text for phrase in NOW_PHRASES)


def _inside(span: Span, idiom: Span) -> bool:
    """Only words wholly inside a figure of speech are ignored: "can't breathe" stays a
    symptom even if some idiom pattern happens to start at "breathe"."""
    return idiom.start <= span.start and span.end <= idiom.end


def _excluded(span: Span, label: int) -> bool:
    """A word that names a symptom only in some company: "collapsed lung" is a question
    about a lung, not about someone who collapsed."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    next_word = _canon(following) if following is not None else ""
    return any(span.root.lower_ in words and next_word in after for words, after in EXCLUSIONS.get(SYMPTOMS[label].name, []))


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
        if word in NEGATIONS or token.lower_ in {"n't", "nt", "didnt", "dont", "isnt", "wasnt", "havent", "hasnt", "doesnt", "aint"}:
            following = window[position + 1].lower_ if position + 1 < len(window) else ""
            if following in PSEUDO_NEGATION_NEXT:
                continue
            if word == "not" and position + 1 < len(window) and _canon(window[position + 1]) == "only":
                continue
            return True
    # In a question, "normal" or "ok" after a symptom asks, it does not resolve.
    return not question and _resolved(after)


def _denied_after(after: List) -> bool:
    """A bare symptom word denied right after it: "chest doesn't hurt", "throat is fine"."""
    return any(_canon(t) in NEGATIONS | {"not"} for t in after[:3]) or _resolved(after)


# "the tingling in my arm went away": the resolution may come a few words later.
RESOLUTION_WINDOW = 8


def _resolved(after: List) -> bool:
    """"bleeding has stopped", "breathing is fine now"; but "not fine", "won't stop" and
    the question "is that ok?" are not."""
    for position, token in enumerate(after[:RESOLUTION_WINDOW]):
        if _canon(token) in RESOLUTIONS or token.lower_ in RESOLUTIONS:
            if {t.lower_ for t in after[max(0, position - 2):position]} & {"that", "this", "normal"}:
                return False
            if position + 1 < len(after) and after[position + 1].lower_ in {"past", "up", "worse", "beyond", "through", "out"}:
                return False  # "gone past the line", "gone up", "passing out"
            # "won't go away", "hasn't stopped", "not ok": the resolution is itself denied.
            if any(_canon(t) in NEGATIONS | {"not", "cannot"} for t in after[:position]):
                return False
            return True
    return False


def _hypothetical(before: List, after: List, clause: List) -> bool:
    lowered = [t.lower_ for t in before]
    if any(pair in HYPOTHETICAL_PAIRS for pair in zip(lowered, lowered[1:])):
        return True
    words = {t.lower_ for t in clause} | {_canon(t) for t in clause}
    asks_about_risk = any(t.lower_ in HYPOTHETICAL for t in before) or _is_question_about(clause)
    if not asks_about_risk:
        return False
    return not (words & REPORT_MARKERS or _first_person_report(before))


def _is_question_about(clause: List) -> bool:
    """A question ("can it cause chest pain?"), not a fragment ("can barely breathe")."""
    if not clause or clause[0].lower_ not in {"what", "how", "why", "when", "which", "can", "could", "does", "do", "will", "is", "are"}:
        return False
    following = clause[-1].nbor(1) if clause[-1].i + 1 < len(clause[-1].doc) else None
    return len(clause) > 2 and _canon(clause[1]) not in {"barely", "not", "hardly"} and (
        following is None or following.text == "?")


def _first_person_report(before: List) -> bool:
    """"i have", "he is": someone is telling us what is happening."""
    lowered = [t.lower_ for t in before]
    for index, word in enumerate(lowered):
        if word in {"i", "he", "she", "they", "we"} and index + 1 < len(lowered) and lowered[index + 1] in {
            "have", "has", "had", "'ve", "am", "'m", "m", "is", "'s", "was", "got", "feel", "felt", "keep", "keeps", "started",
        }:
            return True
    return False


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
