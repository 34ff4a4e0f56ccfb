"""The two browser components (Components v2): the parity runner and the drawing pad.

This is the one module under export/ that uses streamlit, and it imports it only when a component is
first asked for, so the engine-side modules (and their tests) never load streamlit. Each component is
registered once per process; registering in a page body would re-register it on every rerun.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent / "browser"

RUNNER_HTML = '<div class="status"></div>'
CANVAS_HTML = """<div class="try">
  <div><canvas class="pad"></canvas>
    <div class="controls"><button class="clear"></button><button class="sample"></button>
      <label class="upload-label"><span></span><input class="upload" type="file" accept="image/*"></label></div>
    <div class="info"></div></div>
  <div class="bars"></div>
</div>"""
RUNNER_CSS = ".status { font-size: 0.85rem; opacity: 0.8; color: var(--st-text-color); }"


def _script(name: str) -> str:
    # One ES module per component: the shared session code, then the component's own default export.
    return (_HERE / "ort_session.js").read_text(encoding="utf-8") + "\n" + (_HERE / name).read_text(encoding="utf-8")


@cache
def runner_component():
    """The mount function of the parity runner (registered on first use)."""
    import streamlit as st

    return st.components.v2.component("torch_playground_onnx_runner", html=RUNNER_HTML, css=RUNNER_CSS,
                                      js=_script("runner.js"))


@cache
def canvas_component():
    """The mount function of the 28x28 drawing pad (registered on first use)."""
    import streamlit as st

    return st.components.v2.component("torch_playground_onnx_canvas", html=CANVAS_HTML,
                                      css=(_HERE / "canvas.css").read_text(encoding="utf-8"), js=_script("canvas.js"))


def ort_base_url() -> str:
    """Where Streamlit serves onnxruntime-web's files (static/ort/), honouring server.baseUrlPath."""
    import streamlit as st

    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix}/app/static/ort/" if prefix else "/app/static/ort/"
