"""Batching as the seeds teach it: a `Dataset` with `__len__`/`__getitem__`, a `DataLoader` over it,
`ToTensor`-style scaling and the one-hot `Lambda` target transform.

It reads the same shared uint8 tensors as the fast path (engine.data.batching) and, for the same
seed, yields the same batches; the trainer uses the fast path, the Data page shows this one.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch.utils.data import DataLoader, Dataset

from engine.data.base import TensorData


class SplitDataset(Dataset):
    """One split ("train" or "test") of a TensorData as a map-style `torch.utils.data.Dataset`."""

    def __init__(self, data: TensorData, train: bool = True, transform: Callable | None = None,
                 target_transform: Callable | None = None):
        self.data = data
        self.x, self.y = (data.train_x, data.train_y) if train else (data.test_x, data.test_y)
        self.transform = transform if transform is not None else data.as_float  # like ToTensor()
        self.target_transform = target_transform

    def __len__(self) -> int:
        return len(self.x)

    def __getitem__(self, idx: int):
        image, label = self.transform(self.x[idx]), self.y[idx]
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


def make_loader(data: TensorData, train: bool = True, batch_size: int = 64, shuffle: bool = True,
                seed: int = 0, target_transform: Callable | None = None) -> DataLoader:
    """`DataLoader(dataset, batch_size, shuffle)` with its own torch.Generator seeded by `seed`."""
    dataset = SplitDataset(data, train, target_transform=target_transform)
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle,
                      generator=torch.Generator().manual_seed(seed))


def one_hot(y, num_classes: int = 10) -> torch.Tensor:
    """The seed's target transform: `torch.zeros(10).scatter_(0, torch.tensor(y), value=1)`."""
    return torch.zeros(num_classes, dtype=torch.float).scatter_(0, torch.as_tensor(y), value=1)
