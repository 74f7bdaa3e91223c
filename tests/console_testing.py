"""Helpers for the console tests: staff accounts in the stack's database, signed-in
HTTP sessions, patient messages on the REST and SMS channels."""
from __future__ import annotations

import time
import uuid
import xml.etree.ElementTree as ET
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import urlencode

import requests
from twilio.request_validator import RequestValidator

from bot.clinic import staff

PASSWORD = "a long enough test password"
SMS_PATH = "/webhooks/twilio/webhook"


def db_url(stack: Any) -> str:
    return f"sqlite:///{stack.db_path}"


def new_account(stack: Any, role: str = "clinician", password: str = PASSWORD) -> str:
    email = f"staff-{uuid.uuid4().hex[:8]}@clinic.example"
    staff.add_or_update(email, role, password, url=db_url(stack))
    return email


class Console:
    """A signed-in staff member's browser, as far as HTTP goes."""

    def __init__(self, stack: Any, email: Optional[str] = None) -> None:
        self.base = stack.url
        self.email = email or new_account(stack)
        self.http = requests.Session()
        r = self.http.post(f"{self.base}/console/login", json={"email": self.email, "password": PASSWORD}, timeout=30)
        assert r.status_code == 200, r.text
        self.csrf = r.json()["csrf_token"]
        self.cookie = self.http.cookies.get("console_session")

    def get(self, path: str) -> requests.Response:
        return self.http.get(self.base + path, timeout=30)

    def post(self, path: str, body: Optional[Dict] = None, csrf: bool = True) -> requests.Response:
        headers = {"X-CSRF-Token": self.csrf} if csrf else {}
        return self.http.post(self.base + path, json=body, headers=headers, timeout=30)

    def queue(self) -> List[Dict]:
        r = self.get("/console/api/queue")
        assert r.status_code == 200, r.text
        return r.json()["items"]

    def wait_for_item(self, predicate: Callable[[Dict], bool], timeout: float = 20) -> Dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            for item in self.queue():
                if predicate(item):
                    return item
            time.sleep(0.3)
        raise AssertionError("no such queue item appeared")


def say(stack: Any, sender: str, text: str) -> List[Dict]:
    r = requests.post(f"{stack.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def sms(stack: Any, phone: str, text: str) -> List[str]:
    """A signed Twilio webhook from `phone`; the TwiML reply's messages."""
    params = {"From": phone, "To": stack.env["TWILIO_NUMBER"], "Body": text, "MessageSid": "SM" + uuid.uuid4().hex}
    url = stack.url + SMS_PATH
    signature = RequestValidator(stack.env["TWILIO_AUTH_TOKEN"]).compute_signature(url, params)
    r = requests.post(url, data=urlencode(params), timeout=60,
                      headers={"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200, r.text
    return [m.text or "" for m in ET.fromstring(r.text).findall("Message")]


def tracker_events(stack: Any, sender: str) -> List[Dict]:
    r = requests.get(f"{stack.url}/conversations/{sender}/tracker", params={"token": stack.token}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["events"]
