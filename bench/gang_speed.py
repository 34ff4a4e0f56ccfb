"""Issue 16: epochs per second when a class trains at once, in a gang, against the same runs one by one.

For 1, 10, 30 and 60 members on `playground_circle` (TF Playground's 2-4-2-2 network, SGD lr 0.03,
batch 10, 25 batches an epoch), and for a mixed class (circle, spiral 2-8x6-2 and a 2-8-8-2 tanh on
xor in equal parts: three groups), the gang trains every member for --seconds (engine/training/gang.py,
`train` in slices of 0.1 s as a training process calls it; members join one after another, so their
epochs end apart); each member's epochs per second and their total are printed. Beside it, the same
kind of run alone with Trainer.run_epoch (the hand-written step of engine/training/mlp_step.py):
trained one by one, N runs share that rate, so N of them at once get it divided by N each. One torch
thread, medians of --runs; the load average is printed with each figure.

Run: .venv/bin/python bench/gang_speed.py [--runs 3] [--seconds 3] [--sizes 1 10 30 60]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from engine import PRESETS, LayerSpec, ModelSpec  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import TrainConfig, Trainer  # noqa: E402
from engine.training.gang import Gang  # noqa: E402

L = LayerSpec.of
XOR_NET = ModelSpec((2,), (L("Linear", in_features=2, out_features=8), L("Tanh"),
                           L("Linear", in_features=8, out_features=8), L("Tanh"),
                           L("Linear", in_features=8, out_features=2)))
KINDS = {"circle": (PRESETS["playground_circle"], "circle"), "spiral": (PRESETS["playground_spiral"], "spiral"),
         "xor": (XOR_NET, "xor")}


def make(kind: str, seed: int) -> Trainer:
    """A long run of `kind` (it never ends within the measurement), the default 2-D settings."""
    spec, data = KINDS[kind]
    return Trainer(spec, load_dataset(data), TrainConfig(data, lr=0.03, batch_size=10, epochs=10_000, shuffle=True,
                                                         seed=seed))


def done(trainer: Trainer) -> float:
    """Epochs trained so far, counting the epoch in progress by its batches."""
    return trainer.epoch + trainer.batch / trainer.batches_per_epoch


def alone(kind: str, seconds: float) -> float:
    """Epochs per second of one run of `kind` trained alone (Trainer.run_epoch, as the Trainer's loop runs)."""
    trainer = make(kind, 0)
    trainer.run_epoch()
    start, began = done(trainer), time.perf_counter()
    while time.perf_counter() - began < seconds:
        trainer.run_epoch()
    return (done(trainer) - start) / (time.perf_counter() - began)


def gang(kinds: list[str], seconds: float) -> list[float]:
    """Each member's epochs per second, all of `kinds` trained together in one gang."""
    members = [make(kind, seed) for seed, kind in enumerate(kinds)]
    together = Gang()
    for index, trainer in enumerate(members):  # one after another, as a class presses Play: each member
        together.add(str(index), trainer)      # is somewhere else in its epoch, and epochs end apart
        together.train(0.002)
    together.train(0.2)  # warm up
    start, began = [done(t) for t in members], time.perf_counter()
    while time.perf_counter() - began < seconds:
        together.train(0.1)
    elapsed = time.perf_counter() - began
    return [(done(t) - s) / elapsed for t, s in zip(members, start)]


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30, 60])
    args = parser.parse_args()
    torch.set_num_threads(1)
    classes = [(f"circle x{n}", ["circle"] * n) for n in args.sizes]
    classes += [(f"mixed x{n}", [list(KINDS)[i % len(KINDS)] for i in range(n)]) for n in args.sizes if n >= 3]
    rates_alone = {kind: statistics.median(alone(kind, args.seconds) for _ in range(args.runs)) for kind in KINDS}
    print(f"alone (Trainer.run_epoch), epochs/s: {', '.join(f'{k} {v:.0f}' for k, v in rates_alone.items())}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    for name, kinds in classes:
        runs = [gang(kinds, args.seconds) for _ in range(args.runs)]
        each = statistics.median(statistics.median(run) for run in runs)
        worst = statistics.median(min(run) for run in runs)
        total = statistics.median(sum(run) for run in runs)
        one_by_one = len(kinds) / sum(1 / rates_alone[kind] for kind in kinds)  # total rate, runs in a queue
        print(f"{name:10s} gang: {each:6.0f} epochs/s per member (worst {worst:.0f}), {total:6.0f} in total | "
              f"one by one: {one_by_one / len(kinds):6.1f} per member, {one_by_one:4.0f} in total | "
              f"x{total / one_by_one:.1f}; load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
