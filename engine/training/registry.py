"""Losses and optimizers a student may pick, by name, with what each needs from the data.

Widgets take their options from these dicts, so the page and the trainer cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class LossKind:
    """A loss: its torch class, the task it serves, and how model outputs and labels meet it.

    `binary` losses want one output per example and 0/1 targets; the others want one output per
    class (classification) or per target value (regression).
    """

    name: str
    make: Callable[[], nn.Module]
    task: str  # "classification" or "regression"
    binary: bool = False
    needs_probabilities: bool = False  # BCELoss: outputs must already lie in [0, 1] (end with Sigmoid)

    def target(self, y: torch.Tensor) -> torch.Tensor:
        """Labels as this loss wants them: class indices, or (N, 1) floats for a binary loss."""
        return y.float().unsqueeze(1) if self.binary else y

    def predict(self, output: torch.Tensor) -> torch.Tensor:
        """Predicted class per example (classification only)."""
        if not self.binary:
            return output.argmax(1)
        threshold = 0.5 if self.needs_probabilities else 0.0  # a probability, or a logit
        return (output[:, 0] > threshold).long()


LOSSES: dict[str, LossKind] = {
    "cross_entropy": LossKind("CrossEntropyLoss", nn.CrossEntropyLoss, "classification"),
    "nll": LossKind("NLLLoss", nn.NLLLoss, "classification"),
    "bce_with_logits": LossKind("BCEWithLogitsLoss", nn.BCEWithLogitsLoss, "classification", binary=True),
    "bce": LossKind("BCELoss", nn.BCELoss, "classification", binary=True, needs_probabilities=True),
    "mse": LossKind("MSELoss", nn.MSELoss, "regression"),
    "l1": LossKind("L1Loss", nn.L1Loss, "regression"),
}


@dataclass(frozen=True)
class OptimizerKind:
    """An optimizer: its torch class and whether momentum means anything to it."""

    name: str
    make: Callable[..., torch.optim.Optimizer]
    uses_momentum: bool

    def build(self, parameters, lr: float, momentum: float, foreach: bool | None = None) -> torch.optim.Optimizer:
        """The torch optimizer over `parameters` (momentum passed only where it exists; foreach as torch's)."""
        if self.uses_momentum:
            return self.make(parameters, lr=lr, momentum=momentum, foreach=foreach)
        return self.make(parameters, lr=lr, foreach=foreach)


OPTIMIZERS: dict[str, OptimizerKind] = {
    "sgd": OptimizerKind("SGD", torch.optim.SGD, True),
    "adam": OptimizerKind("Adam", torch.optim.Adam, False),
    "adamw": OptimizerKind("AdamW", torch.optim.AdamW, False),
    "rmsprop": OptimizerKind("RMSprop", torch.optim.RMSprop, True),
}
