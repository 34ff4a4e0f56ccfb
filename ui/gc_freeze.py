"""Keep Python's garbage collector from stalling every student: freeze what the imports left behind.

torch, plotly, pandas and streamlit leave hundreds of thousands of long-lived objects. Python's
automatic full collection walks all of them while holding the GIL, and meanwhile no page of any
student moves (bench/load_test.py shows such stalls in a class). Moved to the permanent generation
(gc.freeze), they are skipped, and the full collections left are short (docs/measurements.md).
"""

from __future__ import annotations

import gc
import sys

_frozen_at = 0  # len(sys.modules) at the last freeze


def freeze_after_imports() -> None:
    """After a run that imported new modules (a page's first visit in this process): collect once, then
    freeze everything alive. Later runs cost nothing here."""
    global _frozen_at
    if len(sys.modules) <= _frozen_at:
        return
    _frozen_at = len(sys.modules)
    gc.collect()  # so no garbage is frozen for good; a few times per process, never per click
    gc.freeze()
