"""Training as a person sees it: a 2-D model trains in headless Chromium and its curves keep moving."""

import pytest

from tests.browser import browser_page, needs_chromium, running_app, screenshot, wait_for_app
from ui.catalog import translate

pytestmark = [pytest.mark.browser, needs_chromium]

# Points of the per-epoch train-loss trace in the first plotly chart (the loss curve).
POINTS = """() => {
  const plots = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot');
  return plots.length && plots[0].data && plots[0].data.length > 1 ? plots[0].data[1].x.length : -1;
}"""


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_two_d_training_moves_the_curves_live(lang):
    with running_app() as url, browser_page(locale="ko-KR" if lang == "ko" else "en-US") as page:
        page.goto(url)  # a cold server's first deep link shows Streamlit's plain page list instead of ours
        wait_for_app(page)
        page.goto(f"{url}/train?lang={lang}&preset=playground_2d")
        wait_for_app(page)
        # Enough epochs that the run cannot end before the test has read the curve twice.
        page.get_by_label(translate("train.epochs", lang)).fill("5000")
        page.get_by_label(translate("train.epochs", lang)).press("Enter")
        wait_for_app(page)
        page.get_by_role("button", name="학습" if lang == "ko" else "Play", exact=True).click()
        page.wait_for_function(f"({POINTS})() >= 1", timeout=60_000)
        first = page.evaluate(POINTS)
        page.wait_for_function(f"({POINTS})() > {first}", timeout=60_000)  # a later redraw has more epochs
        second = page.evaluate(POINTS)
        assert second > first >= 1
        assert page.locator('[data-testid="stException"]').count() == 0
        boundary = page.locator('[data-testid="stPlotlyChart"]').count()
        assert boundary >= 3  # loss, accuracy, and the live decision boundary
        screenshot(page, f"train-2d-live-{lang}")
        assert page.refused == []
