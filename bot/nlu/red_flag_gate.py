"""RedFlagGate: the last word on safety in the NLU pipeline.

Three layers, each covering what the one before cannot know:
1. Rules (bot/safety/detector.py): phrases per clinical category, their misspellings,
   English and Spanish, with clause-level negation, questions about risk, old stories and
   figures of speech. An asserted symptom makes the message a red flag whatever else
   thought otherwise: recall guaranteed for what the rules know.
2. The red-flag classifier (bot/safety/classifier.py), trained here on examples written
   per category by several hands plus every other training message as "not a red flag":
   it reads reports in words no rule lists. It reads the message minus the clauses the
   rules found denied, asked about or figurative, so "no chest pain, just sore" stays
   routine while "no chest pain but his face is drooping" does not.
3. The safety net: a message the classifier finds possibly a red flag, though not
   confidently, gets `symptom_check` (the emergency line, EMERGENCY_NUMBER and the
   clinic's contact), never an FAQ answer or a bare "not sure"; one it finds barely
   possible gets its answer with the emergency line after it (`caution`, bot/nlg.py).
The final decision is what /model/parse shows and what the dialogue acts on.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, INTENT, METADATA, METADATA_INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.intents import (
    EMERGENCY_INTENT,
    FALLBACK,
    FAQ,
    RED_FLAG_INTENTS,
    SYMPTOM_CHECK_INTENT,
    URGENT_INTENT,
    classifier_ranking,
    faq_ranking,
    set_intent,
)
from bot.safety.categories import crisis_categories, emergency_only_categories
from bot.safety.classifier import NONE, Reading, RedFlagClassifier
from bot.safety.detector import Assessment, RedFlagDetector, default_detector
from bot.safety.examples import load_examples
from bot.safety.frames import frame_of
from bot.safety.lexicon import EMERGENCY, URGENT

logger = logging.getLogger(__name__)

INTENT_FOR_TIER = {EMERGENCY: EMERGENCY_INTENT, URGENT: URGENT_INTENT}
TIER_FOR_INTENT = {v: k for k, v in INTENT_FOR_TIER.items()}
TIER_RANK = {None: 0, URGENT: 1, EMERGENCY: 2}
CLASSIFIER_FILE = "red_flag_classifier.npz"
LETTERS = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# The doubts another sentence can cast on a report: an admin question, a question about
# "if", another intent, contact details ("Is parking free? Do I bring the report? My son just fainted again").
ASKED_BESIDE = ("everyday", "hypothetical", "other_intent", "contact_details")
# Where one question or report ends and the next begins.
SENTENCE_SPLIT = re.compile(r"(?<=[.?!¿¡])\s+|[\n;]+|¿")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class RedFlagGate(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # The classifier's own examples (data/safety/*.yml); every other NLU example is
            # trained as "not a red flag".
            "examples": "data/safety",
            "C": 10.0,
            # Thresholds on the classifier's probabilities, chosen by cross-validation on
            # the training data (bot/tools/safety_cv.py), never on a held-out set.
            "emergency_threshold": 0.5,
            "urgent_threshold": 0.5,
            "net_threshold": 0.25,
            # Share of the red-flag probability that is "emergency" from which a red flag
            # of unsure tier is treated as an emergency.
            "emergency_share": 0.2,
            # When the message is framed as a question about "if", an old story, something
            # already over or everyday talk (bot/safety/frames.py), or the rules found only
            # denied symptoms, or the intent classifier is this sure of something else, the
            # classifier escalates only from the strict thresholds.
            "other_intent_confidence": 0.8,
            "strict_emergency_threshold": 0.9,
            # Weaker doubts (a routine word such as "aches" beside the symptom, everyday
            # talk, another intent's confidence) ask less of an emergency reading: "just had
            # what I think was a fit ... every muscle aches" (sweep over the development
            # rounds 1-6: emergency recall +0.4 points, over-triage +0.1).
            "soft_doubts": ["routine", "everyday", "other_intent"],
            "soft_emergency_threshold": 0.7,
            # and a red-flag reading this sure is at least urgent ("5 days out, arm more sore
            # than ever": routine words, an urgent report; urgent recall +1.4 points, calm
            # messages escalated +1.2, none more as emergencies).
            "soft_urgent_threshold": 0.7,
            "strict_urgent_threshold": 0.9,
            "strict_net_threshold": 0.6,
            # Below every threshold but not negligible: the reply, whatever it is, ends with
            # the emergency line (`caution`, bot/nlg.py). On the development rounds: 6 of the
            # 8 emergencies still answered without the number, and 4 % of FAQ questions.
            "caution_threshold": 0.1,
            # Answers below this after a downgrade become nlu_fallback.
            "answer_threshold": 0.4,
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classifier: Optional[RedFlagClassifier] = None,
        detector: Optional[RedFlagDetector] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.classifier = classifier
        # Built with the model, not on the first message: the first patient to write
        # after a restart would otherwise wait for the spaCy pipeline and the patterns.
        self.detector: RedFlagDetector = detector or default_detector()

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RedFlagGate":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "RedFlagGate":
        classifier = None
        try:
            with model_storage.read_from(resource) as model_dir:
                classifier = RedFlagClassifier.load(Path(model_dir) / CLASSIFIER_FILE)
        except (ValueError, FileNotFoundError):
            logger.warning("The red-flag classifier is missing from the model: rules only. Retrain.")
        return cls(config, model_storage, resource, classifier)

    def train(self, training_data: TrainingData) -> Resource:
        texts, tiers, categories = training_set(training_data, Path(self.config["examples"]))
        self.classifier = RedFlagClassifier.fit(texts, tiers, categories, C=float(self.config["C"]))
        with self._model_storage.write_to(self._resource) as model_dir:
            self.classifier.save(Path(model_dir) / CLASSIFIER_FILE)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            assessment = self.detector.assess(text, message.get(SPACY_DOCS[TEXT]))
            # What the rules did not explain away: the classifier reads only this.
            remainder = assessment.without_denied(text) if assessment.findings else text
            reading = self._read(remainder)
            doubt = self._doubt(message, assessment) if reading is not None else None
            sentence_tier = (self._sentence_tier(remainder, assessment)
                             if doubt in ASKED_BESIDE and reading.red_flag >= self.config["net_threshold"] else None)
            self._decide(message, assessment, reading, doubt, sentence_tier)
        return messages

    def _sentence_tier(self, remainder: str, assessment: Assessment) -> Optional[str]:
        """ "Is parking free? Do I bring the report? My son just fainted for the second time":
        a message that asks several things is also read sentence by sentence, each sentence
        with its own frame, so an admin question beside a report does not make the report
        doubtful. Only for a message the whole reading already finds possibly a red flag
        (the safety net's threshold): a sentence read alone is short, and short sentences of a
        long question ("I'm coming straight from work in a dress and tights") read as reports
        where the whole message does not (session 32: over every red-flag round, no red flag
        relied on a sentence when the whole reading was below it; nine FAQ questions did)."""
        sentences = [s for s in SENTENCE_SPLIT.split(remainder) if LETTERS.search(s) and _says_something(s)]
        if len(sentences) < 2:
            return None
        # A sentence in a frame of its own stays doubtful; one alone is read at the strict
        # thresholds (too short to be sure of at the usual ones), and only if it names a
        # symptom the rules know, even as a bare mention: the context before a question
        # ("she's 74 with bad osteoporosis. Is it safe for her?") is no report.
        named = [f.text.lower() for f in assessment.findings]
        candidates = [s for s in sentences if frame_of(s) is None and any(word in s.lower() for word in named)]
        if not candidates:
            return None
        tiers = [self.classifier_tier(reading, True) for reading in self.classifier.read_many(candidates)]
        return max(tiers, key=lambda t: TIER_RANK.get(t, 0))

    def _read(self, remainder: str) -> Optional[Reading]:
        """The classifier's reading of what the rules did not explain away."""
        if self.classifier is None:
            return None
        if not LETTERS.search(remainder) or not _says_something(remainder):
            return None  # what is left is "and" or "but": nothing for the classifier to read
        return self.classifier.read(remainder)

    def classifier_tier(self, reading: Optional[Reading], strict: bool = False,
                        doubt: Optional[str] = None) -> Optional[str]:
        if reading is None:
            return None
        prefix = "strict_" if strict else ""
        emergency_threshold = self.config[f"{prefix}emergency_threshold"]
        if strict and doubt in self.config["soft_doubts"]:
            emergency_threshold = self.config["soft_emergency_threshold"]
        if reading.probabilities.get(EMERGENCY, 0.0) >= emergency_threshold:
            return EMERGENCY
        if reading.red_flag >= self.config[f"{prefix}urgent_threshold"]:
            # A red flag, tier unsure: a missed emergency is the worst error, so the higher
            # tier unless the urgent reading clearly dominates.
            share = reading.probabilities.get(EMERGENCY, 0.0) / reading.red_flag
            always_emergency = reading.category in emergency_only_categories()
            return EMERGENCY if share >= self.config["emergency_share"] or always_emergency else URGENT
        if strict and doubt in self.config["soft_doubts"] and reading.red_flag >= self.config["soft_urgent_threshold"]:
            return URGENT
        return None

    def _doubt(self, message: Message, assessment: Assessment) -> Optional[str]:
        """Why the classifier's reading is doubtful here, if it is (see the strict
        thresholds): the rules found only denied symptoms, a frame, or another intent."""
        if assessment.all_denied:
            return "denied"
        frame = frame_of(message.get(TEXT) or "")
        if frame is not None:
            return frame
        top = (classifier_ranking(message) or [{"name": None, "confidence": 0.0}])[0]
        if (top["name"] not in RED_FLAG_INTENTS + (FALLBACK, "out_of_scope")
                and top["confidence"] >= self.config["other_intent_confidence"]):
            return "other_intent"
        return None

    def _decide(self, message: Message, assessment: Assessment, reading: Optional[Reading],
                doubt: Optional[str], sentence_tier: Optional[str] = None) -> None:
        """The tier: the rules', the classifier's at thresholds its doubt sets (strict when
        doubtful), or a sentence's; below them the safety net, then the emergency line."""
        strict = doubt is not None
        # What the decision rests on, in the parse result: /model/parse shows it and
        # make eval sweeps thresholds over it (no message text, only numbers and names).
        message.set("red_flag", {
            "rules": assessment.tier, "all_denied": bool(assessment.all_denied), "strict": bool(strict), "doubt": doubt,
            "classifier": dict(reading.probabilities) if reading else None,
            "category": reading.category if reading else None,
        }, add_to_output=True)
        learned = self.classifier_tier(reading, strict, doubt)
        tier = max(assessment.tier, learned, sentence_tier, key=TIER_RANK.get)
        net = self.config["strict_net_threshold" if strict else "net_threshold"]
        if tier:
            set_intent(message, INTENT_FOR_TIER[tier], 1.0 if assessment.tier == tier else reading.red_flag)
            self._set_symptoms(message, assessment, reading, tier)
            return
        if reading is not None and reading.red_flag >= net:
            set_intent(message, SYMPTOM_CHECK_INTENT, reading.red_flag)
            return
        if _intent(message) in RED_FLAG_INTENTS or _top(message) in RED_FLAG_INTENTS:
            self._downgrade(message, classifier_ranking(message))
        # An emergency word the rules found denied or asked about ("what if I can't breathe
        # tonight?") also gets the line: it tells the person what to do if it happens.
        asked_about = any(f.tier == EMERGENCY for f in assessment.findings)
        if asked_about or (reading is not None and reading.red_flag >= self.config["caution_threshold"]):
            message.get("red_flag")["caution"] = True

    def _downgrade(self, message: Message, ranking: List[Dict]) -> None:
        """Neither the rules nor the red-flag classifier see a red flag: use the best
        reading of the intent classifier that is not one."""
        others = [r for r in ranking if r["name"] not in RED_FLAG_INTENTS]
        if not others:
            set_intent(message, FALLBACK, 0.0)
            return
        best = others[0]
        answers = faq_ranking(message)
        # An FAQ goes by its answer's confidence, any other intent by its own: a fever read
        # as a phone number at 0.01 is no contact.
        threshold = self.config["answer_threshold"]
        confident = (bool(answers and answers[0]["confidence"] >= threshold) if best["name"] == FAQ
                     else best["confidence"] >= threshold)
        set_intent(message, best["name"] if confident else FALLBACK, best["confidence"])

    @staticmethod
    def _set_symptoms(message: Message, assessment: Assessment, reading: Optional[Reading], tier: str) -> None:
        """Entity `symptom`: the clinical categories found. Rasa fills the `symptom` slot
        from the LAST one, and the reply's wording (the crisis line) follows the slot, so the
        most important comes last: a crisis category, then the highest tier."""
        entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != "symptom"]
        crisis = set(crisis_categories())
        found = sorted((f for f in assessment.asserted if f.tier in TIER_RANK),
                       key=lambda f: (f.symptom in crisis, TIER_RANK[f.tier]))
        for finding in found:
            entities.append({"entity": "symptom", "value": finding.symptom, "start": finding.start,
                             "end": finding.end, "confidence_entity": 1.0, "extractor": "RedFlagGate"})
        if not found and reading is not None and reading.category:
            entities.append({"entity": "symptom", "value": reading.category, "start": 0,
                             "end": len(message.get(TEXT) or ""), "confidence_entity": reading.red_flag,
                             "extractor": "RedFlagGate"})
        message.set(ENTITIES, entities, add_to_output=True)


