"""Pooling explained on one channel: every window, the value max pooling keeps (and how many it drops),
or the mean average pooling takes, each checked against the layer's own output."""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.modules.utils import _pair

from engine.inside.conv_sizes import InsideError


@dataclass(frozen=True)
class PoolWindow:
    """One window of one channel and what the layer made of it."""

    row: int  # the output position
    col: int
    top: int  # the window's first input row and column; negative where it starts in the padding
    left: int
    values: torch.Tensor  # (kernel height, kernel width); -inf (max) or 0 (average) where it covers padding
    kept: tuple[int, int] | None  # max pooling: the kept value's (row, col) in `values`; None for average
    kept_cell: tuple[int, int] | None  # the same value's (row, col) in the input
    result: float  # the layer's own output at (row, col)


@dataclass(frozen=True)
class PoolingExplained:
    """A pooling layer on one channel of one image."""

    kind: str  # "MaxPool2d" or "AvgPool2d"
    channel: int
    input: torch.Tensor  # (height, width)
    output: torch.Tensor  # (rows, cols)
    windows: tuple[PoolWindow, ...]  # row by row

    @property
    def window_size(self) -> int:
        """Cells in one window (4 for a 2x2 kernel)."""
        return self.windows[0].values.numel()

    @property
    def kept_cells(self) -> set[tuple[int, int]]:
        """Input cells (row, col) that some window keeps (max pooling); empty for average pooling."""
        return {w.kept_cell for w in self.windows if w.kept_cell is not None}

    def decisive_cells(self) -> list[tuple[int, int]]:
        """Kept cells of the windows whose values are not all equal (in a flat window any cell would do)."""
        return sorted({w.kept_cell for w in self.windows
                       if w.kept_cell is not None and w.values.max() > w.values.min()})

    @property
    def dropped_share(self) -> float:
        """Share of the input's values that reach no output (max pooling): 3/4 for a 2x2 window with stride 2."""
        return 1 - len(self.kept_cells) / self.input.numel() if self.kind == "MaxPool2d" else 0.0


def _geometry(pool: nn.Module) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]:
    kernel = _pair(pool.kernel_size)
    stride = _pair(pool.stride if pool.stride is not None else pool.kernel_size)
    dilation = _pair(getattr(pool, "dilation", 1))
    return kernel, stride, _pair(pool.padding), dilation


@torch.no_grad()
def explain_pooling(pool: nn.Module, x: torch.Tensor, channel: int) -> PoolingExplained:
    """Every window of `pool` (MaxPool2d or AvgPool2d) over channel `channel` of `x` (channels, height, width)."""
    if not isinstance(pool, (nn.MaxPool2d, nn.AvgPool2d)):
        raise InsideError("inside_not_pool", path="-", kind=type(pool).__name__)
    if not 0 <= channel < x.shape[0]:
        raise InsideError("inside_bad_channel", channel=channel, last=x.shape[0] - 1)
    is_max = isinstance(pool, nn.MaxPool2d)
    image = x[channel].detach().cpu().float()
    output = pool(image[None, None])[0, 0]
    (kernel_h, kernel_w), (stride_h, stride_w), (pad_h, pad_w), (dilation_h, dilation_w) = _geometry(pool)
    # ceil_mode may start a last window past the padded input: pad far enough for it, with the value
    # that never wins (max) or adds nothing (average).
    extra_h = max(0, (output.shape[0] - 1) * stride_h + dilation_h * (kernel_h - 1) + 1 - image.shape[0] - 2 * pad_h)
    extra_w = max(0, (output.shape[1] - 1) * stride_w + dilation_w * (kernel_w - 1) + 1 - image.shape[1] - 2 * pad_w)
    filler = float("-inf") if is_max else 0.0
    padded = F.pad(image.double(), (pad_w, pad_w + extra_w, pad_h, pad_h + extra_h), value=filler)
    windows = []
    for row in range(output.shape[0]):
        for col in range(output.shape[1]):
            top, left = row * stride_h, col * stride_w
            values = padded[top:top + dilation_h * (kernel_h - 1) + 1:dilation_h,
                            left:left + dilation_w * (kernel_w - 1) + 1:dilation_w].clone()
            kept = divmod(int(values.argmax()), kernel_w) if is_max else None
            cell = None if kept is None else (top - pad_h + kept[0] * dilation_h, left - pad_w + kept[1] * dilation_w)
            windows.append(PoolWindow(row, col, top - pad_h, left - pad_w, values, kept, cell, output[row, col].item()))
    return PoolingExplained(type(pool).__name__, channel, image, output, tuple(windows))
