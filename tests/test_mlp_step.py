"""The hand-written MLP step (engine/training/mlp_step.py) gives autograd's numbers bit for bit.

Each run is made twice from the same seed: with the hand-written step (the Trainer's fast mode on
a plain MLP with plain SGD) and with autograd (the per-batch path: loss.backward() and
torch.optim.SGD.step()). Losses, weights and the gradients left in .grad must be torch.equal, not
close. Configurations it does not cover must fall back to autograd and still train.
"""

import copy
import pickle

import pytest
import torch
from torch import nn

from engine import PRESETS, LayerSpec, ModelSpec, build_model
from engine.data import load_dataset
from engine.data.base import TensorData
from engine.training import TrainConfig, Trainer
from engine.training.mlp_step import MlpStep
from tests.test_playground_speed import both_paths
from tests.test_trainer import diverged_run, line

L = LayerSpec.of


def chain(*hidden: int, activation: str = "Tanh", inputs: int = 2, outputs: int = 2, bias: bool = True) -> ModelSpec:
    """inputs -> hidden... -> outputs, `activation` after each hidden layer."""
    sizes, layers = (inputs, *hidden), []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        layers += [L("Linear", in_features=fan_in, out_features=fan_out, bias=bias), L(activation)]
    return ModelSpec((inputs,), (*layers, L("Linear", in_features=sizes[-1], out_features=outputs, bias=bias)))


def run_both(spec: ModelSpec, config: TrainConfig, data: TensorData | None = None) -> tuple[Trainer, Trainer]:
    """The same run with the hand-written step and with autograd (per-batch path), both finished."""
    hand, autograd = both_paths(spec, config, data)
    assert hand.hand_written and not autograd.hand_written
    return hand, autograd


def assert_bit_equal(hand: Trainer, autograd: Trainer) -> None:
    assert hand.status == autograd.status
    assert hand.batch_losses == autograd.batch_losses and hand.batch_losses  # floats of equal tensors
    assert [r.train_accuracy for r in hand.history] == [r.train_accuracy for r in autograd.history]
    for ours, theirs in zip(hand.model.parameters(), autograd.model.parameters(), strict=True):
        assert torch.equal(ours, theirs)
        assert ours.grad is not None and torch.equal(ours.grad, theirs.grad)  # the last step's gradient


CASES = {  # id: (spec, config)
    "circle 4-2 tanh, batch 10, shuffled": (
        PRESETS["playground_circle"], TrainConfig("circle", lr=0.03, batch_size=10, epochs=6, shuffle=True, seed=3)),
    "spiral 8x6 relu, batch 10, shuffled": (
        PRESETS["playground_spiral"], TrainConfig("spiral", lr=0.03, batch_size=10, epochs=5, shuffle=True, seed=1)),
    "spiral 8x6 tanh, batch 10, in order": (
        chain(8, 8, 8, 8, 8, 8), TrainConfig("spiral", lr=0.03, batch_size=10, epochs=5, shuffle=False)),
    "circle 4-2 sigmoid, batch 1, shuffled": (
        chain(4, 2, activation="Sigmoid"), TrainConfig("circle", lr=0.1, batch_size=1, epochs=2, shuffle=True)),
    "xor 8 leaky relu, batch 7 (last batch short)": (
        chain(8, activation="LeakyReLU"), TrainConfig("xor", lr=0.05, batch_size=7, epochs=3, shuffle=True)),
    "circle width 1, identity, no biases, batch 1": (
        chain(3, 1, 3, activation="Identity", bias=False), TrainConfig("circle", lr=0.01, batch_size=1, epochs=2)),
    "reg_plane mse 6-3 tanh, batch 10, shuffled": (
        chain(6, 3, outputs=1), TrainConfig("reg_plane", loss="mse", lr=0.01, batch_size=10, epochs=4, shuffle=True)),
    "reg_plane mse 8 relu, batch 1": (
        chain(8, activation="ReLU", outputs=1), TrainConfig("reg_plane", loss="mse", lr=0.003, batch_size=1, epochs=2)),
}


