"""Activation functions as curves: values, derivatives by autograd, and where each is sensitive or saturated.

Seed 001 lists what activations share: at least one *sensitive* range, where a change in the input
changes the output a lot (errors propagate back well), and mostly *saturated* ranges, where the output
barely moves (the gradient that flows back is tiny). Both are read off the derivative, which autograd
computes here exactly as it would during training, never from a hand-written formula.
Softmax and LogSoftmax act on a whole vector, so they get their own functions below.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.errors import PlaygroundError
from engine.network.layers import LAYERS, make_layer

VECTOR_ACTIVATIONS = ("Softmax", "LogSoftmax")  # each output depends on every input
REFERENCE_RANGE = (-10.0, 10.0)  # the steepest slope is looked for here too, so zooming keeps the shading
MAX_POINTS = 5001
MAX_LOGITS = 32
SEED_BATCH = (8, 128)  # seed 002's x = torch.rand(8, 128)
SEED_LOGITS = 20  # seed 002's logits = torch.rand(1, 20)


def elementwise_activations() -> tuple[str, ...]:
    """Registered activations that act on each number alone (everything but Softmax/LogSoftmax)."""
    return tuple(name for name, kind in LAYERS.items() if kind.is_activation and name not in VECTOR_ACTIVATIONS)


@dataclass(frozen=True)
class Curve:
    """One activation over a grid: x, f(x), f'(x), and the x-intervals where it is sensitive or saturated."""

    name: str
    x: torch.Tensor
    y: torch.Tensor
    slope: torch.Tensor
    peak_slope: float  # largest |f'| over the plotted range and REFERENCE_RANGE
    sensitive: tuple[tuple[float, float], ...]
    saturated: tuple[tuple[float, float], ...]


def derivative(module: torch.nn.Module, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """f(x) and f'(x) of an elementwise module, by autograd: d(sum f(x_i))/dx_i = f'(x_i)."""
    x = x.detach().clone().requires_grad_(True)
    y = module(x)
    (slope,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), slope


def activation_curve(name: str, args: dict | None = None, low: float = -6.0, high: float = 6.0,
                     points: int = 601, sensitive_at: float = 0.5, saturated_below: float = 0.05) -> Curve:
    """Evaluate activation `name` (with constructor `args`) on `points` values from `low` to `high`.

    Sensitive: |f'| >= `sensitive_at` x the steepest slope; saturated: |f'| < `saturated_below` x it.
    """
    if name not in elementwise_activations():
        raise PlaygroundError("inside_not_elementwise", name=name)
    if not low < high:
        raise PlaygroundError("inside_bad_range", low=low, high=high)
    if not 2 <= points <= MAX_POINTS:
        raise PlaygroundError("inside_bad_points", points=points, limit=MAX_POINTS)
    args = dict(args or {})
    if name == "Hardtanh" and not args.get("min_val", -1.0) < args.get("max_val", 1.0):
        raise PlaygroundError("inside_hardtanh_order", min_val=args.get("min_val"), max_val=args.get("max_val"))
    module = make_layer(name, args)
    x = torch.linspace(low, high, points, dtype=torch.float64)
    y, slope = derivative(module, x)
    _, reference = derivative(module, torch.linspace(*REFERENCE_RANGE, 2001, dtype=torch.float64))
    peak = max(slope.abs().max().item(), reference.abs().max().item())
    strength = slope.abs() / peak if peak > 0 else torch.zeros_like(slope)
    return Curve(name, x, y, slope, peak, intervals(x, strength >= sensitive_at),
                 intervals(x, strength < saturated_below))


def intervals(x: torch.Tensor, mask: torch.Tensor) -> tuple[tuple[float, float], ...]:
    """The runs of True in `mask` as (start, end) in x, each edge halfway to the neighbouring sample."""
    runs, start = [], None
    values = x.tolist()
    flags = mask.tolist()
    for i, flag in enumerate(flags):
        if flag and start is None:
            start = i
        if start is not None and (not flag or i == len(flags) - 1):
            end = i if flag else i - 1
            left = values[start] if start == 0 else (values[start - 1] + values[start]) / 2
            right = values[end] if end == len(values) - 1 else (values[end] + values[end + 1]) / 2
            runs.append((left, right))
            start = None
    return tuple(runs)


def apply_to_batch(name: str, args: dict | None = None, seed: int = 0) -> torch.Size:
    """Seed 002's `out = act_fn(torch.rand(8, 128)); out.shape`: an activation keeps the input's shape.

    The batch comes from a seeded generator so the global RNG of a training run is left alone.
    """
    if name not in elementwise_activations():
        raise PlaygroundError("inside_not_elementwise", name=name)
    x = torch.rand(*SEED_BATCH, generator=torch.Generator().manual_seed(seed))
    with torch.no_grad():
        return make_layer(name, dict(args or {}))(x).shape


def random_logits(seed: int) -> list[float]:
    """Seed 002's `torch.rand(1, 20)` drawn from a seeded generator, as a flat list for the logits box."""
    return torch.rand(1, SEED_LOGITS, generator=torch.Generator().manual_seed(seed)).flatten().tolist()


@dataclass(frozen=True)
class SoftmaxView:
    """Softmax of `logits / temperature`: probabilities, log-probabilities and the Jacobian by autograd."""

    logits: torch.Tensor
    temperature: float
    probabilities: torch.Tensor
    log_probabilities: torch.Tensor
    jacobian: torch.Tensor  # d probabilities_i / d logits_j
    # Seed 002 prints these from float32 tensors: `torch.sum(logits)` and `torch.sum(pred_probab)`, whose
    # rounding can give 1.0000001192092896 where the exact sum is 1.
    float32_logits_sum: float
    float32_sum: float


def softmax_view(logits: list[float] | torch.Tensor, temperature: float = 1.0) -> SoftmaxView:
    """`nn.Softmax(dim=0)(logits / T)` and `nn.LogSoftmax`, with the Jacobian from torch.autograd.

    Computed in float64 (so the sum shown as exact is 1 to print precision), plus the float32 sums torch gives.
    """
    logits = torch.as_tensor(logits, dtype=torch.float64).flatten()
    if not 1 <= logits.numel() <= MAX_LOGITS:
        raise PlaygroundError("inside_bad_logits", count=logits.numel(), limit=MAX_LOGITS)
    if not torch.isfinite(logits).all():
        raise PlaygroundError("inside_logits_not_finite")
    if not temperature > 0:
        raise PlaygroundError("inside_bad_temperature", value=temperature)

    def probabilities(z: torch.Tensor) -> torch.Tensor:
        return torch.nn.Softmax(dim=0)(z / temperature)

    jacobian = torch.autograd.functional.jacobian(probabilities, logits)
    logits32 = logits.float()  # torch's default dtype, as in the seed's torch.rand(1, 20)
    return SoftmaxView(logits, temperature, probabilities(logits),
                       torch.nn.LogSoftmax(dim=0)(logits / temperature), jacobian,
                       torch.sum(logits32).item(), torch.sum(probabilities(logits32)).item())


def parse_logits(text: str) -> list[float]:
    """Numbers from a comma- or space-separated string, e.g. "2.0, 1.0, 0.1" (seed 002's logits)."""
    parts = [part for part in text.replace(",", " ").split() if part]
    try:
        values = [float(part) for part in parts]
    except ValueError as error:
        raise PlaygroundError("inside_logits_not_numbers", text=text[:60]) from error
    if not values:
        raise PlaygroundError("inside_bad_logits", count=0, limit=MAX_LOGITS)
    return values
