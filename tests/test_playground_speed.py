"""Issue 8's fast 2-D playground: the fast stepping mode trains exactly as the per-batch path and as
plain PyTorch, the batched neuron heatmaps equal each neuron computed on its own, and the Train page
repaints every 2-D view live. (Speed itself is measured by bench/playground_speed.py, not here.)"""

import json
import math
import time

import pytest
import torch
from torch import nn

from engine import PRESETS, build_model
from engine.data import load_dataset
from engine.data.batching import epoch_order
from engine.training import TrainConfig, Trainer
from engine.training.analysis import GridCache, decision_grid, input_range
from tests.test_pages import open_page

CIRCLE = TrainConfig("circle", lr=0.03, batch_size=10, epochs=3, shuffle=True, seed=4)


def both_paths(spec, config, data=None):
    """The same run twice: the fast mode (no per-batch callback) and the per-batch path."""
    data = data or load_dataset(config.data)
    fast = Trainer(spec, data, config)
    slow = Trainer(spec, data, config, on_batch=lambda report: None)
    assert fast.fast and not slow.fast
    fast.run()
    slow.run()
    return fast, slow


@pytest.mark.parametrize("preset", ["playground_circle", "playground_spiral"])
def test_fast_mode_gives_the_per_batch_paths_numbers(preset):
    fast, slow = both_paths(PRESETS[preset], CIRCLE if preset.endswith("circle") else
                            TrainConfig("spiral", lr=0.03, batch_size=10, epochs=3, shuffle=True, seed=4))
    assert fast.batch_losses == slow.batch_losses and len(fast.batch_losses) == 3 * 25
    for a, b in zip(fast.history, slow.history):
        assert (a.train_loss, a.train_accuracy, a.test_loss, a.test_accuracy) == pytest.approx(
            (b.train_loss, b.train_accuracy, b.test_loss, b.test_accuracy), rel=1e-12)
    for p, q in zip(fast.model.parameters(), slow.model.parameters()):
        assert torch.equal(p, q)


def test_fast_mode_equals_a_plain_pytorch_loop():
    """The reference: torch.optim.SGD as torch builds it by default, batches in the DataLoader's order."""
    spec, data = PRESETS["playground_circle"], load_dataset("circle")
    trainer = Trainer(spec, data, CIRCLE)
    trainer.run()
    model = build_model(spec, seed=CIRCLE.seed)
    optimizer, loss_fn = torch.optim.SGD(model.parameters(), lr=0.03), nn.CrossEntropyLoss()
    generator, losses = torch.Generator().manual_seed(CIRCLE.seed), []
    for _ in range(CIRCLE.epochs):
        order = epoch_order(len(data.train_x), True, generator)
        for start in range(0, len(order), 10):
            index = order[start:start + 10]
            loss = loss_fn(model(data.train_x[index]), data.train_y[index])
            losses.append(loss.item())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    assert trainer.batch_losses == pytest.approx(losses, rel=1e-6, abs=1e-7)
    for p, q in zip(trainer.model.parameters(), model.parameters()):
        assert torch.allclose(p, q, atol=1e-6)


def test_adam_with_l2_matches_in_both_modes():
    config = TrainConfig("circle", optimizer="adam", lr=0.01, batch_size=7, epochs=2, shuffle=True, l2=0.01)
    fast, slow = both_paths(PRESETS["playground_2d"], config)
    assert fast.batch_losses == pytest.approx(slow.batch_losses, rel=1e-6)
    for p, q in zip(fast.model.parameters(), slow.model.parameters()):
        assert torch.allclose(p, q, atol=1e-6)


def test_step_and_pause_mid_epoch_flush_the_losses():
    data = load_dataset("circle")
    fast = Trainer(PRESETS["playground_circle"], data, CIRCLE)
    slow = Trainer(PRESETS["playground_circle"], data, CIRCLE, on_batch=lambda report: None)
    for _ in range(3):
        fast.step()
        slow.step()
    assert fast.batch == 3 and fast.steps == 3 and fast.batch_losses == slow.batch_losses
    fast.run_epoch()
    slow.run_epoch()
    assert fast.history[0].train_loss == pytest.approx(slow.history[0].train_loss, rel=1e-12)


