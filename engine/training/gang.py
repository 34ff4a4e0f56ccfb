"""Gang: many small runs trained together, each step one batched computation for all of them.

A class of thirty on TF Playground's networks costs the server about what one student costs: runs of
one shape (layer widths, activations, loss, batch size, data sizes) form a group whose parameters are
stacked, and engine/training/gang_step.py steps the whole group at once. Each member's nn.Linear
parameters are views of the stacked storage (Trainer.adopt_parameters), so its model and Trainer always
hold the current weights; a member that leaves gets its own copy back. Each member keeps its own epoch
order, drawn by its own Trainer, and its own place in it: the group gathers every member's batch in one
indexing op from the stacked epoch data.

Per-member Python runs only where the Trainer's own loop does its bookkeeping: at epoch ends (the
flush and the test split's evaluation), when `train` returns, and every ROUND seconds to answer pauses,
stops, paces and time limits. The Trainer's fields change only through its own methods.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import torch

from engine.training.gang_step import GangStep
from engine.training.mlp_step import MlpStep
from engine.training.trainer import Trainer

ROUND = 0.005  # seconds between looks at each member's pause, stop, pace and time limit
UNTIL = ("done", "epoch", "batch")


@dataclass(eq=False)
class _Member:
    """A run in the gang: its Trainer and the piece of work asked of it, and where it is in its epoch."""

    key: str
    trainer: Trainer
    until: str
    budget: float  # batches this piece may still take ("batch": 1, else unbounded: epoch ends decide)
    position: int = 0  # batches done in the epoch in progress
    flushed: int = 0  # of those, the ones already recorded in the Trainer
    seconds: float = 0.0  # training time not yet recorded
    allowed: float = math.inf  # batches due now (a paced run), refreshed every ROUND
    schedule: tuple[float, float] | None = None  # (pace, start) of a paced run
    taken: int = 0  # batches taken on that schedule
    ended: bool = False


def _signature(trainer: Trainer, step: MlpStep) -> tuple:
    """What runs must share to step together: the network's shape, loss, batch size and data sizes."""
    layers = tuple((layer.kind.__name__, layer.slope, None if layer.weight is None else tuple(layer.weight.shape),
                    layer.bias is not None) for layer in step.layers)
    x, target = trainer.data.train_x, trainer.loss_kind.target(trainer.data.train_y[:1])
    return (layers, step.loss, trainer.config.batch_size, len(x), len(trainer.data.test_x), tuple(x.shape[1:]),
            tuple(target.shape[1:]), target.dtype, trainer.device, trainer.data.task)


