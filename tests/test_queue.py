"""The classroom's training queue: bounded, first come first served, cancellable, one job per student."""

from __future__ import annotations

import dataclasses
import json
import threading
import time

import pytest
import torch

from classroom.queue import WORKERS_ENV, JobQueue, default_workers, wall_limit
from engine import PRESETS, PlaygroundError
from engine.data import load_dataset
from engine.training import Trainer, TrainLimits
from engine.training.recommended import recommended_config


class Gate:
    """Work that blocks until released, recording when it ran and how many ran at once."""

    running = 0
    most = 0
    lock = threading.Lock()

    def __init__(self, log: list, name: str):
        self.log, self.name = log, name
        self.release = threading.Event()
        self.stopped = False

    def work(self) -> None:
        with Gate.lock:
            Gate.running += 1
            Gate.most = max(Gate.most, Gate.running)
        self.log.append(self.name)
        while not self.release.wait(0.01):
            if self.stopped:
                break
        with Gate.lock:
            Gate.running -= 1

    def stop(self) -> None:
        self.stopped = True


@pytest.fixture
def queue():
    Gate.running = Gate.most = 0
    made = JobQueue(2, watch_every=0.05, gone_grace=0.2)
    yield made
    made.close()
    assert until(lambda: Gate.running == 0)  # every gate has let go before the next test counts again


