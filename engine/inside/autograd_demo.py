"""Seed 003 section 5 (torch.autograd), replayable: the one-layer example, gradient tracking, and the
`(inp + 1).pow(2)` Jacobian-product example whose printed matrices show gradients accumulating.

A page keeps only the list of buttons pressed; `replay` rebuilds the tensors from the seed and redoes
those steps, so every rerun shows the same numbers and nothing touches torch's global RNG.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch.nn import functional as F

from engine.inside.autograd_graph import AutogradGraph, extract_graph

EXAMPLE_SOURCE = """import torch

x = torch.ones(5)  # input tensor
y = torch.zeros(3)  # expected output
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
z = torch.matmul(x, w) + b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)"""

JACOBIAN_SOURCE = """inp = torch.eye(5, requires_grad=True)
out = (inp + 1).pow(2)
out.backward(torch.ones_like(inp), retain_graph=True)
print(f"First call\\n{inp.grad}")
out.backward(torch.ones_like(inp), retain_graph=True)
print(f"\\nSecond call\\n{inp.grad}")
inp.grad.zero_()
out.backward(torch.ones_like(inp), retain_graph=True)
print(f"\\nCall after zeroing gradients\\n{inp.grad}")"""

BACKWARD, BACKWARD_RETAIN, ZERO = "backward", "backward_retain", "zero"


@dataclass
class Example:
    """The seed's tensors: x, y, the parameters w and b, z and the loss."""

    x: torch.Tensor
    y: torch.Tensor
    w: torch.Tensor
    b: torch.Tensor
    z: torch.Tensor
    loss: torch.Tensor

    def graph(self, show_saved: bool = True) -> AutogradGraph:
        """The computational graph behind `loss`, with w and b named (seed 003's picture)."""
        return extract_graph({"loss": self.loss}, {"w": self.w, "b": self.b}, show_saved=show_saved)


def make_example(seed: int) -> Example:
    """`torch.manual_seed(seed)` then the seed's cell, drawing w and b from a private generator."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.ones(5)
    y = torch.zeros(3)
    w = torch.randn(5, 3, generator=generator).requires_grad_(True)
    b = torch.randn(3, generator=generator).requires_grad_(True)
    z = torch.matmul(x, w) + b
    loss = F.binary_cross_entropy_with_logits(z, y)
    return Example(x, y, w, b, z, loss)


@dataclass(frozen=True)
class StepOutcome:
    """What one button did: the step, whether it worked, and w.grad / b.grad afterwards (None: no grad yet)."""

    step: str
    ok: bool
    w_grad: torch.Tensor | None
    b_grad: torch.Tensor | None


def replay(seed: int, steps: list[str]) -> tuple[Example, list[StepOutcome]]:
    """Rebuild the example and redo `steps` ("backward", "backward_retain", "zero") in order.

    A second `loss.backward()` after one without `retain_graph=True` fails in torch (the graph's saved
    tensors are freed); that step is reported as not ok and changes nothing, as in a notebook.
    """
    example = make_example(seed)
    outcomes = []
    for step in steps:
        ok = True
        if step == ZERO:
            for tensor in (example.w, example.b):
                if tensor.grad is not None:
                    tensor.grad.zero_()
        else:
            try:
                example.loss.backward(retain_graph=step == BACKWARD_RETAIN)
            except RuntimeError:
                ok = False
        outcomes.append(StepOutcome(step, ok, _copy(example.w.grad), _copy(example.b.grad)))
    return example, outcomes


def _copy(grad: torch.Tensor | None) -> torch.Tensor | None:
    return None if grad is None else grad.detach().clone()


def tracking_flags(example: Example) -> dict[str, bool]:
    """`requires_grad` of z computed normally, under `torch.no_grad()`, and after `detach()`."""
    z = torch.matmul(example.x, example.w) + example.b
    with torch.no_grad():
        z_no_grad = torch.matmul(example.x, example.w) + example.b
    return {"z": z.requires_grad, "no_grad": z_no_grad.requires_grad, "detach": z.detach().requires_grad}


def jacobian_demo() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """inp.grad after the first call, the second call, and a call after `inp.grad.zero_()`."""
    inp = torch.eye(5, requires_grad=True)
    out = (inp + 1).pow(2)
    out.backward(torch.ones_like(inp), retain_graph=True)
    first = inp.grad.clone()
    out.backward(torch.ones_like(inp), retain_graph=True)
    second = inp.grad.clone()
    inp.grad.zero_()
    out.backward(torch.ones_like(inp), retain_graph=True)
    return first, second, inp.grad.clone()
