"""How a patient who asked for a person wants to be reached: a phone number (Google's
libphonenumber, via `phonenumbers`) or an e-mail address (`email-validator`, syntax only:
no DNS lookups from a clinic's server), found in what they typed.

Plain Python, text in, contact out; the action stores it (the patient sent it after being
told what it is kept for: that is the consent) and the console shows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bot.clinic import records
from bot.clinic.tables import callback_contacts

_EMAIL_CANDIDATE = re.compile(r"[^\s<>(),;:\"']+@[^\s<>(),;:\"']+")


@dataclass(frozen=True)
class Contact:
    method: str  # "phone" | "email"
    value: str   # E.164 for phones, the normalised address for e-mails

    def masked(self) -> str:
        """For replies and logs that must not repeat it whole."""
        if self.method == "phone":
            return "…" + self.value[-4:]
        local, _, domain = self.value.partition("@")
        return f"{local[:1]}…@{domain}"


def find_email(text: str) -> Optional[str]:
    for candidate in _EMAIL_CANDIDATE.findall(text):
        try:
            return validate_email(candidate.rstrip("."), check_deliverability=False).normalized
        except EmailNotValidError:
            continue
    return None


def find_phone(text: str, region: str) -> Optional[str]:
    """The first valid number in the text, as E.164; national numbers read for `region`."""
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
        return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    return None


def find_contact(text: str, region: str = "US") -> Optional[Contact]:
    email = find_email(text)
    if email:
        return Contact("email", email)
    phone = find_phone(text, region)
    return Contact("phone", phone) if phone else None


def record(conversation_id: str, contact: Contact, url: Optional[str] = None) -> int:
    with records.engine(url).begin() as conn:
        result = conn.execute(callback_contacts.insert().values(
            created_at=records.now(), conversation_id=conversation_id, method=contact.method, value=contact.value))
        return int(result.inserted_primary_key[0])
