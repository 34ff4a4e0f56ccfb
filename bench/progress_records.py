"""What one progress record costs the server that applies it (engine/training/progress.py).

    .venv/bin/python bench/progress_records.py

A class's training processes send each run's progress, its weights included, dozens of times a second,
and the server's reader thread unpickles and applies every record under the GIL its pages need. Printed,
in microseconds per record for the 2-D playground's network and the tutorial's FashionMNIST network
(medians of 5 rounds): pickling and unpickling the weights as tensors (torch's own pickling) and as a
record sends them (numpy arrays), and turning a record's weights into a new module (a deep copy and
load_state_dict), which the Trainer now does only when a page reads the model.
"""

from __future__ import annotations

import copy
import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import PRESETS, build_model  # noqa: E402
from engine.training.progress import Mark, Progress  # noqa: E402

ROUNDS, TIMES = 5, 300


def per_call(work) -> float:
    """Median microseconds per call of `work` over ROUNDS rounds of TIMES calls."""
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(TIMES):
            work()
        rounds.append((time.perf_counter() - started) / TIMES * 1e6)
    return statistics.median(rounds)


def record(weights: dict) -> Progress:
    """A record as a training process sends it mid-run: one epoch's counters and new weights."""
    return Progress(Mark(0, 0, 0), 1, 3, "training", 1.0, 3, (), (0.5, 0.4, 0.3), None, weights)


def figures(preset: str) -> dict[str, float]:
    """The per-record costs for one preset's network."""
    model = build_model(PRESETS[preset])
    weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
    as_tensors = pickle.dumps(weights, protocol=pickle.HIGHEST_PROTOCOL)
    as_record = pickle.dumps(record(weights), protocol=pickle.HIGHEST_PROTOCOL)

    def new_module() -> None:
        copy.deepcopy(model).load_state_dict(weights)

    return {
        "tensors: pickle": per_call(lambda: pickle.dumps(weights, protocol=pickle.HIGHEST_PROTOCOL)),
        "tensors: unpickle": per_call(lambda: pickle.loads(as_tensors)),
        "record: pickle": per_call(lambda: pickle.dumps(record(weights), protocol=pickle.HIGHEST_PROTOCOL)),
        "record: unpickle": per_call(lambda: pickle.loads(as_record)),
        "a new module": per_call(new_module),
    }


def main() -> None:
    """Print the table."""
    presets = ("playground_2d", "fashion_mlp")
    table = {preset: figures(preset) for preset in presets}
    print(f"{'microseconds per record':<26}" + "".join(f"{preset:>16}" for preset in presets))
    for row in table[presets[0]]:
        print(f"{row:<26}" + "".join(f"{table[preset][row]:>16.0f}" for preset in presets))


if __name__ == "__main__":
    main()
