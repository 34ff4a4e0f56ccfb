"""ModelSpec: the single, frozen, JSON-serialisable description of a network.

Every view of a network (the torch module, its source code, its summary, its ONNX file, a lesson
link) starts from a ModelSpec, so they always agree. A spec is validated when it is made: an invalid
one cannot exist, and the error names the layer and the problem.
"""

from __future__ import annotations

import keyword
import math
from dataclasses import dataclass, field

from engine.errors import PlaygroundError
from engine.network.layers import LAYERS, MAX_FEATURES, LayerKind, ShapeError, full_args

MAX_LAYERS = 32
MAX_INPUT_VALUES = 3 * 224 * 224
MAX_PARAMETERS = 5_000_000  # about 20 MB of float32 weights per student model
# In a class, a Flatten named `view` is tutorial 000's `x = x.view(x.size(0), -1)` (NeuralNetwork2):
# a step of forward, not a module, so print(model) lists no flatten.
VIEW = "view"


class SpecError(PlaygroundError):
    """A network description that cannot be built."""


@dataclass(frozen=True)
class LayerSpec:
    """One layer: a registered kind, its arguments (defaults filled in) and an optional name.

    A name like "fc1" becomes the attribute the seeds use (`self.fc1`); "stack.0" puts the layer
    inside an `nn.Sequential` called `stack` (the seeds' `linear_relu_stack`).
    """

    kind: str
    args: tuple[tuple[str, object], ...] = ()
    name: str | None = None

    @classmethod
    def of(cls, kind: str, name: str | None = None, **args) -> LayerSpec:
        """Convenience constructor: `LayerSpec.of("Linear", "fc1", in_features=784, out_features=10)`."""
        return cls(kind, tuple(args.items()), name)

    @property
    def arguments(self) -> dict:
        """The arguments as a dict, with the registry's defaults for those not given."""
        return full_args(LAYERS[self.kind], dict(self.args))

    @property
    def registered(self) -> LayerKind:
        """The registry entry of this layer's kind."""
        return LAYERS[self.kind]

    def parameter_count(self) -> int:
        """Trainable parameters this layer holds (weights and biases; BatchNorm's running statistics are buffers)."""
        return self.registered.parameter_count(self.arguments)


@dataclass(frozen=True)
class ModelSpec:
    """A network: input shape (no batch dimension), ordered layers, and an optional class name.

    With `class_name` the model is an `nn.Module` subclass of that name (like the seeds'
    `NeuralNetwork`); without it, an `nn.Sequential`.
    """

    input_shape: tuple[int, ...]
    layers: tuple[LayerSpec, ...]
    class_name: str | None = None
    shapes: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "input_shape", tuple(self.input_shape))
        object.__setattr__(self, "layers", tuple(self.layers))
        object.__setattr__(self, "shapes", _validate(self))
        # Store every argument explicitly (defaults included), so equal networks compare equal.
        object.__setattr__(self, "layers", tuple(_normalised(layer) for layer in self.layers))

    @property
    def output_shape(self) -> tuple[int, ...]:
        """Shape of the model's output, batch dimension excluded."""
        return self.shapes[-1]

    def parameter_count(self) -> int:
        """Total trainable parameters; a shared (repeated) layer holds none, so it counts once."""
        return sum(layer.parameter_count() for layer in self.layers)

    def is_view(self, layer: LayerSpec) -> bool:
        """True for a layer written `x = x.view(x.size(0), -1)` in forward instead of being a module."""
        return self.class_name is not None and layer.name == VIEW

    def module_paths(self) -> list[str]:
        """Where each layer lives in the built module: "0", "fc1", "linear_relu_stack.2", ..."""
        if self.class_name is None:
            return [layer.name or str(i) for i, layer in enumerate(self.layers)]
        paths, unnamed = [], 0
        for layer in self.layers:
            if layer.name:
                paths.append(layer.name)
            else:
                paths.append(f"layers.{unnamed}")
                unnamed += 1
        return paths

    def to_dict(self) -> dict:
        """A plain, JSON-ready dict; `ModelSpec.from_dict(spec.to_dict()) == spec`."""
        return {
            "class_name": self.class_name,
            "input_shape": list(self.input_shape),
            "layers": [
                {"kind": layer.kind, "args": layer.arguments, **({"name": layer.name} if layer.name else {})}
                for layer in self.layers
            ],
        }

    @classmethod
    def from_dict(cls, data: object) -> ModelSpec:
        """Parse a dict (e.g. from JSON or a link), rejecting anything malformed with a SpecError."""
        if not isinstance(data, dict):
            raise SpecError("spec_not_mapping")
        for key in data:
            if key not in ("class_name", "input_shape", "layers"):
                raise SpecError("spec_unknown_field", field=key)
        for key in ("input_shape", "layers"):
            if key not in data:
                raise SpecError("spec_missing_field", field=key)
        shape, layers = data["input_shape"], data["layers"]
        if not isinstance(shape, (list, tuple)):
            raise SpecError("spec_bad_input_shape", high=MAX_FEATURES, value=shape)
        if not isinstance(layers, (list, tuple)):
            raise SpecError("spec_no_layers")
        if len(layers) > MAX_LAYERS:  # before parsing each one: a hostile list may be huge
            raise SpecError("spec_too_many_layers", count=len(layers), limit=MAX_LAYERS)
        return cls(tuple(shape), tuple(_parse_layer(i, item) for i, item in enumerate(layers)),
                   data.get("class_name"))


