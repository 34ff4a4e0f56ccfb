"""Keep Python's garbage collector from stalling every student: freeze what the imports left behind.

torch, plotly, pandas and streamlit leave hundreds of thousands of long-lived objects. Python's
automatic full collection walks all of them while holding the GIL, and meanwhile no page of any
student moves (bench/load_test.py shows such stalls in a class). Moved to the permanent generation
(gc.freeze), they are skipped, and the full collections left are short (docs/measurements.md).

A server also collects less often (`space_out_collections`): with a class's sessions alive, Python's
default thresholds ran a full collection every second or two, and every young one walked the objects
that a page run had just made, each holding every student's page still.
"""

from __future__ import annotations

import gc
import sys

_frozen_at = 0  # len(sys.modules) at the last freeze
# Young collections every 10,000 new objects (Python: 700), a middle one every 20 of those, a full one
# every 20 middle ones: cyclic garbage is still found, a few times a minute in a busy class.
SERVER_THRESHOLDS = (10_000, 20, 20)


def space_out_collections() -> None:
    """Collect less often in a server process (SERVER_THRESHOLDS): fewer pauses with the GIL held."""
    gc.set_threshold(*SERVER_THRESHOLDS)


def freeze_after_imports() -> None:
    """After a run that imported new modules (a page's first visit in this process): collect once, then
    freeze everything alive. Later runs cost nothing here."""
    global _frozen_at
    if len(sys.modules) <= _frozen_at:
        return
    _frozen_at = len(sys.modules)
    gc.collect()  # so no garbage is frozen for good; a few times per process, never per click
    gc.freeze()
