"""A preset in headless Chromium: onnxruntime-web session creation and batch-1 inference time.

Run: nice .venv/bin/python bench/browser_inference.py [requests] [preset]   (preset: fashion_mlp, fashion_cnn, ...)
Starts the app on 127.0.0.1, opens the Export page with the preset (a lesson link), waits for the browser's
answer, then presses "Measure again" so the same session (created once) is timed again. Each answer
is the median of 15 batch-1 runs after a warm-up; the script prints every answer and their median.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import PRESETS  # noqa: E402
from engine.links import encode_setup  # noqa: E402
from i18n import translate  # noqa: E402
from tests.browser import browser_page, running_app, wait_for_app  # noqa: E402

NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def metric(page, key: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=translate(key, "en")).first
    return box.locator('[data-testid="stMetricValue"]').inner_text()


def loop_mean(page, number: int) -> float:
    caption = page.get_by_text(f"measurement {number}:").first.inner_text()
    return float(re.search(r"loop mean ([0-9.]+) ms", caption).group(1))


def main(requests: int, preset: str) -> None:
    """Open the Export page with `preset`, then time `requests` browser answers; print their medians."""
    setup = encode_setup({"model": PRESETS[preset].to_dict()})
    with running_app() as url, browser_page() as page:
        page.goto(f"{url}/?lang=en")
        wait_for_app(page)
        started = time.perf_counter()
        page.goto(f"{url}/export?lang=en&setup={setup}")
        wait_for_app(page, timeout=180_000)
        page.get_by_role("tab", name=translate("export.tab_browser", "en")).click()
        page.get_by_text(translate("export.browser_max_abs", "en")).wait_for(timeout=120_000)
        print(f"{preset}: page open to first browser answer: {time.perf_counter() - started:.1f} s")
        print(f"onnxruntime-web import {metric(page, 'export.browser_import')}, "
              f"session creation {metric(page, 'export.browser_create')}, "
              f"browser vs torch {metric(page, 'export.browser_max_abs')}")
        medians = [float(NUMBER.findall(metric(page, "export.browser_time"))[0])]
        means = [loop_mean(page, 1)]
        for number in range(2, requests + 1):
            page.get_by_role("button", name=translate("export.browser_again", "en")).click()
            page.get_by_text(f"measurement {number}:").wait_for(timeout=60_000)
            assert translate("export.browser_reused", "en") in metric(page, "export.browser_create")
            medians.append(float(NUMBER.findall(metric(page, "export.browser_time"))[0]))
            means.append(loop_mean(page, number))
        print(f"loop means (15 back-to-back runs each): {[round(m, 3) for m in means]} ms; "
              f"median {statistics.median(means):.3f} ms")
        print(f"batch-1 inference, median of 15 runs per answer (0.1 ms clock): {medians} ms")
        print(f"median over {len(medians)} answers: {statistics.median(medians):.2f} ms "
              "(the session is reused after the first)")
        assert page.refused == [], page.refused


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5, sys.argv[2] if len(sys.argv) > 2 else "fashion_mlp")
