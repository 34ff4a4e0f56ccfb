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
MAX_CHANNELS = 1024  # most feature maps a convolution may make
MAX_KERNEL = 31  # widest kernel (AlexNet's first is 11)


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
    too_low: str | None = None  # error key for a value below `low` that deserves its own explanation


@dataclass(frozen=True)
class LayerKind:
    """A registered layer: the torch class, its arguments, and its shape rule."""

    name: str
    module: type[nn.Module]
    args: tuple[Arg, ...] = ()
    is_activation: bool = False
    infer_shape: Callable[[tuple[int, ...], dict], tuple[int, ...]] | None = None
    count_parameters: Callable[[dict], int] | None = None
    connects: tuple[str, int] | None = None  # (argument, dimension of the incoming shape) "connect sizes" fills

    def connected(self, shape: tuple[int, ...], args: dict) -> dict:
        """`args` with the size this layer takes set to what reaches it (Linear's in_features = the last
        dimension; Conv2d's in_channels and BatchNorm's num_features = the channels), as the editor's
        "connect sizes automatically" does; unchanged for other layers or an empty shape."""
        if self.connects is None or not shape:
            return args
        name, dim = self.connects
        return {**args, name: shape[dim]}

    def parameter_count(self, args: dict) -> int:
        """Trainable parameters a layer of this kind holds with these arguments (buffers excluded)."""
        return self.count_parameters(args) if self.count_parameters else 0

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


def _linear_parameters(args: dict) -> int:
    return args["in_features"] * args["out_features"] + (args["out_features"] if args["bias"] else 0)


def _image(shape: tuple[int, ...]) -> tuple[int, int, int]:
    # 2-D layers take (channels, height, width); the batch dimension is not part of a spec's shapes.
    if len(shape) != 3:
        raise ShapeError("shape_needs_image", shape=list(shape))
    return shape


def window_output_size(size: int, kernel: int, stride: int, padding: int) -> int | None:
    """One dimension after sliding a window (convolution or pooling, dilation 1), as torch's documentation
    writes it: out = floor((in + 2*padding - kernel) / stride) + 1. None when the kernel is larger than the
    padded input. The one place of this rule: the registry's shapes and the Layers page's size explorer."""
    if kernel > size + 2 * padding:
        return None
    return (size + 2 * padding - kernel) // stride + 1


def _window_shape(shape: tuple[int, ...], args: dict) -> tuple[int, int]:
    """Height and width after sliding a window (window_output_size along each)."""
    _, height, width = _image(shape)
    kernel, stride, padding = args["kernel_size"], args["stride"], args["padding"]
    sizes = tuple(window_output_size(size, kernel, stride, padding) for size in (height, width))
    if None in sizes:
        raise ShapeError("shape_kernel_too_large", kernel=kernel, height=height, width=width, padding=padding)
    return sizes


def _conv_shape(shape: tuple[int, ...], args: dict) -> tuple[int, ...]:
    channels = _image(shape)[0]
    if channels != args["in_channels"]:
        raise ShapeError("shape_conv_in", expected=args["in_channels"], got=channels, shape=list(shape))
    return (args["out_channels"], *_window_shape(shape, args))


def _conv_parameters(args: dict) -> int:
    weights = args["in_channels"] * args["out_channels"] * args["kernel_size"] ** 2
    return weights + (args["out_channels"] if args["bias"] else 0)


def _pool_shape(shape: tuple[int, ...], args: dict) -> tuple[int, ...]:
    if 2 * args["padding"] > args["kernel_size"]:  # torch refuses a window that could hold only padding
        raise ShapeError("shape_pool_padding", padding=args["padding"], kernel=args["kernel_size"])
    return (_image(shape)[0], *_window_shape(shape, args))


def _batchnorm_shape(dims: tuple[int, ...]) -> Callable[[tuple[int, ...], dict], tuple[int, ...]]:
    def rule(shape: tuple[int, ...], args: dict) -> tuple[int, ...]:
        if len(shape) not in dims:
            raise ShapeError("shape_batchnorm_dims", shape=list(shape), dims=" / ".join(map(str, dims)))
        if shape[0] != args["num_features"]:
            raise ShapeError("shape_batchnorm_features", expected=args["num_features"], got=shape[0],
                             shape=list(shape))
        return shape
    return rule


def _batchnorm_parameters(args: dict) -> int:
    # weight and bias when affine; running_mean and running_var are buffers, not parameters.
    return 2 * args["num_features"] if args["affine"] else 0


def _features(name: str) -> Arg:
    return Arg(name, int, 1, 1, MAX_FEATURES)


def _channels(name: str) -> Arg:
    return Arg(name, int, 1, 1, MAX_CHANNELS)


_DIM = Arg("dim", int, 1, -4, 4)
_KERNEL = Arg("kernel_size", int, 3, 1, MAX_KERNEL)
_STRIDE = Arg("stride", int, 1, 1, MAX_KERNEL, too_low="spec_stride_zero")
_PADDING = Arg("padding", int, 0, 0, MAX_KERNEL, too_low="spec_padding_negative")
_POOL = (Arg("kernel_size", int, 2, 1, MAX_KERNEL), Arg("stride", int, 2, 1, MAX_KERNEL, too_low="spec_stride_zero"),
         _PADDING)
_BATCHNORM = (_features("num_features"), Arg("eps", float, 1e-5, 1e-12, 1.0), Arg("momentum", float, 0.1, 0.0, 1.0),
              Arg("affine", bool, True))

LAYERS: dict[str, LayerKind] = {
    kind.name: kind
    for kind in (
        LayerKind("Flatten", nn.Flatten, (Arg("start_dim", int, 1, -4, 4), Arg("end_dim", int, -1, -4, 4)),
                  infer_shape=_flatten_shape),
        LayerKind("Linear", nn.Linear, (_features("in_features"), _features("out_features"), Arg("bias", bool, True)),
                  infer_shape=_linear_shape, count_parameters=_linear_parameters, connects=("in_features", -1)),
        LayerKind("Conv2d", nn.Conv2d, (_channels("in_channels"), _channels("out_channels"), _KERNEL, _STRIDE,
                                        _PADDING, Arg("bias", bool, True)),
                  infer_shape=_conv_shape, count_parameters=_conv_parameters, connects=("in_channels", 0)),
        LayerKind("MaxPool2d", nn.MaxPool2d, _POOL, infer_shape=_pool_shape),
        LayerKind("AvgPool2d", nn.AvgPool2d, _POOL, infer_shape=_pool_shape),
        LayerKind("BatchNorm2d", nn.BatchNorm2d, _BATCHNORM, infer_shape=_batchnorm_shape((3,)),
                  count_parameters=_batchnorm_parameters, connects=("num_features", 0)),
        LayerKind("BatchNorm1d", nn.BatchNorm1d, _BATCHNORM, infer_shape=_batchnorm_shape((1, 2)),
                  count_parameters=_batchnorm_parameters, connects=("num_features", 0)),
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
