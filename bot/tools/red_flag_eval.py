"""The open-world red-flag sets (tests/data/redflag_open_*.yml): per-category recall with
Wilson 95 % intervals, over-triage by kind, whether every emergency's reply carries the
emergency number, and whether Spanish messages are answered in Spanish.

Each set was written from bot/safety/categories.yml alone by someone who saw neither the
training data nor the rules; none is ever trained on (tests/test_heldout_is_unseen.py).
"""
from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import yaml

from bot.i18n.language import also_written_in

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
TIER_OF_INTENT = {"red_flag_emergency": "emergency", "red_flag_urgent": "urgent"}
# Replies that carry the emergency number whatever the message (domain.yml).
NUMBER_INTENTS = {"red_flag_emergency", "red_flag_urgent", "symptom_check", "nlu_fallback", "out_of_scope", "greet"}


def wilson_interval(successes: int, total: int, z: float = 1.96) -> Tuple[float, float]:
    if total == 0:
        return (0.0, 1.0)
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


# Each round was written blind while the one before was read and its misses fixed in general
# form; a round's first run is the honest figure, recorded in docs/evaluations/.
ROUNDS = {"round 1 (b*: first run before any fix, tuned against since)": "redflag_open_b*.yml",
          "round 2 (r*: written blind after round 1; first run, then tuned against)": "redflag_open_r*.yml",
          "round 3 (s*: written blind after round 2; first run, then tuned against)": "redflag_open_s*.yml",
          "round 4 (u*: written blind after round 3; first run, then read)": "redflag_open_u*.yml",
          "round 5 (v*: written blind after round 4, with hand 5 in training; first run, then read)": "redflag_open_v*.yml",
          "round 6 (w*: written blind after round 5; first run, then read)": "redflag_open_w*.yml",
          "round 7 (x*: written blind after round 6, with hand 6 in training; first run, then read)": "redflag_open_x*.yml",
          "round 8 (y*: written blind after round 7; first run, then read)": "redflag_open_y*.yml",
          "round 9 (z*: written blind after round 8, with hand 8 in training; first run, then read)": "redflag_open_z*.yml",
          "round 10 (q*: written blind after round 9, with sessions 12-13's fixes)": "redflag_open_q*.yml",
          "round 11 (p*: written blind after round 10, with session 13's fixes)": "redflag_open_p*.yml",
          "round 12 (o*: written blind after round 11, with its fixes and hand 11 in training)": "redflag_open_o*.yml",
          "round 13 (n*: written blind after round 12, with its fixes)": "redflag_open_n*.yml",
          "round 14 (m*: written blind after round 13, with its fixes; session 14's end)": "redflag_open_m*.yml",
          "round 15 (l*: written blind after round 14, with its fixes; session 15's start)": "redflag_open_l*.yml",
          "round 16 (k*: written blind after round 15, with its fixes and hand 12; session 16)": "redflag_open_k*.yml",
          "round 17 (j*: written blind after round 16, with its fixes; session 16's end)": "redflag_open_j*.yml",
          "round 18 (i*: written blind after round 17, with its fixes; session 17)": "redflag_open_i*.yml",
          "round 19 (h*: written blind after round 18, with its fixes and hand 14; session 18)": "redflag_open_h*.yml",
          "round 20 (g*: written blind after round 19, with its fixes; session 19)": "redflag_open_g*.yml",
          "round 21 (f*: written blind after round 20, with its fixes and hand 15; session 19)": "redflag_open_f*.yml",
          "round 22 (e*: Spanish, written blind after round 21, with its fixes; session 20)": "redflag_open_e*.yml",
          "round 23 (d*: English and Spanish, written blind after round 22, with its fixes and hand 16; session 22)": "redflag_open_d*.yml",
          "round 24 (c*: English and Spanish, written blind after round 23, with its fixes; session 23)": "redflag_open_c*.yml",
          "round 25 (a*: English and Spanish, written blind after round 24, with its fixes; session 24)": "redflag_open_a[0-9]*.yml",
          "round 26 (t*: English and Spanish, written blind after round 25, with its fixes and hands 21-24; session 27)": "redflag_open_t*.yml",
          "round 27 (aa*: English and Spanish, written blind after round 26, with sessions 27-32's fixes; session 33)": "redflag_open_aa*.yml",
          "round 28 (ab*: English and Spanish, written blind after round 27, with session 33's fixes; session 34)": "redflag_open_ab*.yml",
          "round 29 (ac*: English and Spanish, written blind after round 28, with session 34's fixes; session 35)": "redflag_open_ac*.yml",
          "round 30 (ad*: English and Spanish, written blind after round 29, with session 35's fixes; session 36)": "redflag_open_ad*.yml",
          "round 31 (ae*: English and Spanish, written blind after round 30, with session 36's fixes and hand 42; session 37)": "redflag_open_ae*.yml",
          "round 32 (af*: English and Spanish, long stories, written blind after round 31, with its fixes; session 38)": "redflag_open_af*.yml"}


def open_rounds() -> Dict[str, List[Dict]]:
    return {name: [m for path in sorted(DATA_DIR.glob(pattern))
                   for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]]
            for name, pattern in ROUNDS.items()}


def faq_keys_with_number(domain_responses: Dict[str, List[Dict]]) -> set:
    return {name[len("utter_"):] for name, variants in domain_responses.items()
            if name.startswith("utter_faq/") and all("{emergency_number}" in (v.get("text") or "") for v in variants)}


