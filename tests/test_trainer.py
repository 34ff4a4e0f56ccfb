"""The Trainer against torch itself: each loss and optimizer equals a hand-written seed-style loop,
pausing changes nothing, and the guards stop what they should."""

import math

import pytest
import torch
from torch import nn

from engine import PRESETS, build_model
from engine.data.base import TensorData
from engine.errors import PlaygroundError
from engine.network.spec import LayerSpec, ModelSpec
from engine.training import LOSSES, OPTIMIZERS, EpochReport, TrainConfig, Trainer, TrainLimits
from engine.training.guards import blew_up

L = LayerSpec.of


def blobs(n=240, classes=3, seed=1) -> TensorData:
    """Small 2-D classification data: one Gaussian blob per class."""
    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % classes
    x = torch.randn(n, 2, generator=g) + torch.stack([y.float() * 2, (y % 2).float() * 3], 1)
    names = tuple(str(c) for c in range(classes))
    return TensorData("blobs", "classification", x[: n * 3 // 4], y[: n * 3 // 4], x[n * 3 // 4 :], y[n * 3 // 4 :],
                      names)


def line(n=60, seed=2) -> TensorData:
    """Regression data: y = 3x - 1 plus noise, two targets per example."""
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(n, 1, generator=g) * 4
    y = torch.cat([3 * x - 1, -x], 1) + 0.1 * torch.randn(n, 2, generator=g)
    return TensorData("line", "regression", x[:40], y[:40], x[40:], y[40:])


def mlp(inputs=2, outputs=3, last=None, dropout=False) -> ModelSpec:
    layers = [L("Linear", in_features=inputs, out_features=8), L("Tanh")]
    if dropout:
        layers.append(L("Dropout", p=0.3))
    layers.append(L("Linear", in_features=8, out_features=outputs))
    if last:
        layers.append(L(last, **({"dim": 1} if last == "LogSoftmax" else {})))
    return ModelSpec((inputs,), tuple(layers))


def weights(model) -> list[torch.Tensor]:
    return [p.detach().clone() for p in model.parameters()]


def reference_loop(model, data, loss_fn, optimizer, batch_size, epochs, target=lambda y: y):
    """Seed 003's train_loop, literally (no shuffle), on a torch DataLoader."""
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data.train_x.float(), data.train_y),
                                         batch_size=batch_size)
    for _ in range(epochs):
        for x, y in loader:
            loss = loss_fn(model(x * data.scale if data.scale != 1 else x), target(y))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return model


CASES = {  # loss -> (spec, data)
    "cross_entropy": (mlp(), blobs()),
    "nll": (mlp(last="LogSoftmax"), blobs()),
    "bce_with_logits": (mlp(outputs=1), blobs(classes=2)),
    "bce": (mlp(outputs=1, last="Sigmoid"), blobs(classes=2)),
    "mse": (mlp(inputs=1, outputs=2), line()),
    "l1": (mlp(inputs=1, outputs=2), line()),
}


@pytest.mark.parametrize("loss_name", LOSSES)
def test_each_loss_trains_like_the_seed_loop(loss_name):
    spec, data = CASES[loss_name]
    config = TrainConfig(data=data.name, loss=loss_name, optimizer="sgd", lr=0.05, batch_size=16, epochs=2)
    trainer = Trainer(spec, data, config)
    trainer.run()
    assert trainer.status == "done" and len(trainer.history) == 2
    model = build_model(spec, seed=0)
    kind = LOSSES[loss_name]
    reference_loop(model, data, kind.make(), torch.optim.SGD(model.parameters(), lr=0.05), 16, 2, kind.target)
    for ours, theirs in zip(trainer.model.parameters(), model.parameters()):
        torch.testing.assert_close(ours, theirs)
    assert trainer.history[1].train_loss < trainer.history[0].train_loss  # it learns


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_each_optimizer_equals_torch(optimizer):
    spec, data = CASES["cross_entropy"]
    config = TrainConfig(data="blobs", optimizer=optimizer, lr=0.01, momentum=0.9, batch_size=32, epochs=2)
    trainer = Trainer(spec, data, config)
    trainer.run()
    model = build_model(spec, seed=0)
    kind = OPTIMIZERS[optimizer]
    extra = {"momentum": 0.9} if kind.uses_momentum else {}
    reference_loop(model, data, nn.CrossEntropyLoss(), kind.make(model.parameters(), lr=0.01, **extra), 32, 2)
    for ours, theirs in zip(trainer.model.parameters(), model.parameters()):
        torch.testing.assert_close(ours, theirs)


