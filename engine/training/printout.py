"""A run printed as the tutorials print theirs, line for line, beside the handout's own printout.

Seed 001's `training_loop` prints epoch 1 and every 1000th as "Epoch N, Training Loss ..., Val Loss ...",
both losses taken before that epoch's step; seed 003's `train_loop`/`test_loop` print a batch loss
every 100 batches and each epoch's test accuracy and Avg loss (the mean of the batch means).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

SEED_001_EVERY = 1000
SEED_003_EVERY = 100

# What the handouts printed (seeds 001 and 003), for the run of the same preset and settings.
HANDOUT_PRINTOUTS: dict[str, str] = {
    "temperature_linear": """Epoch 1, Training Loss 168.4553 , Val Loss 84.7645
Epoch 1000, Training Loss 3.4812 , Val Loss 4.1016
Epoch 2000, Training Loss 2.8648 , Val Loss 3.9766
Epoch 3000, Training Loss 2.8541 , Val Loss 3.9681

Parameter containing:
tensor([[5.4236]], requires_grad=True)
Parameter containing:
tensor([-17.2466], requires_grad=True)""",
    "temperature_named": """Epoch 1, Training Loss 1.5079 , Val Loss 3.9692
Epoch 1000, Training Loss 1.4923 , Val Loss 4.0185
Epoch 2000, Training Loss 1.4769 , Val Loss 4.0696
Epoch 3000, Training Loss 1.4614 , Val Loss 4.1238
Epoch 4000, Training Loss 1.4456 , Val Loss 4.1819
Epoch 5000, Training Loss 1.4292 , Val Loss 4.2453
output tensor([[15.8510],
        [ 7.3981]], grad_fn=<AddmmBackward0>)
answer tensor([[13.],
        [ 8.]])""",
}
# Seed 003, section 6: test accuracy (%) and Avg loss after each of its 10 epochs.
SEED_003_TABLE = ((49.5, 2.153763), (58.1, 1.879465), (62.2, 1.507123), (63.3, 1.239846), (64.6, 1.077391),
                  (65.7, 0.974577), (67.0, 0.904884), (68.3, 0.854584), (69.4, 0.816180), (70.8, 0.785333))


def seed_001_lines(history: Sequence, starting_test_loss: float | None, every: int = SEED_001_EVERY) -> list[str]:
    """Seed 001's lines for a full-batch run: epoch 1, then every `every`th.

    The tutorial measures both losses before the epoch's step: the training loss is the epoch's own
    (one batch), the validation loss is the one measured after the epoch before (the starting model's
    for epoch 1).
    """
    lines = []
    for index, report in enumerate(history):
        epoch = index + 1
        if epoch == 1 or epoch % every == 0:
            before = starting_test_loss if index == 0 else history[index - 1].test_loss
            val = "nan" if before is None else f"{before:.4f}"
            lines.append(f"Epoch {epoch}, Training Loss {report.train_loss:.4f} , Val Loss {val}")
    return lines


def seed_001_results(model: nn.Module, val_x: torch.Tensor, val_y: torch.Tensor) -> list[str]:
    """What seed 001 prints after training: a one-weight model's weight and bias, else its output beside the answer."""
    parameters = dict(model.named_parameters())
    if sum(p.numel() for p in parameters.values()) == 2:  # nn.Linear(1, 1)
        return ["", *(str(p) for p in parameters.values())]
    return [f"output {model(val_x)!r}", f"answer {val_y!r}"]


def seed_003_lines(history: Sequence, batch_losses: Sequence[float], batches_per_epoch: int, batch_size: int,
                   train_size: int, every: int = SEED_003_EVERY) -> list[str]:
    """Seed 003's printout for every finished epoch: a batch loss each `every` batches, then the test line."""
    lines = []
    for index, report in enumerate(history):
        lines += [f"Epoch {index + 1}", " ---------------------------"]
        first = index * batches_per_epoch
        for batch in range(0, batches_per_epoch, every):
            if first + batch < len(batch_losses):
                lines.append(f"loss : {batch_losses[first + batch]:>7f}) [{batch * batch_size:>5d}/{train_size:>5d}]")
        accuracy = "" if report.test_accuracy is None else f"Accuracy : {report.test_accuracy:>0.1f}%, "
        loss = report.test_loss_by_batch if report.test_loss_by_batch is not None else report.test_loss
        lines += ["Test Error : ", f" {accuracy}Avg loss : {loss:>8f} " if loss is not None else f" {accuracy}", ""]
    return lines
