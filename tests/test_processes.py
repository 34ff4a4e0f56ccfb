"""Training in child processes (classroom/processes.py): the parent's Trainer sees the numbers an
in-process Trainer gives, pause/resume and stop cross the process boundary, a killed or stuck child
ends its job in words and the next job works, and the queue's watchdog and places still hold."""

from __future__ import annotations

import dataclasses
import os
import signal

import pytest
import torch

from classroom.child import KEEP_DATA, cached_data
from classroom.processes import (
    PAGES_CORE_ENV,
    ProcessPool,
    RemoteRun,
    RunFailed,
    pages_core_index,
    pages_cores,
    training_cores,
)
from classroom.queue import WORKER_NICE, JobQueue
from engine import PRESETS
from engine.data import load_dataset
from engine.data.recipe import DataRecipe
from engine.errors import PlaygroundError
from engine.network.spec import LayerSpec, ModelSpec
from engine.training import TrainConfig, Trainer
from engine.training.recommended import recommended_config
from tests.test_queue import until
from tests.test_trainer import blobs, mlp, weights

L = LayerSpec.of
CIRCLE = dataclasses.replace(recommended_config("playground_2d"), epochs=20, seed=3)


@pytest.fixture(scope="module")
def pool():
    """Two training processes for the whole module (each start imports torch: seconds on a busy machine)."""
    made = ProcessPool(2)
    yield made
    made.close()


@pytest.fixture
def queue():
    made = JobQueue(2, watch_every=0.05, gone_grace=0.2)
    yield made
    made.close()


def circle_trainer(config: TrainConfig = CIRCLE) -> Trainer:
    return Trainer(PRESETS["playground_2d"], load_dataset("circle"), config)


def submit(queue: JobQueue, pool: ProcessPool, trainer: Trainer, until_: str = "done", owner: str = "ann", **kwargs):
    remote = RemoteRun(pool, trainer, until_)
    return remote, queue.submit(owner, remote.work, remote.stop, **kwargs)


def same_run(a: Trainer, b: Trainer) -> bool:
    return (a.batch_losses == b.batch_losses and [r.test_loss for r in a.history] == [r.test_loss for r in b.history]
            and all(torch.equal(p, q) for p, q in zip(weights(a.model), weights(b.model))))


def test_a_run_in_a_child_gives_the_in_process_numbers(pool, queue):
    trainer = circle_trainer()
    _, job = submit(queue, pool, trainer)
    assert job.wait(120) and job.state == "done", job.error
    reference = circle_trainer()
    reference.run()
    assert trainer.status == "done" and trainer.epoch == CIRCLE.epochs and trainer.steps == reference.steps
    assert same_run(trainer, reference)
    assert trainer.data is reference.data or trainer.data.name == "circle"  # the parent kept its own data
    assert all(p.grad is not None for p in trainer.model.parameters())  # as after an in-process run


def test_progress_and_weights_reach_the_parent_while_it_trains(pool, queue):
    trainer = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000))
    start_model = trainer.model
    remote, job = submit(queue, pool, trainer)
    assert until(lambda: trainer.epoch >= 3, 120)
    seen = (trainer.steps, len(trainer.history), len(trainer.batch_losses))
    assert trainer.status == "running" and trainer.model is not start_model  # a snapshot of the child's weights
    assert until(lambda: trainer.steps > seen[0] and len(trainer.history) > seen[1], 30)
    assert len(trainer.batch_losses) >= trainer.epoch * trainer.batches_per_epoch - trainer.batches_per_epoch
    remote.stop()
    assert job.wait(30) and trainer.status == "stopped"


def test_step_epoch_pause_and_resume_across_processes_equal_one_run(pool, queue):
    """Sent tensors (a data set the registry does not know), shuffled, momentum and dropout: pieces == whole."""
    data = blobs()
    config = TrainConfig(data="blobs", lr=0.05, momentum=0.5, batch_size=8, epochs=40, shuffle=True, seed=2)
    trainer = Trainer(mlp(dropout=True), data, config)
    for until_ in ("batch", "batch", "epoch", "batch"):
        _, job = submit(queue, pool, trainer, until_)
        assert job.wait(60) and job.state == "done", job.error
    assert trainer.status == "paused" and (trainer.epoch, trainer.batch) == (1, 1)
    remote, job = submit(queue, pool, trainer)
    assert until(lambda: trainer.epoch >= 2, 60)
    remote.pause()
    assert job.wait(30) and trainer.status == "paused" and trainer.epoch < config.epochs
    while not trainer.finished:  # each piece starts in whichever process is free
        _, job = submit(queue, pool, trainer)
        assert job.wait(120)
    whole = Trainer(mlp(dropout=True), data, config)
    whole.run()
    assert trainer.status == "done" and same_run(trainer, whole)


