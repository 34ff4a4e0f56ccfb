"""A class presses Play on the circle preset together: how soon each run moves, and how fast each trains.

Run: nice .venv/bin/python bench/gang_class.py [students] [seconds] [repeats]
The server's side without pages: one gang process (classroom/gang_runs.py) and the queue's gang lane,
as ui/train/job.py uses them. `students` runs (default 30) of playground_circle, each with its own
seed and long enough not to end, are submitted at once; they train for `seconds` (default 20) and
are stopped. Printed per repeat (default 1) and as medians over repeats: the seconds from Play to each
run's first progress (median and last student), and each student's epochs a second over the window
after all had moved (median and slowest student), with the whole gang's epochs a second, and the CPU this
(server's) process spent meanwhile, in cores: mostly applying the gang's progress records to each Trainer.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classroom.gang_runs import GangRun, GangServer  # noqa: E402
from classroom.queue import JobQueue  # noqa: E402
from engine import PRESETS  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import Trainer  # noqa: E402
from engine.training.recommended import recommended_config  # noqa: E402


def students_train(gang: GangServer, students: int, seconds: float) -> dict[str, float]:
    """One class: first-move and epochs-a-second figures."""
    queue = JobQueue(1)
    config = recommended_config("playground_circle")
    data = load_dataset(config.data)
    trainers = [Trainer(PRESETS["playground_circle"], data, dataclasses.replace(config, epochs=10_000, seed=seed))
                for seed in range(students)]
    runs = [GangRun(gang, trainer, "done") for trainer in trainers]
    pressed = time.monotonic()
    jobs = [queue.submit(f"s{index}", run.work, run.stop, lane="gang") for index, run in enumerate(runs)]
    moved: dict[int, float] = {}
    while len(moved) < students and time.monotonic() - pressed < 60:
        for index, trainer in enumerate(trainers):
            if index not in moved and trainer.steps > 0:
                moved[index] = time.monotonic() - pressed
        time.sleep(0.005)
    start, cpu = time.monotonic(), time.process_time()
    epochs = [trainer.epoch + trainer.batch / trainer.batches_per_epoch for trainer in trainers]
    time.sleep(max(0.0, seconds - (start - pressed)))
    window = time.monotonic() - start
    server = (time.process_time() - cpu) / window  # this process only: what applying the records costs the server
    rates = [(trainer.epoch + trainer.batch / trainer.batches_per_epoch - before) / window
             for trainer, before in zip(trainers, epochs)]
    for run in runs:
        run.stop()
    for job in jobs:
        job.wait(60)
    queue.close()
    first = sorted(moved.values())
    return {"moved_median_s": first[len(first) // 2], "moved_last_s": first[-1], "moved": len(first),
            "epochs_per_s_median": statistics.median(rates), "epochs_per_s_slowest": min(rates),
            "epochs_per_s_all": sum(rates), "server_cores": server}


def main() -> None:
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    gang = GangServer()
    gang.warm().join()
    try:
        results = []
        for repeat in range(repeats):
            figures = students_train(gang, students, seconds)
            results.append(figures)
            print(f"repeat {repeat + 1}: " + ", ".join(f"{key} {value:.2f}" for key, value in figures.items()))
        medians = {key: statistics.median(result[key] for result in results) for key in results[0]}
        print(f"{students} students, {seconds:.0f} s, median of {repeats}: "
              + ", ".join(f"{key} {value:.2f}" for key, value in medians.items()))
    finally:
        gang.close()


if __name__ == "__main__":
    main()
