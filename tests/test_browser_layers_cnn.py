"""The Layers page's CNN section in Chromium: the student's CNN (from a lesson link) shows its feature maps
as pictures, and a drawing on the pad goes through the network."""

import pytest
from playwright.sync_api import expect

from engine import PRESETS
from engine.links import encode_setup
from i18n import translate
from tests.browser import browser_page, needs_chromium, screenshot, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_feature_maps_draw_and_a_drawing_goes_through_the_cnn(app_url, lang):
    setup = encode_setup({"model": PRESETS["fashion_cnn"].to_dict()})
    with browser_page(height=1600) as page:
        page.goto(f"{app_url}/layers?lang={lang}&setup={setup}")
        wait_for_app(page)
        page.get_by_text(translate("layers.model_current", lang), exact=True).first.click()
        page.get_by_text(translate("cnn.title", lang)).first.wait_for(timeout=60_000)
        wait_for_app(page)
        # fashion_cnn's conv and pool layers: 16 + 16 + 32 + 32 + 64 + 64 channels, the first 32 of a layer drawn
        tiles = page.locator('[data-testid="stImage"] img')
        tiles.nth(1 + 16 + 16 + 32 + 32 + 32 + 32 - 1).wait_for(state="attached", timeout=60_000)  # + the image
        page.get_by_text(translate("cnn.image_pad", lang), exact=True).click()
        wait_for_app(page)
        shown = page.locator('[data-testid="stImage"]', has_text=translate("cnn.image_shown", lang)).locator("img")
        blank = shown.get_attribute("src")
        pad = page.locator("canvas.pad").first
        pad.wait_for(timeout=30_000)
        box = pad.bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.7, steps=12)
        page.mouse.up()
        expect(shown).not_to_have_attribute("src", blank, timeout=30_000)  # the drawing went through the CNN
        wait_for_app(page)
        screenshot(page, f"layers-cnn-pad-{lang}")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.refused == []
