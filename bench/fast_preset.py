"""The recommended fast preset: test accuracy and training seconds (train + evaluation) on FashionMNIST.

Usage: nice python bench/fast_preset.py [--runs 3] [--threads N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import PRESETS  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import Trainer  # noqa: E402
from engine.training.recommended import recommended_config  # noqa: E402


def main() -> None:
    """Train fashion_fast with its recommended settings a few times; print accuracy and seconds."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    data = load_dataset("fashion_mnist")
    config = recommended_config("fashion_fast")
    seconds, accuracy = [], []
    for run in range(args.runs):
        trainer = Trainer(PRESETS["fashion_fast"], data, config)
        trainer.run()
        seconds.append(trainer.seconds)
        accuracy.append(trainer.history[-1].test_accuracy)
        print(f"run {run + 1}: {accuracy[-1]:.2f} % in {seconds[-1]:.2f} s "
              f"(epochs: {[round(r.seconds, 2) for r in trainer.history]})", flush=True)
    print(f"threads {torch.get_num_threads()}, {config.epochs} epochs, {config.optimizer} lr {config.lr}: "
          f"median {statistics.median(accuracy):.2f} % in {statistics.median(seconds):.2f} s (must be >= 85 % in 5 s)")


if __name__ == "__main__":
    main()