def test_fast_mode_divergence_restores_finite_weights_and_says_where():
    config = TrainConfig("circle", lr=10.0, batch_size=1, epochs=50, shuffle=True)
    big = PRESETS["playground_spiral"]
    trainer = Trainer(big, load_dataset("circle"), config)
    with torch.no_grad():  # huge weights: the loss overflows within the first epochs
        for p in trainer.model.parameters():
            p.mul_(1e18)
    trainer.run()
    assert trainer.status == "diverged" and trainer.problem.key == "train_diverged"
    assert all(math.isfinite(v) for v in trainer.batch_losses)
    assert all(torch.isfinite(p).all() for p in trainer.model.parameters())


def test_batched_heatmaps_equal_each_neuron_computed_alone():
    model = build_model(PRESETS["playground_spiral"], seed=3)
    data = load_dataset("spiral")
    grid = decision_grid(model, PRESETS["playground_spiral"], data, "cross_entropy", steps=100)
    low, high = input_range(data)
    axis = torch.linspace(low, high, 100)
    gy, gx = torch.meshgrid(axis, axis, indexing="ij")
    points = torch.stack([gx.flatten(), gy.flatten()], 1)
    assert len(grid.hidden) == 6
    for (path, units), layer in zip(grid.hidden, range(1, 12, 2)):
        assert path == str(layer)
        for unit in range(8):  # the network up to this activation, one unit, one point at a time over the grid
            with torch.no_grad():
                alone = model[: layer + 1](points)[:, unit]
            assert torch.allclose(units[unit], alone.reshape(100, 100), atol=1e-6)
    with torch.no_grad():
        probability = torch.softmax(model(points), 1)[:, 1].reshape(100, 100)
    assert torch.allclose(grid.probability, probability, atol=1e-6)


def test_grid_cache_recomputes_only_after_a_step():
    trainer = Trainer(PRESETS["playground_circle"], load_dataset("circle"), CIRCLE)
    cache = GridCache()
    first = cache.get(trainer)
    assert cache.get(trainer) is first and cache.computed == 1
    trainer.step()
    second = cache.get(trainer)
    assert cache.computed == 2 and not torch.equal(first.probability, second.probability)
    fresh = decision_grid(trainer.model, trainer.spec, trainer.data, trainer.config.loss, cache.steps)
    assert torch.equal(second.probability, fresh.probability)  # its reused private copy has the new weights
    assert all(torch.equal(a, b) for (_, a), (_, b) in zip(second.hidden, fresh.hidden))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_two_d_live_view_shows_every_view_while_training(lang):
    app = open_page("pages/train.py", lang)
    app.selectbox(key="train_preset").set_value("playground_spiral").run()
    app.button(key="train_play").click().run()
    job = app.session_state["train_job"]
    try:
        deadline = time.monotonic() + 60
        while job.trainer.epoch < 1 and time.monotonic() < deadline:  # the shared pool may start it late
            time.sleep(0.05)
        assert job.running and job.trainer.epoch >= 1
        app.run()  # a repaint while the worker trains
        assert not app.exception
        assert not app.get("plotly_chart")  # while live, every chart is a light SVG image
        (data,) = [json.loads(element.proto.json) for element in app.get("bidi_component")
                   if element.proto.component_name == "torch_playground_live_feed"]
        feed = app.session_state["train_feed"]  # the browser reads the rest itself, from the run's live feed
        assert data["feed"] == feed.url and feed.job is job and data["snapshot"]["every"] <= 0.25
        snapshot = data["snapshot"]
        assert {panel["id"] for panel in snapshot["curves"]} == {"loss", "accuracy"}
        panels = {panel["id"]: panel for panel in snapshot["views"]}
        assert set(panels) == {"boundary", "network"}
        network = data["markup"][panels["network"]["layout"]]  # the drawings' markup goes with the page
        assert network.count("<path") == 2 * 8 + 5 * 64 + 8 * 2  # every weight of the 8x6 network
        assert network.count("<canvas") == 6 + 1 and network.count("<image") == 1  # painted tiles; the inputs'
        assert '<canvas data-paint="boundary" width="100" height="100"' in data["markup"][panels["boundary"]["layout"]]
        paint = snapshot["paint"]  # the weights the browser paints from
        assert [layer["kind"] for layer in paint["layers"]] == ["Linear", "ReLU"] * 6 + ["Linear"]
        assert paint["hidden"] == [1, 3, 5, 7, 9, 11] and paint["steps"] == 100
        assert len(paint["layers"][0]["w"]) == 2 * 8 and all(math.isfinite(w) for w in paint["layers"][0]["w"])
        assert ("에폭" if lang == "ko" else "Epoch") in snapshot["counter"]  # the counter the benchmark reads
        assert app.session_state["train_grid_cache"].steps == 100
    finally:
        job.stop()
        job.wait(timeout=60)
