"""Training in the background: the server's fair queue (classroom/queue.py) runs each student's run in a
training process (classroom/processes.py).

The job (trainer, progress) lives in the student's session state; a fragment polls it and draws. The
queue lets a few runs train at once and the rest wait their turn; a run whose browser tab has closed
is stopped by the queue's watchdog. While a run trains in its process, `job.trainer` mirrors it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from classroom.processes import ProcessPool, RemoteRun
from classroom.queue import Job, JobQueue, wall_limit
from engine.training import Trainer


@dataclass(frozen=True)
class Classroom:
    """The server's one queue (every session's runs) and its training processes, one per worker."""

    queue: JobQueue
    pool: ProcessPool

    @property
    def workers(self) -> int:
        """Runs that train at the same time on this server; more students wait in the queue."""
        return self.queue.workers


@cache
def classroom() -> Classroom:
    """The server's classroom, made on first use (the server's start-up, `ui/startup.py`, or a first Play)."""
    queue = JobQueue(log_path=os.environ.get("TORCH_PLAYGROUND_QUEUE_LOG"))
    return Classroom(queue, ProcessPool(queue.workers))


class TrainingJob:
    """One student's run: the trainer, what it was asked to do, and its place in the server's queue."""

    def __init__(self, trainer: Trainer, key: tuple):
        self.trainer = trainer
        self.key = key  # (spec, config, start): the settings this run was built from
        self.ticket: Job | None = None
        self._remote: RemoteRun | None = None

    @property
    def running(self) -> bool:
        """True while the run is queued or training in a worker."""
        return self.ticket is not None and self.ticket.active

    @property
    def place(self) -> int | None:
        """Place in the queue (1 = next), 0 while training, None when neither."""
        return None if self.ticket is None else classroom().queue.place(self.ticket)

    @property
    def error(self) -> BaseException | None:
        """What went wrong inside the run, to report in words."""
        return None if self.ticket is None else self.ticket.error

    @property
    def pid(self) -> int | None:
        """The id of the process training this run right now (None while waiting or idle)."""
        process = None if self._remote is None else self._remote.process
        return None if process is None else process.pid

    def start(self, until: str = "done") -> None:
        """Queue the trainer to go on until "done", the end of the "epoch", or one "batch".

        Raises PlaygroundError when this student already has a run in the queue, or the queue is full.
        """
        if self.running or self.trainer.finished:
            return
        room = classroom()
        remote = RemoteRun(room.pool, self.trainer, until)
        owner, alive = _session()
        self.ticket = room.queue.submit(owner, remote.work, remote.stop, alive=alive,
                                   limit_seconds=wall_limit(self.trainer.limits))
        self._remote = remote

    def pause(self) -> None:
        """Pause after the batch in hand (a waiting run just leaves the queue, ready to resume)."""
        if self.ticket is not None and classroom().queue.place(self.ticket):
            classroom().queue.cancel(self.ticket)
        elif self._remote is not None:
            self._remote.pause()

    def stop(self) -> None:
        """Stop after the batch in hand (or leave the queue); the run is over."""
        if self.ticket is not None:
            classroom().queue.cancel(self.ticket)
        self.trainer.stop()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the current piece of work is over (tests and benchmarks)."""
        if self.ticket is not None:
            self.ticket.wait(timeout)


def _session():
    """This session's id, and a check that its browser tab is still connected (None outside a server)."""
    context = get_script_run_ctx()
    session_id = context.session_id if context is not None else "local"
    if not Runtime.exists():  # AppTest and scripts: no websocket to lose
        return session_id, None
    runtime = Runtime.instance()
    return session_id, lambda: runtime.is_active_session(session_id)
