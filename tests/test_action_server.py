"""bot/serving/action_server.py: a failing action's error reply (which Rasa writes into its log)
and the action server's own log carry no message text and no sender id."""
from __future__ import annotations

from pathlib import Path

import requests

from tests.servers import action_server

SECRET_WORDS = "my chest is crushing and I cannot breathe"
SENDER = "+15557654321"


def test_a_failing_action_answers_500_without_the_conversation(tmp_path: Path) -> None:
    # Escalation and handoff records on a database nothing listens on: the handoff
    # action fails over to a log line; an action given a broken tracker fails outright.
    env = {"ESCALATION_STORE_URL": "postgresql://nobody@127.0.0.1:9/nowhere"}
    with action_server(tmp_path, env) as server:
        url = f"http://127.0.0.1:{server.port}/webhook"
        handoff = {"next_action": "action_record_handoff", "sender_id": SENDER, "domain": {},
                   "tracker": {"sender_id": SENDER, "latest_message": {"text": SECRET_WORDS}, "events": []}}
        assert requests.post(url, json=handoff, timeout=30).status_code == 200  # recorded or not, it answers
        broken = {"next_action": "action_escalate_red_flag", "sender_id": SENDER, "domain": {},
                  "tracker": {"sender_id": SENDER, "events": [],
                              "latest_message": {"text": SECRET_WORDS, "intent": {"name": "red_flag_emergency"},
                                                 "entities": 5}}}
        reply = requests.post(url, json=broken, timeout=30)
        assert reply.status_code == 500
        assert SECRET_WORDS not in reply.text and SENDER not in reply.text
        assert "failed" in reply.json()["error"]

        health = requests.get(f"http://127.0.0.1:{server.port}/health", timeout=10)
        assert health.status_code == 200  # still serving
        log = server.log()
    assert "Action failed" in log and "Call-back request NOT recorded" in log
    assert SECRET_WORDS not in log and SENDER not in log
