"""ContactIntent: a message that is mostly a phone number or an e-mail address is
`give_contact`, whatever the classifier made of it.

After "how can the clinic reach you?" patients often send the bare address
("maria.gonzalez@gmail.com"): its n-grams are unlike any example, the classifier was
unsure, and the call-back contact was lost to "not sure". The same parsers the call-back
action uses (libphonenumber, email-validator; bot/clinic/contacts.py) decide here. Runs
before the red-flag gate, which still has the last word ("call 07700 900123, he's not
breathing" is an emergency).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import settings
from bot.clinic.contacts import find_email, find_phone
from bot.nlu.intents import Gate, set_intent

GIVE_CONTACT = "give_contact"
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_EMAIL_OR_DIGITS = re.compile(r"\S+@\S+|[\d+()\-. ]{7,}")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ContactIntent(Gate):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Beyond this many other words the message says something else too ("my number
        # changed, can you update it and also what do I wear"): the classifier decides.
        return {"max_other_words": 6}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if "@" not in text and sum(c.isdigit() for c in text) < 7:
                continue  # nothing that could be a contact: the common case, no parsing
            if len(_WORD.findall(_EMAIL_OR_DIGITS.sub(" ", text))) > self.config["max_other_words"]:
                continue
            if find_email(text) or find_phone(text, settings.clinic_phone_region()):
                set_intent(message, GIVE_CONTACT, 1.0)
        return messages
