"""The gang (engine/training/gang.py): many runs stepped together give each run the numbers of its run
alone, bit for bit (weights, gradients, batch losses, history but for its timings), whatever joins,
leaves, pauses, stops, diverges or is paced beside it."""

from __future__ import annotations

import threading
import time

import pytest
import torch

from engine import PRESETS, LayerSpec, ModelSpec
from engine.data import load_dataset
from engine.data.base import TensorData
from engine.training import TrainConfig, Trainer
from engine.training.gang import Gang, _Group
from engine.training.gang_step import BOUND
from tests.test_mlp_step import chain
from tests.test_trainer import diverged_run

L = LayerSpec.of
DATA = {}  # a data set is loaded once per test session: loading is not what these tests test


def data(name: str) -> TensorData:
    """The bundled 2-D data set `name`."""
    if name not in DATA:
        DATA[name] = load_dataset(name)
    return DATA[name]


def run(spec: ModelSpec, config: TrainConfig) -> Trainer:
    """A fresh run on its data set, not trained yet."""
    return Trainer(spec, data(config.data), config)


def train_all(gang: Gang, seconds: float = 0.02, limit: float = 60.0) -> list[str]:
    """Call `train` until the gang is empty; the keys it answered, in order."""
    ended, started = [], time.perf_counter()
    while len(gang):
        ended += gang.train(seconds)
        assert time.perf_counter() - started < limit
    return ended


def close(ours, alone, bound: float = BOUND) -> bool:
    """Equal within `bound` relative to the largest value (exactly equal when the bound is 0)."""
    ours, alone = torch.as_tensor(ours, dtype=torch.float64), torch.as_tensor(alone, dtype=torch.float64)
    return ours.shape == alone.shape and bool((ours - alone).abs().max() <= bound * alone.abs().max())


def assert_same_run(ours: Trainer, alone: Trainer, bound: float = BOUND, history_bound: float = BOUND) -> None:
    """`ours` holds `alone`'s numbers within `bound` (weights, gradients, losses) and `history_bound` (its
    history but for timings)."""
    assert (ours.status, ours.epoch, ours.batch, ours.steps) == (alone.status, alone.epoch, alone.batch, alone.steps)
    assert ours.batch_losses and close(ours.batch_losses, alone.batch_losses, bound)
    for p, q in zip(ours.model.parameters(), alone.model.parameters(), strict=True):
        assert close(p.detach(), q.detach(), bound) and close(p.grad, q.grad, bound)
    assert len(ours.history) == len(alone.history)
    # Within a bound, a prediction right on the edge may flip: one example of the split, at most.
    examples = {"train_accuracy": len(alone.data.train_x), "test_accuracy": len(alone.data.test_x)}
    for a, b in zip(ours.history, alone.history):
        a, b = a.to_dict(), b.to_dict()
        for name, count in examples.items():
            if b[name] is not None:
                assert abs(a.pop(name) - b.pop(name)) <= (100 / count if history_bound else 0)
        for name in ("train_loss", "test_loss", "test_loss_by_batch"):  # float64 sums added in other pieces
            assert close([a.pop(name)], [b.pop(name)], max(history_bound, 1e-12))
        a.pop("seconds"), b.pop("seconds")
        assert a == b


CASES = {  # id: (spec, data, configs of the members; the same shape, so they share one group)
    "circle 2-4-2-2 tanh, batch 10, three learning rates": (
        PRESETS["playground_circle"], [TrainConfig("circle", lr=lr, batch_size=10, epochs=4, shuffle=True, seed=seed)
                                       for seed, lr in enumerate((0.03, 0.1, 0.03, 0.3))]),
    "spiral 2-8x6-2 relu, batch 10": (
        PRESETS["playground_spiral"], [TrainConfig("spiral", lr=0.03, batch_size=10, epochs=3, shuffle=True, seed=s)
                                       for s in range(3)]),
    "xor 3 hidden sigmoid, batch 1": (
        chain(5, 4, 3, activation="Sigmoid"), [TrainConfig("xor", lr=0.3, batch_size=1, epochs=1, shuffle=True, seed=s)
                                               for s in range(2)]),
    "gauss 3 hidden leaky relu, batch 30 (last batch short)": (
        chain(6, 6, 6, activation="LeakyReLU"), [TrainConfig("gauss", lr=0.05, batch_size=30, epochs=5, seed=s,
                                                             shuffle=s > 0) for s in range(3)]),
    "circle 3 hidden identity, batch 7, no bias": (
        chain(4, 4, 4, activation="Identity", bias=False),
        [TrainConfig("circle", lr=0.01, batch_size=7, epochs=3, shuffle=True, seed=s) for s in range(2)]),
    "reg_plane 2-8-8-1 tanh, MSE, batch 10": (
        chain(8, 8, outputs=1), [TrainConfig("reg_plane", loss="mse", lr=lr, batch_size=10, epochs=4, shuffle=True,
                                             seed=s) for s, lr in enumerate((0.01, 0.03, 0.003))]),
}