def test_l2_equals_weight_decay_on_weights_and_l1_adds_sign():
    spec, data = CASES["cross_entropy"]
    trainer = Trainer(spec, data, TrainConfig(data="blobs", lr=0.1, l2=0.5, batch_size=60, epochs=1))
    trainer.run()
    model = build_model(spec, seed=0)
    decayed = [p for p in model.parameters() if p.dim() > 1]
    plain = [p for p in model.parameters() if p.dim() == 1]
    optimizer = torch.optim.SGD([{"params": decayed, "weight_decay": 0.5}, {"params": plain}], lr=0.1)
    reference_loop(model, data, nn.CrossEntropyLoss(), optimizer, 60, 1)
    for ours, theirs in zip(trainer.model.parameters(), model.parameters()):
        torch.testing.assert_close(ours, theirs)
    # L1 pulls every weight towards zero by lr * l1 per step, on top of the data's gradient.
    plain_run = Trainer(spec, data, TrainConfig(data="blobs", lr=0.1, batch_size=180, epochs=1))
    l1_run = Trainer(spec, data, TrainConfig(data="blobs", lr=0.1, l1=0.01, batch_size=180, epochs=1))
    plain_run.run()
    l1_run.run()
    start = build_model(spec, seed=0)
    for before, a, b in zip(start.parameters(), plain_run.model.parameters(), l1_run.model.parameters()):
        if before.dim() > 1:
            torch.testing.assert_close(b, a - 0.1 * 0.01 * before.sign())


def test_same_seed_same_numbers_other_seed_other_numbers():
    spec, data = mlp(dropout=True), blobs()
    runs = []
    for seed in (3, 3, 4):
        trainer = Trainer(spec, data, TrainConfig(data="blobs", optimizer="adam", lr=0.01, batch_size=20, epochs=3,
                                                  shuffle=True, seed=seed))
        trainer.run()
        runs.append((trainer.history, trainer.batch_losses, weights(trainer.model)))
    assert [r.test_loss for r in runs[0][0]] == [r.test_loss for r in runs[1][0]]
    assert runs[0][1] == runs[1][1]
    assert all(torch.equal(a, b) for a, b in zip(runs[0][2], runs[1][2]))
    assert runs[0][1] != runs[2][1]


def test_training_leaves_the_global_rng_alone():
    spec = mlp(dropout=True)
    model = build_model(spec, seed=0)  # (building draws nn.Linear's default init from it; training must not)
    state = torch.get_rng_state()
    trainer = Trainer(spec, blobs(), TrainConfig(data="blobs", batch_size=20, epochs=1, shuffle=True), model=model)
    trainer.run()
    assert torch.equal(state, torch.get_rng_state())


def test_pause_and_resume_equal_an_uninterrupted_run():
    spec, data = mlp(dropout=True), blobs()
    config = TrainConfig(data="blobs", optimizer="sgd", lr=0.05, momentum=0.5, batch_size=16, epochs=3, shuffle=True)
    whole = Trainer(spec, data, config)
    whole.run()
    pieces = Trainer(spec, data, config)
    pieces.step()
    pieces.step()
    assert pieces.status == "paused" and pieces.batch == 2
    pieces.run_epoch()
    assert pieces.epoch == 1 and pieces.batch == 0
    pieces.on_batch = lambda report: pieces.pause() if report.batch % 5 == 0 else None
    while not pieces.finished:
        pieces.run()  # pauses at every 5th batch; each call resumes
    assert pieces.status == "done"
    assert whole.batch_losses == pieces.batch_losses
    assert [r.test_loss for r in whole.history] == [r.test_loss for r in pieces.history]
    assert all(torch.equal(a, b) for a, b in zip(weights(whole.model), weights(pieces.model)))


