"""Tutorial 003, pytorch 문법 간단히 알아보기 (a student's walk through tutorials.pytorch.kr's basics)."""

from engine.course import figures
from engine.course.exercises import ChoiceExercise, NumberExercise, ShapeExercise
from engine.course.steps import CoursePath, Step
from engine.inside.autograd_demo import make_example

_TRAIN_IMAGES = 60_000  # FashionMNIST's training set
_BATCH = 64  # the tutorial's batch_size


def _cat_shape() -> tuple[int, ...]:
    """`torch.cat([tensor, tensor, tensor], dim=1)` of the tutorial's ones(4, 4), by torch."""
    import torch

    tensor = torch.ones(4, 4)
    return tuple(torch.cat([tensor, tensor, tensor], dim=1).shape)


PATH = CoursePath(
    key="t003",
    title="pytorch 문법 간단히 알아보기",
    author=None,
    link="https://tutorials.pytorch.kr/",
    steps=(
        Step("item", "pages/tensors.py", "tensors.tab_item", "12.0 <class 'float'>",
             ChoiceExercise(("float", "int", "torch.Tensor", "list"),
                            lambda name: name == figures.item_type_name()),
             figure=figures.item_of_ones_chain),
        Step("cat", "pages/tensors.py", "tensors.tab_join",
             "tensor([[0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0.],\n"
             "        [1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1.],\n"
             "        [1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1.],\n"
             "        [1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1., 1.]])",
             ShapeExercise(_cat_shape),
             figure=lambda: f"torch.Size({list(_cat_shape())})"),
        Step("loader", "pages/data.py", "data.tab_loader",
             "Feature batch shape : \n torch.Size([64, 1, 28, 28])\nLabels batch shape : \\m torch.Size([64])",
             NumberExercise(lambda: figures.batches_per_epoch(_TRAIN_IMAGES, _BATCH)),
             figure=lambda: f"len(train_dataloader) = {figures.batches_per_epoch(_TRAIN_IMAGES, _BATCH)}"),
        Step("autograd", "pages/autograd.py", "autograd.tab_example",
             "tensor([[0.0123, 0.3280, 0.0458],\n        [0.0123, 0.3280, 0.0458],\n"
             "        [0.0123, 0.3280, 0.0458],\n        [0.0123, 0.3280, 0.0458],\n"
             "        [0.0123, 0.3280, 0.0458]])",
             ShapeExercise(lambda: tuple(make_example(0).w.shape)),
             figure=figures.weight_grad, random=True),
        Step("train", "pages/train.py", "train.seed_printout",
             "Epoch 1\n ---------------------------\nloss : 2.297350) [    0/60000]\n"
             "loss : 2.282096) [ 6400/60000]\n...\nloss : 2.163146) [57600/60000]\n"
             "Test Error : \n Accuracy : 49.5%, Avg loss : 2.153763",
             NumberExercise(lambda: figures.loss_lines_per_epoch(_TRAIN_IMAGES, _BATCH)),
             figure=lambda: "\n".join(f"loss : ...) [{batch * _BATCH:>5d}/{_TRAIN_IMAGES}]" for batch in range(
                 0, figures.batches_per_epoch(_TRAIN_IMAGES, _BATCH), 100))),
        Step("save", "pages/export.py", "export.whole_title",
             "torch.save(model, 'model.pth')\nmodel = torch.load('model.pth')",
             ChoiceExercise(tuple(figures.LOADS), figures.load_refuses_a_pickle),
             figure=figures.default_load_outcome),
    ),
)
