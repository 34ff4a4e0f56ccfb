"""A classroom on one server: N simulated students open pages and train a small model at the same time.

Each student is a browser context (its own Streamlit session) in one headless Debian Chromium, on a
fresh `streamlit run` on 127.0.0.1 (loopback only: every other host is refused). A student opens the
Train page with the 2-D playground network, sets a number of epochs no other student uses, presses
Play, then goes back and forth between the Tensors page and the Train page until the run is done.

Measured per class size:
- interactions: the time from a click (Play, a page in the sidebar) until the new page is drawn;
- the queue's waiting and running times, from the server's queue log (TORCH_PLAYGROUND_QUEUE_LOG);
- errors: exceptions on a page, timeouts, refused off-loopback requests, a run that did not finish,
  or a finished run showing another student's epochs (one session seeing another's state);
- the machine's load average while it ran (the 2 cores are shared with other work).

    nice .venv/bin/python bench/load_test.py --students 1 10 30

Bounded: at most 40 students, and each class size stops by itself after --seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402
from ui.catalog import translate  # noqa: E402

MAX_STUDENTS = 40
DEFAULT_EPOCHS = 100  # the 2-D preset's recommended epochs; each student asks for 60 + their index
SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "load-test"
CLIENT_NICE = 5  # the simulated browsers share the server's 2 cores; real ones would not
PROGRESS = '[data-testid="stProgress"]'
TRAIN_TITLE = translate("train.title", "en")
TENSORS_TITLE = translate("tensors.title", "en")
IDLE = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')")


class Class:
    """What every student of one class size measured."""

    def __init__(self):
        self.interactions: list[float] = []
        self.by_kind: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.finished = 0

    def add(self, kind: str, seconds: float) -> None:
        """One interaction's time, counted overall and by kind (play, nav.tensors, nav.train)."""
        self.interactions.append(seconds)
        self.by_kind.setdefault(kind, []).append(seconds)


def _title_is(text: str) -> str:
    return f"() => (document.querySelector('h1')?.innerText || '').trim() === {json.dumps(text)}"


async def _click_nav(page, title: str, nav_key: str, record: Class) -> None:
    """Click a page in the sidebar and time it until that page's title and content are drawn."""
    started = time.perf_counter()
    await page.locator('[data-testid="stSidebarNav"]').get_by_text(translate(nav_key, "en"), exact=True).click()
    await page.wait_for_function(_title_is(title), polling=50, timeout=60_000)
    await page.wait_for_function(IDLE, polling=50, timeout=60_000)
    record.add(nav_key, time.perf_counter() - started)


async def student(browser, url: str, index: int, record: Class, deadline: float) -> None:
    """One student's lesson: open Train, set unique epochs, Play, browse until the run is done."""
    context = await browser.new_context(locale="en-US", viewport={"width": 1200, "height": 900})
    refused: list[str] = []

    async def guard(route):
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        if host in ("127.0.0.1", "localhost", "") or route.request.url.startswith(("data:", "blob:")):
            await route.continue_()
        else:
            refused.append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    page = await context.new_page()
    epochs = 60 + index  # nobody else's: a run showing other epochs would be another session's state
    try:
        await page.goto(f"{url}/train?lang=en&preset=playground_2d", timeout=120_000)
        await page.wait_for_function(_title_is(TRAIN_TITLE), polling=100, timeout=120_000)
        await page.wait_for_function(IDLE, polling=100, timeout=120_000)
        box = page.get_by_label(translate("train.epochs", "en"))
        await box.fill(str(epochs))
        await box.press("Enter")
        await page.wait_for_timeout(1500)  # the rerun that commits the value, before Play reads it
        await page.wait_for_function(IDLE, polling=100, timeout=60_000)
        started = time.perf_counter()
        await page.get_by_role("button", name=translate("train.play", "en"), exact=True).click()
        await page.wait_for_selector(PROGRESS, timeout=60_000)  # queued or training: the click came back
        record.add("play", time.perf_counter() - started)
        while time.monotonic() < deadline:
            await page.wait_for_timeout(1000)  # reading the page
            await _click_nav(page, TENSORS_TITLE, "nav.tensors", record)
            await page.wait_for_timeout(1000)
            await _click_nav(page, TRAIN_TITLE, "nav.train", record)
            await page.wait_for_selector(PROGRESS, timeout=60_000)
            if await page.locator('[data-testid="stException"]').count():
                record.errors.append(f"student {index}: an exception on the Train page")
                return
            text = await page.locator(PROGRESS).first.inner_text()
            if translate("train.status_done", "en") in text:
                shown = text.split("epoch ")[1].split(" ")[0]  # "60/60"
                if shown.split("/")[1] == str(DEFAULT_EPOCHS):  # Play read the settings before the new epochs
                    record.errors.append(f"student {index}: the epochs setting had not reached Play: {text!r}")
                elif shown != f"{epochs}/{epochs}":
                    record.errors.append(f"student {index}: saw another student's run: {text!r}")
                record.finished += 1
                return
        record.errors.append(f"student {index}: the run had not finished when the time was up")
    except Exception as error:  # a timeout or a lost page: counted, and the others go on
        record.errors.append(f"student {index}: {type(error).__name__}: {str(error).splitlines()[0][:160]}")
        SHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(SHOTS / f"student-{index}.png"), full_page=True)  # what they saw
    finally:
        if refused:
            record.errors.append(f"student {index}: requests off loopback: {refused[:3]}")
        await context.close()