@pytest.mark.parametrize("case", CASES)
def test_each_member_gets_the_numbers_of_its_run_alone(case):
    spec, configs = CASES[case]
    gang, members = Gang(), [run(spec, config) for config in configs]
    for index, trainer in enumerate(members):
        assert Gang.fits(trainer)
        gang.add(str(index), trainer)
        assert trainer.status == "running" and str(index) in gang
    assert len(gang._groups) == 1  # one shape: one batched step for all of them
    assert sorted(train_all(gang)) == [str(i) for i in range(len(members))] and len(gang) == 0
    for trainer, config in zip(members, configs):
        alone = run(spec, config)
        alone.run()
        assert_same_run(trainer, alone)


def test_a_members_numbers_do_not_depend_on_who_trains_beside_it():
    """The batched kernels round each member's products alike whoever is stacked with it: bit for bit."""
    spec, configs = CASES["spiral 2-8x6-2 relu, batch 10"]
    other = TrainConfig(**{**configs[0].to_dict(), "lr": 0.3, "seed": 9})
    small, large = [run(spec, configs[0]), run(spec, other)], [run(spec, config) for config in (*configs, other)]
    for members in (small, large):
        gang = Gang()
        for index, trainer in enumerate(members):
            gang.add(str(index), trainer)
        train_all(gang)
    assert_same_run(small[0], large[0], bound=0.0, history_bound=0.0)


@pytest.mark.parametrize("case", ["spiral 2-8x6-2 relu, batch 10",
                                  "gauss 3 hidden leaky relu, batch 30 (last batch short)",
                                  "reg_plane 2-8-8-1 tanh, MSE, batch 10"])
def test_a_member_alone_in_its_group_takes_its_own_step(case):
    """Alone, a member steps with its Trainer's hand-written step: its run's weights and losses exactly."""
    spec, configs = CASES[case]
    ours, alone = run(spec, configs[0]), run(spec, configs[0])
    gang = Gang()
    gang.add("solo", ours)
    train_all(gang)
    alone.run()
    assert_same_run(ours, alone, bound=0.0)  # the test split's figures: the gang's batched evaluation


def test_members_of_other_shapes_train_side_by_side():
    configs = {key: CASES[key] for key in list(CASES)[:2]}
    gang, members = Gang(), {}
    for key, (spec, (config, *_)) in configs.items():
        members[key] = run(spec, config)
        gang.add(key, members[key])
    assert len(gang._groups) == 2
    train_all(gang)
    for key, (spec, (config, *_)) in configs.items():
        alone = run(spec, config)
        alone.run()
        assert_same_run(members[key], alone)


def test_members_join_mid_way_and_leave():
    spec = PRESETS["playground_circle"]
    config = TrainConfig("circle", lr=0.03, batch_size=10, epochs=6, shuffle=True, seed=1)
    first, second = run(spec, config), run(spec, TrainConfig(**{**config.to_dict(), "seed": 2}))
    gang = Gang()
    gang.add("first", first)
    gang.train(0.005)
    gang.add("second", second)  # joins mid-run, the first one somewhere in an epoch
    gang.train(0.005)
    assert 0 < first.steps and first.status == "running"
    left = gang.remove("first")  # the server has gone: up to date, paused, with its own parameters
    assert left is first and first.status == "paused" and "first" not in gang and len(gang) == 1
    assert first.mark().losses == first.steps
    first.run()  # goes on alone, exactly where it was
    train_all(gang)
    for trainer in (first, second):
        alone = run(spec, trainer.config)
        alone.run()
        assert_same_run(trainer, alone)
    assert first.model.state_dict()["0.weight"].data_ptr() != second.model.state_dict()["0.weight"].data_ptr()


def test_members_that_join_between_two_slices_are_stacked_in_once(monkeypatch):
    """A class pressing Play together: each join restacked the whole group, and the gang stood still meanwhile."""
    restacks = []
    real = _Group.restack
    monkeypatch.setattr(_Group, "restack", lambda group, members: restacks.append(len(members)) or real(group, members))
    spec = PRESETS["playground_circle"]
    # Long enough that nobody ends (and leaves: a restack too) within a slice.
    configs = [TrainConfig("circle", lr=0.03, batch_size=10, epochs=40, shuffle=True, seed=seed) for seed in range(6)]
    trainers = [run(spec, config) for config in configs]
    gang = Gang()
    for key, trainer in enumerate(trainers[:4]):
        gang.add(str(key), trainer)
    assert restacks == [] and len(gang) == 4
    gang.train(0.005)
    assert restacks == [4]  # four joins, one restack
    gang.add("4", trainers[4])
    gang.add("5", trainers[5])
    assert restacks == [4] and len(gang) == 6
    gang.train(0.005)
    assert restacks == [4, 6] and all(trainer.steps > 0 for trainer in trainers[:4])
    train_all(gang)
    for trainer in trainers:
        alone = run(spec, trainer.config)
        alone.run()
        assert_same_run(trainer, alone)


