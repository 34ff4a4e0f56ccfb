"""The data sets a student can pick, by name, with their options: `load_dataset(name, **options)`.

Like the layer registry, pages build their widgets from this table, so UI and engine cannot drift.
Titles are catalog keys `dataset.<name>` (i18n/data.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.data.base import TensorData
from engine.data.digits import load_digits
from engine.data.fashion_mnist import load_fashion_mnist
from engine.data.playground2d import make_2d
from engine.data.temperature import load_temperature
from engine.errors import PlaygroundError


@dataclass(frozen=True)
class DataOption:
    """A whole-number option with its default and allowed range (a slider or number box)."""

    name: str
    default: int
    low: int
    high: int


@dataclass(frozen=True)
class DatasetInfo:
    """What a page needs to offer a data set before loading it."""

    name: str
    kind: str  # "image", "2d", "tabular" or "regression": how pages show it
    task: str  # "classification" or "regression"
    input_shape: tuple[int, ...]
    num_classes: int | None
    options: tuple[DataOption, ...]
    load: Callable[..., TensorData]
    needs_download: bool = False  # True: may fetch files on first use (FashionMNIST)


NOISE = DataOption("noise", 0, 0, 50)  # percent, as in TF Playground
SEED = DataOption("seed", 0, 0, 2**31 - 1)


def _ratio(default: int) -> DataOption:
    return DataOption("train_ratio", default, 10, 90)


def _playground(name: str) -> Callable[..., TensorData]:
    return lambda **options: make_2d(name, **options)


_2D_OPTIONS = (NOISE, _ratio(50), SEED)

DATASETS: dict[str, DatasetInfo] = {
    "fashion_mnist": DatasetInfo("fashion_mnist", "image", "classification", (1, 28, 28), 10, (),
                                 load_fashion_mnist, needs_download=True),
    "digits": DatasetInfo("digits", "image", "classification", (1, 8, 8), 10, (_ratio(80), SEED), load_digits),
    "temperature": DatasetInfo("temperature", "regression", "regression", (1,), None, (SEED,), load_temperature),
    **{name: DatasetInfo(name, "2d", "classification", (2,), 2, _2D_OPTIONS, _playground(name))
       for name in ("circle", "xor", "gauss", "spiral")},
    **{name: DatasetInfo(name, "2d", "regression", (2,), None, _2D_OPTIONS, _playground(name))
       for name in ("reg_plane", "reg_gauss")},
}


def dataset_options(name: str, **options) -> dict[str, int]:
    """`options` checked against the registry and completed with defaults (PlaygroundError if wrong)."""
    if name not in DATASETS:
        raise PlaygroundError("data_unknown", name=name, known=", ".join(DATASETS))
    allowed = {option.name: option for option in DATASETS[name].options}
    for key in options:
        if key not in allowed:
            raise PlaygroundError("data_unknown_option", name=name, option=key,
                                  known=", ".join(allowed) or "-")
    checked = {}
    for option in allowed.values():
        value = options.get(option.name, option.default)
        if isinstance(value, bool) or not isinstance(value, int) or not option.low <= value <= option.high:
            raise PlaygroundError("data_option_range", name=name, option=option.name, value=value,
                                  low=option.low, high=option.high)
        checked[option.name] = value
    return checked


def load_dataset(name: str, **options) -> TensorData:
    """The data set `name` as a TensorData, with `options` (e.g. noise=10, train_ratio=50, seed=3)."""
    checked = dataset_options(name, **options)  # first: an unknown name is a PlaygroundError too
    return DATASETS[name].load(**checked)
