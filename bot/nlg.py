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
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, Optional, Text

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import clinic_profile, settings
from bot.topics import is_clinic_fact

FAQ_PREFIX = "utter_faq/"
TELL_ME_MORE = {"title": "Tell me more", "payload": "Tell me more"}


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
        clinic_values = settings.clinic().template_values()
        values = {**tracker.current_slot_values(), **clinic_values}
        if utter_action.startswith(FAQ_PREFIX):
            values.update(clinic_profile.template_values(clinic_values))
        message = self.generate_from_slots(utter_action, values, channel, **kwargs)
        if message and message.get("text"):
            message["text"] = capitalise_sentence_starts(message["text"], clinic_values.values())
        if message and offers_more(utter_action) and not message.get("buttons"):
            message["buttons"] = [dict(TELL_ME_MORE)]
        return message


def offers_more(utter_action: Text) -> bool:
    """A precise answer has a fuller answer behind it; a clinic fact does not."""
    return utter_action.startswith(FAQ_PREFIX) and "__" in utter_action and not is_clinic_fact(utter_action)


def capitalise_sentence_starts(text: Text, values: Iterable[Text]) -> Text:
    """A value filled in at the start of a sentence starts with a capital: "The clinic can
    tell you", when CLINIC_NAME is unset and the name is "the clinic"."""
    for value in {v for v in values if v and v[0].islower()}:
        text = re.sub(r"(^|[.!?]\s+)" + re.escape(value), lambda m: m.group(1) + value[0].upper() + value[1:], text)
    return text
