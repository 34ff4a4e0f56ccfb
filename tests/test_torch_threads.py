"""torch in the server (ui/torch_threads.py): a new thread's first matrix product, a page run's or a button
callback's, uses one torch thread instead of starting a team of its own."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.browser import ROOT

PROBE = r"""
import os, sys, threading
from ui.torch_threads import one_thread_before_torch

if sys.argv[1] == "set":
    one_thread_before_torch()
import torch

x, w = torch.randn(256, 256), torch.randn(256, 256)


def callback():
    torch.nn.functional.linear(x, w)  # a Linear layer's forward (Play's starting loss): MKL's matrix product
    counts.append(len(os.listdir("/proc/self/task")))


counts = []
before = len(os.listdir("/proc/self/task"))
run = threading.Thread(target=callback)
run.start()
run.join()
print(counts[0] - before)  # threads beyond the run's own
"""


def _extra_threads(mode: str) -> int:
    result = subprocess.run([sys.executable, "-c", PROBE, mode], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def test_a_new_threads_first_matrix_product_starts_no_threads_of_its_own():
    assert _extra_threads("set") == 1  # the thread itself, and nothing else


def test_without_it_the_product_starts_a_team_where_there_are_cores_for_one():
    # What it is for: OpenMP's default of a thread per core reaches every new thread (one core: no team).
    extra = _extra_threads("skip")
    assert extra > 1 if len(os.sched_getaffinity(0)) > 1 else extra == 1


def test_it_refuses_once_torch_is_loaded():
    probe = "import torch\nfrom ui.torch_threads import one_thread_before_torch\none_thread_before_torch()"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert result.returncode != 0 and "before importing torch" in result.stderr

