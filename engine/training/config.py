"""TrainConfig: everything about a training run except the network, frozen and JSON-ready.

Saved beside the weights and carried in links, like ModelSpec; an invalid config cannot exist.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields

from engine.errors import PlaygroundError
from engine.training.registry import LOSSES, OPTIMIZERS
from engine.training.schedule import SCHEDULES

DEVICES = ("auto", "cpu", "cuda", "mps")
MAX_BATCH_SIZE = 65_536
MAX_EPOCHS = 10_000


@dataclass(frozen=True)
class TrainConfig:
    """A training run's settings. `data_options` are passed to the data set's loader."""

    data: str = "fashion_mnist"
    data_options: tuple[tuple[str, object], ...] = ()
    loss: str = "cross_entropy"
    optimizer: str = "sgd"
    lr: float = 1e-3
    momentum: float = 0.0
    batch_size: int = 64
    epochs: int = 10
    l1: float = 0.0
    l2: float = 0.0
    shuffle: bool = False
    seed: int = 0
    device: str = "auto"
    schedule: str | None = None  # the learning rate's schedule over the run (schedule.py); None: constant
    options: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        options = self.data_options.items() if isinstance(self.data_options, dict) else self.data_options
        object.__setattr__(self, "data_options", tuple(sorted((str(k), v) for k, v in options)))
        object.__setattr__(self, "options", dict(self.data_options))
        _validate(self)

    def to_dict(self) -> dict:
        """A plain, JSON-ready dict; `TrainConfig.from_dict(config.to_dict()) == config`."""
        data = asdict(self)
        data.pop("options")
        data["data_options"] = dict(self.data_options)
        return data

    @classmethod
    def from_dict(cls, data: object) -> TrainConfig:
        """Parse a dict (from JSON or a link), rejecting unknown fields with a PlaygroundError."""
        if not isinstance(data, dict):
            raise PlaygroundError("train_not_mapping")
        known = {f.name for f in fields(cls) if f.init}
        for key in data:
            if key not in known:
                raise PlaygroundError("train_unknown_field", field=key)
        return cls(**data)


def _validate(config: TrainConfig) -> None:
    if not isinstance(config.data, str) or not config.data:
        raise PlaygroundError("train_bad_value", field="data", value=config.data)
    if config.loss not in LOSSES:
        raise PlaygroundError("train_unknown_loss", name=config.loss, known=", ".join(LOSSES))
    if config.optimizer not in OPTIMIZERS:
        raise PlaygroundError("train_unknown_optimizer", name=config.optimizer, known=", ".join(OPTIMIZERS))
    if config.device not in DEVICES:
        raise PlaygroundError("train_unknown_device", name=config.device, known=", ".join(DEVICES))
    if config.schedule is not None and config.schedule not in SCHEDULES:
        raise PlaygroundError("train_unknown_schedule", name=config.schedule, known=", ".join(SCHEDULES))
    _check_number(config, "lr", 1e-6, 10.0)
    _check_number(config, "momentum", 0.0, 0.999)
    _check_number(config, "l1", 0.0, 10.0)
    _check_number(config, "l2", 0.0, 10.0)
    _check_int(config, "batch_size", 1, MAX_BATCH_SIZE)
    _check_int(config, "epochs", 1, MAX_EPOCHS)
    _check_int(config, "seed", 0, 2**31 - 1)
    if not isinstance(config.shuffle, bool):
        raise PlaygroundError("train_bad_value", field="shuffle", value=config.shuffle)


def _check_number(config: TrainConfig, name: str, low: float, high: float) -> None:
    value = getattr(config, name)
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or not low <= value <= high:
        raise PlaygroundError("train_out_of_range", field=name, value=value, low=low, high=high)


def _check_int(config: TrainConfig, name: str, low: int, high: int) -> None:
    value = getattr(config, name)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise PlaygroundError("train_out_of_range", field=name, value=value, low=low, high=high)