def test_stop_keeps_the_weights_trained_so_far():
    spec, data = mlp(), blobs()
    trainer = Trainer(spec, data, TrainConfig(data="blobs", lr=0.1, batch_size=10, epochs=5))
    trainer.on_batch = lambda report: trainer.stop() if report.batch == 4 else None
    trainer.run()
    assert trainer.status == "stopped" and trainer.finished
    assert trainer.batch == 4 and len(trainer.batch_losses) == 4
    assert not all(torch.equal(a, b) for a, b in zip(weights(trainer.model), weights(build_model(spec, seed=0))))
    trainer.run()  # a stopped run stays stopped
    assert len(trainer.batch_losses) == 4


def test_reset_starts_over_from_the_seed():
    spec, data = mlp(), blobs()
    trainer = Trainer(spec, data, TrainConfig(data="blobs", batch_size=30, epochs=1))
    trainer.run()
    first = trainer.batch_losses
    trainer.reset()
    assert trainer.status == "ready" and trainer.history == [] and trainer.progress == 0
    trainer.run()
    assert trainer.batch_losses == first


def diverged_run() -> tuple[Trainer, TensorData]:
    """A linear model on steep data at learning rate 10: it diverges within a few batches."""
    data = line()
    data = TensorData("line", "regression", data.train_x * 30, data.train_y[:, :1] * 30, data.test_x,
                      data.test_y[:, :1])
    trainer = Trainer(PRESETS["temperature_linear"], data,
                      TrainConfig(data="line", loss="mse", lr=10.0, batch_size=4, epochs=50))
    trainer.run()
    return trainer, data


def test_divergence_stops_and_keeps_finite_weights():
    trainer, data = diverged_run()
    assert trainer.status == "diverged" and trainer.problem.key == "train_diverged"
    assert "learning rate 10.0" in str(trainer.problem)
    assert all(torch.isfinite(p).all() for p in trainer.model.parameters())
    with torch.no_grad():
        assert math.isfinite(nn.functional.mse_loss(trainer.model(data.train_x), data.train_y).item())


def test_time_and_size_limits():
    spec, data = mlp(), blobs()
    trainer = Trainer(spec, data, TrainConfig(data="blobs", batch_size=10, epochs=5), limits=TrainLimits(max_seconds=0))
    trainer.run()
    assert trainer.status == "limit" and trainer.problem.key == "train_time_limit" and len(trainer.batch_losses) == 1
    with pytest.raises(PlaygroundError) as error:
        Trainer(spec, data, TrainConfig(data="blobs"), limits=TrainLimits(max_parameters=10))
    assert error.value.key == "train_too_many_parameters"
    with pytest.raises(PlaygroundError) as error:
        Trainer(spec, data, TrainConfig(data="blobs", epochs=20), limits=TrainLimits(max_epochs=10))
    assert error.value.key == "train_too_many_epochs"


