"""The Model page's views of the current network: structure, summary, parameters, Linear check, code."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from engine import ModelSpec, PlaygroundError, model_source, summarize
from engine.codegen.handout import CLASS_SKELETON, HANDOUT_IMPORTS
from engine.network.parameters import check_linear_formula, parameter_table
from engine.network.summary import summary_text, torchinfo_call
from ui.language import error_text, t
from ui.lazy import KEEP_ON_PAGE

_REDRAW = "model_spec_redraw"  # a pasted network was loaded: the whole page runs again to show it


def render_structure(model) -> None:
    """`print(model)`, as the seeds show it."""
    st.code(str(model), language="text")


def render_summary(spec: ModelSpec, model) -> None:
    """torchsummary's table (seed 002), from torchinfo, with totals and sizes."""
    summary = summarize(spec, model)
    table = pd.DataFrame(
        [(row.label, str(list(row.output_shape)), row.parameters) for row in summary.rows],
        columns=[t("model.col_layer"), t("model.col_output_shape"), t("model.col_params")],
    )
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={t("model.col_params"): st.column_config.NumberColumn(format="localized")})
    total, trainable, frozen, size = st.columns(4)
    total.metric(t("model.total_params"), f"{summary.total_parameters:,}")
    trainable.metric(t("model.trainable_params"), f"{summary.trainable_parameters:,}")
    frozen.metric(t("model.non_trainable_params"), f"{summary.non_trainable_parameters:,}")
    size.metric(t("model.total_size"), f"{summary.total_mb:.2f} MB")
    st.caption(t("model.sizes_line", input=summary.input_mb, activations=summary.forward_backward_mb,
                 params=summary.params_mb))
    # The call and printout as in seed 002, so students can compare line by line.
    with st.expander(t("model.summary_printout")):
        shape = ", ".join(str(n) for n in spec.input_shape) + ("," if len(spec.input_shape) == 1 else "")
        st.code(f"from torchsummary import summary\nsummary(model, ({shape}))", language="python")
        st.code(summary_text(summary), language="text")
        st.caption(t("model.torchinfo_instead"))
        st.code(f"import torchinfo  # pip install torchinfo\n{torchinfo_call(spec)}", language="python")


def render_parameters(model) -> None:
    """`named_parameters()` with sizes and first values, as seed 000 prints them."""
    rows = parameter_table(model)
    table = pd.DataFrame(
        [(row.name, str(list(row.size)), row.count, str(row.first_values)) for row in rows],
        columns=[t("model.col_name"), t("model.col_size"), t("model.col_count"), t("model.col_values")],
    )
    st.dataframe(table, hide_index=True, width="stretch")
    st.code('for name, param in model.named_parameters():\n'
            '    print(f"Layer: {name} | Size: {param.size()} | Values : {param[:2]} \\n")', language="python")


def render_linear_check(model) -> None:
    """Seed 002's check that nn.Linear computes `x @ W.T + b`."""
    check = check_linear_formula(model)
    if check is None:
        st.info(t("model.no_linear"))
        return
    st.markdown(t("model.linear_intro", name=check.expression))
    layer = check.expression
    st.code(f"x = torch.rand(3, {check.input.shape[1]})\n"
            f"out = {layer}(x)\n"
            f"manual = x @ {layer}.weight.T + {layer}.bias\n"
            "torch.allclose(out, manual)", language="python")
    left, right = st.columns(2)
    left.metric(t("model.max_abs_diff"), f"{check.max_abs_diff:.2e}")
    right.metric("torch.allclose", str(bool(check.max_abs_diff < 1e-6)))
    st.dataframe(pd.DataFrame(check.module_output[:, :8].numpy()).round(4), width="stretch")


def render_code(spec: ModelSpec) -> None:
    """The handout's import cell and (for a class) seed 002's empty class, then the network as runnable source."""
    st.caption(t("model.handout_imports"))
    st.code(HANDOUT_IMPORTS, language="python")
    if spec.class_name is not None:
        st.caption(t("model.class_skeleton"))
        st.code(CLASS_SKELETON, language="python")
        st.caption(t("model.class_filled", name=spec.class_name))
    source = model_source(spec)
    st.code(source, language="python")
    st.download_button(t("model.download_code"), source, file_name="model.py", mime="text/x-python",
                       icon=":material/download:")


def _load_pasted(on_load) -> None:
    # A callback: it runs before the editor's widgets are drawn, so it may replace their values.
    try:
        on_load(ModelSpec.from_dict(json.loads(st.session_state["model_spec_paste"])))
        st.session_state["model_spec_message"] = ("success", t("model.spec_loaded"))
        st.session_state[_REDRAW] = True
    except json.JSONDecodeError as error:
        st.session_state["model_spec_message"] = ("error", t("model.bad_json", line=error.lineno, column=error.colno))
    except PlaygroundError as error:
        st.session_state["model_spec_message"] = ("error", error_text(error))


def render_spec_io(spec: ModelSpec, on_load) -> None:
    """The spec as JSON to download, and a box to paste one back (bad JSON gets a clear message)."""
    text = json.dumps(spec.to_dict(), indent=2)
    st.download_button(t("model.download_spec"), text, file_name="model_spec.json", mime="application/json",
                       icon=":material/download:")
    st.text_area(t("model.paste_spec"), key="model_spec_paste", height=150, persist_state=KEEP_ON_PAGE)
    st.button(t("model.load_spec"), key="model_spec_load", on_click=_load_pasted, args=(on_load,))
    if st.session_state.pop(_REDRAW, False):  # the click reran this tab alone (ui/lazy.py): the editor above
        st.rerun()  # and the other views show the loaded network only when the whole page runs
    kind, message = st.session_state.pop("model_spec_message", (None, None))
    if kind == "success":
        st.success(message)
    elif kind == "error":
        st.error(message)
