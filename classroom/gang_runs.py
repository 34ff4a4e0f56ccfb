"""The server's gang: a class's small runs trained together in one process, none waiting for another.

With one training core, thirty students pressing Play on a 2-D preset would wait for each other's
whole runs in the queue's worker line. Runs that `Gang.fits` (engine/training/gang.py: the 2-D
playground's MLPs and other small ones with plain SGD and the hand-written step) go instead to the
server's one gang process (classroom/gang_child.py), which trains all of its members together,
each with the numbers of its run alone. The queue (classroom/queue.py) gives them a lane of their
own: they start at once while the gang has room (`TORCH_PLAYGROUND_GANG_SIZE`, default 64) and take
no turns. Everything else (Adam, a CNN, FashionMNIST) still goes to a worker's process (RemoteRun).

`GangServer` starts the process when first needed (or at the server's start, `warm`), and a reader
thread routes its messages to each run by id. `GangRun` has RemoteRun's surface (work, stop, pause,
yield_turn, set_pace, process), so ui/train/job.py only chooses which (`run_for`). A gang process
that dies fails each of its runs with the translated "train_worker_lost" error; the next Play starts a
fresh one.
"""

from __future__ import annotations

import pickle
import threading
import uuid
from dataclasses import dataclass, field

from classroom.child import receive
from classroom.processes import (
    POLL,
    ProcessPool,
    ProcessRun,
    RemoteRun,
    RunFailed,
    TrainingProcess,
    lost,
    training_cores,
)
from classroom.queue import WORKER_NICE
from engine.training.gang import Gang
from engine.training.trainer import Trainer


def run_for(trainer: Trainer, until: str, pool: ProcessPool, gang: GangServer) -> tuple[ProcessRun, str]:
    """Where a piece of a run trains, and in which of the queue's lanes: the gang when it fits, else a worker."""
    if Gang.fits(trainer):
        return GangRun(gang, trainer, until), "gang"
    return RemoteRun(pool, trainer, until), "worker"


@dataclass
class _GangProcess:
    """One gang process, the runs it holds (by id), and whether it has warmed up."""

    process: TrainingProcess
    runs: dict[str, GangRun] = field(default_factory=dict)
    ready: threading.Event = field(default_factory=threading.Event)


class GangServer:
    """The server's one gang process, started when first needed and again after it died."""

    def __init__(self, *, nice: int = WORKER_NICE, pin: list[int] | None = None):
        self.nice = nice
        self.pin = training_cores() if pin is None else pin
        self._lock = threading.Lock()
        self._current: _GangProcess | None = None

    @property
    def process(self) -> TrainingProcess | None:
        """The gang process now, alive or not (None before the first)."""
        current = self._current
        return None if current is None else current.process

    def warm(self, timeout: float = 120.0) -> threading.Thread:
        """Start the gang process in the background and let it warm up; join the thread to wait (at most
        `timeout` seconds). For a server's start, as ProcessPool.warm."""
        def start() -> None:
            with self._lock:
                gang = self._live()
            gang.ready.wait(timeout)

        thread = threading.Thread(target=start, name="gang-warm", daemon=True)
        thread.start()
        return thread

    def join(self, run: GangRun, blob: bytes, until: str) -> TrainingProcess:
        """Send a run (its pickled Trainer) to the gang; its messages go to `run.receive` until `leave`."""
        with self._lock:
            gang = self._live()
            gang.runs[run.id] = run
        if not gang.process.send(("join", run.id, blob, run.recipe, until)):
            self.leave(run.id)
            raise lost()
        return gang.process

    def leave(self, run_id: str) -> None:
        """Forget a run (its piece has ended): late messages for it are dropped."""
        with self._lock:
            if self._current is not None:
                self._current.runs.pop(run_id, None)

    def close(self) -> None:
        """End the gang process (tests; a server shutting down): its runs fail."""
        with self._lock:
            current, self._current = self._current, None
        if current is not None:
            current.process.kill()

    def _live(self) -> _GangProcess:
        """The live gang process, a fresh one when there is none (under the lock)."""
        current = self._current
        if current is None or not current.process.alive:
            current = self._current = _GangProcess(TrainingProcess(1, self.nice, self.pin, "classroom.gang_child"))
            threading.Thread(target=self._read, args=(current,), name="gang-reader", daemon=True).start()
        return current

    def _route(self, gang: _GangProcess, run_id: str, kind: str, payload) -> None:
        with self._lock:
            run = gang.runs.get(run_id)
        if run is not None:
            run.receive(kind, payload)

    def _read(self, gang: _GangProcess) -> None:
        """Route the gang process's messages to its runs until it goes; then each of its runs fails in words."""
        conn = gang.process.conn
        while True:
            try:
                message = receive(conn) if conn.poll(POLL) else None
            except (EOFError, OSError):
                break
            if message is None:
                if not gang.process.alive:
                    break
                continue
            kind, run_id = message[0], message[1]
            if kind == "ready":
                gang.ready.set()
                continue
            if kind == "progress":  # every member's record of one report, together
                for member_id, record in message[2]:
                    self._route(gang, member_id, kind, record)
            else:
                self._route(gang, run_id, kind, message[2])
        with self._lock:
            runs, gang.runs = list(gang.runs.values()), {}
            if self._current is gang:
                self._current = None  # the next join starts a fresh process
        gang.process.kill()
        for run in runs:
            run.lost()


