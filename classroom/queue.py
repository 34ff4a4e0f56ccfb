"""The classroom's fair training queue: at most N whole jobs train at once (they may take turns), and a
class's small runs, in the gang's lane, start at once.

Thirty students pressing Play together must not start thirty trainings on two cores: every run would
crawl and the pages would stop answering. Here a fixed number of worker threads take jobs in the
order they arrived (for training, each worker drives one child process: classroom/processes.py);
each waiting job knows its place. A student (an `owner`) has at most one job queued or running. A
job ends when its work returns, when it is cancelled (by the student, or by the watchdog because its
browser tab is gone or its wall-time limit passed), whichever comes first.

Time slices: a job that can yield (`submit(..., yield_turn=...)`) trains for `slice_seconds`, then,
when others wait, is asked to yield; its work returns True ("more to do"), and it goes to the back of
the line, "resting" until its next turn; a new job's first turn comes before the resting jobs' next
ones. So every run moves within about a slice of Play and a short run is never stuck behind a long one.
Whole runs in line are `slice_seconds=0` (or work that cannot yield).

Two lanes: the workers' ("worker", above) and the gang's (`submit(..., lane="gang")`: the small runs the
server's gang process trains together, classroom/gang_runs.py). A gang job needs no worker and takes no
turns: it starts at once, on a thread of its own that waits for its run, while fewer than `gang_size`
gang jobs run; beyond that it waits in the gang's own line, with its place and an estimate. Both lanes
keep every job's limits, the one-job-per-student rule, the watchdog and the log line.

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
SLICE_ENV = "TORCH_PLAYGROUND_SLICE"
# Seconds a job trains while others wait before it yields, when turns are on: short enough that a run started
# behind a few others moves within about a second, long enough that a switch (a Trainer pickled both ways)
# costs little. On by default since a resting run's page polls rarely (docs/measurements.md: at the live pace
# every resting run's page raised the 30-student load test's p95 from under 1 s to 3-4 s); 2-D runs train in
# the gang and take no turns.
SLICE_SECONDS = 0.5
FIRST_TURN_WAIT = 0.1  # a turn ends this soon when a new job waits for its first (if its slice is not shorter)
GANG_SIZE_ENV = "TORCH_PLAYGROUND_GANG_SIZE"
GANG_SIZE = 64  # gang jobs at once (the gang process trains them together); more wait in the gang's line
LANES = ("worker", "gang")


def cores() -> int:
    """CPU cores this process may use (the container's share, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_slice() -> float:
    """Seconds of a turn: $TORCH_PLAYGROUND_SLICE (0: whole runs in line), else SLICE_SECONDS."""
    try:
        return max(0.0, float(os.environ.get(SLICE_ENV, "").strip() or SLICE_SECONDS))
    except ValueError:
        return SLICE_SECONDS


def default_gang_size() -> int:
    """Gang jobs at once: $TORCH_PLAYGROUND_GANG_SIZE, else GANG_SIZE."""
    asked = os.environ.get(GANG_SIZE_ENV, "").strip()
    return int(asked) if asked.isdigit() and int(asked) > 0 else GANG_SIZE


def default_workers() -> int:
    """Jobs at once: $TORCH_PLAYGROUND_WORKERS, else one per core but one, which stays for the pages."""
    asked = os.environ.get(WORKERS_ENV, "").strip()
    if asked.isdigit() and int(asked) > 0:
        return int(asked)
    return max(1, cores() - 1)


class Job:
    """One piece of work in the queue: who asked, what to run, how to stop it, and where it stands."""

    def __init__(self, owner: str, work: Callable[[], bool | None], stop: Callable[[], None],
                 alive: Callable[[], bool] | None, limit_seconds: float | None,
                 yield_turn: Callable[[], None] | None = None, lane: str = "worker"):
        self.owner, self.lane = owner, lane
        self._work, self._stop, self._alive, self._yield = work, stop, alive, yield_turn
        self.limit_seconds = limit_seconds  # seconds on a worker, all turns together (waits do not count)
        self.state = "queued"  # queued -> running (-> queued -> running ...) -> done | cancelled | failed
        self.reason: str | None = None  # why it was cancelled: "student", "gone", "limit", "shutdown"
        self.error: BaseException | None = None
        self.submitted = time.monotonic()
        self.started: float | None = None  # the first turn's start
        self.ended: float | None = None
        self.turns = 0  # turns begun
        self.turn_started: float | None = None
        self.ran = 0.0  # seconds on a worker in finished turns
        self._yield_asked = False  # this turn's yield has been asked
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

    @property
    def resting(self) -> bool:
        """True while the job waits for its next turn (it has trained already)."""
        return self.state == "queued" and self.turns > 0

    def running_seconds(self, now: float | None = None) -> float:
        """Seconds on a worker so far, the turn in hand included."""
        current = (now or time.monotonic()) - self.turn_started if self.state == "running" else 0.0
        return self.ran + current

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has ended; False when `timeout` passed first."""
        return self._finished.wait(timeout)


class JobQueue:
    """A bounded pool of `workers` threads that give jobs turns, first come, first served."""

    def __init__(self, workers: int | None = None, *, max_waiting: int = MAX_WAITING, watch_every: float = WATCH_EVERY,
                 gone_grace: float = GONE_GRACE, log_path: str | None = None, slice_seconds: float | None = None,
                 gang_size: int | None = None):
        self.workers = workers or default_workers()
        self.gang_size = gang_size or default_gang_size()
        self.slice_seconds = default_slice() if slice_seconds is None else slice_seconds
        self._turn_seconds = self.slice_seconds  # a running mean of a turn's length, switch included (estimates)
        self.log_path = log_path  # one JSON line per ended job (waiting and running times), for load tests
        self.max_waiting, self.watch_every, self.gone_grace = max_waiting, watch_every, gone_grace
        self._lock = threading.Condition()
        self._waiting: deque[Job] = deque()
        self._running: set[Job] = set()
        self._gang_waiting: deque[Job] = deque()  # the gang's lane: no workers, no turns
        self._gang_running: set[Job] = set()
        self._gang_seconds: float | None = None  # a running mean of a gang job's length (estimates)
        self._threads: list[threading.Thread] = []
        self._closed = False

    # -- asking ---------------------------------------------------------------------------------
    def submit(self, owner: str, work: Callable[[], bool | None], stop: Callable[[], None], *,
               alive: Callable[[], bool] | None = None, limit_seconds: float | None = None,
               yield_turn: Callable[[], None] | None = None, lane: str = "worker") -> Job:
        """Queue `work` for `owner`; `stop` cancels it; `alive()` False means the owner has gone.

        With `yield_turn`, the job takes turns: the queue calls it when the turn is over and others wait,
        and `work` then returns True when the job has more to do (it is called again at its next turn).
        In the "gang" lane the job starts at once while the gang has room, and takes no turns.

        Raises PlaygroundError when the owner already has a job waiting or running, or the queue is full.
        """
        with self._lock:
            if self._closed:
                raise PlaygroundError("queue_closed")
            if lane not in LANES:
                raise ValueError(f"no lane {lane!r}: {LANES}")
            if any(job.owner == owner for job in self._jobs()):
                raise PlaygroundError("queue_one_job")
            if len(self._waiting) + len(self._gang_waiting) >= self.max_waiting:
                raise PlaygroundError("queue_full", limit=self.max_waiting)
            job = Job(owner, work, stop, alive, limit_seconds, None if lane == "gang" else yield_turn, lane)
            self._start_threads()
            if lane == "gang":
                self._gang_waiting.append(job)
                self._start_gang_jobs()
            else:
                self._arrive(job)
                self._lock.notify_all()
            return job

    def _arrive(self, job: Job) -> None:
        """Put a new job in the workers' line ahead of the resting ones (under the lock): its first turn
        comes before the next turns of runs that have trained already, so it moves within about a turn of
        Play, however many rest; among new jobs, first come, first served."""
        for index, other in enumerate(self._waiting):
            if other.turns:
                self._waiting.insert(index, job)
                return
        self._waiting.append(job)

    def place(self, job: Job) -> int | None:
        """1 for the next job to start, 2 behind it, ...; 0 while training (resting between turns included);
        None once ended."""
        with self._lock:
            if job.state == "running" or job.resting:
                return 0
            line = self._line(job)
            return line.index(job) + 1 if job in line else None

    def estimate(self, job: Job) -> float | None:
        """Seconds until a waiting job's (next) turn begins, about; 0 while running, None once ended.

        Each job ahead trains at most a turn before this one's comes (a typical turn's length, its switch
        included: measured), and those running now finish theirs; the workers share that. Without turns
        a run ahead takes as long as it takes: None. In the gang's lane a place frees as a gang job ends:
        at the measured mean length of a gang job, `gang_size` at a time (None before one has ended).
        """
        with self._lock:
            if job.state == "running":
                return 0.0
            if job not in self._line(job):
                return None
            if job.lane == "gang":
                if self._gang_seconds is None:
                    return None
                return self._gang_seconds * (self._gang_waiting.index(job) + 1) / self.gang_size
            ahead = list(self._waiting)[:self._waiting.index(job)]
            if not self.slice_seconds or any(other._yield is None for other in (*ahead, *self._running)):
                return None  # a whole run ahead: its length is not known
            now, turn = time.monotonic(), self._turn_seconds or self.slice_seconds  # none measured yet: nominal
            busy = sum(max(0.0, turn - (now - running.turn_started)) for running in self._running)
            return (busy + turn * len(ahead)) / self.workers

    def cancel(self, job: Job, reason: str = "student") -> None:
        """Stop a job: a waiting one leaves the queue at once (its `stop` is called only when it has trained,
        to end the run between turns), a running one stops after the step in hand."""
        with self._lock:
            resting = job.resting
            if not self._leave(job, reason):
                if job.state != "running" or job.reason is not None:
                    return
                job.reason = reason
            elif not resting:  # its work never started: nothing to stop
                return
        job._stop()

    def withdraw(self, job: Job) -> bool:
        """Take a waiting job (before or between turns) out of the line without stopping it (the student's
        pause: the run keeps its state); False when it was not waiting."""
        with self._lock:
            return self._leave(job, "student")

    def capacity(self, job: Job) -> int:
        """How many jobs of this job's lane run at once: the workers, or the gang's size."""
        return self.gang_size if job.lane == "gang" else self.workers

    def _line(self, job: Job) -> deque[Job]:
        return self._gang_waiting if job.lane == "gang" else self._waiting

    def _jobs(self) -> list[Job]:
        """Every job waiting or running, both lanes (under the lock)."""
        return [*self._waiting, *self._running, *self._gang_waiting, *self._gang_running]

    def _leave(self, job: Job, reason: str) -> bool:
        line = self._line(job)
        if job not in line:
            return False
        line.remove(job)
        self._end(job, "cancelled", reason)
        return True

    def counts(self) -> tuple[int, int]:
        """(running, waiting) right now, both lanes together."""
        with self._lock:
            return len(self._running) + len(self._gang_running), len(self._waiting) + len(self._gang_waiting)

    def close(self) -> None:
        """Cancel everything and let the workers end (tests; a server shutting down)."""
        with self._lock:
            self._closed = True
            jobs = self._jobs()
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
                job.state, job.turn_started, job._yield_asked = "running", time.monotonic(), False
                job.started = job.started or job.turn_started
                job.turns += 1
                self._running.add(job)
            more = self._do(job)
            with self._lock:
                self._running.discard(job)
                turn = time.monotonic() - job.turn_started
                job.ran += turn
                if job._yield_asked:  # a full turn: what the next estimate counts on
                    self._turn_seconds += 0.2 * (turn - self._turn_seconds)
                # Only a turn the queue ended goes round again (plain work may return anything).
                if more and job._yield_asked and job.error is None and job.reason is None and not self._closed:
                    job.state = "queued"  # resting: to the back of the line
                    self._waiting.append(job)
                    self._lock.notify_all()
                    continue
                self._end(job, _outcome(job), job.reason)

    @staticmethod
    def _do(job: Job) -> bool:
        """Run the job's work (a turn of it); True when it has more to do."""
        try:
            return bool(job._work())
        except Exception as error:  # reported to the student in words; the thread must not die
            job.error = error
            job._stop()
            return False

    def _start_gang_jobs(self) -> None:
        """Start waiting gang jobs while the gang has room, each on a thread that waits for its run (under the lock)."""
        while self._gang_waiting and len(self._gang_running) < self.gang_size and not self._closed:
            job = self._gang_waiting.popleft()
            job.state = "running"
            job.started = job.turn_started = time.monotonic()
            job.turns = 1
            self._gang_running.add(job)
            threading.Thread(target=self._gang_job, args=(job,), name="train-gang", daemon=True).start()

    def _gang_job(self, job: Job) -> None:
        self._do(job)
        with self._lock:
            self._gang_running.discard(job)
            job.ran = time.monotonic() - job.turn_started
            if job.error is None and job.reason is None:  # a whole run's length: what the next estimate counts on
                mean = self._gang_seconds
                self._gang_seconds = job.ran if mean is None else mean + 0.2 * (job.ran - mean)
            self._end(job, _outcome(job), job.reason)
            self._start_gang_jobs()

    def _end(self, job: Job, state: str, reason: str | None) -> None:
        job.state, job.reason, job.ended = state, reason, time.monotonic()
        if self.log_path:
            ran = job.ended - job.started if job.started is not None else 0.0
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps({"state": state, "reason": reason, "waited": round(job.waited, 3),
                                      "ran": round(ran, 3), "turns": job.turns, "lane": job.lane}) + "\n")
        job._finished.set()

    def _watchdog(self) -> None:
        """Cancel jobs whose owner has been gone for `gone_grace` seconds or that ran past their limit;
        end the turns of jobs that had theirs while others wait."""
        tick = min(self.watch_every, self.slice_seconds / 5) if self.slice_seconds else self.watch_every
        looked = 0.0
        while True:
            time.sleep(tick)
            self._end_turns()
            now = time.monotonic()
            if now - looked < self.watch_every:
                continue
            looked = now
            with self._lock:
                if self._closed:
                    return
                jobs = self._jobs()
            for job in jobs:
                if job.limit_seconds is not None and job.running_seconds(now) > job.limit_seconds:
                    self.cancel(job, "limit")
                elif job._alive is not None and not _safely(job._alive):
                    job._gone_since = job._gone_since or now
                    if now - job._gone_since >= self.gone_grace:
                        self.cancel(job, "gone")
                else:
                    job._gone_since = None


    def _end_turns(self) -> None:
        """Ask each running job whose turn has lasted `slice_seconds` to yield, when another job waits; when a
        new job waits for its first turn, as soon as the turn has lasted FIRST_TURN_WAIT (its student sees it
        move within about a second of Play)."""
        if not self.slice_seconds:
            return
        with self._lock:
            if not self._waiting:
                return
            now = time.monotonic()
            new = not self._waiting[0].turns  # new jobs come first in line (`_arrive`)
            turn = min(self.slice_seconds, FIRST_TURN_WAIT) if new else self.slice_seconds
            due = [job for job in self._running if job._yield is not None and not job._yield_asked
                   and job.reason is None and now - job.turn_started >= turn]
            for job in due:
                job._yield_asked = True
        for job in due:
            job._yield()


def _outcome(job: Job) -> str:
    """How a job whose work has returned ended."""
    return "failed" if job.error is not None else "cancelled" if job.reason else "done"


def _safely(alive: Callable[[], bool]) -> bool:
    try:
        return bool(alive())
    except Exception:  # a check that fails says nothing about the student: keep the job
        return True


def wall_limit(limits: TrainLimits | None = None) -> float:
    """A job's wall-clock bound: the trainer's own time limit (guards.py), plus slack for evaluation."""
    return (limits or TrainLimits()).max_seconds * 1.5
