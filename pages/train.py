"""Train: pick a network, data and settings; Play/Pause/Step/Reset; watch the curves while it learns."""

import streamlit as st

from engine import PlaygroundError
from ui.language import error_text, t
from ui.model.state import set_trained_model
from ui.pages import require_entry
from ui.saving.session import save_running
from ui.script_download import render_train_download
from ui.teacher.lesson import shown
from ui.train.job import change_pace, current_job, keep_model, pause, play, pop_message, reset
from ui.train.live_feature_maps import render_live_feature_maps, shows_live_maps
from ui.train.live_feed import FEED_CHECK_SECONDS, live_feed, render_live_feed
from ui.train.queue_views import (
    QUEUE_POLL_SECONDS,
    live_poll_seconds,
    off_pace,
    render_queue_place,
    waits_long,
)
from ui.train.settings import SETTINGS_KEY, current_settings, fold_settings_while_training, render_settings
from ui.train.speed import render_speed
from ui.train.task_views import render_task_views
from ui.train.views import render_curves, render_epoch_table, render_progress

require_entry()  # a deep link on a fresh server must still run through streamlit_app.py

REFRESH_SECONDS = 1.0
LIVE_2D_SECONDS = 0.25  # the live 2-D views are small SVG images swapped in place (ui/train/live_panels.py)


st.title(t("train.title"))
st.caption(t("train.intro"))
job = current_job()
running = job is not None and job.running
fold_settings_while_training(running or not shown("train.settings"))  # the live view comes up, on a phone too
with st.expander(t("train.settings_title"), key=SETTINGS_KEY, on_change="rerun", icon=":material/tune:") as folder:
    settings = render_settings(disabled=running) if folder.open else current_settings()  # folded: not drawn
buttons = [st.container(horizontal=True, gap="small")] * 5  # whole words on a tablet: they wrap, never cut
buttons[0].button(t("train.play"), key="train_play", icon=":material/play_arrow:", type="primary",
                  disabled=running or settings is None, on_click=play, args=(settings, "done"))
buttons[1].button(t("train.pause"), key="train_pause", icon=":material/pause:", disabled=not running,
                  on_click=pause)
buttons[2].button(t("train.step"), key="train_step", icon=":material/skip_next:", disabled=running or settings is None,
                  on_click=play, args=(settings, "batch"))
buttons[3].button(t("train.step_epoch"), key="train_epoch", icon=":material/fast_forward:",
                  disabled=running or settings is None, on_click=play, args=(settings, "epoch"))
buttons[4].button(t("train.reset"), key="train_reset", icon=":material/restart_alt:", on_click=reset)
if settings is not None and settings.spec.input_shape == (2,):  # the spec: loading data here could fail (offline)
    render_speed(on_change=change_pace)  # usable while it trains: slow down to watch the boundary form
message = pop_message()
if message is not None:
    st.error(message, icon=":material/error:")
render_train_download(settings)


two_d = job is not None and job.trainer.data.input_shape == (2,)
# A training run's browser reads the run's live feed itself (ui/train/live_feed.py): the page reruns rarely.
feed = live_feed(job) if running else None
queued = running and waits_long(job)  # its turn is far off: the live view polls rarely until it comes
fastest = LIVE_2D_SECONDS if two_d else REFRESH_SECONDS
pace = live_poll_seconds(fastest) if running else None  # slower as more train: all live views within the budget


@st.fragment(run_every=(FEED_CHECK_SECONDS if feed else QUEUE_POLL_SECONDS if queued else pace) if running else None)
def live_view() -> None:
    job = current_job()
    if job is None:
        st.info(t("train.press_play"))
        return
    trainer = job.trainer
    if job.interrupted:
        st.info(t("store.interrupted"), icon=":material/history:")
    if job.running:
        save_running(job)  # every few seconds at most: the writer thread does the work
    if running and not job.running:  # it just stopped: the whole page redraws (buttons and settings unlock)
        st.rerun()
    fed = live_feed(job) if job.running else None
    if (fed is None) != (feed is None):  # a new run (its feed, or none: a network the browser cannot paint)
        st.rerun()
    if fed is not None:  # the browser repaints it from the feed: this page runs only to save the run, and
        render_live_feed(fed, per_epoch=not two_d)  # for images, at each epoch: the table and feature maps below
        if not two_d:
            render_epoch_table(trainer)
            if shows_live_maps(trainer):
                render_live_feature_maps(trainer)
        return
    waiting = render_queue_place(job)
    with st.container(key="train_epoch_counter"):  # tests/test_browser_saving.py reads this number
        st.caption(t("train.epoch_counter", epoch=trainer.epoch, steps=trainer.steps))
    render_progress(trainer, job.running)
    if waiting:  # nothing moves while it waits: the cheapest redraw keeps a full classroom's server free
        return
    if not job.running:  # drawn below by the page's own runs: a poll that comes late would redraw it for nothing
        return
    if queued != waits_long(job):  # its turn came, or it rests till a far one: the live view's pace changes
        st.rerun()
    if pace is not None and not queued and off_pace(pace, live_poll_seconds(fastest)):  # the class grew or shrank
        st.rerun()
    # Light SVG curves while it trains (redrawing plotly every repaint cost the browser most of a core); plotly after.
    render_curves(trainer, live=True)
    if two_d:  # a network the browser cannot paint: the server paints it at every poll
        render_task_views(trainer, live=True)
        return
    render_epoch_table(trainer)
    if shows_live_maps(trainer):
        render_live_feature_maps(trainer)  # a CNN: one test image's first feature maps, rebuilt once per epoch


def finished_view(job) -> None:
    """A run that does not train now (paused, done, stopped): its outcome, interactive curves, table and views.
    Outside the live view, so that only the page's own runs draw it: thirty students pausing together once
    had every late poll redraw their finished runs, and each Pause waited 30 s for its page."""
    trainer = job.trainer
    if job.error is not None:
        st.error(t("train.crashed", error=error_text(job.error) if isinstance(job.error, PlaygroundError)
                   else str(job.error)), icon=":material/error:")
    if job.server_stop is not None:  # the tab was closed, or the run took too long: said on coming back
        st.warning(job.server_stop, icon=":material/stop_circle:")
    render_curves(trainer)
    render_epoch_table(trainer)
    if job.replaces_model:
        set_trained_model(trainer.spec, trainer.model)  # the Layers, Autograd and Export pages use it now
        st.caption(t("train.now_current"))
    else:  # a run that blew up never silently replaces the student's model
        st.warning(f"{error_text(trainer.blow_up)} {t('train.kept_current')}", icon=":material/warning:")
        st.button(t("train.keep_anyway"), key="train_keep_model", icon=":material/published_with_changes:",
                  on_click=keep_model)
    render_task_views(trainer)


live_view()
if job is not None and not running:
    finished_view(job)
