"""A few real FashionMNIST test images straight from the official files, for parity on real data.

The full data set arrives through engine.data; parity only needs a handful of images, so this reads
the first ones from `FASHION_MNIST_DIR/t10k-images-idx3-ubyte.gz` when that folder exists.
"""

from __future__ import annotations

import gzip
import os
from functools import cache
from pathlib import Path

import numpy as np
import torch

_IMAGES = "t10k-images-idx3-ubyte.gz"
_LABELS = "t10k-labels-idx1-ubyte.gz"
_MAGIC_IMAGES, _MAGIC_LABELS = 2051, 2049


def _folder() -> Path | None:
    folder = os.environ.get("FASHION_MNIST_DIR")
    return Path(folder) if folder and (Path(folder) / _IMAGES).is_file() else None


def fashion_images(count: int) -> torch.Tensor | None:
    """The first `count` test images as float32 (count, 28, 28) in [0, 1]; None without the data.

    The tensor is shared between callers (read once per process): treat it as read-only.
    """
    folder = _folder()
    return None if folder is None else _read_images(str(folder), count)


@cache
def _read_images(folder: str, count: int) -> torch.Tensor | None:
    with gzip.open(Path(folder) / _IMAGES, "rb") as file:
        magic, total, rows, cols = np.frombuffer(file.read(16), dtype=">i4")
        if magic != _MAGIC_IMAGES or (rows, cols) != (28, 28):
            return None
        count = min(count, int(total))
        pixels = np.frombuffer(file.read(count * 28 * 28), dtype=np.uint8)
    return torch.from_numpy(pixels.reshape(count, 28, 28).astype(np.float32) / 255.0)


def fashion_labels(count: int) -> list[int] | None:
    """The classes of the first `count` test images; None without the data."""
    folder = _folder()
    if folder is None or not (folder / _LABELS).is_file():
        return None
    with gzip.open(folder / _LABELS, "rb") as file:
        magic, total = np.frombuffer(file.read(8), dtype=">i4")
        if magic != _MAGIC_LABELS:
            return None
        return np.frombuffer(file.read(min(count, int(total))), dtype=np.uint8).astype(int).tolist()
