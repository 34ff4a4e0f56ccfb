"""Build a real torch module from a ModelSpec."""

from __future__ import annotations

import math
from collections import OrderedDict

import torch
from torch import nn

from engine.network.layers import make_layer
from engine.network.spec import VIEW, ModelSpec


class SpecNetwork(nn.Module):
    """An `nn.Module` that prints as the student's class (e.g. `NeuralNetwork(...)`) and runs its steps.

    `steps` are attribute names called in order; one name may repeat (a shared ReLU), and a group
    (`linear_relu_stack`) is one `nn.Sequential` called once.
    """

    def __init__(self, class_name: str, children: dict[str, nn.Module], steps: list[str]):
        super().__init__()
        self._class_name = class_name
        for name, child in children.items():
            self.add_module(name, child)
        self._steps = tuple(steps)

    def _get_name(self) -> str:  # what print(model) shows as the class
        return self._class_name

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for step in self._steps:
            x = x.view(x.size(0), -1) if step == VIEW else self.get_submodule(step)(x)
        return x


def forward_steps(spec: ModelSpec) -> list[str]:
    """The top-level attribute each forward step calls: a group counts once, a shared layer each time."""
    steps: list[str] = []
    for path in spec.module_paths():
        top = path.split(".")[0]
        if "." in path and steps and steps[-1] == top:
            continue
        steps.append(top)
    return steps


def definition_order(spec: ModelSpec) -> list[str]:
    """The attributes `__init__` defines, in order: as the forward first uses them, but a layer used more
    than once (NeuralNetwork2's `self.relu`) after the others, as tutorial 000 defines it; no `view`."""
    tops = [path.split(".")[0] for path in spec.module_paths()]
    shared = {top for top in tops if tops.count(top) > 1 and top not in _groups(spec)}
    once = [top for top in dict.fromkeys(tops) if top != VIEW]
    return [top for top in once if top not in shared] + [top for top in once if top in shared]


def _groups(spec: ModelSpec) -> set[str]:
    return {path.split(".")[0] for path in spec.module_paths() if "." in path}


def build_model(spec: ModelSpec, seed: int | None = None) -> nn.Module:
    """A freshly initialised torch module for the spec.

    With `seed`, the weights equal those of `torch.manual_seed(seed); model = Net()` in a script,
    but drawn from a private generator: the server's global RNG is shared by every student.
    """
    module = _assemble(spec)
    if seed is not None:
        draw_initial_weights(module, torch.Generator().manual_seed(seed))
    return module


def draw_initial_weights(module: nn.Module, generator: torch.Generator) -> None:
    """Redraw every Linear and Conv2d weight and bias from `generator`, as constructing the model draws them
    from torch's global RNG (same distributions, same order)."""
    for layer in _weighted_layers(module):
        _reset_weights(layer, generator)


def _weighted_layers(module: nn.Module) -> list[nn.Linear | nn.Conv2d]:
    # modules() yields each module once, in registration order, which is construction order for _assemble.
    # BatchNorm starts at ones and zeros, so it draws nothing.
    return [m for m in module.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]


@torch.no_grad()
def _reset_weights(layer: nn.Linear | nn.Conv2d, generator: torch.Generator) -> None:
    # Same draws, in the same order, as nn.Linear's and nn.Conv2d's reset_parameters (kaiming_uniform_
    # with a=sqrt(5)); a weight's fan-in is everything one output sees: in_features, or in_channels * k * k.
    fan_in = layer.weight[0].numel()
    gain = math.sqrt(2.0 / (1 + 5))
    bound = math.sqrt(3.0) * gain / math.sqrt(fan_in)
    layer.weight.uniform_(-bound, bound, generator=generator)
    if layer.bias is not None:
        bias_bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
        layer.bias.uniform_(-bias_bound, bias_bound, generator=generator)


def _assemble(spec: ModelSpec) -> nn.Module:
    layers = [make_layer(layer.kind, layer.arguments) for layer in spec.layers]
    paths = spec.module_paths()
    if spec.class_name is None:
        if all(layer.name for layer in spec.layers):
            return nn.Sequential(OrderedDict(zip(paths, layers)))
        return nn.Sequential(*layers)
    children: dict[str, nn.Module] = dict.fromkeys(definition_order(spec))
    groups: dict[str, OrderedDict] = {}
    for path, module in zip(paths, layers):
        if "." in path:
            group, member = path.split(".")
            groups.setdefault(group, OrderedDict())[member] = module
        elif path in children and children[path] is None:
            children[path] = module  # a repeated name reuses the first module
    for group, members in groups.items():
        numbered = all(member.isdigit() for member in members)
        children[group] = nn.Sequential(*members.values()) if numbered else nn.Sequential(members)
    return SpecNetwork(spec.class_name, children, forward_steps(spec))
