"""Views of an export: the parity report (table and plot), the ONNX graph, and the files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from engine import PlaygroundError, model_source
from export import ExportResult, ParityReport, load_checkpoint, save_checkpoint
from export.graph import GraphInfo
from ui.language import error_text, t
from ui.model.editor import load_spec
from ui.model.state import current_spec, set_model
from ui.plots import show_plot
from ui.widgets import uploader

PLOT_FLOOR = 1e-12  # exact matches are drawn here: a log axis has no zero
PLOT_POINTS = 2000  # per case: enough to see the spread, light enough for the page
UPLOAD_MESSAGE_KEY = "export_upload_message"  # (file id, "success" or "error", text, printout) of the last checkpoint


def render_parity(report: ParityReport, other: str, key: str) -> None:
    """Headline numbers, one row per compared batch, and every difference on a log scale."""
    abs_col, rel_col, argmax_col, verdict_col = st.columns(4)
    abs_col.metric(t("export.max_abs"), f"{report.max_abs_diff:.1e}")
    rel_col.metric(t("export.max_rel"), f"{report.max_rel_diff:.1e}")
    agreement = report.argmax_agreement
    argmax_col.metric(t("export.argmax"), t("export.no_classes") if agreement is None else f"{agreement:.0%}")
    verdict_col.metric(t("export.verdict"), t("export.passed") if report.passed else t("export.not_passed"))
    rows = [(t(f"export.source_{case.source}"), case.batch_size, f"{case.max_abs_diff:.2e}",
             f"{case.max_rel_diff:.2e}",
             t("export.no_classes") if case.argmax_agreement is None else f"{case.argmax_agreement:.0%}")
            for case in report.cases]
    st.dataframe(pd.DataFrame(rows, columns=[t("export.col_source"), t("export.col_batch"), t("export.max_abs"),
                                             t("export.max_rel"), t("export.argmax")]),
                 hide_index=True, width="stretch")
    figure = go.Figure()
    for case in report.cases:
        diffs = np.maximum(case.abs_diffs[:PLOT_POINTS], PLOT_FLOOR)
        figure.add_trace(go.Box(y=diffs, name=f"{t(f'export.source_{case.source}')} ×{case.batch_size}",
                                boxpoints="all", jitter=0.5, pointpos=0, marker={"size": 4}))
    figure.add_hline(y=report.bound, line_dash="dash", line_color="crimson",
                     annotation_text=t("export.plot_threshold", threshold=report.bound))
    figure.update_layout(title=t("export.plot_title", other=other), yaxis_type="log", showlegend=False,
                         height=380, margin={"t": 50, "b": 10})
    show_plot(figure, key, "parity")
    st.caption(t("export.plot_exact", floor=PLOT_FLOOR))


def _shape_text(shape) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def render_graph(graph: GraphInfo) -> None:
    """What is inside the .onnx file: opset, size, inputs/outputs with shapes, every node, a diagram."""
    columns = st.columns(5)
    for column, label, value in zip(columns, ("graph_opset", "graph_ir", "graph_size", "graph_nodes", "graph_weights"),
                                    (graph.opset, graph.ir_version, f"{graph.file_size / 1024**2:.2f} MB",
                                     len(graph.nodes), f"{graph.weights:,}")):
        column.metric(t(f"export.{label}"), value)
    st.caption(graph.producer)
    st.markdown(f"**{t('export.graph_io')}**")
    io_rows = [(t(f"export.kind_{kind}"), v.name, v.dtype, _shape_text(v.shape))
               for kind, values in (("input", graph.inputs), ("output", graph.outputs)) for v in values]
    st.dataframe(pd.DataFrame(io_rows, columns=[t("export.col_kind"), t("export.col_name"), t("export.col_dtype"),
                                                t("export.col_shape")]), hide_index=True, width="stretch")
    st.markdown(f"**{t('export.graph_nodes_heading')}**")
    node_rows = [(node.name, node.op_type, ", ".join(node.inputs),
                  ", ".join(_shape_text(out.shape) for out in node.outputs)) for node in graph.nodes]
    st.dataframe(pd.DataFrame(node_rows, columns=[t("export.col_name"), t("export.col_op"), t("export.col_inputs"),
                                                  t("export.col_output_shape")]), hide_index=True, width="stretch")
    st.graphviz_chart(_dot(graph))


def _dot(graph: GraphInfo) -> str:
    """The data flow between operators (weights left out), top to bottom."""
    producers = {out.name: f"n{i}" for i, node in enumerate(graph.nodes) for out in node.outputs}
    lines = ["digraph { rankdir=TB; node [shape=box, style=rounded, fontname=Helvetica];"]
    for value in graph.inputs:
        lines.append(f'"{value.name}" [shape=oval, label="{value.name}\\n{_shape_text(value.shape)}"];')
    for i, node in enumerate(graph.nodes):
        shape = _shape_text(node.outputs[0].shape) if node.outputs else ""
        lines.append(f'n{i} [label="{node.op_type}\\n{shape}"];')
        for name in node.inputs:
            if name in producers:
                lines.append(f"{producers[name]} -> n{i};")
            elif name in {v.name for v in graph.inputs}:
                lines.append(f'"{name}" -> n{i};')
    for value in graph.outputs:
        lines.append(f'"out_{value.name}" [shape=oval, label="{value.name}\\n{_shape_text(value.shape)}"];')
        if value.name in producers:
            lines.append(f'{producers[value.name]} -> "out_{value.name}";')
    return "\n".join([*lines, "}"])


def render_files(result: ExportResult) -> None:
    """Download buttons for the .onnx, the weights with their spec, and the PyTorch code; a loader."""
    spec = current_spec()
    st.caption(t("export.files_intro"))
    onnx_col, zip_col, code_col = st.columns(3)
    onnx_col.download_button(t("export.download_onnx"), result.onnx_bytes, file_name="model.onnx",
                             mime="application/octet-stream", icon=":material/download:", key="export_get_onnx",
                             on_click="ignore")
    zip_col.download_button(t("export.download_zip"), lambda: save_checkpoint(spec, result.snapshot),
                            file_name=f"{spec.class_name or 'model'}.zip", mime="application/zip",
                            icon=":material/download:", key="export_get_zip", on_click="ignore")
    zip_col.caption(t("export.zip_is_state_dict"))
    zip_col.code("torch.save(model.state_dict(), 'model.pth')", language="python")
    code_col.download_button(t("export.download_code"), model_source(spec), file_name="model.py",
                             mime="text/x-python", icon=":material/download:", key="export_get_code",
                             on_click="ignore")
    st.subheader(t("export.load_heading"))
    uploader(t("export.upload"), ["zip", "pth", "pt"], key="export_upload", help=t("export.upload_help"),
             on_change=_load_upload)
    # The message stays while its file is in the uploader: the browser check's answer reruns the page
    # right after a load, and a message shown for one run only would vanish before it is read.
    upload = st.session_state.get("export_upload")
    file_id, kind, message, printout = st.session_state.get(UPLOAD_MESSAGE_KEY, (None, None, None, None))
    if upload is None or upload.file_id != file_id:
        kind = None
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
        st.code("model.load_state_dict(torch.load('model.pth', weights_only=True))\nmodel.eval()\nprint(model)"
                f"\n\n{printout}", language="python")
        st.caption(t("export.eval_why"))
    elif kind == "error":
        st.error(message, icon=":material/error:")
        st.caption(t("export.kept_model"))


def _load_upload() -> None:
    # A callback: it runs before the page's widgets, so the editor on the Model page follows the new spec.
    upload = st.session_state.get("export_upload")
    if upload is None:
        return
    try:
        loaded = load_checkpoint(upload.getvalue(), current_spec())
    except PlaygroundError as error:  # every refusal keeps the current model as it was
        st.session_state[UPLOAD_MESSAGE_KEY] = (upload.file_id, "error", error_text(error), None)
        return
    loaded.model.eval()  # seed 003: model.eval() after load_state_dict, before predicting
    set_model(loaded.spec, loaded.model)
    load_spec(loaded.spec)
    st.session_state[UPLOAD_MESSAGE_KEY] = (
        upload.file_id, "success", t("export.loaded", name=loaded.spec.class_name or "nn.Sequential",
                                     params=loaded.spec.parameter_count()), str(loaded.model))
