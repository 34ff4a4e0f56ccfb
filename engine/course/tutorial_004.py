"""Tutorial 004, [PyTorch] nn.Module (notes on the PyTorch Korean tutorial's build-model chapter)."""

from engine.course import figures
from engine.course.exercises import NumberExercise, ShapeExercise
from engine.course.steps import CoursePath, Step
from engine.network.builder import build_model
from engine.network.presets import PRESETS

_MLP = PRESETS["fashion_mlp"]
_WALK = PRESETS["walkthrough"]

PATH = CoursePath(
    key="t004",
    title="[PyTorch] nn.Module",
    author=None,
    link=None,
    steps=(
        Step("structure", "pages/model.py", "model.preset",
             "Model structure: NeuralNetwork(\n  (flatten): Flatten(start_dim=1, end_dim=-1)\n"
             "  (linear_relu_stack): Sequential(\n    (0): Linear(in_features=784, out_features=512, bias=True)\n"
             "    ...", NumberExercise(_MLP.layers[1].parameter_count),
             figure=lambda: f"Model structure: {build_model(_MLP, seed=0)}"),
        Step("predict", "pages/layers.py", "layers.tab_result", "Predicted Class: tensor([3])",
             ShapeExercise(lambda: figures.shape_after(_MLP, 1)),
             figure=lambda: figures.predicted_classes(_MLP, 1).replace("class", "Class"), random=True),
        Step("flatten", "pages/layers.py", "layers.batch_size", "torch.Size([3, 28, 28])\ntorch.Size([3, 784])",
             ShapeExercise(lambda: figures.shape_after(_WALK, 3, 0)),
             figure=lambda: f"torch.Size({list(figures.shape_after(_WALK, 3, 0))})"),
        Step("relu", "pages/layers.py", "layers.tab_stats", "torch.Size([3, 20])",
             ShapeExercise(lambda: figures.shape_after(_WALK, 3, 2)),
             figure=lambda: f"torch.Size({list(figures.shape_after(_WALK, 3, 2))})"),
        Step("parameters", "pages/model.py", "model.tab_parameters",
             "Layer: linear_relu_stack.4.weight | Size: torch.Size([10, 512]) | Values: tensor(...)",
             ShapeExercise(lambda: tuple(build_model(_MLP).get_parameter("linear_relu_stack.4.weight").shape)),
             figure=lambda: "\n".join(f"Layer: {name} | Size: {param.size()}"
                                      for name, param in build_model(_MLP, seed=0).named_parameters())),
    ),
)
