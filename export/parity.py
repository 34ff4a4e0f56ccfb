"""Does onnxruntime compute what torch computes? Max absolute/relative difference and argmax agreement.

PyTorch is the reference (the ONNX tutorial's `assert_close` against onnxruntime). The threshold is
1e-5 absolute for float32: both run the same float32 matmuls, only the summation order differs. Where
outputs pass 10 (a trained CNN's confident logits) it is 1e-6 of the largest output instead: float32
keeps 24 bits, so one unit in the last place of a value between 16 and 32 is 1.9e-6, and torch (oneDNN)
and onnxruntime (MLAS) sum a convolution's products in different orders, a few such units apart.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from engine.data.sample_images import first_test_images
from export.runtime import run_onnx

THRESHOLD = 1e-5
RELATIVE_FLOOR = 1e-6  # |torch| below this counts as this much, so exact zeros do not divide by zero
PARITY_BATCHES = (1, 8)
ABSOLUTE_UP_TO = 10.0  # outputs up to this size get THRESHOLD absolute; larger ones THRESHOLD / 10 relative


@dataclass(frozen=True)
class ParityInput:
    """One batch to compare on: where it comes from ("random" or "real") and the float32 tensor."""

    source: str
    batch: torch.Tensor  # (B, *input_shape)


@dataclass(frozen=True)
class ParityCase:
    """The comparison on one batch."""

    source: str
    batch_size: int
    max_abs_diff: float
    max_rel_diff: float
    argmax_agreement: float | None  # fraction of rows whose top class agrees; None without classes
    abs_diffs: np.ndarray  # every |torch - other|, flattened, for the plot
    largest: float = 0.0  # the largest |torch output|: float32's resolution there bounds the difference


@dataclass(frozen=True)
class ParityReport:
    """Every case, and the verdict against the threshold."""

    cases: tuple[ParityCase, ...]
    threshold: float = THRESHOLD

    @property
    def max_abs_diff(self) -> float:
        """Largest absolute difference over every case."""
        return max(case.max_abs_diff for case in self.cases)

    @property
    def max_rel_diff(self) -> float:
        """Largest relative difference over every case."""
        return max(case.max_rel_diff for case in self.cases)

    @property
    def argmax_agreement(self) -> float | None:
        """Fraction of all rows whose top class agrees (None when the output has no classes)."""
        rows = [(case.argmax_agreement, case.batch_size) for case in self.cases if case.argmax_agreement is not None]
        if not rows:
            return None
        return sum(agree * size for agree, size in rows) / sum(size for _, size in rows)

    @property
    def bound(self) -> float:
        """The threshold, or 1e-6 of the largest output once outputs pass ABSOLUTE_UP_TO (see the module's note)."""
        largest = max((case.largest for case in self.cases if np.isfinite(case.largest)), default=0.0)
        return self.threshold * max(1.0, largest / ABSOLUTE_UP_TO)

    @property
    def passed(self) -> bool:
        """True when every difference is within the bound (and no output is NaN)."""
        return all(np.isfinite(case.max_abs_diff) and case.max_abs_diff <= self.bound for case in self.cases)


def parity_inputs(input_shape: Sequence[int], seed: int = 0,
                  batch_sizes: Sequence[int] = PARITY_BATCHES) -> list[ParityInput]:
    """Random batches in [0, 1) (as ToTensor gives) of each size, plus real FashionMNIST images when the
    input is one 28x28 image and FASHION_MNIST_DIR holds the data."""
    generator = torch.Generator().manual_seed(seed)
    inputs = [ParityInput("random", torch.rand(size, *input_shape, generator=generator)) for size in batch_sizes]
    if int(np.prod(input_shape)) == 28 * 28:
        real = first_test_images(max(batch_sizes))
        if real is not None:
            images = real[0]
            inputs.append(ParityInput("real", images.reshape(len(images), *input_shape)))
    return inputs


def compare_outputs(source: str, expected: np.ndarray, got: np.ndarray) -> ParityCase:
    """One case from torch's output (`expected`) and another runtime's output for the same batch."""
    expected = np.asarray(expected, dtype=np.float64)
    got = np.asarray(got, dtype=np.float64).reshape(expected.shape)
    diffs = np.abs(expected - got)
    relative = diffs / np.maximum(np.abs(expected), RELATIVE_FLOOR)
    agreement = None
    if expected.ndim == 2 and expected.shape[1] > 1:
        agreement = float(np.mean(expected.argmax(axis=1) == got.argmax(axis=1)))
    nan_mismatch = bool(np.any(np.isnan(expected) != np.isnan(got)))
    worst = float("inf") if nan_mismatch else float(np.nanmax(diffs, initial=0.0))
    return ParityCase(source, expected.shape[0], worst, float(np.nanmax(relative, initial=0.0)), agreement,
                      diffs.ravel(), float(np.nanmax(np.abs(expected), initial=0.0)))


@torch.no_grad()
def torch_outputs(model: nn.Module, batch: torch.Tensor) -> np.ndarray:
    """The model's output in eval mode (Dropout off), without changing the student's module."""
    frozen = copy.deepcopy(model).eval() if model.training else model
    return frozen(batch).numpy()


def check_parity(model: nn.Module, onnx_bytes: bytes, inputs: Sequence[ParityInput],
                 threshold: float = THRESHOLD) -> ParityReport:
    """Compare torch with onnxruntime (CPU) on every batch in `inputs`."""
    cases = [compare_outputs(item.source, torch_outputs(model, item.batch), run_onnx(onnx_bytes, item.batch.numpy()))
             for item in inputs]
    return ParityReport(tuple(cases), threshold)
