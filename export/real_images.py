"""A few real FashionMNIST test images for parity on real data, from the data set's local copy."""

from __future__ import annotations

import torch

from engine.data.fashion_mnist import load_local_fashion_mnist


def fashion_images(count: int) -> torch.Tensor | None:
    """The first `count` test images as float32 (count, 28, 28) in [0, 1]; None without the data."""
    data = load_local_fashion_mnist()
    return None if data is None else data.as_float(data.test_x[:count, 0])


def fashion_labels(count: int) -> list[int] | None:
    """The classes of the first `count` test images; None without the data."""
    data = load_local_fashion_mnist()
    return None if data is None else data.test_y[:count].tolist()
