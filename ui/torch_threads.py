"""torch in the server: one thread for its operations in every thread of the process, from the start.

Streamlit runs each page in a new thread, and a button's callback runs in it before the page's script
(Play builds the run's Trainer, whose starting loss is a Linear layer's forward). A new thread's first
matrix product went to MKL with OpenMP's default of a thread per core: a team started afresh in every
run, taking turns on the pages' one core (docs/measurements.md). OpenMP reads that default once, when
torch loads its library, from OMP_NUM_THREADS: so the server sets it before anything imports torch, and
every thread (page runs, callbacks, the store's writer, the gang's reader) uses one. One server's pages
use one core at most (one GIL). The training processes inherit it and set their own count
(classroom/child.py `set_up`).
"""

from __future__ import annotations

import os
import sys

THREADS_ENV = "OMP_NUM_THREADS"
PAGES_THREADS = 1


def one_thread_before_torch() -> None:
    """The server's start, before torch is imported: every thread's torch operations use one thread.

    Raises RuntimeError if torch is imported already: OpenMP would not read the setting any more."""
    if "torch" in sys.modules:
        raise RuntimeError(f"{THREADS_ENV} is read when torch loads: set it before importing torch")
    os.environ[THREADS_ENV] = str(PAGES_THREADS)
