"""Learning-rate schedules: the Trainer's learning rate per batch is torch's scheduler's, on every path,
after a trip to another process and after a saved run is taken up again."""

import pickle

import pytest
import torch

from engine.data.base import TensorData
from engine.errors import PlaygroundError
from engine.network.spec import LayerSpec, ModelSpec
from engine.training import TrainConfig, Trainer

L = LayerSpec.of


def blobs(n=200, seed=1) -> TensorData:
    """Three Gaussian blobs in 2-D: 150 training examples, 50 test."""
    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % 3
    x = torch.randn(n, 2, generator=g) + torch.stack([y.float() * 2, (y % 2).float() * 3], 1)
    return TensorData("blobs", "classification", x[:150], y[:150], x[150:], y[150:], ("0", "1", "2"))


SPEC = ModelSpec((2,), (L("Linear", in_features=2, out_features=8), L("ReLU"),
                        L("Linear", in_features=8, out_features=3)))


def torch_lrs(schedule: str, lr: float, steps: int) -> list[float]:
    """The learning rate of each of `steps` batches, from torch's own scheduler on a throwaway optimizer."""
    optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)
    if schedule == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=steps, cycle_momentum=False)
    else:
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=steps)
    lrs = []
    for _ in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return lrs


def trained_lrs(trainer: Trainer, travel: bool = False) -> tuple[list[float], Trainer]:
    """Train batch by batch, noting the learning rate each batch trains with; pickled between batches if asked,
    as a run moving between training processes is (then the trainer returned is the last copy)."""
    lrs = []
    while not trainer.finished:
        if travel:
            trainer = pickle.loads(pickle.dumps(trainer)).with_data(trainer.data)
        lrs.append(trainer.lr)
        trainer.step()
    return lrs, trainer


@pytest.mark.parametrize("optimizer", ["sgd", "adam"], ids=["hand-written SGD step", "torch's Adam step"])
@pytest.mark.parametrize("schedule", ["onecycle", "cosine"])
def test_the_learning_rate_per_batch_is_torchs(schedule, optimizer):
    config = TrainConfig("blobs", optimizer=optimizer, lr=0.05, batch_size=16, epochs=3, shuffle=True,
                         schedule=schedule)
    trainer = Trainer(SPEC, blobs(), config)
    steps = 3 * trainer.batches_per_epoch
    assert trained_lrs(trainer)[0] == torch_lrs(schedule, 0.05, steps)
    assert trainer.status == "done" and trainer.steps == steps


def test_the_schedule_moves_the_weights_as_torch_does():
    # Plain SGD takes the hand-written step (no optimizer.step()): it must use the scheduled rate, not the config's.
    data, config = blobs(), TrainConfig("blobs", optimizer="sgd", lr=0.1, batch_size=50, epochs=4, schedule="onecycle")
    trainer = Trainer(SPEC, data, config)
    assert trainer.hand_written
    trainer.run()
    from engine import build_model

    model = build_model(SPEC, seed=0)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, total_steps=12, cycle_momentum=False)
    for _ in range(4):
        for start in range(0, 150, 50):
            x, y = data.train_x[start:start + 50], data.train_y[start:start + 50]
            loss = torch.nn.functional.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
    for ours, theirs in zip(trainer.model.parameters(), model.parameters()):
        torch.testing.assert_close(ours, theirs)


def test_a_pickled_trainer_goes_on_with_the_same_schedule():
    config = TrainConfig("blobs", optimizer="adam", lr=0.02, batch_size=16, epochs=2, shuffle=True, schedule="onecycle")
    whole, pieces = Trainer(SPEC, blobs(), config), Trainer(SPEC, blobs(), config)
    lrs, pieces = trained_lrs(pieces, travel=True)
    assert lrs == trained_lrs(whole)[0] and pieces.status == "done"
    assert all(torch.equal(a, b) for a, b in zip(whole.model.parameters(), pieces.model.parameters()))


def test_a_saved_run_taken_up_again_starts_its_next_epoch_at_the_scheduled_rate():
    config = TrainConfig("blobs", optimizer="adam", lr=0.02, batch_size=16, epochs=3, schedule="cosine")
    first = Trainer(SPEC, blobs(), config)
    first.run_epoch()
    resumed = Trainer(SPEC, blobs(), config, model=first.model)
    resumed.resume_saved(list(first.history), first.seconds, "paused")
    assert resumed.lr == first.lr == torch_lrs("cosine", 0.02, 30)[first.batches_per_epoch]
    assert trained_lrs(resumed)[0] == trained_lrs(first)[0]


def test_the_schedule_is_part_of_the_config():
    config = TrainConfig("blobs", schedule="onecycle")
    assert TrainConfig.from_dict(config.to_dict()) == config
    old = {key: value for key, value in config.to_dict().items() if key != "schedule"}  # saved before schedules
    assert TrainConfig.from_dict(old).schedule is None
    with pytest.raises(PlaygroundError) as error:
        TrainConfig("blobs", schedule="step")
    assert error.value.key == "train_unknown_schedule" and "onecycle, cosine" in str(error.value)
