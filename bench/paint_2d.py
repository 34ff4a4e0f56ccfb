"""Server time of one live 2-D repaint on the Train page: the grid, the boundary, the network, the curves.

While a run trains, every repaint sees new weights, so each timed repaint follows one optimizer step
(the grid is recomputed, as GridCache does then). It times what the page's fragment builds: the
100x100 pass through every neuron, the boundary and network drawings (PNG heatmaps in SVG), and the
SVG loss and accuracy curves over a few hundred epochs of history, in CPU time (the box is shared).
Streamlit's own per-element cost (protobuf, websocket) comes on top. Median of `--repaints`.

Before these drawings (plotly figures, validated and serialised as st.plotly_chart does) the same
repaint cost, on this 2-core box, in CPU time: circle 61 ms (143 kB of JSON), spiral 71 ms (293 kB).

Run: nice .venv/bin/python bench/paint_2d.py [--repaints 30]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit.logger  # noqa: E402

streamlit.logger.set_log_level("error")  # t() outside a server run: its session-state warnings are noise here

import torch  # noqa: E402

from engine import PRESETS  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.training import TrainConfig, Trainer  # noqa: E402
from engine.training.analysis import GridCache  # noqa: E402
from ui.train.live_curves import chart_panel  # noqa: E402
from ui.train.playground_svg import svg_uri  # noqa: E402
from ui.train.playground_views import boundary_panel, network_panel  # noqa: E402
from ui.train.views import _live_lines  # noqa: E402

SETUPS = {"circle 4-2 tanh": ("playground_circle", "circle"), "spiral 8x6 relu": ("playground_spiral", "spiral")}


def repaint(trainer: Trainer, cache: GridCache) -> tuple[dict[str, float], int]:
    """One repaint's parts in milliseconds, and the bytes of the drawings' data URIs it sends."""
    parts = {"grid": lambda: cache.get(trainer) and "",
             "boundary": lambda: svg_uri(boundary_panel(trainer, cache.get(trainer)).svg),
             "network": lambda: svg_uri(network_panel(trainer, cache.get(trainer), live=True).svg),
             "curves": lambda: "".join(svg_uri(chart_panel("c", "loss", "epoch", lines).svg)
                                       for lines in _live_lines(trainer))}
    times, sent = {}, 0
    for name, build in parts.items():  # the grid first: the others find it cached, as in the page
        start = time.thread_time()  # CPU time: what a repaint costs the server, whatever else the box runs
        sent += len(build())
        times[name] = (time.thread_time() - start) * 1000
    times["total"] = sum(times.values())
    return times, sent


def main() -> None:
    """Train each setup a little (a history to draw), then time repaints, one optimizer step apart."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repaints", type=int, default=30)
    parser.add_argument("--epochs", type=int, default=200, help="history drawn by the curves")
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"one live 2-D repaint, server side: CPU ms, median of {args.repaints}")
    for name, (preset, data_name) in SETUPS.items():
        config = TrainConfig(data_name, lr=0.03, batch_size=10, epochs=10_000)
        trainer = Trainer(PRESETS[preset], load_dataset(data_name), config)
        for _ in range(args.epochs):
            trainer.run_epoch()
        cache, rounds, sent = GridCache(), [], 0
        for _ in range(args.repaints):
            trainer.step()  # new weights, as at every repaint while training
            times, sent = repaint(trainer, cache)
            rounds.append(times)
        medians = {part: statistics.median(r[part] for r in rounds) for part in rounds[0]}
        parts = "  ".join(f"{part} {value:5.1f}" for part, value in medians.items())
        print(f"  {name:16s} {parts}  ({sent / 1000:.0f} kB of drawings)", flush=True)


if __name__ == "__main__":
    main()