def test_a_pause_that_comes_before_training_starts_still_pauses(pool, queue):
    trainer = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000))
    remote, job = submit(queue, pool, trainer)
    remote.pause()  # probably before the child has the run
    assert job.wait(60) and trainer.status == "paused" and trainer.epoch < 3000


def test_a_killed_child_fails_its_job_in_words_and_the_next_job_works(pool, queue):
    trainer = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000))
    remote, job = submit(queue, pool, trainer)
    assert until(lambda: trainer.epoch >= 2, 120)
    busy = remote.process
    os.kill(busy.pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would
    assert job.wait(30) and job.state == "failed"
    assert isinstance(job.error, PlaygroundError) and job.error.key == "train_worker_lost"
    assert trainer.finished and trainer.epoch >= 2  # what was mirrored stays on screen
    assert busy not in pool.processes()
    again = circle_trainer()
    _, follow = submit(queue, pool, again)
    assert follow.wait(120) and follow.state == "done" and again.status == "done"


def test_a_run_that_fails_in_its_child_ends_in_words_and_the_child_lives_on(pool, queue):
    trainer = circle_trainer()
    remote = RemoteRun(pool, trainer, "done")
    other = load_dataset("circle", seed=99)
    remote.recipe = DataRecipe(None, (), remote.recipe.fingerprint, other)  # not the data it says: the child refuses
    job = queue.submit("ann", remote.work, remote.stop)
    assert job.wait(60) and job.state == "failed" and isinstance(job.error, RunFailed)
    assert "differs" in str(job.error) and "Traceback" not in str(job.error)
    assert trainer.finished and trainer.status == "stopped" and trainer.steps == 0
    before = {child.pid for child in pool.processes() if child.alive}
    again = circle_trainer(dataclasses.replace(CIRCLE, epochs=2))
    _, follow = submit(queue, pool, again)
    assert follow.wait(120) and follow.state == "done" and again.status == "done"
    assert before <= {child.pid for child in pool.processes()}  # no process was replaced


def test_a_child_that_does_not_stop_is_killed(pool, queue, monkeypatch):
    monkeypatch.setattr("classroom.processes.STOP_GRACE", 0.5)
    trainer = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000))
    remote, job = submit(queue, pool, trainer)
    assert until(lambda: trainer.epoch >= 1, 120)
    stuck = remote.process
    os.kill(stuck.pid, signal.SIGSTOP)  # frozen: it cannot answer "stop"
    try:
        remote.stop()
        assert job.wait(10) and job.state == "failed" and job.error.key == "train_worker_lost"
        assert not stuck.alive
    finally:
        if stuck.alive:
            os.kill(stuck.pid, signal.SIGKILL)


def test_a_closed_tab_and_the_wall_limit_stop_runs_in_children(pool, queue):
    gone = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000))
    _, gone_job = submit(queue, pool, gone, alive=lambda: False)
    slow = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000))
    _, slow_job = submit(queue, pool, slow, owner="bob", limit_seconds=1.0)
    assert gone_job.wait(60) and gone_job.state == "cancelled" and gone_job.reason == "gone"
    assert slow_job.wait(60) and slow_job.state == "cancelled" and slow_job.reason == "limit"
    assert gone.status == slow.status == "stopped"  # sent back by the children, as they stopped


def test_places_in_the_queue_with_one_training_process(pool):
    single = JobQueue(1, watch_every=0.05)
    try:
        first, second = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000)), circle_trainer()
        remote, running = submit(single, pool, first)
        _, waiting = submit(single, pool, second, owner="bob")
        assert until(lambda: single.place(running) == 0 and first.epoch >= 1, 120)
        assert single.place(waiting) == 1 and second.status == "ready"
        remote.stop()
        assert running.wait(30) and waiting.wait(120) and second.status == "done"
    finally:
        single.close()