@pytest.mark.parametrize("case", CASES)
def test_the_hand_written_step_equals_autograd_bit_for_bit(case):
    spec, config = CASES[case]
    hand, autograd = run_both(spec, config)
    assert hand.status == "done" and len(hand.history) == config.epochs
    assert hand.history[-1].train_loss < hand.history[0].train_loss  # it did learn something
    assert_bit_equal(hand, autograd)


def test_it_also_equals_the_fast_autograd_step_and_a_plain_pytorch_loop():
    """Against the fast mode's own autograd step and torch.optim.SGD on the raw data, in order."""
    spec, config = PRESETS["playground_spiral"], TrainConfig("spiral", lr=0.03, batch_size=10, epochs=3)
    data = load_dataset("spiral")
    hand, fast_autograd = Trainer(spec, data, config), Trainer(spec, data, config)
    fast_autograd._mlp_step = None  # the fast mode's autograd.grad + foreach update
    assert hand.hand_written and fast_autograd.fast and not fast_autograd.hand_written
    hand.run()
    fast_autograd.run()
    assert_bit_equal(hand, fast_autograd)
    model = build_model(spec, seed=config.seed)
    optimizer, loss_fn, losses = torch.optim.SGD(model.parameters(), lr=0.03), nn.CrossEntropyLoss(), []
    for _ in range(config.epochs):
        for start in range(0, len(data.train_x), 10):
            loss = loss_fn(model(data.train_x[start:start + 10]), data.train_y[start:start + 10])
            losses.append(loss.item())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    assert hand.batch_losses == losses
    assert all(torch.equal(a, b) for a, b in zip(hand.model.parameters(), model.parameters(), strict=True))


ODD_MODELS = {  # shapes where torch's backward picks other memory layouts (width 1, batch 1, column-major)
    "width 1": lambda: nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1), nn.ReLU(), nn.Linear(1, 5)),
    "activation first, no bias": lambda: nn.Sequential(nn.Sigmoid(), nn.Linear(3, 30, bias=False), nn.LeakyReLU(0.2),
                                                       nn.Linear(30, 5)),
    "nested sequentials": lambda: nn.Sequential(nn.Sequential(nn.Linear(3, 6), nn.ReLU()), nn.Identity(),
                                                nn.Sequential(nn.Linear(6, 5))),
}


@pytest.mark.parametrize("batch", [1, 2, 64])
@pytest.mark.parametrize("loss_fn", [nn.CrossEntropyLoss(), nn.MSELoss()], ids=["cross_entropy", "mse"])
@pytest.mark.parametrize("layout", ["rows", "columns"])
@pytest.mark.parametrize("make", ODD_MODELS.values(), ids=ODD_MODELS)
def test_one_step_equals_autograd_and_sgd_on_odd_shapes(make, layout, loss_fn, batch):
    g = torch.Generator().manual_seed(batch)
    model = make()
    for p in model.parameters():
        nn.init.normal_(p, generator=g)
    x = torch.randn(batch, 3, generator=g) if layout == "rows" else torch.randn(3, batch, generator=g).t()
    target = (torch.randint(0, 5, (batch,), generator=g) if isinstance(loss_fn, nn.CrossEntropyLoss)
              else torch.randn(batch, 5, generator=g))
    reference = copy.deepcopy(model)
    expected_output = reference(x)
    expected_loss = loss_fn(expected_output, target)
    expected_loss.backward()
    torch.optim.SGD(reference.parameters(), lr=0.1).step()
    step = MlpStep.for_model(model, loss_fn)
    loss, output, grads = step(x, target, 0.1)
    assert torch.equal(loss, expected_loss) and torch.equal(output, expected_output)
    assert [g.shape for g in grads] == [p.shape for p in step.params]
    expected = [p.grad for p in reference.parameters()]
    assert all(torch.equal(ours, theirs) for ours, theirs in zip(grads, expected, strict=True))
    assert all(torch.equal(ours, theirs) for ours, theirs in zip(model.parameters(), reference.parameters()))


