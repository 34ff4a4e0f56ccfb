"""Headless commands for teachers and scripts: `python -m engine train --preset fashion_mlp --data ...`.

Prints one JSON object per epoch (with --json) or the seed's "Test Error" lines, so a class can run
the same training without the app and compare numbers. Settings not given on the command line are the
preset's recommended ones, the same the Train page fills in.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys

import torch

from engine.data import load_dataset
from engine.errors import PlaygroundError
from engine.network.presets import PRESETS
from engine.training import LOSSES, OPTIMIZERS, TrainConfig, Trainer
from engine.training.recommended import recommended_config
from engine.training.schedule import SCHEDULES

# Flags that override a TrainConfig field of the same name; left out, the preset's recommended value holds.
_CONFIG_FLAGS = ("data", "loss", "optimizer", "lr", "momentum", "batch_size", "epochs", "l1", "l2", "shuffle",
                 "seed", "device", "schedule")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train a preset network on a data set")
    train.add_argument("--preset", required=True, choices=sorted(PRESETS))
    train.add_argument("--data", help="data set name, e.g. fashion_mnist (default: the preset's)")
    train.add_argument("--data-dir", help="folder holding the data set's files (FashionMNIST's four .gz files)")
    # No fixed defaults: what is not given comes from the preset's recommended settings (resolve_config).
    train.add_argument("--loss", choices=sorted(LOSSES))
    train.add_argument("--optimizer", choices=sorted(OPTIMIZERS))
    train.add_argument("--lr", type=float)
    train.add_argument("--momentum", type=float)
    train.add_argument("--batch-size", type=int)
    train.add_argument("--epochs", type=int)
    train.add_argument("--l1", type=float)
    train.add_argument("--l2", type=float)
    train.add_argument("--seed", type=int)
    train.add_argument("--shuffle", action=argparse.BooleanOptionalAction)
    train.add_argument("--device", help="auto, cpu, cuda or mps")
    train.add_argument("--schedule", choices=(*SCHEDULES, "none"), help="the learning rate's schedule (default: the "
                       "preset's; none: constant)")
    train.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice, one per core)")
    train.add_argument("--json", action="store_true", help="one JSON object per epoch")
    return parser


def _print_epoch(report, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_dict()), flush=True)
        return
    accuracy = "" if report.test_accuracy is None else f"Accuracy : {report.test_accuracy:>0.1f}%, "
    print(f"Epoch {report.epoch}: {accuracy}Avg loss : {report.test_loss:>8f} ({report.seconds:.1f} s)", flush=True)


def resolve_config(args: argparse.Namespace) -> TrainConfig:
    """The run's settings: the preset's recommended TrainConfig, with every flag given on the command line
    put in its place. Raises PlaygroundError for a value out of range."""
    base = recommended_config(args.preset)
    given = {name: getattr(args, name) for name in _CONFIG_FLAGS if getattr(args, name) is not None}
    if given.get("schedule") == "none":
        given["schedule"] = None
    if given.get("data", base.data) != base.data:
        given["data_options"] = ()  # the recommended options belong to the recommended data set
    return dataclasses.replace(base, **given)


def train(args: argparse.Namespace) -> int:
    """Run one training from the command line's arguments; 0 on success, 2 on a student-fixable problem."""
    if args.threads:
        torch.set_num_threads(args.threads)
    try:
        if args.data_dir:  # the engine's first place to look for FashionMNIST's files
            os.environ["FASHION_MNIST_DIR"] = args.data_dir
        config = resolve_config(args)
        data = load_dataset(config.data, **config.options)
        trainer = Trainer(PRESETS[args.preset], data, config, on_epoch=lambda r: _print_epoch(r, args.json))
    except PlaygroundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    trainer.run()
    if trainer.problem is not None:
        print(f"error: {trainer.problem}", file=sys.stderr)
        return 1
    if trainer.blow_up is not None:  # it ran to the end, but its model is worse than where it started
        print(f"warning: {trainer.blow_up}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command."""
    args = _parser().parse_args(argv)
    return train(args)


if __name__ == "__main__":
    sys.exit(main())
