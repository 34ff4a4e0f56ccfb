"""The downloadable script: generated for every preset and data set kind, run as a subprocess, and its
printed numbers compared with what engine.training.Trainer gives for the same setup and seed."""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from engine.codegen.script import ScriptSetup, build_notebook, build_script, script_steps
from engine.codegen.script_data import CsvSource
from engine.codegen.script_training import printed_epoch
from engine.data import dataset_from_csv, load_dataset
from engine.data.bundled import iris_csv
from engine.data.fashion_mnist import load_fashion_mnist
from engine.network.presets import PRESETS
from engine.network.spec import LayerSpec, ModelSpec
from engine.training import TrainConfig, Trainer
from engine.training.recommended import recommended_config
from tests.data_helpers import small_fashion_files

ROOT = Path(__file__).resolve().parent.parent
L = LayerSpec.of
SMALL = dict(epochs=2)


def _preset(name: str, **changes) -> tuple[ModelSpec, TrainConfig]:
    return PRESETS[name], dataclasses.replace(recommended_config(name), **{**SMALL, **changes})


def _two_d(name: str, outputs: int, loss: str, *extra: LayerSpec, **changes) -> tuple[ModelSpec, TrainConfig]:
    spec = ModelSpec((2,), (L("Linear", in_features=2, out_features=8), L("Tanh"), *extra,
                            L("Linear", in_features=8, out_features=outputs)))
    config = TrainConfig(name, loss=loss, optimizer="sgd", lr=0.03, batch_size=10, epochs=2, shuffle=True,
                         seed=3, **changes)
    return spec, config


def _csv_rows(features: int, rows: int) -> bytes:
    """A CSV with `features` number columns and a 0/1 label (what dense_128's Sigmoid output wants)."""
    import numpy as np
    rng = np.random.default_rng(5)
    x = rng.normal(size=(rows, features)).round(3)
    header = ",".join([f"f{i}" for i in range(features)] + ["label"])
    lines = [",".join(map(str, row)) + f",{int(row[0] > 0)}" for row in x]
    return ("\n".join([header, *lines]) + "\n").encode()


