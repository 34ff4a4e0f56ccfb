"""Turn the Model page's editable rows into a ModelSpec, connecting layer sizes when asked.

Rows are plain dicts ({"kind", "name", "args"}) so a page can keep them in session state; the result
is either a valid ModelSpec or a SpecError that names the problem (the page keeps the last good one).
"""

from __future__ import annotations

from engine.network.layers import LAYERS
from engine.network.spec import LayerSpec, ModelSpec


def rows_from_spec(spec: ModelSpec) -> list[dict]:
    """The spec's layers as editable rows."""
    return [{"kind": layer.kind, "name": layer.name or "", "args": layer.arguments} for layer in spec.layers]


def spec_from_rows(input_shape: tuple[int, ...], rows: list[dict], class_name: str | None,
                   auto_connect: bool = True) -> ModelSpec:
    """Build (and so validate) a spec from rows; with `auto_connect`, each Linear's in_features (and
    each Conv2d's in_channels, each BatchNorm's num_features) is set to what actually reaches it, as
    TF Playground wires neurons for you: a Linear after Flatten gets channels * height * width."""
    layers = []
    for row in rows:
        kind = LAYERS.get(row["kind"])
        allowed = {arg.name for arg in kind.args} if kind else set()
        args = {name: value for name, value in row["args"].items() if name in allowed}
        layers.append(LayerSpec(row["kind"], tuple(args.items()), row["name"].strip() or None))
    if auto_connect:
        layers = _connected(input_shape, layers)
    return ModelSpec(tuple(input_shape), tuple(layers), class_name.strip() if class_name else None)


def _connected(input_shape: tuple[int, ...], layers: list[LayerSpec]) -> list[LayerSpec]:
    shape, connected = tuple(input_shape), []
    for index, layer in enumerate(layers):
        if layer.kind not in LAYERS:
            return layers  # let validation report the unknown kind
        try:
            if layer.registered.connects:
                args = layer.registered.connected(shape, layer.arguments)
                layer = LayerSpec(layer.kind, tuple(args.items()), layer.name)
            shape = layer.registered.output_shape(shape, layer.arguments)
        except (ValueError, IndexError, TypeError):
            return connected + layers[index:]  # validation will name the problem
        connected.append(layer)
    return connected
