"""Saved models: the zip round-trips exactly; hostile, broken or mismatched files are refused with a reason."""

import io
import json
import os
import pickle
import zipfile

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import PRESETS, PlaygroundError, SpecError, build_model
from export import load_checkpoint, save_checkpoint, state_dict_bytes
from export.checkpoint import MAX_FILE_BYTES, whole_model_bytes, whole_model_round_trip

FASHION = PRESETS["fashion_mlp"]


class Payload:
    """Unpickling this runs a shell command: what a malicious .pth would do."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def saved(obj) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


def zipped(spec_text: str, weights: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("spec.json", spec_text)
        archive.writestr("model.pth", weights)
    return buffer.getvalue()


def refused(data: bytes, key: str, spec=FASHION) -> PlaygroundError:
    with pytest.raises(PlaygroundError) as caught:
        load_checkpoint(data, spec)
    assert caught.value.key == key, caught.value
    return caught.value


def test_zip_round_trip_restores_spec_and_exact_weights():
    model = build_model(PRESETS["fashion_mlp_fc"], seed=7)
    loaded = load_checkpoint(save_checkpoint(PRESETS["fashion_mlp_fc"], model), current_spec=FASHION)
    assert loaded.spec == PRESETS["fashion_mlp_fc"]
    for (name, a), (other, b) in zip(model.state_dict().items(), loaded.model.state_dict().items()):
        assert name == other and torch.equal(a, b)
    x = torch.rand(3, 1, 28, 28)
    assert torch.equal(model(x), loaded.model(x))


def test_a_bare_pth_loads_into_the_current_architecture():
    model = build_model(FASHION, seed=3)
    for data in (state_dict_bytes(model), saved({"model_state_dict": model.state_dict(), "epoch": 5})):
        loaded = load_checkpoint(data, FASHION)
        assert loaded.spec == FASHION
        assert torch.equal(loaded.model.linear_relu_stack[0].weight, model.linear_relu_stack[0].weight)


def test_a_pickle_with_code_is_refused_without_running_it(tmp_path):
    marker = tmp_path / "pwned"
    for data in (saved(Payload(marker)), pickle.dumps(Payload(marker)),
                 zipped(json.dumps(FASHION.to_dict()), saved({"w": Payload(marker)}))):
        with pytest.raises(PlaygroundError) as caught:
            load_checkpoint(data, FASHION)
        assert caught.value.key in ("checkpoint_unsafe", "checkpoint_not_readable")
    assert not marker.exists()
    assert refused(saved(Payload(marker)), "checkpoint_unsafe")


def test_a_whole_model_saved_with_torch_save_is_refused_and_named_as_such():
    # Seed 003, section 7: torch.save(model). The class inside makes weights_only=True refuse it.
    for spec in (FASHION, PRESETS["walkthrough"], PRESETS["dense_128_model"]):
        assert refused(whole_model_bytes(build_model(spec, seed=0)), "checkpoint_whole_model")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_export_page_shows_the_whole_model_refusal(lang):
    from streamlit.testing.v1 import AppTest

    from i18n import translate
    from tests.conftest import ROOT

    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.session_state["lang"] = lang
    app.session_state["model_spec"] = PRESETS["walkthrough"]
    app.run()
    app.switch_page("pages/export.py").run()
    assert not app.exception
    assert any(block.value.startswith("torch.save(model, 'model.pth')") for block in app.code)
    expected = translate("error.checkpoint_whole_model", lang)
    assert any(error.value == expected for error in app.error)
    # ...while the app's own bytes are loaded as the tutorial does and printed (seed 003's torch.load).
    model = build_model(PRESETS["walkthrough"], seed=0)
    assert any(block.value.endswith(f"torch.load(buffer, weights_only=False)\nprint(model)\n\n{model}")
               for block in app.code)


def test_the_apps_own_whole_model_bytes_load_back_as_the_same_model():
    model = build_model(FASHION, seed=1)
    data, loaded = whole_model_round_trip(model)
    assert refused(data, "checkpoint_whole_model")  # the same bytes an upload would be refused for
    assert type(loaded) is type(model) and str(loaded) == str(model)
    for (name, mine), (other, theirs) in zip(model.state_dict().items(), loaded.state_dict().items(), strict=True):
        assert name == other and torch.equal(mine, theirs)


def test_weights_of_another_network_are_refused():
    other = state_dict_bytes(build_model(PRESETS["walkthrough"], seed=0))
    error = refused(other, "checkpoint_wrong_keys")
    assert "linear_relu_stack.0.weight" in error.params["missing"]


def test_wrong_shapes_wrong_dtypes_and_nan_are_refused():
    state = build_model(FASHION, seed=0).state_dict()
    bad_shape = {**state, "linear_relu_stack.4.bias": torch.zeros(11)}
    refused(saved(bad_shape), "checkpoint_wrong_shape")
    bad_dtype = {**state, "linear_relu_stack.4.bias": torch.zeros(10, dtype=torch.int64)}
    refused(saved(bad_dtype), "checkpoint_bad_dtype")
    nan = {**state, "linear_relu_stack.4.bias": torch.full((10,), float("nan"))}
    refused(saved(nan), "checkpoint_not_finite")


def test_garbage_non_dicts_bad_specs_and_huge_files_are_refused():
    refused(b"not a model at all" * 100, "checkpoint_not_readable")
    refused(saved([torch.zeros(2)]), "checkpoint_not_state_dict")
    refused(saved({"a": 1}), "checkpoint_not_state_dict")
    refused(zipped("{not json", state_dict_bytes(build_model(FASHION, seed=0))), "checkpoint_bad_spec_json")
    refused(b"\0" * (MAX_FILE_BYTES + 1), "checkpoint_too_large")
    with pytest.raises(SpecError):
        load_checkpoint(zipped(json.dumps({"input_shape": [4], "layers": [{"kind": "Conv9d"}]}), b""), FASHION)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_give_a_playground_error_or_a_model(data):
    try:
        load_checkpoint(data, FASHION)
    except PlaygroundError:
        pass