# Words that carry no report on their own: a remainder of only these is not read.
FUNCTION_WORDS = frozenset({
    "and", "or", "but", "so", "then", "the", "a", "an", "is", "it", "that", "this", "of", "to", "in", "on", "at", "i",
    "also", "just", "only", "too", "well", "ok", "okay", "y", "o", "e", "pero", "entonces", "el", "la", "los", "las",
    "de", "que", "en", "un", "una", "es", "me", "mi", "tambien", "solo", "ya",
    # what is left of a denied old story: "..., never since"
    "never", "since", "ever", "nunca", "desde",
})


def _says_something(remainder: str) -> bool:
    return any(word not in FUNCTION_WORDS for word in re.findall(r"[^\W\d_]+", remainder.lower()))


def training_set(training_data: TrainingData, examples_dir: Path):
    """The classifier's examples: data/safety, the NLU data's red-flag intents, and every
    other NLU example as "not a red flag" unless its intent's metadata says otherwise."""
    texts, tiers, categories = [], [], []
    for example in load_examples(examples_dir):
        texts.append(example.text)
        tiers.append(example.tier)
        categories.append(example.category)
    seen = {" ".join(t.lower().split()) for t in texts}
    for message in training_data.intent_examples:
        intent = message.get(INTENT)
        text = message.get(TEXT)
        if not text or " ".join(text.lower().split()) in seen:
            continue  # data/nlu/es/red_flags.yml repeats some of data/safety: read once
        if not _is_red_flag_negative(message):
            continue
        texts.append(text)
        tiers.append(TIER_FOR_INTENT.get(intent, NONE))
        categories.append(None)
    return texts, tiers, categories


def _is_red_flag_negative(message: Message) -> bool:
    """Hands written for the FAQ's breadth opt out (`red_flag_negative: false` in their
    intents' metadata): the classifier's boundary is measured on the examples it has, and
    hundreds of new questions that name a symptom move it enough to miss emergencies
    (docs/evaluations/2026-12-05-session25.md)."""
    intent_metadata = (message.get(METADATA) or {}).get(METADATA_INTENT) or {}
    return intent_metadata.get("red_flag_negative", True) is not False


def _intent(message: Message) -> Optional[str]:
    return (message.get(INTENT) or {}).get("name")


def _top(message: Message) -> Optional[str]:
    ranking = classifier_ranking(message)
    return ranking[0]["name"] if ranking else None
