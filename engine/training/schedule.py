"""Learning-rate schedules: torch's own schedulers, stepped once per batch as the tutorials' users step them.

"onecycle" is torch.optim.lr_scheduler.OneCycleLR with `max_lr` = the run's learning rate: it warms up
from lr/25 over the first 30 % of the batches, then anneals (cosine) to lr/250,000. "cosine" is
CosineAnnealingLR from lr down to 0 over the whole run. Only the learning rate moves (cycle_momentum=False):
the optimizer's momentum or betas stay as the student set them.
"""

from __future__ import annotations

import warnings

import torch

SCHEDULES = ("onecycle", "cosine")


def make_scheduler(optimizer: torch.optim.Optimizer, schedule: str | None,
                   total_steps: int) -> torch.optim.lr_scheduler.LRScheduler | None:
    """The scheduler for `schedule` over `total_steps` batches (None: a constant learning rate)."""
    if schedule is None:
        return None
    if schedule == "onecycle":
        max_lr = [group["lr"] for group in optimizer.param_groups]
        return torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=max_lr, total_steps=total_steps,
                                                   cycle_momentum=False)
    if schedule == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total_steps)
    raise ValueError(f"unknown schedule {schedule!r}")


def step_scheduler(scheduler: torch.optim.lr_scheduler.LRScheduler | None) -> None:
    """One batch done: the next batch's learning rate. On a scheduler's first step torch checks that
    optimizer.step() came first, through a marker that plain SGD's hand-written step and pickling skip."""
    if scheduler is None:
        return
    if scheduler._step_count > 1:  # torch checks the order only on the first step
        scheduler.step()
        return
    with warnings.catch_warnings():
        # "Detected call of lr_scheduler.step() before optimizer.step()", "Seems like optimizer.step() has been
        # overridden" (a pickled optimizer loses torch's marker): both about the order, which is right here
        warnings.filterwarnings("ignore", "(Detected call of|Seems like) `", UserWarning)
        scheduler.step()


def fast_forward(scheduler: torch.optim.lr_scheduler.LRScheduler | None, steps: int) -> None:
    """Step a fresh scheduler `steps` times, as training would have (a saved run taken up again)."""
    for _ in range(steps):
        step_scheduler(scheduler)