def test_a_batch_mse_would_broadcast_is_left_to_autograd():
    model, loss_fn = nn.Sequential(nn.Linear(2, 1)), nn.MSELoss()
    step = MlpStep.for_model(model, loss_fn)
    before = model[0].weight.detach().clone()
    assert step(torch.ones(4, 2), torch.ones(4), 0.1) is None  # (4, 1) against (4,): autograd's broadcast, not ours
    assert step(torch.ones(4, 2, dtype=torch.float64), torch.ones(4, 1), 0.1) is None
    assert torch.equal(model[0].weight, before)  # refused before any update
    assert step(torch.ones(4, 2), torch.ones(4, 1), 0.1) is not None
    assert not torch.equal(model[0].weight, before)


def hooked(on: str) -> nn.Module:
    """A one-layer model with a forward hook on the model itself or on its layer."""
    model = nn.Sequential(nn.Linear(2, 2))
    (model if on == "model" else model[0]).register_forward_hook(lambda module, inputs, output: None)
    return model


def shared() -> nn.Module:
    """One Linear called twice: autograd adds up its two gradients."""
    linear = nn.Linear(2, 2)
    return nn.Sequential(linear, nn.Tanh(), linear)


UNSUPPORTED_MODULES = {
    "dropout": (lambda: nn.Sequential(nn.Linear(2, 4), nn.Dropout(0.1), nn.Linear(4, 2)), nn.CrossEntropyLoss()),
    "gelu": (lambda: nn.Sequential(nn.Linear(2, 4), nn.GELU(), nn.Linear(4, 2)), nn.CrossEntropyLoss()),
    "softmax": (lambda: nn.Sequential(nn.Linear(2, 2), nn.Softmax(1)), nn.MSELoss()),
    "a layer used twice": (shared, nn.CrossEntropyLoss()),
    "a frozen layer": (lambda: nn.Sequential(nn.Linear(2, 4).requires_grad_(False), nn.Tanh(), nn.Linear(4, 2)),
                       nn.CrossEntropyLoss()),
    "a hook on a layer": (lambda: hooked("layer"), nn.CrossEntropyLoss()),
    "a hook on the model": (lambda: hooked("model"), nn.CrossEntropyLoss()),
    "inplace relu": (lambda: nn.Sequential(nn.Linear(2, 4), nn.ReLU(inplace=True), nn.Linear(4, 2)),
                     nn.CrossEntropyLoss()),
    "weighted cross entropy": (lambda: nn.Sequential(nn.Linear(2, 2)), nn.CrossEntropyLoss(torch.ones(2))),
    "label smoothing": (lambda: nn.Sequential(nn.Linear(2, 2)), nn.CrossEntropyLoss(label_smoothing=0.1)),
    "summed mse": (lambda: nn.Sequential(nn.Linear(2, 2)), nn.MSELoss(reduction="sum")),
    "bce": (lambda: nn.Sequential(nn.Linear(2, 1)), nn.BCEWithLogitsLoss()),
    "float64": (lambda: nn.Sequential(nn.Linear(2, 2)).double(), nn.CrossEntropyLoss()),
}


@pytest.mark.parametrize("case", UNSUPPORTED_MODULES)
def test_unsupported_models_and_losses_get_no_hand_written_step(case):
    make, loss_fn = UNSUPPORTED_MODULES[case]
    assert MlpStep.for_model(make(), loss_fn) is None
    assert MlpStep.for_model(nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 2)), nn.CrossEntropyLoss())


FALLBACKS = {  # id: (spec, config): each trains through autograd, exactly as the per-batch path does
    "dropout": (ModelSpec((2,), (L("Linear", in_features=2, out_features=8), L("Tanh"), L("Dropout", p=0.2),
                                 L("Linear", in_features=8, out_features=2))),
                TrainConfig("circle", lr=0.03, batch_size=10, epochs=3, shuffle=True)),
    "l2": (PRESETS["playground_circle"], TrainConfig("circle", lr=0.03, batch_size=10, epochs=3, l2=0.01)),
    "l1": (PRESETS["playground_circle"], TrainConfig("circle", lr=0.03, batch_size=10, epochs=3, l1=0.001)),
    "adam": (PRESETS["playground_circle"], TrainConfig("circle", optimizer="adam", lr=0.03, batch_size=10, epochs=3)),
    "momentum": (PRESETS["playground_circle"], TrainConfig("circle", lr=0.03, momentum=0.9, batch_size=10, epochs=3)),
    "bce": (chain(4, 2, outputs=1), TrainConfig("circle", loss="bce_with_logits", lr=0.1, batch_size=10, epochs=3)),
    "gelu": (chain(4, 2, activation="GELU"), TrainConfig("circle", lr=0.1, batch_size=10, epochs=3)),
}


