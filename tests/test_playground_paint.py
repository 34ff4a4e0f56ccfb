"""The live 2-D drawings: colours as TF Playground's, PNG heatmaps that decode back to the model's grid,
SVG drawings whose points, weights and tiles are the data's and the model's, and light SVG curves."""

import base64
import io
import re
import urllib.parse

import numpy as np
import pytest
from PIL import Image

from engine import PRESETS, build_model
from engine.data import load_dataset
from engine.training.analysis import decision_grid, network_links
from ui.train.live_curves import MAX_POINTS, Line, chart_panel
from ui.train.playground_paint import BLUE, GREY, ORANGE, classes_rgb, diverging_rgb, png_uri, strip_rgba, upright
from ui.train.playground_svg import (
    BOX,
    NEURON_SAMPLES,
    PAD_LEFT,
    boundary_svg,
    column_strip,
    input_strip,
    link_width,
    network_svg,
    svg_uri,
    ticks,
)


def rgb(colour: str) -> list[int]:
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]


def decode_png(uri: str) -> np.ndarray:
    """The pixels of a PNG data URI, as the browser decodes them."""
    assert uri.startswith("data:image/png;base64,")
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))))


def decode_svg(uri: str) -> str:
    """The SVG text of an svg_uri (what the browser reads)."""
    prefix = "data:image/svg+xml;charset=utf-8,"
    assert uri.startswith(prefix)
    return urllib.parse.unquote(uri[len(prefix):])


def embedded_pngs(svg: str) -> list[np.ndarray]:
    return [decode_png(uri) for uri in re.findall(r"href='(data:image/png;base64,[^']+)'", svg)]


def test_the_palette_is_tf_playgrounds():
    pixels = diverging_rgb(np.array([[-1.0, 0.0, 1.0, -7.0, 7.0, np.nan]]))
    assert pixels.tolist() == [[rgb(ORANGE), rgb(GREY), rgb(BLUE), rgb(ORANGE), rgb(BLUE), rgb(GREY)]]
    assert diverging_rgb(np.array([[0.0, 0.5, 1.0]]), 0, 1).tolist() == [[rgb(ORANGE), rgb(GREY), rgb(BLUE)]]
    middle = diverging_rgb(np.array([[0.5]]))[0, 0].astype(int)  # half-way from grey to blue
    assert np.abs(middle - (np.array(rgb(GREY)) + np.array(rgb(BLUE))) / 2).max() <= 2
    lighter = classes_rgb(np.array([[0, 1, 2]]), lighten=0.0)
    assert lighter.tolist()[0][:2] == [rgb(ORANGE), rgb(BLUE)]


def test_png_uri_is_lossless_and_upright_puts_high_y_on_top():
    pixels = np.random.default_rng(0).integers(0, 256, (7, 5, 3), dtype=np.uint8)
    assert np.array_equal(decode_png(png_uri(pixels)), pixels)
    grid = np.array([[0.0, 1.0], [2.0, 3.0]])  # row 0 is the lowest y
    assert upright(grid).tolist() == [[2.0, 3.0], [0.0, 1.0]]


def test_strips_hold_each_unit_at_the_drawings_spacing_with_clear_gaps():
    units = np.stack([np.full((4, 4), -1.0), np.full((4, 4), 1.0)])
    strip = strip_rgba(units, gap=2)
    assert strip.shape == (4 + 2 + 4, 4, 4)
    assert (strip[:4, :, :3] == rgb(ORANGE)).all() and (strip[6:, :, :3] == rgb(BLUE)).all()
    assert (strip[:4, :, 3] == 255).all() and (strip[4:6, :, 3] == 0).all()
    x1, x2 = decode_png(input_strip())[:NEURON_SAMPLES], decode_png(input_strip())[-NEURON_SAMPLES:]
    assert x1[0, 0, :3].tolist() == rgb(ORANGE) and x1[0, -1, :3].tolist() == rgb(BLUE)  # x₁ grows to the right
    assert x2[-1, 0, :3].tolist() == rgb(ORANGE) and x2[0, 0, :3].tolist() == rgb(BLUE)  # x₂ grows upwards


def test_ticks_are_round_and_inside_the_range():
    assert ticks(-6.2, 6.2) == [-6, -4, -2, 0, 2, 4, 6]
    assert ticks(0, 1, 5) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    values = ticks(0.013, 0.0171, 5)
    assert all(0.013 <= v <= 0.0171 for v in values) and 2 <= len(values) <= 5


@pytest.fixture(scope="module")
def spiral():
    model = build_model(PRESETS["playground_spiral"], seed=3)
    data = load_dataset("spiral")
    return model, data, decision_grid(model, PRESETS["playground_spiral"], data, "cross_entropy", steps=100)


