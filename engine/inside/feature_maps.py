"""Feature maps: one image through a CNN, every conv, pool and ReLU layer's channels, and the kernels.

Built on the Layers page's forward walkthrough (forward hooks on a private copy in eval mode), so a
trained model shows what it computes at prediction time: BatchNorm with its running statistics, no Dropout.
"""

from __future__ import annotations

import torch
from torch import nn

from engine.inside.layers import LayerStep, Walkthrough, walk_forward

CONV_KINDS = ("Conv2d",)
POOL_KINDS = ("MaxPool2d", "AvgPool2d")
MAP_KINDS = CONV_KINDS + POOL_KINDS  # the layers whose feature maps the page draws


def is_cnn(model: nn.Module) -> bool:
    """Whether the model has a convolution layer (then the page shows its feature maps)."""
    return any(isinstance(module, nn.Conv2d) for module in model.modules())


def image_walk(model: nn.Module, image: torch.Tensor, input_shape: tuple[int, ...]) -> Walkthrough:
    """One image (any shape holding `input_shape`'s values) through the model as a batch of one."""
    return walk_forward(model, image.reshape(1, *input_shape), input_shape)


def map_steps(walk: Walkthrough, kinds: tuple[str, ...] = MAP_KINDS) -> list[LayerStep]:
    """The steps of `kinds` whose output is a stack of feature maps (batch, channels, height, width)."""
    return [step for step in walk.steps if step.kind in kinds and step.output.dim() == 4]


def relu_steps(walk: Walkthrough) -> list[LayerStep]:
    """ReLU steps on feature maps: their input is the maps before ReLU, their output the maps after it."""
    return [step for step in walk.steps if step.kind == "ReLU" and step.output.dim() == 4]


def conv_layers(model: nn.Module) -> list[tuple[str, nn.Conv2d]]:
    """(path, layer) for every Conv2d, in the order `named_modules` lists them (the forward order of a Sequential)."""
    return [(path, module) for path, module in model.named_modules() if isinstance(module, nn.Conv2d)]


def pool_layers(model: nn.Module) -> list[tuple[str, nn.Module]]:
    """(path, layer) for every MaxPool2d and AvgPool2d, in `named_modules` order."""
    pools = (nn.MaxPool2d, nn.AvgPool2d)
    return [(path, module) for path, module in model.named_modules() if isinstance(module, pools)]


def kernels(conv: nn.Conv2d) -> torch.Tensor:
    """The layer's weights as kernels: (out_channels, in_channels / groups, kernel height, kernel width)."""
    return conv.weight.detach().cpu().clone()


@torch.no_grad()
def first_conv_maps(model: nn.Module, image: torch.Tensor, input_shape: tuple[int, ...]) -> torch.Tensor | None:
    """The first Conv2d's output channels (C, H, W) for one image, or None for a model without one.

    Cheap enough for a training loop to call once per epoch: the forward pass stops at that layer, and
    the model's training mode is put back as it was.
    """
    first = next((module for module in model.modules() if isinstance(module, nn.Conv2d)), None)
    if first is None:
        return None
    caught: list[torch.Tensor] = []

    def stop(module, inputs, output):
        caught.append(output.detach())
        raise _Reached

    handle = first.register_forward_hook(stop)
    training = model.training
    model.eval()
    try:
        model(image.reshape(1, *input_shape).to(first.weight.device))
    except _Reached:
        pass
    finally:
        handle.remove()
        model.train(training)
    return caught[0][0].float().cpu()


class _Reached(Exception):
    """Raised by the hook to end the forward pass once the first Conv2d has run."""
