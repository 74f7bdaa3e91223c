"""RedFlagGate: the last word on safety in the NLU pipeline.

Two detectors combine, each covering the other's blind spot:
- the rule detector (bot/safety/detector.py) knows the red-flag symptoms, their
  misspellings and negation; when it finds an asserted symptom the message IS a red flag,
  whatever the classifier thought (recall guaranteed for what it knows);
- the intent classifier (trained on red_flag_* examples) catches phrasings the rules
  miss, when the message mentions a symptom word at all; it is kept unless the rules
  show that every symptom word in the message was
  denied ("no chest pain, just sore"), asked about rather than reported ("can it cause
  chest pain?") or part of a figure of speech ("took my breath away"); then the best
  non-red-flag reading is used.
The final decision is what /model/parse shows and what the dialogue acts on.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intents import (
    EMERGENCY_INTENT,
    FALLBACK,
    FAQ,
    RED_FLAG_INTENTS,
    Gate,
    URGENT_INTENT,
    classifier_ranking,
    faq_ranking,
    set_intent,
)
from bot.safety.detector import Assessment, RedFlagDetector, default_detector
from bot.safety.lexicon import EMERGENCY, URGENT

INTENT_FOR_TIER = {EMERGENCY: EMERGENCY_INTENT, URGENT: URGENT_INTENT}
TIER_FOR_INTENT = {v: k for k, v in INTENT_FOR_TIER.items()}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RedFlagGate(Gate):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # The classifier's red-flag reading is trusted from this confidence on, even
            # when FallbackClassifier found the message too uncertain to answer. The rules
            # carry recall (100 % on every safety set from 0.45 to 0.9); below 0.75 the
            # linear classifier's reading added over-triage of routine messages (make eval).
            "classifier_threshold": 0.75,
            # Answers below this after a downgrade become nlu_fallback.
            "answer_threshold": 0.4,
        }

    def __init__(self, config: Dict[Text, Any], detector: Optional[RedFlagDetector] = None) -> None:
        super().__init__(config)
        self.classifier_threshold = float(config["classifier_threshold"])
        self.answer_threshold = float(config["answer_threshold"])
        # Built with the model, not on the first message: the first patient to write
        # after a restart would otherwise wait for the spaCy pipeline and the patterns.
        self.detector: RedFlagDetector = detector or default_detector()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._decide(message, self.detector.assess(message.get(TEXT) or "", message.get(SPACY_DOCS[TEXT])))
        return messages

    def _decide(self, message: Message, assessment: Assessment) -> None:
        ranking = classifier_ranking(message)
        top = ranking[0] if ranking else {"name": None, "confidence": 0.0}
        classifier_tier = (
            TIER_FOR_INTENT.get(top["name"]) if top["confidence"] >= self.classifier_threshold else None
        )
        if assessment.tier:
            tier = assessment.tier
            if classifier_tier == EMERGENCY and not assessment.all_denied:
                tier = EMERGENCY  # the classifier may see more than the rules did
            set_intent(message, INTENT_FOR_TIER[tier], 1.0)
            self._set_symptoms(message, assessment)
        elif classifier_tier and assessment.findings and not assessment.all_denied:
            # The classifier alone decides only when the message talks about the body at
            # all: without any symptom word, "is the car park free?" is not an emergency.
            set_intent(message, INTENT_FOR_TIER[classifier_tier], top["confidence"])
        elif top["name"] in RED_FLAG_INTENTS or (message.get("intent") or {}).get("name") in RED_FLAG_INTENTS:
            self._downgrade(message, ranking)

    def _downgrade(self, message: Message, ranking: List[Dict]) -> None:
        """Every symptom was denied: use the best reading that is not a red flag."""
        others = [r for r in ranking if r["name"] not in RED_FLAG_INTENTS]
        if not others:
            set_intent(message, FALLBACK, 0.0)
            return
        best = others[0]
        answers = faq_ranking(message)
        confident_answer = best["name"] != FAQ or (answers and answers[0]["confidence"] >= self.answer_threshold)
        set_intent(message, best["name"] if confident_answer else FALLBACK, best["confidence"])

    @staticmethod
    def _set_symptoms(message: Message, assessment: Assessment) -> None:
        entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != "symptom"]
        for finding in assessment.asserted:
            entities.append({
                "entity": "symptom",
                "value": finding.symptom,
                "start": finding.start,
                "end": finding.end,
                "confidence_entity": 1.0,
                "extractor": "RedFlagGate",
            })
        message.set(ENTITIES, entities, add_to_output=True)
