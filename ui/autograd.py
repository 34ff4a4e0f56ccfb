"""Views for the Autograd page: seed 003's example with its graph and buttons, gradient tracking on and
off, the Jacobian-product example, and the graph of any model's forward pass and loss."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from engine import PRESETS, build_model
from engine.inside.autograd_demo import (
    BACKWARD,
    BACKWARD_RETAIN,
    EXAMPLE_SOURCE,
    JACOBIAN_SOURCE,
    ZERO,
    jacobian_demo,
    make_example,
    replay,
    tracking_flags,
)
from engine.inside.autograd_graph import AutogradGraph, collapse_modules, model_graph, readable
from engine.inside.graph_dot import to_dot
from engine.inside.layers import random_minibatch
from ui.language import t
from ui.model.state import INIT_SEED, current_model, current_spec
from ui.widgets import number_box

STEPS_KEY = "autograd_steps"


def draw_graph(graph: AutogradGraph) -> None:
    """The graph as DOT, drawn in the browser by st.graphviz_chart, with a colour legend."""
    st.graphviz_chart(to_dot(graph, members_text=t("autograd.members")))
    st.caption(t("autograd.legend"))


def _press(step: str | None) -> None:
    if step is None:
        st.session_state[STEPS_KEY] = []
    else:
        st.session_state.setdefault(STEPS_KEY, []).append(step)


def _grad_text(name: str, grad) -> str:
    return f"print({name}.grad)\n{grad}" if grad is not None else f"print({name}.grad)\nNone"


def render_seed_example() -> None:
    """Seed 003's one-layer network: the graph, loss.backward() on a button, w.grad and b.grad."""
    st.code(EXAMPLE_SOURCE, language="python")
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    seed = number_box("torch.manual_seed", 0, 2**31 - 1, 0, key="autograd_seed", container=left,
                      on_change=_press, args=(None,))
    show_saved = right.toggle(t("autograd.show_saved"), value=True, key="autograd_show_saved")
    steps = st.session_state.setdefault(STEPS_KEY, [])
    example, outcomes = replay(int(seed), steps)
    st.markdown(t("autograd.grad_fns", z=type(example.z.grad_fn).__name__, loss=type(example.loss.grad_fn).__name__))
    draw_graph(example.graph(show_saved))
    retain = st.checkbox("retain_graph=True", key="autograd_retain", help=t("autograd.retain_help"))
    buttons = st.columns(3)
    buttons[0].button("loss.backward()", key="autograd_backward", on_click=_press,
                      args=(BACKWARD_RETAIN if retain else BACKWARD,), type="primary")
    buttons[1].button("w.grad.zero_(); b.grad.zero_()", key="autograd_zero", on_click=_press, args=(ZERO,))
    buttons[2].button(t("autograd.reset"), key="autograd_reset", on_click=_press, args=(None,))
    if not outcomes:
        st.info(t("autograd.press_backward"))
        return
    st.markdown(t("autograd.history", steps=" → ".join(_step_code(o.step) for o in outcomes)))
    if not outcomes[-1].ok:
        st.error(t("autograd.freed"), icon=":material/error:")
    elif len([o for o in outcomes if o.step != ZERO]) > 1:
        st.info(t("autograd.accumulated"))
    left, right = st.columns(2)
    left.code(_grad_text("w", outcomes[-1].w_grad), language="text")
    right.code(_grad_text("b", outcomes[-1].b_grad), language="text")
    st.caption(t("autograd.rows_equal"))


def _step_code(step: str) -> str:
    return {BACKWARD: "`loss.backward()`", BACKWARD_RETAIN: "`loss.backward(retain_graph=True)`",
            ZERO: "`zero_()`"}[step]


def render_tracking() -> None:
    """`requires_grad` with tracking on, inside `torch.no_grad()`, and after `detach()` (seed 003)."""
    flags = tracking_flags(make_example(int(st.session_state.get("autograd_seed", 0))))
    st.code("z = torch.matmul(x, w) + b\nprint(z.requires_grad)\n\nwith torch.no_grad():\n"
            "    z = torch.matmul(x, w) + b\nprint(z.requires_grad)\n\nz = torch.matmul(x, w) + b\n"
            "z_det = z.detach()\nprint(z_det.requires_grad)", language="python")
    st.code(f"{flags['z']}\n{flags['no_grad']}\n{flags['detach']}", language="text")
    st.markdown(t("autograd.why_stop"))


def render_jacobian() -> None:
    """The `(inp + 1).pow(2)` example and the three matrices it prints: accumulate, then zero_()."""
    st.markdown(t("autograd.jacobian_intro"))
    st.code(JACOBIAN_SOURCE, language="python")
    first, second, after = jacobian_demo()
    st.code(f"First call\n{first}\n\nSecond call\n{second}\n\nCall after zeroing gradients\n{after}", language="text")
    st.caption(t("autograd.jacobian_note"))


def render_model_graph() -> None:
    """The graph of any model's forward pass and loss, grouped by module call, with each gradient's size."""
    choices = ["current", *PRESETS]
    name = st.selectbox(t("autograd.model"), choices, key="autograd_model",
                        format_func=lambda c: t("autograd.current_model") if c == "current" else
                        f"{c} — {t('preset.' + c)}")
    spec = current_spec() if name == "current" else PRESETS[name]
    model = current_model() if name == "current" else build_model(spec, seed=INIT_SEED)
    left, right = st.columns(2)
    show_saved = left.toggle(t("autograd.show_saved"), key="autograd_model_saved")
    result = model_graph(model, random_minibatch(spec, seed=0), show_saved)
    full = result.graph
    grouped = right.toggle(t("autograd.group"), value=len(full.nodes) > len(readable(full).nodes),
                           key=f"autograd_group_{name}", help=t("autograd.group_help"))
    st.markdown(t("autograd.model_line", loss=result.loss_name, value=result.loss, nodes=len(full.nodes)))
    draw_graph(collapse_modules(full) if grouped else full)
    if result.untracked:
        st.caption(t("autograd.untracked", modules=", ".join(f"`{label}`" for label in result.untracked)))
    sizes = {n: tuple(p.shape) for n, p in model.named_parameters()}
    table = pd.DataFrame([(n, str(list(sizes[n])), norm) for n, norm in result.gradient_norms.items()],
                         columns=[t("autograd.col_param"), t("autograd.col_shape"), t("autograd.col_norm")])
    st.caption(t("autograd.norms_intro", loss=result.loss_name))
    st.dataframe(table, hide_index=True, width="stretch")