@pytest.mark.parametrize(("spec", "data", "loss", "key", "hint"), [
    (PRESETS["fashion_mlp"], blobs(), "cross_entropy", "train_input_mismatch", "[2]"),
    (mlp(outputs=4), blobs(), "cross_entropy", "train_output_mismatch", "out_features of the last Linear layer to 3"),
    (mlp(), blobs(), "mse", "train_loss_task", "CrossEntropyLoss"),
    (mlp(inputs=1, outputs=2), line(), "cross_entropy", "train_loss_task", "MSELoss"),
    (mlp(outputs=1), blobs(classes=2), "bce", "train_bce_needs_sigmoid", "BCEWithLogitsLoss"),
    (mlp(), blobs(), "nll", "train_nll_needs_logsoftmax", "LogSoftmax"),
    (mlp(outputs=1), blobs(classes=3), "bce_with_logits", "train_binary_needs_two", "CrossEntropyLoss"),
])
def test_mismatch_is_caught_before_training_with_a_fix(spec, data, loss, key, hint):
    with pytest.raises(PlaygroundError) as error:
        Trainer(spec, data, TrainConfig(data=data.name, loss=loss))
    assert error.value.key == key
    assert hint in str(error.value)


def test_config_round_trips_and_rejects_bad_values():
    import json
    config = TrainConfig(data="circle", data_options={"noise": 0.1}, optimizer="adam", lr=0.03, shuffle=True)
    assert TrainConfig.from_dict(json.loads(json.dumps(config.to_dict()))) == config
    for bad, key in [({"lr": 0}, "train_out_of_range"), ({"lr": float("nan")}, "train_out_of_range"),
                     ({"batch_size": 0}, "train_out_of_range"), ({"epochs": 1.5}, "train_out_of_range"),
                     ({"loss": "hinge"}, "train_unknown_loss"), ({"optimizer": "lbfgs"}, "train_unknown_optimizer"),
                     ({"device": "tpu"}, "train_unknown_device"), ({"colour": 1}, "train_unknown_field")]:
        with pytest.raises(PlaygroundError) as error:
            TrainConfig.from_dict({"data": "circle", **bad})
        assert error.value.key == key


def test_absent_device_is_refused():
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA, so asking for it is fine")
    with pytest.raises(PlaygroundError) as error:
        Trainer(mlp(), blobs(), TrainConfig(data="blobs", device="cuda"))
    assert error.value.key == "train_device_absent"


def test_fashion_mlp_step_equals_the_seed_code_on_images():
    # Seed 003's exact loop (DataLoader over float images /255, CrossEntropyLoss, SGD 1e-3, batch 64).
    g = torch.Generator().manual_seed(0)
    images = torch.randint(0, 256, (320, 1, 28, 28), dtype=torch.uint8, generator=g)
    labels = torch.randint(0, 10, (320,), generator=g)
    names = tuple(str(i) for i in range(10))
    data = TensorData("tiny_fashion", "classification", images, labels, images[:64], labels[:64], names, 1 / 255)
    trainer = Trainer(PRESETS["fashion_mlp"], data, TrainConfig(data="tiny_fashion", epochs=2))
    trainer.run()
    model = build_model(PRESETS["fashion_mlp"], seed=0)
    reference_loop(model, data, nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=1e-3), 64, 2)
    for ours, theirs in zip(trainer.model.parameters(), model.parameters()):
        torch.testing.assert_close(ours, theirs)


def travelled(trainer: Trainer, data: TensorData) -> Trainer:
    """The trainer as a training process gets it and sends it back: pickled without its data."""
    import pickle

    blob = pickle.dumps(trainer)
    assert len(blob) < 200_000  # the data stayed home
    return pickle.loads(blob).with_data(data)


