"""Tutorial 002, 2-8. PyTorch로 구현해보는 Neural Network (Acadential's notebook, with torchsummary)."""

from engine.course import figures
from engine.course.exercises import InFeaturesExercise, NumberExercise, ShapeExercise
from engine.course.steps import CoursePath, Step
from engine.network.builder import build_model
from engine.network.presets import PRESETS

_DENSE = PRESETS["dense_128"]

PATH = CoursePath(
    key="t002",
    title="2-8. PyTorch로 구현해보는 Neural Network",
    author="Acadential",
    link=None,
    steps=(
        Step("batch", "pages/layers.py", "layers.batch_size", "torch.Size([32, 128])",
             ShapeExercise(lambda: figures.shape_after(_DENSE, 32, 0)),
             figure=lambda: f"torch.Size([32, {_DENSE.input_shape[0]}])"),
        Step("softmax", "pages/activations.py", "act.float32_sum",
             "Sum of logits =  8.1754150390625\nSum of softmaxed logits =  1.0000001192092896",
             NumberExercise(lambda: figures.softmax_sums()[1], tolerance=1e-4),
             figure=lambda: "Sum of softmaxed logits =  {} (float64: {})".format(*figures.softmax_sums()), random=True),
        Step("sequential", "pages/model.py", "model.preset", "torch.Size([32, 1])",
             ShapeExercise(lambda: figures.shape_after(_DENSE, 32)),
             figure=lambda: f"torch.Size({list(figures.shape_after(_DENSE, 32))})"),
        Step("summary", "pages/model.py", "model.tab_summary", "Total params: 9,313\nTrainable params: 9,313",
             NumberExercise(_DENSE.layers[0].parameter_count),
             figure=lambda: f"Total params: {_DENSE.parameter_count():,}"),
        Step("class_model", "pages/model.py", "model.preset", "torch.Size([32, 1])",
             InFeaturesExercise(PRESETS["dense_128_model"], 2),
             figure=lambda: str(build_model(PRESETS["dense_128_model"], seed=0))),
    ),
)
