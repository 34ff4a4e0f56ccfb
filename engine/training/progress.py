"""A run's progress as one typed record: what a training process sends, what the server's Trainer applies.

The server trains in child processes (classroom/processes.py) while the pages read the server's own
Trainer. The child's Trainer writes `progress_since(mark)` records; the server's Trainer takes them
with `apply(record)`. Nothing else writes a Trainer's counters, history or weights.

A record is plain data: numbers, the new history entries and batch losses, the problem (a
PlaygroundError, its key and values), and the weights as a state dict of tensors when they changed.
Pickled, the weights travel as numpy arrays: a tensor's own pickling goes through torch.save and back
through torch.load, tensor by tensor, and a class's server unpickles dozens of records a second
(bench/progress_records.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
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

    def __getstate__(self) -> dict:
        """The record to pickle, its weights as numpy arrays (a dtype numpy lacks stays a tensor)."""
        state = dict(self.__dict__)
        if self.weights is not None:
            state["weights"] = {name: _array(value) for name, value in self.weights.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        weights = state["weights"]
        if weights is not None:
            weights = {name: torch.from_numpy(value) if isinstance(value, np.ndarray) else value
                       for name, value in weights.items()}
        self.__dict__.update({**state, "weights": weights})


def _array(tensor: torch.Tensor) -> np.ndarray | torch.Tensor:
    try:
        return tensor.detach().cpu().numpy()
    except TypeError:  # bfloat16 and the like
        return tensor
