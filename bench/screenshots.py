"""Retake the README's screenshots: the Train page's live 2-D view and the Export page, in headless Chromium.

    .venv/bin/python bench/screenshots.py [--lang en] [--out docs/images]

Starts the app on a free port of 127.0.0.1 (tests/browser.py's `running_app`, always stopped after),
opens each page at a desktop size and saves what the first screen shows as a small PNG.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from i18n import translate  # noqa: E402
from tests.browser import browser_page, running_app, set_epochs, wait_for_app  # noqa: E402

SIZE = (1400, 900)
MAX_BYTES = 300_000  # what a README image may weigh; larger ones are saved with a 256-colour palette
BOUNDARY = '[data-panel="boundary"]'


def save_png(png: bytes, path: Path) -> int:
    """Write a screenshot as PNG, palette-reduced when the full-colour file is too heavy; its size in bytes."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    if buffer.tell() > MAX_BYTES:
        buffer = io.BytesIO()
        image.quantize(256, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG", optimize=True)
    path.write_bytes(buffer.getvalue())
    return buffer.tell()


def train_2d(page, url: str, lang: str) -> bytes:
    """The Train page training playground_circle: the boundary, the neurons' heatmaps, the loss, live."""
    page.goto(f"{url}/train?lang={lang}&preset=playground_circle")
    wait_for_app(page)
    set_epochs(page, 10_000)  # the preset's 500 may be over before the picture is taken
    page.get_by_role("button", name=translate("train.play", lang), exact=True).click()
    page.locator(BOUNDARY).wait_for(timeout=60_000)
    # Let it learn the circle, still training, then bring the live panels into view.
    page.wait_for_timeout(8000)
    # Streamlit scrolls its main block, not the window; the panels live in a component's shadow root.
    # Scroll so the network sits 420 px down: the curves above it show, and the boundary's legend below.
    top = page.locator('[data-panel="network"]').evaluate("el => el.getBoundingClientRect().top")
    page.locator('[data-testid="stMain"]').evaluate(f"main => {{ main.scrollTop += {top} - 420; }}")
    page.wait_for_timeout(600)
    return page.screenshot()


def export(page, url: str, lang: str) -> bytes:
    """The Export page with its parity report (torch against onnxruntime) for the default network."""
    page.goto(f"{url}/export?lang={lang}")
    wait_for_app(page, timeout=120_000)
    page.get_by_text(re.compile("sha256")).first.wait_for(timeout=120_000)
    page.wait_for_timeout(500)
    return page.screenshot()


def main() -> None:
    """Take both screenshots and print where they went and what they weigh."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "ko"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    locale = "ko-KR" if args.lang == "ko" else "en-US"
    with running_app() as url, browser_page(locale=locale, width=SIZE[0], height=SIZE[1]) as page:
        page.goto(f"{url}/?lang={args.lang}")
        wait_for_app(page)
        for name, take in (("train-2d", train_2d), ("export", export)):
            path = args.out / f"{name}-{args.lang}.png"
            size = save_png(take(page, url, args.lang), path)
            print(f"{path}: {size / 1000:.0f} KB")


if __name__ == "__main__":
    main()
