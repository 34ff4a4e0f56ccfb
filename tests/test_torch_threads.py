"""torch in the server's pages (ui/torch_threads.py): a page run's new thread uses the process's one
torch thread for its first matrix product too, instead of starting a team of its own."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.browser import ROOT

PROBE = r"""
import os, sys, threading, torch
from ui.torch_threads import apply_to_this_run, set_pages_threads

set_pages_threads(1)
x, w = torch.randn(256, 256), torch.randn(256, 256)


def page_run(apply):
    if apply:
        apply_to_this_run()
    torch.nn.functional.linear(x, w)  # a Linear layer's forward: MKL's matrix product
    counts.append(len(os.listdir("/proc/self/task")))


counts = []
before = len(os.listdir("/proc/self/task"))
run = threading.Thread(target=page_run, args=(sys.argv[1] == "apply",))
run.start()
run.join()
print(counts[0] - before)  # threads beyond the run's own
"""


def _extra_threads(apply: str) -> int:
    result = subprocess.run([sys.executable, "-c", PROBE, apply], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def test_a_page_runs_first_matrix_product_starts_no_threads_of_its_own():
    assert _extra_threads("apply") == 1  # the run's thread itself, and nothing else


def test_without_it_the_product_starts_a_team_where_there_are_cores_for_one():
    # What apply_to_this_run is for: MKL's own default reaches a new thread (one core: no team either way).
    extra = _extra_threads("skip")
    assert extra > 1 if len(os.sched_getaffinity(0)) > 1 else extra == 1
