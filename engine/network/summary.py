"""A torchsummary-style table (seed 002) computed by torchinfo, returned as data for views to draw."""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torchinfo

from engine.network.builder import build_model
from engine.network.spec import ModelSpec

MB = 1024**2  # torchsummary's megabyte


@dataclass(frozen=True)
class SummaryRow:
    """One leaf layer call: `Linear-1`, its output shape (batch as -1), and its parameters."""

    label: str
    output_shape: tuple[int, ...]
    parameters: int


@dataclass(frozen=True)
class Summary:
    """The whole table with totals and the memory estimate, as torchsummary prints it."""

    rows: tuple[SummaryRow, ...]
    total_parameters: int
    trainable_parameters: int
    input_mb: float
    forward_backward_mb: float
    params_mb: float

    @property
    def non_trainable_parameters(self) -> int:
        """Parameters that do not require gradients."""
        return self.total_parameters - self.trainable_parameters

    @property
    def total_mb(self) -> float:
        """Input + activations (forward and backward) + parameters, in MB."""
        return self.input_mb + self.forward_backward_mb + self.params_mb


# torchinfo's arguments, kept here once so the call shown on the Model page is the call that ran.
TORCHINFO_ARGS = {"verbose": 0, "depth": 8, "device": "cpu", "col_names": ("output_size", "num_params")}


def torchinfo_call(spec: ModelSpec) -> str:
    """The exact `torchinfo.summary(...)` line `summarize` runs for `spec`, as Python source."""
    arguments = ", ".join(f"{name}={value!r}" for name, value in TORCHINFO_ARGS.items())
    return f"torchinfo.summary(model, input_size={(1, *spec.input_shape)!r}, {arguments})"


def summarize(spec: ModelSpec, model: torch.nn.Module | None = None) -> Summary:
    """Summarise `model` (or a fresh one built from `spec`) for a batch of one, like `summary(model, (128,))`."""
    model = model if model is not None else build_model(spec)
    stats = torchinfo.summary(model, input_size=(1, *spec.input_shape), **TORCHINFO_ARGS)
    leaves = [info for info in stats.summary_list if info.is_leaf_layer]
    rows, seen_params = [], set()
    for number, info in enumerate(leaves, start=1):
        # A shared module called twice holds its parameters once.
        # torchsummary's "Param #" counts frozen parameters too; the totals below tell them apart.
        params = 0 if id(info.module) in seen_params else info.num_params
        seen_params.add(id(info.module))
        shape = tuple(-1 if i == 0 else n for i, n in enumerate(info.output_size))
        rows.append(SummaryRow(f"{info.class_name}-{number}", shape, params))
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    activations = sum(abs(torch.Size(info.output_size).numel()) for info in leaves)
    return Summary(
        rows=tuple(rows),
        total_parameters=total,
        trainable_parameters=trainable,
        input_mb=torch.Size(spec.input_shape).numel() * 4 / MB,
        forward_backward_mb=2 * activations * 4 / MB,  # outputs and their gradients, float32
        params_mb=total * 4 / MB,
    )


def summary_text(summary: Summary) -> str:
    """The table as torchsummary's `summary(model, (128,))` prints it, totals and sizes included (seed 002)."""
    rule, double = "-" * 64, "=" * 64
    lines = [rule, f"{'Layer (type)':>20}  {'Output Shape':>25} {'Param #':>15}", double]
    lines += [f"{row.label:>20}  {str(list(row.output_shape)):>25} {row.parameters:>15,}" for row in summary.rows]
    lines += [
        double,
        f"Total params: {summary.total_parameters:,}",
        f"Trainable params: {summary.trainable_parameters:,}",
        f"Non-trainable params: {summary.non_trainable_parameters:,}",
        rule,
        f"Input size (MB): {summary.input_mb:0.2f}",
        f"Forward/backward pass size (MB): {summary.forward_backward_mb:0.2f}",
        f"Params size (MB): {summary.params_mb:0.2f}",
        f"Estimated Total Size (MB): {summary.total_mb:0.2f}",
        rule,
    ]
    return "\n".join(lines)
