"""No work at import: importing any module of the app starts no process, no thread, and leaves torch's
process-wide settings as they were.

A module that did work at import would do it in every process that imports it: the server (whose
start-up, ui/startup.py, warms on purpose, once), each training process, AppTest, the CLI. Torch's
thread counts in particular belong to the training processes (classroom/child.py) alone.

The imports run in a fresh interpreter, so what this test process has already imported hides nothing.
The libraries come first, before the "before" look: threads their own import starts (onnxruntime's,
pyarrow's allocator) are theirs, not the app's.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not pages/ or streamlit_app.py: scripts, run by Streamlit.
PACKAGES = ("engine", "export", "classroom", "store", "ui", "i18n")
# Where torch's thread counts may be set: a training process and the `python -m engine` command's --threads.
# The server's own count is OMP_NUM_THREADS, set by its start before torch loads (ui/torch_threads.py).
SETS_THREADS = {"classroom/child.py", "engine/__main__.py"}

PROBE = r"""
import importlib, json, os, random, sys, threading
from pathlib import Path

import numpy, onnxruntime, pandas, plotly.graph_objects, streamlit, torch


def children():
    found = set()
    for task in Path("/proc/self/task").iterdir():
        found |= set((task / "children").read_text().split())
    return sorted(found)


def state():
    return {
        "children": children(),
        "threads": len(os.listdir("/proc/self/task")),
        "python threads": sorted(thread.name for thread in threading.enumerate()),
        "torch threads": torch.get_num_threads(),
        "torch interop threads": torch.get_num_interop_threads(),
        "default dtype": str(torch.get_default_dtype()),
        "deterministic": torch.are_deterministic_algorithms_enabled(),
        "grad enabled": torch.is_grad_enabled(),
        "torch rng": torch.get_rng_state().sum().item(),
        "python rng": hash(random.getstate()),
        "numpy rng": int(numpy.random.get_state()[1].sum()),
    }


before = state()
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps({"before": before, "after": state()}))
"""


def app_modules() -> list[str]:
    """Every module of the app's packages, by dotted name."""
    names = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:  # scripts Alembic runs (store/migrations/), not modules
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_every_app_module_is_listed():
    names = app_modules()
    assert {"engine", "engine.training.trainer", "classroom.processes", "ui.train.job", "ui.gc_freeze",
            "i18n", "export.onnx_export"} <= set(names)


def test_importing_the_app_does_no_work():
    result = subprocess.run([sys.executable, "-c", PROBE, *app_modules()], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    before, after = report["before"], report["after"]
    changed = {key: (before[key], after[key]) for key in before if before[key] != after[key]}
    assert not changed, f"importing the app changed {changed}"


def test_only_training_processes_set_torch_threads():
    # The server's torch settings are every student's: a page or the server changing them would slow all.
    sources = [ROOT / "streamlit_app.py",
               *(path for package in (*PACKAGES, "pages") for path in (ROOT / package).rglob("*.py"))]
    found = {str(path.relative_to(ROOT)) for path in sources if _sets_threads(path)}
    assert found == SETS_THREADS


def _sets_threads(path) -> bool:
    # Calls only: the take-home script's generator writes the call into the student's file as text.
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
               and node.func.attr in ("set_num_threads", "set_num_interop_threads")
               for node in ast.walk(ast.parse(path.read_text())))
