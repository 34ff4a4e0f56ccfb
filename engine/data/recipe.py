"""How another process gets the very data a run was built with, without sending it when it need not.

A registry data set (engine/data/registry.py) travels as its name and options: the training process
loads it once and keeps it (FashionMNIST from FASHION_MNIST_DIR, like the server). Anything else (a
student's CSV) travels as its tensors. A fingerprint makes sure both sides hold the same examples.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.data.base import TensorData
from engine.data.registry import DATASETS, load_dataset


@dataclass(frozen=True)
class DataRecipe:
    """Either (`name`, `options`) of a registry data set, or the `data` itself; `fingerprint` of the data."""

    name: str | None
    options: tuple[tuple[str, object], ...]
    fingerprint: tuple
    data: TensorData | None = None

    @classmethod
    def of(cls, data: TensorData, name: str, options: dict) -> DataRecipe:
        """The recipe for `data`, which the run's config calls `name` with `options`."""
        if name in DATASETS:
            return cls(name, tuple(sorted(options.items())), fingerprint(data))
        return cls(None, (), fingerprint(data), data)

    @property
    def key(self) -> tuple:
        """Equal keys, equal data: what a process's cache is keyed by."""
        return (self.name, self.options, self.fingerprint)

    def load(self) -> TensorData:
        """The data, loaded from the registry or as sent; ValueError if it is not the sender's."""
        data = self.data if self.data is not None else load_dataset(self.name, **dict(self.options))
        if fingerprint(data) != self.fingerprint:
            raise ValueError(f"the data set {self.name!r} loaded here differs from the server's copy")
        return data


def fingerprint(data: TensorData) -> tuple:
    """Shapes and a cheap checksum of the first examples: different data almost surely differs here."""
    head = slice(0, 64)
    return (data.name, data.task, tuple(data.train_x.shape), tuple(data.test_x.shape),
            float(data.train_x[head].double().sum()), float(data.train_y[head].double().sum()),
            float(data.test_x[head].double().sum()))