@pytest.mark.parametrize("case", FALLBACKS)
def test_other_configurations_fall_back_to_autograd_and_still_train(case):
    spec, config = FALLBACKS[case]
    data = load_dataset(config.data)
    fast = Trainer(spec, data, config)
    assert fast.fast and not fast.hand_written
    before = [p.detach().clone() for p in fast.model.parameters()]
    fast.run()
    assert fast.status == "done" and len(fast.batch_losses) == 3 * 25
    assert all(not torch.equal(a, b) for a, b in zip(before, fast.model.parameters()))
    reference = Trainer(spec, data, config, on_batch=lambda report: None)
    reference.run()
    assert fast.batch_losses == reference.batch_losses
    assert all(torch.equal(a, b) for a, b in zip(fast.model.parameters(), reference.model.parameters()))


def test_divergence_is_caught_with_the_last_good_weights():
    hand, data = diverged_run()  # tests/test_trainer.py's: one Linear, MSE, learning rate 10
    relu = Trainer(chain(8, activation="ReLU", inputs=1, outputs=1), data, hand.config)
    later = Trainer(chain(8, inputs=1, outputs=1), data, TrainConfig(data="line", loss="mse", lr=0.3, batch_size=4,
                                                                     epochs=50))
    relu.run()
    later.run()
    assert later.problem.params["good_epoch"] == 3  # diverges in its third epoch: the kept weights have trained
    for run in (hand, relu, later):
        assert run.hand_written and run.status == "diverged" and run.problem.key == "train_diverged"
        assert all(torch.isfinite(p).all() for p in run.model.parameters())
        autograd = Trainer(run.spec, data, run.config)
        autograd._mlp_step = None  # the fast mode's autograd step, with the same flushes
        autograd.run()
        assert str(run.problem) == str(autograd.problem) and run.batch_losses == autograd.batch_losses
        assert all(torch.equal(a, b) for a, b in zip(run.model.parameters(), autograd.model.parameters()))
        # The weights kept are those at the start of the epoch the message names as the last good one.
        good_epoch, good_batch = run.problem.params["good_epoch"], run.problem.params["good_batch"]
        again = Trainer(run.spec, data, run.config)
        for _ in range(good_epoch - 1):
            again.run_epoch()
        assert good_batch == 1 and again.epoch == good_epoch - 1
        assert all(torch.equal(a, b) for a, b in zip(run.model.parameters(), again.model.parameters()))


def test_a_pickled_trainer_rebuilds_its_step_and_goes_on_exactly():
    spec, config = PRESETS["playground_circle"], TrainConfig("circle", lr=0.03, batch_size=10, epochs=3, shuffle=True)
    data = load_dataset("circle")
    whole = Trainer(spec, data, config)
    whole.run()
    pieces = Trainer(spec, data, config)
    while not pieces.finished:
        blob = pickle.dumps(pieces)
        assert b"MlpStep" not in blob  # rebuilt by the receiver, never shipped
        pieces = pickle.loads(blob).with_data(data)
        assert pieces.hand_written and pieces._mlp_step.params[0] is next(pieces.model.parameters())
        for _ in range(7):  # mid-epoch: 25 batches an epoch
            pieces.step()
    assert pieces.batch_losses == whole.batch_losses
    assert all(torch.equal(a, b) for a, b in zip(whole.model.parameters(), pieces.model.parameters()))
    pieces.reset()  # a fresh model: the step must follow it
    assert pieces._mlp_step.params[0] is next(pieces.model.parameters())


def test_regression_line_data_trains_through_the_hand_written_step():
    """tests/test_trainer.py's regression data: two targets per example, in order, batch 4."""
    spec = chain(8, inputs=1, outputs=2)
    config = TrainConfig(data="line", loss="mse", lr=0.01, batch_size=4, epochs=5)
    hand, autograd = run_both(spec, config, line())
    assert_bit_equal(hand, autograd)
