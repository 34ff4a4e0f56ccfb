"""The Trainer: seed 003's train_loop / test_loop, one batch at a time, for any network and data set.

It knows nothing of pages. A page (or the command line) asks it for one batch, one epoch or the
whole run; another thread may ask it to pause or stop at any time, and it answers after the batch
in hand. It reports through callbacks and keeps its own history, so a page can poll it instead.

Between two pieces of work a Trainer pickles without its data (`pickle.dumps(trainer)`, then
`with_data(data)` on the copy): the server trains in child processes (classroom/processes.py) and
the run goes on exactly where it was, mid-epoch included, in whichever process gets it next. While
it trains there, the copy's `progress_since` records reach the server's Trainer through `apply`
(engine/training/progress.py): the only way anything outside a Trainer changes its numbers.
"""

from __future__ import annotations

import copy
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn

from engine.data.base import TensorData
from engine.data.batching import epoch_order, iterate_batches
from engine.errors import PlaygroundError
from engine.network.builder import build_model
from engine.network.spec import ModelSpec
from engine.training.config import TrainConfig
from engine.training.guards import TrainLimits, blew_up, check_run, resolve_device
from engine.training.mlp_step import MlpStep
from engine.training.progress import Mark, Progress
from engine.training.registry import LOSSES, OPTIMIZERS
from engine.training.schedule import fast_forward, make_scheduler, step_scheduler

EVAL_BATCH = 1_000  # evaluation needs no gradients, so it takes big batches
SNAPSHOT_EVERY = 25  # batches between copies of known-good weights (the divergence guard's fallback)
FINISHED = ("done", "stopped", "diverged", "limit")
# Training sets up to this many values use the fast stepping mode (TF Playground's 2-D sets, seed 001's
# temperatures): batches pre-built once per epoch, losses read once per epoch instead of once per batch.
FAST_MAX_VALUES = 200_000


@dataclass(frozen=True)
class BatchReport:
    """One trained minibatch: where it was in the run and its loss (before the update, as the seed prints)."""

    epoch: int  # 1-based, the epoch this batch belongs to
    batch: int  # 1-based within the epoch
    batches: int  # batches per epoch
    loss: float
    seen: int  # examples trained so far in this epoch


@dataclass(frozen=True)
class EpochReport:
    """One finished epoch: average training loss/accuracy over its batches, then the test set's."""

    epoch: int
    train_loss: float
    train_accuracy: float | None  # percent; None for regression
    test_loss: float | None  # None when the data set has no test split
    test_accuracy: float | None
    seconds: float  # training and evaluation time of this epoch (pauses excluded)
    # Seed 003's "Avg loss": the mean of the test batches' mean losses (its last, smaller batch weighs as
    # much as a full one), with the run's batch size; `test_loss` is the mean over examples.
    test_loss_by_batch: float | None = None

    def to_dict(self) -> dict:
        """A JSON-ready dict (the command line prints one per epoch). The fields are plain numbers, so a
        copy of them does what dataclasses.asdict's recursive deep copy would, many times faster: a
        long run's history is turned into dicts at every save (ui/saving/session.py)."""
        return dict(vars(self))


class _SeededDropout(nn.Dropout):
    """nn.Dropout drawing its masks from the run's generator: the server's global RNG is everyone's."""

    def _get_name(self) -> str:  # prints as the student's Dropout
        return "Dropout"

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = torch.empty_like(x).bernoulli_(1 - self.p, generator=self.generator)
        return x * keep / (1 - self.p)


def channels_last(model: nn.Module) -> nn.Module:
    """A CNN on the CPU in place in the channels-last layout (its conv weights NHWC, so every feature map too);
    anything else unchanged. Same numbers up to float rounding; oneDNN's pooling, BatchNorm and ReLU run
    vectorised over the channels instead of along each row, which halves fashion_cnn's step on a CPU
    (docs/measurements.md)."""
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    if convs and all(p.device.type == "cpu" for p in model.parameters()):
        model.to(memory_format=torch.channels_last)
    return model


