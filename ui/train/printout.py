"""The Train page's "as the tutorial prints it": the run in seed 001's or 003's own lines, the handout's beside it."""

from __future__ import annotations

import copy
import math

import streamlit as st
import torch

from engine import PRESETS
from engine.training.printout import (
    HANDOUT_PRINTOUTS,
    SEED_001_SOURCE,
    SEED_003_EVERY,
    SEED_003_SOURCE,
    SEED_003_TABLE,
    seed_001_lines,
    seed_001_results,
    seed_003_lines,
)
from engine.training.trainer import Trainer
from ui.language import t

MAX_LINES = 400  # a 10,000-epoch run prints 11 lines in seed 001's format; seed 003's grows 13 per epoch


def _preset_name(trainer: Trainer) -> str | None:
    return next((name for name, spec in PRESETS.items() if spec == trainer.spec), None)


def _handout(trainer: Trainer, name: str | None) -> str | None:
    if name in HANDOUT_PRINTOUTS:
        return HANDOUT_PRINTOUTS[name]
    if name == "fashion_mlp" and trainer.data.name == "fashion_mnist":
        return "\n".join(f"Epoch {epoch}: Accuracy : {accuracy:>0.1f}%, Avg loss : {loss:>8f}"
                         for epoch, (accuracy, loss) in enumerate(SEED_003_TABLE, 1))
    return None


def _prints_as_seed_001(trainer: Trainer) -> bool:
    # Seed 001's training_loop takes the whole training set as one batch, for a regression.
    return trainer.data.task == "regression" and trainer.config.batch_size >= len(trainer.data.train_x)


def printout_lines(trainer: Trainer, last: int | None = None) -> list[str]:
    """The run so far as its tutorial prints it: seed 001's lines for a full-batch regression, else seed 003's;
    with `last`, seed 003's lines from the epoch that holds the last `last` lines on (a page shows no more, and
    a 10,000-epoch run would print 130,000)."""
    history, train_size = list(trainer.history), len(trainer.data.train_x)
    batch_size = trainer.config.batch_size
    if _prints_as_seed_001(trainer):
        lines = seed_001_lines(history, trainer.starting_loss)
        if history and trainer.status == "done":
            with torch.enable_grad():  # the tutorial's output carries its grad_fn
                model, data = copy.deepcopy(trainer.model).cpu(), trainer.data
                lines += seed_001_results(model, data.as_float(data.test_x), data.test_y)
        return lines
    batches = math.ceil(train_size / batch_size)
    start = 0
    if last is not None:  # an epoch prints its title, its rule, a loss each SEED_003_EVERY batches, 3 test lines
        start = max(0, len(history) - last // (5 + math.ceil(batches / SEED_003_EVERY)) - 1)
    return seed_003_lines(history, trainer.batch_losses, batches, batch_size, train_size,
                          done=trainer.status == "done", start=start)


def render_printout(trainer: Trainer) -> None:
    """The tutorial's own loop, then the student's printout, and the handout's for the same preset beside it."""
    st.caption(t("train.printout_source"))
    st.code(SEED_001_SOURCE if _prints_as_seed_001(trainer) else SEED_003_SOURCE, language="python")
    lines = printout_lines(trainer, MAX_LINES)
    handout = _handout(trainer, _preset_name(trainer))
    mine, theirs = st.columns(2) if handout else (st.container(), None)
    mine.caption(t("train.printout_mine"))
    mine.code("\n".join(lines[-MAX_LINES:]) or "…", language="text")
    if theirs is not None:
        theirs.caption(t("train.printout_handout"))
        theirs.code(handout, language="text")
        st.caption(t("train.printout_random"))
