"""What one page run costs the server: CPU seconds of the server process per interaction, page by page.

    nice .venv/bin/python bench/page_cost.py --repeat 15

A class's page interactions all run in the one server process (one GIL), so the CPU one run takes
bounds how many students a process serves: with a student acting every 2-5 s, 100 students send
~30 runs a second. One simulated tab (bench/load_client.py) opens the load test's pages one after
another, each `--repeat` times, with nothing training; the server's own CPU seconds (its training
processes not counted, from /proc) over each run are its cost. Printed: median and max per page.
CPU seconds, unlike wall seconds, say little about the machine's other work.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cpu_share import _cpu_seconds  # noqa: E402
from bench.load_client import BROWSE, TRAIN_QUERY, Record, Tab  # noqa: E402
from tests.browser import start_app, stop_app  # noqa: E402

PAGES = ("train", *BROWSE)


async def measure(url: str, pid: int, repeat: int) -> dict[str, list[float]]:
    """CPU seconds of the server per page run, `repeat` runs of each page."""
    tab = Tab(url, TRAIN_QUERY, Record(), "cost")
    costs: dict[str, list[float]] = {page: [] for page in PAGES}
    await tab.open("train")
    for page in PAGES:  # one unmeasured visit each: first-time imports and caches
        await tab.go_to(page)
    for _ in range(repeat):
        for page in PAGES:
            before = _cpu_seconds(pid)
            await tab.go_to(page)
            await asyncio.sleep(0.3)  # the run's last messages leave the server
            costs[page].append(_cpu_seconds(pid) - before)
    await tab.close()
    return costs


def main() -> None:
    """Start a server, measure, print, stop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_app({"TORCH_PLAYGROUND_DATABASE_URL": f"sqlite:///{folder}/class.db"})
        try:
            costs = asyncio.run(measure(url, process.pid, args.repeat))
        finally:
            stop_app(process)
    print(f"{'page':10} {'median CPU ms':>14} {'max ms':>8}")
    for page, values in costs.items():
        print(f"{page:10} {1000 * statistics.median(values):14.0f} {1000 * max(values):8.0f}")


if __name__ == "__main__":
    main()
