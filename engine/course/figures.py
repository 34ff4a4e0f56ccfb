"""What the student's app computes for a step: the engine's own numbers beside the handout's.

Small and cheap (one forward pass at most), because the course panel computes the current step's
figure on every rerun. Random tensors come from private generators, so nothing here touches torch's
global random state.
"""

from __future__ import annotations

import torch
from torch.utils.data import DataLoader

from engine.network.builder import build_model
from engine.network.spec import ModelSpec


def shape_after(spec: ModelSpec, batch: int, layer: int | None = None) -> tuple[int, ...]:
    """The shape a batch of `batch` zeros has after layer `layer` (None: the whole model), run by torch."""
    model = build_model(spec, seed=0)
    steps = list(model.children()) if spec.class_name is None else None
    x = torch.zeros(batch, *spec.input_shape)
    with torch.no_grad():
        if layer is None or steps is None:
            return tuple(model(x).shape)
        for module in steps[: layer + 1]:
            x = module(x)
    return tuple(x.shape)


def batches_per_epoch(examples: int, batch_size: int) -> int:
    """How many minibatches a DataLoader gives for `examples` examples (the last one may be short)."""
    return len(DataLoader(range(examples), batch_size=batch_size))


def loss_lines_per_epoch(examples: int, batch_size: int, every: int = 100) -> int:
    """How many `loss : ...` lines tutorial 003's train_loop prints in one epoch (`if batch % 100 == 0`)."""
    return sum(1 for batch in range(batches_per_epoch(examples, batch_size)) if batch % every == 0)


def softmax_sums(seed: int = 0, size: int = 20) -> tuple[float, float]:
    """Tutorial 002's softmax of `torch.rand(1, 20)`: its sum in float32 (as printed) and in float64."""
    logits = torch.rand(1, size, generator=torch.Generator().manual_seed(seed))
    return (torch.softmax(logits, dim=1).sum(dim=1).item(),
            torch.softmax(logits.double(), dim=1).sum(dim=1).item())


def item_of_ones_chain() -> str:
    """Tutorial 003's `ones(4, 4)` chain, typo included (`tensor[: 1] = 0` zeroes the first row), then `.item()`."""
    tensor = torch.ones(4, 4)
    tensor[:1] = 0
    value = tensor.sum().item()
    return f"{value} {type(value)}"


def item_type_name() -> str:
    """The Python type `.item()` gives for a float tensor's sum, by its name ("float")."""
    return type(torch.ones(4, 4).sum().item()).__name__


def device_type(name: str) -> str | None:
    """The device type torch makes of `name` ("cuda:0" -> "cuda"), or None where torch refuses it."""
    try:
        return torch.device(name).type
    except RuntimeError:
        return None


def parameter_shapes(spec: ModelSpec) -> str:
    """`[p.shape for p in model.parameters()]` as torch prints it."""
    return str([p.shape for p in build_model(spec, seed=0).parameters()])


def predicted_classes(spec: ModelSpec, batch: int, seed: int = 0) -> str:
    """Tutorial 000's `Predicted class:` line for a seeded model on seeded random images."""
    from engine.inside.layers import seeded_images_then_model

    images, model = seeded_images_then_model(spec, seed=seed, count=batch)
    with torch.no_grad():
        return f"Predicted class: {model(images).argmax(1)}"


def weight_grad(seed: int = 0) -> str:
    """Tutorial 003's `w.grad` after `loss.backward()`, for the autograd example drawn with `seed`."""
    from engine.inside.autograd_demo import make_example

    example = make_example(seed)
    example.loss.backward()
    return str(example.w.grad)


# Tutorial 003 section 7's ways to load a file, as a student would write them; each is tried for real.
LOADS = {
    "torch.load(f)": {},
    "torch.load(f, weights_only=True)": {"weights_only": True},
    "torch.load(f, weights_only=False)": {"weights_only": False},
}


def load_refuses_a_pickle(call: str) -> bool:
    """Whether `call` (a key of LOADS) refuses a whole model saved with `torch.save(model)`.

    A whole model is a pickle: loading it may run code, so a file from a stranger must be refused.
    """
    import io
    import pickle

    buffer = io.BytesIO()
    torch.save(torch.nn.Linear(1, 1), buffer)
    buffer.seek(0)
    try:
        torch.load(buffer, **LOADS[call])
    except pickle.UnpicklingError:
        return True
    return False


def default_load_outcome() -> str:
    """What this server's torch does with the tutorial's `torch.load('model.pth')` of a whole model."""
    refused = load_refuses_a_pickle("torch.load(f)")
    return f"torch {torch.__version__}: torch.load('model.pth') -> " + (
        "UnpicklingError (weights_only=True)" if refused else "loaded (weights_only=False)")
