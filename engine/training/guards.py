"""Checks before and limits during a run, so a mistake gets a sentence that says how to fix it.

A model that does not fit its data fails inside torch with a shape error deep in a traceback;
here it fails before the first batch, naming the layer or setting to change.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.data.base import TensorData
from engine.device import available_devices, default_device
from engine.errors import PlaygroundError
from engine.network.spec import ModelSpec
from engine.training.registry import LOSSES, LossKind


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