def test_children_run_niced_and_pinned_with_their_share_of_threads(pool, queue):
    trainer = circle_trainer(dataclasses.replace(CIRCLE, epochs=3000))
    remote, job = submit(queue, pool, trainer)
    assert until(lambda: trainer.epoch >= 1, 120)
    expected = min(19, os.getpriority(os.PRIO_PROCESS, 0) + WORKER_NICE)
    assert all(os.getpriority(os.PRIO_PROCESS, c.pid) == expected for c in pool.processes())
    # Idle-class too: any page thread that wakes takes the core at once, not after the child's time slice.
    policy = os.SCHED_IDLE if WORKER_NICE else os.SCHED_OTHER
    assert all(os.sched_getscheduler(c.pid) == policy for c in pool.processes())
    assert pool.threads == max(1, ((len(os.sched_getaffinity(0)) - 1) // 2))
    # Every thread of every child (torch's and the reporter's too) keeps off the pages' core, the lowest.
    ours = sorted(os.sched_getaffinity(0))
    training = set(ours[1:]) or set(ours)  # on one core there is nothing to keep apart
    for child in pool.processes():
        threads = [int(tid) for tid in os.listdir(f"/proc/{child.pid}/task")]
        assert len(threads) >= 2 and all(os.sched_getaffinity(tid) == training for tid in threads)
    remote.stop()
    assert job.wait(30)


def test_a_warmed_process_says_ready_and_then_trains_as_any_other(queue):
    warm = ProcessPool(1)
    try:
        warm.warm().join(120)
        [child] = warm.processes()
        assert child.ready and child.alive  # the start-up waited for its "ready"
        trainer = circle_trainer()
        _, job = submit(queue, warm, trainer)
        assert job.wait(120) and job.state == "done", job.error
        assert warm.processes() == [child]  # the same process, reused
        reference = circle_trainer()
        reference.run()
        assert same_run(trainer, reference)
    finally:
        warm.close()


def test_a_child_pays_torchs_one_time_costs_before_its_first_run():
    # The first optimizer step of a process imports torch._dynamo and more: at start-up, not in a run.
    import subprocess
    import sys
    code = ("import sys, torch; from classroom.child import _warm_up; state = torch.random.get_rng_state(); "
            "_warm_up(); assert torch.equal(state, torch.random.get_rng_state()), 'the global RNG moved'; "
            "print('torch._dynamo' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert result.stdout.strip() == "True"


@pytest.fixture
def sliced():
    """One worker, turns of 50 ms: runs started together go round many times."""
    made = JobQueue(1, watch_every=0.05, slice_seconds=0.05)
    yield made
    made.close()


def take_turns(queue: JobQueue, pool: ProcessPool, trainer: Trainer, owner: str):
    remote = RemoteRun(pool, trainer, "done")
    return remote, queue.submit(owner, remote.work, remote.stop, yield_turn=remote.yield_turn)


def digits_trainer(config: TrainConfig) -> Trainer:
    spec = ModelSpec((1, 8, 8), (L("Flatten"), L("Linear", in_features=64, out_features=32), L("ReLU"),
                                 L("Linear", in_features=32, out_features=10)))
    return Trainer(spec, load_dataset("digits"), config)


def test_runs_in_turns_give_the_numbers_of_whole_runs(pool, sliced):
    """Adam and shuffling on a 2-D net and a digits MLP, sharing one worker in 50 ms turns: bit-equal."""
    circle = dataclasses.replace(CIRCLE, optimizer="adam", lr=0.01, epochs=150)
    digits = TrainConfig(data="digits", optimizer="adam", lr=0.003, batch_size=16, epochs=12, shuffle=True, seed=4)
    plain = dataclasses.replace(CIRCLE, epochs=150)  # plain SGD: the hand-written step
    trainers = {"circle": circle_trainer(circle), "digits": digits_trainer(digits), "plain": circle_trainer(plain)}
    jobs = {name: take_turns(sliced, pool, trainer, name)[1] for name, trainer in trainers.items()}
    for name, job in jobs.items():
        assert job.wait(180) and job.state == "done", (name, job.error)
        assert job.turns > 2, (name, job.turns)  # it really went round
    references = {"circle": circle_trainer(circle), "digits": digits_trainer(digits), "plain": circle_trainer(plain)}
    threads = torch.get_num_threads()
    torch.set_num_threads(pool.threads)  # as many as a child uses: a 64-wide product sums in another order on two
    try:
        for reference in references.values():
            reference.run()
    finally:
        torch.set_num_threads(threads)
    for name, reference in references.items():
        assert trainers[name].status == "done" and same_run(trainers[name], reference), name
        assert [r.train_loss for r in trainers[name].history] == [r.train_loss for r in reference.history]


def test_two_runs_in_turns_both_move_before_either_ends_and_a_short_one_ends_first(pool, sliced):
    long = circle_trainer(dataclasses.replace(CIRCLE, epochs=10_000))
    remote, long_job = take_turns(sliced, pool, long, "long")
    assert until(lambda: long.epoch >= 1, 120)
    short = circle_trainer(dataclasses.replace(CIRCLE, epochs=60))
    _, short_job = take_turns(sliced, pool, short, "short")
    assert until(lambda: short.epoch >= 1, 10)  # it moved within a few turns, the long run still going
    assert long_job.active and long.status == "running"
    assert short_job.wait(60) and short_job.state == "done" and short.status == "done"
    assert long_job.active and long.epoch < 10_000
    remote.stop()
    assert long_job.wait(30) and long.status == "stopped"


def test_pause_and_stop_in_a_turn_and_between_turns(pool, sliced):
    a = circle_trainer(dataclasses.replace(CIRCLE, epochs=10_000))
    b = circle_trainer(dataclasses.replace(CIRCLE, epochs=10_000, seed=5))
    (remote_a, job_a), (remote_b, job_b) = take_turns(sliced, pool, a, "a"), take_turns(sliced, pool, b, "b")
    assert until(lambda: job_a.resting and b.epoch >= 1 and a.epoch >= 1, 120)
    assert a.status == "running" and sliced.place(job_a) == 0  # between turns it still trains, to the page
    epoch = a.epoch
    remote_a.pause()  # between turns: paused at once, and the line lets it go (what Pause does, ui/train/job.py)
    if sliced.withdraw(job_a):
        assert a.status == "paused" and a.epoch == epoch
    else:  # its next turn began just before the pause: it pauses after the batch in hand
        assert job_a.wait(30)
    assert a.status == "paused" and not job_a.active
    epoch = a.epoch
    assert until(lambda: job_b.state == "running", 10)
    remote_b.stop()  # in its turn
    assert job_b.wait(30) and b.status == "stopped"
    remote_a, again = take_turns(sliced, pool, a, "a")  # Play again: the paused run goes on
    c = circle_trainer(dataclasses.replace(CIRCLE, epochs=10_000, seed=6))
    _, job_c = take_turns(sliced, pool, c, "c")  # and shares the worker again
    assert until(lambda: a.epoch > epoch and again.turns >= 2 and again.state == "running", 60)
    remote_a.pause()  # in its turn, with another run waiting: a pause, not a turn's end
    assert again.wait(30) and again.state == "done" and a.status == "paused"
    assert until(lambda: job_c.state == "running", 10)
    sliced.cancel(job_c)  # the queue's cancel in a turn
    assert job_c.wait(30) and c.status == "stopped"


def test_a_process_keeps_the_data_sets_used_last():
    """Runs take turns, so the data sets in use stay loaded; the least recently used one goes first."""
    loads: list[int] = []

    @dataclasses.dataclass(frozen=True)
    class Recipe:
        key: int

        def load(self) -> int:
            loads.append(self.key)
            return self.key

    cache: dict = {}
    for key in [*range(KEEP_DATA), 0, KEEP_DATA, 0, 1]:
        assert cached_data(cache, Recipe(key)) == key
    assert loads == [*range(KEEP_DATA), KEEP_DATA, 1]  # 0 was used again, so 1 went when a new one came


def test_the_pages_keep_one_core_and_training_the_others():
    """The server's pages and the training processes never share a core when there are two or more."""
    allowed = sorted(os.sched_getaffinity(0))
    pages, training = pages_cores(), training_cores()
    if len(allowed) < 2:
        assert pages == [] and training == []
    else:
        assert pages == allowed[:1] and training == allowed[1:]
        assert not set(pages) & set(training)


@pytest.mark.parametrize("asked", ["1", "3", "0", "", "first"])
def test_a_replica_told_its_pages_core_keeps_to_it_and_trains_on_the_others(monkeypatch, asked):
    """Replicas on one machine each keep their pages to their own core: all on the lowest, they shared one."""
    monkeypatch.setenv(PAGES_CORE_ENV, asked)
    allowed = sorted(os.sched_getaffinity(0))
    index = int(asked) % len(allowed) if asked.isdigit() else 0  # past the last core wraps; a bad word is 0
    assert pages_core_index(len(allowed)) == index
    pages, training = pages_cores(), training_cores()
    if len(allowed) < 2:
        assert pages == [] and training == []
    else:
        assert pages == [allowed[index]]
        assert sorted(pages + training) == allowed
