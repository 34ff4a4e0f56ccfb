"""Seed 003, section 7: models.vgg16() printed without torchvision and without allocating its weights."""

import pytest
import torch

from export.vgg16 import vgg16_structure
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
