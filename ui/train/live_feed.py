"""The Train page's live view of a training run: drawn once by the page, then repainted by the browser from
the run's live feed (ui/train/feed.py) several times a second, with no script run on the server."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

from engine.training.analysis import GridCache
from ui.language import current_language
from ui.saving.session import RUNNING_SAVE_SECONDS
from ui.train.feed import Feed
from ui.train.live_panels import PANELS_CSS, browser_palette, panels_script
from ui.train.playground_program import forward_program
from ui.train.playground_views import painted_panels
from ui.train.queue_views import queue_text

FEED_KEY = "train_feed"  # the session's Feed: while the session holds it, the route answers for it
FEED_CHECK_SECONDS = RUNNING_SAVE_SECONDS  # the page's own reruns while the browser reads the feed: each saves the run
_HTML = ('<div class="live"><div class="waiting" hidden></div><div class="counter"></div><div class="status"></div>'
         '<div class="bar"><div></div></div><div class="numbers"></div><div class="problem" hidden></div>'
         '<div class="panels curves"></div><div class="panels views"></div></div>')
# Streamlit's own caption, progress bar, metrics and warning, as the paused run shows them.
_LIVE_CSS = """.live { font-family: var(--st-font); color: var(--st-text-color); display: flex; flex-direction: column;
         gap: 0.75rem; }
.counter { font-size: 0.875rem; opacity: 0.6; }
.status { font-size: 0.875rem; margin-bottom: -0.5rem; }
.bar { height: 0.5rem; border-radius: 0.25rem; background: var(--st-secondary-background-color); overflow: hidden; }
.bar > div { height: 100%; background: var(--st-primary-color); }
.numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 1rem; }
.number .label { font-size: 0.875rem; }
.number .value { font-size: 2.25rem; line-height: 1.2; }
.problem { padding: 0.75rem 1rem; border-radius: 0.5rem; background: rgba(255, 193, 7, 0.15); }
.waiting { padding: 0.75rem 1rem; border-radius: 0.5rem; background: rgba(28, 131, 225, 0.1); }
"""


@cache
def _component():
    script = panels_script((Path(__file__).parent / "live_feed.js").read_text(encoding="utf-8"))
    return st.components.v2.component("torch_playground_live_feed", html=_HTML, css=PANELS_CSS + _LIVE_CSS, js=script)


def live_feed(job) -> Feed | None:
    """The session's feed for `job` in its language, made when the run or the language is new; None for a 2-D
    run whose network the browser cannot paint (a layer ui/train/playground_forward.js does not know)."""
    lang = current_language()
    feed = st.session_state.get(FEED_KEY)
    if feed is not None and feed.job is job and feed.lang == lang:
        return feed
    trainer = job.trainer
    steps = st.session_state.setdefault("train_grid_cache", GridCache()).steps
    views = []
    if trainer.data.input_shape == (2,):
        program = forward_program(trainer.model, trainer.spec, trainer.data, trainer.config.loss, steps)
        if program is None:
            st.session_state.pop(FEED_KEY, None)
            return None
        views = painted_panels(trainer, program)
    feed = st.session_state[FEED_KEY] = Feed(job, lang, views, steps)
    return feed


def render_live_feed(feed: Feed, per_epoch: bool) -> None:
    """The live view, drawn now as the run stands; the browser then reads `feed` itself until the run stops.
    `per_epoch`: the browser also runs the page's live view again at each new epoch (what it draws below)."""
    data = {"feed": feed.url, "snapshot": feed.snapshot(queue_text(feed.job, feed.lang)), "markup": feed.markup,
            "palette": browser_palette(), "per_epoch": per_epoch}
    _component()(key="train_live_feed", data=data, height="content", on_stopped_change=_nothing,
                 on_epoch_change=_nothing)


def _nothing() -> None:
    """The browser saw the run stop, or a new epoch: the rerun its word causes draws what changed (pages/train.py)."""
