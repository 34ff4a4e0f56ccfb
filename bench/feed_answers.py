"""What the live feed's answer costs the server after each progress record (ui/train/feed.py).

    FASHION_MNIST_DIR=../shared/data/fashion-mnist .venv/bin/python bench/feed_answers.py

A run trained in another process sends its weights with each record, and the student's browser asks the feed
for the run several times a second. Printed, per network, the median milliseconds of one answer made right after
a record was applied (a new state of the run), over 30 records: for a network the browser does not paint (the
FashionMNIST one) the answer needs the numbers only, and for the 2-D one it also sends the weights to paint.
"""

from __future__ import annotations

import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RECORDS = 30
NETWORKS = (("fashion_mlp", "fashion_mnist", False), ("playground_2d", "circle", True))


def answer_ms(preset: str, data_name: str, painted: bool) -> float:
    """Median milliseconds of a feed's answer right after each of RECORDS records."""
    from engine import PRESETS
    from engine.data import load_dataset
    from engine.training import TrainConfig, Trainer
    from ui.train.feed import Feed
    from ui.train.job import TrainingJob
    from ui.train.playground_svg import Panel

    config = TrainConfig(data_name, batch_size=64, epochs=100, seed=1)  # long enough not to end within RECORDS
    trainer = Trainer(PRESETS[preset], load_dataset(data_name), config)
    elsewhere = pickle.loads(pickle.dumps(trainer)).with_data(trainer.data)  # as a training process holds it
    views = [Panel("network", "network", "<svg/>")] if painted else []
    feed = Feed(TrainingJob(trainer, (data_name,)), "en", views, steps=20)
    times = []
    for _ in range(RECORDS):
        elsewhere.step()
        trainer.apply(elsewhere.progress_since(trainer.mark()))
        started = time.perf_counter()
        feed.answer()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main() -> int:
    """Print each network's answer time."""
    for preset, data_name, painted in NETWORKS:
        ms = answer_ms(preset, data_name, painted)
        print(f"{preset} on {data_name}{' (painted)' if painted else ''}: {ms:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
