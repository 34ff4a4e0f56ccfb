"""What one page run costs the server: CPU seconds of the server process per interaction, page by page.

    nice .venv/bin/python bench/page_cost.py --repeat 15
    nice .venv/bin/python bench/page_cost.py --students 20     # a load-test student's steps instead

A class's page interactions all run in the one server process (one GIL), so the CPU one run takes
bounds how many students a process serves: with a student acting every 2-5 s, 100 students send
~30 runs a second. One simulated tab (bench/load_client.py) opens the load test's pages one after
another, each `--repeat` times, with nothing training; the server's own CPU seconds (its training
processes not counted, from /proc) over each run are its cost. Printed: median, mean and max per page.
CPU seconds, unlike wall seconds, say little about the machine's other work.

`--students N`: N fresh tabs take a load-test student's steps, one step for all of them before the next
(open the Train page, set epochs, Play, then once the runs are done the other pages and back). Printed: the
server's CPU per student for each step. Play's figure holds its run too: the runs train while the others
press Play, and the server applies their progress, saves them and answers their live feeds.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cpu_share import _cpu_seconds  # noqa: E402
from bench.load_client import BROWSE, TRAIN_QUERY, Record, Tab  # noqa: E402
from bench.load_test import FIRST_EPOCHS  # noqa: E402
from tests.browser import start_app, stop_app  # noqa: E402

PAGES = ("train", *BROWSE)
RUN_SECONDS = 8  # a load-test student's run of 20-40 epochs is done by then, all of them together too


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


async def measure_steps(url: str, pid: int, students: int) -> dict[str, float]:
    """CPU seconds of the server per student for each of a load-test student's steps, all students' together."""
    warm = Tab(url, TRAIN_QUERY, Record(), "warm-up")  # the first Play and first visits, not measured
    await warm.open("train")
    await warm.set_value("train_epochs", 1)
    await warm.press("train_play")
    await asyncio.sleep(RUN_SECONDS)
    for page in (*BROWSE, "train"):
        await warm.go_to(page)
    await warm.close()
    tabs = [Tab(url, TRAIN_QUERY, Record(), f"student {index}") for index in range(students)]
    steps = {
        "open Train": lambda index: tabs[index].open("train"),
        "set epochs": lambda index: tabs[index].set_value("train_epochs", FIRST_EPOCHS + index),
        "Play (and its run)": lambda index: tabs[index].press("train_play"),
        **{f"open {page}, back to Train": functools.partial(_visit, tabs, page) for page in BROWSE},
    }
    costs = {}
    for step, act in steps.items():
        before = _cpu_seconds(pid)
        for index in range(students):
            await act(index)
        if step.startswith("Play"):
            await asyncio.sleep(RUN_SECONDS)  # the runs end
        await asyncio.sleep(0.3)
        costs[step] = (_cpu_seconds(pid) - before) / students
    for tab in tabs:
        await tab.close()
    return costs


async def _visit(tabs: list[Tab], page: str, index: int) -> None:
    await tabs[index].go_to(page)
    await tabs[index].go_to("train")


def main() -> None:
    """Start a server, measure, print, stop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--students", type=int, help="measure a load-test student's steps with this many tabs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_app({"TORCH_PLAYGROUND_DATABASE_URL": f"sqlite:///{folder}/class.db"})
        try:
            if args.students:
                steps = asyncio.run(measure_steps(url, process.pid, args.students))
            else:
                costs = asyncio.run(measure(url, process.pid, args.repeat))
        finally:
            stop_app(process)
    if args.students:
        print(f"{'step':28} {'CPU ms per student':>18}")
        for step, seconds in steps.items():
            print(f"{step:28} {1000 * seconds:18.0f}")
        return
    print(f"{'page':10} {'median CPU ms':>14} {'mean ms':>8} {'max ms':>8}")
    for page, values in costs.items():  # the clock counts in ticks (10 ms): the mean of many runs is finer
        print(f"{page:10} {1000 * statistics.median(values):14.0f} {1000 * statistics.fmean(values):8.1f} "
              f"{1000 * max(values):8.0f}")


if __name__ == "__main__":
    main()
