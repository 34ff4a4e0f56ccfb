"""Training in child processes: the server's pages never share a GIL with a training loop.

A training loop in a thread of the server competes for the one GIL with every student's script
run: the live page slowed training three times over, and full classrooms stopped answering. Here
each of the queue's workers (classroom/queue.py) drives one persistent child process, started lazily
as a fresh interpreter (never a fork of the threaded server), which imports torch once, uses its
share of the cores, runs on the training cores only (every core but the pages' one) and at a lower
priority than the pages (classroom/child.py).

Not multiprocessing's "spawn": it re-imports the parent's `__main__` in the child, and under
Streamlit `__main__` is the app's own script (ScriptRunner installs it there), so every child would
run streamlit_app.py. `python -m classroom.child` with one end of a socket pair imports only what
training needs; the pipe is multiprocessing's Connection all the same.

`RemoteRun` is one piece of work for the queue: it sends the student's Trainer (without its data)
to a child, applies the child's progress records to the same Trainer object the pages read
(`trainer.apply`: counters, history, losses, and ~10 times a second the latest weights, `steps`
being their version), and when the child sends the trained state back, the Trainer becomes it,
ready for the next Play or Step.
Runs take turns (classroom/queue.py): when the queue says a turn is over (`yield_turn`), the child is
asked to pause after the batch in hand, the Trainer comes back exactly where it was (generators,
optimizer state, the epoch in progress), and `work` returns True; the next turn sends it to whichever
child is free, and the run goes on as if it had never stopped. Between turns the server's Trainer stays
"running"; a pause or stop then takes effect at once.
A child that dies (killed, out of memory) ends the job as failed with a translated message; the
pool starts a fresh one for the next job. A child that ignores "stop" for STOP_GRACE is killed.
"""

from __future__ import annotations

import os
import pickle
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from classroom.child import receive, send
from classroom.queue import WORKER_NICE, cores
from engine.data.recipe import DataRecipe
from engine.errors import PlaygroundError
from engine.training.trainer import Trainer

ROOT = Path(__file__).resolve().parent.parent  # where `engine` is importable from
POLL = 0.2  # seconds between looks at a child that sends nothing (is it still alive?)
# Seconds a child may take to stop once asked (a batch, an evaluation, loading FashionMNIST) before it is killed.
STOP_GRACE = 20.0
PAGES_CORE_ENV = "TORCH_PLAYGROUND_PAGES_CORE"


