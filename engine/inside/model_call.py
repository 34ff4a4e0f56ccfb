"""Calling the student's model on an input they type: seed 001's `linear_model(torch.ones(1))`.

The input is read, never run: a nested list, `torch.ones/zeros/rand/randn(sizes)`, `torch.tensor(list)`,
a name the tutorial defines (`t_un_val`, ...), or a number times one of those (`0.1 * t_u`).
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass

import torch
from torch import nn

from engine.data.temperature import INPUT_SCALE, T_C, readings, split_indices
from engine.errors import PlaygroundError
from engine.inside.parsing import parse_expression

MAX_VALUES = 4096
_FACTORIES = {"ones": torch.ones, "zeros": torch.zeros, "rand": torch.rand, "randn": torch.randn}


@dataclass(frozen=True)
class ModelCall:
    """What `model(x)` gave: the input and output as PyTorch prints them, and their shapes."""

    input_text: str
    output_text: str
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]


def tutorial_names(seed: int = 0) -> dict[str, torch.Tensor]:
    """Seed 001's tensors by the names it gives them, with the app's split for `seed` (the Data page's)."""
    t_c, t_u = readings()
    train, val = split_indices(len(T_C), seed)
    return {"t_c": t_c, "t_u": t_u, "t_un": INPUT_SCALE * t_u, "t_u_train": t_u[train], "t_u_val": t_u[val],
            "t_c_train": t_c[train], "t_c_val": t_c[val], "t_un_train": INPUT_SCALE * t_u[train],
            "t_un_val": INPUT_SCALE * t_u[val]}


def _sizes(args: list[ast.expr]) -> tuple[int, ...]:
    if len(args) == 1 and isinstance(args[0], ast.Tuple | ast.List):
        args = list(args[0].elts)
    sizes = tuple(ast.literal_eval(arg) for arg in args)
    if not sizes or not all(isinstance(size, int) and not isinstance(size, bool) and size >= 0 for size in sizes):
        raise ValueError("sizes")
    if math.prod(sizes) > MAX_VALUES:
        raise PlaygroundError("call_too_big", limit=MAX_VALUES)
    return sizes


def _tensor(node: ast.expr, names: dict[str, torch.Tensor]) -> torch.Tensor:
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.List | ast.Tuple | ast.Constant):
        return torch.tensor(ast.literal_eval(node), dtype=torch.float32)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and isinstance(node.left, ast.Constant):
        return float(node.left.value) * _tensor(node.right, names)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "torch" and not node.keywords):
        if node.func.attr in _FACTORIES:
            sizes = _sizes(node.args)
            if node.func.attr.startswith("rand"):  # seeded: the same numbers on every rerun of the page
                return _FACTORIES[node.func.attr](sizes, generator=torch.Generator().manual_seed(0))
            return _FACTORIES[node.func.attr](sizes)
        if node.func.attr == "tensor" and len(node.args) == 1:
            return _tensor(node.args[0], {})
    raise ValueError("form")


def parse_input(text: str, names: dict[str, torch.Tensor] | None = None) -> torch.Tensor:
    """The tensor `text` describes, as float32; a PlaygroundError that shows the forms it reads otherwise."""
    try:
        x = _tensor(parse_expression(text.strip()[:2000]).body, names or {})
    except PlaygroundError:
        raise
    except (SyntaxError, ValueError, TypeError, RuntimeError):
        raise PlaygroundError("call_bad_input", text=text.strip()[:80]) from None
    if x.numel() > MAX_VALUES:
        raise PlaygroundError("call_too_big", limit=MAX_VALUES)
    return x.to(torch.float32)


def call_model(model: nn.Module, x: torch.Tensor, input_shape: tuple[int, ...]) -> ModelCall:
    """`model(x)` as the tutorial calls it (gradients tracked, so the printout shows `grad_fn`).

    `x` must end in the model's input shape, with or without a batch dimension in front. The call runs in
    eval mode (Dropout off, BatchNorm on its running statistics), as a model is called to use it; the
    model's own mode is restored after.
    """
    size = len(input_shape)
    if tuple(x.shape[-size:]) != tuple(input_shape) or x.dim() > size + 1:
        raise PlaygroundError("call_shape", got=list(x.shape), expected=list(input_shape),
                              batched=["N", *input_shape])
    training = model.training
    model.eval()
    try:
        y = model(x)
    except RuntimeError as error:  # e.g. a layer that takes batches only, called on one example
        raise PlaygroundError("call_failed", reason=str(error).splitlines()[0][:200]) from None
    finally:
        model.train(training)
    return ModelCall(repr(x), repr(y), tuple(x.shape), tuple(y.shape))
