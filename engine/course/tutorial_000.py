"""Tutorial 000, 신경망 모델 구성하기 (tutorials.pytorch.kr's Build the Neural Network, with a student's notes)."""

from engine.course import figures
from engine.course.exercises import ChoiceExercise, InFeaturesExercise, NumberExercise, ShapeExercise
from engine.course.steps import CoursePath, Step
from engine.device import default_device
from engine.network.builder import build_model
from engine.network.presets import PRESETS

_PRINTED_MODEL = """NeuralNetwork(
  (flatten): Flatten(start_dim=1, end_dim=-1)
  (linear_relu_stack): Sequential(
    (0): Linear(in_features=784, out_features=512, bias=True)
    (1): ReLU()
    (2): Linear(in_features=512, out_features=512, bias=True)
    (3): ReLU()
    (4): Linear(in_features=512, out_features=10, bias=True)
  )
)"""

PATH = CoursePath(
    key="t000",
    title="신경망 모델 구성하기",
    author="PyTorch 한국어 튜토리얼 (tutorials.pytorch.kr)",
    link="https://tutorials.pytorch.kr/beginner/basics/buildmodel_tutorial.html",
    steps=(
        Step("device", "pages/tensors.py", "tensors.tab_device", "Using cuda device",
             ChoiceExercise(("cuda", "gpu", "nvidia", "graphics"), lambda name: figures.device_type(name) == "cuda"),
             figure=lambda: f"Using {default_device().name} device"),
        Step("model", "pages/model.py", "model.preset", _PRINTED_MODEL,
             NumberExercise(PRESETS["fashion_mlp"].parameter_count),
             figure=lambda: str(build_model(PRESETS["fashion_mlp"], seed=0))),
        Step("flatten", "pages/layers.py", "layers.batch_size", "torch.Size([3, 784])",
             ShapeExercise(lambda: figures.shape_after(PRESETS["walkthrough"], 32, 0)),
             figure=lambda: f"torch.Size({list(figures.shape_after(PRESETS['walkthrough'], 3, 0))})"),
        Step("linear", "pages/layers.py", "layers.tab_stats", "torch.Size([3, 20])",
             InFeaturesExercise(PRESETS["walkthrough"], 3),
             figure=lambda: f"torch.Size({list(figures.shape_after(PRESETS['walkthrough'], 3, 1))})"),
        Step("softmax", "pages/layers.py", "layers.tab_result", "Predicted class: tensor([0, 8], device='cuda:0')",
             NumberExercise(lambda: figures.softmax_sums()[1], tolerance=1e-4),
             figure=lambda: figures.predicted_classes(PRESETS["fashion_mlp"], 2), random=True),
    ),
)
