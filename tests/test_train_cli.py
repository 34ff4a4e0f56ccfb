"""`python -m engine train` on small data: one JSON object per epoch, clear errors, the IDX reader."""

import dataclasses
import gzip
import json
import subprocess
import sys

import numpy as np

from tests.conftest import ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine", "train", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def write_idx(path, array: np.ndarray) -> None:
    header = bytes([0, 0, 8, array.ndim]) + b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    with gzip.open(path, "wb") as handle:
        handle.write(header + array.astype(np.uint8).tobytes())


def test_cli_prints_one_json_object_per_epoch_on_temperature():
    result = run_cli("--preset", "temperature_tanh", "--data", "temperature", "--loss", "mse", "--optimizer", "adam",
                     "--lr", "0.05", "--batch-size", "9", "--epochs", "4", "--seed", "0", "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["epoch"] for row in rows] == [1, 2, 3, 4]
    assert {"epoch", "train_loss", "test_loss", "test_accuracy", "seconds"} <= rows[0].keys()
    assert rows[0]["test_accuracy"] is None  # regression has no accuracy
    assert rows[-1]["train_loss"] < rows[0]["train_loss"]


def test_cli_reads_fashion_mnist_files_from_data_dir(tmp_path):
    rng = np.random.default_rng(0)
    for part, n in (("train", 128), ("t10k", 32)):
        write_idx(tmp_path / f"{part}-images-idx3-ubyte.gz", rng.integers(0, 256, (n, 28, 28)))
        write_idx(tmp_path / f"{part}-labels-idx1-ubyte.gz", rng.integers(0, 10, (n,)))
    result = run_cli("--preset", "walkthrough", "--data", "fashion_mnist", "--data-dir", str(tmp_path),
                     "--optimizer", "sgd", "--lr", "1e-3", "--batch-size", "64", "--epochs", "2", "--no-shuffle",
                     "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2 and 0 <= rows[1]["test_accuracy"] <= 100
    # 32 test images: accuracy is a whole number of them, in percent.
    assert abs(rows[1]["test_accuracy"] * 32 / 100 - round(rows[1]["test_accuracy"] * 32 / 100)) < 1e-9


def test_cli_explains_bad_settings_without_a_traceback():
    result = run_cli("--preset", "fashion_mlp", "--data", "temperature", "--json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "input shape" in result.stderr
    result = run_cli("--preset", "temperature_linear", "--data", "temperature", "--loss", "mse", "--lr", "100")
    assert result.returncode == 2 and "'lr'" in result.stderr


def test_cli_reports_divergence():
    result = run_cli("--preset", "temperature_linear", "--data", "temperature", "--loss", "mse", "--lr", "10",
                     "--batch-size", "1", "--epochs", "20", "--json")
    assert result.returncode == 1
    assert "diverged" in result.stderr


def test_cli_warns_when_a_run_blew_up_without_diverging():
    result = run_cli("--preset", "playground_2d", "--optimizer", "adam", "--lr", "10", "--epochs", "10", "--json")
    assert result.returncode == 0, result.stderr  # it ran to the end: its epochs are printed
    assert len(result.stdout.splitlines()) == 10
    assert "warning: Training blew up" in result.stderr and "SGD" in result.stderr
    calm = run_cli("--preset", "playground_2d", "--epochs", "3", "--json")
    assert calm.returncode == 0 and "warning" not in calm.stderr


def resolved(*args: str):
    from engine.__main__ import _parser, resolve_config
    return resolve_config(_parser().parse_args(["train", *args]))


def test_cli_uses_the_presets_recommended_settings_when_no_flag_is_given():
    from engine.training.recommended import recommended_config
    for preset in ("temperature_linear", "playground_circle", "fashion_fast", "dense_128"):
        assert resolved("--preset", preset, "--data", recommended_config(preset).data) == recommended_config(preset)
    # --data may be left out too: the preset's own data set.
    assert resolved("--preset", "playground_spiral") == recommended_config("playground_spiral")


def test_cli_flags_override_the_recommended_settings():
    from engine.training.recommended import recommended_config
    config = resolved("--preset", "playground_circle", "--data", "xor", "--lr", "0.1", "--epochs", "7",
                      "--no-shuffle", "--batch-size", "32", "--seed", "3", "--optimizer", "adam")
    expected = dataclasses.replace(recommended_config("playground_circle"), data="xor", lr=0.1, epochs=7,
                                   shuffle=False, batch_size=32, seed=3, optimizer="adam")
    assert config == expected
    assert config.loss == "cross_entropy" and config.momentum == 0.0  # not given: still the preset's
    assert resolved("--preset", "fashion_cnn").schedule == "onecycle"  # the preset's schedule, unless told
    assert resolved("--preset", "fashion_cnn", "--schedule", "none").schedule is None
    assert resolved("--preset", "fashion_fast", "--schedule", "cosine").schedule == "cosine"


def test_cli_trains_with_only_preset_and_data():
    # temperature_linear's recommended run (seed 001): MSE, which the old fixed default (cross entropy) could not
    # train, for 3000 full-batch epochs.
    result = run_cli("--preset", "temperature_linear", "--data", "temperature", "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["epoch"] for row in rows] == list(range(1, 3001))
    assert rows[0]["test_accuracy"] is None and rows[-1]["train_loss"] < rows[0]["train_loss"] / 10
