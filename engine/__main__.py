"""Headless commands for teachers and scripts: `python -m engine train --preset fashion_mlp --data ...`.

Prints one JSON object per epoch (with --json) or the seed's "Test Error" lines, so a class can run
the same training without the app and compare numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import torch

from engine.data import load_dataset
from engine.errors import PlaygroundError
from engine.network.presets import PRESETS
from engine.training import LOSSES, OPTIMIZERS, TrainConfig, Trainer


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train a preset network on a data set")
    train.add_argument("--preset", required=True, choices=sorted(PRESETS))
    train.add_argument("--data", required=True, help="data set name, e.g. fashion_mnist")
    train.add_argument("--data-dir", help="folder holding the data set's files (FashionMNIST's four .gz files)")
    train.add_argument("--loss", default="cross_entropy", choices=sorted(LOSSES))
    train.add_argument("--optimizer", default="sgd", choices=sorted(OPTIMIZERS))
    train.add_argument("--lr", type=float, default=1e-3)
    train.add_argument("--momentum", type=float, default=0.0)
    train.add_argument("--batch-size", type=int, default=64)
    train.add_argument("--epochs", type=int, default=3)
    train.add_argument("--l1", type=float, default=0.0)
    train.add_argument("--l2", type=float, default=0.0)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--shuffle", action=argparse.BooleanOptionalAction, default=False)
    train.add_argument("--device", default="auto")
    train.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice, one per core)")
    train.add_argument("--json", action="store_true", help="one JSON object per epoch")
    return parser


def _print_epoch(report, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_dict()), flush=True)
        return
    accuracy = "" if report.test_accuracy is None else f"Accuracy : {report.test_accuracy:>0.1f}%, "
    print(f"Epoch {report.epoch}: {accuracy}Avg loss : {report.test_loss:>8f} ({report.seconds:.1f} s)", flush=True)


def train(args: argparse.Namespace) -> int:
    """Run one training from the command line's arguments; 0 on success, 2 on a student-fixable problem."""
    if args.threads:
        torch.set_num_threads(args.threads)
    try:
        if args.data_dir:  # the engine's first place to look for FashionMNIST's files
            os.environ["FASHION_MNIST_DIR"] = args.data_dir
        options = {}
        config = TrainConfig(data=args.data, data_options=options, loss=args.loss, optimizer=args.optimizer,
                             lr=args.lr, momentum=args.momentum, batch_size=args.batch_size, epochs=args.epochs,
                             l1=args.l1, l2=args.l2, shuffle=args.shuffle, seed=args.seed, device=args.device)
        data = load_dataset(args.data, **options)
        trainer = Trainer(PRESETS[args.preset], data, config, on_epoch=lambda r: _print_epoch(r, args.json))
    except PlaygroundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    trainer.run()
    if trainer.problem is not None:
        print(f"error: {trainer.problem}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command."""
    args = _parser().parse_args(argv)
    return train(args)


if __name__ == "__main__":
    sys.exit(main())
