"""Export: the current model to ONNX, checked by onnxruntime, run again in the student's own browser."""

import streamlit as st

from ui.export.browser import render_browser_check, render_try_it
from ui.export.state import choose_opset, current_export
from ui.export.vgg16 import render_vgg16
from ui.export.views import render_files, render_graph, render_parity
from ui.export.whole_model import render_whole_model
from ui.language import t
from ui.model.state import current_model, current_spec
from ui.pages import require_entry
from ui.script_download import render_script_download

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

st.title(t("export.title"))
st.caption(t("export.intro"))

spec, model = current_spec(), current_model()
info_col, opset_col = st.columns([4, 1], vertical_alignment="bottom")
info_col.markdown(t("export.model_line", name=spec.class_name or "nn.Sequential", params=spec.parameter_count(),
                    shape=list(spec.input_shape)))
with opset_col:
    opset = choose_opset()

result = current_export(spec, model, opset)
if result is None:
    st.stop()
st.caption(t("export.done_line", export=result.export_seconds, parity=result.parity_seconds,
             size=result.graph.file_size / 1024**2, opset=result.opset, digest=result.digest[:12]))

parity_tab, graph_tab, browser_tab, try_tab, files_tab = st.tabs(
    [t("export.tab_parity"), t("export.tab_graph"), t("export.tab_browser"), t("export.tab_try"),
     t("export.tab_files")])
with parity_tab:
    st.caption(t("export.parity_intro", threshold=result.report.threshold))
    render_parity(result.report, "onnxruntime", key="export_parity_plot")
with graph_tab:
    render_graph(result.graph)
with browser_tab:
    render_browser_check(result)
with try_tab:
    render_try_it(result, spec)
with files_tab:
    render_files(result)
    render_script_download(None, "export_script", spec=spec, extras=True)
    with st.expander(t("export.vgg_title")):
        render_vgg16()
    with st.expander(t("export.whole_title")):
        render_whole_model(spec, model)
