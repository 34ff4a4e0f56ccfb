"""Runnable PyTorch source for a ModelSpec, in the tutorials' own style.

Executing the source defines a module-level `model` equal in structure and parameter count to
`build_model(spec)`; tests exec it and compare.
"""

from __future__ import annotations

from engine.network.builder import definition_order, forward_steps
from engine.network.presets import PRESETS
from engine.network.spec import VIEW, LayerSpec, ModelSpec

# Written bare, as the tutorials write them: nn.Linear(784, 512), nn.Conv2d(1, 6, 5), nn.MaxPool2d(2, 2),
# nn.BatchNorm2d(16). A pool always states its stride: torch's default (the kernel size) is not the registry's.
_POSITIONAL = {
    "Linear": ("in_features", "out_features"),
    "Conv2d": ("in_channels", "out_channels", "kernel_size"),
    "MaxPool2d": ("kernel_size", "stride"),
    "AvgPool2d": ("kernel_size", "stride"),
    "BatchNorm2d": ("num_features",),
    "BatchNorm1d": ("num_features",),
}


# Tutorial 000 names the image size before its two networks and builds them from those names.
_TUTORIAL_000 = ("fashion_mlp", "fashion_mlp_fc")
_IMAGE_INPUT = "img_height*img_width*num_channels"


def layer_source(layer: LayerSpec, names: dict[str, str] | None = None) -> str:
    """`nn.Linear(784, 512)`, `nn.Hardtanh(min_val=0.0, max_val=10.0)`: only non-default arguments named.

    `names` writes a positional argument as a constant's name instead (`{"out_features": "num_classes"}`)."""
    positional = _POSITIONAL.get(layer.kind, ())
    args = layer.arguments
    parts = [(names or {}).get(name, repr(args[name])) for name in positional]
    defaults = {arg.name: arg.default for arg in layer.registered.args}
    parts += [f"{name}={value!r}" for name, value in args.items()
              if name not in positional and value != defaults[name]]
    return f"nn.{layer.kind}({', '.join(parts)})"


def _shape_comment(shape: tuple[int, ...]) -> str:
    return "# (" + ", ".join(["B", *map(str, shape)]) + ")"


def _sequential_source(entries: list[tuple[str | None, LayerSpec]], indent: str,
                       names: dict[int, dict[str, str]] | None = None) -> list[str]:
    """Lines of an `nn.Sequential(...)` call; named entries use the seeds' OrderedDict form."""
    def source(layer):
        return layer_source(layer, (names or {}).get(id(layer)))
    if all(name is None for name, _ in entries):
        return ["nn.Sequential(", *[f"{indent}    {source(layer)}," for _, layer in entries], f"{indent})"]
    body = [f'{indent}    ("{name}", {source(layer)}),' for name, layer in entries]
    return ["nn.Sequential(OrderedDict([", *body, f"{indent}]))"]


def model_source(spec: ModelSpec) -> str:
    """The whole runnable file: imports, the network, and `model = ...`."""
    uses_names = _needs_ordered_dict(spec)
    head = ["import torch", "from torch import nn"]
    if uses_names:
        head.insert(0, "from collections import OrderedDict\n")
    if spec.class_name is None:
        named = all(layer.name for layer in spec.layers)
        lines = _sequential_source([(layer.name if named else None, layer) for layer in spec.layers], "")
        lines[0] = "model = " + lines[0]
        return "\n".join([*head, "", *lines]) + "\n"
    constants = image_constants(spec)
    sizes = [f"{name} = {value}" for name, value in constants.items()]
    network = [*_class_source(spec, _constant_names(spec, constants)), "", "", f"model = {spec.class_name}()"]
    return "\n".join([*head, "", *(sizes + [""] if sizes else []), "", *network]) + "\n"


def image_constants(spec: ModelSpec) -> dict[str, int]:
    """Tutorial 000's `img_height = 28` ... `num_classes = 10` for its own two networks; empty for others."""
    if not any(spec == PRESETS[name] for name in _TUTORIAL_000):
        return {}
    channels, height, width = spec.input_shape
    return {"img_height": height, "img_width": width, "num_channels": channels, "num_classes": spec.output_shape[0]}


def _constant_names(spec: ModelSpec, constants: dict[str, int]) -> dict[int, dict[str, str]]:
    # The first Linear takes the flattened image, the last one gives the classes (keyed by the layer's id).
    linears = [layer for layer in spec.layers if layer.kind == "Linear"]
    if not constants or not linears:
        return {}
    return {id(linears[0]): {"in_features": _IMAGE_INPUT}, id(linears[-1]): {"out_features": "num_classes"}}


def _needs_ordered_dict(spec: ModelSpec) -> bool:
    # OrderedDict names the members of an nn.Sequential: a named Sequential model, or a named group.
    if spec.class_name is None:
        return all(layer.name for layer in spec.layers)
    return any("." in path and not path.split(".")[1].isdigit() for path in spec.module_paths())


def _class_source(spec: ModelSpec, names: dict[int, dict[str, str]]) -> list[str]:
    members: dict[str, list[tuple[str, LayerSpec]]] = {top: [] for top in definition_order(spec)}
    for path, layer in zip(spec.module_paths(), spec.layers):
        top, _, member = path.partition(".")
        if top in members and (member or not members[top]):
            members[top].append((member, layer))
    init = [f"class {spec.class_name}(nn.Module):", "    def __init__(self):", "        super().__init__()"]
    for top, entries in members.items():
        if entries[0][0]:  # a group: an nn.Sequential attribute
            named = not entries[0][0].isdigit()
            lines = _sequential_source([(m if named else None, layer) for m, layer in entries], "        ", names)
            init.append(f"        self.{top} = " + lines[0])
            init.extend(lines[1:])
        else:
            init.append(f"        self.{top} = {layer_source(entries[0][1], names.get(id(entries[0][1])))}")
    forward = ["", "    def forward(self, x):"]
    shape_after = _shapes_after_steps(spec)
    for step, shape in zip(forward_steps(spec), shape_after):
        call = "x.view(x.size(0), -1)" if step == VIEW else f"self.{step}(x)"
        forward.append(f"        x = {call}  {_shape_comment(shape)}")
    forward.append("        return x")
    return init + forward


def _shapes_after_steps(spec: ModelSpec) -> list[tuple[int, ...]]:
    # The shape after each forward step: after the last layer of a group, or after a single layer.
    paths, shapes = spec.module_paths(), spec.shapes[1:]
    result = []
    for i, path in enumerate(paths):
        top = path.split(".")[0]
        is_last_of_group = i + 1 == len(paths) or paths[i + 1].split(".")[0] != top or "." not in path
        if is_last_of_group:
            result.append(shapes[i])
    return result
