"""What runs inside the server's gang process: many small runs held in one Gang, trained together.

A class's 2-D playground networks (and other small MLPs that `Gang.fits`) need not wait for each other:
the server (classroom/gang_runs.py) keeps one of these processes and sends it each run as it starts.
It is set up as a training process is (classroom/child.py: pinned to the training cores, niced, one
torch thread, warmed up) and says "ready". Then it holds one `Gang` (engine/training/gang.py):

- ("join", run_id, pickled Trainer without its data, DataRecipe, until) adds a run (its data from the
  same cache as a training process's); a run that cannot join is answered ("error", run_id, words) alone;
- ("pause" | "stop", run_id) and ("pace", run_id, epochs per second) reach that run's Trainer at once;
- while the gang has members it trains them in short slices (`SLICE` seconds), sends every member's
  progress every REPORT_EVERY seconds, all in one ("progress", None, [(run_id, record), ...]), and
  ("end", run_id, pickled Trainer) when a member's piece of work ends; with no members it blocks on the pipe.

Everything happens on the main thread, between slices: a pause or stop takes effect within a slice.
"""

from __future__ import annotations

import pickle
import sys
import threading
import time
from multiprocessing.connection import Connection

from classroom.child import cached_data, main_args, receive, send, set_up
from engine.training.gang import Gang
from engine.training.progress import Mark
from engine.training.trainer import Trainer

SLICE = 0.03  # seconds of training between looks at the pipe: how soon a pause, a stop or a new run is seen
# Seconds between a member's progress records: 5 a second, above the live 2-D view's 4 repaints (pages/train.py).
# Not child.py's 10: the server applies every record (a copy of the weights, ~1-3 ms of its GIL), and with
# thirty members at 10 a second that alone took most of the pages' core in the 30-student load test.
REPORT_EVERY = 0.2
# Records the server takes a second, all members together: each is unpickled and applied (a copy of the model)
# on the server's one reader thread, which shares the pages' core; with thirty members at 5 a second it fell
# behind, this process waited to send, and the runs stalled (bench/load_test.py --scenario circle). The live
# view then polls about once a second too (ui/train/queue_views.py LIVE_POLLS_PER_SECOND).
RECORDS_PER_SECOND = 40


class GangHost:
    """The gang and its members' marks: what the server already holds of each run."""

    def __init__(self, conn: Connection):
        self.conn, self.lock, self.cache = conn, threading.Lock(), {}
        self.gang = Gang()
        self.members: dict[str, tuple[Trainer, Mark]] = {}
        self.fresh: set[str] = set()  # joined since the last records: reported at once, so each run moves at once
        self.reported = time.monotonic()

    def handle(self, message: tuple) -> None:
        """One message from the server."""
        kind, run_id = message[0], message[1]
        if kind == "join":
            self._join(run_id, *message[2:])
            return
        member = self.members.get(run_id)
        if member is None:
            return  # a late word for a run already sent back
        if kind == "pace":
            member[0].set_pace(message[2])
        elif kind == "stop":
            member[0].stop()
        elif kind == "pause":
            member[0].pause()

    def train(self) -> None:
        """One slice for every member; the ended ones go back; progress when it is due."""
        # Members' Trainers are brought up to date only for a report (ended ones always are): with thirty
        # members, doing it after every slice took a fifth of this process's core.
        try:
            ended = self.gang.train(SLICE, up_to_date=False)
            now = time.monotonic()
            if now - self.reported >= max(REPORT_EVERY, len(self.members) / RECORDS_PER_SECOND):
                self.reported = now
                reported = list(self.members)
            else:
                reported = [*ended, *self.fresh]
            self.gang.flush([run_id for run_id in reported if run_id not in ended])
        except Exception as error:  # the batched step itself failed: every member's run ends in words
            self._fail_all(error)
            return
        if reported:
            self._report(reported)
        self.fresh.clear()
        for run_id in ended:
            trainer, _ = self.members.pop(run_id)
            send(self.conn, self.lock, ("end", run_id, pickle.dumps(trainer, protocol=pickle.HIGHEST_PROTOCOL)))

    def _join(self, run_id: str, blob: bytes, recipe, until: str) -> None:
        try:
            trainer = pickle.loads(blob).with_data(cached_data(self.cache, recipe))
            mark = trainer.mark()
            self.gang.add(run_id, trainer, until)
        except Exception as error:  # reported for this run alone; the others train on
            send(self.conn, self.lock, ("error", run_id, f"{type(error).__name__}: {error}"))
            return
        self.members[run_id] = (trainer, mark)
        self.fresh.add(run_id)

    def _report(self, run_ids: list[str]) -> None:
        # The ended members' last records come before their "end"; a status change alone is news too.
        # One message for all: the server's reader then takes the GIL once per report, not once per run (with
        # thirty runs and busy pages it fell behind, the pipe filled, and this process waited on it).
        records = []
        for run_id in run_ids:
            if run_id not in self.members:
                continue
            trainer, mark = self.members[run_id]
            progress = trainer.progress_since(mark)
            self.members[run_id] = (trainer, progress.mark)
            records.append((run_id, progress))
        if records:
            send(self.conn, self.lock, ("progress", None, records))

    def _fail_all(self, error: Exception) -> None:
        words = f"{type(error).__name__}: {error}"
        for run_id in list(self.members):
            if run_id in self.gang:
                self.gang.remove(run_id)
            send(self.conn, self.lock, ("error", run_id, words))
        self.members.clear()
        self.fresh.clear()


def gang_main(conn: Connection, threads: int, nice: int, pin: set[int] | None = None) -> None:
    """The gang process's life: set up once, then train whoever joins until the server goes."""
    set_up(threads, nice, pin)
    host = GangHost(conn)
    send(conn, host.lock, ("ready", None))
    while True:
        try:
            # With no members, wait for the next word; with some, take what has come between slices.
            while conn.poll(None if not host.members else 0):
                host.handle(receive(conn))
        except (EOFError, OSError):
            return  # the server has gone: so do we
        if host.members:
            try:
                host.train()
            except OSError:
                return  # the server went while we wrote to it


if __name__ == "__main__":  # python -m classroom.gang_child FD THREADS NICE CORES (classroom/gang_runs.py starts it)
    gang_main(*main_args(sys.argv))