def threads_per_job(workers: int) -> int:
    """torch threads per training process: the cores but one (the pages'), shared among the workers."""
    return max(1, (cores() - 1) // workers)


def _allowed_cores() -> list[int]:
    return sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []


def pages_core_index(cores_allowed: int) -> int:
    """Which of the allowed cores (counted from 0, the lowest) the pages keep to: $TORCH_PLAYGROUND_PAGES_CORE,
    else 0. Replicas on one machine each take their own (replica i: i); a count past the last core wraps."""
    asked = os.environ.get(PAGES_CORE_ENV, "").strip()
    return int(asked) % cores_allowed if asked.isdigit() and cores_allowed else 0


def pages_cores() -> list[int]:
    """The core the server's pages run on (`pages_core_index`: the lowest unless told); none (run anywhere)
    on a one-core box.

    Unpinned, the server's script threads also ran on the training core, where the training processes'
    lower priority gave them a tenth of it: thirty students watching a class's gang got ~1 epoch/s and
    clicks went unanswered for 30 s (bench/load_test.py --scenario circle; pinned: p95 0.15 s).
    One server's pages use one core at most (one GIL); replicas on one machine that all kept to the lowest
    served no more than one (bench/load_test.py --replicas 2).
    """
    allowed = _allowed_cores()
    return [allowed[pages_core_index(len(allowed))]] if len(allowed) > 1 else []


def training_cores() -> list[int]:
    """The cores training processes may run on: all but the pages' one.

    Niceness alone lets a page's burst (or anything else on the box) take a training core for a
    while; pinned, training runs keep their cores and the pages keep theirs. Empty on a one-core box.
    """
    pages = pages_cores()
    return [core for core in _allowed_cores() if core not in pages] if pages else []


class TrainingProcess:
    """One child process and the server's end of its pipe."""

    def __init__(self, threads: int, nice: int, pin: list[int] | None = None, module: str = "classroom.child"):
        ours, theirs = socket.socketpair()
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        pinned = ",".join(map(str, pin or []))  # empty: the child may run anywhere
        self.process = subprocess.Popen(  # `module`: classroom.child, or classroom.gang_child (gang_runs.py)
            [sys.executable, "-m", module, str(theirs.fileno()), str(threads), str(nice), pinned],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": path})
        theirs.close()  # only the child holds its end: it sees EOF when the server goes, and we when it dies
        self.conn = Connection(ours.detach())
        self._lock = threading.Lock()
        self.ready = False  # the child has warmed up (its first message); a job may come before that

    @property
    def pid(self) -> int:
        """The process id."""
        return self.process.pid

    @property
    def alive(self) -> bool:
        """True while the process runs."""
        return self.process.poll() is None

    def send(self, message: tuple) -> bool:
        """Send a message; False when the child has gone."""
        try:
            send(self.conn, self._lock, message)
            return True
        except (OSError, ValueError):
            return False

    def wait_ready(self, timeout: float) -> bool:
        """Block until the child has warmed up (True), gone, or `timeout` passed (False). Only for a process
        that no job holds: its first message is "ready"."""
        if not self.ready:
            try:
                self.ready = self.conn.poll(timeout) and receive(self.conn)[0] == "ready"
            except (EOFError, OSError):
                return False
        return self.ready

    def kill(self) -> None:
        """End the process at once (it does not answer, or the server is closing)."""
        if self.alive:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:  # not reaped yet; the OS still ends it
            pass
        self.conn.close()


class ProcessPool:
    """Up to `size` training processes, started when first needed and reused; a dead one is replaced."""

    def __init__(self, size: int, *, threads: int | None = None, nice: int = WORKER_NICE,
                 pin: list[int] | None = None):
        self.size = size
        self.threads = threads or threads_per_job(size)
        self.nice = nice
        self.pin = training_cores() if pin is None else pin
        self._idle: list[TrainingProcess] = []
        self._all: list[TrainingProcess] = []
        self._lock = threading.Lock()

    def acquire(self) -> TrainingProcess:
        """An idle live process, or a new one (the queue never asks for more than `size` at once)."""
        with self._lock:
            while self._idle:
                child = self._idle.pop()
                if child.alive:
                    return child
                self._forget(child)
        child = TrainingProcess(self.threads, self.nice, self.pin)  # outside the lock: starting takes a moment
        with self._lock:
            self._all.append(child)
        return child

    def warm(self, timeout: float = 120.0) -> threading.Thread:
        """Start a process in the background now and let it warm up, so that the first Play need not wait
        for torch's import; join the returned thread to wait for it (at most `timeout` seconds).

        For a server's start, before any job: meanwhile a job would start a process of its own.
        """
        def start() -> None:
            child = self.acquire()
            child.wait_ready(timeout)
            self.release(child)

        thread = threading.Thread(target=start, name="train-warm", daemon=True)
        thread.start()
        return thread

    def release(self, child: TrainingProcess) -> None:
        """Give a process back after a job: kept when alive, dropped (and reaped) when not."""
        with self._lock:
            if child.alive and len(self._idle) < self.size:
                self._idle.append(child)
                return
            self._forget(child)
        child.kill()

    def processes(self) -> list[TrainingProcess]:
        """Every process started and not yet dropped (tests look at their pids)."""
        with self._lock:
            return list(self._all)

    def close(self) -> None:
        """End every process (tests; a server shutting down)."""
        with self._lock:
            children, self._all, self._idle = self._all, [], []
        for child in children:
            child.kill()

    def _forget(self, child: TrainingProcess) -> None:
        if child in self._all:
            self._all.remove(child)


class RunFailed(RuntimeError):
    """The run raised in its process (the message is its words, never a traceback); the process lives on."""


class ProcessRun:
    """What every run trained in another process answers: the student's pause, stop and pace, passed on
    to the process that holds it (RemoteRun here, GangRun in classroom/gang_runs.py)."""

    def __init__(self, trainer: Trainer, until: str):
        self.trainer, self.until = trainer, until
        self.recipe = DataRecipe.of(trainer.data, trainer.config.data, trainer.config.options)
        self._lock = threading.Lock()
        self._child: TrainingProcess | None = None
        self._asked: str | None = None
        self._stop_asked_at: float | None = None
        self._resting = False  # between turns: the Trainer is here, nobody trains it

    def _message(self, *words) -> tuple:
        """A word for this run, as its process expects it."""
        return words

    @property
    def process(self) -> TrainingProcess | None:
        """The process training this piece right now (None before and after)."""
        return self._child

    def pause(self) -> None:
        """Ask the process to pause after the batch in hand (between turns: paused now)."""
        self._ask("pause")

    def stop(self) -> None:
        """Ask the process to stop after the batch in hand (given up after STOP_GRACE; between turns:
        stopped now)."""
        self._ask("stop")

    def set_pace(self, epochs_per_second: float | None) -> None:
        """The student's speed control: the process trains at this pace from its next batch (see
        Trainer.set_pace), and the run keeps it when it comes back."""
        self.trainer.set_pace(epochs_per_second)
        with self._lock:
            child = self._child
        if child is not None:  # not sent yet: the pickled Trainer carries its pace
            child.send(self._message("pace", epochs_per_second))

    def _ask(self, what: str) -> None:
        with self._lock:
            if self._asked == "stop":
                return
            self._asked = what
            child = self._child
            if what == "stop" and child is not None:
                self._stop_asked_at = time.monotonic()
            if self._resting:  # nothing trains it: the student's word takes effect at once
                self.trainer.settle(what)
        if child is not None:
            child.send(self._message(what))

    def _stuck(self) -> bool:
        """True once a stop has gone unanswered for STOP_GRACE seconds."""
        return self._stop_asked_at is not None and time.monotonic() - self._stop_asked_at > STOP_GRACE


class RemoteRun(ProcessRun):
    """One piece of a Trainer's work ("done", "epoch" or "batch") in a child: the queue's work and stop."""

    def __init__(self, pool: ProcessPool, trainer: Trainer, until: str):
        super().__init__(trainer, until)
        self.pool = pool
        self._yielding = False  # this turn was asked to end

    def work(self) -> bool:
        """Train in a child until the piece ends or the turn does (True: more to do, at the next turn); the
        Trainer is then the child's. Raises when the child died."""
        with self._lock:
            self._resting = self._yielding = False
            if self._asked is not None and self.trainer.status in ("paused", "stopped"):
                return False  # paused or stopped between turns: already settled
        child = self.pool.acquire()
        try:
            pickled_pace = self.trainer.pace
            blob = pickle.dumps(self.trainer, protocol=pickle.HIGHEST_PROTOCOL)
            if not child.send(("run", blob, self.recipe, self.until)):
                raise lost()
            with self._lock:
                self._child, asked = child, self._asked
                if asked == "stop":
                    self._stop_asked_at = time.monotonic()  # the grace runs from when the child could know
                if asked is None and self._yielding:  # the turn ended while the child was being started
                    asked = "pause"
            if asked is not None:  # pause or stop came while the child was being found or started
                child.send((asked,))
            if self.trainer.pace != pickled_pace:  # the speed control moved while the Trainer was pickled
                child.send(("pace", self.trainer.pace))
            self._follow(child)
            return self._resting  # the turn ended as asked, and not by the student: the run goes on
        except Exception as error:
            self.trainer.abandon()  # the run is over: the next Play starts a fresh one
            if not isinstance(error, RunFailed):  # gone, stuck or out of step: reaped now, never handed out again
                child.kill()
            raise
        finally:
            with self._lock:
                self._child = None
            self.pool.release(child)

    def yield_turn(self) -> None:
        """The queue's word that this turn is over: the child pauses after the batch in hand, and `work`
        returns True unless the student paused or stopped meanwhile."""
        with self._lock:
            child, self._yielding = self._child, True
        if child is not None:
            child.send(("pause",))  # to the child a turn's end is a pause; only this side knows the difference

    def _follow(self, child: TrainingProcess) -> None:
        while True:
            if self._stuck():
                raise lost()  # stuck, or still busy long after Stop: `work` kills it
            try:
                message = receive(child.conn) if child.conn.poll(POLL) else None
            except (EOFError, OSError):
                raise lost() from None
            if message is None:
                if not child.alive:
                    raise lost()
                continue
            kind, payload = message
            if kind == "ready":  # the child's warm-up, when nobody waited for it
                continue
            if kind == "progress":
                self.trainer.apply(payload)
            elif kind == "end":
                trained = pickle.loads(payload)
                with self._lock:  # a turn's end, not the student's pause: the page never sees "paused"
                    if self._yielding and self._asked is None and trained.status == "paused":
                        trained.rest_between_turns()
                        self._resting = True
                    self.trainer.take_over(trained)
                return
            else:  # "error": the run raised in the child; its words, never a traceback
                raise RunFailed(payload)


def lost() -> PlaygroundError:
    """The translated error of a process that died, or was killed for not stopping."""
    return PlaygroundError("train_worker_lost")
