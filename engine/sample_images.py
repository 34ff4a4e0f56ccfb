"""A few real FashionMNIST test images for the walkthrough, when FASHION_MNIST_DIR names the files.

A bridge until `engine.data.load_dataset("fashion_mnist")` lands on main: only this module reads the
files for the Layers page, so switching to the data set loader is a change in one place.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import torch

# The seeds' labels_map, in label order; pages translate them through the catalog.
FASHION_CLASSES = ("T-Shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                   "Ankle Boot")
_IMAGES, _LABELS = "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"


def fashion_test_set() -> tuple[torch.Tensor, torch.Tensor] | None:
    """The 10,000 test images (uint8, (N, 1, 28, 28)) and labels, or None when the files are not here."""
    folder = Path(os.environ.get("FASHION_MNIST_DIR", "")).expanduser()
    if not os.environ.get("FASHION_MNIST_DIR") or not (folder / _IMAGES).is_file() or not (folder / _LABELS).is_file():
        return None
    try:
        with gzip.open(folder / _IMAGES, "rb") as handle:
            images = handle.read()[16:]  # IDX header: magic, count, rows, columns
        with gzip.open(folder / _LABELS, "rb") as handle:
            labels = handle.read()[8:]  # IDX header: magic, count
    except OSError:
        return None
    if len(images) != len(labels) * 28 * 28:
        return None
    return (torch.frombuffer(bytearray(images), dtype=torch.uint8).reshape(-1, 1, 28, 28),
            torch.frombuffer(bytearray(labels), dtype=torch.uint8).long())


def pick_images(images: torch.Tensor, labels: torch.Tensor, seed: int,
                count: int = 3) -> tuple[torch.Tensor, list[int]]:
    """`count` test images chosen by `seed` (a private generator), as floats in [0, 1] like ToTensor()."""
    index = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed))[:count]
    return images[index].float() / 255, labels[index].tolist()
