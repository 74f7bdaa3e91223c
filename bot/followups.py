"""Follow-up questions that name no topic ("and how long does that last?"): which topic
answers them, given the topic of the previous answer."""
from __future__ import annotations

import re
from typing import Optional

# What the follow-up asks about, by its words. First match wins.
ASPECTS = [
    ("duration", re.compile(r"\bhow long\b|\blast\b|\bwear off\b|\bgo away\b")),
    ("after", re.compile(r"\bafter(wards?)?\b|\bthen what\b|\bnext\b")),
    ("cost", re.compile(r"\bcost|\bprice|\bhow much\b|\bpay\b|\binsurance\b|\bcovered\b")),
    ("pain", re.compile(r"\bhurt|\bpain|\bpainful\b|\bsore\b")),
    ("frequency", re.compile(r"\bhow (often|many)\b|\bhow frequent")),
    ("safety", re.compile(r"\bsafe\b|\brisk|\bdanger")),
    ("normal", re.compile(r"\bnormal\b|\bok(ay)?\b|\busual\b")),
]

# (aspect, previous topic) -> topic; (aspect, None) is the answer whatever came before.
FOLLOWUP_TOPIC = {
    ("duration", "soreness_after"): "soreness_after",
    ("duration", "side_effects"): "soreness_after",
    ("duration", "aftercare"): "soreness_after",
    ("duration", "session_steps"): "session_length",
    ("duration", "session_length"): "session_length",
    ("duration", "does_it_hurt"): "soreness_after",
    ("duration", "number_of_sessions"): "number_of_sessions",
    ("duration", "twitch_response"): "twitch_response",
    ("duration", None): "results_duration",
    ("after", "session_steps"): "aftercare",
    ("after", None): "aftercare",
    ("cost", "insurance"): "insurance",
    ("cost", None): "cost",
    ("pain", "soreness_after"): "soreness_after",
    ("pain", "aftercare"): "soreness_after",
    ("pain", None): "does_it_hurt",
    ("frequency", None): "number_of_sessions",
    ("safety", "contraindications"): "contraindications",
    ("safety", "serious_risks"): "serious_risks",
    ("safety", None): "safety",
    ("normal", "does_it_hurt"): "does_it_hurt",
    ("normal", "twitch_response"): "twitch_response",
    ("normal", "soreness_after"): "soreness_after",
    # No default for "is that ok / normal?": after the pregnancy, safety, side-effect or
    # risk answers it asks about THAT answer, and a reply that opens "Yes, ... normal"
    # would reassure about something else. The previous topic answers it again.
}


def aspect_of(text: str) -> Optional[str]:
    lowered = (text or "").lower()
    return next((name for name, pattern in ASPECTS if pattern.search(lowered)), None)


def answer_topic(text: str, previous_topic: Optional[str]) -> Optional[str]:
    """The topic that answers this follow-up, or None when we can't tell."""
    aspect = aspect_of(text)
    if aspect is None:
        # "tell me more", "why is that": more on the same topic is the best answer.
        return previous_topic
    return (FOLLOWUP_TOPIC.get((aspect, previous_topic)) or FOLLOWUP_TOPIC.get((aspect, None))
            or previous_topic)
