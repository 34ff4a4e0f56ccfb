"""The exported model really runs in headless Chromium (onnxruntime-web, WebAssembly, served by the app):
the page shows a browser-vs-torch difference below 1e-5, and no request leaves 127.0.0.1."""

import re
import time

import pytest

from engine import PRESETS, build_model
from engine.links import encode_setup
from export import THRESHOLD, save_checkpoint
from i18n import translate
from tests.browser import browser_page, needs_chromium, running_app, screenshot, wait_for_app
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, needs_chromium,
              pytest.mark.skipif(not (ROOT / "static" / "ort" / "ort-wasm-simd-threaded.wasm").exists(),
                                 reason="onnxruntime-web is not installed in static/ort/ (make setup copies it)")]

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def metric_value(page, label: str) -> float:
    """The number a st.metric with this label shows."""
    metric = page.locator('[data-testid="stMetric"]', has_text=label).first
    return float(NUMBER.findall(metric.locator('[data-testid="stMetricValue"]').inner_text())[0])


def shown_digest(page) -> str:
    """The first 12 hex digits of the sha256 of the model the page exported, as its summary line shows them."""
    return re.search(r"sha256 ([0-9a-f]{12})", page.get_by_text("sha256").first.inner_text()).group(1)


def wait_for_browser_answer(page, replacing: str | None = None) -> float:
    """Wait until the browser has answered for the model the page exported now (not the one whose digest is
    `replacing`: a new model shows its parameters before its export's line); its max abs difference."""
    wait_for_app(page, timeout=120_000)
    deadline = time.monotonic() + 120
    while (digest := shown_digest(page)) == replacing and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert digest != replacing, f"the page still shows the export of the model before ({replacing})"
    page.get_by_role("tab", name=translate("export.tab_browser", "en")).click()
    page.get_by_text(re.compile(f"Model sha256 {digest}, measurement")).wait_for(timeout=90_000)
    return metric_value(page, translate("export.browser_max_abs", "en"))


def test_the_exported_model_runs_in_chromium_and_matches_torch():
    with running_app() as url, browser_page() as page:
        page.goto(f"{url}/?lang=en")
        wait_for_app(page)
        page.goto(f"{url}/export?lang=en")
        difference = wait_for_browser_answer(page)
        milliseconds = metric_value(page, translate("export.browser_time", "en"))
        screenshot(page, "export-browser-check-en")
        assert 0 <= difference < THRESHOLD
        assert milliseconds < 50  # fashion_mlp at batch 1; the figure the issue asks for is measured in bench/
        # Measuring again reuses the WebAssembly session made for this model instead of compiling a new one.
        page.get_by_role("button", name=translate("export.browser_again", "en")).click()
        page.get_by_text(re.compile(r"measurement 2:")).wait_for(timeout=60_000)
        create = page.locator('[data-testid="stMetric"]', has_text=translate("export.browser_create", "en")).first
        assert translate("export.browser_reused", "en") in create.inner_text()

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

        # Load a saved model through the page: garbage is refused and the model stays; a good zip replaces it,
        # and the new model is exported and run in the browser again (a second WASM session).
        page.get_by_role("tab", name=translate("export.tab_files", "en")).click()
        uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]')
        uploader.set_input_files({"name": "broken.pth", "mimeType": "application/octet-stream",
                                  "buffer": b"definitely not a model" * 50})
        page.get_by_text(translate("error.checkpoint_not_readable", "en")).wait_for(timeout=30_000)
        assert page.get_by_text("669,706 parameters").count() == 1
        before = shown_digest(page)
        saved = save_checkpoint(PRESETS["walkthrough"], build_model(PRESETS["walkthrough"], seed=5))
        uploader.set_input_files({"name": "walkthrough.zip", "mimeType": "application/zip", "buffer": saved})
        page.get_by_text("15,910 parameters").first.wait_for(timeout=120_000)
        assert wait_for_browser_answer(page, replacing=before) < THRESHOLD
        screenshot(page, "export-loaded-en")
        assert page.refused == []


def draw_a_stroke_and_read_the_gap(page) -> float:
    """Draw across the "Try it yourself" pad; the difference between PyTorch and the browser it reports."""
    page.get_by_role("tab", name=translate("export.tab_try", "en")).click()
    pad = page.locator("canvas.pad")
    pad.wait_for(timeout=30_000)
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 60, box["y"] + 60)
    page.mouse.down()
    for step in range(20):
        page.mouse.move(box["x"] + 60 + 8 * step, box["y"] + 60 + 7 * step)
    page.mouse.up()
    answer = page.get_by_text(re.compile("PyTorch says")).first
    answer.wait_for(timeout=60_000)
    return float(NUMBER.findall(answer.inner_text().split("browser")[-1])[0])


def test_the_fashion_cnn_runs_in_chromium_and_on_the_drawing_pad():
    setup = encode_setup({"model": PRESETS["fashion_cnn"].to_dict()})
    with running_app() as url, browser_page() as page:
        page.goto(f"{url}/?lang=en")
        wait_for_app(page)
        page.goto(f"{url}/export?lang=en&setup={setup}")
        assert 0 <= wait_for_browser_answer(page) < THRESHOLD
        assert page.get_by_text("29,290 parameters").count() >= 1  # the link's CNN, not the default MLP
        assert metric_value(page, translate("export.browser_time", "en")) < 50  # the 10 ms figure is in bench/
        assert draw_a_stroke_and_read_the_gap(page) < THRESHOLD
        screenshot(page, "export-try-cnn-en")
        assert page.refused == []
