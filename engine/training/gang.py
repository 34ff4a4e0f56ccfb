"""Gang: many small runs trained together, each step one batched computation for all of them.

A class of thirty on TF Playground's networks costs the server about what one student costs: runs of
one shape (layer widths, activations, loss, batch size, data sizes) form a group whose parameters are
stacked, and engine/training/gang_step.py steps the whole group at once. Each member's nn.Linear
parameters are views of the stacked storage (Trainer.adopt_parameters), so its model and Trainer always
hold the current weights; a member that leaves gets its own copy back. Each member keeps its own epoch
order, drawn by its own Trainer, and its own place in it: the group gathers every member's batch in one
indexing op from the stacked epoch data.

Per-member Python runs only where the Trainer's own loop does its bookkeeping: at epoch ends (the
flush, and the history record of a test-split evaluation batched over the members ending an epoch
together), when `train` returns, and every ROUND seconds to answer pauses, stops, paces and time
limits. The Trainer's fields change only through its own methods. Members that train at full speed
keep their epochs in step: one that joins (or stops being paced) elsewhere in its epoch sits out the
few steps until the group reaches its place (`_Member.wait`), so their epochs end together and the
epoch-end work is batched once for all of them, not once for each.

A Gang's own methods are called from one thread (the training process's); other threads pause, stop
and pace members through their Trainers (`pause`, `stop`, `set_pace`) and read them as they read any
Trainer that trains (`progress_since`).
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass

import torch

from engine.training.gang_step import GangStep
from engine.training.mlp_step import MlpStep
from engine.training.trainer import Trainer

ROUND = 0.005  # seconds between looks at each member's pause, stop, pace and time limit
UNTIL = ("done", "epoch", "batch")


@dataclass(eq=False)
class _Member:
    """A run in the gang: its Trainer, the piece of work asked of it, and what the gang holds back for it."""

    key: str
    trainer: Trainer
    until: str
    budget: float  # batches this piece may still take ("batch": 1, else unbounded: epoch ends decide)
    flushed: int  # the batch of its epoch up to which its Trainer has the losses
    allowed: float = math.inf  # batches due now (a paced run), refreshed every ROUND
    schedule: tuple[float, float] | None = None  # (pace, start) of a paced run
    taken: int = 0  # batches taken on that schedule
    wait: int = 0  # steps to sit out until the group's epochs line up with this member's
    ended: bool = False

    @property
    def free(self) -> bool:
        """True when nothing but the group holds this member back (no single batch asked for, not paced)."""
        return self.budget == math.inf and self.allowed == math.inf

    @property
    def held(self) -> bool:
        """True when this member may not take every step (one batch asked for, paced, or lining up)."""
        return not self.free or self.wait > 0


def _signature(trainer: Trainer, step: MlpStep) -> tuple:
    """What runs must share to step together: the network's shape, loss, batch size and data sizes."""
    layers = tuple((layer.kind.__name__, layer.slope, None if layer.weight is None else tuple(layer.weight.shape),
                    layer.bias is not None) for layer in step.layers)
    x, target = trainer.data.train_x, trainer.loss_kind.target(trainer.data.train_y[:1])
    return (layers, step.loss, trainer.config.batch_size, len(x), len(trainer.data.test_x), tuple(x.shape[1:]),
            tuple(target.shape[1:]), target.dtype, trainer.device, trainer.data.task)


