"""Seed 003, section 7: models.vgg16() printed without torchvision and without allocating its weights."""

import hashlib
from pathlib import Path

import pytest
import torch

from engine.errors import PlaygroundError
from export.vgg16 import DOWNLOAD_ENV, pretrained_vgg16, vgg16_structure, weights_path
from i18n import translate
from tests.seed_text import printed_block, seed_text


def test_vgg16_prints_exactly_as_the_handout_shows_it():
    assert str(vgg16_structure()) == printed_block(seed_text(3), "VGG(")


def test_vgg16_has_138m_parameters_and_allocates_none():
    model = vgg16_structure()
    assert sum(p.numel() for p in model.parameters()) == 138_357_544  # torchvision's documented count
    assert {p.device for p in model.parameters()} == {torch.device("meta")}
    assert model(torch.empty(2, 3, 224, 224, device="meta")).shape == (2, 1000)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_export_page_prints_vgg16_in_tutorial_003s_section_7(lang):
    from tests.test_pages import open_page

    app = open_page("pages/export.py", lang)
    assert not app.exception
    assert translate("export.vgg_title", lang) in [expander.label for expander in app.expander]
    assert any(block.value.endswith(f"print(model)\n\n{vgg16_structure()}") for block in app.code)


# Cell 003-54: models.vgg16(pretrained=True), then torch.save(model.state_dict(), 'model_weights.pth').
# The real file is 528 MB; these tests write one with VGG16's exact keys and shapes whose tensors are a single
# zero expanded (stride 0), so it takes 10 KB on disk yet loads through the same torch.load and load_state_dict.


def _small_weights_file(path: Path, keys: dict | None = None) -> bytes:
    shapes = keys if keys is not None else {name: t.shape for name, t in vgg16_structure().state_dict().items()}
    torch.save({name: torch.zeros(1).expand(shape) for name, shape in shapes.items()}, path)
    return path.read_bytes()


@pytest.fixture
def hub(tmp_path, monkeypatch) -> Path:
    """An empty torch hub folder, downloads off: the weights are not cached."""
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.delenv(DOWNLOAD_ENV, raising=False)
    assert weights_path() == tmp_path / "torch" / "hub" / "checkpoints" / "vgg16-397923af.pth"
    return weights_path()


def test_without_the_cached_weights_and_with_downloads_off_it_says_why(hub):
    with pytest.raises(PlaygroundError) as error:
        pretrained_vgg16()
    assert error.value.key == "vgg_not_cached" and not hub.exists()
    assert str(hub) in str(error.value) and f"{DOWNLOAD_ENV}=1" in str(error.value)


def test_cached_weights_load_with_every_key_and_save_again(hub):
    hub.parent.mkdir(parents=True)
    _small_weights_file(hub)
    run = pretrained_vgg16()
    assert run.load_result == "<All keys matched successfully>" and not run.downloaded
    assert run.parameters == 138_357_544 and run.saved_bytes > 1000


def test_a_file_that_is_not_vgg16s_weights_is_refused_with_a_message(hub):
    hub.parent.mkdir(parents=True)
    _small_weights_file(hub, {"fc.weight": (10, 4)})
    with pytest.raises(PlaygroundError) as error:
        pretrained_vgg16()
    assert error.value.key == "vgg_bad_file" and "Missing key" in str(error.value)


def test_with_downloads_on_the_file_is_fetched_checked_and_reported(hub, tmp_path, monkeypatch):
    from tests.data_helpers import file_server

    monkeypatch.setenv(DOWNLOAD_ENV, "1")
    data = _small_weights_file(tmp_path / "weights.pth")
    seen = []
    with file_server({"vgg16.pth": data}) as (url, _):
        with pytest.raises(PlaygroundError) as error:  # not the published file: its SHA-256 differs
            pretrained_vgg16(url=url + "vgg16.pth")
        assert error.value.key == "download_checksum" and not hub.exists()
        run = pretrained_vgg16(lambda done, total: seen.append((done, total)), url=url + "vgg16.pth",
                               sha256_prefix=hashlib.sha256(data).hexdigest()[:8])
    assert run.downloaded and hub.read_bytes() == data and seen[-1] == (len(data), len(data))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_export_page_button_explains_or_loads(hub, lang):
    from tests.test_pages import open_page

    app = open_page("pages/export.py", lang)
    app.button(key="export_vgg_pretrained").click().run()
    assert not app.exception
    why = translate("error.vgg_not_cached", lang, path=str(hub), env=DOWNLOAD_ENV)
    assert why in [e.value for e in app.error]
    hub.parent.mkdir(parents=True)
    _small_weights_file(hub)
    app.button(key="export_vgg_pretrained").click().run()
    assert not app.exception and why not in [e.value for e in app.error]
    assert any("<All keys matched successfully>" in block.value for block in app.code)


def test_a_second_load_while_one_runs_is_told_to_wait(hub):
    from export import vgg16

    with vgg16._LOADING:  # one 528 MB load at a time per server process
        with pytest.raises(PlaygroundError) as error:
            pretrained_vgg16()
    assert error.value.key == "vgg_busy"
