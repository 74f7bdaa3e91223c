"""Cross-validation of the linear models' class weights on the TRAINING data only.

Rasa's logistic regression weighs each class as a whole ("balanced"): the more examples
a class has, the less each one counts. `faq` holds most examples, in two languages, so
each FAQ question counts for little against greet or out_of_scope. This compares class
weightings by 5-fold cross-validation on data/nlu, with the trained model's own features
and the fallback threshold of config.yml. Held-out sets play no part.

    .venv/bin/python -m bot.tools.intent_cv          # the intent classifier's class weights
    .venv/bin/python -m bot.tools.intent_cv topics   # the answer selector's C and answer gate
    .venv/bin/python -m bot.tools.intent_cv details  # its share for a precise answer

Measured 2026-12-02 (8,024 examples, 81 % FAQ): "balanced" (power 1) reads 94.7 % of FAQ
examples as FAQ and 78.5 % of the others right; unweighted (power 0), 99.3 % and 68.9 %,
with 20.7 % of the others answered as FAQ. Kept "balanced": an out-of-scope or red-flag
message answered as an FAQ is the worse error.
"""
from __future__ import annotations

import asyncio
import logging
import sys
from collections import Counter
from typing import Dict, List

import numpy as np
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.log_utils import configure_structlog
from scipy.sparse import vstack
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from bot.nlu.linear import LinearIntentClassifier, _VECTOR_ATTR
from bot.tools.evaluate import MODEL_PATH

FALLBACK_THRESHOLD = 0.4


def class_weights(labels: List[str], power: float) -> Dict[str, float]:
    """n_c ** -power, scaled to a mean weight of 1 per example: 0 is unweighted, 1 "balanced"."""
    counts = Counter(labels)
    raw = {c: n ** -power for c, n in counts.items()}
    scale = len(labels) / sum(raw[c] * n for c, n in counts.items())
    return {c: w * scale for c, w in raw.items()}


def vectors(agent: Agent, texts: List[str]):
    """Each text's sentence vector as the trained intent classifier reads it."""
    processor = agent.processor
    node = next(name for name, n in processor.graph_runner._graph_schema.nodes.items()
                if n.uses is LinearIntentClassifier)

    async def one(text: str):
        message = UserMessage(text, sender_id=DEFAULT_SENDER_ID)
        out = processor.graph_runner.run(inputs={"__message__": [message]}, targets=[node])
        return getattr(out[node][0], _VECTOR_ATTR)

    async def run():
        return [await one(t) for t in texts]

    return vstack(asyncio.run(run()), format="csr")


def featurised(faq_only: bool = False):
    """The training examples (only those with an FAQ answer key, if asked) and their
    vectors as the trained model reads them."""
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(MODEL_PATH))
    examples = [e for e in load_data("data/nlu").intent_examples if e.get("text")
                and (not faq_only or (e.get(INTENT) == "faq" and e.get("intent_response_key")))]
    texts = [e.get("text") for e in examples]
    return examples, texts, vectors(agent, texts)


def main() -> None:
    examples, texts, X = featurised()
    labels = np.array([e.get(INTENT) for e in examples])
    print(f"n = {len(texts)}, faq {np.mean(labels == 'faq'):.2f} of them, {len(set(labels))} intents")
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(texts, labels))
    print(" power | accuracy  faq read as faq  faq unsure  other intents  other read as faq")
    for power in (1.0, 0.75, 0.5, 0.25, 0.0):
        predicted, confidence = np.empty(len(texts), dtype=object), np.zeros(len(texts))
        for train, test in folds:
            clf = LogisticRegression(C=30.0, max_iter=2000, class_weight=class_weights(list(labels[train]), power))
            clf.fit(X[train], labels[train])
            p = clf.predict_proba(X[test])
            predicted[test], confidence[test] = clf.classes_[p.argmax(1)], p.max(1)
        sure = confidence >= FALLBACK_THRESHOLD
        faq, other = labels == "faq", labels != "faq"
        print(f"  {power:.2f} | {np.mean((predicted == labels) & sure):.3f}     "
              f"{np.mean((predicted[faq] == 'faq') & sure[faq]):.3f}           {np.mean(~sure[faq]):.3f}       "
              f"{np.mean((predicted[other] == labels[other]) & sure[other]):.3f}          "
              f"{np.mean((predicted[other] == 'faq') & sure[other]):.3f}")


