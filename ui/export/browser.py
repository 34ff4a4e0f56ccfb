"""The exported model in the student's own browser: the parity runner and the drawing pad."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st
import torch

from engine import ModelSpec
from engine.data.sample_images import first_test_images
from export import ExportResult
from export.browser_component import canvas_component, ort_base_url, runner_component
from export.browser_payload import (
    answer_matches,
    browser_report,
    decode_floats,
    encode_floats,
    encode_model,
    output_kind,
    probabilities,
    runner_payload,
)
from export.parity import torch_outputs
from ui.export.views import render_parity
from ui.language import t
from ui.plots import show_plot

RUN_KEY = "export_browser_run"  # bumped by "measure again": a new request for the same model
ANSWER_KEY = "export_browser_answer"  # the browser's last reply, kept across reruns and pages
SAMPLES = 8


def _no_op() -> None:
    """Components v2 keeps a state value only for names with an on_<name>_change callback."""


def _measure_again() -> None:
    st.session_state[RUN_KEY] = st.session_state.get(RUN_KEY, 0) + 1


def render_browser_check(result: ExportResult) -> None:
    """Run the export in this browser on the parity batches; show browser-vs-torch and its timings."""
    st.caption(t("export.browser_intro"))
    run_id = st.session_state.setdefault(RUN_KEY, 0)
    answer = st.session_state.get(ANSWER_KEY)
    done = answer_matches(answer, result.digest, run_id)
    labels = {"running": t("export.browser_running"), "done": t("export.browser_done"),
              "failed": t("export.browser_failed")}
    # Once answered, only the model's identity is sent: the model (megabytes of weights) is not shipped again.
    data = ({"digest": result.digest, "run_id": run_id, "done": True} if done
            else runner_payload(result, ort_base_url(), run_id, labels))
    reply = runner_component()(key="export_runner", data=data, on_result_change=_no_op, height="content")
    if not done and answer_matches(reply.get("result"), result.digest, run_id):
        answer = st.session_state[ANSWER_KEY] = reply["result"]
        done = True
    if not done:
        st.info(t("export.browser_waiting"), icon=":material/hourglass_top:")
        return
    if answer.get("error"):
        st.error(t("export.browser_error", error=answer["error"]), icon=":material/error:")
    else:
        _render_answer(result, answer)
    st.button(t("export.browser_again"), key="export_browser_again", on_click=_measure_again,
              icon=":material/replay:")


def _render_answer(result: ExportResult, answer: dict) -> None:
    report = browser_report(result, answer)
    timings = answer["timings"]
    diff_col, time_col, create_col, import_col = st.columns(4)
    diff_col.metric(t("export.browser_max_abs"), f"{report.max_abs_diff:.1e}",
                    t("export.passed") if report.passed else t("export.not_passed"),
                    delta_color="normal" if report.passed else "inverse")
    time_col.metric(t("export.browser_time"), f"{timings['run_ms_median']:.2f} ms")
    create = timings.get("create_ms")
    create_col.metric(t("export.browser_create"),
                      t("export.browser_reused") if create is None else f"{create:.0f} ms")
    import_col.metric(t("export.browser_import"), f"{timings['import_ms']:.0f} ms")
    st.caption(t("export.browser_runs", digest=answer["digest"][:12], number=answer["run_id"] + 1,
                 count=len(timings["runs"]), low=timings["run_ms_min"], median=timings["run_ms_median"],
                 mean=timings["run_ms_mean"], agent=answer.get("agent", "")[:80]))
    render_parity(report, "onnxruntime-web", key="export_browser_plot")


def drawable(spec: ModelSpec) -> bool:
    """The pad feeds one 28x28 image (784 values) and reads several classes."""
    return int(np.prod(spec.input_shape)) == 28 * 28 and len(spec.output_shape) == 1 and spec.output_shape[0] > 1


def class_names(count: int) -> list[str]:
    """FashionMNIST's ten classes, or numbered classes for other outputs."""
    if count == 10:
        return [t(f"export.fashion_{i}") for i in range(10)]
    return [t("export.class_n", n=i) for i in range(count)]


@st.fragment
def render_try_it(result: ExportResult, spec: ModelSpec) -> None:
    """The drawing pad (classified in the browser on every stroke) beside torch's answer for the same pixels."""
    if not drawable(spec):
        st.info(t("export.try_unsupported", shape=list(spec.input_shape), output=list(spec.output_shape)))
        return
    st.caption(t("export.try_intro"))
    kind = output_kind(spec.layers[-1].kind)
    classes = class_names(spec.output_shape[0])
    real = first_test_images(SAMPLES)
    data = {"digest": result.digest, "model": encode_model(result.onnx_bytes), "ort_base": ort_base_url(),
            "shape": list(spec.input_shape), "output_kind": kind, "classes": classes,
            "samples": [] if real is None else [encode_floats(image) for image in real[0].numpy()],
            "labels": {key: t(f"export.try_{key}") for key in ("clear", "sample", "upload", "browser", "time", "hint")}
            | {"failed": t("export.browser_failed")}}
    pad, answer = st.columns([3, 2])
    with pad:
        reply = canvas_component()(key="export_canvas", data=data, on_drawing_change=_no_op, height="content")
    drawing = reply.get("drawing")
    with answer:
        st.markdown(f"**{t('export.try_torch')}**")
        if not (isinstance(drawing, dict) and drawing.get("digest") == result.digest):
            st.caption(t("export.try_waiting"))
            return
        pixels = decode_floats(drawing["pixels"]).reshape(1, *spec.input_shape)
        torch_probs = probabilities(torch_outputs(result.snapshot, torch.from_numpy(pixels.copy())), kind)[0]
        browser_probs = np.asarray(drawing["probabilities"], dtype=np.float64)
        best = int(torch_probs.argmax())
        st.markdown(t("export.try_torch_answer", label=classes[best], prob=torch_probs[best],
                      diff=float(np.abs(torch_probs - browser_probs).max())))
        figure = go.Figure(go.Bar(x=torch_probs, y=classes, orientation="h",
                                  marker_color=["#e4572e" if i == best else "#8fa8c8" for i in range(len(classes))]))
        figure.update_layout(height=330, margin={"t": 10, "b": 10, "l": 10, "r": 10},
                             xaxis={"range": [0, 1], "title": t("export.try_probability")},
                             yaxis={"autorange": "reversed"})
        show_plot(figure, "export_try_plot", "probabilities")