class GangRun(ProcessRun):
    """One piece of a Trainer's work ("done", "epoch" or "batch") in the server's gang: the queue's work and stop."""

    def __init__(self, gang: GangServer, trainer: Trainer, until: str):
        super().__init__(trainer, until)
        self.gang = gang
        self.id = uuid.uuid4().hex  # the run's name in the gang process
        self._ended = threading.Event()
        self._woken = threading.Event()  # an end, or a stop to watch: what the waiting thread looks at
        self._outcome: tuple[str, object] | None = None

    def _message(self, *words) -> tuple:
        return (words[0], self.id, *words[1:])

    def work(self) -> bool:
        """Train in the gang until the piece ends (False: gang runs take no turns); the Trainer is then the
        gang's. Raises when the gang process died or the run failed there."""
        with self._lock:
            if self._asked is not None and self.trainer.status in ("paused", "stopped"):
                return False
            self._ended.clear()
            self._woken.clear()
            self._outcome = None
        try:
            pickled_pace = self.trainer.pace
            process = self.gang.join(self, pickle.dumps(self.trainer, protocol=pickle.HIGHEST_PROTOCOL), self.until)
            with self._lock:
                self._child, asked = process, self._asked
            if asked is not None:  # pause or stop came while the run was on its way
                process.send(self._message(asked))
            if self.trainer.pace != pickled_pace:  # the speed control moved meanwhile
                process.send(self._message("pace", self.trainer.pace))
            self._wait()
        except Exception:
            self.trainer.abandon()  # the run is over: the next Play starts a fresh one
            raise
        finally:
            self.gang.leave(self.id)
            with self._lock:
                self._child = None
        return False

    def yield_turn(self) -> None:
        """Gang runs take no turns: the queue never asks, and there is nothing to give up."""

    def stop(self) -> None:
        """Ask the gang to stop this run after the batch in hand; its waiting thread watches from now on."""
        super().stop()
        self._woken.set()

    def receive(self, kind: str, payload) -> None:
        """A message of the gang process for this run (its reader thread): progress, its end, or its error."""
        if kind == "progress":
            try:
                self.trainer.apply(payload)
                return
            except ValueError as error:  # out of step: this run cannot go on, the others can
                kind, payload = "error", str(error)
        self._end(kind, payload)

    def lost(self) -> None:
        """The gang process has gone."""
        self._end("lost", None)

    def _end(self, kind: str, payload) -> None:
        self._outcome = (kind, payload)
        self._ended.set()
        self._woken.set()

    def _wait(self) -> None:
        # Asleep until the run ends or a stop is asked, then a look every POLL: a class's runs in the
        # gang do not each wake the server several times a second.
        while not self._ended.is_set():
            self._woken.wait(None if self._stop_asked_at is None else POLL)
            self._woken.clear()
            if self._ended.is_set():
                break
            if self._stuck():
                raise lost()  # still training long after Stop: given up (the gang's others train on)
        kind, payload = self._outcome
        if kind == "end":
            self.trainer.take_over(pickle.loads(payload))
        elif kind == "error":  # the run raised in the gang; its words, never a traceback
            raise RunFailed(payload)
        else:
            raise lost()
