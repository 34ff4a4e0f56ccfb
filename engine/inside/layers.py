"""The forward-pass walkthrough of seeds 000/002/003/004: a minibatch (three images by default), one layer at a time.

Forward hooks on every leaf module record what each layer receives and returns (shapes, the
tensors, how many values an activation set to zero, statistics and a histogram), so the same
walkthrough works for any model. Inspection returns data; pages draw it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch
from torch import nn

from engine.errors import PlaygroundError
from engine.network.builder import build_model, draw_initial_weights
from engine.network.parameters import module_expression
from engine.network.spec import VIEW, ModelSpec

HISTOGRAM_BINS = 30
# Minibatch sizes the Layers page offers: seeds 000/004 walk 3 images, seed 002 uses batch_size=32.
DEFAULT_BATCH = 3
MAX_BATCH = 64


@dataclass(frozen=True)
class LayerStats:
    """Summary of one layer's output: moments, share of exact zeros, and a histogram (counts, bin edges)."""

    mean: float
    std: float
    min: float
    max: float
    zero_fraction: float
    counts: tuple[int, ...]
    edges: tuple[float, ...]


@dataclass(frozen=True)
class LayerStep:
    """One call of a leaf module during the forward pass (or NeuralNetwork2's `x.view`, kind "view")."""

    index: int
    path: str  # where the module lives: "1", "fc1", "linear_relu_stack.0"
    kind: str  # its class: "Linear", "ReLU"
    input: torch.Tensor
    output: torch.Tensor
    zeroed: int  # values that were not zero before this layer and are exactly zero after it
    stats: LayerStats
    code: str  # the PyTorch line that runs this step, e.g. "x = model.linear_relu_stack[0](x)"

    @property
    def input_shape(self) -> tuple[int, ...]:
        """Shape of what the layer received, batch first."""
        return tuple(self.input.shape)

    @property
    def output_shape(self) -> tuple[int, ...]:
        """Shape of what the layer returned, batch first."""
        return tuple(self.output.shape)


@dataclass(frozen=True)
class Walkthrough:
    """A whole forward pass: the input, each step, the logits and (for classifiers) probabilities."""

    input: torch.Tensor
    steps: tuple[LayerStep, ...]
    logits: torch.Tensor
    probabilities: torch.Tensor | None  # softmax over dim 1 when the output is (batch, classes >= 2)

    @property
    def predicted(self) -> list[int] | None:
        """`pred_probab.argmax(1)`: the predicted class of each image, or None for a non-classifier."""
        return None if self.probabilities is None else self.probabilities.argmax(1).tolist()

    @property
    def shapes(self) -> list[tuple[int, ...]]:
        """The shape flow: input, then the output of each step ([3, 28, 28] -> [3, 784] -> ...)."""
        return [tuple(self.input.shape), *(step.output_shape for step in self.steps)]


def minibatch_shape(spec: ModelSpec, count: int = DEFAULT_BATCH) -> tuple[int, ...]:
    """`(3, 28, 28)` for a network that starts with Flatten on (1, 28, 28), as the seeds draw it.

    A grayscale channel of size 1 changes nothing before a Flatten, and seeds 003/004 write
    `torch.rand(3, 28, 28)`; any other network gets `(count, *input_shape)`.
    """
    first = spec.layers[0]
    flattens_all = first.kind == "Flatten" and first.arguments == {"start_dim": 1, "end_dim": -1}
    if flattens_all and len(spec.input_shape) == 3 and spec.input_shape[0] == 1:
        return (count, *spec.input_shape[1:])
    return (count, *spec.input_shape)


def drops_channel(spec: ModelSpec) -> bool:
    """Whether `minibatch_shape` leaves out the grayscale channel (seeds 003/004's `torch.rand(3, 28, 28)`).

    Seed 000 keeps it (`torch.rand(3, 1, 28, 28)`); both hold the same values in the same order.
    """
    return minibatch_shape(spec, 1) != (1, *spec.input_shape)


def random_minibatch(spec: ModelSpec, seed: int, count: int = DEFAULT_BATCH) -> torch.Tensor:
    """`torch.manual_seed(seed); torch.rand(count, 28, 28)`, drawn from a private generator."""
    generator = torch.Generator().manual_seed(seed)
    return torch.rand(minibatch_shape(spec, count), generator=generator)


@torch.no_grad()
def seeded_images_then_model(spec: ModelSpec, seed: int,
                             count: int = DEFAULT_BATCH) -> tuple[torch.Tensor, nn.Module]:
    """Seed 004's order after one `torch.manual_seed(seed)`: draw the images, then create the layers
    (Linear and Conv2d alike, as the builder draws them).

    One private generator makes both, so the weights are not the same uniform draws as the pixels
    (which happens when images and weights each start from the same seed).
    """
    generator = torch.Generator().manual_seed(seed)
    images = torch.rand(minibatch_shape(spec, count), generator=generator)
    model = build_model(spec, seed=0)  # seeded: torch's global RNG is every student's
    draw_initial_weights(model, generator)
    return images, model


