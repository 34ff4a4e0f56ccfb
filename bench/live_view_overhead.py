"""How much the Train page's live view slows training, against the headless command, same settings.

Each round trains fashion_fast with its recommended settings (2 epochs) once with
`python -m engine train ... --threads T` and once on the Train page in headless Chromium (the app's
training process also uses T threads: classroom/processes.threads_per_job), reading the page's own
training seconds when done.
Chromium stands for a student's browser, which is on their own computer: it gets nice 19 and the
pages' core, never the training core (bench/cpu_share.browser_to_background; --browser-anywhere
lets it use every core). Rounds interleave the two; medians are printed. Needs FASHION_MNIST_DIR and
Debian's chromium.
Usage: python bench/live_view_overhead.py [--rounds 5] [--preset fashion_fast] [--browser-anywhere]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cpu_share import CpuShare, browser_to_background  # noqa: E402
from classroom.processes import threads_per_job  # noqa: E402
from classroom.queue import default_workers  # noqa: E402
from engine.training.recommended import recommended_config  # noqa: E402
from tests.browser import browser_page, running_app, screenshot, wait_for_app  # noqa: E402

THREADS = threads_per_job(default_workers())  # what the app's training processes use


def headless_seconds(preset: str) -> float:
    config = recommended_config(preset)
    command = [sys.executable, "-m", "engine", "train", "--preset", preset, "--data", config.data,
               "--loss", config.loss, "--optimizer", config.optimizer, "--lr", str(config.lr),
               "--batch-size", str(config.batch_size), "--epochs", str(config.epochs), "--seed", str(config.seed),
               "--shuffle" if config.shuffle else "--no-shuffle", "--threads", str(THREADS), "--json"]
    output = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return sum(json.loads(line)["seconds"] for line in output.splitlines())


def page_seconds(url: str, preset: str, round_: int, pin: bool) -> tuple[float, dict[str, float]]:
    with browser_page() as page:
        browser_to_background(pin)
        page.goto(f"{url}/train?lang=en&preset={preset}")
        wait_for_app(page)
        page.get_by_role("button", name="Play", exact=True).click()
        share = CpuShare()  # who got the cores meanwhile: on a busy machine, that decides the figure
        page.get_by_text("Done ·").wait_for(timeout=600_000)
        cores = share.cores()
        wait_for_app(page)
        screenshot(page, f"live-overhead-{preset}-{round_}")
        value = page.locator('[data-testid="stMetricValue"]').nth(3).inner_text()
        return float(value), cores


def main() -> None:
    """Interleave headless and live-page runs; print medians and the slowdown."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--preset", default="fashion_fast")
    parser.add_argument("--browser-anywhere", action="store_true",
                        help="let Chromium run on the training core too (it still gets nice 19)")
    args = parser.parse_args()
    headless, live = [], []
    with running_app() as url:
        with browser_page() as page:  # a first visit, so the server has run the entry script once
            page.goto(url)
            wait_for_app(page)
        for round_ in range(args.rounds):
            headless.append(headless_seconds(args.preset))
            seconds, cores = page_seconds(url, args.preset, round_, not args.browser_anywhere)
            live.append(seconds)
            print(f"round {round_ + 1}: headless {headless[-1]:.2f} s, live page {live[-1]:.2f} s "
                  f"(cores used: {cores}; load {os.getloadavg()[0]:.1f})", flush=True)
    h, p = statistics.median(headless), statistics.median(live)
    print(f"{args.preset}, {THREADS} thread(s): medians headless {h:.2f} s, live page {p:.2f} s: "
          f"slowdown {p / h - 1:+.1%} (must be <= 20%)")


if __name__ == "__main__":
    main()
