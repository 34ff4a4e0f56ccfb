"""A stand-in Gang: many small runs sharing one process, trained one after another with `Trainer.step`.

Only until the batched Gang (one computation for every member) lands: same interface, same numbers as
each run alone (the Trainer's own step), none of the speed. The classroom's gang process uses it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from engine.training.trainer import Trainer


@dataclass
class _Member:
    trainer: Trainer
    until: str
    schedule: tuple[float, float, int] | None = None  # (pace, start, batches since): as Trainer._keep_pace


class Gang:
    """Many small runs trained together (here: in turn, one batch each per round)."""

    def __init__(self) -> None:
        self._members: dict[str, _Member] = {}

    @staticmethod
    def fits(trainer: Trainer) -> bool:
        """True when this run can join a gang: the fast mode's hand-written step on the CPU."""
        return trainer.hand_written and str(trainer.device) == "cpu"

    def add(self, key: str, trainer: Trainer, until: str = "done") -> None:
        """Take a run (its data attached) to train until "done", the end of the "epoch", or one "batch"."""
        if key in self._members:
            raise KeyError(f"{key!r} is already in the gang")
        trainer.status = "running"
        self._members[key] = _Member(trainer, until)

    def train(self, seconds: float) -> list[str]:
        """Train every member for about `seconds` (a batch each at least); the keys whose piece ended leave."""
        ended: list[str] = []
        deadline = time.perf_counter() + seconds
        while self._members:
            for key, member in list(self._members.items()):
                if self._step(member):
                    ended.append(key)
                    del self._members[key]
            if time.perf_counter() >= deadline:
                break
            if not any(self._due(member) for member in self._members.values()):
                time.sleep(0.002)  # everyone is paced and waits: do not spin
        return ended

    def remove(self, key: str) -> Trainer:
        """Take a member out now (status "paused" unless it had ended)."""
        trainer = self._members.pop(key).trainer
        if not trainer.finished:
            trainer.status = "paused"
        return trainer

    def trainer(self, key: str) -> Trainer:
        """A member's Trainer."""
        return self._members[key].trainer

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, key: object) -> bool:
        return key in self._members

    def _due(self, member: _Member) -> bool:
        pace = member.trainer.pace
        if pace is None:
            member.schedule = None
            return True
        now = time.perf_counter()
        schedule = member.schedule
        if schedule is None or schedule[0] != pace or now - self._at(member, schedule) > 1.0:
            schedule = member.schedule = (pace, now, 0)
        return now >= self._at(member, schedule)

    @staticmethod
    def _at(member: _Member, schedule: tuple[float, float, int]) -> float:
        pace, start, batches = schedule
        return start + batches / (pace * member.trainer.batches_per_epoch)

    def _step(self, member: _Member) -> bool:
        """One batch for a member that may go; True when its piece of work has ended."""
        trainer = member.trainer
        if trainer._stop_requested:
            trainer.status = "stopped"
            return True
        if trainer._pause_requested:
            trainer.status = "paused"
            return True
        if not self._due(member):
            return False
        trainer.step()
        if member.schedule is not None:
            pace, start, batches = member.schedule
            member.schedule = (pace, start, batches + 1)
        if trainer.finished or member.until == "batch" or (member.until == "epoch" and trainer.batch == 0):
            return True
        trainer.status = "running"
        return False
