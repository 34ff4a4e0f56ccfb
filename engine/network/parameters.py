"""What the seeds print about parameters: `named_parameters()` and `nn.Linear` as `x @ W.T + b`."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class ParameterRow:
    """One `named_parameters()` entry: name, size, count and its first values (seed 000 prints `[:2]`)."""

    name: str
    size: tuple[int, ...]
    count: int
    first_values: list
    requires_grad: bool


def parameter_table(model: nn.Module, first: int = 2, width: int = 4) -> list[ParameterRow]:
    """Rows like seed 000's `Layer: ... | Size: ... | Values : param[:2]` loop, values rounded."""
    rows = []
    for name, param in model.named_parameters():
        head = param.detach()[:first]
        if head.dim() > 1:
            head = head[:, :width]  # a 512x784 weight shows its corner, not 1,568 numbers
        rows.append(ParameterRow(name, tuple(param.shape), param.numel(), _short_values(head.tolist()),
                                 param.requires_grad))
    return rows


def _short_values(values):
    # float32 values come back from tolist() as float64 with float32's error spelled out
    # (-0.0003000000142492354); four significant digits read like torch's own printing.
    if isinstance(values, list):
        return [_short_values(value) for value in values]
    return float(f"{values:.4g}")


def module_expression(path: str, root: str = "model") -> str:
    """Python that reaches the submodule at a `named_modules()` path: `model[1]`, `model.stack[0]`, `model.fc1`.

    Inside an nn.Sequential a position is an index, and `model.1` is not Python.
    """
    expression = root
    for part in path.split(".") if path else []:
        expression += f"[{part}]" if part.isdigit() else f".{part}"
    return expression


@dataclass(frozen=True)
class LinearCheck:
    """nn.Linear's output next to `x @ W.T + b` computed by hand (seed 002), and their difference."""

    layer_name: str
    input: torch.Tensor
    module_output: torch.Tensor
    manual_output: torch.Tensor

    @property
    def expression(self) -> str:
        """How a script reaches this layer, e.g. `model[1]` or `model.fc1`."""
        return module_expression(self.layer_name)

    @property
    def max_abs_diff(self) -> float:
        """Largest absolute difference between the two ways of computing the layer."""
        return (self.module_output - self.manual_output).abs().max().item()


@torch.no_grad()
def check_linear_formula(model: nn.Module, batch: int = 3, seed: int = 0) -> LinearCheck | None:
    """Run the model's first Linear on a random batch both ways; None when the model has no Linear."""
    for name, layer in model.named_modules():
        if isinstance(layer, nn.Linear):
            generator = torch.Generator().manual_seed(seed)
            x = torch.rand(batch, layer.in_features, generator=generator)  # (batch, in_features)
            manual = x @ layer.weight.T + (layer.bias if layer.bias is not None else 0)
            return LinearCheck(name, x, layer(x), manual)
    return None
