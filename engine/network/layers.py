"""The layer registry: every layer a spec may name, with its arguments and how it changes a shape.

Widgets take their choices from here and the builder and code generator read the same entries,
so the UI and the engine cannot drift apart (TF Playground's `activations = {...}` map).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from torch import nn

from engine.errors import PlaygroundError

MAX_FEATURES = 8192  # widest Linear layer a student may ask for


class ShapeError(PlaygroundError):
    """A layer cannot take the shape that reaches it."""


@dataclass(frozen=True)
class Arg:
    """One constructor argument of a layer: its type, default and allowed range."""

    name: str
    kind: type  # int, float or bool
    default: object
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class LayerKind:
    """A registered layer: the torch class, its arguments, and its shape rule."""

    name: str
    module: type[nn.Module]
    args: tuple[Arg, ...] = ()
    is_activation: bool = False
    infer_shape: Callable[[tuple[int, ...], dict], tuple[int, ...]] | None = None

    def output_shape(self, shape: tuple[int, ...], args: dict) -> tuple[int, ...]:
        """Shape after this layer (batch dimension excluded); unchanged when no rule is set."""
        return self.infer_shape(shape, args) if self.infer_shape else shape


def _flatten_shape(shape: tuple[int, ...], args: dict) -> tuple[int, ...]:
    # start_dim/end_dim count the batch dimension, as torch does; shapes here exclude it.
    full = (1, *shape)
    start = args["start_dim"] % len(full)
    end = args["end_dim"] % len(full)
    if start > end:
        raise ShapeError("shape_flatten_order", start=args["start_dim"], end=args["end_dim"])
    if start == 0:
        raise ShapeError("shape_flatten_batch")
    merged = math.prod(full[start : end + 1])
    return (*full[1:start], merged, *full[end + 1 :])


def _linear_shape(shape: tuple[int, ...], args: dict) -> tuple[int, ...]:
    if shape[-1] != args["in_features"]:
        raise ShapeError("shape_linear_in", expected=args["in_features"], got=shape[-1], shape=list(shape))
    return (*shape[:-1], args["out_features"])


def _dim_shape(shape: tuple[int, ...], args: dict) -> tuple[int, ...]:
    ndim = len(shape) + 1
    if not -ndim <= args["dim"] < ndim:
        raise ShapeError("shape_dim_range", dim=args["dim"], ndim=ndim)
    return shape


def _features(name: str) -> Arg:
    return Arg(name, int, 1, 1, MAX_FEATURES)


_DIM = Arg("dim", int, 1, -4, 4)

LAYERS: dict[str, LayerKind] = {
    kind.name: kind
    for kind in (
        LayerKind("Flatten", nn.Flatten, (Arg("start_dim", int, 1, -4, 4), Arg("end_dim", int, -1, -4, 4)),
                  infer_shape=_flatten_shape),
        LayerKind("Linear", nn.Linear, (_features("in_features"), _features("out_features"), Arg("bias", bool, True)),
                  infer_shape=_linear_shape),
        LayerKind("Dropout", nn.Dropout, (Arg("p", float, 0.5, 0.0, 1.0),)),
        LayerKind("ReLU", nn.ReLU, is_activation=True),
        LayerKind("Sigmoid", nn.Sigmoid, is_activation=True),
        LayerKind("Tanh", nn.Tanh, is_activation=True),
        LayerKind("Hardtanh", nn.Hardtanh, (Arg("min_val", float, -1.0, -100.0, 100.0),
                                            Arg("max_val", float, 1.0, -100.0, 100.0)), is_activation=True),
        LayerKind("LeakyReLU", nn.LeakyReLU, (Arg("negative_slope", float, 0.01, 0.0, 1.0),), is_activation=True),
        LayerKind("ELU", nn.ELU, (Arg("alpha", float, 1.0, 0.0, 10.0),), is_activation=True),
        LayerKind("GELU", nn.GELU, is_activation=True),
        LayerKind("SiLU", nn.SiLU, is_activation=True),
        LayerKind("Softplus", nn.Softplus, (Arg("beta", float, 1.0, 0.01, 100.0),), is_activation=True),
        LayerKind("Mish", nn.Mish, is_activation=True),
        LayerKind("Identity", nn.Identity, is_activation=True),
        LayerKind("Softmax", nn.Softmax, (_DIM,), is_activation=True, infer_shape=_dim_shape),
        LayerKind("LogSoftmax", nn.LogSoftmax, (_DIM,), is_activation=True, infer_shape=_dim_shape),
    )
}

ACTIVATIONS: tuple[str, ...] = tuple(name for name, kind in LAYERS.items() if kind.is_activation)


def full_args(kind: LayerKind, given: dict) -> dict:
    """The layer's arguments with defaults filled in, in the registry's order."""
    return {arg.name: given.get(arg.name, arg.default) for arg in kind.args}


def make_layer(name: str, args: dict) -> nn.Module:
    """Construct the torch module for a registered layer kind."""
    kind = LAYERS[name]
    return kind.module(**full_args(kind, args))