class _Group:
    """Members of one signature: stacked parameters, stacked epoch and test data, and their batched step."""

    def __init__(self, trainer: Trainer, step: MlpStep):
        self.step = GangStep(step)
        self.batch_size = trainer.config.batch_size
        self.batches = trainer.batches_per_epoch
        self.short = len(trainer.data.train_x) % self.batch_size != 0  # the epoch's last batch is smaller
        self.classification = trainer.data.task == "classification"
        self.tested = len(trainer.data.test_x) > 0
        self.members: list[_Member] = []
        self.held = False  # some member may not take every step: steps choose who goes
        self.grads: list[torch.Tensor] = []  # the last step's gradients, stacked
        self.offsets = torch.arange(self.batch_size)
        examples = len(trainer.data.train_x)
        self.sizes = torch.tensor([float(min(self.batch_size, examples - b * self.batch_size))
                                   for b in range(self.batches)])

    def restack(self, members: list[_Member]) -> None:
        """Rebuild the stacked storage for `members`, on every join and leave: a member already here keeps
        its place in its epoch, its unflushed losses and time and its last gradients; a new one has none."""
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
        self.grads = [self._carry(grad, old) for grad in self.grads] or [torch.zeros_like(p) for p in self.params]
        empty = torch.zeros(0, self.batches, *self.step.record_shape(self.batch_size))
        self.records = self._carry(getattr(self, "records", empty), old)
        self.correct = self._carry(getattr(self, "correct", torch.zeros(0, self.batches, dtype=torch.long)), old)
        self.spent = self._carry(getattr(self, "spent", torch.zeros(0, dtype=torch.float64)), old)
        self.positions = self._carry(getattr(self, "positions", torch.zeros(0, dtype=torch.long)), old)
        for k, row in enumerate(old):
            if row is None:  # a newcomer starts where its Trainer is
                self.positions[k] = trainers[k].batch
        self.views = self.step.views(self.params)
        rates = torch.tensor([-t.config.lr for t in trainers])
        self.rates = [rates.view(-1, *[1] * (p.dim() - 1)) for p in self.params]
        examples = [t.epoch_examples() for t in trainers]
        self.x = torch.stack([x for x, _ in examples])
        self.target = torch.stack([target for _, target in examples])
        tests = [t.test_examples() for t in trainers]
        self.test_x = torch.stack([x for x, _ in tests])
        self.test_target = torch.stack([target for _, target in tests])
        self.rows = torch.arange(len(members))
        self.recount()

    @staticmethod
    def _carry(before: torch.Tensor, old: list[int | None]) -> torch.Tensor:
        """A stacked tensor for the new members: old rows where they had one, zeros for newcomers."""
        after = before.new_zeros((len(old), *before.shape[1:]))
        for k, row in enumerate(old):
            if row is not None:
                after[k] = before[row]
        return after

    def recount(self) -> None:
        """Note whether every member is at the same batch of its epoch (`common`): steps then read plain
        columns of the stacked epoch data, and epochs end for everyone at once."""
        positions = set(self.positions.tolist())
        self.common = positions.pop() if len(positions) == 1 else None

    def position(self, k: int) -> int:
        """Batches member k has done in its epoch in progress."""
        return int(self.positions[k])

    def new_epoch(self, k: int) -> None:
        """Member k begins its next epoch: its Trainer draws the order, its row of the stacked data follows."""
        member = self.members[k]
        self.x[k], self.target[k] = member.trainer.epoch_examples()
        member.flushed = 0
        self.positions[k] = 0
        self.common = None  # until `recount`

    def finite(self, rows: list[int]) -> list[bool]:
        """Whether all of each member's weights are finite (the divergence guard snapshots only those)."""
        index = torch.tensor(rows)
        checks = [torch.isfinite(p.index_select(0, index)).flatten(1).all(1) for p in self.params]
        return torch.stack(checks).all(0).tolist()

    def losses(self, rows: list[int]) -> torch.Tensor:
        """The batch losses (len(rows), batches) of members `rows` in their epoch so far, in one pass."""
        return self.step.losses(self.records.index_select(0, torch.tensor(rows)), self.sizes)

    def flush(self, k: int, finite: bool | None = None, losses: torch.Tensor | None = None) -> bool:
        """Hand member k's batches since its last flush to its Trainer (`losses`: its row of `self.losses`,
        if read already); False when one diverged."""
        member = self.members[k]
        start, end = member.flushed, self.position(k)
        seconds = float(self.spent[k])
        self.spent[k] = 0.0
        if start == end:
            return True
        member.flushed = end
        losses = (self.losses([k])[0] if losses is None else losses)[start:end]
        correct = int(self.correct[k, start:end].sum()) if self.classification else 0
        return member.trainer.record_batches(losses, correct, [g[k] for g in self.grads], seconds, finite)

    def evaluate(self, rows: list[int]) -> list[tuple[float | None, float | None, float | None]]:
        """The test split's loss, accuracy and mean batch loss for members `rows`, in one batched pass."""
        if not self.tested:
            return [(None, None, None)] * len(rows)
        index = torch.tensor(rows)
        params = [p.index_select(0, index) for p in self.params]
        loss, means, correct = self.step.evaluate(params, self.test_x.index_select(0, index),
                                                  self.test_target.index_select(0, index), self.batch_size)
        count = self.test_x.size(1)
        accuracies = (100.0 * correct / count).tolist() if correct is not None else [None] * len(rows)
        return [(value, accuracy, sum(batch) / len(batch))
                for value, accuracy, batch in zip(loss.tolist(), accuracies, means.tolist())]

    def steps(self, going: list[int] | None) -> None:
        """One step for the members at `going` (None: everyone); each takes its own next batch."""
        if self.short:  # the epoch's short last batch: members there step apart
            going = list(range(len(self.members))) if going is None else going
            last = (self.positions[going] == self.batches - 1).tolist()
            if any(last):
                for part in ([k for k, at in zip(going, last) if at], [k for k, at in zip(going, last) if not at]):
                    if part:
                        self._step(None if len(part) == len(self.members) else part)
                return
        self._step(going)

    def _step(self, going: list[int] | None) -> None:
        started = time.perf_counter()
        common = self.common if going is None else None
        self.common = None if common is None else common + 1
        rows = self.rows if going is None else torch.tensor(going)
        positions = self.positions if going is None else self.positions.index_select(0, rows)
        size = self.batch_size
        if self.short:
            size = min(size, self.x.size(1) - (int(positions[0]) if common is None else common) * size)
        if common is not None:  # everyone at the same batch of their epoch: the same columns of each row
            start = common * self.batch_size
            x, target = self.x[:, start:start + size].contiguous(), self.target[:, start:start + size].contiguous()
        else:  # row k's examples sit at k * N + its batch's columns of the flattened epoch data
            examples = self.x.size(1)
            flat = ((rows * examples + positions * self.batch_size).unsqueeze(1) + self.offsets[:size]).flatten()
            x = self.x.flatten(0, 1).index_select(0, flat).unflatten(0, (len(rows), size))
            target = self.target.flatten(0, 1).index_select(0, flat).unflatten(0, (len(rows), size))
        if len(self.members) == 1:  # alone in its group: its own step, its run's numbers exactly
            trainer = self.members[0].trainer
            record, output, grads = trainer.hand_step(x[0], target[0], trainer.config.lr)
            output, self.grads = output.unsqueeze(0), [g.unsqueeze(0) for g in grads]
            if record.dim() == 0 and self.step.record_shape(size):  # as GangStep records it: log-probabilities
                record = torch._log_softmax(output, 2, False).gather(2, target.unsqueeze(2)).squeeze(2)
            else:
                record = record.view(1)
        elif going is None:
            record, output, self.grads = self.step(self.params, x, target, self.rates, self.views)
        else:
            params = [p.index_select(0, rows) for p in self.params]
            record, output, grads = self.step(params, x, target, [r.index_select(0, rows) for r in self.rates])
            for stacked, own in zip(self.params, params):
                stacked.index_copy_(0, rows, own)
            self.grads = [whole.index_copy(0, rows, own) for whole, own in zip(self.grads, grads)]
        if record.dim() == 2 and size < self.batch_size:  # a short batch's record, padded with zeros
            record = torch.nn.functional.pad(record, (0, self.batch_size - size))
        right = (output.argmax(2) == target).sum(1) if self.classification else None
        if common is not None:
            self.records[:, common] = record
            if right is not None:
                self.correct[:, common] = right
        else:
            at = rows * self.batches + positions  # where each member's batch goes in its row of the logs
            self.records.flatten(0, 1).index_copy_(0, at, record)
            if right is not None:
                self.correct.view(-1).index_copy_(0, at, right)
        spent = time.perf_counter() - started
        if going is None:
            self.positions += 1
            self.spent += spent
        else:
            self.positions.index_add_(0, rows, torch.ones_like(rows))
            self.spent.index_add_(0, rows, torch.full((len(rows),), spent, dtype=torch.float64))