def layer_stats(tensor: torch.Tensor, bins: int = HISTOGRAM_BINS) -> LayerStats:
    """Mean, std, min, max, share of zeros and a histogram of every value in `tensor`."""
    values = tensor.detach().double().flatten()
    low, high = values.min().item(), values.max().item()
    if low == high:  # one value everywhere: a single bin around it
        low, high = low - 0.5, high + 0.5
    counts, edges = torch.histogram(values, bins=bins, range=(low, high))
    return LayerStats(values.mean().item(), values.std(unbiased=False).item(), values.min().item(),
                      values.max().item(), values.eq(0).double().mean().item(),
                      tuple(int(c) for c in counts.tolist()), tuple(edges.tolist()))


def leaf_modules(model: nn.Module) -> list[tuple[str, nn.Module]]:
    """(path, module) for every module without children: the layers forward hooks watch.

    named_modules() lists a shared module once, under its first name; its hook fires on every call.
    """
    return [(name, module) for name, module in model.named_modules() if not list(module.children())]


def private_copy(model: nn.Module) -> nn.Module:
    """A copy to inspect, so hooks, eval() and backward never touch the student's model, which a
    training job may be using from another thread at the same moment."""
    return copy.deepcopy(model)


def model_device(model: nn.Module) -> torch.device:
    """Where the model's parameters live (a trained model may sit on the GPU); CPU when it has none."""
    parameter = next(model.parameters(), None)
    return parameter.device if parameter is not None else torch.device("cpu")


@torch.no_grad()
def walk_forward(model: nn.Module, images: torch.Tensor, input_shape: tuple[int, ...] | None = None) -> Walkthrough:
    """Run `images` (batch first) through `model` in eval mode, recording every leaf module's call.

    With `input_shape` (the spec's, batch excluded) a minibatch of the wrong size is refused with a
    translated error instead of a shape traceback from deep inside torch.
    """
    if input_shape is not None and images[0].numel() != torch.Size(input_shape).numel():
        raise PlaygroundError("inside_bad_batch", got=list(images.shape), expected=list(input_shape))
    model = private_copy(model).eval()  # eval: Dropout passes everything through, as at prediction time
    records: list[tuple[str, nn.Module, torch.Tensor, torch.Tensor]] = []
    for path, module in leaf_modules(model):
        def hook(module, inputs, output, path=path):
            records.append((path, module, inputs[0].detach().cpu(), output.detach().cpu()))
        module.register_forward_hook(hook)
    logits = model(images.to(model_device(model))).cpu()
    steps: list[LayerStep] = []
    previous = images.cpu()
    for path, module, before, after in records:
        if before.shape != previous.shape and before.numel() == previous.numel():
            # forward reshaped x itself (NeuralNetwork2's x.view): no module, so no hook saw it
            steps.append(LayerStep(len(steps), VIEW, "view", previous, before, 0, layer_stats(before),
                                   "x = x.view(x.size(0), -1)"))
        steps.append(_step(len(steps), path, module, before, after))
        previous = after
    return Walkthrough(images, tuple(steps), logits, _probabilities(tuple(steps), logits))


def _step(index: int, path: str, module: nn.Module, before: torch.Tensor, after: torch.Tensor) -> LayerStep:
    zeroed = int((after.eq(0) & before.ne(0)).sum()) if before.shape == after.shape else 0
    return LayerStep(index, path, type(module).__name__, before, after, zeroed, layer_stats(after),
                     f"x = {module_expression(path)}(x)")


def _probabilities(steps: tuple[LayerStep, ...], logits: torch.Tensor) -> torch.Tensor | None:
    if logits.dim() != 2 or logits.shape[1] < 2:
        return None
    last = steps[-1].kind if steps else None
    if last == "Softmax":
        return logits  # the model already ends in nn.Softmax(dim=1)
    if last == "LogSoftmax":
        return logits.exp()
    return nn.Softmax(dim=1)(logits)


def walkthrough_source(walk: Walkthrough, input_code: str) -> str:
    """The whole pass as a script in the seeds' style: `input_code` makes x, then each step, softmax, argmax."""
    lines = [input_code]
    lines += [f"{step.code}  # {step.kind} -> torch.Size({list(step.output_shape)})" for step in walk.steps]
    if walk.probabilities is not None:
        last = walk.steps[-1].kind if walk.steps else None
        probabilities = {"Softmax": "x", "LogSoftmax": "x.exp()"}.get(last, "nn.Softmax(dim=1)(x)")
        lines += [f"pred_probab = {probabilities}", "y_pred = pred_probab.argmax(1)"]
    return "\n".join(lines)