def test_members_that_join_apart_line_up_so_their_epochs_end_together():
    spec = PRESETS["playground_circle"]
    configs = [TrainConfig("circle", lr=0.03, batch_size=10, epochs=40, shuffle=True, seed=s) for s in range(3)]
    members = [run(spec, config) for config in configs]
    gang = Gang()
    gang.add("0", members[0])
    gang.train(0.003)
    members[0].pause()  # it stops mid-epoch: the next two join at batch 0, it comes back elsewhere
    gang.train(0.003)
    assert 0 < members[0].batch < 25
    for key in ("1", "2"):
        gang.add(key, members[int(key)])
        gang.train(0.003)
    gang.add("0", members[0])
    while min(m.epoch for m in members) < 4:
        gang.train(0.01)
    assert len({m.batch for m in members}) == 1  # in step: all at the same batch of their epochs
    train_all(gang)
    for trainer in members:  # lining up changed when each one stepped, not what it computed
        alone = run(spec, trainer.config)
        alone.run()
        assert_same_run(trainer, alone)


def test_a_member_lining_up_goes_on_when_those_it_waits_for_are_paced(one_thread):
    spec = PRESETS["playground_circle"]
    configs = [TrainConfig("circle", lr=0.03, batch_size=10, epochs=10_000, shuffle=True, seed=s) for s in range(2)]
    lead, late = run(spec, configs[0]), run(spec, configs[1])
    gang = Gang()
    gang.add("lead", lead)
    while lead.batch < 3:
        gang.train(0.001)
    gang.add("late", late)
    gang.train(0.001)  # `late` would sit out ~22 steps to line up with `lead`...
    lead.set_pace(0.5)  # ...but `lead` now takes a batch every 0.08 s
    gang.train(0.1)
    assert late.steps > 10


def test_trainers_may_lag_until_flushed():
    spec = PRESETS["playground_circle"]
    config = TrainConfig("circle", lr=0.03, batch_size=10, epochs=40, shuffle=True, seed=3)
    ours, alone = run(spec, config), run(spec, config)
    gang = Gang()
    gang.add("run", ours)
    gang.train(0.002, up_to_date=False)
    taken = ours.mark().losses
    gang.train(0.002, up_to_date=False)
    gang.flush(["run"])
    assert ours.mark().losses > taken and ours.steps == ours.mark().losses
    train_all(gang)
    alone.run()
    assert_same_run(ours, alone)


@pytest.mark.parametrize("until", ["batch", "epoch"])
def test_a_piece_of_work_ends_as_step_and_run_epoch_do(until):
    spec = PRESETS["playground_circle"]
    config = TrainConfig("circle", lr=0.03, batch_size=10, epochs=5, shuffle=True, seed=5)
    ours, alone = run(spec, config), run(spec, config)
    gang = Gang()
    for _ in range(3):
        gang.add("run", ours, until)
        assert train_all(gang) == ["run"]
        alone.step() if until == "batch" else alone.run_epoch()
        assert ours.status == alone.status == "paused"
        assert_same_run(ours, alone)