def _niced_chromium() -> Path:
    """Chromium below the server's priority: in a classroom the browsers run on the students' machines."""
    wrapper = Path(tempfile.gettempdir()) / f"load-test-chromium-{os.getpid()}.sh"
    wrapper.write_text(f'#!/bin/sh\nexec nice -n {CLIENT_NICE} {CHROMIUM} "$@"\n')
    wrapper.chmod(0o755)
    return wrapper


async def _sample_load(samples: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(os.getloadavg()[0])
        await asyncio.sleep(2)


async def run_class(url: str, students: int, seconds: float) -> tuple[Class, list[float], float]:
    """All students at once in one Chromium; returns their record, load samples and the wall time."""
    from playwright.async_api import async_playwright

    record, load = Class(), []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(_niced_chromium()), headless=True,
                                                   args=CHROMIUM_ARGS)
        warm = await browser.new_page()  # the entry script once, as the browser tests do on a fresh server
        await warm.goto(url, timeout=120_000)
        await warm.wait_for_selector("h1", timeout=120_000)
        await warm.close()
        stop = asyncio.Event()
        sampler = asyncio.create_task(_sample_load(load, stop))
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(*(student(browser, url, i, record, deadline) for i in range(students)))
        wall = time.monotonic() - started
        stop.set()
        await sampler
        await browser.close()
    return record, load, wall


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0..1) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def summary(students: int, record: Class, load: list[float], wall: float, queue_log: Path) -> dict:
    """The figures for one class size, as one JSON-ready dict."""
    jobs = [json.loads(line) for line in queue_log.read_text().splitlines()] if queue_log.exists() else []
    waited = [job["waited"] for job in jobs]
    ran = [job["ran"] for job in jobs if job["state"] == "done"]
    times = record.interactions
    return {
        "students": students, "wall_s": round(wall, 1), "finished_runs": record.finished,
        "errors": record.errors,
        "interactions": len(times),
        "interaction_median_s": round(statistics.median(times), 3) if times else None,
        "interaction_p95_s": round(percentile(times, 0.95), 3) if times else None,
        "interaction_max_s": round(max(times), 3) if times else None,
        "median_by_kind_s": {kind: round(statistics.median(values), 3) for kind, values in record.by_kind.items()},
        "jobs_logged": len(jobs), "jobs_done": sum(job["state"] == "done" for job in jobs),
        "queue_wait_median_s": round(statistics.median(waited), 2) if waited else None,
        "queue_wait_max_s": round(max(waited), 2) if waited else None,
        "run_median_s": round(statistics.median(ran), 2) if ran else None,  # runs that trained to the end
        "load_average_1min": {"min": min(load), "mean": round(statistics.mean(load), 2), "max": max(load)}
        if load else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--seconds", type=float, default=300, help="bound for each class size")
    parser.add_argument("--out", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    results = []
    for students in args.students:
        students = max(1, min(students, MAX_STUDENTS))
        with tempfile.TemporaryDirectory() as folder:
            queue_log = Path(folder) / "queue.jsonl"
            with running_app({"TORCH_PLAYGROUND_QUEUE_LOG": str(queue_log)}) as url:
                record, load, wall = asyncio.run(run_class(url, students, args.seconds))
            results.append(summary(students, record, load, wall, queue_log))
        print(json.dumps(results[-1]), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    ok = all(not r["errors"] and r["finished_runs"] == r["students"] == r["jobs_done"] for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
