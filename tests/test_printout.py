"""The Train page prints a run as seeds 001 and 003 print theirs, with the numbers their own loops give."""

import contextlib
import copy
import io
import math
import os
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from engine import PRESETS, build_model
from engine.data import load_dataset
from engine.training import Trainer
from engine.training.config import TrainConfig
from engine.training.printout import (
    SEED_001_SOURCE,
    SEED_003_SOURCE,
    seed_001_lines,
    seed_001_results,
    seed_003_lines,
)
from engine.training.recommended import recommended_config
from engine.training.trainer import EpochReport
from i18n import translate
from tests.test_pages import open_page
from tests.test_train_page import train

SEEDS = Path(os.environ.get("TUTORIAL_SEEDS_DIR", Path(__file__).resolve().parents[2] / "shared" / "seeds"))


def _run_source(source: str, call: str, **names) -> list[str]:
    """Run the tutorial code the page shows, then `call`; the lines it printed."""
    scope = {"torch": torch, **names}
    exec(source, scope)  # the app's own constant: the code the student reads
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        eval(call, scope)
    return printed.getvalue().splitlines()


def _seed_001_loop(model, data, epochs: int, lr: float) -> list[str]:
    # Seed 001's training_loop, run from the code the Train page shows.
    return _run_source(SEED_001_SOURCE, "training_loop(n_epochs, optimizer, model, nn.MSELoss(), t_u_train, t_u_val, "
                       "t_c_train, t_c_val)", nn=nn, n_epochs=epochs, model=model,
                       optimizer=torch.optim.SGD(model.parameters(), lr=lr), t_u_train=data.train_x,
                       t_u_val=data.test_x, t_c_train=data.train_y, t_c_val=data.test_y)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the tutorials' text is not at {SEEDS} (set TUTORIAL_SEEDS_DIR)")
@pytest.mark.parametrize(("seed", "source"), [("001", SEED_001_SOURCE), ("003", SEED_003_SOURCE)])
def test_the_shown_loops_are_copied_from_the_seed_text(seed, source):
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    seed_lines = "\n".join(line.rstrip() for line in text.splitlines())
    assert source in seed_lines  # line for line, only trailing spaces dropped


@pytest.mark.parametrize("preset", ["temperature_linear", "temperature_named"])
def test_seed_001_lines_equal_the_handouts_own_loop(preset):
    config = recommended_config(preset)
    spec, data = PRESETS[preset], load_dataset("temperature")
    trainer = Trainer(spec, data, config)
    start = copy.deepcopy(trainer.model)
    trainer.run()
    expected = _seed_001_loop(start, data, config.epochs, config.lr)
    assert seed_001_lines(trainer.history, trainer.starting_loss) == expected
    assert len(expected) == 1 + config.epochs // 1000


def test_seed_001_results_print_the_weight_and_bias_or_output_and_answer():
    linear = build_model(PRESETS["temperature_linear"], seed=0)
    lines = seed_001_results(linear, torch.ones(2, 1), torch.zeros(2, 1))
    assert lines[0] == "" and lines[1].startswith("Parameter containing:\ntensor([[")
    assert "requires_grad=True" in lines[2]
    named = build_model(PRESETS["temperature_named"], seed=0)
    lines = seed_001_results(named, torch.ones(2, 1), torch.tensor([[13.0], [8.0]]))
    assert lines[0].startswith("output tensor([[") and "grad_fn=<AddmmBackward0>" in lines[0]
    assert lines[1] == "answer tensor([[13.],\n        [ 8.]])"


def test_seed_003_lines_have_its_format_and_every_100th_batch():
    report = EpochReport(1, 2.2, 30.0, 2.1537, 49.5, 1.0, test_loss_by_batch=2.153763)
    lines = seed_003_lines([report], [2.29735] + [2.0] * 937, 938, 64, 60000)
    assert lines[:3] == ["Epoch 1", " ---------------------------", "loss : 2.297350) [    0/60000]"]
    assert lines[3] == "loss : 2.000000) [ 6400/60000]" and lines[11] == "loss : 2.000000) [57600/60000]"
    assert lines[12:15] == ["Test Error : ", " Accuracy : 49.5%, Avg loss : 2.153763 ", ""]
    assert len(lines) == 15 and "Done!" not in lines  # still running: the seed's loop has not ended
    done = seed_003_lines([report], [2.29735] + [2.0] * 937, 938, 64, 60000, done=True)
    assert done == [*lines, "Done!"]


