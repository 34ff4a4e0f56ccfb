"""Activations: every registered activation and its autograd derivative, sensitive and saturated ranges
shaded (seed 001), and softmax with a temperature on logits you type (seed 002)."""

import streamlit as st

from engine import PlaygroundError
from engine.inside.activations import (
    activation_curve,
    apply_to_batch,
    elementwise_activations,
    parse_logits,
    random_logits,
    softmax_view,
)
from ui.activations import (
    argument_widgets,
    batch_code,
    jacobian_figure,
    overlaid_figure,
    ranges_table,
    side_by_side_figure,
    softmax_figure,
)
from ui.language import error_text, t
from ui.pages import require_entry
from ui.plots import show_plot

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py


def _seed_clamp() -> None:  # seed 001: scores out of 10, never below 0 or above 10
    st.session_state.update(act_names=["Hardtanh", "Sigmoid"], act_hardtanh=(0.0, 10.0), act_range=(-5.0, 15.0))


def _draw_logits() -> None:  # seed 002: logits = torch.rand(1, 20), seeded so a click is reproducible
    draws = st.session_state.get("act_logit_draws", 0) + 1
    st.session_state.update(act_logit_draws=draws,
                            act_logits=", ".join(f"{v:.4f}" for v in random_logits(draws)))


st.title(t("act.title"))
st.caption(t("act.intro"))
names = elementwise_activations()
for key, value in (("act_names", ["ReLU", "Sigmoid", "Tanh", "Hardtanh"]), ("act_range", (-6.0, 6.0)),
                   ("act_hardtanh", (-1.0, 1.0))):
    st.session_state.setdefault(key, value)
chosen = st.pills(t("act.choose"), names, selection_mode="multi", key="act_names")
left, right = st.columns(2)
low, high = left.slider(t("act.range"), -20.0, 20.0, step=0.5, key="act_range")
min_val, max_val = right.slider(t("act.hardtanh"), -20.0, 20.0, step=0.5, key="act_hardtanh")
right.button(t("act.seed_clamp"), key="act_seed_clamp", on_click=_seed_clamp, icon=":material/sports_score:")
with st.expander(t("act.more")):
    sensitive_at = st.slider(t("act.sensitive_at"), 0.1, 1.0, 0.5, 0.05, key="act_sensitive_at")
    saturated_below = st.slider(t("act.saturated_below"), 0.0, 0.5, 0.05, 0.01, key="act_saturated_below")
    args = {name: argument_widgets(name) for name in chosen if name != "Hardtanh"}
args["Hardtanh"] = {"min_val": min_val, "max_val": max_val}

curves = []
for name in chosen:  # one bad setting (Hardtanh's min_val >= max_val) leaves the other curves drawn
    try:
        curves.append(activation_curve(name, args.get(name, {}), low, high, 801, sensitive_at, saturated_below))
    except PlaygroundError as error:
        st.error(error_text(error), icon=":material/error:")
if curves:
    labels = (t("act.value"), t("act.slope"))
    left, right = st.columns(2, vertical_alignment="bottom")
    layout = left.segmented_control(t("act.layout"), ["overlay", "grid"], default="overlay", key="act_layout",
                                    format_func=lambda v: t(f"act.layout_{v}"), required=True)
    if layout == "grid":
        show_plot(side_by_side_figure(curves, labels), "act_grid", "activations")
    else:
        focus = right.selectbox(t("act.focus"), [c.name for c in curves], key="act_focus")
        focused = next(c for c in curves if c.name == focus)
        show_plot(overlaid_figure(curves, focused, labels), "act_overlay", "activations")
    st.markdown(t("act.why"))
    st.dataframe(ranges_table(curves, (t("act.col_name"), t("act.col_peak"), t("act.col_sensitive"),
                                       t("act.col_saturated"))), hide_index=True, width="stretch")
    st.code("x = torch.linspace(low, high, 801, requires_grad=True)\ny = act_fn(x)\n"
            "(slope,) = torch.autograd.grad(y.sum(), x)  # f'(x) at every x", language="python")
    st.subheader(t("act.batch_title"))
    st.caption(t("act.batch_intro"))
    st.code(batch_code(curves, args, [apply_to_batch(c.name, args.get(c.name)) for c in curves]),
            language="python")
elif not chosen:
    st.info(t("act.choose_one"))

st.header(t("act.softmax_title"))
st.caption(t("act.softmax_intro"))
left, right = st.columns([3, 2])
text = left.text_input(t("act.logits"), "2.0, 1.0, 0.1", key="act_logits")
temperature = right.slider(t("act.temperature"), 0.05, 10.0, 1.0, 0.05, key="act_temperature")
left.button("torch.rand(1, 20)", key="act_rand_logits", on_click=_draw_logits, icon=":material/casino:",
            help=t("act.rand_logits_help"))
try:
    view = softmax_view(parse_logits(text), temperature)
except PlaygroundError as error:
    st.error(error_text(error), icon=":material/error:")
else:
    show_log = st.toggle(t("act.show_log"), key="act_show_log")
    show_plot(softmax_figure(view, (t("act.logits_bars"), t("act.probabilities")), show_log), "act_softmax", "softmax")
    exact_sum, float32_sum, logits_sum = st.columns(3)
    exact_sum.metric(t("act.sum"), f"{view.probabilities.sum().item():.6f}")
    float32_sum.metric(t("act.float32_sum"), repr(view.float32_sum))
    logits_sum.metric(t("act.logits_sum"), repr(view.float32_logits_sum))
    st.caption(t("act.float32_sum_why"))
    st.code(f"logits = torch.tensor([{', '.join(f'{v:g}' for v in view.logits.tolist())}])\n"
            f"pred_probab = nn.Softmax(dim=0)(logits / {temperature:g})\n"
            f"print(\"Sum of logits = \", torch.sum(logits).item())  # {view.float32_logits_sum!r}\n"
            f"print(\"Sum of softmaxed logits = \", torch.sum(pred_probab).item())  # {view.float32_sum!r}",
            language="python")
    with st.expander(t("act.jacobian")):
        st.caption(t("act.jacobian_intro"))
        st.plotly_chart(jacobian_figure(view), key="act_jacobian")
