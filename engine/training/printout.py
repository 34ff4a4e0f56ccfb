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
# The tutorials' own loops, copied from the seed text (seed 001's `training_loop`; seed 003's `train_loop`
# and `test_loop`, section 6), shown above the printout they make; blank lines lose their trailing spaces.
SEED_001_SOURCE = """def training_loop(n_epochs, optimizer, model, loss_fn, t_u_train, t_u_val,t_c_train,t_c_val):
  for epoch in range(1,n_epochs+1):
    t_p_train = model(t_u_train) # 개별 파라미터 대신 모델 전달
    loss_train = loss_fn(t_p_train,t_c_train)

    t_p_val = model(t_u_val) # 개별 파라미터 대신 모델 전달
    loss_val = loss_fn(t_p_val,t_c_val)

    optimizer.zero_grad()
    loss_train.backward()
    optimizer.step()

    if epoch ==1 or epoch % 1000 ==0 :
      print(f'Epoch {epoch}, Training Loss {loss_train.item():.4f} , Val Loss {loss_val.item():.4f}')"""
SEED_003_SOURCE = """def train_loop(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    for batch, (X, y) in enumerate(dataloader):
        # 예측과 손실 계산
        pred = model(X)
        loss = loss_fn(pred, y)

        # 역전파
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if batch % 100 == 0:
            loss, current = loss.item(), batch * len(X)
            print(f'loss : {loss:>7f}) [{current:>5d}/{size:>5d}]')

def test_loop(dataloader, model, loss_fn):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    test_loss, correct = 0, 0

    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()

    test_loss /= num_batches
    correct /= size
    print(f'Test Error : \\n Accuracy : {(100 * correct):>0.1f}%, Avg loss : {test_loss:>8f} \\n')"""
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
                   train_size: int, every: int = SEED_003_EVERY, done: bool = False, start: int = 0) -> list[str]:
    """Seed 003's printout for every finished epoch: a batch loss each `every` batches, then the test line.

    `done` (the run has finished) adds the `Done!` the seed prints after its epoch loop. `start`: the
    epochs before this index are left out (a page showing only the last lines of a long run).
    """
    lines = []
    for index, report in enumerate(history[start:], start):
        lines += [f"Epoch {index + 1}", " ---------------------------"]
        first = index * batches_per_epoch
        for batch in range(0, batches_per_epoch, every):
            if first + batch < len(batch_losses):
                lines.append(f"loss : {batch_losses[first + batch]:>7f}) [{batch * batch_size:>5d}/{train_size:>5d}]")
        accuracy = "" if report.test_accuracy is None else f"Accuracy : {report.test_accuracy:>0.1f}%, "
        loss = report.test_loss_by_batch if report.test_loss_by_batch is not None else report.test_loss
        lines += ["Test Error : ", f" {accuracy}Avg loss : {loss:>8f} " if loss is not None else f" {accuracy}", ""]
    return [*lines, "Done!"] if done else lines