def _parse_layer(index: int, item: object) -> LayerSpec:
    if not isinstance(item, dict) or "kind" not in item or set(item) - {"kind", "args", "name"}:
        raise SpecError("spec_bad_layer", index=index)
    args = item.get("args", {})
    if not isinstance(args, dict):
        raise SpecError("spec_bad_layer", index=index)
    return LayerSpec(item["kind"], tuple(args.items()), item.get("name"))


def _validate(spec: ModelSpec) -> tuple[tuple[int, ...], ...]:
    """Check everything about a spec; return the shape after each layer (input first)."""
    _check_input_shape(spec.input_shape)
    if spec.class_name is not None and not _is_identifier(spec.class_name):
        raise SpecError("spec_bad_class_name", name=spec.class_name)
    if not spec.layers:
        raise SpecError("spec_no_layers")
    if len(spec.layers) > MAX_LAYERS:
        raise SpecError("spec_too_many_layers", count=len(spec.layers), limit=MAX_LAYERS)
    for index, layer in enumerate(spec.layers):
        _check_layer(index, layer)
    _check_names(spec)
    shapes = [spec.input_shape]
    for index, layer in enumerate(spec.layers):
        try:
            shapes.append(layer.registered.output_shape(shapes[-1], layer.arguments))
        except ShapeError as error:
            raise SpecError("spec_shape", index=index, kind=layer.kind, reason=str(error)) from error
    count = spec.parameter_count()
    if count > MAX_PARAMETERS:
        raise SpecError("spec_too_many_parameters", count=count, limit=MAX_PARAMETERS)
    return tuple(shapes)


def _normalised(layer: LayerSpec) -> LayerSpec:
    kinds = {arg.name: arg.kind for arg in layer.registered.args}
    args = tuple((name, kinds[name](value)) for name, value in layer.arguments.items())
    return LayerSpec(layer.kind, args, layer.name)


def _check_input_shape(shape: tuple) -> None:
    ok = 1 <= len(shape) <= 3 and all(_is_int(n) and 1 <= n <= MAX_FEATURES for n in shape)
    if not ok:
        raise SpecError("spec_bad_input_shape", high=MAX_FEATURES, value=list(shape))
    if math.prod(shape) > MAX_INPUT_VALUES:
        raise SpecError("spec_input_too_large", size=math.prod(shape), limit=MAX_INPUT_VALUES)


