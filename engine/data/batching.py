"""Minibatches from tensors held in memory: the fast path the trainer uses.

The order matches `DataLoader(dataset, batch_size, shuffle=True, generator=g)` for a generator `g`
seeded the same way. Each epoch the DataLoader's iterator first draws a base seed for its workers
from `g`, then RandomSampler draws `torch.randperm(n, generator=g)`, and once exhausted it draws one
more (empty) slice of a fresh permutation; we make the same three draws.
"""

from __future__ import annotations

from collections.abc import Iterator

import torch


def epoch_order(n: int, shuffle: bool, generator: torch.Generator | None) -> torch.Tensor:
    """The example indices of one epoch: 0..n-1, or a permutation drawn from `generator`."""
    if not shuffle:
        return torch.arange(n)
    torch.empty((), dtype=torch.int64).random_(generator=generator)  # the DataLoader's worker base seed
    order = torch.randperm(n, generator=generator)
    torch.randperm(n, generator=generator)  # RandomSampler's trailing `randperm(n)[:n % n]`
    return order


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
