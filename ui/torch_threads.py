"""torch's thread count in the server's pages: one per core the pages keep to (ui/startup.py), in every run.

Streamlit runs each page in a new thread. torch applies its process-wide count to a new thread's OpenMP
and MKL lazily, on that thread's first parallel operation; a matrix product first (a Linear layer's
forward) went to MKL with MKL's own default instead, a team of a thread per core of the machine, started
afresh in each run and, on the pages' one core, only taking turns (bench/page_cost.py).
"""

from __future__ import annotations

import torch


def set_pages_threads(count: int) -> None:
    """The server's start: its pages' torch operations use `count` threads (the cores they keep to)."""
    torch.set_num_threads(count)


def apply_to_this_run() -> None:
    """At the start of a page run: this thread takes the process's count now, MKL's included."""
    torch.get_num_threads()  # torch's per-thread set-up happens on this call