def _check_layer(index: int, layer: LayerSpec) -> None:
    if not isinstance(layer.kind, str) or layer.kind not in LAYERS:
        raise SpecError("spec_unknown_layer", index=index, kind=layer.kind, known=", ".join(LAYERS))
    kind = LAYERS[layer.kind]
    allowed = {arg.name: arg for arg in kind.args}
    for name, value in layer.args:
        if name not in allowed:
            raise SpecError("spec_unknown_arg", index=index, kind=layer.kind, arg=name)
        arg = allowed[name]
        if not _has_type(value, arg.kind):
            raise SpecError("spec_bad_arg_type", index=index, kind=layer.kind, arg=name,
                            expected=arg.kind.__name__, value=value)
        if arg.too_low and value < arg.low:
            raise SpecError(arg.too_low, index=index, kind=layer.kind, value=value)
        if arg.low is not None and not arg.low <= value <= arg.high:
            raise SpecError("spec_arg_out_of_range", index=index, kind=layer.kind, arg=name,
                            value=value, low=arg.low, high=arg.high)
    args = layer.arguments
    if layer.kind == "Hardtanh" and not args["min_val"] < args["max_val"]:
        raise SpecError("spec_hardtanh_order", index=index, min_val=args["min_val"], max_val=args["max_val"])


def _check_names(spec: ModelSpec) -> None:
    seen: dict[str, LayerSpec] = {}
    closed_groups: set[str] = set()
    previous_group = None
    for index, layer in enumerate(spec.layers):
        name = layer.name
        if name is not None and not _is_layer_name(name):
            raise SpecError("spec_bad_name", index=index, name=name)
        if name == VIEW and not (spec.class_name is not None and layer.kind == "Flatten"
                                 and layer.arguments == full_args(LAYERS["Flatten"], {})):
            raise SpecError("spec_view_flatten", index=index, name=VIEW)
        if name and "." in name and spec.class_name is None:
            raise SpecError("spec_dotted_needs_class", index=index, name=name)
        path = spec.module_paths()[index]
        group = path.split(".")[0] if "." in path else None
        if group != previous_group:
            if previous_group is not None:
                closed_groups.add(previous_group)
            if group in closed_groups:
                raise SpecError("spec_group_split", index=index, group=group)
            previous_group = group
        if path in seen:
            # The seeds reuse one parameter-free module (NeuralNetwork2's self.relu); anything else clashes.
            twin = seen[path]
            shareable = "." not in path and spec.class_name is not None and layer.parameter_count() == 0
            if not (shareable and twin.kind == layer.kind and twin.arguments == layer.arguments):
                raise SpecError("spec_duplicate_name", index=index, name=path)
        elif (group is None and path in {p.split(".")[0] for p in seen if "." in p}) or group in seen:
            # A top-level layer and a group may not share a name ("stack" and "stack.0").
            raise SpecError("spec_duplicate_name", index=index, name=path)
        seen[path] = layer
    _check_group_members(spec)


def _check_group_members(spec: ModelSpec) -> None:
    # Inside a group, members are either all positions 0, 1, 2, ... (a plain nn.Sequential) or all names.
    groups: dict[str, list[tuple[int, str]]] = {}
    for index, path in enumerate(spec.module_paths()):
        if "." in path:
            group, member = path.split(".")
            groups.setdefault(group, []).append((index, member))
    for group, members in groups.items():
        numbered = [member.isdigit() for _, member in members]
        for position, (index, member) in enumerate(members):
            if any(numbered) and (not all(numbered) or int(member) != position):
                raise SpecError("spec_group_order", index=index, group=group, position=position)


def _is_identifier(name: object) -> bool:
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name) and len(name) <= 64


def _is_layer_name(name: object) -> bool:
    if not isinstance(name, str) or not name:
        return False
    parts = name.split(".")
    if len(parts) == 1:
        return _is_identifier(name)
    return len(parts) == 2 and _is_identifier(parts[0]) and (parts[1].isdigit() or _is_identifier(parts[1]))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _has_type(value: object, kind: type) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        return _is_int(value)
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) and math.isfinite(value)
