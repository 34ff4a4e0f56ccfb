"""An image set that needs no network: scikit-learn's bundled 8x8 handwritten digits (UCI optdigits).

1,797 images with values 0-16, read straight from the CSV file scikit-learn ships (what
`sklearn.datasets.load_digits` reads), so importing scikit-learn and SciPy costs nothing at run time.
Kept as uint8 (N, 1, 8, 8) with `scale = 1/16`, split by a seeded permutation.
"""

from __future__ import annotations

import gzip
from functools import cache

import numpy as np
import torch

from engine.data.base import TensorData
from engine.data.bundled import sklearn_data_file

CLASS_NAMES = tuple(str(digit) for digit in range(10))
MAX_VALUE = 16


@cache
def _read_digits() -> tuple[torch.Tensor, torch.Tensor]:
    # Once per process: every student shares these two small tensors.
    with gzip.open(sklearn_data_file("digits.csv.gz"), "rt") as text:
        table = np.loadtxt(text, delimiter=",", dtype=np.uint8)
    images = torch.from_numpy(np.ascontiguousarray(table[:, :-1])).reshape(-1, 1, 8, 8)
    return images, torch.from_numpy(table[:, -1].astype(np.int64))


def load_digits(train_ratio: int = 80, seed: int = 0) -> TensorData:
    """The digits, `train_ratio` percent for training, shuffled by a torch.Generator seeded with `seed`."""
    images, labels = _read_digits()
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed))
    train, test = order[: len(order) * train_ratio // 100], order[len(order) * train_ratio // 100:]
    return TensorData("digits", "classification", images[train], labels[train], images[test], labels[test],
                      class_names=CLASS_NAMES, scale=1 / MAX_VALUE)