def until(condition, timeout: float = 10.0) -> bool:
    """Wait for `condition()` (worker threads start at their own pace on a busy machine)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def submit(queue, log, name, **kwargs):
    gate = Gate(log, name)
    return gate, queue.submit(name, gate.work, gate.stop, **kwargs)


def test_at_most_n_run_and_the_rest_start_in_arrival_order(queue):
    log: list[str] = []
    gates, jobs = zip(*(submit(queue, log, f"s{i}") for i in range(6)))
    assert until(lambda: Gate.running == 2)
    time.sleep(0.1)  # a third worker, if there were one, would start now
    assert Gate.running == 2 and queue.counts() == (2, 4)
    assert [queue.place(job) for job in jobs] == [0, 0, 1, 2, 3, 4]
    for gate, job in zip(gates, jobs):
        gate.release.set()
        assert job.wait(5)
    assert log == [f"s{i}" for i in range(6)]  # first come, first served
    assert Gate.most == 2
    assert all(job.state == "done" for job in jobs)
    assert all(queue.place(job) is None for job in jobs)
    assert max(job.waited for job in jobs[:2]) < min(job.waited for job in jobs[2:])  # the last four waited


def test_one_job_per_student(queue):
    log: list[str] = []
    gate, _ = submit(queue, log, "ann")
    with pytest.raises(PlaygroundError) as raised:
        submit(queue, log, "ann")
    assert raised.value.key == "queue_one_job"
    gate.release.set()


def test_a_full_queue_refuses_politely():
    small = JobQueue(1, max_waiting=2)
    log: list[str] = []
    first, job = submit(small, log, "s0")
    assert until(lambda: small.place(job) == 0)  # running: the two after it are the ones waiting
    gates = [first] + [submit(small, log, f"s{i}")[0] for i in (1, 2)]
    with pytest.raises(PlaygroundError) as raised:
        submit(small, log, "late")
    assert raised.value.key == "queue_full"
    for gate in gates:
        gate.release.set()
    small.close()
    assert until(lambda: Gate.running == 0)  # the gates have let go before the next test counts


def test_cancel_while_waiting_and_while_running(queue):
    log: list[str] = []
    (g1, j1), (g2, j2), (g3, j3) = (submit(queue, log, name) for name in ("a", "b", "c"))
    assert until(lambda: Gate.running == 2)
    queue.cancel(j3)  # waiting: leaves at once, its work never runs and its stop is not called
    assert j3.state == "cancelled" and j3.reason == "student" and not g3.stopped
    queue.cancel(j1)  # running: asked to stop, ends when its work returns
    assert j1.wait(2) and j1.state == "cancelled" and g1.stopped
    g2.release.set()
    assert j2.wait(2) and j2.state == "done"
    assert log == ["a", "b"]
    _, again = submit(queue, log, "a")  # once ended, the student may queue again
    assert again.active


def test_a_gone_student_loses_queued_and_running_jobs(queue):
    log: list[str] = []
    here = {"a": True, "b": True, "c": True}
    jobs = {name: submit(queue, log, name, alive=lambda name=name: here[name]) for name in here}
    assert until(lambda: Gate.running == 2)
    here["a"] = here["c"] = False  # a is running, c is waiting
    assert jobs["a"][1].wait(2) and jobs["a"][1].reason == "gone" and jobs["a"][0].stopped
    assert jobs["c"][1].wait(2) and jobs["c"][1].reason == "gone"
    assert jobs["b"][1].active  # still connected: untouched
    jobs["b"][0].release.set()


def test_a_short_blip_is_forgiven(queue):
    log: list[str] = []
    here = [True]
    gate, job = submit(queue, log, "a", alive=lambda: here[0])
    here[0] = False
    time.sleep(0.08)  # under the 0.2 s grace
    here[0] = True
    time.sleep(0.3)
    assert job.active
    gate.release.set()


def test_a_job_past_its_wall_limit_is_stopped(queue):
    gate, job = submit(queue, [], "a", limit_seconds=0.1)
    assert job.wait(2) and job.reason == "limit" and gate.stopped


def test_failing_work_is_reported_and_the_worker_lives(queue):
    def boom():
        raise RuntimeError("bad batch")

    job = queue.submit("a", boom, lambda: None)
    assert job.wait(2) and job.state == "failed" and str(job.error) == "bad batch"
    follow = queue.submit("a", lambda: None, lambda: None)
    assert follow.wait(2) and follow.state == "done"


def test_workers_come_from_the_environment_or_the_cores(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV, "3")
    assert default_workers() == 3
    monkeypatch.setenv(WORKERS_ENV, "zero")
    assert default_workers() >= 1
    monkeypatch.delenv(WORKERS_ENV)
    assert JobQueue().workers == default_workers() >= 1


def test_a_real_trainer_stops_when_cancelled_and_matches_an_uncancelled_prefix(queue):
    data = load_dataset("circle")
    config = dataclasses.replace(recommended_config("playground_2d"), epochs=10_000, seed=3)
    trainer = Trainer(PRESETS["playground_2d"], data, config)
    job = queue.submit("a", trainer.run, trainer.stop, limit_seconds=wall_limit())
    while trainer.batch_losses == []:
        time.sleep(0.01)
    queue.cancel(job)
    assert job.wait(5) and trainer.status == "stopped" and trainer.epoch < config.epochs
    # The same seed trained the same number of batches in this thread gives the same losses.
    again = Trainer(PRESETS["playground_2d"], data, config)
    for _ in range(len(trainer.batch_losses)):
        again.step()
    assert torch.allclose(torch.tensor(again.batch_losses), torch.tensor(trainer.batch_losses))


def test_the_wall_limit_is_the_trainers_own():
    assert wall_limit(TrainLimits(max_seconds=10)) == pytest.approx(15)


def test_the_log_has_a_line_per_ended_job(tmp_path):
    log_path = tmp_path / "queue.jsonl"
    logged = JobQueue(1, log_path=str(log_path))
    release = threading.Event()
    first = logged.submit("a", lambda: release.wait(5), release.set)
    assert until(lambda: logged.place(first) == 0)
    started = time.monotonic()
    second = logged.submit("b", lambda: None, lambda: None)
    time.sleep(0.2)
    release.set()
    assert first.wait(2) and second.wait(2)
    lines = [json.loads(line) for line in log_path.read_text().splitlines()]
    assert [line["state"] for line in lines] == ["done", "done"]
    assert lines[1]["waited"] >= 0.2 and lines[0]["waited"] <= started - first.submitted + 0.01
    logged.close()


class Turns:
    """Work of `units` units (10 ms each) that yields when its turn is over: the queue's sliceable job."""

    def __init__(self, units: int):
        self.units, self.done = units, 0
        self.ended_at: float | None = None
        self.stopped = False
        self._yield = threading.Event()

    def work(self) -> bool:
        self._yield.clear()
        while self.done < self.units and not self.stopped:
            if self._yield.is_set():
                return True  # more to do, at the next turn
            time.sleep(0.01)
            self.done += 1
        self.ended_at = time.monotonic()
        return False

    def stop(self) -> None:
        self.stopped = True

    def yield_turn(self) -> None:
        self._yield.set()


@pytest.fixture
def sliced():
    made = JobQueue(1, watch_every=0.05, slice_seconds=0.1)
    yield made
    made.close()


def take_turns(queue: JobQueue, owner: str, units: int) -> tuple[Turns, object]:
    work = Turns(units)
    return work, queue.submit(owner, work.work, work.stop, yield_turn=work.yield_turn)