@pytest.mark.parametrize("per_batch", [False, True], ids=["fast path", "per-batch path"])
@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_a_pickled_trainer_goes_on_exactly_where_it_was_mid_epoch(per_batch, optimizer):
    spec, data = mlp(dropout=True), blobs()
    config = TrainConfig(data="blobs", optimizer=optimizer, lr=0.05, momentum=0.5 if optimizer == "sgd" else 0.0,
                         batch_size=16, epochs=3, shuffle=True, seed=5)
    callback = (lambda report: None) if per_batch else None
    whole = Trainer(spec, data, config, on_batch=callback)
    whole.run()
    pieces = Trainer(spec, data, config, on_batch=callback)
    assert pieces.fast is not per_batch
    for number in range(200):
        if pieces.finished:
            break
        pieces = travelled(pieces, data)
        pieces.on_batch = callback
        assert pieces.status in ("ready", "paused")
        pieces.run_epoch() if number % 5 == 4 else pieces.step()  # mostly mid-epoch: 12 batches an epoch
    assert pieces.status == "done" and pieces.epoch == 3
    assert pieces.batch_losses == whole.batch_losses
    assert [(r.train_loss, r.test_loss, r.test_accuracy) for r in pieces.history] == [
        (r.train_loss, r.test_loss, r.test_accuracy) for r in whole.history]
    assert all(torch.equal(a, b) for a, b in zip(weights(whole.model), weights(pieces.model)))


def test_a_pickled_trainer_keeps_gradients_problem_and_refuses_other_data():
    trainer, data = diverged_run()
    back = travelled(trainer, data)
    assert back.status == "diverged" and back.problem.key == "train_diverged"
    assert str(back.problem) == str(trainer.problem)
    for ours, theirs in zip(back.model.parameters(), trainer.model.parameters()):
        assert torch.equal(ours, theirs) and ours.grad is not None
        torch.testing.assert_close(ours.grad, theirs.grad, rtol=0, atol=0, equal_nan=True)  # the last step's
    import pickle

    with pytest.raises(ValueError):
        pickle.loads(pickle.dumps(trainer)).with_data(blobs())  # 180 examples, not 40: not this run's data


def report(epoch, loss, accuracy=None):
    """An EpochReport with the same train and test numbers."""
    return EpochReport(epoch, loss, accuracy, loss, accuracy, 0.1)


def test_blow_up_rule_on_made_up_histories():
    calm = [2.0, 1.5, 1.0]  # batch losses that never jump
    # A loss that ends far above the starting model's, finite or not, whatever the accuracy.
    verdict = blew_up([report(1, 0.5), report(2, 2500.0)], calm, 2.3, None, 10.0)
    assert verdict.key == "train_blew_up_loss" and "2.3 at the start to 2500" in str(verdict)
    assert "ten times smaller (1)" in str(verdict) and "SGD" in str(verdict)
    assert blew_up([report(1, math.inf)], calm, 2.3, None, 1.0).key == "train_blew_up_loss"
    # A classifier that had learned, then fell back to chance (10 classes: 10 %), its loss still moderate.
    verdict = blew_up([report(1, 0.6, 80.0), report(2, 2.4, 12.0)], calm, 2.3, 10, 3.0)
    assert verdict.key == "train_blew_up_accuracy" and "reached 80.0%, then fell to 12.0%" in str(verdict)
    # A classifier at chance all along whose loss jumped on the way (a network thrown out, e.g. dead ReLUs).
    verdict = blew_up([report(1, 4.3, 9.4), report(2, 2.5, 10.6)], [2.3, 900.0, 2.4], 2.3, 10, 10.0)
    assert verdict.key == "train_blew_up_chance" and "shot up to 900" in str(verdict)
    # Not blown up: learning, a learning rate too small to learn (chance, no jump), a loss a little above the
    # start, a noisy batch in a run that learns, or no epoch yet.
    assert blew_up([report(1, 1.0, 60.0), report(2, 0.4, 85.0)], [2.3, 50.0, 1.0], 2.3, 10, 1e-3) is None
    assert blew_up([report(1, 2.4, 10.0), report(2, 2.5, 11.0)], [2.3, 2.5, 2.4], 2.3, 10, 1e-6) is None
    assert blew_up([report(1, 0.2, 90.0), report(2, 0.9, 70.0)], calm, 0.7, 2, 0.1) is None
    assert blew_up([], calm, 2.3, 10, 10.0) is None and blew_up([report(1, 5.0)], calm, None, None, 1.0) is None


