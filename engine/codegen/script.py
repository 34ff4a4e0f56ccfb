"""A whole training setup as one runnable PyTorch file (and a notebook) in the seeds' own style.

`build_script(setup)` writes: imports, device selection (and the app's CPU thread count), hyperparameters,
the data set, the network (engine.codegen.model_source's source), the loss and optimizer, seed 003's
train_loop / test_loop, the epoch loop, and optionally saving the weights and an ONNX export checked with
onnxruntime. On the CPU it prints what engine.training.Trainer computes for the same setup, to the printed
precision; tests run the generated files and compare.
"""

from __future__ import annotations

import json
import textwrap
import unicodedata
from dataclasses import dataclass
from functools import partial

from engine.codegen.model_source import model_source
from engine.codegen.script_comments import comment
from engine.codegen.script_data import CsvSource, data_code
from engine.codegen.script_training import epochs_code, hyperparameter_code, loader_code, loops_code, loss_code
from engine.network.spec import ModelSpec
from engine.training.config import TrainConfig

SCRIPT_NAME = "torch_playground.py"
LINE_LENGTH = 120  # the project's ruff line length, which generated files pass too
NOTEBOOK_NAME = "torch_playground.ipynb"
# Tutorial 000's first cell: plots drawn inside the notebook, so the handouts' plotting cells run unchanged.
MATPLOTLIB_MAGIC = "%matplotlib inline"
_TORCH_IMPORTS = ("import torch", "from torch import nn", "from torch.utils.data import DataLoader, TensorDataset")


@dataclass(frozen=True)
class ScriptSetup:
    """Everything a script needs: network, training config, the CSV when the data is one, and the extras."""

    spec: ModelSpec
    config: TrainConfig
    lang: str = "en"
    csv: CsvSource | None = None  # when config.data == "csv"
    save_weights: bool = False
    export_onnx: bool = False
    model_name: str | None = None  # a preset's name for the title; the class name otherwise
    threads: int | None = None  # the CPU threads the app's Trainer used; None leaves torch's default


@dataclass(frozen=True)
class Step:
    """One step of the script: a title (a comment, or a notebook heading) and its code."""

    title: str
    code: str


def _model_code(spec: ModelSpec, lang: str) -> tuple[set[str], str]:
    lines = model_source(spec).splitlines()
    imports = {line for line in lines if line.startswith(("import ", "from "))}
    body = [line for line in lines if line not in imports]
    while body and not body[0]:
        body.pop(0)
    at = next(i for i, line in enumerate(body) if line.startswith("model = "))
    body.insert(at, f"torch.manual_seed(seed)  # {comment(lang, 'init_seed')}")
    body += ["model = model.to(device)"]
    if any(layer.kind == "Conv2d" for layer in spec.layers):  # as the app's Trainer does (trainer.channels_last)
        body += ['if device == "cpu":',
                 f"    model = model.to(memory_format=torch.channels_last)  # {comment(lang, 'channels_last')}"]
    if _has_dropout(spec):
        body += [f"torch.manual_seed(seed)  # {comment(lang, 'dropout_seed')}"]
    body += ["print(model)"]
    return imports - set(_TORCH_IMPORTS), "\n".join(body) + "\n"


def _has_dropout(spec: ModelSpec) -> bool:
    return any(layer.kind == "Dropout" for layer in spec.layers)


def _device_code(config: TrainConfig, threads: int | None, lang: str) -> str:
    if config.device == "auto":
        choice = ('device = "cuda" if torch.cuda.is_available() else "mps" '
                  'if torch.backends.mps.is_available() else "cpu"')
    else:
        choice = f"device = {config.device!r}"
    code = choice + '\nprint(f"Using {device} device")\n'
    if threads is not None:
        code += f"torch.set_num_threads({threads})  # {comment(lang, 'threads')}\n"
    return code


def _save_code(lang: str) -> str:
    return (f"torch.save(model.state_dict(), \"model_weights.pth\")  # {comment(lang, 'save')}\n"
            'print("Saved model_weights.pth")\n')


def _onnx_code(lang: str) -> str:
    c = partial(comment, lang)
    return f'''model = model.to("cpu").eval()
inputs = torch.cat([test_x, train_x])[:8]
# {c("onnx_export")}
onnx_program = torch.onnx.export(model, (inputs[:2],), dynamo=True, dynamic_shapes=({{0: torch.export.Dim("batch")}},))
onnx_program.save("model.onnx")
# {c("onnx_check")}
session = onnxruntime.InferenceSession("model.onnx", providers=["CPUExecutionProvider"])
with torch.no_grad():
    expected = model(inputs).numpy()
got = session.run(None, {{session.get_inputs()[0].name: inputs.numpy()}})[0]
print(f"ONNX: max difference {{np.abs(got - expected).max():.2e}}")
np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)
print("Saved model.onnx")
'''


