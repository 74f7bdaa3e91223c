"""What the service's own code says to patients, one table per language.

The curated answers and the core replies live in the domain and data/responses/ (with
Spanish variants chosen by the `language` slot, bot/nlg.py); these are the few sentences
the code writes itself: buttons, the SMS keyword replies and options, call-back
confirmations, the reply when the bot fails. The website widget's own strings are in
bot/web/static/widget.js (the same two languages). Placeholders in {braces} are filled
with the clinic's values (bot/settings.py) and the values each caller passes.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, Optional

from bot import settings

EN: Dict[str, str] = {
    # Under a precise answer: the topic's full answer (bot/nlg.py). The payload is sent
    # back as the patient's message, so it is written in the conversation's language.
    "tell_me_more": "Tell me more",
    # After "not sure", above the likeliest topics (actions/suggestions.py).
    "suggest_topics": "Were you asking about one of these?",
    # SMS: buttons become numbered options ("Reply 1 for Tell me more.").
    "sms_options": "Reply {options}.",
    "sms_option": "{number} for {title}",
    "sms_help": ("This is the dry needling question service of {clinic_name}. Text your question. "
                 "To talk to the clinic call {clinic_phone}. In an emergency call {emergency_number} now. "
                 "Reply STOP to opt out."),
    # A Spanish opt-out / opt-in word Twilio's defaults do not handle (bot/channels/twilio_sms.py),
    # answered in English only when the clinic offers no Spanish.
    "sms_opted_out": ("Done: {clinic_name} will send you no more messages here. If you text a question, "
                      "we will still answer it. Reply START to get the clinic's messages again. In an "
                      "emergency call {emergency_number}."),
    "sms_opted_in": "Done: {clinic_name} can text you here again. Text your question any time.",
    # The bot failed mid-turn and said nothing (bot/channels/rest.py).
    # Ends a reply to a message that may report a symptom the gate could not place (bot/nlg.py).
    "caution": ("If you or someone with you has a worrying symptom right now, call {emergency_number} now, "
                "or contact {clinic_name} today."),
    "unavailable": ("Sorry, I can't answer right now. If this is an emergency, call {emergency_number} now. "
                    "For anything else, please contact {clinic_name} at {clinic_phone}."),
    # Call-back contact (actions/callback.py). No promise of when: the clinic has made none.
    "callback_saved": ("Thank you. The staff of {clinic_name} will see your request with {contact} and contact "
                       "you when they can; I can't say exactly when. If it can't wait, call {clinic_phone}. "
                       "In an emergency, call {emergency_number}."),
    "callback_invalid": ("That doesn't look like a phone number or e-mail address I can pass on. Please send it "
                         "again (for example name@example.com, or your number with its area code), or call "
                         "{clinic_name} on {clinic_phone}."),
    "callback_not_saved": ("Sorry, I couldn't save your contact details just now. Please call {clinic_name} on "
                           "{clinic_phone}. In an emergency, call {emergency_number}."),
    # A clinic fact its profile leaves unset (bot/clinic_profile.py).
    "profile_unset": "I don't have this here. Please call {clinic_phone} or visit {clinic_url}",
}

ES: Dict[str, str] = {
    "tell_me_more": "Cuénteme más",
    "suggest_topics": "¿Preguntaba por alguno de estos temas?",
    "sms_options": "Responda {options}.",
    "sms_option": "{number} para {title}",
    "sms_help": ("Este es el servicio de preguntas sobre punción seca de {clinic_name}. Escriba su pregunta. "
                 "Para hablar con la clínica, llame al {clinic_phone}. En una emergencia, llame al "
                 "{emergency_number} ahora. Responda STOP para no recibir más mensajes."),
    "sms_opted_out": ("Listo: {clinic_name} no le enviará más mensajes por aquí. Si nos escribe una pregunta, "
                      "se la responderemos. Para volver a recibir mensajes de la clínica, responda INICIAR. En "
                      "una emergencia, llame al {emergency_number}."),
    "sms_opted_in": "Listo: {clinic_name} puede volver a escribirle por aquí. Escriba su pregunta cuando quiera.",
    "caution": ("Si usted o alguien con usted tiene ahora un síntoma que le preocupa, llame al "
                "{emergency_number} ahora, o comuníquese hoy con {clinic_name}."),
    "unavailable": ("Lo siento, no puedo responder ahora. Si es una emergencia, llame al {emergency_number} "
                    "ahora. Para cualquier otra cosa, comuníquese con {clinic_name} al {clinic_phone}."),
    "callback_saved": ("Gracias. El personal de {clinic_name} verá su solicitud con {contact} y se comunicará "
                       "con usted cuando pueda; no puedo decirle exactamente cuándo. Si no puede esperar, llame "
                       "al {clinic_phone}. En una emergencia, llame al {emergency_number}."),
    "callback_invalid": ("Eso no parece un número de teléfono ni un correo electrónico que pueda pasar. Envíelo "
                         "de nuevo (por ejemplo nombre@ejemplo.com, o su número con el código de área), o llame "
                         "a {clinic_name} al {clinic_phone}."),
    "callback_not_saved": ("Lo siento, no pude guardar sus datos de contacto ahora. Llame a {clinic_name} al "
                           "{clinic_phone}. En una emergencia, llame al {emergency_number}."),
    "profile_unset": "No tengo este dato aquí. Llame al {clinic_phone} o visite {clinic_url}",
}

TABLES: Dict[str, Dict[str, str]] = {"en": EN, "es": ES}


def conversation_language(slot_value: Optional[str] = None, offered: Optional[Iterable[str]] = None) -> str:
    """The language replies are written in: the conversation's (its `language` slot) when
    the clinic offers it, else the clinic's first language (LANGUAGES)."""
    offered = tuple(offered or settings.languages())
    value = (slot_value or "").strip().lower() if isinstance(slot_value, str) else None
    return value if value in offered else offered[0]


def say(key: str, language: str, **values: Any) -> str:
    """The sentence `key` in `language` (English when the language has no table), with the
    clinic's values for that language and `values` filled in."""
    table = TABLES.get(language, EN)
    filled = table[key].format(**{**settings.clinic(language).template_values(), **values})
    return polish(filled, language)


# Spanish contracts "a el" and "de el": a value filled in after "al"/"a"/"de" (the generic
# "el teléfono de la clínica" when CLINIC_PHONE is unset) must not read "al el teléfono".
_SPANISH_CONTRACTIONS = [
    (re.compile(r"\b([Aa])l? el\b"), r"\1l"),
    (re.compile(r"\b([Dd])e el\b"), r"\1el"),
]


def contract(text: str, language: str) -> str:
    """Grammar that depends on the values filled in: "al el teléfono" -> "al teléfono"."""
    if language == "es":
        for pattern, replacement in _SPANISH_CONTRACTIONS:
            text = pattern.sub(replacement, text)
    return text


def polish(text: str, language: str) -> str:
    """contract(), then a capital at the start ("the clinic's phone" opening a sentence)."""
    text = contract(text, language)
    return text[:1].upper() + text[1:]