class _Group:
    """Members of one signature: stacked parameters, stacked epoch data, and their batched step."""

    def __init__(self, trainer: Trainer, step: MlpStep):
        self.step = GangStep(step)
        self.batch_size = trainer.config.batch_size
        self.batches = trainer.batches_per_epoch
        self.short = len(trainer.data.train_x) % self.batch_size != 0  # the epoch's last batch is smaller
        self.classification = trainer.data.task == "classification"
        self.members: list[_Member] = []
        self.grads: list[torch.Tensor] = []  # the last step's gradients, stacked

    def restack(self, members: list[_Member]) -> None:
        """Rebuild the stacked storage for `members`, on every join and leave: a member already here keeps
        its unflushed losses and last gradients, a new one starts with none."""
        rows = {id(m): k for k, m in enumerate(self.members)}
        old = [rows.get(id(m)) for m in members]
        self.members = members
        if not members:
            return
        trainers = [m.trainer for m in members]
        columns = zip(*[[p.detach() for p in t.hand_step.params] for t in trainers])
        self.params = [torch.stack(column) for column in columns]
        for k, t in enumerate(trainers):
            t.adopt_parameters([p[k] for p in self.params])
        size = len(members)
        self.grads = [self._carry(grad, old, grad.shape[1:], grad.dtype) for grad in self.grads] or \
            [torch.zeros_like(p) for p in self.params]
        self.losses = self._carry(getattr(self, "losses", None), old, (self.batches,), torch.float32)
        self.correct = self._carry(getattr(self, "correct", None), old, (self.batches,), torch.long)
        rates = torch.tensor([-t.config.lr for t in trainers])
        self.rates = (rates.view(-1, 1, 1), rates.view(-1, 1))
        examples = [t.epoch_examples() for t in trainers]
        self.x = torch.stack([x for x, _ in examples])
        self.target = torch.stack([target for _, target in examples])
        self.rows = torch.arange(size)
        self.positions = torch.tensor([m.position for m in members])
        self.offsets = torch.arange(self.batch_size)

    @staticmethod
    def _carry(before: torch.Tensor | None, old: list[int | None], shape: tuple, dtype: torch.dtype) -> torch.Tensor:
        """A stacked tensor for the new members: old rows where they had one, zeros for newcomers."""
        after = torch.zeros(len(old), *shape, dtype=dtype)
        for k, row in enumerate(old):
            if row is not None and before is not None:
                after[k] = before[row]
        return after

    def new_epoch(self, k: int) -> None:
        """Member k begins its next epoch: its Trainer draws the order, its row of the stacked data follows."""
        member = self.members[k]
        self.x[k], self.target[k] = member.trainer.epoch_examples()
        member.position = member.flushed = 0
        self.positions[k] = 0

    def flush(self, k: int) -> bool:
        """Hand member k's batches since its last flush to its Trainer; False when one diverged."""
        member = self.members[k]
        start, end = member.flushed, member.position
        seconds, member.seconds = member.seconds, 0.0
        if start == end:
            return True
        member.flushed = end
        correct = int(self.correct[k, start:end].sum()) if self.classification else 0
        return member.trainer.record_batches(self.losses[k, start:end], correct, [g[k] for g in self.grads],
                                             seconds)

    def steps(self, going: list[int], count: int) -> None:
        """`count` steps for the members at `going` (indices); each takes its own next batch."""
        everyone = len(going) == len(self.members)
        rows = self.rows if everyone else torch.tensor(going)
        short = self.short and any(self.members[k].position == self.batches - 1 for k in going)
        for _ in range(count):
            if short:  # the epoch's short last batch: split by batch size
                last = [k for k in going if self.members[k].position == self.batches - 1]
                rest = [k for k in going if self.members[k].position != self.batches - 1]
                for part in (last, rest):
                    if part:
                        self._step(torch.tensor(part), False)
            else:
                self._step(rows, everyone)

    def _step(self, rows: torch.Tensor, everyone: bool) -> None:
        positions = self.positions if everyone else self.positions[rows]
        size = min(self.batch_size, self.x.size(1) - int(positions[0]) * self.batch_size) if self.short else \
            self.batch_size
        columns = positions.unsqueeze(1) * self.batch_size + self.offsets[:size]
        picked = rows.unsqueeze(1)
        x, target = self.x[picked, columns], self.target[picked, columns]
        if everyone:
            loss, output, grads = self.step(self.params, x, target, self.rates)
            self.grads = grads
        else:
            params = [p[rows] for p in self.params]
            loss, output, grads = self.step(params, x, target, (self.rates[0][rows], self.rates[1][rows]))
            for stacked, own in zip(self.params, params):
                stacked.index_copy_(0, rows, own)
            self.grads = [whole.index_copy(0, rows, own) for whole, own in zip(self.grads, grads)]
        self.losses[rows, positions] = loss
        if self.classification:
            self.correct[rows, positions] = (output.argmax(2) == target).sum(1)
        if everyone:
            self.positions += 1
        else:
            self.positions[rows] = positions + 1


