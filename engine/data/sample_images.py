"""A few real FashionMNIST test images (the Layers page's minibatch, parity on real data), when a local copy
of the data set exists."""

from __future__ import annotations

import torch

from engine.data.fashion_mnist import CLASS_NAMES as FASHION_CLASSES
from engine.data.fashion_mnist import load_local_fashion_mnist

__all__ = ["FASHION_CLASSES", "fashion_test_set", "first_test_images", "pick_images"]


def fashion_test_set() -> tuple[torch.Tensor, torch.Tensor] | None:
    """The 10,000 test images (uint8, (N, 1, 28, 28)) and labels, or None when no local copy exists."""
    data = load_local_fashion_mnist()
    return None if data is None else (data.test_x, data.test_y)


def pick_images(images: torch.Tensor, labels: torch.Tensor, seed: int,
                count: int = 3) -> tuple[torch.Tensor, list[int]]:
    """`count` test images chosen by `seed` (a private generator), as floats in [0, 1] like ToTensor()."""
    index = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed))[:count]
    return images[index].float() / 255, labels[index].tolist()


def first_test_images(count: int) -> tuple[torch.Tensor, list[int]] | None:
    """The first `count` test images as float32 (count, 28, 28) in [0, 1] and their classes; None without
    the data."""
    data = load_local_fashion_mnist()
    return None if data is None else (data.as_float(data.test_x[:count, 0]), data.test_y[:count].tolist())
