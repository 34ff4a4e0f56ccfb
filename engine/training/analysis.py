"""What the Train page draws after (or during) training, computed as plain tensors: no plotting here.

Confusion matrix and softmax for image classifiers; the decision boundary and every hidden unit over
a grid for 2-D sets (TF Playground's heatmaps); the fitted curve for seed 001's temperatures.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch
from torch import nn

from engine.data.base import TensorData
from engine.data.temperature import INPUT_SCALE, readings
from engine.network.layers import LAYERS
from engine.training.registry import LOSSES


def probabilities(output: torch.Tensor, loss_name: str) -> torch.Tensor:
    """Class probabilities (N, classes) from model outputs, as the loss reads them."""
    kind = LOSSES[loss_name]
    if kind.binary:
        p = output[:, 0] if kind.needs_probabilities else torch.sigmoid(output[:, 0])
        return torch.stack([1 - p, p], 1)
    if loss_name == "nll":  # outputs are log-probabilities already
        return output.exp()
    return torch.softmax(output, 1)


@torch.no_grad()
def predict(model: nn.Module, data: TensorData, x: torch.Tensor, loss_name: str) -> torch.Tensor:
    """Class probabilities for raw examples `x` (as stored in the data set), in eval mode."""
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    out = probabilities(model(data.as_float(x.to(device))), loss_name).cpu()
    model.train(was_training)
    return out


def confusion_matrix(model: nn.Module, data: TensorData, loss_name: str, limit: int = 10_000) -> torch.Tensor:
    """Counts (true class, predicted class) over the first `limit` test examples."""
    classes = len(data.class_names)
    predicted = predict(model, data, data.test_x[:limit], loss_name).argmax(1)
    truth = data.test_y[:limit].cpu()
    return torch.bincount(truth * classes + predicted, minlength=classes * classes).reshape(classes, classes)


@dataclass(frozen=True)
class Grid:
    """A square grid over the data's 2-D input range, and what the model makes of every point."""

    xs: torch.Tensor  # (steps,)
    ys: torch.Tensor  # (steps,)
    probability: torch.Tensor  # (steps, steps): P(class 1) for two classes, else the predicted class
    hidden: list[tuple[str, torch.Tensor]]  # (layer path, (units, steps, steps)) for every hidden activation


def input_range(data: TensorData, margin: float = 0.1) -> tuple[float, float]:
    """Low and high bound covering both inputs of a 2-D data set, with a margin."""
    values = torch.cat([data.train_x, data.test_x]).float()
    low, high = values.min().item(), values.max().item()
    pad = (high - low) * margin
    return low - pad, high + pad


@torch.no_grad()
def decision_grid(model: nn.Module, spec, data: TensorData, loss_name: str, steps: int = 50) -> Grid:
    """The model over a steps x steps grid: the boundary and every hidden unit (forward hooks).

    It works on a copy: the model may be training in another thread, whose batches must not reach
    the hooks, and whose train/eval mode must not change under it.
    """
    return _grid_of_copy(copy.deepcopy(model), spec, data, loss_name, steps)


def _grid_of_copy(model: nn.Module, spec, data: TensorData, loss_name: str, steps: int) -> Grid:
    # `model` is a private copy: hooks on it see only the grid's pass.
    low, high = input_range(data)
    axis = torch.linspace(low, high, steps)
    gy, gx = torch.meshgrid(axis, axis, indexing="ij")
    points = torch.stack([gx.flatten(), gy.flatten()], 1)  # (steps², 2), row = y, column = x
    captured: list[tuple[str, torch.Tensor]] = []
    hooks = []
    paths = spec.module_paths()
    activations = [path for path, layer in zip(paths, spec.layers) if LAYERS[layer.kind].is_activation]
    for path in dict.fromkeys(activations[:-1] if spec.layers[-1].kind in ("Sigmoid", "LogSoftmax", "Softmax")
                              else activations):
        module = model.get_submodule(path)
        hooks.append(module.register_forward_hook(
            lambda _m, _i, out, path=path: captured.append((path, out.detach().cpu()))))
    try:
        probs = predict(model, data, points, loss_name)
    finally:
        for hook in hooks:
            hook.remove()
    value = probs[:, 1] if probs.shape[1] == 2 else probs.argmax(1).float()
    hidden = [(path, out.T.reshape(-1, steps, steps)) for path, out in captured if out.dim() == 2]
    return Grid(axis, axis, value.reshape(steps, steps), hidden)


