"""The Train page prints a run as seeds 001 and 003 print theirs, with the numbers their own loops give."""

import copy
import math

import pytest
import torch
from torch import nn

from engine import PRESETS, build_model
from engine.data import load_dataset
from engine.training import Trainer
from engine.training.config import TrainConfig
from engine.training.printout import seed_001_lines, seed_001_results, seed_003_lines
from engine.training.recommended import recommended_config
from engine.training.trainer import EpochReport
from i18n import translate
from tests.test_pages import open_page
from tests.test_train_page import train


def _seed_001_loop(model, data, epochs: int, lr: float) -> list[str]:
    # Seed 001's training_loop, as the handout writes it.
    loss_fn, optimizer = nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=lr)
    lines = []
    for epoch in range(1, epochs + 1):
        loss_train = loss_fn(model(data.train_x), data.train_y)
        loss_val = loss_fn(model(data.test_x), data.test_y)
        optimizer.zero_grad()
        loss_train.backward()
        optimizer.step()
        if epoch == 1 or epoch % 1000 == 0:
            lines.append(f"Epoch {epoch}, Training Loss {loss_train.item():.4f} , Val Loss {loss_val.item():.4f}")
    return lines


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


def test_avg_loss_is_the_mean_of_batch_means_as_seed_003_computes_it():
    data = load_dataset("circle")  # a test split that is not a whole number of batches
    config = TrainConfig("circle", optimizer="sgd", lr=0.03, batch_size=64, epochs=1)
    trainer = Trainer(PRESETS["playground_2d"], data, config)
    trainer.run()
    assert len(data.test_x) % 64 != 0
    loss_fn, model = nn.CrossEntropyLoss(), trainer.model.eval()
    with torch.no_grad():  # seed 003's test_loop
        means = [loss_fn(model(data.as_float(data.test_x[i:i + 64])), data.test_y[i:i + 64]).item()
                 for i in range(0, len(data.test_x), 64)]
        per_example = loss_fn(model(data.as_float(data.test_x)), data.test_y).item()
    report = trainer.history[0]
    assert report.test_loss_by_batch == pytest.approx(sum(means) / len(means), rel=1e-6)
    assert report.test_loss == pytest.approx(per_example, rel=1e-5)
    assert not math.isclose(report.test_loss_by_batch, report.test_loss, rel_tol=1e-7)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_train_page_prints_a_temperature_run_beside_the_handout(lang):
    app = open_page("pages/train.py", lang)
    job = train(app, "temperature_linear", epochs=2000)
    assert job.trainer.status == "done" and not app.exception
    codes = [block.value for block in app.code]
    mine = next(code for code in codes if code.startswith("Epoch 1, Training Loss"))
    assert mine.splitlines()[:3] == seed_001_lines(job.trainer.history, job.trainer.starting_loss)
    assert "Parameter containing:" in mine
    assert any(code.startswith("Epoch 1, Training Loss 168.4553 , Val Loss 84.7645") for code in codes)
    assert any(translate("train.printout_handout", lang) == caption.value for caption in app.caption)
