"""Calls the NLU models' compiled prediction graph directly.

Rasa's DIET and ResponseSelector wrap `predict_step` in a `tf.function` with a fixed
input signature, then call it once per message. Each call re-checks the Python inputs
against the signature and looks up the traced graph; for one short message that lookup
costs more than running the graph (profile in docs/deploy.md). The signature never
changes after the first trace, so after it we call the traced ConcreteFunction with the
inputs converted to its tensor types (ConcreteFunction._call_flat: TF 2.12 is pinned).
The graph, its inputs and its outputs are the same: tests/test_tf_inference.py compares
parses with and without this.
"""
from __future__ import annotations

from typing import Any, Dict, Tuple

import numpy as np
import tensorflow as tf
from rasa.utils.tensorflow import models
from rasa.shared.constants import DIAGNOSTIC_DATA

_CONCRETE_ATTR = "_dn_concrete_predict_step"
_original_predict = models.RasaModel._rasa_predict


def _predict_with_concrete_function(self: models.RasaModel, batch_in: Tuple[np.ndarray, ...]) -> Dict[str, Any]:
    traced = getattr(self, _CONCRETE_ATTR, None)
    if traced is None:
        if self._tf_predict_step is None or self._run_eagerly:
            return _original_predict(self, batch_in)  # the first call traces the graph
        concrete = self._tf_predict_step.get_concrete_function()
        specs = concrete.structured_input_signature[0][0]  # predict_step(batch_in: list)
        traced = (concrete, [spec.dtype for spec in specs])
        setattr(self, _CONCRETE_ATTR, traced)
    concrete, dtypes = traced
    if len(batch_in) != len(dtypes):
        return _original_predict(self, batch_in)
    # The signature's own input conversion, without re-matching the Python structure.
    tensors = [tf.convert_to_tensor(array, dtype=dtype) for array, dtype in zip(batch_in, dtypes)]
    result = concrete._call_flat(tensors, captured_inputs=concrete.captured_inputs)
    outputs = models.tf_utils.sync_to_numpy_or_python_type(result)
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


def use_concrete_functions() -> None:
    """For the serving process (bot/server.py); training is untouched."""
    models.RasaModel._rasa_predict = _predict_with_concrete_function


def use_tf_functions() -> None:
    models.RasaModel._rasa_predict = _original_predict