@dataclass(frozen=True)
class Link:
    """One weight of the network drawing: from unit `source` of column `layer` to unit `target` of the next."""

    layer: int
    source: int
    target: int
    weight: float


def network_links(model: nn.Module) -> tuple[list[int], list[Link]]:
    """Units per column (inputs, each Linear's outputs) and every weight between them."""
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    if not linears:
        return [], []
    sizes = [linears[0].in_features] + [layer.out_features for layer in linears]
    links = []
    for index, layer in enumerate(linears):
        for target, row in enumerate(layer.weight.detach().cpu().tolist()):  # one copy, not an .item() per weight
            for source, weight in enumerate(row):
                links.append(Link(index, source, target, weight))
    return sizes, links


def fitted_curve(model: nn.Module, data: TensorData, low: float = 20.0, high: float = 90.0) -> tuple:
    """Seed 001's plot: (Fahrenheit from `low` to `high`, step 1 like torch.arange; the model's Celsius there).

    The model learned on 0.1 * Fahrenheit (`t_un = 0.1 * t_u`), so it is fed `INPUT_SCALE * t_range` as the
    seed's `namedseq_model(0.1 * t_range)`; the returned inputs stay in Fahrenheit, for the axis.
    """
    xs = torch.arange(low, high).unsqueeze(1)  # (70, 1), Fahrenheit
    return xs[:, 0], _celsius_at(model, data, xs)


def measured_outputs(model: nn.Module, data: TensorData) -> tuple[torch.Tensor, torch.Tensor]:
    """Seed 001's `'kx'` marks: (the 11 readings' Fahrenheit `t_u`, the model's Celsius `model(0.1 * t_u)` there)."""
    t_u = readings()[1]
    return t_u[:, 0], _celsius_at(model, data, t_u)


@torch.no_grad()
def _celsius_at(model: nn.Module, data: TensorData, fahrenheit: torch.Tensor) -> torch.Tensor:
    # The model learned on 0.1 * Fahrenheit; evaluated in eval mode, then left as it was.
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    ys = model(data.as_float(INPUT_SCALE * fahrenheit.to(device))).cpu()
    model.train(was_training)
    return ys[:, 0]


def measurements(data: TensorData) -> tuple[tuple[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]:
    """Seed 001's measurements as the seed plots them: ((train Fahrenheit, Celsius), (test Fahrenheit, Celsius)).

    The data set holds 0.1 * Fahrenheit (the model's input); the plot's axis is Fahrenheit (`t_u`).
    """
    return ((data.train_x[:, 0] / INPUT_SCALE, data.train_y[:, 0]),
            (data.test_x[:, 0] / INPUT_SCALE, data.test_y[:, 0]))


def first_linear_gradient(model: nn.Module) -> torch.Tensor | None:
    """The first Linear layer's weight gradient from the last training step (seed 001's `hidden` print)."""
    for module in model.modules():
        if isinstance(module, nn.Linear):
            return None if module.weight.grad is None else module.weight.grad.detach().cpu().clone()
    return None


class GridCache:
    """`decision_grid` for a trainer's model, recomputed only when its weights changed since the last call.

    A page repainting several times a second while a worker trains asks for the grid at every repaint;
    between two optimizer steps (paused, finished, or a slow step) it gets the same grid back.
    """

    def __init__(self, steps: int = 100):
        self.steps = steps
        self._version: tuple | None = None
        self._grid: Grid | None = None
        self._source: nn.Module | None = None
        self._copy: nn.Module | None = None  # one private copy per model; only its weights are refreshed
        self.computed = 0  # how many times the grid was really computed (tests, benchmarks)

    def get(self, trainer) -> Grid:
        """The grid of `trainer.model` at its current weights (trainer.steps is the weights' version)."""
        version = (id(trainer.model), trainer.steps)
        if version != self._version or self._grid is None:
            self._grid = _grid_of_copy(self._private_copy(trainer.model), trainer.spec, trainer.data,
                                       trainer.config.loss, self.steps)
            self._version = version
            self.computed += 1
        return self._grid

    @torch.no_grad()
    def _private_copy(self, model: nn.Module) -> nn.Module:
        # Copying the weights into the same copy costs a few tensor copies; a deepcopy, half of the grid's time.
        if self._source is not model or self._copy is None:
            self._source, self._copy = model, copy.deepcopy(model)
            return self._copy
        for mine, theirs in zip(self._copy.state_dict().values(), model.state_dict().values()):
            mine.copy_(theirs)
        return self._copy
