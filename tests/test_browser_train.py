"""Training as a person sees it: a 2-D model trains in headless Chromium and its views keep moving.

While it trains, the boundary, the network and the curves are images the page swaps several times a
second (ui/train/live_panels.py); the test counts the boundary's new pictures, checks what they show, and
that the interactive charts come back on Pause.
"""

import io
import re

import numpy as np
import pytest
from PIL import Image

from i18n import translate
from tests.browser import browser_page, needs_chromium, screenshot, wait_for_app
from tests.test_playground_paint import decode_svg, embedded_pngs
from ui.train.playground_paint import BLUE, ORANGE

pytestmark = [pytest.mark.browser, needs_chromium]

BOUNDARY = '[data-panel="boundary"]'


def frames(page) -> int:
    """How many different boundary pictures the page has shown (live_panels.js counts them)."""
    return int(page.locator(BOUNDARY).get_attribute("data-frames") or 0)


def near(pixels: np.ndarray, colour: str, tolerance: int = 40) -> int:
    """Pixels within `tolerance` (per channel) of `colour`."""
    target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels[..., :3].astype(int) - target).max(-1) <= tolerance).sum())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_two_d_training_repaints_the_views_several_times_a_second(app_url, lang):
    with browser_page(locale="ko-KR" if lang == "ko" else "en-US", height=2000) as page:
        page.goto(app_url)  # a cold server's first deep link shows Streamlit's plain page list instead of ours
        wait_for_app(page)
        page.goto(f"{app_url}/train?lang={lang}&preset=playground_circle")  # 10,000 epochs: it outlasts the test
        wait_for_app(page)
        page.get_by_role("button", name=translate("train.play", lang), exact=True).click()
        page.locator(BOUNDARY).wait_for(timeout=60_000)
        page.wait_for_timeout(1000)  # past the first repaints
        first = frames(page)
        # 4 new pictures a second on a quiet server; on this shared 2-core box under load, 1-2: two in 5 s is safe.
        page.wait_for_timeout(5000)
        assert frames(page) - first >= 2

        image = page.locator(f"{BOUNDARY} img")
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")  # the browser decoded the drawing
        svg = decode_svg(image.get_attribute("src"))
        (background,) = embedded_pngs(svg)
        assert background.shape == (100, 100, 3) and len(np.unique(background.reshape(-1, 3), axis=0)) > 20
        assert len(re.findall(r"M\d+ \d+h0", svg)) == 500  # every point of the circle set, training and test
        shown = np.asarray(Image.open(io.BytesIO(image.screenshot())))
        assert near(shown, ORANGE) > 500 and near(shown, BLUE) > 500  # the points (at least) are on screen
        network = decode_svg(page.locator('[data-panel="network"] img').get_attribute("src"))
        assert network.count("<path") == 2 * 4 + 4 * 2 + 2 * 2 and len(embedded_pngs(network)) == 4
        assert page.locator('[data-panel="loss"] img').count() == 1
        screenshot(page, f"train-2d-live-{lang}")

        page.get_by_role("button", name=translate("train.pause", lang), exact=True).click()
        try:
            page.locator('[data-testid="stPlotlyChart"]').first.wait_for(timeout=60_000)  # interactive curves again
        finally:
            screenshot(page, f"train-2d-paused-{lang}")
        page.locator('[data-testid="stHtml"] img').first.wait_for(timeout=60_000)  # the same drawings, static
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.refused == []