# (id, spec, config, csv source and its bytes or None, language)
CASES = [
    ("fashion_mlp", *_preset("fashion_mlp"), None, "ko"),
    ("fashion_mlp_fc", *_preset("fashion_mlp_fc", momentum=0.9, shuffle=True, l2=0.01), None, "en"),
    # 150 batches an epoch: the loss of batches 0 and 100 is printed
    ("walkthrough", *_preset("walkthrough", batch_size=2, optimizer="rmsprop", l1=0.001, seed=7), None, "ko"),
    ("fashion_fast", *_preset("fashion_fast"), None, "en"),
    # Issue 17's CNNs: BatchNorm's running statistics and the tutorial's momentum SGD print the same numbers
    ("fashion_cnn", *_preset("fashion_cnn"), None, "ko"),
    ("net", *_preset("net", l2=0.001), None, "en"),
    # a long run: 150 epochs, printed every 15th (and the last)
    ("temperature_linear", *_preset("temperature_linear", epochs=150), None, "ko"),
    ("temperature_tanh", *_preset("temperature_tanh", epochs=30, data_options={"seed": 4}), None, "en"),
    ("temperature_named", *_preset("temperature_named", optimizer="adamw", epochs=30), None, "ko"),
    ("playground_2d_circle", *_preset("playground_2d", data_options={"noise": 10}), None, "en"),
    ("playground_circle", *_preset("playground_circle"), None, "ko"),
    ("playground_spiral", *_preset("playground_spiral"), None, "en"),
    ("xor_bce_logits", *_two_d("xor", 1, "bce_with_logits", data_options={"noise": 20, "train_ratio": 70}),
     None, "ko"),
    ("gauss_dropout", *_two_d("gauss", 2, "cross_entropy", L("Dropout", p=0.3), data_options={"seed": 2}), None, "en"),
    ("spiral_l1_l2", *_two_d("spiral", 2, "cross_entropy", l1=0.001, l2=0.01), None, "ko"),
    # a schedule: CosineAnnealingLR in the script, the Trainer's hand-written SGD step at the scheduled rate
    ("circle_cosine", *_two_d("circle", 2, "cross_entropy", schedule="cosine"), None, "en"),
    ("reg_plane", *_two_d("reg_plane", 1, "mse", data_options={"noise": 5}), None, "en"),
    ("reg_gauss", *_two_d("reg_gauss", 1, "l1", data_options={"train_ratio": 30}), None, "ko"),
    ("digits_nll", ModelSpec((1, 8, 8), (L("Flatten"), L("Linear", in_features=64, out_features=10),
                                          L("LogSoftmax", dim=1))),
     TrainConfig("digits", loss="nll", optimizer="sgd", lr=0.1, batch_size=32, epochs=2, shuffle=True,
                 data_options={"train_ratio": 70, "seed": 1}), None, "en"),
    ("csv_iris", ModelSpec((4,), (L("Linear", in_features=4, out_features=3),)),
     TrainConfig("csv", optimizer="adam", lr=0.01, batch_size=16, epochs=2, shuffle=True),
     (CsvSource("iris.csv", "species", train_ratio=75, seed=2), iris_csv()), "ko"),
    ("csv_regression", ModelSpec((3,), (L("Linear", in_features=3, out_features=1),)),
     TrainConfig("csv", loss="mse", optimizer="sgd", lr=0.01, batch_size=8, epochs=2),
     (CsvSource("flowers.csv", "sepal_length", task="regression"),
      b"\n".join(line.rsplit(b",", 1)[0] for line in iris_csv().splitlines()) + b"\n"), "en"),
    # seed 002's torchsummary network: 128 features from a CSV, a Sigmoid output for BCE
    ("dense_128", PRESETS["dense_128"],
     TrainConfig("csv", loss="bce", optimizer="sgd", lr=0.1, batch_size=16, epochs=2, shuffle=True, seed=2),
     (CsvSource("wide128.csv", "label", train_ratio=75), _csv_rows(128, 120)),
     "en"),
    # seed 002's class Model (self.layers) on the same CSV
    ("dense_128_model", PRESETS["dense_128_model"],
     TrainConfig("csv", loss="bce", optimizer="sgd", lr=0.1, batch_size=16, epochs=2, shuffle=True, seed=2),
     (CsvSource("wide128.csv", "label", train_ratio=75), _csv_rows(128, 120)),
     "ko"),
    # seed 002's Sigmoid ending on a smaller network and CSV
    ("csv_sigmoid_bce", ModelSpec((6,), (L("Linear", in_features=6, out_features=4), L("Tanh"),
                                         L("Linear", in_features=4, out_features=1), L("Sigmoid"))),
     TrainConfig("csv", loss="bce", optimizer="sgd", lr=0.1, batch_size=16, epochs=2, shuffle=True),
     (CsvSource("wide.csv", "label", train_ratio=60), _csv_rows(6, 80)), "ko"),
]


@pytest.fixture(scope="module")
def fashion_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fashion")
    for name, data in small_fashion_files(300, 100, seed=1).items():
        (folder / name).write_bytes(data)
    return folder


def _engine_data(config: TrainConfig, csv, fashion_dir: Path):
    if config.data == "csv":
        source, raw = csv
        return dataset_from_csv(raw, source.label_column, source.task, source.train_ratio, source.seed)
    if config.data == "fashion_mnist":
        return load_fashion_mnist(fashion_dir)
    return load_dataset(config.data, **config.options)


def expected_printout(trainer: Trainer) -> list[str]:
    """What the script must print, from the trainer's own numbers, in the script's formats."""
    lines, per_epoch = [], trainer.batches_per_epoch
    classify = trainer.data.task == "classification"
    for report in trainer.history:
        if not printed_epoch(report.epoch, trainer.config.epochs):
            continue
        lines.append(f"Epoch {report.epoch}")
        losses = trainer.batch_losses[(report.epoch - 1) * per_epoch : report.epoch * per_epoch]
        lines += [f"loss: {loss:>7f}" for batch, loss in enumerate(losses) if batch % 100 == 0]
        if classify:
            lines.append(f"Train: Accuracy: {report.train_accuracy:>0.1f}%, Avg loss: {report.train_loss:>8f}")
            lines.append(f"Accuracy: {report.test_accuracy:>0.1f}%, Avg loss: {report.test_loss:>8f}")
        else:
            lines.append(f"Train: Avg loss: {report.train_loss:>8f}")
            lines.append(f"Avg loss: {report.test_loss:>8f}")
    return lines


