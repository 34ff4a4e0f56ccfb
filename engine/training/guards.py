"""Checks before and limits during a run, so a mistake gets a sentence that says how to fix it.

A model that does not fit its data fails inside torch with a shape error deep in a traceback;
here it fails before the first batch, naming the layer or setting to change.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from engine.data.base import TensorData
from engine.device import available_devices, default_device
from engine.errors import PlaygroundError
from engine.network.spec import ModelSpec
from engine.training.registry import LOSSES, LossKind

# The blow-up rule (`blew_up`): a learning rate too large for its optimizer can throw the weights far
# away without any loss reaching inf or NaN (what the divergence check catches), and the run ends as
# "done" with a model much worse than the one it started from.
BLOWUP_FACTOR = 10.0  # a loss above this many times the starting model's: thrown far away
CHANCE_MARGIN = 5.0  # test accuracy within this many percentage points of chance: guessing
LEARNED_MARGIN = 20.0  # an epoch this many points above chance: the run had learned something


@dataclass(frozen=True)
class TrainLimits:
    """What one run may use on a shared server: wall time, epochs and model size."""

    max_seconds: float = 600.0
    max_epochs: int = 10_000
    max_parameters: int = 2_000_000


def check_run(spec: ModelSpec, data: TensorData, loss_name: str, epochs: int, limits: TrainLimits) -> None:
    """Raise a PlaygroundError when this network, data set and loss cannot train together."""
    if spec.parameter_count() > limits.max_parameters:
        raise PlaygroundError("train_too_many_parameters", count=spec.parameter_count(), limit=limits.max_parameters)
    if epochs > limits.max_epochs:
        raise PlaygroundError("train_too_many_epochs", epochs=epochs, limit=limits.max_epochs)
    if tuple(spec.input_shape) != tuple(data.input_shape):
        raise PlaygroundError("train_input_mismatch", model=list(spec.input_shape), data=list(data.input_shape),
                              name=data.name)
    loss = LOSSES[loss_name]
    if loss.task != data.task:
        suggestions = ", ".join(kind.name for kind in LOSSES.values() if kind.task == data.task)
        raise PlaygroundError("train_loss_task", loss=loss.name, task=data.task, name=data.name,
                              suggestions=suggestions)
    _check_outputs(spec, data, loss)
    last = spec.layers[-1].kind
    if loss.needs_probabilities and last != "Sigmoid":
        raise PlaygroundError("train_bce_needs_sigmoid", last=last)
    if loss_name == "nll" and last != "LogSoftmax":
        raise PlaygroundError("train_nll_needs_logsoftmax", last=last)


def _check_outputs(spec: ModelSpec, data: TensorData, loss: LossKind) -> None:
    got = list(spec.output_shape)
    if data.task == "regression":
        wanted = list(data.train_y.shape[1:])
    elif loss.binary:
        if data.num_classes != 2:
            raise PlaygroundError("train_binary_needs_two", loss=loss.name, classes=data.num_classes)
        wanted = [1]
    else:
        wanted = [data.num_classes]
    if got != wanted:
        raise PlaygroundError("train_output_mismatch", got=got, wanted=wanted, name=data.name,
                              features=wanted[-1] if wanted else 1)


def resolve_device(name: str) -> str:
    """The torch device for a config's `device`: "auto" picks the best one present."""
    if name == "auto":
        return default_device().name
    present = [device.name for device in available_devices()]
    if name not in present:
        raise PlaygroundError("train_device_absent", name=name, present=", ".join(present))
    return name


def blew_up(history: Sequence, batch_losses: Sequence[float], starting_loss: float | None, classes: int | None,
            lr: float) -> PlaygroundError | None:
    """Why a run's model ended far worse than where it started, or None when it did not.

    `history` holds the run's EpochReports so far, `batch_losses` its batch losses, `starting_loss` the
    starting model's loss on the test split (`Trainer.starting_loss`), `classes` the data set's class
    count (None for regression). The run blew up when
        - its last epoch's loss (test loss, else train loss) is above BLOWUP_FACTOR times `starting_loss`, or
        - (classification) its last test accuracy is within CHANCE_MARGIN points of chance (100 / classes)
          although an earlier epoch had reached LEARNED_MARGIN points above chance, or although a batch's
          loss jumped above BLOWUP_FACTOR times `starting_loss` (a network the step threw out, e.g. dead ReLUs,
          guesses with a moderate loss again; a learning rate too small for it to learn leaves no such jump).
    """
    if not history or starting_loss is None or not math.isfinite(starting_loss):
        return None
    last = history[-1]
    end = last.test_loss if last.test_loss is not None else last.train_loss
    smaller = f"{lr / 10:g}"
    if not math.isfinite(end) or end > BLOWUP_FACTOR * starting_loss:
        return PlaygroundError("train_blew_up_loss", start=f"{starting_loss:.4g}", end=f"{end:.4g}", lr=lr,
                               smaller=smaller)
    if not classes or last.test_accuracy is None:
        return None
    chance = 100.0 / classes
    if last.test_accuracy > chance + CHANCE_MARGIN:
        return None
    best = max(report.test_accuracy for report in history)
    if best >= chance + LEARNED_MARGIN:
        return PlaygroundError("train_blew_up_accuracy", best=f"{best:.1f}", end=f"{last.test_accuracy:.1f}",
                               chance=f"{chance:.0f}", lr=lr, smaller=smaller)
    peak = max(batch_losses, default=0.0)
    if peak > BLOWUP_FACTOR * starting_loss:
        return PlaygroundError("train_blew_up_chance", peak=f"{peak:.4g}", start=f"{starting_loss:.4g}",
                               end=f"{last.test_accuracy:.1f}", chance=f"{chance:.0f}", lr=lr, smaller=smaller)
    return None