@pytest.fixture
def one_thread():
    """One torch thread, as a training process runs (classroom/child.py): timings mean something on a
    busy two-core machine, where two threads wait on each other. Restored afterwards."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_a_pause_or_stop_from_another_thread_is_answered_within_milliseconds(one_thread):
    spec = PRESETS["playground_spiral"]
    configs = [TrainConfig("spiral", lr=0.03, batch_size=10, epochs=10_000, shuffle=True, seed=s) for s in range(3)]
    members = [run(spec, config) for config in configs]
    gang = Gang()
    for index, trainer in enumerate(members):
        gang.add(str(index), trainer)
    asked = {}

    def ask() -> None:
        time.sleep(0.05)
        asked["pause"] = time.perf_counter()
        members[0].pause()
        time.sleep(0.05)
        asked["stop"] = time.perf_counter()
        members[1].stop()

    thread = threading.Thread(target=ask)
    thread.start()
    answered = {}
    while len(answered) < 2:
        for key in gang.train(0.01):
            answered[key] = time.perf_counter()
    thread.join()
    assert members[0].status == "paused" and members[1].status == "stopped" and members[2].status == "running"
    # The gang looks every ROUND (5 ms); the margin is for a busy test machine and the end of `train`.
    assert answered["0"] - asked["pause"] < 0.5 and answered["1"] - asked["stop"] < 0.5
    for trainer in members[:2]:  # up to date when answered: its numbers are its run's so far
        done = trainer.epoch * trainer.batches_per_epoch + trainer.batch
        assert len(trainer.batch_losses) == trainer.steps == done > 0
    gang.remove("2")
    members[0].run_epoch()  # a paused run goes on alone where it was
    assert members[0].status == "paused" and members[0].batch == 0


def test_a_paced_member_takes_only_the_batches_that_are_due(one_thread):
    spec = PRESETS["playground_circle"]
    configs = [TrainConfig("circle", lr=0.03, batch_size=10, epochs=10_000, shuffle=True, seed=s) for s in range(2)]
    paced, free = run(spec, configs[0]), run(spec, configs[1])
    paced.set_pace(4.0)  # 4 epochs a second: 100 batches a second
    gang = Gang()
    gang.add("paced", paced)
    gang.add("free", free)
    started = time.perf_counter()
    while time.perf_counter() - started < 0.5:
        gang.train(0.05)
    elapsed = time.perf_counter() - started
    assert paced.steps <= 4 * 25 * elapsed + 2
    assert paced.steps >= 0.5 * 4 * 25 * elapsed  # keeps up on a busy machine
    assert free.steps > 2 * paced.steps


def test_a_paced_member_alone_waits_instead_of_spinning(one_thread):
    spec = PRESETS["playground_circle"]
    paced = run(spec, TrainConfig("circle", lr=0.03, batch_size=10, epochs=100, shuffle=True, seed=1))
    paced.set_pace(4.0)  # 100 batches a second
    gang = Gang()
    gang.add("paced", paced)
    cpu, wall = time.process_time(), time.perf_counter()
    gang.train(0.3)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert 20 <= paced.steps <= 100 * wall + 2
    assert cpu < 0.6 * wall  # it slept between batches


def test_a_diverging_member_ends_alone_and_harms_nobody():
    alone, steep = diverged_run()
    calm_config = TrainConfig(data="line", loss="mse", lr=0.001, batch_size=4, epochs=50)
    spec = PRESETS["temperature_linear"]
    wild = Trainer(spec, steep, TrainConfig(data="line", loss="mse", lr=10.0, batch_size=4, epochs=50))
    calm = Trainer(spec, steep, calm_config)
    gang = Gang()
    gang.add("wild", wild)
    gang.add("calm", calm)
    ended = train_all(gang, seconds=5.0)
    assert ended == ["wild", "calm"]
    assert wild.status == "diverged" and str(wild.problem) == str(alone.problem)
    assert all(torch.equal(p, q) for p, q in zip(wild.model.parameters(), alone.model.parameters()))
    calm_alone = Trainer(spec, steep, calm_config)
    calm_alone.run()
    assert_same_run(calm, calm_alone)


def test_fits_only_plain_sgd_on_plain_mlps():
    spec = PRESETS["playground_circle"]
    assert Gang.fits(run(spec, TrainConfig("circle", lr=0.03, batch_size=10)))
    refused = [TrainConfig("circle", optimizer="adam", lr=0.03), TrainConfig("circle", lr=0.03, momentum=0.9),
               TrainConfig("circle", lr=0.03, l2=0.01), TrainConfig("circle", lr=0.03, l1=0.01),
               TrainConfig("circle", lr=0.03, schedule="onecycle")]  # its rate changes every batch
    for config in refused:
        assert not Gang.fits(run(spec, config))
    generator = torch.Generator().manual_seed(0)
    images = TensorData("tiny", "classification", torch.randint(0, 256, (64, 1, 28, 28), dtype=torch.uint8,
                                                                generator=generator),
                        torch.randint(0, 10, (64,), generator=generator), torch.zeros(0, 1, 28, 28, dtype=torch.uint8),
                        torch.zeros(0, dtype=torch.long), tuple(str(i) for i in range(10)), scale=1 / 255)
    cnn = Trainer(PRESETS["fashion_cnn"], images, TrainConfig("tiny", batch_size=16, lr=0.01))
    assert not Gang.fits(cnn)
    with pytest.raises(ValueError):
        Gang().add("cnn", cnn)


def test_an_empty_gang_returns_at_once_and_a_finished_run_leaves_at_once():
    gang = Gang()
    started = time.perf_counter()
    assert gang.train(1.0) == [] and time.perf_counter() - started < 0.01
    done = run(PRESETS["playground_circle"], TrainConfig("circle", lr=0.03, batch_size=10, epochs=1))
    done.run()
    gang.add("done", done)
    assert "done" in gang and gang.train(1.0) == ["done"] and len(gang) == 0 and done.status == "done"