def test_jobs_started_together_both_progress_before_either_finishes(sliced):
    (a, job_a), (b, job_b) = take_turns(sliced, "a", 100), take_turns(sliced, "b", 100)  # 1 s of work each
    assert until(lambda: a.done and b.done)
    assert a.done < a.units and b.done < b.units  # both moved, on one worker, before either ended
    assert job_a.wait(10) and job_b.wait(10) and job_a.state == job_b.state == "done"
    assert job_a.turns > 2 and job_b.turns > 2 and a.done == a.units


def test_a_short_job_after_a_long_one_finishes_long_before_it(sliced):
    long, long_job = take_turns(sliced, "long", 300)  # 3 s of work
    assert until(lambda: long.done > 0)
    short, short_job = take_turns(sliced, "short", 20)  # 0.2 s of work
    assert short_job.wait(5) and short_job.state == "done"
    assert long_job.active and long.done < long.units - 50  # the long run still has far to go
    assert long_job.wait(10) and long.ended_at - short.ended_at > 1.0


def test_a_resting_job_counts_as_training_and_stops_or_withdraws_at_once(sliced):
    (a, job_a), (b, job_b) = take_turns(sliced, "a", 1000), take_turns(sliced, "b", 1000)
    assert until(lambda: job_a.resting or job_b.resting)
    resting, work = (job_a, a) if job_a.resting else (job_b, b)
    assert sliced.place(resting) == 0  # between turns it trains, as far as the student is concerned
    sliced.cancel(resting)  # a run between turns: its stop is called, so the run can end where it is
    assert resting.state == "cancelled" and work.stopped
    other, other_work = (job_b, b) if resting is job_a else (job_a, a)
    third_work, third = take_turns(sliced, "c", 1000)
    assert until(lambda: third.resting or other.resting)
    waiting, waiting_work = (third, third_work) if third.resting else (other, other_work)
    assert sliced.withdraw(waiting) and waiting.state == "cancelled"  # a pause: out of the line, nothing stopped
    assert not waiting_work.stopped and 0 < waiting_work.done < waiting_work.units
    assert not sliced.withdraw(waiting)


def test_the_wait_is_estimated_from_the_turns_ahead(sliced):
    running, _ = take_turns(sliced, "a", 1000)
    assert until(lambda: running.done > 0)
    queued = [take_turns(sliced, name, 1000)[1] for name in ("b", "c", "d")]
    first, third = sliced.estimate(queued[0]), sliced.estimate(queued[2])
    assert first is not None and 0 <= first <= 0.2  # the running job's turn ends within a slice
    assert third == pytest.approx(first + 2 * sliced._turn_seconds, abs=0.05)  # two whole turns more
    assert sliced.estimate(queued[2]) <= 1.0  # three runs ahead of it share one worker in 0.1 s turns


def test_without_turns_a_wait_has_no_estimate(queue):
    log: list[str] = []
    submit(queue, log, "a"), submit(queue, log, "b")
    _, waiting = submit(queue, log, "c")
    assert until(lambda: Gate.running == 2)
    assert queue.place(waiting) == 1 and queue.estimate(waiting) is None  # a whole run ahead: unknown length


def test_the_wall_limit_counts_turns_not_waits():
    limited = JobQueue(1, watch_every=0.05, slice_seconds=0.1)
    try:
        (a, job_a), (b, job_b) = take_turns(limited, "a", 1000), take_turns(limited, "b", 1000)
        job_a.limit_seconds = job_b.limit_seconds = 0.6  # each trains about half the time: past 0.6 s after ~1.2 s
        started = time.monotonic()
        assert job_a.wait(5) and job_b.wait(5) and job_a.reason == job_b.reason == "limit"
        assert time.monotonic() - started > 0.9 and a.stopped and b.stopped
    finally:
        limited.close()


@pytest.fixture
def lanes():
    """Both lanes: one worker, and a gang of two."""
    made = JobQueue(1, watch_every=0.05, gone_grace=0.2, gang_size=2)
    yield made
    made.close()


