"""Seed 003's epoch (fashion_mlp, SGD 1e-3, batch 64, no shuffle) timed three ways, side by side.

1. seed:   the seed's own loop: DataLoader over datasets.FashionMNIST(transform=ToTensor()), then
           train_loop + test_loop. torchvision is not installed, so its per-sample work is repeated step
           for step: the uint8 image becomes a PIL image (as torchvision's FashionMNIST.__getitem__ does)
           and ToTensor turns it into a float tensor / 255 (functional.to_tensor's PIL path).
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

import numpy as np
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import PRESETS, build_model  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import TrainConfig, Trainer  # noqa: E402

SPEC = PRESETS["fashion_mlp"]
CONFIG = TrainConfig("fashion_mnist", optimizer="sgd", lr=1e-3, batch_size=64, epochs=1, device="cpu")


class TorchvisionFashion(Dataset):
    """datasets.FashionMNIST(transform=ToTensor()) as torchvision runs it, one (image, label) per call."""

    def __init__(self, images: torch.Tensor, labels: torch.Tensor):
        self.data, self.targets = images[:, 0], labels  # (N, 28, 28) uint8 and (N,), as torchvision keeps them

    def __len__(self) -> int:
        return len(self.targets)

    def __getitem__(self, index: int):
        img, target = self.data[index], int(self.targets[index])
        img = Image.fromarray(img.numpy())  # torchvision: "to return a PIL Image" (mode L)
        # ToTensor -> functional.to_tensor on a PIL image:
        tensor = torch.from_numpy(np.array(img, np.uint8, copy=True))
        tensor = tensor.view(img.size[1], img.size[0], len(img.getbands())).permute((2, 0, 1)).contiguous()
        return tensor.to(dtype=torch.get_default_dtype()).div(255), target


def seed_epoch(data) -> float:
    train = DataLoader(TorchvisionFashion(data.train_x, data.train_y), batch_size=64)
    test = DataLoader(TorchvisionFashion(data.test_x, data.test_y), batch_size=64)
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
