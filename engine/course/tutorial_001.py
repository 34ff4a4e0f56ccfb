"""Tutorial 001, [DL/Pytorch] 파이토치로 신경망 - torch.nn (a blog post on the temperature problem)."""

import torch

from engine.course import figures
from engine.course.exercises import ChoiceExercise, NumberExercise, ShapeExercise
from engine.course.steps import CoursePath, Step
from engine.data import load_dataset
from engine.network.builder import build_model
from engine.network.presets import PRESETS
from engine.training.registry import LOSSES

_LOSS_BY_CLASS = {loss.name: loss for loss in LOSSES.values()}


def _readings() -> int:
    """How many temperature readings the app's copy of the tutorial's data holds (11)."""
    data = load_dataset("temperature")
    return len(data.train_x) + len(data.test_x)


PATH = CoursePath(
    key="t001",
    title="[DL/Pytorch] 파이토치로 신경망 - torch.nn 🧠",
    author="hamin-chang",
    link="https://hamin-chang.github.io/",  # the post links only its blog (its previous post there)
    steps=(
        Step("activation", "pages/activations.py", "act.choose", "nn.Hardtanh(min_val=-1.0, max_val=1.0)",
             NumberExercise(lambda: torch.nn.Hardtanh()(torch.tensor(3.0)).item()),
             figure=lambda: f"nn.Hardtanh()(torch.tensor(3.0)) = {torch.nn.Hardtanh()(torch.tensor(3.0))}"),
        Step("data", "pages/data.py", "data.tab_temperature", "torch.Size([11, 1])",
             NumberExercise(lambda: int(0.2 * _readings())),
             figure=lambda: f"torch.Size([{_readings()}, 1])"),
        Step("linear", "pages/model.py", "model.preset",
             "Parameter containing:\ntensor([[0.0458]], requires_grad=True)",
             NumberExercise(PRESETS["temperature_linear"].parameter_count),
             figure=lambda: str(build_model(PRESETS["temperature_linear"], seed=0)[0].weight), random=True),
        Step("loss", "pages/train.py", "train.loss",
             "Epoch 1, Training Loss 168.4553 , Val Loss 84.7645\n"
             "Epoch 1000, Training Loss 3.4812 , Val Loss 4.1016\n"
             "Epoch 2000, Training Loss 2.8648 , Val Loss 3.9766\n"
             "Epoch 3000, Training Loss 2.8541 , Val Loss 3.9681",
             ChoiceExercise(tuple(_LOSS_BY_CLASS), lambda name: _LOSS_BY_CLASS[name].task == "regression")),
        Step("network", "pages/model.py", "model.preset",
             "[torch.Size([13, 1]), torch.Size([13]), torch.Size([1, 13]), torch.Size([1])]",
             NumberExercise(PRESETS["temperature_tanh"].parameter_count),
             figure=lambda: figures.parameter_shapes(PRESETS["temperature_tanh"])),
        Step("output", "pages/model.py", "model.tab_call", "torch.Size([11, 1])",
             ShapeExercise(lambda: figures.shape_after(PRESETS["temperature_tanh"], _readings())),
             figure=lambda: f"torch.Size({list(figures.shape_after(PRESETS['temperature_tanh'], _readings()))})"),
    ),
)