class Gang:
    """Many small runs trained together: each step is one batched computation for every member."""

    def __init__(self) -> None:
        self._members: dict[str, _Member] = {}
        self._groups: dict[tuple, _Group] = {}
        self._ended: list[str] = []  # added already finished: answered by the next `train`

    @staticmethod
    def fits(trainer: Trainer) -> bool:
        """True when this run can join a gang: fast mode with the hand-written step (trainer.hand_written:
        a chain of Linear + elementwise activations, CrossEntropy or MSE, plain SGD without momentum or
        weight decay or L1/L2), data in memory and small (2-D playground sets, the temperature set, a small CSV)."""
        config = trainer.config
        plain = config.optimizer == "sgd" and config.momentum == 0 and not config.l1 and not config.l2
        return (plain and trainer.hand_written and trainer.data is not None and trainer.data.train_x.dim() == 2
                and trainer.device == "cpu")

    def add(self, key: str, trainer: Trainer, until: str = "done") -> None:
        """Take a run (its data attached, as `Trainer.with_data` gives it) to train until "done", the end of
        the "epoch", or one "batch", like Trainer.run / run_epoch / step. Its status becomes "running"."""
        if key in self._members:
            raise ValueError(f"{key!r} is in the gang already")
        if until not in UNTIL:
            raise ValueError(f"until is one of {UNTIL}, not {until!r}")
        if not self.fits(trainer):
            raise ValueError("this run cannot join a gang (Gang.fits)")
        member = _Member(key, trainer, until, 1 if until == "batch" else math.inf, position=trainer.batch,
                         flushed=trainer.batch)
        self._members[key] = member
        if trainer.finished:
            member.ended = True
            self._ended.append(key)
            return
        trainer.begin_piece()
        step = trainer.hand_step
        signature = _signature(trainer, step)
        group = self._groups.get(signature)
        if group is None:
            group = self._groups[signature] = _Group(trainer, step)
        group.restack([*group.members, member])

    def train(self, seconds: float) -> list[str]:
        """Train every member for about `seconds` (at least one batch for each that may go); afterwards every
        member's Trainer is up to date (counters, batch_losses, history: `trainer.progress_since(mark)` works
        as after Trainer's own loop). Answers the keys whose piece of work ended (status done, paused, stopped,
        or ended early: time limit, divergence), which leave the gang. With no members it returns at once."""
        ended, self._ended = self._ended, []
        for key in ended:
            del self._members[key]
        end = time.perf_counter() + seconds
        first = True
        while self._groups and (first or time.perf_counter() < end):
            waits = []
            for signature, group in list(self._groups.items()):
                wait = self._round(group, ended, min(end, time.perf_counter() + ROUND), first)
                if wait is not None:
                    waits.append(wait)
                if not group.members:
                    del self._groups[signature]
            first = False
            if waits and len(waits) == len(self._groups):  # nobody may go yet: paced runs wait for their due time
                time.sleep(max(0.0, min(min(waits), ROUND, end - time.perf_counter())))
        for group in self._groups.values():
            self._flush_all(group)
        return ended

    def remove(self, key: str) -> Trainer:
        """Take a member out now (up to date, status "paused" unless it had ended): the server has gone."""
        member = self._members.pop(key)
        if key in self._ended:
            self._ended.remove(key)
            return member.trainer
        for signature, group in list(self._groups.items()):
            if member in group.members:
                group.flush(group.members.index(member))
                self._leave(group, [member])
                if not group.members:
                    del self._groups[signature]
        if not member.trainer.finished:
            member.trainer.settle("pause")
        return member.trainer

    def trainer(self, key: str) -> Trainer:
        """The Trainer of member `key`."""
        return self._members[key].trainer

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, key: object) -> bool:
        return key in self._members

    def _flush_all(self, group: _Group) -> None:
        for k in range(len(group.members)):
            group.flush(k)

    def _leave(self, group: _Group, leaving: list[_Member]) -> None:
        """Members leave with their own copy of their parameters; the others are stacked again."""
        for member in leaving:
            member.trainer.adopt_parameters([p.detach().clone() for p in member.trainer.hand_step.params])
        group.restack([m for m in group.members if m not in leaving])

    def _end(self, group: _Group, k: int, ended: list[str]) -> None:
        member = group.members[k]
        member.ended = True
        ended.append(member.key)
        del self._members[member.key]

    def _round(self, group: _Group, ended: list[str], until: float, first: bool) -> float | None:
        """Train `group` until `until` (at least one step when `first`); answers the seconds until a paced
        member's next batch is due when no member may go now, else None."""
        members = group.members
        now = time.perf_counter()
        for k, member in enumerate(members):  # look at requests, limits and paces
            trainer = member.trainer
            if trainer.interrupted or trainer.seconds + member.seconds > trainer.limits.max_seconds:
                group.flush(k)
                if trainer.answer_requests() or trainer.piece_over(member.until, False):
                    self._end(group, k, ended)
                continue
            member.allowed = self._due(member, group.batches, now)
        self._drop_ended(group)
        stepped = False
        while group.members and (not stepped and first or time.perf_counter() < until):
            going = [k for k, m in enumerate(group.members) if min(m.budget, m.allowed) >= 1]
            if not going:
                break
            members = group.members
            count = min(min(members[k].budget, members[k].allowed, group.batches - members[k].position)
                        for k in going)
            count = int(min(count, 8))
            started = time.perf_counter()
            group.steps(going, count)
            spent = time.perf_counter() - started
            stepped = True
            for k in going:
                member = members[k]
                member.position += count
                member.budget -= count
                member.allowed -= count
                member.taken += count
                member.seconds += spent
                if member.position == group.batches:
                    self._end_epoch(group, k, ended)
                elif member.budget <= 0:
                    group.flush(k)
                    if member.trainer.piece_over(member.until, False):
                        self._end(group, k, ended)
            self._drop_ended(group)
        if stepped or not group.members:
            return None
        return min(self._next_due(m, group.batches) for m in group.members)

    def _end_epoch(self, group: _Group, k: int, ended: list[str]) -> None:
        member = group.members[k]
        trainer = member.trainer
        if group.flush(k):
            trainer.finish_epoch()
            if not trainer.piece_over(member.until, True):
                group.new_epoch(k)
                return
        self._end(group, k, ended)

    def _drop_ended(self, group: _Group) -> None:
        leaving = [m for m in group.members if m.ended]  # flushed as they ended
        if leaving:
            self._leave(group, leaving)

    @staticmethod
    def _due(member: _Member, batches: int, now: float) -> float:
        """How many batches a paced member may take now (Trainer._keep_pace's schedule); unbounded unpaced."""
        pace = member.trainer.pace
        if pace is None:
            member.schedule = None
            return math.inf
        if member.schedule is None or member.schedule[0] != pace or now - Gang._next_due_at(member, batches) > 1.0:
            member.schedule, member.taken = (pace, now), 0
        start = member.schedule[1]
        return max(0, math.floor((now - start) * pace * batches) + 1 - member.taken)

    @staticmethod
    def _next_due_at(member: _Member, batches: int) -> float:
        pace, start = member.schedule
        return start + member.taken / (pace * batches)

    def _next_due(self, member: _Member, batches: int) -> float:
        if member.schedule is None:
            return 0.0
        return max(0.0, self._next_due_at(member, batches) - time.perf_counter())