def digits_mlp() -> ModelSpec:
    """A small ReLU network for the 8x8 digits."""
    return ModelSpec((1, 8, 8), (L("Flatten"), L("Linear", in_features=64, out_features=32), L("ReLU"),
                                 L("Linear", in_features=32, out_features=10)))


@pytest.mark.parametrize("fast", [True, False], ids=["fast path", "per-batch path"])
def test_a_huge_learning_rate_that_stays_finite_is_caught_as_a_blow_up(fast):
    from engine.data import load_dataset

    data = load_dataset("digits")
    calm = Trainer(digits_mlp(), data, TrainConfig(data="digits", optimizer="adam", lr=1e-2, epochs=3))
    calm.run()
    assert calm.status == "done" and calm.history[-1].test_accuracy > 80 and calm.blow_up is None
    wild = Trainer(digits_mlp(), data, TrainConfig(data="digits", optimizer="adam", lr=10.0, epochs=3),
                   on_batch=None if fast else (lambda report: None))
    assert wild.starting_loss == pytest.approx(calm.starting_loss) == pytest.approx(math.log(10), rel=0.1)
    wild.run()
    assert wild.fast is fast
    assert wild.status == "done" and wild.problem is None  # no inf or NaN: the divergence check saw nothing
    assert all(math.isfinite(r.train_loss) for r in wild.history)
    assert wild.history[-1].test_accuracy < 15  # guessing, as Adam at lr 10 leaves FashionMNIST
    assert wild.blow_up is not None and wild.blow_up.key.startswith("train_blew_up")
    assert "learning rate 10.0" in str(wild.blow_up)


def test_a_cnn_trains_like_the_seed_loop_and_travels_with_its_batchnorm_statistics():
    # A small CNN on tiny 12x12 images: the Trainer equals the seed's loop, BatchNorm's running statistics
    # included, and a run pickled mid-epoch (as the training processes do) ends with the same state.
    L = LayerSpec.of
    spec = ModelSpec((1, 12, 12), (
        L("Conv2d", in_channels=1, out_channels=4, kernel_size=3, padding=1), L("BatchNorm2d", num_features=4),
        L("ReLU"), L("MaxPool2d"), L("Conv2d", in_channels=4, out_channels=6, kernel_size=3, stride=2),
        L("Flatten"), L("Dropout", p=0.2), L("Linear", in_features=6 * 2 * 2, out_features=3)))
    g = torch.Generator().manual_seed(3)
    images = torch.randint(0, 256, (96, 1, 12, 12), dtype=torch.uint8, generator=g)
    labels = torch.randint(0, 3, (96,), generator=g)
    data = TensorData("tiny_images", "classification", images, labels, images[:32], labels[:32], ("a", "b", "c"),
                      1 / 255)
    config = TrainConfig(data="tiny_images", optimizer="adam", lr=0.01, batch_size=16, epochs=2)
    whole = Trainer(spec, data, config)
    whole.run()
    no_dropout = ModelSpec(spec.input_shape, tuple(layer for layer in spec.layers if layer.kind != "Dropout"))
    plain = Trainer(no_dropout, data, config)
    plain.run()
    # In the Trainer's layout (channels_last on the CPU): the bias of a convolution before BatchNorm has a gradient
    # that is 0 up to rounding, which differs between layouts, and Adam turns any such rounding into a whole lr step.
    model = build_model(no_dropout, seed=0).to(memory_format=torch.channels_last)
    reference_loop(model, data, nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr=0.01), 16, 2)
    for ours, theirs in zip(plain.model.state_dict().values(), model.state_dict().values()):
        torch.testing.assert_close(ours, theirs)  # weights and running_mean / running_var / num_batches_tracked
    pieces = Trainer(spec, data, config)
    while not pieces.finished:
        pieces = travelled(pieces, data)
        pieces.step()
    assert pieces.batch_losses == whole.batch_losses
    assert all(torch.equal(a, b) for a, b in zip(whole.model.state_dict().values(), pieces.model.state_dict().values()))
