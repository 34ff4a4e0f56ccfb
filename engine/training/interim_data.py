"""Data sets by name for the trainer, until `engine.data.load_dataset` (the data area's loaders) lands.

`load_data` hands over to `engine.data.load_dataset` as soon as it exists; the small loaders below
only keep the trainer, its command line and the Train page usable before that (FashionMNIST from the
four official IDX files, seed 001's temperatures, and two of TF Playground's 2-D sets).
"""

from __future__ import annotations

import gzip
import math
import os
from pathlib import Path

import numpy as np
import torch

import engine.data
from engine.data.base import TensorData
from engine.errors import PlaygroundError

FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                   "Ankle boot")
# Seed 001: Celsius readings and the thermometer's unknown unit ("Fahrenheit").
T_C = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
T_U = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]
INTERIM_NAMES = ("fashion_mnist", "temperature", "circle", "xor")


def data_names() -> tuple[str, ...]:
    """Names `load_data` accepts."""
    names = getattr(engine.data, "DATASETS", None)
    return tuple(names) if names else INTERIM_NAMES


def load_data(name: str, **options) -> TensorData:
    """The data set `name` as TensorData (options such as `data_dir`, `noise`, `seed`)."""
    loader = getattr(engine.data, "load_dataset", None)
    if loader is not None:
        return loader(name, **options)
    if name == "fashion_mnist":
        return _fashion_mnist(options.get("data_dir") or os.environ.get("FASHION_MNIST_DIR", "data/fashion-mnist"))
    if name == "temperature":
        return _temperature(int(options.get("seed", 0)))
    if name in ("circle", "xor"):
        return _two_d(name, int(options.get("seed", 0)), float(options.get("noise", 0.0)))
    raise PlaygroundError("train_unknown_data", name=name, known=", ".join(INTERIM_NAMES))


def read_idx(path: Path) -> torch.Tensor:
    """One official IDX .gz file (images: 16-byte header, labels: 8-byte header) as a uint8 tensor."""
    raw = gzip.open(path).read()
    if raw[2] != 8:  # 0x08: unsigned bytes
        raise ValueError(f"{path} is not an unsigned-byte IDX file")
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims)]
    return torch.from_numpy(np.frombuffer(raw, np.uint8, offset=4 + 4 * dims).reshape(shape).copy())


def _fashion_mnist(folder: str) -> TensorData:
    root = Path(folder)
    if not (root / "train-images-idx3-ubyte.gz").exists():
        raise PlaygroundError("train_unknown_data", name=f"fashion_mnist ({root})", known=", ".join(INTERIM_NAMES))
    images = [read_idx(root / f"{part}-images-idx3-ubyte.gz").unsqueeze(1) for part in ("train", "t10k")]
    labels = [read_idx(root / f"{part}-labels-idx1-ubyte.gz").long() for part in ("train", "t10k")]
    return TensorData("fashion_mnist", "classification", images[0], labels[0], images[1], labels[1],
                      FASHION_CLASSES, scale=1 / 255)


def _temperature(seed: int) -> TensorData:
    # Seed 001 keeps 20 % for validation, chosen by a permutation; ours comes from a private generator.
    order = torch.randperm(len(T_C), generator=torch.Generator().manual_seed(seed))
    n_val = int(0.2 * len(T_C))
    x, y = torch.tensor(T_U).unsqueeze(1), torch.tensor(T_C).unsqueeze(1)  # (11, 1)
    train, val = order[:-n_val], order[-n_val:]
    return TensorData("temperature", "regression", x[train], y[train], x[val], y[val], scale=0.1)


def _two_d(name: str, seed: int, noise: float, count: int = 500) -> TensorData:
    # TF Playground's dataset.ts, 500 points, half of them for training.
    g = torch.Generator().manual_seed(seed)
    if name == "circle":
        radius = torch.cat([torch.rand(count // 2, generator=g) * 2.5, 3.5 + torch.rand(count // 2, generator=g) * 1.5])
        angle = torch.rand(count, generator=g) * 2 * math.pi
        points = torch.stack([radius * angle.cos(), radius * angle.sin()], 1)
        points = points + (torch.rand(count, 2, generator=g) * 2 - 1) * 5 * noise
        labels = (points.norm(dim=1) < 2.5).long()
    else:
        points = torch.rand(count, 2, generator=g) * 10 - 5
        points = points + points.sign() * 0.3  # padding away from the axes
        labels = (points[:, 0] * points[:, 1] >= 0).long()
        points = points + (torch.rand(count, 2, generator=g) * 2 - 1) * 5 * noise
    order = torch.randperm(count, generator=g)
    train, test = order[: count // 2], order[count // 2 :]
    return TensorData(name, "classification", points[train], labels[train], points[test], labels[test],
                      ("0", "1"))
