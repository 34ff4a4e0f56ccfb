"""The first student on a fresh server: how long until their first page is ready.

    .venv/bin/python bench/first_page.py --servers 3

For each page (Home, then Train) and each of --servers fresh servers, started the way the tests and
the class start it (tests/browser.py's `running_app`, on a free port of 127.0.0.1), a student in
headless Chromium opens the page the moment `/_stcore/health` answers, then a second student (another
browser context: nothing cached either) opens it. Chromium (Debian's) starts before the server, so its
own start is in no figure. A page is ready when its title is drawn and Streamlit's run is
over (the app's script state "notRunning", no skeleton left).

Printed per page, medians over the servers (the machine may be shared: noisy, hence medians):
- start -> health: from starting the server until its health check answers;
- health -> first page: from the health check answering until the first student's page is ready;
- of which frontend: until the page's load event (Streamlit's frontend fetched and started): mostly
  the browser's work, which in a class runs on each student's own computer, not on the server;
- second student: the same page for the next student, on the server the first visit has just used:
  what a page costs once the server is warm;
- warm-up: the seconds the server's start-up reports spending on its warm-up (ui/startup.py), part of
  start -> health; "-" for a server that reports none.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import ROOT, browser_page, guarded_page, running_app  # noqa: E402

PAGES = {"home": "", "train": "/train"}
READY = ("() => document.querySelector('[data-testid=\"stApp\"][data-test-script-state=\"notRunning\"]')"
         " && document.querySelector('h1') && !document.querySelector('[data-testid=\"stSkeleton\"]')")
WARMED = re.compile(r"warmed up in ([0-9.]+) s")


def open_page(page, url: str) -> tuple[float, float]:
    """Seconds from asking for `url` until the browser has loaded Streamlit's frontend (its load event),
    and until the page is ready."""
    started = time.monotonic()
    page.goto(url)
    loaded = time.monotonic() - started
    page.wait_for_function(READY, timeout=120_000, polling=20)
    return loaded, time.monotonic() - started


def warm_up_seconds(url: str) -> float | None:
    """The warm-up's own figure from the server's log (running_app keeps it in artifacts/), if it printed one."""
    log = ROOT / "artifacts" / f"streamlit-{url.rsplit(':', 1)[1]}.log"
    found = WARMED.search(log.read_text()) if log.exists() else None
    return float(found[1]) if found else None


def one_server(path: str) -> dict:
    """A fresh server, its first student on `path`, then a second student; the figures in seconds."""
    with browser_page(locale="en-US") as first:
        second = guarded_page(first.context.browser)
        started = time.monotonic()
        with running_app() as url:
            healthy = time.monotonic()
            frontend, first_visit = open_page(first, url + path)
            second_visit = open_page(second, url + path)[1]
            return {"start -> health": healthy - started, "health -> first page": first_visit,
                    "of which frontend": frontend, "second student": second_visit, "warm-up": warm_up_seconds(url)}


def median(values: list) -> str:
    """The median of the known values, formatted; "-" when none is known."""
    known = [value for value in values if value is not None]
    return f"{statistics.median(known):.2f}" if known else "-"


def main() -> None:
    """Measure each page on --servers fresh servers and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=3, help="fresh servers per page (medians over them)")
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    args = parser.parse_args()
    columns = ["start -> health", "health -> first page", "of which frontend", "second student", "warm-up"]
    print(f"{'page':<6}" + "".join(f"{column:>21}" for column in columns) + "   (seconds, medians)")
    for name in args.pages:
        runs = [one_server(PAGES[name]) for _ in range(args.servers)]
        for run in runs:
            print("  one:  " + "  ".join(f"{column} {median([run[column]])}" for column in columns), flush=True)
        print(f"{name:<6}" + "".join(f"{median([run[column] for run in runs]):>21}" for column in columns),
              flush=True)


if __name__ == "__main__":
    main()