def test_avg_loss_is_the_mean_of_batch_means_as_seed_003_computes_it():
    data = load_dataset("circle")  # a test split that is not a whole number of batches
    config = TrainConfig("circle", optimizer="sgd", lr=0.03, batch_size=64, epochs=1)
    trainer = Trainer(PRESETS["playground_2d"], data, config)
    trainer.run()
    assert len(data.test_x) % 64 != 0
    loss_fn, model = nn.CrossEntropyLoss(), trainer.model.eval()
    test_set = TensorDataset(data.as_float(data.test_x), data.test_y)
    printed = _run_source(SEED_003_SOURCE, "test_loop(DataLoader(test_set, batch_size=64), model, loss_fn)",
                          DataLoader=DataLoader, test_set=test_set, model=model, loss_fn=loss_fn)
    assert printed == seed_003_lines(trainer.history, [], 0, 64, len(data.train_x))[2:]
    with torch.no_grad():  # seed 003's test_loop, by hand
        means = [loss_fn(model(data.as_float(data.test_x[i:i + 64])), data.test_y[i:i + 64]).item()
                 for i in range(0, len(data.test_x), 64)]
        per_example = loss_fn(model(data.as_float(data.test_x)), data.test_y).item()
    report = trainer.history[0]
    assert report.test_loss_by_batch == pytest.approx(sum(means) / len(means), rel=1e-6)
    assert report.test_loss == pytest.approx(per_example, rel=1e-5)
    assert not math.isclose(report.test_loss_by_batch, report.test_loss, rel_tol=1e-7)

PRINTOUT_OPEN = "train_printout_open"  # the expander's key (ui/train/views.py)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_train_page_prints_a_temperature_run_beside_the_handout(lang):
    app = open_page("pages/train.py", lang, state={PRINTOUT_OPEN: True})
    job = train(app, "temperature_linear", epochs=2000)
    assert job.trainer.status == "done" and not app.exception
    codes = [block.value for block in app.code]
    mine = next(code for code in codes if code.startswith("Epoch 1, Training Loss"))
    assert codes.index(SEED_001_SOURCE) < codes.index(mine) and SEED_003_SOURCE not in codes
    assert any(translate("train.printout_source", lang) == caption.value for caption in app.caption)
    assert mine.splitlines()[:3] == seed_001_lines(job.trainer.history, job.trainer.starting_loss)
    assert "Parameter containing:" in mine
    assert any(code.startswith("Epoch 1, Training Loss 168.4553 , Val Loss 84.7645") for code in codes)
    assert any(translate("train.printout_handout", lang) == caption.value for caption in app.caption)


def test_the_train_page_shows_seed_003s_loops_and_done_for_a_finished_batch_run():
    app = open_page("pages/train.py", "en", state={PRINTOUT_OPEN: True})
    job = train(app, "playground_2d", epochs=2)
    assert job.trainer.status == "done" and not app.exception
    codes = [block.value for block in app.code]
    mine = next(code for code in codes if code.startswith("Epoch 1\n"))
    assert codes.index(SEED_003_SOURCE) < codes.index(mine) and SEED_001_SOURCE not in codes
    assert mine.splitlines()[-1] == "Done!" and mine.count("Epoch ") == 2
    app.session_state[PRINTOUT_OPEN] = False  # folded, as it comes: not drawn at all (each visit would make it)
    app.run()
    assert SEED_003_SOURCE not in [block.value for block in app.code] and not app.exception


def test_a_long_runs_printout_ends_as_the_whole_one_when_only_its_last_lines_are_asked():
    from ui.train.printout import printout_lines

    trainer = Trainer(PRESETS["playground_circle"], load_dataset("circle"),
                      TrainConfig("circle", lr=0.03, batch_size=10, epochs=60, seed=0))
    trainer.run()
    whole, tail = printout_lines(trainer), printout_lines(trainer, 40)
    assert len(whole) > len(tail) >= 40
    assert whole[-len(tail):] == tail and tail[-1] == "Done!"