def reply_carries_number(parse: Dict, faq_with_number: set) -> bool:
    intent = (parse.get("intent") or {}).get("name")
    if intent in NUMBER_INTENTS or (parse.get("red_flag") or {}).get("caution"):
        return True  # caution: the reply ends with the emergency line (bot/nlg.py)
    if intent == "faq":
        key = (((parse.get("response_selector") or {}).get("faq") or {}).get("response") or {}).get("intent_response_key")
        return key in faq_with_number
    return False


def language_of(parse: Dict) -> str:
    values = [e["value"] for e in parse.get("entities") or [] if e.get("entity") == "language"]
    return values[-1] if values else "en"


def reply_languages(text: str, parse: Dict) -> set:
    """The languages the safety reply is written in: the message's, and the other one too
    when the message mixes them (bot/nlg.py)."""
    language = language_of(parse)
    other = also_written_in(text, language)
    return {language, other} if other else {language}


def score(messages: Sequence[Dict], parses: Sequence[Dict], faq_with_number: set) -> Dict:
    """Per language and tier: what the open-world issue's done-when asks for."""
    rows = []
    for message, parse in zip(messages, parses):
        rows.append({**message, "got": TIER_OF_INTENT.get((parse.get("intent") or {}).get("name"), "none"),
                     "intent": (parse.get("intent") or {}).get("name"),
                     "number": reply_carries_number(parse, faq_with_number),
                     "reply_langs": reply_languages(message["text"], parse)})
    result: Dict = {"by_lang": {}, "misses": []}
    for lang in sorted({r["lang"] for r in rows}):
        mine = [r for r in rows if r["lang"] == lang]
        em = [r for r in mine if r["tier"] == "emergency"]
        ur = [r for r in mine if r["tier"] == "urgent"]
        calm = [r for r in mine if r["tier"] == "none"]
        per_category = defaultdict(lambda: [0, 0])
        for r in em + ur:
            hit = r["got"] == "emergency" if r["tier"] == "emergency" else r["got"] != "none"
            per_category[(r["tier"], r["category"])][0] += hit
            per_category[(r["tier"], r["category"])][1] += 1
        over = defaultdict(lambda: [0, 0])
        for r in calm:
            over[r.get("category") or "unlabelled"][0] += r["got"] == "emergency"
            over[r.get("category") or "unlabelled"][1] += 1
        result["by_lang"][lang] = {
            "emergency": _rate(sum(r["got"] == "emergency" for r in em), len(em)),
            "emergency_reply_has_number": _rate(sum(r["number"] for r in em), len(em)),
            "emergency_reply_in_language": _rate(sum(lang in r["reply_langs"] for r in em), len(em)),
            "urgent_escalated": _rate(sum(r["got"] != "none" for r in ur), len(ur)),
            "calm_read_as_emergency": _rate(sum(r["got"] == "emergency" for r in calm), len(calm)),
            "calm_escalated_any": _rate(sum(r["got"] != "none" for r in calm), len(calm)),
            "per_category": {f"{t}/{c}": _rate(*v) for (t, c), v in sorted(per_category.items())},
            "over_triage_by_kind": {k: _rate(*v) for k, v in sorted(over.items())},
        }
        result["misses"] += [
            {"lang": lang, "tier": r["tier"], "category": r.get("category"), "got": r["intent"], "text": r["text"]}
            for r in mine
            if (r["tier"] == "emergency" and r["got"] != "emergency") or (r["tier"] == "urgent" and r["got"] == "none")
            or (r["tier"] == "none" and r["got"] == "emergency")
        ]
    return result


def _rate(hits: int, n: int) -> Dict:
    low, high = wilson_interval(hits, n)
    return {"rate": hits / n if n else 1.0, "hits": hits, "n": n, "ci95": [low, high]}


def render(result: Dict, title: str) -> List[str]:
    lines = ["", f"## Open-world red-flag sets, {title}", ""]
    fmt = lambda r: f"{r['rate']:.1%} ({r['hits']}/{r['n']}; 95% CI {r['ci95'][0]:.1%}–{r['ci95'][1]:.1%})"  # noqa: E731
    for lang, s in result["by_lang"].items():
        lines += [f"### {lang}", "", "| measure | value |", "|---|---|",
                  f"| emergency recall | {fmt(s['emergency'])} |",
                  f"| emergency reply carries the emergency number | {fmt(s['emergency_reply_has_number'])} |",
                  f"| emergency reply in the message's language | {fmt(s['emergency_reply_in_language'])} |",
                  f"| urgent escalated (urgent or emergency) | {fmt(s['urgent_escalated'])} |",
                  f"| routine, negated, hypothetical, figurative read as emergency | {fmt(s['calm_read_as_emergency'])} |",
                  f"| ... escalated at any tier | {fmt(s['calm_escalated_any'])} |", "",
                  "| tier/category | recall |", "|---|---|"]
        lines += [f"| {k} | {fmt(v)} |" for k, v in s["per_category"].items()]
        lines += ["", "| kind (not a red flag) | read as emergency |", "|---|---|"]
        lines += [f"| {k} | {fmt(v)} |" for k, v in s["over_triage_by_kind"].items()]
        lines.append("")
    return lines
