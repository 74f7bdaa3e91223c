"""make bench's reference: Rasa's own default config, optionally with fewer epochs."""
from pathlib import Path

import yaml
from rasa.engine.recipes import default_recipe

from bot.tools.bench import reference_config


def test_the_reference_leaves_pipeline_and_policies_to_rasa():
    config = yaml.safe_load(reference_config())
    assert "pipeline" not in config and "policies" not in config


def test_fewer_epochs_change_nothing_but_the_epochs():
    defaults = yaml.safe_load((Path(default_recipe.__file__).parent / "config_files" / "default_config.yml").read_text())
    config = yaml.safe_load(reference_config(epochs=5))
    for key in ("pipeline", "policies"):
        assert [c["name"] for c in config[key]] == [c["name"] for c in defaults[key]]
        for ours, rasa in zip(config[key], defaults[key]):
            assert ours.get("epochs") == (5 if "epochs" in rasa else None)
            assert {k: v for k, v in ours.items() if k != "epochs"} == {k: v for k, v in rasa.items() if k != "epochs"}
