"""`make eval`: how well the trained model answers messages it has never seen.

Held-out sets (tests/data/, never trained on):
- heldout_nlu.yml: FAQ topics and the other intents. Reports per-label precision and
  recall, FAQ accuracy, the wrong-answer rate (a confident answer to the wrong topic:
  worse than "I'm not sure"), the fallback rate and the most confused pairs.
- safety_set.yml (tuned against), safety_blind.yml (seen once) and safety_final.yml
  (written last, never tuned against): emergency
  recall with a 95 % Wilson interval, urgent recall (emergency counts as caught),
  over-triage of routine and negated messages, and every miss.
Writes var/eval/report.md, var/eval/summary.json and var/eval/confusion.png.
"""
from __future__ import annotations

import asyncio
import json
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import yaml  # noqa: E402

from bot.settings import PROJECT_ROOT, VAR_DIR  # noqa: E402
from bot.tools import red_flag_eval  # noqa: E402
from bot.tools.red_flag_eval import wilson_interval  # noqa: E402

DATA_DIR = PROJECT_ROOT / "tests" / "data"
MODEL_PATH = PROJECT_ROOT / "models" / "dry-needling.tar.gz"
OUT_DIR = VAR_DIR / "eval"
SAFETY_SETS = ("safety_set", "safety_blind", "safety_final", "safety_untouched")
CORE_INTENTS = ("greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "request_human", "out_of_scope")
NOT_ANSWERED = ("nlu_fallback", "out_of_scope")
TIER_OF_INTENT = {"red_flag_emergency": "emergency", "red_flag_urgent": "urgent"}


def load_heldout(path: Path = DATA_DIR / "heldout_nlu.yml") -> List[Tuple[str, str]]:
    examples = []
    for block in yaml.safe_load(path.read_text())["nlu"]:
        for line in block["examples"].splitlines():
            text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
            if text:
                examples.append((text, block["intent"]))
    return examples


def load_safety(name: str) -> List[Dict]:
    return yaml.safe_load((DATA_DIR / f"{name}.yml").read_text())["messages"]


def decision(parse: Dict) -> str:
    """The label the bot acts on: faq/<topic> for answers, else the intent."""
    intent = (parse.get("intent") or {}).get("name")
    if intent == "faq":
        response = ((parse.get("response_selector") or {}).get("faq") or {}).get("response") or {}
        return response.get("intent_response_key") or "faq"
    return intent or "nlu_fallback"


class Parser:
    """The trained model in this process: the same pipeline /model/parse runs."""

    def __init__(self, model_path: Path = MODEL_PATH) -> None:
        import logging

        from rasa.core.agent import Agent
        from rasa.utils.log_utils import configure_structlog

        configure_structlog(logging.WARNING)  # unconfigured, it prints every message text

        self.agent = Agent.load(str(model_path))

    def parse_all(self, texts: Sequence[str]) -> List[Dict]:
        async def run() -> List[Dict]:
            return [await self.agent.parse_message(text) for text in texts]

        return asyncio.run(run())


def nlu_metrics(gold: List[str], predicted: List[str]) -> Dict:
    labels = sorted(set(gold))
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        predicted_n = sum(1 for p in predicted if p == label)
        gold_n = sum(1 for g in gold if g == label)
        per_label[label] = {
            "precision": tp / predicted_n if predicted_n else 0.0,
            "recall": tp / gold_n if gold_n else 0.0,
            "support": gold_n,
        }
    faq_pairs = [(g, p) for g, p in zip(gold, predicted) if g.startswith("faq/")]
    core_pairs = [(g, p) for g, p in zip(gold, predicted) if g in CORE_INTENTS]
    non_faq = [(g, p) for g, p in zip(gold, predicted) if not g.startswith("faq/")]
    confusions = Counter((g, p) for g, p in zip(gold, predicted) if g != p)
    return {
        "faq_accuracy": _share(faq_pairs, lambda g, p: g == p),
        "faq_wrong_answer_rate": _share(faq_pairs, lambda g, p: p.startswith("faq/") and p != g),
        "faq_fallback_rate": _share(faq_pairs, lambda g, p: p in NOT_ANSWERED),
        "faq_red_flag_rate": _share(faq_pairs, lambda g, p: p in TIER_OF_INTENT),
        "non_faq_answered_with_faq_rate": _share(non_faq, lambda g, p: p.startswith("faq/")),
        "core_accuracy": _share(core_pairs, lambda g, p: g == p),
        "core_recall": {i: per_label[i]["recall"] for i in CORE_INTENTS if i in per_label},
        "per_label": per_label,
        "confused_pairs": [[g, p, n] for (g, p), n in confusions.most_common(25)],
        "messages": len(gold),
    }


def _share(pairs: List[Tuple[str, str]], condition) -> float:
    return sum(1 for g, p in pairs if condition(g, p)) / len(pairs) if pairs else 0.0


def safety_metrics(messages: List[Dict], predicted_tiers: List[str]) -> Dict:
    by_kind: Dict[str, List[Tuple[Dict, str]]] = defaultdict(list)
    for message, tier in zip(messages, predicted_tiers):
        by_kind[message["kind"]].append((message, tier))
    emergencies = [t for m, t in zip(messages, predicted_tiers) if m["expected"] == "emergency"]
    urgents = [t for m, t in zip(messages, predicted_tiers) if m["expected"] == "urgent"]
    calm = by_kind["routine"] + by_kind["negated"]
    caught = sum(1 for t in emergencies if t == "emergency")
    misses = [
        {"text": m["text"], "kind": m["kind"], "expected": m["expected"], "got": t}
        for m, t in zip(messages, predicted_tiers)
        if (m["expected"] == "emergency" and t != "emergency")
        or (m["expected"] == "urgent" and t == "none")
        or (m["expected"] == "none" and t == "emergency")
    ]
    return {
        "emergency_recall": caught / len(emergencies) if emergencies else 1.0,
        "emergency_recall_ci95": wilson_interval(caught, len(emergencies)),
        "emergency_n": len(emergencies),
        "urgent_recall": sum(1 for t in urgents if t in ("urgent", "emergency")) / len(urgents) if urgents else 1.0,
        "urgent_n": len(urgents),
        "over_triage_rate": sum(1 for _, t in calm if t == "emergency") / len(calm) if calm else 0.0,
        "calm_escalated_any_rate": sum(1 for _, t in calm if t != "none") / len(calm) if calm else 0.0,
        "calm_n": len(calm),
        "informational_escalated_rate": _rate(by_kind["informational"], lambda t: t != "none"),
        "unrelated_escalated_rate": _rate(by_kind["unrelated"], lambda t: t != "none"),
        "misses": misses,
    }


def _rate(items: List[Tuple[Dict, str]], condition) -> float:
    return sum(1 for _, t in items if condition(t)) / len(items) if items else 0.0


def tier_of(parse: Dict) -> str:
    return TIER_OF_INTENT.get((parse.get("intent") or {}).get("name"), "none")


def evaluate(parser: Parser) -> Dict:
    heldout = load_heldout()
    parses = parser.parse_all([t for t, _ in heldout])
    gold = [g for _, g in heldout]
    predicted = [decision(p) for p in parses]
    summary = {"nlu": nlu_metrics(gold, predicted), "safety": {}}
    summary["nlu"]["_pairs"] = list(zip(gold, predicted))
    for name in SAFETY_SETS:
        messages = load_safety(name)
        tiers = [tier_of(p) for p in parser.parse_all([m["text"] for m in messages])]
        summary["safety"][name] = safety_metrics(messages, tiers)
    faq_with_number = red_flag_eval.faq_keys_with_number(parser.agent.domain.responses)
    summary["red_flags_open"] = {}
    for round_name, messages in red_flag_eval.open_rounds().items():
        parses = parser.parse_all([m["text"] for m in messages])
        summary["red_flags_open"][round_name] = red_flag_eval.score(messages, parses, faq_with_number)
    return summary


def write_report(summary: Dict, out_dir: Path = OUT_DIR) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = summary["nlu"].pop("_pairs")
    _confusion_png(pairs, out_dir / "confusion.png")
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    report = out_dir / "report.md"
    report.write_text(render_markdown(summary))
    return report


def render_markdown(summary: Dict) -> str:
    nlu = summary["nlu"]
    lines = [
        "# Evaluation on held-out data", "",
        f"Held-out NLU messages: {nlu['messages']} (tests/data/heldout_nlu.yml, never trained on)", "",
        "| measure | value |", "|---|---|",
        f"| FAQ topic accuracy | {nlu['faq_accuracy']:.1%} |",
        f"| FAQ wrong answers | {nlu['faq_wrong_answer_rate']:.1%} |",
        f"| FAQ fallback (not sure / out of scope) | {nlu['faq_fallback_rate']:.1%} |",
        f"| FAQ read as a red flag | {nlu['faq_red_flag_rate']:.1%} |",
        f"| other intents answered with an FAQ | {nlu['non_faq_answered_with_faq_rate']:.1%} |",
        f"| core intents accuracy | {nlu['core_accuracy']:.1%} |", "",
        "## Per label", "", "| label | precision | recall | n |", "|---|---|---|---|",
    ]
    for label, m in sorted(nlu["per_label"].items()):
        lines.append(f"| {label} | {m['precision']:.2f} | {m['recall']:.2f} | {m['support']} |")
    lines += ["", "## Most confused pairs (gold → predicted)", ""]
    lines += [f"- {g} → {p}: {n}" for g, p, n in nlu["confused_pairs"]] or ["- none"]
    for name, s in summary["safety"].items():
        low, high = s["emergency_recall_ci95"]
        lines += [
            "", f"## Safety: {name}", "",
            "| measure | value |", "|---|---|",
            f"| emergency recall | {s['emergency_recall']:.1%} (95% CI {low:.1%}–{high:.1%}, n={s['emergency_n']}) |",
            f"| urgent recall (emergency counts as caught) | {s['urgent_recall']:.1%} (n={s['urgent_n']}) |",
            f"| routine + negated read as emergency (over-triage) | {s['over_triage_rate']:.1%} (n={s['calm_n']}) |",
            f"| routine + negated escalated at any tier | {s['calm_escalated_any_rate']:.1%} |",
            f"| informational questions escalated | {s['informational_escalated_rate']:.1%} |",
            f"| unrelated escalated | {s['unrelated_escalated_rate']:.1%} |",
            "", "Misses:", "",
        ]
        lines += [f"- [{m['kind']} → {m['got']}] {m['text']}" for m in s["misses"]] or ["- none"]
    for round_name, result in summary.get("red_flags_open", {}).items():
        lines += red_flag_eval.render(result, round_name)
        lines += ["Misses:", ""] + [f"- [{m['lang']} {m['tier']}/{m['category']} → {m['got']}] {m['text']}"
                                   for m in result["misses"]]
    return "\n".join(lines) + "\n"


def _confusion_png(pairs: List[Tuple[str, str]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for g, p in pairs:
        matrix[index[g], index[p]] += 1
    fig, ax = plt.subplots(figsize=(16, 14))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels=[l.replace("faq/", "") for l in labels], rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels=[l.replace("faq/", "") for l in labels], fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title("Held-out confusion matrix")
    for i, j in zip(*np.nonzero(matrix)):
        ax.text(j, i, matrix[i, j], ha="center", va="center", fontsize=6,
                color="white" if matrix[i, j] > matrix.max() / 2 else "black")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    summary = evaluate(Parser())
    report = write_report(summary)
    print(report.read_text())
    print(f"Report: {report.relative_to(PROJECT_ROOT)}  Chart: {(OUT_DIR / 'confusion.png').relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
