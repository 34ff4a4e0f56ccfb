"""The convolution explained at one output value: the input patch of each input channel, the kernel,
their element-wise products, each channel's sum, the bias, and the total, which is the layer's output there.

The sums are taken in float64, so the total is the exact value the float32 layer rounds: the two agree
within float32 summation error, at most `terms * 2**-24 * sum(|terms|)` (`ConvolutionAt.float32_bound`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from engine.inside.conv_sizes import InsideError

FLOAT32_UNIT_ROUNDOFF = 2.0**-24  # float32's unit roundoff: one rounding changes a value by at most this share


@dataclass(frozen=True)
class ConvolutionAt:
    """One output value of a Conv2d, taken apart."""

    out_channel: int
    row: int
    col: int
    input_channels: tuple[int, ...]  # the input channels this output channel reads (all of them unless groups > 1)
    top: int  # the window's first row and column in the input; negative where it starts in the padding
    left: int
    patches: torch.Tensor  # (input channels, kernel height, kernel width), float64, 0 where the window covers padding
    kernel: torch.Tensor  # the same shape: this output channel's weights
    bias: float  # 0.0 for a layer made with bias=False
    output: float  # the layer's own float32 output at (out_channel, row, col)

    @property
    def products(self) -> torch.Tensor:
        """patch * kernel, element by element."""
        return self.patches * self.kernel

    @property
    def channel_sums(self) -> torch.Tensor:
        """One sum of products per input channel."""
        return self.products.sum(dim=(1, 2))

    @property
    def total(self) -> float:
        """The channel sums plus the bias: what the output value should be."""
        return self.channel_sums.sum().item() + self.bias

    @property
    def float32_bound(self) -> float:
        """How far a float32 sum of these terms may drift from the exact total (the classic summation bound)."""
        terms = self.products.numel() + 1
        return terms * FLOAT32_UNIT_ROUNDOFF * (self.products.abs().sum().item() + abs(self.bias))


def _padding(conv: nn.Conv2d) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) padding, for numbers and for padding="valid"/"same"."""
    if conv.padding == "valid":
        return 0, 0, 0, 0
    if conv.padding == "same":
        height, width = (d * (k - 1) for d, k in zip(conv.dilation, conv.kernel_size))
        return height // 2, height - height // 2, width // 2, width - width // 2
    return conv.padding[0], conv.padding[0], conv.padding[1], conv.padding[1]


def _padded(conv: nn.Conv2d, x: torch.Tensor) -> torch.Tensor:
    top, bottom, left, right = _padding(conv)
    mode = "constant" if conv.padding_mode == "zeros" else conv.padding_mode
    return F.pad(x, (left, right, top, bottom), mode=mode)


@torch.no_grad()
def convolution_output(conv: nn.Conv2d, x: torch.Tensor) -> torch.Tensor:
    """The layer's output (out_channels, rows, cols) for one input (in_channels, height, width)."""
    return conv(x.unsqueeze(0).to(conv.weight.device, conv.weight.dtype))[0].cpu()


@torch.no_grad()
def explain_convolution(conv: nn.Conv2d, x: torch.Tensor, out_channel: int, row: int, col: int) -> ConvolutionAt:
    """Take apart `conv(x)[out_channel, row, col]` for one input `x` (in_channels, height, width)."""
    output = convolution_output(conv, x)
    if not 0 <= out_channel < conv.out_channels:
        raise InsideError("inside_bad_channel", channel=out_channel, last=conv.out_channels - 1)
    rows, cols = output.shape[1:]
    if not (0 <= row < rows and 0 <= col < cols):
        raise InsideError("inside_bad_position", row=row, col=col, rows=rows, cols=cols)
    per_group = conv.out_channels // conv.groups
    reads = conv.in_channels // conv.groups
    first = out_channel // per_group * reads
    (stride_h, stride_w), (dilation_h, dilation_w) = conv.stride, conv.dilation
    (kernel_h, kernel_w) = conv.kernel_size
    top, left = row * stride_h, col * stride_w  # in the padded input
    padded = _padded(conv, x.detach().cpu().double()[first:first + reads])
    patches = padded[:, top:top + dilation_h * (kernel_h - 1) + 1:dilation_h,
                     left:left + dilation_w * (kernel_w - 1) + 1:dilation_w]
    pad_top, _, pad_left, _ = _padding(conv)
    bias = 0.0 if conv.bias is None else conv.bias[out_channel].item()
    return ConvolutionAt(out_channel, row, col, tuple(range(first, first + reads)), top - pad_top, left - pad_left,
                         patches.clone(), conv.weight[out_channel].detach().cpu().double(), bias,
                         output[out_channel, row, col].item())


def positions(rows: int, cols: int) -> list[tuple[int, int]]:
    """Every output position in the order the kernel visits them (row by row), for stepping and playing."""
    return [(r, c) for r in range(rows) for c in range(cols)]


def within_float32(step: ConvolutionAt) -> bool:
    """Whether the layer's float32 output equals the exact total within the float32 summation bound."""
    return math.isclose(step.output, step.total, rel_tol=0.0, abs_tol=max(step.float32_bound, 1e-30))
