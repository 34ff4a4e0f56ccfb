"""Through the layers: a minibatch (three images by default, up to 64) through the network one layer at a time (seeds
000/003/004): shapes, the Linear output before and after ReLU, logits, softmax, and per-layer statistics; then,
for the student's own CNN, one image's feature maps, kernels, the convolution and pooling explained, and sizes."""

import streamlit as st

from engine import LAYERS, PRESETS, PlaygroundError, model_source
from engine.data.sample_images import pick_images
from engine.inside.layers import (
    DEFAULT_BATCH,
    MAX_BATCH,
    drops_channel,
    random_minibatch,
    seeded_images_then_model,
    walk_forward,
    walkthrough_source,
)
from ui.data.state import UPLOAD_KEY
from ui.language import error_text, t
from ui.layers import (
    SHOWN,
    class_names,
    heatmap,
    histograms_figure,
    images_figure,
    probabilities_figure,
    render_step,
    shape_flow,
    shared_fashion_test_set,
    stats_table,
    takes_fashion_images,
)
from ui.layers_cnn.section import render_seeing_inside
from ui.model.state import current_model, current_spec
from ui.pages import require_entry
from ui.widgets import number_box

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

st.title(t("layers.title"))
st.caption(t("layers.intro"))
left, middle, right, batch_column = st.columns([4, 5, 2, 2])
source = left.segmented_control(t("layers.model"), ["walkthrough", "current"], default="walkthrough",
                                key="layers_model", format_func=lambda v: t(f"layers.model_{v}"), required=True)
spec = PRESETS["walkthrough"] if source == "walkthrough" else current_spec()
fashion = shared_fashion_test_set() if takes_fashion_images(spec) else None
own = st.session_state.get(UPLOAD_KEY)  # the student's CSV, when this network takes its rows
own = own if own is not None and own.input_shape == spec.input_shape else None
kinds = ["random"] + ["fashion"] * (fashion is not None) + ["csv"] * (own is not None)
images_kind = middle.segmented_control(t("layers.images"), kinds, default="random", key="layers_images",
                                       format_func=lambda v: t(f"layers.images_{v}"), required=True)
seed = int(number_box(t("layers.seed"), 0, 2**31 - 1, 1, key="layers_seed", container=right))
batch = int(number_box(t("layers.batch_size"), 1, MAX_BATCH, DEFAULT_BATCH, key="layers_batch",
                               container=batch_column, help=t("layers.batch_help")))
if source == "walkthrough":  # seed 004's order: one manual_seed, the images, then the layers
    images, model = seeded_images_then_model(spec, seed, batch)
else:
    images, model = random_minibatch(spec, seed, batch), current_model()
truth = None
if images_kind == "fashion" and fashion is not None:
    images, truth = pick_images(*fashion, seed=seed, count=batch)
if images_kind == "csv" and own is not None:  # the first test rows, in the file's order
    images = own.as_float(own.test_x[:batch])
    truth = own.test_y[:batch].tolist() if own.task == "classification" else None
if drops_channel(spec) and st.toggle(t("layers.keep_channel"), key="layers_channel", help=t("layers.channel_help")):
    images = images.reshape(len(images), *spec.input_shape)  # seed 000's torch.rand(3, 1, 28, 28): same values
input_code = (t("layers.csv_code", n=batch) if images_kind == "csv"
              else t("layers.fashion_code", n=batch) if truth is not None
              else f"torch.manual_seed({seed})\nx = torch.rand({', '.join(map(str, images.shape))})")
if source == "walkthrough":
    input_code += "\n" + model_source(spec).split("\n\n", 1)[1].strip()  # the network, without its imports
if source == "current":
    st.caption(t("layers.current_note", params=spec.parameter_count()))

try:
    walk = walk_forward(model, images, spec.input_shape)
except PlaygroundError as error:
    st.error(error_text(error), icon=":material/error:")
    st.stop()

names = class_names(walk)
if images_kind == "csv" and own is not None and len(own.class_names or ()) == len(names):
    names = list(own.class_names)
figure = images_figure(images, [t("layers.image_n", n=i) + (f" · {names[c]}" if truth else "")
                                for i, c in enumerate(truth or [0] * len(images))])
if figure is None:
    figure = heatmap(images, "x")
st.plotly_chart(figure, key="layers_images_fig")
if batch > SHOWN:
    st.caption(t("layers.first_shown", shown=SHOWN, batch=batch))
st.markdown(t("layers.shapes") + " " + shape_flow(walk))

st.subheader(t("layers.step_title"))
labels = [f"{i + 1} · {step.path}: {step.kind}" for i, step in enumerate(walk.steps)]
if st.session_state.get("layers_step") not in labels:  # a new network: start at its first activation
    activations = [label for label, s in zip(labels, walk.steps) if s.kind in LAYERS and LAYERS[s.kind].is_activation]
    st.session_state["layers_step"] = (activations or labels)[0]
chosen = st.select_slider(t("layers.step"), labels, key="layers_step") if len(labels) > 1 else labels[0]
step = walk.steps[labels.index(chosen)]
render_step(step, step.kind in LAYERS and LAYERS[step.kind].is_activation)

tabs = st.tabs([t("layers.tab_result"), t("layers.tab_stats"), t("layers.tab_code")])
with tabs[0]:
    st.plotly_chart(heatmap(walk.logits, t("layers.logits")), key="layers_logits")
    if walk.probabilities is not None:
        st.plotly_chart(probabilities_figure(walk, names, truth), key="layers_probabilities")
    else:
        st.info(t("layers.no_probabilities"))
with tabs[1]:
    st.caption(t("layers.stats_intro"))
    st.dataframe(stats_table(walk), hide_index=True, width="stretch")
    st.plotly_chart(histograms_figure(walk, step), key="layers_histograms")
with tabs[2]:
    st.code(walkthrough_source(walk, input_code), language="python")

st.divider()
render_seeing_inside(spec, model, source == "current")
