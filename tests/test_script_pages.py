"""The take-it-home download buttons on the Train, Model and Export pages, in both languages: they exist,
and what they hand out is a Python file that compiles and a notebook whose code compiles."""

from __future__ import annotations

import dataclasses
import json
import os

import pytest
import torch
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from engine.data.bundled import iris_csv
from engine.training import Trainer
from tests.test_pages import open_page
from tests.test_script_export import expected_printout, printed_numbers, run_script
from ui.data.state import UPLOAD_KEY
from ui.script_download import csv_setup, training_threads

BUTTONS = {"pages/train.py": "train_script", "pages/model.py": "model_script", "pages/export.py": "export_script"}
BACKPROP = {"ko": "# 역전파", "en": "# backpropagation"}


@pytest.fixture
def payloads(monkeypatch) -> dict[str, bytes]:
    """Every file a page hands to the browser, by its media id (the id ends the button's URL)."""
    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        saved[file_id] = path_or_data if isinstance(path_or_data, bytes) else str(path_or_data).encode()
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved


def _payload(button, payloads: dict[str, bytes]) -> str:
    file_id = button.proto.url.rsplit("/", 1)[1].split(".")[0]
    return payloads[file_id].decode("utf-8")


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path", list(BUTTONS))
def test_download_buttons_hand_out_code_that_compiles(path, lang, payloads):
    key = BUTTONS[path]
    folded = open_page(path, lang)
    assert not folded.exception
    assert not [button for button in folded.get("download_button") if key in button.proto.id]  # folded: not built
    app = open_page(path, lang, {f"{key}_open": True})  # unfolded, as the student's click does (ui/lazy.py)
    buttons = {button.proto.id.rsplit("-", 1)[1]: button for button in app.get("download_button")
               if button.proto.id.endswith((f"{key}_py", f"{key}_ipynb"))}
    assert set(buttons) == {f"{key}_py", f"{key}_ipynb"}
    script = _payload(buttons[f"{key}_py"], payloads)
    compile(script, "torch_playground.py", "exec")
    assert "def train_loop(dataloader, model, loss_fn, optimizer):" in script
    assert f"torch.set_num_threads({training_threads()})" in script  # as many threads as the app's training
    assert BACKPROP[lang] in script and BACKPROP["en" if lang == "ko" else "ko"] not in script
    notebook = json.loads(_payload(buttons[f"{key}_ipynb"], payloads))
    code = "\n\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    assert "\n%matplotlib inline\n" in code  # tutorial 000's first cell: an IPython magic, not Python
    compile(code.replace("\n%matplotlib inline\n", "\n"), "torch_playground.ipynb", "exec")
    if path == "pages/export.py":  # the Export page ticks the extras: the weights and the checked ONNX file
        assert "torch.save(model.state_dict()" in script and "onnxruntime.InferenceSession" in script


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_data_page_csv_script_runs_and_prints_the_trainers_numbers(lang, payloads, tmp_path):
    """The Data page's button for a loaded CSV: the file it hands out, run beside the CSV, equals the trainer."""
    app = open_page("pages/data.py", lang)
    app.button(key="data_csv_example").click().run()
    app.button(key="data_csv_load").click().run()
    app.session_state["data_script_open"] = True  # unfolded, as the student's click does (ui/lazy.py)
    app.run()
    buttons = {button.proto.id.rsplit("-", 1)[1]: button for button in app.get("download_button")}
    assert {"data_script_py", "data_script_ipynb"} <= set(buttons)
    script = _payload(buttons["data_script_py"], payloads)
    assert 'CSV_FILE = "iris.csv"' in script and 'LABEL_COLUMN = "species"' in script
    trainer = Trainer(*_setup_parts(app), limits=None)
    before = torch.get_num_threads()
    torch.set_num_threads(training_threads())  # as the app's training process runs it
    try:
        trainer.run()
    finally:
        torch.set_num_threads(before)
    (tmp_path / "iris.csv").write_bytes(iris_csv())
    (tmp_path / "torch_playground.py").write_text(script, encoding="utf-8")
    printed = printed_numbers(run_script(tmp_path / "torch_playground.py", {**os.environ, "PYTHONPATH": ""}))
    assert printed == expected_printout(trainer)


def _setup_parts(app):
    setup = csv_setup(app.session_state[UPLOAD_KEY], app.session_state["data_upload_source"])
    return setup.spec, app.session_state[UPLOAD_KEY], dataclasses.replace(setup.config, device="cpu")
