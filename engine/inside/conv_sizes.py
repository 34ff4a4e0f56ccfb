"""The size explorer: how a kernel sliding with a stride over a padded input sets the output size.

out = floor((in + 2 * padding - kernel) / stride) + 1, the rule in nn.Conv2d's and nn.MaxPool2d's
documentation (dilation 1), the registry's own (engine/network/layers.window_output_size). The plan also
lists where each window starts, so a page can draw the grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import PlaygroundError
from engine.network.layers import window_output_size

MAX_EXPLORER_SIZE = 64  # the explorer draws every cell; larger inputs would not fit a screen


class InsideError(PlaygroundError):
    """A request to look inside a CNN that cannot be met (a size, a layer, a channel, a position, an image)."""


@dataclass(frozen=True)
class SizePlan:
    """One dimension of a convolution or pooling: the sizes and where each window starts."""

    size: int
    kernel: int
    stride: int
    padding: int
    output: int
    starts: tuple[int, ...]  # each window's first cell, counted in the padded input (padding cells first)

    @property
    def padded(self) -> int:
        """The input size with the padding on both sides."""
        return self.size + 2 * self.padding

    @property
    def unused(self) -> int:
        """Padded cells after the last window that no window reaches (the floor in the rule drops them)."""
        return self.padded - (self.starts[-1] + self.kernel)

    @property
    def formula(self) -> str:
        """The rule with this plan's numbers, e.g. `floor((28 + 2*0 - 5) / 1) + 1 = 24`."""
        return (f"floor(({self.size} + 2*{self.padding} - {self.kernel}) / {self.stride}) + 1"
                f" = {self.output}")


def conv_output_size(size: int, kernel: int, stride: int = 1, padding: int = 0) -> int:
    """The output length along one dimension, or a translated InsideError for sizes that cannot work."""
    for key, value in (("inside_input_not_positive", size), ("inside_kernel_not_positive", kernel),
                       ("inside_zero_stride", stride)):
        if value < 1:
            raise InsideError(key, value=value)
    if padding < 0:
        raise InsideError("inside_negative_padding", value=padding)
    output = window_output_size(size, kernel, stride, padding)
    if output is None:
        raise InsideError("inside_kernel_too_big", kernel=kernel, size=size, padding=padding,
                          padded=size + 2 * padding)
    return output


def size_plan(size: int, kernel: int, stride: int = 1, padding: int = 0) -> SizePlan:
    """The explorer's answer: the output size and every window's start, for sizes up to MAX_EXPLORER_SIZE."""
    if max(size, kernel, padding) > MAX_EXPLORER_SIZE:
        raise InsideError("inside_size_too_big", size=size, kernel=kernel, padding=padding, limit=MAX_EXPLORER_SIZE)
    output = conv_output_size(size, kernel, stride, padding)
    return SizePlan(size, kernel, stride, padding, output, tuple(i * stride for i in range(output)))