def printed_numbers(stdout: str) -> list[str]:
    """The lines of a script's output that carry numbers, trimmed to what `expected_printout` writes."""
    lines = []
    for line in stdout.splitlines():
        line = line.strip()
        if line.startswith("Epoch "):
            lines.append(line)
        elif line.startswith("loss: "):
            lines.append(line.split("  [")[0])
        elif line.startswith(("Train: ", "Accuracy: ", "Avg loss: ")):
            lines.append(line)
    return lines


def run_script(path: Path, env: dict[str, str], timeout: float = 240) -> str:
    """Run a generated file as a student would (`python file.py`), niced, in its own folder."""
    result = subprocess.run(["nice", "-n", "10", sys.executable, path.name], cwd=path.parent, env=env,
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _ruff(paths: list[Path]) -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--config",
                             str(ROOT / "pyproject.toml"), *map(str, paths)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_preset_is_covered():
    """Each preset's script runs above on data that fits it (dense_128 on a 128-column CSV)."""
    covered = {case[1] for case in CASES}
    assert {name for name, spec in PRESETS.items() if spec not in covered} == set()


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_script_prints_the_trainers_numbers(case, fashion_dir, tmp_path):
    name, spec, config, csv, lang = case
    config = dataclasses.replace(config, device="cpu")  # the numbers agree on the CPU; the test's trainer runs there
    trainer = Trainer(spec, _engine_data(config, csv, fashion_dir), config)
    trainer.run()
    assert trainer.status == "done"
    # the thread count this test's Trainer ran with, as the app hands out its training processes' count
    setup = ScriptSetup(spec, config, lang, csv=csv[0] if csv else None, threads=torch.get_num_threads())
    script = tmp_path / "torch_playground.py"
    script.write_text(build_script(setup), encoding="utf-8")
    if csv:
        (tmp_path / csv[0].file_name).write_bytes(csv[1])
    _ruff([script])
    env = {**os.environ, "FASHION_MNIST_DIR": str(fashion_dir), "PYTHONPATH": ""}
    printed = printed_numbers(run_script(script, env))
    expected = expected_printout(trainer)
    assert len(expected) >= 6
    assert printed[0] == "Epoch 1" and printed[-1].startswith(("Accuracy: ", "Avg loss: "))
    assert printed == expected


def test_the_script_trains_with_the_apps_thread_count(tmp_path):
    """Summed in another order on another thread count, a laptop's numbers would differ from the app's."""
    spec, config = _preset("temperature_linear", epochs=1)
    script = tmp_path / "torch_playground.py"
    script.write_text(build_script(ScriptSetup(spec, config, "ko", threads=3)) + "print(torch.get_num_threads())\n",
                      encoding="utf-8")
    _ruff([script])
    stdout = run_script(script, {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": ""})
    assert stdout.splitlines()[-1] == "3"
    assert "set_num_threads" not in build_script(ScriptSetup(spec, config, "en"))  # no count given: torch's own


def test_export_steps_save_weights_and_a_checked_onnx_file(fashion_dir, tmp_path):
    """The optional last steps: the state_dict loads into the engine's model, the ONNX file runs in onnxruntime."""
    import numpy as np
    import onnxruntime

    from engine import build_model
    spec, config = _preset("fashion_fast", epochs=1)
    script = tmp_path / "torch_playground.py"
    script.write_text(build_script(ScriptSetup(spec, config, "en", save_weights=True, export_onnx=True)))
    _ruff([script])
    stdout = run_script(script, {**os.environ, "FASHION_MNIST_DIR": str(fashion_dir), "CUDA_VISIBLE_DEVICES": ""})
    assert re.search(r"ONNX: max difference \S+", stdout)
    model = build_model(spec)
    model.load_state_dict(torch.load(tmp_path / "model_weights.pth"))
    x = torch.rand(3, 1, 28, 28, generator=torch.Generator().manual_seed(0))
    session = onnxruntime.InferenceSession(str(tmp_path / "model.onnx"))
    got = session.run(None, {session.get_inputs()[0].name: x.numpy()})[0]
    with torch.no_grad():
        np.testing.assert_allclose(got, model(x).numpy(), rtol=1e-4, atol=1e-5)


@pytest.mark.skipif(not os.environ.get("FASHION_MNIST_DIR"), reason="the real FashionMNIST files are not here "
                    "(set FASHION_MNIST_DIR to a folder holding the four .gz files)")
def test_script_on_the_real_fashion_mnist(tmp_path):
    folder = Path(os.environ["FASHION_MNIST_DIR"])
    # big batches keep it short on a shared machine: 100 steps over all 60,000 images, then all 10,000 tested
    spec, config = _preset("fashion_fast", epochs=1, batch_size=600, device="cpu")
    trainer = Trainer(spec, load_fashion_mnist(folder), config)
    trainer.run()
    script = tmp_path / "torch_playground.py"
    script.write_text(build_script(ScriptSetup(spec, config, "ko")), encoding="utf-8")
    printed = printed_numbers(run_script(script, {**os.environ, "FASHION_MNIST_DIR": str(folder)}))
    assert printed == expected_printout(trainer)
    assert trainer.history[0].test_accuracy > 70  # real data: the network learns


def test_notebook_has_a_code_cell_per_step_and_prints_the_trainers_numbers(fashion_dir, tmp_path):
    spec, config = _preset("walkthrough", device="cpu")
    setup = ScriptSetup(spec, config, "ko")
    notebook = json.loads(build_notebook(setup))
    assert notebook["nbformat"] == 4 and all(cell["id"] for cell in notebook["cells"])
    magic, *code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    # Tutorial 000's first cell comes first, so the handout's plotting cells run in the notebook unchanged.
    assert "".join(magic["source"]).splitlines()[-1] == "%matplotlib inline"
    steps = script_steps(setup)
    assert len(code) == len(steps)
    assert "".join(code[-1]["source"]).strip() == steps[-1].code.strip()
    cells = tmp_path / "cells.py"  # the cells run one after another, as "Run all" does (the magic needs IPython)
    cells.write_text("\n\n".join("".join(cell["source"]) for cell in code), encoding="utf-8")
    trainer = Trainer(spec, load_fashion_mnist(fashion_dir), config)
    trainer.run()
    env = {**os.environ, "FASHION_MNIST_DIR": str(fashion_dir), "PYTHONPATH": ""}
    assert printed_numbers(run_script(cells, env)) == expected_printout(trainer)


def test_comment_table_has_both_languages_with_the_same_placeholders():
    from i18n.script_comments import STRINGS
    assert STRINGS and all(key.startswith("script_comment.") for key in STRINGS)
    for key, (korean, english) in STRINGS.items():
        assert korean.strip() and english.strip(), key
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", korean)), key


def test_script_comments_follow_the_language():
    spec, config = _preset("fashion_mlp")
    korean, english = (build_script(ScriptSetup(spec, config, lang)) for lang in ("ko", "en"))
    assert "# 역전파" in korean and "# backpropagation" in english
    assert "역전파" not in english
    assert _code_only(korean) == _code_only(english)  # only comments and docstrings differ


def _code_only(source: str) -> str:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            body[0] = ast.Pass()
    return ast.dump(tree)


def test_odd_csv_names_stay_valid_python(tmp_path):
    spec = ModelSpec((4,), (L("Linear", in_features=4, out_features=3),))
    source = CsvSource('내 "꽃" 데이터\\2.csv', "종류'")
    text = build_script(ScriptSetup(spec, TrainConfig("csv"), "ko", csv=source))
    namespace = {}
    exec("\n".join(line for line in text.splitlines() if line.startswith(("CSV_FILE =", "LABEL_COLUMN ="))),
         namespace)
    assert namespace["CSV_FILE"] == source.file_name and namespace["LABEL_COLUMN"] == source.label_column
    script = tmp_path / "odd.py"
    script.write_text(text, encoding="utf-8")
    _ruff([script])


def test_a_csv_setup_without_its_csv_is_a_clear_error():
    from engine.errors import PlaygroundError
    spec = ModelSpec((4,), (L("Linear", in_features=4, out_features=3),))
    with pytest.raises(PlaygroundError) as raised:
        build_script(ScriptSetup(spec, TrainConfig("csv")))
    assert raised.value.key == "script_no_csv"
