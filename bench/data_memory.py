"""How much memory FashionMNIST costs: load time from the .gz files, and the RSS of one real server
process as students open the Data page (each Chromium tab is one Streamlit session).

Run from the project root with FASHION_MNIST_DIR set (or the files in the user cache):
    nice .venv/bin/python bench/data_memory.py [--sessions 5] [--load-runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import browser_page, free_port, wait_for_app  # noqa: E402

LOAD_ONCE = """
import time, resource
from engine.data import fashion_mnist
folder = fashion_mnist.ensure_files()
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * resource.getpagesize() / 2**20
before = rss()
start = time.perf_counter()
data = fashion_mnist.load_fashion_mnist(folder)
print(time.perf_counter() - start, rss() - before)
"""


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MiB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def measure_load(runs: int) -> None:
    """Median load time and RSS growth of load_fashion_mnist, each run in a fresh interpreter."""
    times, growth = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_ONCE], cwd=ROOT, capture_output=True, text=True, check=True)
        seconds, megabytes = map(float, out.stdout.split())
        times.append(seconds)
        growth.append(megabytes)
    print(f"load_fashion_mnist from .gz: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{s:.2f}' for s in times)}); RSS growth median {statistics.median(growth):.0f} MiB")


def measure_server(sessions: int) -> None:
    """RSS of one server process (ui/startup.py): idle, after one student on Home, then per student on the Data page."""
    port = free_port()
    command = [sys.executable, "-m", "ui.startup", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        time.sleep(2)
        print(f"server idle: {rss_mb(server.pid):.0f} MiB")
        pages = []
        with browser_page() as first:
            first.goto(url)
            wait_for_app(first)
            print(f"1 session on Home: {rss_mb(server.pid):.0f} MiB")
            previous = None
            for n in range(1, sessions + 1):
                page = first if n == 1 else first.context.new_page()
                page.goto(f"{url}/data?lang=en")
                wait_for_app(page)
                time.sleep(3)
                pages.append(page)
                now = rss_mb(server.pid)
                extra = "" if previous is None else f" (+{now - previous:.1f} MiB)"
                print(f"{n} session(s) on the Data page: {now:.0f} MiB{extra}")
                previous = now
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--load-runs", type=int, default=5)
    args = parser.parse_args()
    print(f"FASHION_MNIST_DIR={os.environ.get('FASHION_MNIST_DIR', '(unset: user cache)')}")
    if args.load_runs:
        measure_load(args.load_runs)
    measure_server(args.sessions)
