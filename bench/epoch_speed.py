"""Seed 003's epoch (fashion_mlp, SGD 1e-3, batch 64, no shuffle) timed three ways, side by side.

1. seed:   the seed's own loop: DataLoader over a Dataset whose __getitem__ converts one uint8 image at
           a time to float / 255 like ToTensor (torchvision is not installed: a PIL-free stand-in, which
           is if anything faster than the real ToTensor on a PIL image), then train_loop + test_loop.
2. engine: our Trainer, one epoch (train + evaluation), data held as uint8 and scaled batch by batch.
3. bare:   the same model on pre-built float batches, a bare train loop + test loop: the floor.

Rounds interleave the three so a busy machine slows each alike; medians are printed.
Usage: nice python bench/epoch_speed.py [--rounds 3] [--threads N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import PRESETS, build_model  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import TrainConfig, Trainer  # noqa: E402

SPEC = PRESETS["fashion_mlp"]
CONFIG = TrainConfig("fashion_mnist", optimizer="sgd", lr=1e-3, batch_size=64, epochs=1, device="cpu")


class ToTensorFashion(Dataset):
    """FashionMNIST as the seed sees it: one (image, label) per call, the image made float like ToTensor."""

    def __init__(self, images: torch.Tensor, labels: torch.Tensor):
        self.images = images[:, 0].numpy()  # (N, 28, 28) uint8, as torchvision keeps them
        self.labels = labels.numpy()

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int):
        pic = self.images[index]
        # ToTensor on an (H, W) uint8 array: add the channel, HWC -> CHW, to float, divide by 255.
        image = torch.from_numpy(pic[:, :, None]).permute(2, 0, 1).contiguous().to(torch.float32).div(255)
        return image, int(self.labels[index])


def seed_epoch(data) -> float:
    train = DataLoader(ToTensorFashion(data.train_x, data.train_y), batch_size=64)
    test = DataLoader(ToTensorFashion(data.test_x, data.test_y), batch_size=64)
    model = build_model(SPEC, seed=0)
    loss_fn, optimizer = nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=1e-3)
    started = time.perf_counter()
    for x, y in train:  # seed 003's train_loop
        loss = loss_fn(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():  # seed 003's test_loop
        test_loss, correct = 0.0, 0.0
        for x, y in test:
            pred = model(x)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    return time.perf_counter() - started


def engine_epoch(data) -> float:
    trainer = Trainer(SPEC, data, CONFIG)
    started = time.perf_counter()
    trainer.run()
    return time.perf_counter() - started


def bare_epoch(train_batches, test_batches) -> float:
    model = build_model(SPEC, seed=0)
    loss_fn, optimizer = nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=1e-3)
    started = time.perf_counter()
    for x, y in train_batches:
        loss = loss_fn(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        for x, y in test_batches:
            loss_fn(model(x), y).item()
    return time.perf_counter() - started


def main() -> None:
    """Time the three loops in interleaved rounds and print medians and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    data = load_dataset("fashion_mnist")
    train_float, test_float = data.as_float(data.train_x), data.as_float(data.test_x)
    train_batches = [(train_float[i:i + 64], data.train_y[i:i + 64]) for i in range(0, len(train_float), 64)]
    test_batches = [(test_float[i:i + 1000], data.test_y[i:i + 1000]) for i in range(0, len(test_float), 1000)]
    times = {"seed": [], "engine": [], "bare": []}
    for round_ in range(args.rounds):
        times["seed"].append(seed_epoch(data))
        times["engine"].append(engine_epoch(data))
        times["bare"].append(bare_epoch(train_batches, test_batches))
        print(f"round {round_ + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"threads {torch.get_num_threads()}; medians of {args.rounds}: "
          + ", ".join(f"{k} {v:.2f} s" for k, v in median.items()))
    print(f"engine / seed = {median['engine'] / median['seed']:.0%} (must be <= 60%)")
    print(f"engine overhead over bare = {median['engine'] / median['bare'] - 1:+.1%} (must be <= 15%)")
    # Per-round ratios as well: each round's three runs saw the same load.
    print("per-round engine/seed:", [f"{e / s:.0%}" for e, s in zip(times["engine"], times["seed"])],
          "engine/bare-1:", [f"{e / b - 1:+.1%}" for e, b in zip(times["engine"], times["bare"])])


if __name__ == "__main__":
    main()