def topics_main() -> None:
    """The answer selector's topic model: C and the answer gate (threshold, margin), by
    5-fold cross-validation on the FAQ examples: answered right vs answered wrong."""
    from bot.topics import topic_of

    examples, texts, X = featurised(faq_only=True)
    labels = np.array([topic_of(e.get("intent_response_key")) for e in examples])
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(texts, labels))
    print(f"n = {len(texts)} FAQ examples, {len(set(labels))} topics")
    print("     C  threshold margin | answered right  answered wrong  not sure")
    for C in (10.0, 30.0, 100.0, 300.0):
        probabilities = np.zeros((len(texts), len(set(labels))))
        for train, test in folds:
            clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X[train], labels[train])
            probabilities[test] = clf.predict_proba(X[test])
        classes = clf.classes_
        ordered = np.sort(probabilities, axis=1)
        top, second = ordered[:, -1], ordered[:, -2]
        right_topic = classes[probabilities.argmax(1)] == labels
        for threshold in (0.3, 0.4, 0.5):
            for margin in (0.1, 0.15, 0.2):
                answered = (top >= threshold) & (top - second >= margin)
                print(f" {C:5.0f}  {threshold:.2f}      {margin:.2f}  |  {np.mean(answered & right_topic):.3f}           "
                      f"{np.mean(answered & ~right_topic):.3f}           {np.mean(~answered):.3f}")




def details_main() -> None:
    """The answer selector's `detail_share`: within the chosen topic, how much of the answer
    model's probability a precise answer needs. 5-fold CV on the FAQ examples, scored on the
    examples whose topic the topic model got right: the precise answer asked for, another
    precise answer, or the topic's full answer."""
    from bot.nlu.answer_selector import AnswerSelector
    from bot.topics import detail_of, topic_of

    examples, texts, X = featurised(faq_only=True)
    keys = np.array([e.get("intent_response_key") for e in examples])
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(texts, [topic_of(k) for k in keys]))
    rows = []
    for train, test in folds:
        clf = LogisticRegression(C=300.0, max_iter=3000, class_weight="balanced").fit(X[train], keys[train])
        rows += list(zip(test, clf.predict_proba(X[test])))
    classes = clf.classes_
    print(f"n = {len(texts)} FAQ examples, {sum(bool(detail_of(k)) for k in keys)} with a precise answer")
    print(" share | precise asked: given  other precise  full answer | full asked: given  a precise one")
    for share in (0.2, 0.3, 0.4, 0.5):
        selector = AnswerSelector.__new__(AnswerSelector)
        selector.config = {"detail_share": share}
        selector.answer_clf = type("Fitted", (), {"classes_": classes})()
        counts = Counter()
        for i, row in rows:
            gold = keys[i]
            chosen = selector.precise_answer(f"faq/{topic_of(gold)}", row)
            if detail_of(gold):
                counts["p_right" if chosen == gold else ("p_other" if detail_of(chosen) else "p_full")] += 1
            else:
                counts["f_right" if chosen == gold else "f_precise"] += 1
        p = sum(counts[k] for k in ("p_right", "p_other", "p_full")) or 1
        f = sum(counts[k] for k in ("f_right", "f_precise")) or 1
        print(f"  {share:.1f} |  {counts['p_right'] / p:.3f}   {counts['p_other'] / p:.3f}   {counts['p_full'] / p:.3f}"
              f"      |  {counts['f_right'] / f:.3f}   {counts['f_precise'] / f:.3f}")


if __name__ == "__main__":
    {"topics": topics_main, "details": details_main}.get((sys.argv[1:] or [""])[0], main)()
