"""Minibatches from tensors held in memory: the fast path the trainer uses.

The order matches `DataLoader(dataset, batch_size, shuffle=True, generator=g)` for a generator `g`
seeded the same way: both draw `torch.randperm(n, generator=g)` once per epoch (RandomSampler does).
"""

from __future__ import annotations

from collections.abc import Iterator

import torch


def epoch_order(n: int, shuffle: bool, generator: torch.Generator | None) -> torch.Tensor:
    """The example indices of one epoch: 0..n-1, or a permutation drawn from `generator`."""
    return torch.randperm(n, generator=generator) if shuffle else torch.arange(n)


def iterate_batches(x: torch.Tensor, y: torch.Tensor, batch_size: int, shuffle: bool = False,
                    generator: torch.Generator | None = None) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield (x, y) minibatches of one epoch by slicing; the last batch may be smaller."""
    n = len(x)
    if not shuffle:  # plain slices are views: no copy at all
        for start in range(0, n, batch_size):
            yield x[start : start + batch_size], y[start : start + batch_size]
        return
    order = epoch_order(n, shuffle, generator)
    for start in range(0, n, batch_size):
        index = order[start : start + batch_size]
        yield x[index], y[index]
