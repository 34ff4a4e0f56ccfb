"""The live 2-D views' panels (a title, an SVG drawing, a legend), shown through one of two doors.

While a run trains, a small Components v2 component (ui/train/live_panels.js) keeps each panel's
<img> and only swaps its src at every repaint: nothing re-sanitized or rebuilt, no blank frame. The
2-D views' drawings go once, inline, and the browser paints their canvases from the weights sent
with each repaint, or once when the run is paused or done. Drawings the server painted (a network the
browser cannot paint, once the run is paused or done) show through plain st.html.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from html import escape
from pathlib import Path
from typing import TypeVar

import numpy as np
import streamlit as st

from ui.train.playground_paint import BLUE, CLASS_COLOURS, DIVERGING, ORANGE, classes_rgb
from ui.train.playground_svg import Panel, svg_img, svg_uri

Drawn = TypeVar("Drawn")  # panels, a program, figures: whatever a view builds from a run's state

# The forward pass first: the panels' script paints with its functions (one module in the browser).
_JS = (Path(__file__).parent / "playground_forward.js", Path(__file__).parent / "live_panels.js")
PANELS_CSS = """.panels { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start;
          font-family: var(--st-font); color: var(--st-text-color); }
.panel { min-width: 0; }
.title { font-weight: 600; margin-bottom: 4px; }
.panel img, .drawing svg { width: 100%; height: auto; display: block; }
.panel img:not([src]) { display: none; }
.legend { font-size: 0.8rem; margin-top: 4px; }"""


def drawn_once(key: str, version: tuple, build: Callable[[], Drawn]) -> Drawn:
    """`build()`'s drawings, or those built last time for an equal `version`: what did not change is not redrawn.

    `version` holds the objects drawn (compared by identity) and their step counts, and the language.
    """
    held = st.session_state.get(f"{key}_drawn")
    if held is None or held[0] != version:
        held = st.session_state[f"{key}_drawn"] = (version, build())
    return held[1]


_PANELS_EXPORT = """export default function ({ data, parentElement, setStateValue }) {
  if (data) renderPanels(parentElement.querySelector(".panels"), data, setStateValue);
}"""


def panels_script(export: str) -> str:
    """The panels' functions (the forward pass first, then the painters), then a component's `export`."""
    return "\n".join([*(path.read_text(encoding="utf-8") for path in _JS), export])


@cache
def _component():
    return st.components.v2.component("torch_playground_live_panels", html='<div class="panels"></div>', css=PANELS_CSS,
                                      js=panels_script(_PANELS_EXPORT))


def render_panels(key: str, panels: list[Panel], live: bool, paint: dict | None = None) -> None:
    """Show `panels` side by side (wrapping on narrow screens): through the component while `live` or when the
    browser paints them (`paint`, ui/train/playground_program.py), else st.html.

    While live, painted panels (Panel.painted) send their markup until the browser says it keeps it (its
    `held` state: a repaint React skipped never reached it); then `paint` is all that goes with each repaint.
    Paused or done, the markup goes with the page's run and the browser says nothing back: outside the live
    view its word would run the whole page again (a reloaded, finished page in Chromium then showed 0 in its
    Epochs box, tests/test_browser_saving.py).
    """
    if live or paint is not None:
        held = set(st.session_state.get(f"{key}_held") or ()) if live else set()  # what this browser keeps
        data = []
        for panel in panels:
            entry = {**asdict(panel), "svg": None}
            if panel.painted:
                layout = f"{hash(panel.svg):x}"  # a str caches its hash: free after the first repaint
                entry.update(layout=layout, markup=None if layout in held else panel.svg)
            else:
                entry["src"] = svg_uri(panel.svg)
            data.append(entry)
        palette = browser_palette() if paint is not None and "palette" not in held else None
        result = _component()(key=key, data={"panels": data, "paint": paint, "palette": palette, "report": live},
                              height="content", on_held_change=_nothing)
        if live:
            st.session_state[f"{key}_held"] = result.held
        return
    cells = "".join(f'<div style="flex:{panel.flex};min-width:0"><div style="font-weight:600;margin-bottom:4px">'
                    f'{escape(panel.title)}</div>{svg_img(panel.svg, panel.title)}'
                    f'<div style="font-size:0.8rem;margin-top:4px">{panel.legend}</div></div>' for panel in panels)
    with st.container(key=key):
        st.html(f'<div style="display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start">{cells}</div>')


def _nothing() -> None:
    """The browser says what it keeps (the `held` state): read at the next repaint, nothing to do at once."""


@cache
def browser_palette() -> dict:
    """The diverging table and class colours as flat RGB lists, and the weights' colours."""
    return {"diverging": DIVERGING.reshape(-1).tolist(),
            "classes": classes_rgb(np.arange(len(CLASS_COLOURS))[None]).reshape(-1).tolist(),
            "positive": BLUE, "negative": ORANGE}