class Trainer:
    """Trains `spec` (or a given `model` of that spec) on `data` with `config`, step by step."""

    def __init__(self, spec: ModelSpec, data: TensorData, config: TrainConfig, *, model: nn.Module | None = None,
                 limits: TrainLimits | None = None, on_batch: Callable[[BatchReport], None] | None = None,
                 on_epoch: Callable[[EpochReport], None] | None = None):
        self.limits = limits or TrainLimits()
        check_run(spec, data, config.loss, config.epochs, self.limits)
        if len(data.train_x) == 0:
            raise PlaygroundError("train_no_data", name=data.name)
        self.spec, self.config = spec, config
        self.on_batch, self.on_epoch = on_batch, on_epoch
        self.device = resolve_device(config.device)
        self.loss_kind = LOSSES[config.loss]
        self.loss_fn = self.loss_kind.make()
        self.batches_per_epoch = math.ceil(len(data.train_x) / config.batch_size)
        self.small_data = data.train_x.numel() <= FAST_MAX_VALUES
        self._model_lock = threading.Lock()
        self._weights_due: dict[str, torch.Tensor] | None = None  # a record's weights, not yet the module
        self._attach(data)
        self._start(model)

    def _attach(self, data: TensorData) -> None:
        self.data = data
        # Held once on the training device; images stay uint8 until each batch becomes float.
        self._train = (data.train_x.to(self.device), data.train_y.to(self.device))
        self._test = (data.test_x.to(self.device), data.test_y.to(self.device))
        self._epoch_data = None  # fast mode: this epoch's examples in batch order (rebuilt from `_order`)

    # What travels between processes: everything but the data (the receiver has its own copy) and the
    # callbacks (they belong to whoever asked for them). Live iterators never exist: an epoch in progress
    # is its batch order `_order` and the batches done, `batch`.
    # The hand-written step (`_mlp_step`) holds the model's modules: the receiver builds its own.
    _NOT_PICKLED = ("data", "_train", "_test", "_epoch_data", "on_batch", "on_epoch", "_pause_requested",
                    "_mlp_step", "_paced", "_state_cache", "_seconds_kept", "_model_lock")

    def __getstate__(self) -> dict:
        """The run's state without its data: pickle it, then give the copy its data with `with_data`."""
        if self._pending:  # a pause or stop always flushes; never ship half-read losses
            raise RuntimeError("a Trainer pickles only between pieces of work")
        self.model  # noqa: B018 -- weights a record brought become the module first
        state = {key: value for key, value in self.__dict__.items() if key not in self._NOT_PICKLED}
        # Pickled parameters lose their .grad; the temperature view and a resumed step may read it.
        state["_grads"] = [p.grad for p in self.model.parameters()]
        return state

    def __setstate__(self, state: dict) -> None:
        """The other half of `__getstate__`: no data yet (`with_data`), no callbacks, no pause asked."""
        state = dict(state)
        grads = state.pop("_grads")
        self.__dict__.update(state)
        self._model_lock = threading.Lock()
        self.data = self._train = self._test = self._epoch_data = None
        self.on_batch = self.on_epoch = None
        self._pause_requested = False
        self._paced = None
        self.__dict__.setdefault("pace", None)
        self.__dict__.setdefault("_scheduler", None)  # pickled before schedules existed
        for p, grad in zip(self.model.parameters(), grads):
            p.grad = grad
        self._mlp_step = self._hand_step()

    def with_data(self, data: TensorData) -> Trainer:
        """Give an unpickled Trainer its data (the same examples it was built with); returns itself."""
        if self.data is not None:
            raise RuntimeError("this Trainer already has its data")
        if math.ceil(len(data.train_x) / self.config.batch_size) != self.batches_per_epoch:
            raise ValueError(f"data set {data.name!r} is not the one this run was built with")
        self._attach(data)
        return self

    def _start(self, model: nn.Module | None) -> None:
        config = self.config
        self.model = channels_last((model if model is not None else build_model(self.spec, seed=config.seed))
                                   .to(self.device))
        dropout_generator = torch.Generator(self.device).manual_seed(config.seed)
        for module in self.model.modules():
            if isinstance(module, nn.Dropout):
                module.__class__ = _SeededDropout
                module.generator = dropout_generator
        # foreach: one fused update over all parameters; on tiny networks the per-parameter overhead dominates.
        self.optimizer = OPTIMIZERS[config.optimizer].build(self.model.parameters(), config.lr, config.momentum,
                                                            foreach=True if self.small_data else None)
        # Stepped after every batch; it pickles with the optimizer it moves, so a run that changes process
        # goes on with the same schedule.
        self._scheduler = make_scheduler(self.optimizer, config.schedule, config.epochs * self.batches_per_epoch)
        self._shuffle_generator = torch.Generator().manual_seed(config.seed)  # never the global RNG
        self._weights = [p for p in self.model.parameters() if p.dim() > 1]  # what L1/L2 penalise (not biases)
        self._trainable = [p for p in self.model.parameters() if p.requires_grad]
        # Plain SGD gets a direct update in the fast mode (see _sgd_step); other optimizers keep torch's step.
        # On a plain MLP without penalties the whole step is hand-written, bit-equal (engine/training/mlp_step.py).
        self._plain_sgd = config.optimizer == "sgd" and config.momentum == 0 and bool(self._trainable)
        self._mlp_step = self._hand_step()
        self._last_grads: list[tuple[torch.Tensor, torch.Tensor]] = []
        self._good: list[torch.Tensor] | None = None
        self._good_at = (1, 1)
        self.epoch = 0  # epochs completed
        self.batch = 0  # batches completed in the current epoch
        self.history: list[EpochReport] = []
        self.batch_losses: list[float] = []
        self.status = "ready"
        self.problem: PlaygroundError | None = None  # why the run ended early, when it did
        self.seconds = 0.0  # time spent training and evaluating, pauses excluded
        self._sums: list | None = None  # loss*n, correct, n of the epoch in progress (None between epochs)
        self._order: torch.Tensor | None = None  # shuffled: this epoch's example order
        self._epoch_data = None
        self._pending: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = []  # fast mode: not yet flushed
        self.steps = 0  # optimizer steps so far: the weights' version, for views that redraw only on change
        self._pause_requested = self._stop_requested = False
        self.pace: float | None = getattr(self, "pace", None)  # a reset keeps the student's speed
        self._paced: tuple[float, float, int] | None = None  # (pace, start, batches since): the schedule
        self.starting_loss = self._loss_before_training()
        if self.small_data:
            self._snapshot()  # the fast mode's fallback until its first flush: the starting weights

    def _hand_step(self) -> MlpStep | None:
        """The fast mode's autograd-free step, for plain SGD without penalties on a plain MLP (else None)."""
        config = self.config
        if not self.small_data or not self._plain_sgd or config.l1 or config.l2:
            return None
        return MlpStep.for_model(self.model, self.loss_fn)  # None unless a chain of Linear and activations

    # What `take_over` keeps of its own: the data (the copy has none), the callbacks, the pace (the student's latest).
    _KEPT_ON_TAKE_OVER = ("data", "_train", "_test", "on_batch", "on_epoch", "pace", "_model_lock")

    @property
    def model(self) -> nn.Module:
        """The run's module. For a run trained elsewhere, the weights of the latest record (`apply`) become a new
        module when it is read, not when they come: a class's reader thread took most of its time copying
        modules nobody looked at before the next record replaced them."""
        if self._weights_due is not None:
            with self._model_lock:
                weights = self._weights_due
                if weights is not None:
                    # A new module each time: a view drawing the previous one never sees it change under it,
                    # and a model handed to the other pages keeps its weights.
                    module = copy.deepcopy(self._module)
                    module.load_state_dict(weights)
                    self._module, self._weights_due = module, None
        return self._module

    @property
    def model_version(self) -> tuple[int, int]:
        """Which weights `model` holds or will hold, without making a module of a record's weights: a cache key
        for views that need the module only when it changed (the live feed of a run the browser does not paint
        needs it never)."""
        return id(self._module), id(self._weights_due)

    @model.setter
    def model(self, module: nn.Module) -> None:
        with self._model_lock:
            self._module, self._weights_due = module, None

    def take_over(self, other: Trainer) -> None:
        """Become `other`, an unpickled copy that trained on elsewhere, keeping this one's data and callbacks.

        The pages read this Trainer from their own threads meanwhile: its data is never replaced, not even
        for a moment (the load test's pages once met `data` None between runs' turns)."""
        self.__dict__.update({key: value for key, value in other.__dict__.items()
                              if key not in self._KEPT_ON_TAKE_OVER})
        self._epoch_data = None  # rebuilt from the copy's `_order`, as `_attach` leaves it

    def mark(self) -> Mark:
        """What a copy of this run that applied every record so far holds: where the next record starts."""
        return Mark(len(self.history), len(self.batch_losses), self.steps)

    def progress_since(self, mark: Mark) -> Progress:
        """This run's progress since `mark`, as a record for `apply` (safe from another thread while it trains)."""
        history, losses = tuple(self.history[mark.history:]), tuple(self.batch_losses[mark.losses:])
        steps = self.steps  # read before the weights: they are this version or newer, never older
        weights = None
        if steps != mark.steps:  # the weights changed: the views want them
            weights = {name: value.detach().clone() for name, value in self.model.state_dict().items()}
        return Progress(mark, self.epoch, self.batch, self.status, self.seconds, steps, history, losses,
                        self.problem, weights)

    def apply(self, progress: Progress) -> None:
        """Take a record of this run from the copy that trains it elsewhere; records come in order, each once."""
        if progress.since != self.mark():
            raise ValueError(f"a progress record from {progress.since}, but this run is at {self.mark()}")
        if progress.weights is not None:  # made a module when read (`model`); the weights first, then their version
            with self._model_lock:
                self._weights_due = progress.weights
            self.steps = progress.steps
        self.history.extend(progress.history)
        self.batch_losses.extend(progress.losses)
        self.epoch, self.batch = progress.epoch, progress.batch
        self.seconds, self.problem = progress.seconds, progress.problem
        self.status = progress.status

    def resume_saved(self, history: list[EpochReport], seconds: float, status: str) -> None:
        """Take up a run saved before the server stopped (store/): its finished epochs, its time and status.

        The model given at construction holds the saved weights; the next epoch starts from its first batch.
        """
        self.history = list(history)
        self.epoch, self.batch, self.seconds, self.status = len(history), 0, seconds, status
        self.steps = self.epoch * self.batches_per_epoch
        fast_forward(self._scheduler, self.steps)  # the learning rate where the saved run left it

    def abandon(self) -> None:
        """The run's training elsewhere was lost or failed: it is over (stopped), with what was applied so far."""
        self.status = "stopped"  # finished: the next Play starts a fresh run

    def rest_between_turns(self) -> None:
        """A turn ended (classroom/queue.py), not by the student: the paused run still counts as running."""
        if self.status == "paused":
            self.status = "running"

    def settle(self, what: str) -> None:
        """A run resting between turns, which nobody trains now, pauses ("pause") or stops ("stop") at once."""
        self.status = "stopped" if what == "stop" else "paused"

    def reset(self) -> None:
        """Start over: fresh weights from the seed, fresh optimizer, empty history."""
        self._start(None)

    @property
    def fast(self) -> bool:
        """True when steps take the fast mode: small data, and no per-batch callback (it learns losses late)."""
        return self.small_data and self.on_batch is None

    @property
    def hand_written(self) -> bool:
        """True when fast-mode steps skip autograd for engine/training/mlp_step.py's pass (same numbers)."""
        return self.fast and self._mlp_step is not None

    @property
    def hand_step(self) -> MlpStep | None:
        """The fast mode's hand-written step (None when autograd trains this run): what a gang stacks."""
        return self._mlp_step

    @property
    def finished(self) -> bool:
        """True once the run is over (done, stopped, diverged or out of limits)."""
        return self.status in FINISHED

    @property
    def blow_up(self) -> PlaygroundError | None:
        """Why this run's model ended far worse than it started (guards.blew_up's rule), or None."""
        return blew_up(list(self.history), self.batch_losses, self.starting_loss, self.data.num_classes, self.config.lr)

    @property
    def progress(self) -> float:
        """Fraction of the run's batches trained, 0..1."""
        done = self.epoch * self.batches_per_epoch + self.batch
        return min(1.0, done / (self.config.epochs * self.batches_per_epoch))

    def pause(self) -> None:
        """Ask a running loop to return after the batch in hand (safe from another thread)."""
        self._pause_requested = True

    def stop(self) -> None:
        """End the run after the batch in hand; the weights trained so far stay."""
        self._stop_requested = True
        if self.status in ("ready", "paused"):
            self.status = "stopped"

    def set_pace(self, epochs_per_second: float | None) -> None:
        """Train at most this many epochs a second (None: as fast as it goes), from the next batch on; safe
        from another thread. Slowed down, a student watches the boundary form; waits never count in `seconds`."""
        if epochs_per_second is not None and not epochs_per_second > 0:
            raise ValueError(f"a pace is a positive number of epochs per second, not {epochs_per_second!r}")
        self.pace = epochs_per_second

    def step(self) -> None:
        """Train one minibatch (and evaluate, when it completes an epoch)."""
        self._advance("batch")

    def run_epoch(self) -> None:
        """Train until the current epoch is complete."""
        self._advance("epoch")

    def run(self) -> None:
        """Train until the configured epochs are done, or until paused, stopped or stopped by a guard."""
        self._advance("done")

    def _advance(self, until: str) -> None:
        if self.finished:
            return
        try:
            self._loop(until)
        finally:
            if self._pending:  # paused, stopped or out of time mid-epoch: losses and sums up to date
                self._flush()

    def _loop(self, until: str) -> None:
        self.begin_piece()
        while True:
            self._keep_pace()
            if self.answer_requests():
                return
            ended_epoch = self._train_batch_fast() if self.fast else self._train_batch()
            if self.piece_over(until, ended_epoch):
                return

    # The loop's parts, also called by engine/training/gang.py, which trains many runs in one batched step
    # and so drives each member's piece of work from outside this loop.

    def begin_piece(self) -> None:
        """Start a piece of work (a batch, an epoch, the rest of the run): the status becomes "running"."""
        self._pause_requested = False
        self.status = "running"
        self.model.train()
        self._paced = None  # a new piece of work starts a new schedule

    @property
    def interrupted(self) -> bool:
        """True when a pause or stop was asked for (from another thread) and not yet answered."""
        return self._pause_requested or self._stop_requested

    def answer_requests(self) -> bool:
        """End the piece when a stop or pause was asked for (status "stopped" or "paused"); True when it did."""
        if self._stop_requested:
            self.status = "stopped"
            return True
        if self._pause_requested:
            self.status = "paused"
            return True
        return False

    def piece_over(self, until: str, ended_epoch: bool) -> bool:
        """After a batch: True (and the status set) when the run ended or the piece `until` asked for is done."""
        if self.finished:
            return True
        if self.epoch >= self.config.epochs:
            self.status = "done"
            return True
        if self.seconds > self.limits.max_seconds:
            self._end_early("limit", PlaygroundError("train_time_limit", limit=round(self.limits.max_seconds)))
            return True
        if until == "batch" or (until == "epoch" and ended_epoch):
            self.status = "paused"
            return True
        return False

    def epoch_examples(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The epoch in progress (begun now if need be, its order drawn as the loop draws it): every training
        example in batch order, as model input and as the loss's target."""
        if self._sums is None:
            self._begin_epoch()
        x, y = self._train
        if self._order is not None:
            order = self._order.to(self.device)
            x, y = x[order], y[order]
        return self.data.as_float(x), self.loss_kind.target(y)

    def test_examples(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The test split as model input and as the loss's target (what `evaluate` runs on)."""
        x, y = self._test
        return self.data.as_float(x), self.loss_kind.target(y)

    def batch_size_at(self, batch: int) -> int:
        """How many examples batch number `batch` (0-based) of an epoch holds: the last one may be short."""
        return min(self.config.batch_size, len(self._train[0]) - batch * self.config.batch_size)

    def record_batches(self, losses: torch.Tensor, correct: int, grads: list[torch.Tensor], seconds: float,
                       finite: bool | None = None) -> bool:
        """Take `len(losses)` batches trained elsewhere on this run's parameters, as the fast mode's flush does:
        their losses, how many examples they classified right, the last batch's gradients (in the hand-written
        step's parameter order), their training time and whether all weights are finite now (None: look).
        False (and diverged) on a non-finite loss."""
        count = len(losses)
        self.batch += count
        self.steps += count
        self.seconds += seconds
        sizes = [self.config.batch_size] * count
        if self.batch == self.batches_per_epoch:
            sizes[-1] = self.batch_size_at(self.batch - 1)
        return self._record(losses, sizes, correct, list(zip(self._mlp_step.params, grads)), finite)

    def finish_epoch(self, evaluation: tuple[float | None, float | None, float | None] | None = None) -> None:
        """End the epoch whose batches `record_batches` took: evaluate (or take `evaluation`, the test split's
        loss, accuracy and mean of batch losses computed elsewhere on these weights), add its history record."""
        self._end_epoch(evaluation)

    @torch.no_grad()
    def adopt_parameters(self, tensors: list[torch.Tensor]) -> None:
        """Hold the hand-written step's parameters in `tensors` (views of a gang's stacked storage, or a copy
        of their own when leaving it), values copied in first; the model and this Trainer see them from now on."""
        for param, tensor in zip(self._mlp_step.params, tensors, strict=True):
            if tensor.data_ptr() != param.data_ptr():
                tensor.copy_(param)
            param.data = tensor
        self._mlp_step = self._hand_step()  # its aliases must follow the new storage

    def _keep_pace(self) -> None:
        """Wait until the next batch is due at `pace` epochs a second; a pause or stop ends the wait at once.

        Batches are due on one schedule from the first batch paced, so waits do not add up to drift;
        a run more than a second behind it (a slow machine, a busy server) starts a new one instead of rushing.
        """
        pace = self.pace
        if pace is None:
            self._paced = None
            return
        now = time.perf_counter()
        if self._paced is None or self._paced[0] != pace or now - self._due(self._paced) > 1.0:
            self._paced = (pace, now, 0)
        due = self._due(self._paced)
        while (wait := due - time.perf_counter()) > 0 and not (self._pause_requested or self._stop_requested):
            time.sleep(min(wait, 0.05))
        self._paced = (pace, self._paced[1], self._paced[2] + 1)

    def _due(self, schedule: tuple[float, float, int]) -> float:
        pace, start, batches = schedule
        return start + batches / (pace * self.batches_per_epoch)

    def _begin_epoch(self) -> None:
        """Draw the epoch's order as iterate_batches would (same generator calls), before its first batch."""
        self._sums = [0.0, 0, 0]
        shuffle = self.config.shuffle
        self._order = epoch_order(len(self._train[0]), True, self._shuffle_generator) if shuffle else None

    def _next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """Batch number `self.batch` (0-based) of the epoch in progress: slices, or the order's picks."""
        start = self.batch * self.config.batch_size
        x, y = self._train
        if self._order is None:  # plain slices are views: no copy at all
            return x[start:start + self.config.batch_size], y[start:start + self.config.batch_size]
        index = self._order[start:start + self.config.batch_size]
        return x[index], y[index]

    def _train_batch(self) -> bool:
        """One optimisation step, as seed 003's train_loop does it; True when it ends an epoch."""
        started = time.perf_counter()
        if self._sums is None:
            self._begin_epoch()
        xb, yb = self._next_batch()
        x = self.data.as_float(xb)  # (B, *input_shape)
        output = self.model(x)
        loss = self.loss_fn(output, self.loss_kind.target(yb))
        value = loss.item()
        if not math.isfinite(value):
            self._diverged(value)
            return False
        if self.batch % SNAPSHOT_EVERY == 0:
            self._snapshot()  # these weights just gave a finite loss
        self._update(loss)
        self.batch_losses.append(value)
        self._sums[0] += value * len(xb)
        if self.data.task == "classification":
            self._sums[1] += (self.loss_kind.predict(output.detach()) == yb).sum()
        self._sums[2] += len(xb)
        self.seconds += time.perf_counter() - started
        if self.on_batch is not None:
            self.on_batch(BatchReport(self.epoch + 1, self.batch, self.batches_per_epoch, value, self._sums[2]))
        if self.batch < self.batches_per_epoch:
            return False
        self._end_epoch()
        return True

    def _update(self, loss: torch.Tensor) -> None:
        penalty = self._penalty()
        total = loss if penalty is None else loss + penalty
        if self.fast and self._plain_sgd:
            self._sgd_step(total)
        else:
            self.optimizer.zero_grad()
            total.backward()
            self.optimizer.step()
        self._stepped()

    def _stepped(self) -> None:
        """A batch's update is done: count it, and move the learning rate along its schedule."""
        self.batch += 1
        self.steps += 1
        step_scheduler(self._scheduler)

    @property
    def lr(self) -> float:
        """The learning rate the next batch trains with (the config's, unless a schedule moves it)."""
        return self.optimizer.param_groups[0]["lr"]

    def _sgd_step(self, total: torch.Tensor) -> None:
        """Plain SGD (no momentum) as torch.optim.SGD computes it, p -= lr * grad, in one foreach call.

        torch.autograd.grad returns fresh gradients, so nothing needs zeroing, and the update skips
        the optimizer's per-call bookkeeping: together about half the time of a step on these tiny
        networks. `.grad` is set at the next flush (the temperature view reads the last one).
        """
        params = self._trainable
        grads = torch.autograd.grad(total, params, allow_unused=True)
        if any(g is None for g in grads):  # a layer the loss does not reach: SGD skips it too
            params, grads = zip(*[(p, g) for p, g in zip(params, grads) if g is not None])
        with torch.no_grad():
            torch._foreach_add_(list(params), list(grads), alpha=-self.lr)
        self._last_grads = list(zip(params, grads))

    def _train_batch_fast(self) -> bool:
        """The same step as `_train_batch` for small data held in memory, with less Python per step.

        The epoch's batches are gathered in one go (same order as iterate_batches), and each batch's
        loss and output stay tensors until `_flush` reads them all at once: at the end of the epoch,
        or when the run pauses or stops. So the divergence guard sees a non-finite loss at the flush,
        not at its batch, and falls back to the weights of the previous flush.
        """
        started = time.perf_counter()
        if self._sums is None:
            self._begin_epoch()
        if self._epoch_data is None:  # gathered once per epoch (or once after a trip to another process)
            x, y = self._train
            if self._order is not None:
                order = self._order.to(self.device)
                x, y = x[order], y[order]
            self._epoch_data = (x, y)
        start, size = self.batch * self.config.batch_size, self.config.batch_size
        xb, yb = self._epoch_data[0][start:start + size], self._epoch_data[1][start:start + size]
        x, target = self.data.as_float(xb), self.loss_kind.target(yb)
        stepped = self._mlp_step(x, target, self.lr) if self._mlp_step is not None else None
        if stepped is None:
            output = self.model(x)
            loss = self.loss_fn(output, target)
            self._update(loss)
        else:  # forward, backward and SGD update: autograd's numbers, bit for bit, without its bookkeeping
            loss, output, grads = stepped
            self._last_grads = list(zip(self._mlp_step.params, grads))
            self._stepped()
        self._pending.append((loss.detach(), output.detach(), yb))
        self.seconds += time.perf_counter() - started
        if self.batch < self.batches_per_epoch:
            return False
        if not self._flush():
            return False
        self._end_epoch()
        return True

    def _flush(self) -> bool:
        """Fast mode: record the pending batches' losses and accuracy; False (and diverged) on a non-finite loss."""
        pending, self._pending = self._pending, []
        grads, self._last_grads = self._last_grads, []
        correct = 0
        if self.data.task == "classification":
            outputs, labels = torch.cat([o for _, o, _ in pending]), torch.cat([yb for _, _, yb in pending])
            correct = (self.loss_kind.predict(outputs) == labels).sum().item()
        return self._record(torch.stack([loss for loss, _, _ in pending]), [len(yb) for _, _, yb in pending],
                            correct, grads)

    def _record(self, losses: torch.Tensor, sizes: list[int], correct: int,
                grads: list[tuple[torch.Tensor, torch.Tensor]], finite: bool | None = None) -> bool:
        """The flush's bookkeeping for batches already counted in `batch`: losses, sums, gradients, snapshot."""
        for p, g in grads:  # as after optimizer.step(): each parameter holds its last gradient
            p.grad = g
        values = losses.tolist()
        for index, value in enumerate(values):
            if not math.isfinite(value):
                self.batch_losses.extend(values[:index])
                self.batch -= len(values) - index  # the batch that went wrong, for the message
                self._diverged(value)
                return False
        self.batch_losses.extend(values)
        self._sums[0] += sum(value * size for value, size in zip(values, sizes))
        self._sums[1] += correct
        self._sums[2] += sum(sizes)
        if finite if finite is not None else all(torch.isfinite(p).all() for p in self.model.parameters()):
            self._snapshot()
        return True

    def _penalty(self) -> torch.Tensor | None:
        # L2 as torch's weight_decay means it: the gradient gains l2 * w, so the loss gains l2/2 * w².
        if not self.config.l1 and not self.config.l2:
            return None  # `loss + 0.0` would cost a graph node per step for nothing
        penalty = 0.0
        if self.config.l1:
            penalty = penalty + self.config.l1 * sum(w.abs().sum() for w in self._weights)
        if self.config.l2:
            penalty = penalty + self.config.l2 / 2 * sum((w * w).sum() for w in self._weights)
        return penalty

    def _end_epoch(self, evaluation: tuple[float | None, float | None, float | None] | None = None) -> None:
        started = time.perf_counter()
        if evaluation is None:
            evaluation = self._evaluate()
            self.model.train()
        test_loss, test_accuracy, test_loss_by_batch = evaluation
        loss_sum, correct, count = self._sums
        self.seconds += time.perf_counter() - started
        previous = self._history_seconds()
        report = EpochReport(
            epoch=self.epoch + 1, train_loss=loss_sum / count,
            train_accuracy=100.0 * int(correct) / count if self.data.task == "classification" else None,
            test_loss=test_loss, test_accuracy=test_accuracy, seconds=self.seconds - previous,
            test_loss_by_batch=test_loss_by_batch)
        self.epoch += 1
        self.batch = 0
        self._sums = self._order = self._epoch_data = None
        self.history.append(report)
        if self.on_epoch is not None:
            self.on_epoch(report)

    def _history_seconds(self) -> float:
        """sum(report.seconds for report in self.history), kept as the history grows: a 10,000-epoch run
        would otherwise add up its whole history at every epoch's end."""
        kept = self.__dict__.get("_seconds_kept")
        history = self.history
        if kept is None or kept[0] is not history or kept[1] > len(history):
            kept = (history, 0, 0.0)
        total = kept[2]
        for report in history[kept[1]:]:  # the same additions, in the same order, as the sum
            total += report.seconds
        self._seconds_kept = (history, len(history), total)
        return total

    def evaluate(self) -> tuple[float | None, float | None]:
        """Seed 003's test_loop: average loss per example and accuracy (percent) on the test split."""
        return self._evaluate()[:2]

    @torch.no_grad()
    def _evaluate(self) -> tuple[float | None, float | None, float | None]:
        # Big batches for speed; each is also cut into the run's batches for seed 003's mean of batch means.
        x_all, y_all = self._test
        if len(x_all) == 0:
            return None, None, None
        self.model.eval()
        size = self.config.batch_size
        chunk = max(size, EVAL_BATCH // size * size)  # a whole number of the run's batches
        loss_sum, correct, batch_means = 0.0, 0, []
        for xb, yb in iterate_batches(x_all, y_all, chunk):
            output, target = self.model(self.data.as_float(xb)), self.loss_kind.target(yb)
            loss_sum += self.loss_fn(output, target).item() * len(xb)
            batch_means += [self.loss_fn(output[i:i + size], target[i:i + size]).item()
                            for i in range(0, len(xb), size)]
            if self.data.task == "classification":
                correct += (self.loss_kind.predict(output) == yb).sum().item()
        accuracy = 100.0 * correct / len(x_all) if self.data.task == "classification" else None
        return loss_sum / len(x_all), accuracy, sum(batch_means) / len(batch_means)

    @torch.no_grad()
    def _loss_before_training(self) -> float:
        """The starting model's loss on up to EVAL_BATCH test examples (training ones without a test split):
        what the blow-up rule compares the end with. Many examples: one batch's loss is too noisy for it."""
        x, y = self._test if len(self._test[0]) else self._train
        x, y = x[:EVAL_BATCH], y[:EVAL_BATCH]
        self.model.eval()
        loss = self.loss_fn(self.model(self.data.as_float(x)), self.loss_kind.target(y)).item()
        self.model.train()
        return loss

    def _state_tensors(self) -> list[torch.Tensor]:
        # Parameters and buffers: a fallback to good weights must bring BatchNorm's running statistics too.
        # Kept per model: walking the module tree costs more than the copies on a tiny network.
        cached = self.__dict__.get("_state_cache")
        if cached is None or cached[0] is not self.model:
            cached = self._state_cache = (self.model, [*self.model.parameters(), *self.model.buffers()])
        return cached[1]

    @torch.no_grad()
    def _snapshot(self) -> None:
        params = self._state_tensors()
        if self._good is None:
            self._good = [p.detach().clone() for p in params]
        else:
            for saved, p in zip(self._good, params):
                saved.copy_(p)
        ended = self.batch >= self.batches_per_epoch  # a fast-mode flush at the end of an epoch
        self._good_at = (self.epoch + 2, 1) if ended else (self.epoch + 1, self.batch + 1)

    @torch.no_grad()
    def _diverged(self, value: float) -> None:
        if self._good is not None:
            for saved, p in zip(self._good, self._state_tensors()):
                p.copy_(saved)
        epoch, batch = self._good_at
        self._end_early("diverged", PlaygroundError(
            "train_diverged", value=str(value), epoch=self.epoch + 1, batch=self.batch + 1, lr=self.config.lr,
            good_epoch=epoch, good_batch=batch))

    def _end_early(self, status: str, problem: PlaygroundError) -> None:
        self.status = status
        self.problem = problem
