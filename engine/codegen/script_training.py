"""The training steps of a generated script: loss, optimizer, seed 003's train_loop / test_loop, the epochs.

Written to do what engine.training.Trainer does, operation for operation, so the printed numbers
agree: the loss before each update, L1/L2 added to the loss on the weights only, the epoch's
average weighted by batch size, the test set in batches of EVAL_BATCH.
"""

from __future__ import annotations

from functools import partial

from engine.codegen.script_comments import comment
from engine.training.config import TrainConfig
from engine.training.registry import LOSSES, OPTIMIZERS
from engine.training.trainer import EVAL_BATCH

# engine/training/schedule.py's schedules as torch builds them, over every batch of the run.
SCHEDULER_CODE = {
    "onecycle": "scheduler = torch.optim.lr_scheduler.OneCycleLR(\n"
                "    optimizer, max_lr=learning_rate, total_steps=epochs * len(train_dataloader),\n"
                "    cycle_momentum=False)",
    "cosine": "scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs * len(train_dataloader))",
}
QUIET_FROM = 100  # longer runs print only every tenth of the epochs (seed 001 printed every 500 of 5000)


def print_every(epochs: int) -> int:
    """Every how many epochs the script prints: 1, or a tenth of a long run."""
    return 1 if epochs <= QUIET_FROM else epochs // 10


def printed_epoch(epoch: int, epochs: int) -> bool:
    """Whether the script prints 1-based `epoch` of `epochs`: the first, every print_every-th, and the last."""
    return (epoch - 1) % print_every(epochs) == 0 or epoch == epochs


def hyperparameter_code(config: TrainConfig, lang: str) -> str:
    """learning_rate, batch_size, epochs, seed and the regularization rates, as seed 003 writes them."""
    c = partial(comment, lang)
    lines = [f"learning_rate = {config.lr!r}", f"batch_size = {config.batch_size}", f"epochs = {config.epochs}",
             f"seed = {config.seed}  # {c('seed')}"]
    if OPTIMIZERS[config.optimizer].uses_momentum and config.momentum:
        lines.append(f"momentum = {config.momentum!r}  # {c('momentum')}")
    for name in ("l1", "l2"):
        if getattr(config, name):
            lines.append(f"{name} = {getattr(config, name)!r}  # {c(name)}")
    return "\n".join(lines) + "\n"


def loader_code(config: TrainConfig, lang: str, has_dropout: bool) -> str:
    """Datasets and DataLoaders; a shuffled loader draws its order from its own seeded generator."""
    c = partial(comment, lang)
    shuffle = "True" if config.shuffle else "False"
    test_generator = ""
    if has_dropout:  # the test loader would otherwise draw one number from the global RNG every epoch
        test_generator = f", generator=torch.Generator())  # {c('test_generator')}"
    else:
        test_generator = f")  # {c('test_batch')}"
    return (f"# {c('datasets')}\n"
            "train_data = TensorDataset(train_x, train_y)\n"
            "test_data = TensorDataset(test_x, test_y)\n"
            f"train_dataloader = DataLoader(train_data, batch_size=batch_size, shuffle={shuffle},\n"
            "                              generator=torch.Generator().manual_seed(seed))\n"
            f"test_dataloader = DataLoader(test_data, batch_size={EVAL_BATCH}{test_generator}\n")


def loss_code(config: TrainConfig, lang: str) -> str:
    """`loss_fn = nn.CrossEntropyLoss()` and the optimizer with its hyperparameters."""
    optimizer = OPTIMIZERS[config.optimizer]
    momentum = ", momentum=momentum" if optimizer.uses_momentum and config.momentum else ""
    lines = [f"loss_fn = nn.{LOSSES[config.loss].name}()",
             f"optimizer = torch.optim.{optimizer.name}(model.parameters(), lr=learning_rate{momentum})"]
    if config.schedule is not None:
        lines.append(f"# {comment(lang, 'scheduler_' + config.schedule)}")
        lines.append(SCHEDULER_CODE[config.schedule])
    if config.l1 or config.l2:
        lines.append(f"weights = [p for p in model.parameters() if p.dim() > 1]  # {comment(lang, 'penalty_weights')}")
    return "\n".join(lines) + "\n"


def _target_and_prediction(loss: str) -> tuple[str, str | None]:
    kind = LOSSES[loss]
    if kind.task == "regression":
        return "y", None
    if not kind.binary:
        return "y", "pred.argmax(1)"
    threshold = 0.5 if kind.needs_probabilities else 0.0  # a probability, or a logit
    return "y.float().unsqueeze(1)", f"(pred[:, 0] > {threshold}).long()"


