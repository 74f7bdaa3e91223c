"""IntentRulePolicy: Rasa's RulePolicy, without a rule search that cannot succeed.

After each user message RulePolicy looks for a rule twice: first one matching the
message's text (end-to-end rules), then one matching its intent, and each search first
rebuilds the dialogue states of the whole conversation (the costliest step of a
prediction, `make profile`). The text search can only succeed for a rule whose last step
does not ask for an intent, or inside a form (loop). When every rule's last step names an
intent and no form is active, it finds nothing, and is skipped: the predictions are
Rasa's (tests/test_intent_rule_policy.py compares them on every test story).
"""
from __future__ import annotations

import warnings
from typing import Optional, Text, Tuple

from rasa.core.policies.rule_policy import RULES, RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import USER
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT

# Rasa's recipe validator looks for the RulePolicy class itself and warns that restart and
# back would not work; this subclass handles them as RulePolicy does.
warnings.filterwarnings("ignore", message="'RulePolicy' is not included in the model's policy configuration")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class IntentRulePolicy(RulePolicy):
    def _find_action_from_rules(
        self, tracker: DialogueStateTracker, domain: Domain, use_text_for_last_user_input: bool
    ) -> Tuple[Optional[Text], Optional[Text], bool]:
        if use_text_for_last_user_input and not tracker.active_loop_name and self._every_rule_ends_on_an_intent():
            return None, None, False
        return super()._find_action_from_rules(tracker, domain, use_text_for_last_user_input)

    def _every_rule_ends_on_an_intent(self) -> bool:
        # Kept for the current set of rules (during training they change as they are learned).
        rules = frozenset(self.lookup.get(RULES, {}))
        checked = getattr(self, "_checked_rules", None)
        if checked is None or checked[0] != rules:
            answer = all(self._rule_key_to_state(key)[-1].get(USER, {}).get(INTENT) for key in rules)
            self._checked_rules = checked = (rules, answer)
        return checked[1]