def test_boundary_image_is_the_models_probability_and_every_point_is_drawn(spiral):
    _model, data, grid = spiral
    low, high = grid.xs[0].item(), grid.xs[-1].item()
    points = [(data.train_x.numpy(), data.train_y.numpy(), False), (data.test_x.numpy(), data.test_y.numpy(), True)]
    svg = decode_svg(svg_uri(boundary_svg(grid.probability.numpy(), low, high, points, classes=2)))
    (background,) = embedded_pngs(svg)
    assert background.shape == (100, 100, 3)
    expected = diverging_rgb(grid.probability.numpy()[::-1], 0, 1)  # the top row is the highest y
    assert np.array_equal(background, expected)
    drawn = re.findall(r"M(\d+) (\d+)h0", svg)
    assert len(drawn) == len(data.train_x) + len(data.test_x)
    x, y = data.train_x[0].tolist()  # the first training point, where the axes put it
    assert (str(round(PAD_LEFT + (x - low) / (high - low) * BOX)), str(round(4 + (high - y) / (high - low) * BOX))) \
        in drawn


def test_more_than_two_classes_paint_the_predicted_class_in_its_colour():
    predicted = np.zeros((10, 10))
    predicted[:, 5:] = 2  # right half: class 2
    xy, labels = np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 2])
    svg = decode_svg(svg_uri(boundary_svg(predicted, -1.0, 1.0, [(xy, labels, False)], classes=3)))
    (background,) = embedded_pngs(svg)
    assert np.array_equal(background, classes_rgb(predicted[::-1]))
    assert background[0, 0].tolist() != background[0, -1].tolist()
    assert "stroke='#2ca02c'" in svg  # class 2's points in class 2's colour


def test_network_draws_every_weight_with_its_sign_and_size_and_every_units_heatmap(spiral):
    model, data, grid = spiral
    sizes, links = network_links(model)
    assert sizes == [2, 8, 8, 8, 8, 8, 8, 2] and len(links) == 2 * 8 + 5 * 64 + 8 * 2
    units = [values.numpy() for _path, values in grid.hidden]
    strips = [input_strip(), *(column_strip(values) for values in units), None]
    svg = network_svg(sizes, links, strips, ["in", *["h"] * 6, "out"])
    curves = re.findall(r'<path d="[^"]+" stroke="(#[0-9a-f]+)" stroke-width="([\d.]+)"><title>w = ([-\d.]+)', svg)
    assert len(curves) == len(links)
    for (colour, width, shown), link in zip(curves, links):
        assert colour == (BLUE if link.weight > 0 else ORANGE)
        assert float(shown) == pytest.approx(link.weight, abs=6e-4)
        assert float(width) == pytest.approx(link_width(link.weight), abs=0.06)  # full-size tiles at 8 units
    assert link_width(0) == 1 and link_width(-5) == link_width(50) == 10  # TF Playground's scale, clamped
    decoded = [decode_png(uri) for uri in strips[1:-1]]
    for strip, values in zip(decoded, units):  # unit 3 of each layer: its 20x20 tile, as the grid says
        tile = strip[3 * 28:3 * 28 + 20, :, :3]
        assert np.array_equal(tile, diverging_rgb(values[3, ::5, ::5][::-1]))
    assert svg.count("<rect") == sum(sizes)
    assert "<title>" not in network_svg(sizes, links, strips, ["in", *["h"] * 6, "out"], titles=False)


def test_chart_draws_a_bounded_number_of_finite_points_and_keeps_the_newest():
    xs = list(range(5000))
    ys = [1 / (1 + x) for x in xs]
    ys[10] = float("nan")
    panel = chart_panel("loss", "Loss", "epoch", [Line("train", "#636efa", xs, ys), Line("empty", "#000", [], [])])
    (points,) = re.findall(r'<polyline points="([^"]+)"', panel.svg)
    pairs = points.split()
    assert len(pairs) <= MAX_POINTS + 1 and "nan" not in points
    assert pairs[-1].startswith("470.0,")  # the last epoch at the right edge
    assert "train" in panel.legend and "empty" not in panel.legend


def _big_network_page():
    import streamlit as st

    from engine import LayerSpec, ModelSpec
    from engine.data import load_dataset
    from engine.training import TrainConfig, Trainer
    from engine.training.analysis import decision_grid
    from ui.train.live_panels import render_panels
    from ui.train.playground_views import boundary_panel, network_panel

    st.session_state["lang"] = "en"
    wide = [LayerSpec.of("Linear", in_features=2, out_features=32), LayerSpec.of("ReLU"),
            LayerSpec.of("Linear", in_features=32, out_features=32), LayerSpec.of("ReLU"),
            LayerSpec.of("Linear", in_features=32, out_features=2)]
    trainer = Trainer(ModelSpec((2,), tuple(wide)), load_dataset("xor"), TrainConfig("xor", epochs=1))
    grid = decision_grid(trainer.model, trainer.spec, trainer.data, trainer.config.loss, 100)
    # As the server paints it (a layer the browser does not know, the run paused): the page does the same
    render_panels("train_playground", [boundary_panel(trainer, grid), network_panel(trainer, grid, False)], False)


def test_a_network_too_big_to_draw_shows_its_first_units_and_says_so():
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_function(_big_network_page).run(timeout=60)
    assert not app.exception
    (html,) = [element.value for element in app.get("html")]
    assert "1,152 weights are too many to draw: the first 8 neurons" in html
    (_, network) = [decode_svg(uri) for uri in re.findall(r'src="([^"]+)"', html)]
    assert network.count("32 neurons") == 2 and "<path" not in network
    assert network.count("<rect") == 2 + 8 + 8 + 2 and len(embedded_pngs(network)) == 4
