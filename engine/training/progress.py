"""A run's progress as one typed record: what a training process sends, what the server's Trainer applies.

The server trains in child processes (classroom/processes.py) while the pages read the server's own
Trainer. The child's Trainer writes `progress_since(mark)` records; the server's Trainer takes them
with `apply(record)`. Nothing else writes a Trainer's counters, history or weights.

A record is plain data: numbers, the new history entries and batch losses, the problem (a
PlaygroundError, its key and values), and the weights as a state dict of tensors when they changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.errors import PlaygroundError


@dataclass(frozen=True)
class Mark:
    """How much of a run a receiver already holds: history entries, batch losses, and the weights' version."""

    history: int
    losses: int
    steps: int


@dataclass(frozen=True)
class Progress:
    """A run's state since a Mark: counters, the new history entries and losses, and new weights if any."""

    since: Mark  # what the receiver held before this record
    epoch: int  # epochs completed
    batch: int  # batches completed in the current epoch
    status: str
    seconds: float  # training and evaluation time, pauses excluded
    steps: int  # optimizer steps: the weights' version
    history: tuple  # the EpochReports after `since.history`
    losses: tuple[float, ...]  # the batch losses after `since.losses`
    problem: PlaygroundError | None  # why the run ended early, when it did
    weights: dict[str, torch.Tensor] | None  # the model's state dict at `steps`; None when `since.steps` had them

    @property
    def mark(self) -> Mark:
        """What the receiver holds once it has applied this record (the next record starts here)."""
        steps = self.since.steps if self.weights is None else self.steps
        return Mark(self.since.history + len(self.history), self.since.losses + len(self.losses), steps)