class Gang:
    """Many small runs trained together: each step is one batched computation for every member."""

    def __init__(self) -> None:
        self._members: dict[str, _Member] = {}
        self._groups: dict[tuple, _Group] = {}
        self._ended: list[str] = []  # added already finished: answered by the next `train`
        # Added since the last train, flush or remove, by group: stacked in together (`_stack_joining`). A class
        # pressing Play together once restacked every member of the group at every join.
        self._joining: dict[tuple, list[_Member]] = {}

    @staticmethod
    def fits(trainer: Trainer) -> bool:
        """True when this run can join a gang: fast mode with the hand-written step (trainer.hand_written:
        a chain of Linear + elementwise activations, CrossEntropy or MSE, plain SGD without momentum or
        weight decay or L1/L2, a constant learning rate: no schedule), data in memory and small (2-D playground
        sets, the temperature set, a small CSV)."""
        config = trainer.config
        plain = (config.optimizer == "sgd" and config.momentum == 0 and not config.l1 and not config.l2
                 and config.schedule is None)
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
        member = _Member(key, trainer, until, 1 if until == "batch" else math.inf, flushed=trainer.batch)
        self._members[key] = member
        if trainer.finished:  # as Trainer.run on a finished run: nothing happens
            member.ended = True
            self._ended.append(key)
            return
        trainer.begin_piece()
        signature = _signature(trainer, trainer.hand_step)
        if signature not in self._groups:
            self._groups[signature] = _Group(trainer, trainer.hand_step)
        self._joining.setdefault(signature, []).append(member)

    def _stack_joining(self) -> None:
        """Stack the members added since the last look into their groups: one restack per group."""
        for signature, joining in self._joining.items():
            group = self._groups[signature]
            group.restack([*group.members, *joining])
        self._joining.clear()

    def train(self, seconds: float, up_to_date: bool = True) -> list[str]:
        """Train every member for about `seconds` (at least one batch for each that may go); afterwards every
        member's Trainer is up to date (counters, batch_losses, history: `trainer.progress_since(mark)` works
        as after Trainer's own loop), or with `up_to_date` False as of its last epoch end until `flush` says.
        Answers the keys whose piece of work ended (status done, paused, stopped, or ended early: time limit,
        divergence), which leave the gang, up to date. With no members it returns at once."""
        self._stack_joining()
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
        if up_to_date:
            self.flush()
        return ended

    def flush(self, keys: list[str] | None = None) -> None:
        """Bring the Trainers of members `keys` (None: all) up to date with the batches they took since."""
        self._stack_joining()
        wanted = None if keys is None else {id(self._members[key]) for key in keys if key in self._members}
        for group in self._groups.values():
            rows = [k for k, m in enumerate(group.members) if wanted is None or id(m) in wanted]
            if rows:
                for k, ok, losses in zip(rows, group.finite(rows), group.losses(rows)):
                    group.flush(k, ok, losses)

    def remove(self, key: str) -> Trainer:
        """Take a member out now (up to date, status "paused" unless it had ended): the server has gone."""
        self._stack_joining()
        member = self._members.pop(key)
        if key in self._ended:
            self._ended.remove(key)
            return member.trainer
        for signature, group in list(self._groups.items()):
            if member in group.members:
                group.flush(group.members.index(member))
                member.ended = True
                self._drop_ended(group)
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

    def _round(self, group: _Group, ended: list[str], until: float, first: bool) -> float | None:
        """Train `group` until `until` (at least one step when `first`); answers the seconds until a paced
        member's next batch is due when no member may go now, else None."""
        self._look(group, ended)
        stepped = False
        while group.members and (first and not stepped or time.perf_counter() < until):
            held = group.held
            going = self._going(group) if held else None
            if going == []:
                break
            group.steps(going)
            stepped = True
            if held:
                for member in group.members:
                    if member.wait > 0:
                        member.wait -= 1
                for k in going:
                    member = group.members[k]
                    member.budget -= 1
                    member.allowed -= 1
                    member.taken += 1
                group.held = any(m.held for m in group.members)
            self._after_step(group, ended, going)
        if stepped or not group.members:
            return None
        return min(self._next_due(m, group.batches) for m in group.members)

    @staticmethod
    def _going(group: _Group) -> list[int]:
        """The members that step now: each with a batch due and not lining up. When only members lining up
        could go (those they wait for were paused or paced meanwhile), they stop waiting."""
        due = [k for k, m in enumerate(group.members) if min(m.budget, m.allowed) >= 1]
        going = [k for k in due if group.members[k].wait == 0]
        if due and not going:
            for k in due:
                group.members[k].wait = 0
            return due
        return going

    @staticmethod
    def _line_up(group: _Group) -> None:
        """Give each free member out of step with the group's most common place (the earliest member's, on a
        tie) the steps it must sit out to be back in step: epochs that end together are evaluated together."""
        positions = group.positions.tolist()
        free = [k for k, m in enumerate(group.members) if m.free and m.wait == 0]
        if len(free) < 2:
            return
        lead = Counter(positions[k] for k in free).most_common(1)[0][0]
        for k in free:
            if positions[k] != lead:
                group.members[k].wait = (positions[k] - lead) % group.batches

    def _look(self, group: _Group, ended: list[str]) -> None:
        """Answer pauses and stops, end runs out of time, and count the batches due for paced runs."""
        now = time.perf_counter()
        spent = group.spent.tolist()
        for k, member in enumerate(group.members):
            trainer = member.trainer
            if trainer.interrupted or trainer.seconds + spent[k] > trainer.limits.max_seconds:
                group.flush(k)
                if trainer.answer_requests() or trainer.piece_over(member.until, False):
                    self._end(member, ended)
                continue
            member.allowed = self._due(member, group.batches, now)
        self._drop_ended(group)
        self._line_up(group)
        group.recount()
        group.held = any(m.held for m in group.members)

    def _after_step(self, group: _Group, ended: list[str], going: list[int] | None) -> None:
        """Members whose epoch ended: flush, batched evaluation, history; then pieces of work that ended."""
        if group.common is not None:
            done = list(range(len(group.members))) if group.common == group.batches else []
        else:
            done = (group.positions == group.batches).nonzero().flatten().tolist()
        if done:
            finite, evaluations, losses = group.finite(done), group.evaluate(done), group.losses(done)
            for k, ok, evaluation, row in zip(done, finite, evaluations, losses):
                member = group.members[k]
                trainer = member.trainer
                if group.flush(k, ok, row):
                    trainer.finish_epoch(evaluation)
                    if not trainer.piece_over(member.until, True):
                        group.new_epoch(k)
                        continue
                self._end(member, ended)
            group.recount()
        if going is not None:  # one batch asked for, taken without ending an epoch
            for k in going:
                member = group.members[k]
                if member.budget <= 0 and not member.ended:
                    group.flush(k)
                    member.trainer.piece_over(member.until, False)
                    self._end(member, ended)
        self._drop_ended(group)

    def _end(self, member: _Member, ended: list[str]) -> None:
        member.ended = True
        ended.append(member.key)
        del self._members[member.key]

    @staticmethod
    def _drop_ended(group: _Group) -> None:
        """Members that ended (flushed already) leave with their own copy of their parameters."""
        leaving = [m for m in group.members if m.ended]
        if leaving:
            for member in leaving:
                member.trainer.adopt_parameters([p.detach().clone() for p in member.trainer.hand_step.params])
            group.restack([m for m in group.members if not m.ended])

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
