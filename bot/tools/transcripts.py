"""The README's transcripts, from the running bot: starts `bot/run.sh` (action server and
Rasa server) with the README's clinic values, sends each conversation over the REST channel
and prints it as the README shows it. A reply longer than two sentences is cut after them,
with "[...]"; a button is shown as [title].

    python -m bot.tools.transcripts > var/transcripts.md
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from typing import Dict, List

from bot.settings import PROJECT_ROOT

CLINIC = {"CLINIC_NAME": "Harbour Physio", "CLINIC_PHONE": "(555) 010-0100", "CLINIC_URL": "https://harbourphysio.example",
          "CLINIC_PROFILE": "docs/clinic-profile.example.yml", "EMERGENCY_NUMBER": "911", "CRISIS_LINE": "988",
          "LANGUAGES": "en,es"}
CONVERSATIONS: List[List[str]] = [
    ["hi", "does dry needling hurt?", "and how long does that last", "will my insurance pay for it"],
    ["can it puncture a lung?", "no chest pain or anything, just really sore where she needled, is that normal"],
    ["not sure its related but i cant breathe properly since the session"],
    ["the needle spot on my calf is red, hot and the redness is spreading"],
    ["how much r u charging", "r u a bot", "can someone call me back pls", "my number is (415) 555-2671"],
    ["can i take ibuprofen after dry needling?", "Tell me more", "and how long does that last?"],
    ["im on blood thinners, can i still have it", "what about aspirin?"],
    ["can i have a glass of wine after my session", "can my 12 year old have it", "does it help plantar fasciitis?"],
    ["when are you open", "is there parking"],
    ["hola", "¿la punción seca duele?", "y cuanto dura eso", "cuanto cobran?", "gracias"],
    ["me hicieron puncion seca ayer, puedo tomar ibuprofeno?", "Cuénteme más", "in English please"],
    ["hola, me hicieron puncion seca ayer", "ahora me falta el aire y me duele el pecho"],
    ["my husband's face looks lopsided and he's not making sense"],
    ["i took all my painkillers at once, i dont want to be here anymore"],
    ["i fainted for a second after the session but im fine now"],
]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z¿¡ÁÉÍÓÚ])")


def _post(url: str, sender: str, text: str) -> List[Dict]:
    request = urllib.request.Request(url, data=json.dumps({"sender": sender, "message": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _shown(message: Dict) -> str:
    sentences = SENTENCE_END.split(" ".join((message.get("text") or "").split()))
    text = " ".join(sentences[:2]) + (" [...]" if len(sentences) > 2 else "")
    buttons = "".join(f" [{b['title']}]" for b in message.get("buttons") or [])
    return text + buttons


def main() -> None:
    port = os.environ.get("PORT", "5105")
    env = {**os.environ, **CLINIC, "PORT": port, "ACTIONS_PORT": os.environ.get("ACTIONS_PORT", "5155"),
           "RASA_TELEMETRY_ENABLED": "false"}
    env.pop("ACTION_SERVER_URL", None)  # its own action server, as `make run`
    server = subprocess.Popen(["bash", "bot/run.sh"], cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    try:
        for _ in range(240):
            try:
                _post(url, "warm-up", "hi")
                break
            except OSError:
                time.sleep(1)
        for conversation in CONVERSATIONS:
            sender = f"readme-{uuid.uuid4().hex[:8]}"
            print("```")
            for text in conversation:
                print(f"you: {text}")
                for message in _post(url, sender, text):
                    print(f"bot: {_shown(message)}")
            print("```\n")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
