"""Checked exercises: the engine computes the right answer, so a question cannot drift from the app.

Each exercise reads what a student typed (or chose) and returns a Verdict: right, or wrong with a
reason key (`course.reason.*`) that says why without giving the answer away.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from engine.network.spec import LayerSpec, ModelSpec, SpecError

_INT = re.compile(r"-?\d+")


@dataclass(frozen=True)
class Verdict:
    """Whether an answer is right; if not, the catalog key of the reason."""

    right: bool
    reason: str | None = None


def parse_number(text: str) -> float | None:
    """A number as a student types it ("669,706", " 1.0 ", "1e-3"), or None."""
    try:
        value = float(str(text).replace(",", "").replace("_", "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_shape(text: str) -> tuple[int, ...] | None:
    """A shape as a student types it ("(3, 784)", "[3, 784]", "torch.Size([3, 784])", "3x784"), or None."""
    numbers = _INT.findall(str(text))
    return tuple(int(n) for n in numbers) if numbers else None


@dataclass(frozen=True)
class NumberExercise:
    """A number to compute or predict, checked against `compute()` within `tolerance`."""

    compute: Callable[[], float]
    tolerance: float = 0.0
    kind: str = "number"

    def answer(self) -> str:
        """The right answer, as the app would print it."""
        value = self.compute()
        return f"{value:,}" if float(value).is_integer() else f"{value:g}"

    def check(self, text: str) -> Verdict:
        """Right if the typed number equals the computed one (within the tolerance)."""
        value = parse_number(text)
        if value is None:
            return Verdict(False, "course.reason.not_number")
        right = self.compute()
        if abs(value - right) <= self.tolerance:
            return Verdict(True)
        return Verdict(False, "course.reason.too_high" if value > right else "course.reason.too_low")


@dataclass(frozen=True)
class ShapeExercise:
    """A tensor shape to predict, checked against the shape the engine's own tensor has."""

    compute: Callable[[], tuple[int, ...]]
    kind: str = "shape"

    def answer(self) -> str:
        """The right shape, as torch prints it."""
        return f"torch.Size({list(self.compute())})"

    def check(self, text: str) -> Verdict:
        """Right if the typed sizes are the computed shape's, in order."""
        shape = parse_shape(text)
        if shape is None:
            return Verdict(False, "course.reason.not_shape")
        right = tuple(self.compute())
        if shape == right:
            return Verdict(True)
        return Verdict(False, "course.reason.rank" if len(shape) != len(right) else "course.reason.sizes")


@dataclass(frozen=True)
class ChoiceExercise:
    """One option to pick among `options` (code, shown as is); `is_right` asks the engine about it."""

    options: tuple[str, ...]
    is_right: Callable[[str], bool]
    kind: str = "choice"

    def answer(self) -> str:
        """The first right option."""
        return next(option for option in self.options if self.is_right(option))

    def check(self, text: str) -> Verdict:
        """Right if the chosen option is one the engine accepts."""
        if text not in self.options:
            return Verdict(False, "course.reason.not_option")
        return Verdict(True) if self.is_right(text) else Verdict(False, "course.reason.wrong_option")


@dataclass(frozen=True)
class InFeaturesExercise:
    """Fix a Linear's in_features: right when the spec with the typed number builds (shapes agree)."""

    spec: ModelSpec  # the working network; the step shows it with this layer's in_features broken
    layer: int  # index of the Linear whose in_features the student fixes
    kind: str = "number"

    def with_in_features(self, value: int) -> ModelSpec:
        """The spec with layer `layer`'s in_features set to `value` (SpecError where shapes disagree)."""
        layers = list(self.spec.layers)
        old = layers[self.layer]
        layers[self.layer] = LayerSpec.of(old.kind, old.name, **{**old.arguments, "in_features": value})
        return ModelSpec(self.spec.input_shape, tuple(layers), self.spec.class_name)

    def answer(self) -> str:
        """The in_features that makes the network build: the previous layer's output size."""
        return str(self.spec.layers[self.layer].arguments["in_features"])

    def check(self, text: str) -> Verdict:
        """Right if the network builds with this in_features."""
        value = parse_number(text)
        if value is None or not value.is_integer() or value < 1:
            return Verdict(False, "course.reason.not_count")
        try:
            self.with_in_features(int(value))
        except SpecError:
            return Verdict(False, "course.reason.mismatch")
        return Verdict(True)


Exercise = NumberExercise | ShapeExercise | ChoiceExercise | InFeaturesExercise
