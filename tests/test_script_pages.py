"""The take-it-home download buttons on the Train, Model and Export pages, in both languages: they exist,
and what they hand out is a Python file that compiles and a notebook whose code compiles."""

from __future__ import annotations

import json

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from tests.test_pages import open_page

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
    app = open_page(path, lang)
    assert not app.exception
    key = BUTTONS[path]
    buttons = {button.proto.id.rsplit("-", 1)[1]: button for button in app.get("download_button")
               if button.proto.id.endswith((f"{key}_py", f"{key}_ipynb"))}
    assert set(buttons) == {f"{key}_py", f"{key}_ipynb"}
    script = _payload(buttons[f"{key}_py"], payloads)
    compile(script, "torch_playground.py", "exec")
    assert "def train_loop(dataloader, model, loss_fn, optimizer):" in script
    assert BACKPROP[lang] in script and BACKPROP["en" if lang == "ko" else "ko"] not in script
    notebook = json.loads(_payload(buttons[f"{key}_ipynb"], payloads))
    code = "\n\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    compile(code, "torch_playground.ipynb", "exec")
    if path == "pages/export.py":  # the Export page ticks the extras: the weights and the checked ONNX file
        assert "torch.save(model.state_dict()" in script and "onnxruntime.InferenceSession" in script