def test_gang_jobs_start_at_once_beside_a_busy_worker_and_wait_only_when_the_gang_is_full(lanes):
    log: list = []
    worker, worker_job = submit(lanes, log, "w")
    assert until(lambda: lanes.place(worker_job) == 0)
    waiting, waiting_job = submit(lanes, log, "w2")  # the worker's line
    gangs = [submit(lanes, log, f"g{index}", lane="gang") for index in range(3)]
    assert until(lambda: [lanes.place(job) for _, job in gangs] == [0, 0, 1])  # the gang holds two
    assert lanes.place(waiting_job) == 1 and lanes.counts() == (3, 2)
    assert lanes.capacity(gangs[0][1]) == 2 and lanes.capacity(waiting_job) == 1
    assert lanes.estimate(gangs[2][1]) is None  # no gang job has ended yet: nothing to count on
    gangs[0][0].release.set()
    assert gangs[0][1].wait(5) and gangs[0][1].state == "done"
    assert until(lambda: lanes.place(gangs[2][1]) == 0)  # the freed place goes to the next in the gang's line
    assert lanes.place(waiting_job) == 1  # the worker's line did not move
    with pytest.raises(PlaygroundError) as refused:
        lanes.submit("g1", lambda: None, lambda: None)  # one job per student, across the lanes
    assert refused.value.key == "queue_one_job"
    for gate in (worker, waiting, *(gate for gate, _ in gangs)):
        gate.release.set()
    assert all(job.wait(5) for job in (worker_job, waiting_job, *(job for _, job in gangs)))


def test_a_full_gang_estimates_the_wait_from_its_ended_jobs(lanes):
    log: list = []
    first = [submit(lanes, log, f"a{index}", lane="gang") for index in range(2)]
    time.sleep(0.2)
    for gate, job in first:
        gate.release.set()
        assert job.wait(5)
    held = [submit(lanes, log, f"b{index}", lane="gang") for index in range(2)]
    last, third = submit(lanes, log, "c", lane="gang")
    _, fourth = submit(lanes, log, "d", lane="gang")
    assert (lanes.place(third), lanes.place(fourth)) == (1, 2)
    one, two = lanes.estimate(third), lanes.estimate(fourth)
    assert 0.05 < one < two < 5  # a place frees about every (mean length / gang size) seconds
    assert lanes.withdraw(fourth) and lanes.place(fourth) is None  # a pause leaves the gang's line
    for gate in (*(gate for gate, _ in held), last):
        gate.release.set()
    assert third.wait(5) and third.state == "done"


def test_the_watchdog_and_the_log_keep_gang_jobs_in_their_limits(tmp_path):
    log_path = tmp_path / "queue.jsonl"
    lanes = JobQueue(1, watch_every=0.05, gone_grace=0.2, gang_size=4, log_path=str(log_path))
    gone, gone_job = submit(lanes, [], "gone", lane="gang", alive=lambda: False)
    slow, slow_job = submit(lanes, [], "slow", lane="gang", limit_seconds=0.3)
    assert gone_job.wait(5) and (gone_job.state, gone_job.reason) == ("cancelled", "gone") and gone.stopped
    assert slow_job.wait(5) and (slow_job.state, slow_job.reason) == ("cancelled", "limit") and slow.stopped
    lines = [json.loads(line) for line in log_path.read_text().splitlines()]
    assert sorted(line["lane"] for line in lines) == ["gang", "gang"] and all(line["turns"] == 1 for line in lines)
    lanes.close()


def test_a_new_job_trains_before_the_resting_ones_take_their_next_turns(sliced):
    resting = [take_turns(sliced, name, 1000)[1] for name in ("a", "b", "c", "d")]  # 10 s of work each, 0.1 s turns
    assert until(lambda: all(job.turns >= 1 for job in resting))  # each has had a turn: they take turns now
    with sliced._lock:  # between two turns: what each has had, and the new job in line
        before = [job.turns for job in resting]
        work, new = take_turns(sliced, "new", 1000)
        assert sliced.place(new) == 1  # ahead of the three resting in line
        later = take_turns(sliced, "later", 1000)[1]
        assert sliced.place(later) == 2  # new jobs among themselves: first come, first served
    assert until(lambda: new.turns == 1)
    turns_since = sum(job.turns for job in resting) - sum(before)
    assert turns_since <= 1  # at most the turn in hand ended first: no resting job went round again
    for job in [*resting, new, later]:
        sliced.cancel(job)


def test_a_new_job_does_not_wait_for_the_whole_turn_in_hand():
    patient = JobQueue(1, watch_every=0.05, slice_seconds=5.0)
    try:
        long, long_job = take_turns(patient, "long", 3000)  # 30 s of work in 5 s turns
        assert until(lambda: long.done > 0)
        started = time.monotonic()
        work, new = take_turns(patient, "new", 1000)
        assert until(lambda: work.done > 0, timeout=10)
        assert time.monotonic() - started < 2.5  # not the 5 s turn in hand: it ended at once for a first turn
        assert until(lambda: long_job.resting)  # the long job rests, and its next turn comes after new's
        assert long_job.turns == 1 and patient.place(long_job) == 0
        for job in (long_job, new):
            patient.cancel(job)
    finally:
        patient.close()