def _penalty(config: TrainConfig) -> str | None:
    terms = []
    if config.l1:
        terms.append("l1 * sum(w.abs().sum() for w in weights)")
    if config.l2:
        terms.append("l2 / 2 * sum((w * w).sum() for w in weights)")
    return " + ".join(terms) or None


def loops_code(config: TrainConfig, lang: str) -> str:
    """train_loop and test_loop in seed 003's shape, doing what the playground's trainer does."""
    c = partial(comment, lang)
    target, predicted = _target_and_prediction(config.loss)
    binary = f"  # {c('binary_target')}" if target != "y" else ""
    penalty = _penalty(config)
    backward = "loss.backward()"
    if penalty:
        backward = f"penalty = {penalty}  # {c('penalty')}\n        (loss + penalty).backward()"
    count = f"\n        correct += ({predicted} == y).sum().item()" if predicted else ""
    test_count = f"\n            correct += ({predicted} == y).sum().item()" if predicted else ""
    totals = "total_loss, correct = 0.0, 0" if predicted else "total_loss = 0.0"
    test_totals = "test_loss, correct = 0.0, 0" if predicted else "test_loss = 0.0"
    if predicted:
        train_print = 'print(f"Train: Accuracy: {100 * correct / size:>0.1f}%, Avg loss: {total_loss / size:>8f}")'
        test_print = 'print(f"Test Error: \\n Accuracy: {100 * correct / size:>0.1f}%, Avg loss: {test_loss:>8f} \\n")'
    else:
        train_print = 'print(f"Train: Avg loss: {total_loss / size:>8f}")'
        test_print = 'print(f"Test Error: \\n Avg loss: {test_loss:>8f} \\n")'
    quiet = print_every(config.epochs) > 1
    flag, when = (", verbose=True", "verbose and ") if quiet else ("", "")
    scheduler, scheduler_step = _scheduler_parts(config, lang)
    train_print, test_print = (f"if verbose:\n        {train_print}", f"if verbose:\n        {test_print}") \
        if quiet else (train_print, test_print)
    return f'''def train_loop(dataloader, model, loss_fn, optimizer{scheduler}{flag}):
    """{c("train_loop")}"""
    size = len(dataloader.dataset)
    model.train()
    {totals}
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        # {c("predict_loss")}
        pred = model(X)
        loss = loss_fn(pred, {target}){binary}
        total_loss += loss.item() * len(X){count}

        # {c("backprop")}
        optimizer.zero_grad()
        {backward}
        optimizer.step(){scheduler_step}

        if {when}batch % 100 == 0:
            loss, current = loss.item(), batch * len(X)
            print(f"loss: {{loss:>7f}}  [{{current:>5d}}/{{size:>5d}}]")
    {train_print}


def test_loop(dataloader, model, loss_fn{flag}):
    """{c("test_loop")}"""
    size = len(dataloader.dataset)
    model.eval()
    {test_totals}
    with torch.no_grad():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            pred = model(X)
            # {c("weighted")}
            test_loss += loss_fn(pred, {target}).item() * len(X){test_count}
    test_loss /= size
    {test_print}
'''


def _scheduler_parts(config: TrainConfig, lang: str) -> tuple[str, str]:
    """train_loop's extra argument and the line after optimizer.step(), with a schedule (else empty)."""
    if config.schedule is None:
        return "", ""
    return ", scheduler", f"\n        scheduler.step()  # {comment(lang, 'scheduler_step')}"


def epochs_code(config: TrainConfig, lang: str) -> str:
    """Seed 003's epoch loop and its printout (every print_every epochs in a long run)."""
    every = print_every(config.epochs)
    scheduler = ", scheduler" if config.schedule is not None else ""
    if every > 1:
        return f'''print_every = {every}  # {comment(lang, "print_every")}
for t in range(epochs):
    verbose = t % print_every == 0 or t == epochs - 1
    if verbose:
        print(f"Epoch {{t + 1}}\\n-------------------------------")
    train_loop(train_dataloader, model, loss_fn, optimizer{scheduler}, verbose)
    test_loop(test_dataloader, model, loss_fn, verbose)
print("Done!")
'''
    return f'''for t in range(epochs):
    print(f"Epoch {{t + 1}}\\n-------------------------------")
    train_loop(train_dataloader, model, loss_fn, optimizer{scheduler})
    test_loop(test_dataloader, model, loss_fn)
print("Done!")
'''
