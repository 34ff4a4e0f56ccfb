"""The live 2-D views' panels (a title, an SVG drawing, a legend), shown through one of two doors.

While a run trains, a small Components v2 component (ui/train/live_panels.js) keeps each panel's
<img> and only swaps its src at every repaint: nothing re-sanitized or rebuilt, no blank frame. When
the run pauses or ends, plain st.html shows the same drawings (no JavaScript needed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from html import escape
from pathlib import Path

import streamlit as st

from ui.train.playground_svg import Panel, svg_img, svg_uri

_JS = Path(__file__).parent / "live_panels.js"
_CSS = """.panels { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; font-family: var(--st-font);
          color: var(--st-text-color); }
.panel { min-width: 0; }
.title { font-weight: 600; margin-bottom: 4px; }
.panel img { width: 100%; height: auto; display: block; }
.legend { font-size: 0.8rem; margin-top: 4px; }"""


def drawn_once(key: str, version: tuple, build: Callable[[], list[Panel]]) -> list[Panel]:
    """`build()`'s panels, or those built last time for an equal `version`: what did not change is not redrawn.

    `version` holds the objects drawn (compared by identity) and their step counts, and the language.
    """
    held = st.session_state.get(f"{key}_drawn")
    if held is None or held[0] != version:
        held = st.session_state[f"{key}_drawn"] = (version, build())
    return held[1]


@cache
def _component():
    return st.components.v2.component("torch_playground_live_panels", html='<div class="panels"></div>', css=_CSS,
                                      js=_JS.read_text(encoding="utf-8"))


def render_panels(key: str, panels: list[Panel], live: bool) -> None:
    """Show `panels` side by side (wrapping on narrow screens): through the component while `live`, else st.html."""
    if live:
        data = [{**asdict(panel), "src": svg_uri(panel.svg), "svg": None} for panel in panels]
        _component()(key=key, data={"panels": data}, height="content")
        return
    cells = "".join(f'<div style="flex:{panel.flex};min-width:0"><div style="font-weight:600;margin-bottom:4px">'
                    f'{escape(panel.title)}</div>{svg_img(panel.svg, panel.title)}'
                    f'<div style="font-size:0.8rem;margin-top:4px">{panel.legend}</div></div>' for panel in panels)
    with st.container(key=key):
        st.html(f'<div style="display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start">{cells}</div>')
