"""The classroom's fair training queue: at most N jobs run at once, the others wait first come, first served.

Thirty students pressing Play together must not start thirty trainings on two cores: every run would
crawl and the pages would stop answering. Here a fixed number of worker threads take jobs in the
order they arrived (for training, each worker drives one child process: classroom/processes.py);
each waiting job knows its place. A student (an `owner`) has at most one job queued or running. A
job ends when its work returns, when it is cancelled (by the student, or by the watchdog because its
browser tab is gone or its wall-time limit passed), whichever comes first.

Pure Python and threads: no streamlit here. Work is cancelled cooperatively: `cancel` calls the job's
`stop` callable (for a Trainer, `trainer.stop`, which ends the run after the batch in hand).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable

from engine.errors import PlaygroundError
from engine.training.guards import TrainLimits

WORKERS_ENV = "TORCH_PLAYGROUND_WORKERS"
MAX_WAITING = 500  # a bound on the queue itself: beyond it, Play says the server is full
WATCH_EVERY = 0.5  # seconds between the watchdog's looks at tabs and clocks
# How much lower a training process's CPU priority is than the pages' (classroom/child.py); 0 turns it off.
WORKER_NICE = int(os.environ.get("TORCH_PLAYGROUND_WORKER_NICE", "10") or 0)
GONE_GRACE = 3.0  # seconds a session may be disconnected (a network blip reconnects) before its job stops


def cores() -> int:
    """CPU cores this process may use (the container's share, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers() -> int:
    """Jobs at once: $TORCH_PLAYGROUND_WORKERS, else one per core but one, which stays for the pages."""
    asked = os.environ.get(WORKERS_ENV, "").strip()
    if asked.isdigit() and int(asked) > 0:
        return int(asked)
    return max(1, cores() - 1)


class Job:
    """One piece of work in the queue: who asked, what to run, how to stop it, and where it stands."""

    def __init__(self, owner: str, work: Callable[[], None], stop: Callable[[], None],
                 alive: Callable[[], bool] | None, limit_seconds: float | None):
        self.owner = owner
        self._work, self._stop, self._alive = work, stop, alive
        self.limit_seconds = limit_seconds
        self.state = "queued"  # queued -> running -> done | cancelled | failed
        self.reason: str | None = None  # why it was cancelled: "student", "gone", "limit", "shutdown"
        self.error: BaseException | None = None
        self.submitted = time.monotonic()
        self.started: float | None = None
        self.ended: float | None = None
        self._gone_since: float | None = None
        self._finished = threading.Event()

    @property
    def active(self) -> bool:
        """True while the job waits or runs."""
        return self.state in ("queued", "running")

    @property
    def waited(self) -> float:
        """Seconds spent waiting for a worker (so far, when still queued)."""
        return (self.started if self.started is not None else time.monotonic()) - self.submitted

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has ended; False when `timeout` passed first."""
        return self._finished.wait(timeout)


class JobQueue:
    """A bounded pool of `workers` threads that run jobs first come, first served."""

    def __init__(self, workers: int | None = None, *, max_waiting: int = MAX_WAITING, watch_every: float = WATCH_EVERY,
                 gone_grace: float = GONE_GRACE, log_path: str | None = None):
        self.workers = workers or default_workers()
        self.log_path = log_path  # one JSON line per ended job (waiting and running times), for load tests
        self.max_waiting, self.watch_every, self.gone_grace = max_waiting, watch_every, gone_grace
        self._lock = threading.Condition()
        self._waiting: deque[Job] = deque()
        self._running: set[Job] = set()
        self._threads: list[threading.Thread] = []
        self._closed = False

    # -- asking ---------------------------------------------------------------------------------
    def submit(self, owner: str, work: Callable[[], None], stop: Callable[[], None], *,
               alive: Callable[[], bool] | None = None, limit_seconds: float | None = None) -> Job:
        """Queue `work` for `owner`; `stop` cancels it; `alive()` False means the owner has gone.

        Raises PlaygroundError when the owner already has a job waiting or running, or the queue is full.
        """
        with self._lock:
            if self._closed:
                raise PlaygroundError("queue_closed")
            if any(job.owner == owner for job in (*self._waiting, *self._running)):
                raise PlaygroundError("queue_one_job")
            if len(self._waiting) >= self.max_waiting:
                raise PlaygroundError("queue_full", limit=self.max_waiting)
            job = Job(owner, work, stop, alive, limit_seconds)
            self._waiting.append(job)
            self._start_threads()
            self._lock.notify_all()
            return job

    def place(self, job: Job) -> int | None:
        """1 for the next job to start, 2 behind it, ...; 0 while running; None once ended."""
        with self._lock:
            if job.state == "running":
                return 0
            try:
                return self._waiting.index(job) + 1
            except ValueError:
                return None

    def cancel(self, job: Job, reason: str = "student") -> None:
        """Stop a job: a waiting one leaves the queue at once (its `stop` is not called), a running one stops
        after the step in hand."""
        with self._lock:
            if job in self._waiting:  # its work never started: nothing to stop
                self._waiting.remove(job)
                self._end(job, "cancelled", reason)
                return
            if job.state != "running" or job.reason is not None:
                return
            job.reason = reason
        job._stop()

    def counts(self) -> tuple[int, int]:
        """(running, waiting) right now."""
        with self._lock:
            return len(self._running), len(self._waiting)

    def close(self) -> None:
        """Cancel everything and let the workers end (tests; a server shutting down)."""
        with self._lock:
            self._closed = True
            jobs = [*self._waiting, *self._running]
            self._lock.notify_all()
        for job in jobs:
            self.cancel(job, "shutdown")

    # -- working --------------------------------------------------------------------------------
    def _start_threads(self) -> None:
        if self._threads:
            return
        for number in range(self.workers):
            thread = threading.Thread(target=self._worker, name=f"train-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)
        threading.Thread(target=self._watchdog, name="train-watchdog", daemon=True).start()

    def _worker(self) -> None:
        while True:
            with self._lock:
                while not self._waiting and not self._closed:
                    self._lock.wait()
                if self._closed and not self._waiting:
                    return
                job = self._waiting.popleft()
                job.state, job.started = "running", time.monotonic()
                self._running.add(job)
            try:
                job._work()
            except Exception as error:  # reported to the student in words; the worker must not die
                job.error = error
                job._stop()
            with self._lock:
                self._running.discard(job)
                state = "failed" if job.error is not None else "cancelled" if job.reason else "done"
                self._end(job, state, job.reason)

    def _end(self, job: Job, state: str, reason: str | None) -> None:
        job.state, job.reason, job.ended = state, reason, time.monotonic()
        if self.log_path:
            ran = job.ended - job.started if job.started is not None else 0.0
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps({"state": state, "reason": reason, "waited": round(job.waited, 3),
                                      "ran": round(ran, 3)}) + "\n")
        job._finished.set()

    def _watchdog(self) -> None:
        """Cancel jobs whose owner has been gone for `gone_grace` seconds or that ran past their limit."""
        while True:
            time.sleep(self.watch_every)
            with self._lock:
                if self._closed:
                    return
                jobs = [*self._waiting, *self._running]
            now = time.monotonic()
            for job in jobs:
                if job.state == "running" and job.limit_seconds is not None and now - job.started > job.limit_seconds:
                    self.cancel(job, "limit")
                elif job._alive is not None and not _safely(job._alive):
                    job._gone_since = job._gone_since or now
                    if now - job._gone_since >= self.gone_grace:
                        self.cancel(job, "gone")
                else:
                    job._gone_since = None


def _safely(alive: Callable[[], bool]) -> bool:
    try:
        return bool(alive())
    except Exception:  # a check that fails says nothing about the student: keep the job
        return True


def wall_limit(limits: TrainLimits | None = None) -> float:
    """A job's wall-clock bound: the trainer's own time limit (guards.py), plus slack for evaluation."""
    return (limits or TrainLimits()).max_seconds * 1.5
