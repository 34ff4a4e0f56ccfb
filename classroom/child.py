"""What runs inside a training process: receive a Trainer, train it, report, send it back.

The server (classroom/processes.py) starts a few of these processes and hands each one piece of
work at a time: a pickled Trainer without its data, a DataRecipe, and how far to go ("done", "epoch"
or "batch"). Once warmed up it says "ready" (a server's start-up waits for that). Training happens on
this process's main thread; a small reporter thread answers the server's "pause", "stop" and "pace" and,
~10 times a second, sends the run's new progress as one record
(engine/training/progress.py: counters, new history and losses, the weights when they changed). At
the end the whole Trainer goes back: optimizer state, generators and the epoch in progress included.

Every message is a plain pickle sent as bytes: tensors travel by value, never as shared memory.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from multiprocessing.connection import Connection

import torch

from engine.data.recipe import DataRecipe

REPORT_EVERY = 0.1  # seconds between progress messages (and at most this often a copy of the weights)
# Data sets a process keeps loaded, the least recently used dropped first (FashionMNIST is the large one,
# ~55 MB): runs take turns, so a class's few data sets must stay loaded or every turn would load one again.
KEEP_DATA = 6
WORK = {"done": "run", "epoch": "run_epoch", "batch": "step"}


def send(conn: Connection, lock: threading.Lock, message: tuple) -> None:
    """Send one message as a plain pickle (one writer at a time)."""
    blob = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    with lock:
        conn.send_bytes(blob)


def receive(conn: Connection) -> tuple:
    """The next message; EOFError once the other side has gone."""
    return pickle.loads(conn.recv_bytes())


def child_main(conn: Connection, threads: int, nice: int, pin: set[int] | None = None) -> None:
    """A training process's life: set itself up once, then train what it is sent until the server goes."""
    set_up(threads, nice, pin)
    lock, cache = threading.Lock(), {}
    send(conn, lock, ("ready", None))  # the server may wait for this (ui/startup.py)
    while True:
        try:
            message = receive(conn)
        except (EOFError, OSError):
            return  # the server has gone: so do we
        if message[0] != "run":
            continue  # a late "pause", "stop" or "pace" for a run already sent back
        _, blob, recipe, until = message
        try:
            trainer = pickle.loads(blob).with_data(cached_data(cache, recipe))
        except Exception as error:  # reported in words; this process lives on
            send(conn, lock, ("error", f"{type(error).__name__}: {error}"))
            continue
        reporter = Reporter(conn, lock, trainer)
        reporter.start()
        try:
            getattr(trainer, WORK[until])()
        except Exception as error:
            reporter.finish()
            send(conn, lock, ("error", f"{type(error).__name__}: {error}"))
            continue
        reporter.finish()
        if reporter.orphaned:
            return
        send(conn, lock, ("end", pickle.dumps(trainer, protocol=pickle.HIGHEST_PROTOCOL)))


def set_up(threads: int, nice: int, pin: set[int] | None) -> None:
    """A training process's one-time set-up: its cores, its lower priority, its torch threads, its warm-up."""
    if pin:
        pin_threads(pin)
    if nice > 0:
        try:
            os.nice(nice)  # pages win the cores; training takes what is left
            # And at once: a page thread woken for the GIL waited out a niced child's whole time slice.
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        except (AttributeError, OSError):
            pass
    torch.set_num_threads(threads)
    _warm_up()


def _warm_up() -> None:
    """Pay torch's one-time costs now, while the process waits for work, not in a student's first run:
    the first optimizer step of a process imports hundreds of modules (torch._dynamo, sympy), for seconds."""
    weight = torch.zeros(1, requires_grad=True)
    (2 * weight).sum().backward()
    torch.optim.SGD([weight], lr=0.1).step()


def pin_threads(cores: set[int]) -> None:
    """Keep every thread of this process on `cores`: those running now (importing torch starts some)
    and, as threads inherit it, those to come."""
    try:
        for thread in os.listdir("/proc/self/task"):
            os.sched_setaffinity(int(thread), cores)
    except (AttributeError, OSError):  # not Linux, or the cores are not ours: run anywhere
        pass


def cached_data(cache: dict, recipe: DataRecipe):
    """The recipe's data set, from `cache` (at most KEEP_DATA kept, the least recently used dropped first)."""
    if recipe.key in cache:
        cache[recipe.key] = cache.pop(recipe.key)  # now the most recently used
    else:
        while len(cache) >= KEEP_DATA:
            cache.pop(next(iter(cache)))  # the least recently used first
        cache[recipe.key] = recipe.load()
    return cache[recipe.key]


class Reporter(threading.Thread):
    """While a run trains: pass on the server's pause/stop/pace, and send progress every REPORT_EVERY seconds."""

    def __init__(self, conn: Connection, lock: threading.Lock, trainer):
        super().__init__(name="train-reporter", daemon=True)
        self.conn, self.lock, self.trainer = conn, lock, trainer
        self.orphaned = False  # the server went away mid-run
        self._done = threading.Event()
        self._asked: str | None = None
        self._mark = trainer.mark()  # the server's Trainer holds this much already

    def run(self) -> None:
        """Listen and report until `finish`."""
        while not self._done.is_set():
            try:
                if self.conn.poll(REPORT_EVERY):
                    message = receive(self.conn)
                    if message[0] == "pace":  # the student's speed control: at once, the run goes on
                        self.trainer.set_pace(message[1])
                    elif self._asked != "stop":
                        self._asked = message[0]
            except (EOFError, OSError):
                self.orphaned, self._asked = True, "stop"
            # Asked again on every tick: a pause that came before the loop began would otherwise be forgotten.
            if self._asked == "stop":
                self.trainer.stop()
            elif self._asked == "pause":
                self.trainer.pause()
            if not self.orphaned and not self._done.is_set():
                self._report()

    def finish(self) -> None:
        """Stop listening (the run has returned) and wait for this thread."""
        self._done.set()
        self.join()

    def _report(self) -> None:
        progress = self.trainer.progress_since(self._mark)
        self._mark = progress.mark
        try:
            send(self.conn, self.lock, ("progress", progress))
        except OSError:
            self.orphaned = True


def main_args(argv: list[str]) -> tuple[Connection, int, int, set[int] | None]:
    """A training process's command line, FD THREADS NICE CORES (classroom/processes.py writes it)."""
    cores = {int(core) for core in argv[4].split(",") if core} if len(argv) > 4 else None
    return Connection(int(argv[1])), int(argv[2]), int(argv[3]), cores


if __name__ == "__main__":  # python -m classroom.child FD THREADS NICE CORES (classroom/processes.py starts it)
    child_main(*main_args(sys.argv))
