"""The exported model really runs in headless Chromium (onnxruntime-web, WebAssembly, served by the app):
the page shows a browser-vs-torch difference below 1e-5, and no request leaves 127.0.0.1."""

import re

import pytest

from export import THRESHOLD
from tests.browser import browser_page, needs_chromium, running_app, screenshot, wait_for_app
from tests.conftest import ROOT
from ui.catalog import translate

pytestmark = [pytest.mark.browser, needs_chromium,
              pytest.mark.skipif(not (ROOT / "static" / "ort" / "ort-wasm-simd-threaded.wasm").exists(),
                                 reason="onnxruntime-web is not installed in static/ort/ (make setup copies it)")]

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def metric_value(page, label: str) -> float:
    """The number a st.metric with this label shows."""
    metric = page.locator('[data-testid="stMetric"]', has_text=label).first
    return float(NUMBER.findall(metric.locator('[data-testid="stMetricValue"]').inner_text())[0])


def test_the_exported_model_runs_in_chromium_and_matches_torch():
    with running_app() as url, browser_page() as page:
        page.goto(f"{url}/?lang=en")
        wait_for_app(page)
        page.goto(f"{url}/export?lang=en")
        wait_for_app(page, timeout=120_000)
        page.get_by_role("tab", name=translate("export.tab_browser", "en")).click()
        label = translate("export.browser_max_abs", "en")
        page.get_by_text(label).wait_for(timeout=90_000)
        difference = metric_value(page, label)
        milliseconds = metric_value(page, translate("export.browser_time", "en"))
        screenshot(page, "export-browser-check-en")
        assert 0 <= difference < THRESHOLD
        assert milliseconds < 50  # fashion_mlp at batch 1; the figure the issue asks for is measured in bench/

        page.get_by_role("tab", name=translate("export.tab_try", "en")).click()
        pad = page.locator("canvas.pad")
        pad.wait_for(timeout=30_000)
        box = pad.bounding_box()
        page.mouse.move(box["x"] + 60, box["y"] + 60)
        page.mouse.down()
        for step in range(20):  # a stroke across the pad
            page.mouse.move(box["x"] + 60 + 8 * step, box["y"] + 60 + 7 * step)
        page.mouse.up()
        page.locator(".bar-row").first.wait_for(timeout=30_000)
        answer = page.get_by_text(re.compile("PyTorch says")).first
        answer.wait_for(timeout=60_000)
        gap = float(NUMBER.findall(answer.inner_text().split("browser")[-1])[0])
        screenshot(page, "export-try-en")
        assert gap < THRESHOLD
        assert page.refused == []
