"""Two students share one training process: a long 2-D run and a short FashionMNIST one.

Run: nice .venv/bin/python bench/turns.py [repeats]
One worker, one child process (as on a 2-core server). Student A trains playground_spiral for long;
once it moves, student B presses Play on fashion_fast for one epoch. Printed: B's time from Play to
done alone, then beside A with whole runs in line (slice 0) and with turns (classroom/queue.py's
SLICE_SECONDS), medians of `repeats` runs; how soon 2, 4 and 8 runs pressed together each first move;
and what one switch costs (the Trainer pickled there and
back, in-process) for fashion_mlp and a 2-D net.
"""

from __future__ import annotations

import dataclasses
import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classroom.processes import ProcessPool, RemoteRun  # noqa: E402
from classroom.queue import SLICE_SECONDS, JobQueue  # noqa: E402
from engine import PRESETS  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import Trainer  # noqa: E402
from engine.training.recommended import recommended_config  # noqa: E402

LONG_EPOCHS = 2_000  # the spiral for long: tens of seconds alone on one core


def trainer(preset: str, **changes) -> Trainer:
    config = dataclasses.replace(recommended_config(preset), **changes)
    return Trainer(PRESETS[preset], load_dataset(config.data), config)


def play(queue: JobQueue, pool: ProcessPool, run: Trainer, owner: str):
    remote = RemoteRun(pool, run, "done")
    return remote, queue.submit(owner, remote.work, remote.stop, yield_turn=remote.yield_turn)


def short_run(pool: ProcessPool, slice_seconds: float, beside_long: bool) -> tuple[float, int]:
    """Seconds from B's Play to done, and B's turns."""
    queue = JobQueue(1, slice_seconds=slice_seconds)
    try:
        if beside_long:
            long = trainer("playground_spiral", epochs=LONG_EPOCHS)
            long_remote, long_job = play(queue, pool, long, "a")
            while long.epoch < 1:
                time.sleep(0.01)
        short = trainer("fashion_fast", epochs=1)
        started = time.monotonic()
        _, job = play(queue, pool, short, "b")
        job.wait()
        seconds = time.monotonic() - started
        assert short.status == "done", short.status
        if beside_long:
            long_remote.stop()
            long_job.wait()
        return seconds, job.turns
    finally:
        queue.close()


def first_moves(pool: ProcessPool, students: int) -> list[float]:
    """`students` long circle runs pressed together, in turns: seconds from Play until each one's server-side
    Trainer has trained a batch (what its page then draws)."""
    queue = JobQueue(1, slice_seconds=SLICE_SECONDS)
    try:
        runs = [trainer("playground_circle", epochs=10_000, seed=seed) for seed in range(students)]
        started = time.monotonic()
        jobs = [play(queue, pool, run, f"s{number}") for number, run in enumerate(runs)]
        moved: dict[int, float] = {}
        while len(moved) < students:
            for number, run in enumerate(runs):
                if number not in moved and run.steps > 0:
                    moved[number] = time.monotonic() - started
            time.sleep(0.005)
        for remote, job in jobs:
            remote.stop()
            job.wait()
        return sorted(moved.values())
    finally:
        queue.close()


def switch_ms(run: Trainer) -> float:
    """One trip of a paused Trainer there and back: pickled, unpickled with its data, twice (median, ms)."""
    times = []
    for _ in range(7):
        started = time.perf_counter()
        for _ in range(2):
            blob = pickle.dumps(run, protocol=pickle.HIGHEST_PROTOCOL)
            copy = pickle.loads(blob).with_data(run.data)
        times.append(time.perf_counter() - started)
        assert copy.steps == run.steps
    return 1000 * statistics.median(times)


def main(repeats: int) -> None:
    """Print B's Play-to-done times (alone, whole runs, turns) and the switch costs."""
    pool = ProcessPool(1)
    pool.warm().join()
    try:
        short_run(pool, SLICE_SECONDS, False)  # the child loads FashionMNIST once
        for label, slice_seconds, beside in (("alone", SLICE_SECONDS, False), ("whole runs", 0.0, True),
                                             (f"turns of {SLICE_SECONDS} s", SLICE_SECONDS, True)):
            runs = [short_run(pool, slice_seconds, beside) for _ in range(repeats)]
            seconds = [s for s, _ in runs]
            print(f"fashion_fast 1 epoch, {label}: Play to done median {statistics.median(seconds):.1f} s "
                  f"(runs {', '.join(f'{s:.1f}' for s in seconds)}; turns {[t for _, t in runs]})", flush=True)
        for students in (2, 4, 8):
            moves = first_moves(pool, students)
            print(f"{students} circle runs pressed together, turns of {SLICE_SECONDS} s: first move after "
                  f"median {statistics.median(moves):.2f} s, last {moves[-1]:.2f} s", flush=True)
    finally:
        pool.close()
    for preset in ("fashion_mlp", "playground_spiral"):
        run = trainer(preset, epochs=2)
        run.step()
        print(f"switch (pickled there and back) {preset}: {switch_ms(run):.1f} ms, "
              f"{len(pickle.dumps(run)) / 1e3:.0f} kB", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
