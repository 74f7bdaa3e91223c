"""SequentialGraphRunner: runs Rasa's prediction graph node by node, in this thread.

Rasa runs its graph of components through dask (`DaskGraphRunner`) on every call: per
message one NLU run and one per predicted action, and each builds a dask graph, orders
it and schedules it anew, with a single thread in the end. For graphs this small that
bookkeeping costs about as much as the components it runs (`make profile`). This runner
gives the same results: the nodes each target needs, dependencies first, each node given
its parents' outputs as dask gives them, with the order worked out once per set of targets.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._orders: Dict[Tuple[Text, ...], Tuple[Text, ...]] = {}

    def run(self, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        # What a node receives from its parents: (name, output), as dask passes it.
        done: Dict[Text, Any] = {}
        for name, value in (inputs or {}).items():
            # Stricter than dask, which checks only the nodes this run needs; Rasa never
            # passes strings as inputs.
            if isinstance(value, str) and value in self._graph_schema.nodes:
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure that none of the "
                    f"input names passed to the `run` method are the same as node names in the graph schema."
                )
            done[name] = (name, value)
        try:
            for name in self._order(run_targets):
                if name in done:
                    continue  # an input given under a node's name replaces the node, as in dask
                needs = self._graph_schema.nodes[name].needs.values()
                # A parent with no output is passed by name; the node reports it (GraphNode).
                done[name] = self._instantiated_nodes[name](*(done.get(parent, parent) for parent in needs))
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(done[target] for target in run_targets)

    def _order(self, targets: Tuple[Text, ...]) -> Tuple[Text, ...]:
        """The nodes the targets need, each after everything it needs (kept per runner:
        a cache on the class would keep every model ever loaded alive)."""
        if targets not in self._orders:
            self._orders[targets] = self._work_out_order(targets)
        return self._orders[targets]

    def _work_out_order(self, targets: Tuple[Text, ...]) -> Tuple[Text, ...]:
        order: List[Text] = []
        seen = set()

        def visit(name: Text) -> None:
            if name in seen or name not in self._graph_schema.nodes:
                return
            seen.add(name)
            for parent in self._graph_schema.nodes[name].needs.values():
                visit(parent)
            order.append(name)

        for target in targets:
            visit(target)
        return tuple(order)


def install() -> None:
    """Models loaded in this process from now on (at start-up, or PUT /model) run on it."""
    import rasa.core.processor

    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
