"""Response generation: Rasa's curated responses, plus two things Rasa lacks.

1. Clinic values ({emergency_number}, {clinic_name}, {clinic_phone}, {clinic_url}) are
   filled from the environment at send time, so a clinic changes its emergency number
   with a restart, not a retrain.
2. The clinic's own facts (hours, prices, insurers...) come from its profile file
   (CLINIC_PROFILE, bot/clinic_profile.py), also read at send time.
3. A precise answer (`utter_faq/<topic>__<detail>`) offers "Tell me more" (the topic's
   full answer, through the follow-up action); on SMS it becomes a numbered option.
4. Channel variants are chosen by the channel the user really wrote on: Rasa passes the
   *output* channel name, which is "collector" for REST-style channels (NOTES), so
   `channel: twilio` variants would never match.
5. Language and crisis variants (`condition` on the `language` and `symptom` slots): the
   most specific variant that holds wins, on the user's channel when there is one. The
   language is the conversation's (`language` slot), else the clinic's first language
   (LANGUAGES), so a first message whose language is unclear gets the clinic's default.
   Every message carries the language it was written in (`language`, which Rasa keeps in
   the bot event's metadata and the channels pass on: bot/channels/, bot/web/).
"""
from __future__ import annotations

import random
import re
from typing import Any, Dict, Iterable, Optional, Text

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import clinic_profile, settings
from bot.i18n.language import also_written_in
from bot.i18n.strings import contract, conversation_language, say
from bot.topics import is_clinic_fact

FAQ_PREFIX = "utter_faq/"
# The key under which a bot message carries its language (BotUttered metadata, then the
# channels' `metadata.language`).
LANGUAGE_KEY = "language"
# Replies that tell the person what to do about a symptom (the emergency number or the clinic today).
SAFETY_REPLIES = ("utter_emergency", "utter_urgent", "utter_symptom_check")


def tell_me_more(language: str = "en") -> Dict[Text, Text]:
    """The button under a precise answer; its payload is the patient's next message, so it
    is in the conversation's language (an English payload would switch a Spanish
    conversation to English)."""
    label = say("tell_me_more", language)
    return {"title": label, "payload": label}


TELL_ME_MORE = tell_me_more("en")


class ClinicResponseGenerator(TemplatedNaturalLanguageGenerator):
    def __init__(
        self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None
    ) -> None:
        super().__init__((domain or Domain.empty()).responses)

    async def generate(
        self,
        utter_action: Text,
        tracker: DialogueStateTracker,
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        channel = tracker.get_latest_input_channel() or output_channel
        slots = tracker.current_slot_values()
        language = conversation_language(slots.get(LANGUAGE_KEY))
        kwargs.pop(LANGUAGE_KEY, None)  # an action's own say-so must not override the conversation's
        message = self._render(utter_action, slots, language, channel, **kwargs)
        if not message:
            return message
        if message.get("text"):
            message["text"] = self._with_safety(message["text"], utter_action, tracker, slots, language, channel)
        if offers_more(utter_action) and not message.get("buttons"):
            message["buttons"] = [tell_me_more(language)]
        message[LANGUAGE_KEY] = language
        return message

    def _render(self, utter_action: Text, slots: Dict[Text, Any], language: str, channel: Text,
                **kwargs: Any) -> Optional[Dict[Text, Any]]:
        clinic_values = settings.clinic(language).template_values()
        # The resolved language, so variants conditioned on the slot follow the default too.
        values = {**slots, LANGUAGE_KEY: language, **clinic_values,
                  "clinic_booking_page": clinic_profile.booking_page(clinic_values)}
        if utter_action.startswith(FAQ_PREFIX):
            values.update(clinic_profile.template_values(clinic_values, language=language))
        message = self.generate_from_slots(utter_action, values, channel, **kwargs)
        if message and message.get("text"):
            text = contract(message["text"], language)
            message["text"] = capitalise_sentence_starts(text, clinic_values.values())
        return message

    def _with_safety(self, text: Text, utter_action: Text, tracker: DialogueStateTracker,
                     slots: Dict[Text, Any], language: str, channel: Text) -> Text:
        """A safety reply to a message written partly in the other language is sent in both;
        any other reply to a message that may report a symptom ends with the emergency line."""
        said = tracker.latest_message.text if tracker.latest_message else ""
        if utter_action in SAFETY_REPLIES:
            other = also_written_in(said or "", language, settings.languages())
            second = self._render(utter_action, slots, other, channel) if other else None
            return f"{text}\n\n{second['text']}" if second and second.get("text") else text
        number = settings.clinic(language).template_values()["emergency_number"]
        if may_report_symptom(tracker) and number not in text and not _number_said_this_turn(tracker, number):
            return f"{text} {say('caution', language)}"
        return text

    def _random_response_for(
        self, utter_action: Text, output_channel: Text, filled_slots: Dict[Text, Any]
    ) -> Optional[Dict[Text, Any]]:
        """The most specific variant whose conditions all hold (Spanish self-harm before
        Spanish, before the default), on the user's channel when it has one. Rasa's own
        filter prefers any channel variant to a conditional one, so an English SMS text
        would win over the Spanish web text."""
        variants = [v for v in self.responses.get(utter_action) or []
                    if all(_holds(c, filled_slots) for c in v.get("condition") or [])]
        if not variants:
            return None
        on_channel = [v for v in variants if v.get("channel") == output_channel]
        generic = [v for v in variants if not v.get("channel")]
        specificity = lambda v: len(v.get("condition") or [])  # noqa: E731
        best = max(map(specificity, variants))
        for pool in (on_channel, generic):
            chosen = [v for v in pool if specificity(v) == best]
            if chosen:
                return random.choice(chosen)
        # the most specific text exists only for another channel: the next best here
        return max(on_channel + generic, key=specificity, default=None)


def may_report_symptom(tracker: DialogueStateTracker) -> bool:
    """The red-flag gate's `caution` on the latest message: no red flag, but the
    classifier's reading of one was not negligible (bot/nlu/red_flag_gate.py)."""
    parse = tracker.latest_message.parse_data if tracker.latest_message else {}
    return bool(((parse or {}).get("red_flag") or {}).get("caution"))


def _number_said_this_turn(tracker: DialogueStateTracker, number: Text) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and number in (event.text or ""):
            return True
    return False


def _holds(condition: Dict[Text, Any], slots: Dict[Text, Any]) -> bool:
    value = slots.get(condition.get("name"))
    wanted = condition.get("value")
    if isinstance(value, str) and isinstance(wanted, str):
        return value.casefold() == wanted.casefold()
    return value == wanted


def offers_more(utter_action: Text) -> bool:
    """A precise answer has a fuller answer behind it; a clinic fact does not."""
    return utter_action.startswith(FAQ_PREFIX) and "__" in utter_action and not is_clinic_fact(utter_action)


def capitalise_sentence_starts(text: Text, values: Iterable[Text]) -> Text:
    """A value filled in at the start of a sentence starts with a capital: "The clinic can
    tell you", when CLINIC_NAME is unset and the name is "the clinic"."""
    for value in {v for v in values if v and v[0].islower()}:
        text = re.sub(r"(^|[.!?]\s+)" + re.escape(value), lambda m: m.group(1) + value[0].upper() + value[1:], text)
    return text