def _imports(names: set[str]) -> str:
    """Sorted as isort (ruff's I rules) sorts them: standard library first, straight imports before `from`."""
    stdlib = {"csv", "gzip", "os", "struct", "collections"}
    def group(lines):
        return sorted(line for line in lines if not line.startswith("from ")) + \
            sorted(line for line in lines if line.startswith("from "))
    first = group([n for n in names if n.split()[1].split(".")[0] in stdlib])
    second = group([n for n in names if n.split()[1].split(".")[0] not in stdlib])
    return "\n".join(first + ([""] if first else []) + second) + "\n"


def script_steps(setup: ScriptSetup) -> list[Step]:
    """The script's steps in order; `build_script` and `build_notebook` both write these."""
    spec, config, lang = setup.spec, setup.config, setup.lang
    c = partial(comment, lang)
    data_imports, data = data_code(config.data, config.options, lang, setup.csv)
    model_imports, model = _model_code(spec, lang)
    imports = set(_TORCH_IMPORTS) | data_imports | model_imports
    if setup.export_onnx:
        imports |= {"import numpy as np", "import onnxruntime"}
    steps = [
        Step(c("step_imports"), _imports(imports)),
        Step(c("step_device"), _device_code(config, setup.threads, lang)),
        Step(c("step_hyper"), hyperparameter_code(config, lang)),
        Step(c("step_data"), data + "\n" + loader_code(config, lang, _has_dropout(spec))),
        Step(c("step_model"), model),
        Step(c("step_loss"), loss_code(config, lang)),
        Step(c("step_loops"), loops_code(config, lang)),
        Step(c("step_train"), epochs_code(config, lang)),
    ]
    if setup.save_weights:
        steps.append(Step(c("step_save"), _save_code(lang)))
    if setup.export_onnx:
        steps.append(Step(c("step_onnx"), _onnx_code(lang)))
    return [Step(step.title, _comments_above_long_lines(step.code)) for step in steps]


def _comments_above_long_lines(code: str) -> str:
    """A trailing comment that makes its line too long moves onto its own line above, at the same indent."""
    lines = []
    for line in code.splitlines():
        if _width(line) > LINE_LENGTH and "  # " in line:
            statement, note = line.split("  # ", 1)
            indent = statement[: len(statement) - len(statement.lstrip())]
            lines += [f"{indent}# {note}", statement]
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def _width(line: str) -> int:
    # as ruff measures it: Korean (East Asian wide) characters take two columns
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _docstring(setup: ScriptSetup) -> list[str]:
    c = partial(comment, setup.lang)
    data = setup.csv.file_name if setup.csv is not None else setup.config.data
    model = setup.model_name or setup.spec.class_name or "nn.Sequential"
    lines = [c("doc_title", model=model, data=data), "", c("doc_run", file=SCRIPT_NAME)]
    if setup.config.data == "fashion_mnist":
        lines.append(c("doc_fashion"))
    if setup.config.data == "digits":
        lines.append(c("doc_digits"))
    if setup.csv is not None:
        lines.append(c("doc_csv", file=setup.csv.file_name))
    if setup.export_onnx:
        lines.append(c("doc_onnx"))
    # wrapped to fit ruff's line length, Korean characters counting as two columns
    return [wrapped for line in lines
            for wrapped in (textwrap.wrap(line, 58 if _width(line) > len(line) else 100) or [""])]


def build_script(setup: ScriptSetup) -> str:
    """The whole setup as one runnable, ruff-clean Python file (PlaygroundError if the data set is unknown)."""
    doc = _docstring(setup)
    parts = ['"""' + doc[0], *doc[1:], '"""', ""]
    for number, step in enumerate(script_steps(setup)):
        if number == 0:  # the imports need no heading; isort wants one blank line after them
            parts.append(step.code.rstrip("\n"))
            continue
        parts += ["", f"# {number}. {step.title}", step.code]
    return "\n".join(parts).replace("\n\n\n\n", "\n\n\n")


def build_notebook(setup: ScriptSetup) -> str:
    """The same steps as a Jupyter notebook (nbformat 4): a heading cell and a code cell per step,
    after tutorial 000's `%matplotlib inline` cell."""
    doc = _docstring(setup)
    cells = [_markdown("title", "# " + doc[0] + "\n\n" + "\n".join(doc[3:])),  # doc[2] says how to run a script
             _code("matplotlib", f"# {comment(setup.lang, 'matplotlib')}\n{MATPLOTLIB_MAGIC}")]
    for number, step in enumerate(script_steps(setup), start=1):
        cells += [_markdown(f"step-{number}", f"## {number}. {step.title}"),
                  _code(f"step-{number}-code", step.code.strip("\n"))]
    notebook = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                             "name": "python3"},
                                              "language_info": {"name": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"


def _markdown(cell_id: str, text: str) -> dict:
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text.splitlines(keepends=True)}


def _code(cell_id: str, text: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": cell_id, "metadata": {}, "outputs": [],
            "source": text.splitlines(keepends=True)}
