"""A figure drawn on many page runs is turned into a dict once, and that dict is the figure's own."""

import copy
import pickle

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from ui.plots import DrawnFigure


def _build(figure):
    figure.add_scatter(x=np.arange(50) / 10, y=np.linspace(2, 0.1, 50), mode="lines", name="손실")
    figure.update_layout(height=300, title="loss")
    return figure


def test_a_drawn_figure_is_the_same_figure_as_plotly_makes_it(monkeypatch):
    drawn, plain = _build(DrawnFigure()), _build(go.Figure())
    assert pio.to_json(drawn.to_dict(), validate=False) == pio.to_json(plain.to_dict(), validate=False)
    made = []
    real = go.Figure.to_dict
    monkeypatch.setattr(go.Figure, "to_dict", lambda self: made.append(1) or real(self))
    fresh = _build(DrawnFigure())
    for _ in range(3):
        fresh.to_dict()
    assert len(made) == 1  # walked once, however often it is drawn


def test_copying_or_pickling_a_drawn_figure_leaves_what_it_draws_alone():
    drawn, plain = _build(DrawnFigure()), _build(go.Figure())
    before = pio.to_json(drawn.to_dict(), validate=False)
    for again in (copy.deepcopy, lambda figure: pickle.loads(pickle.dumps(figure))):
        assert pio.to_json(again(drawn).to_dict(), validate=False) == pio.to_json(again(plain).to_dict(),
                                                                                   validate=False)
    assert pio.to_json(drawn.to_dict(), validate=False) == before and "_grid_str" not in drawn.to_dict()
