"""What a student's browser needs to paint a 2-D network itself: its layers as plain numbers.

While a run trains, the server sends this (a few hundred weights, the activations' names, the grid's
extent) at every repaint, and ui/train/playground_forward.js runs the same forward pass over the grid
in the browser: the boundary and every neuron's heatmap cost the server nothing. A network with a
layer the JavaScript does not know gets None here, and the server paints it as before. No streamlit here.
"""

from __future__ import annotations

from torch import nn

from engine.data.base import TensorData
from engine.training.registry import LOSSES

# The activations playground_forward.js computes, with the arguments it reads (the modules' attribute names).
BROWSER_ACTIVATIONS: dict[str, tuple[str, ...]] = {
    "Identity": (), "ReLU": (), "Sigmoid": (), "Tanh": (), "SiLU": (), "Mish": (),
    "Hardtanh": ("min_val", "max_val"), "LeakyReLU": ("negative_slope",), "ELU": ("alpha",),
    "Softplus": ("beta", "threshold"), "Softmax": ("dim",), "LogSoftmax": ("dim",),
}
_LAST_PROBABILITIES = ("Sigmoid", "LogSoftmax", "Softmax")  # a final one is the output, not a hidden column


def forward_program(model: nn.Module, spec, data: TensorData, loss_name: str, steps: int) -> dict | None:
    """The network as JSON-ready layers for the browser's forward pass over a `steps` x `steps` grid, or None.

    None when a layer is not a Linear, a known activation, or one that does nothing to (N, features)
    in eval mode (Dropout, a Flatten of the features): the server paints those networks itself.
    `hidden` lists the layers whose outputs are the network drawing's hidden columns, as
    engine.training.analysis.decision_grid hooks them; `head` turns the outputs into probabilities
    as engine.training.analysis.probabilities does.
    """
    from engine.training.analysis import input_range  # torch-heavy module: imported on first use

    layers: list[dict] = []
    activations: list[int] = []
    units = [2]  # features after each layer so far
    for path, layer in zip(spec.module_paths(), spec.layers):
        if spec.is_view(layer):  # x.view(x.size(0), -1) leaves (N, features) as it is
            continue
        module = model.get_submodule(path)
        if layer.kind == "Linear":
            weight = module.weight.detach().cpu()
            bias = module.bias.detach().cpu().tolist() if module.bias is not None else [0.0] * weight.shape[0]
            layers.append({"kind": "Linear", "in": weight.shape[1], "out": weight.shape[0],
                           "w": weight.reshape(-1).tolist(), "b": bias})
            units.append(weight.shape[0])
        elif layer.kind in BROWSER_ACTIVATIONS:
            args = {name: getattr(module, name) for name in BROWSER_ACTIVATIONS[layer.kind]}
            if args.get("dim", 1) not in (1, -1):  # softmax over the batch: leave it to torch
                return None
            activations.append(len(layers))
            layers.append({"kind": layer.kind, **args})
        elif not _passes_through(layer.kind, module):
            return None
    if spec.layers[-1].kind in _LAST_PROBABILITIES:
        activations = activations[:-1]
    # ui/train/playground_views.unit_outputs' rule: hidden columns only when they line up with the Linear layers.
    sizes = units[1:-1]
    columns = [units[sum(1 for earlier in layers[:at] if earlier["kind"] == "Linear")] for at in activations]
    hidden = activations if columns == sizes else []
    low, high = input_range(data)
    kind = LOSSES[loss_name]
    head = ("probability" if kind.needs_probabilities else "sigmoid") if kind.binary else (
        "exp" if loss_name == "nll" else "softmax")
    return {"layers": layers, "hidden": hidden, "head": head, "classes": len(data.class_names),
            "low": low, "high": high, "steps": steps, "scale": float(data.scale)}


def _passes_through(kind: str, module: nn.Module) -> bool:
    """True for layers that leave (N, features) as they are in eval mode."""
    if kind == "Dropout":
        return True
    return kind == "Flatten" and module.start_dim in (1, -1) and module.end_dim in (1, -1)
