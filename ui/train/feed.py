"""The live feed: a training run as JSON at /live/<token>, which the student's browser reads itself.

While a run trains, its Train page draws the live view once, and the page's script
(ui/train/live_feed.js) then asks this route several times a second for the run's epoch, progress,
latest numbers, curves and, for a 2-D run, the weights, and paints them. Each answer is a few
milliseconds of the server's event loop, not a Streamlit script run: thirty students' live views at 4
repaints a second cost the server's one pages core less than their clicks do. The page's own runs (a
click, a rerun every few seconds that saves the run, and for a run of images one per epoch, for its
epoch table) go on as before.

A feed is known by an unguessable token, held in the student's session (ui/train/live_feed.py); the
route keeps it weakly, so a session that ends, or a new run, ends the old feed (the route answers 404).
Nothing here reads a session or calls streamlit: the route answers outside any script run.
"""

from __future__ import annotations

import gzip
import json
import secrets
import weakref
from dataclasses import asdict

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from i18n import translate
from ui.language import error_text
from ui.train.playground_program import forward_program
from ui.train.playground_svg import Panel, svg_uri
from ui.train.queue_views import queue_text, waits_long
from ui.train.views import latest_numbers, live_curve_panels, progress_text

FEED_PATH = "/live/"
FEED_SECONDS = 0.25  # the browser's repaints: TF Playground's pictures move at 4 or more a second
GZIP_LEVEL = 6
QUEUE_FEED_SECONDS = 1.0  # while a run's first turn is far off: nothing moves on its page till then
_FEEDS: weakref.WeakValueDictionary[str, Feed] = weakref.WeakValueDictionary()


class Feed:
    """One training run's live numbers in one language; for a 2-D run, with the views' panels (their markup
    goes with the page) that the browser paints from the weights sent with each snapshot."""

    def __init__(self, job, lang: str, views: list[Panel], steps: int):
        self.token = secrets.token_urlsafe(18)
        self.job, self.lang, self.steps = job, lang, steps
        self.views: list[dict] = []  # the painted views' panels, each naming its markup by a `layout`
        self.markup: dict[str, str] = {}  # layout -> the drawing's markup: sent with the page, kept by the browser
        for panel in views:
            layout = f"{hash(panel.svg):x}"
            self.views.append({**asdict(panel), "svg": None, "layout": layout})
            self.markup[layout] = panel.svg
        self._answered: tuple[tuple, bytes] | None = None  # the run's state, its answer
        self._gzipped: tuple[bytes, bytes] | None = None  # an answer, gzipped
        _FEEDS[self.token] = self

    @property
    def url(self) -> str:
        """Where the browser reads this feed (same origin: a replica's route cookie goes with it)."""
        return FEED_PATH + self.token

    def snapshot(self, waiting: str | None = None) -> dict:
        """The run as the live view shows it now: its place in the queue while it waits for its first turn
        (`waiting`, ui/train/queue_views.queue_text), counter, progress, numbers, curves, the weights to paint,
        and how soon to ask again (rarely while its turn is far off)."""
        job, lang = self.job, self.lang
        trainer = job.trainer
        running = job.running
        program = None
        if self.views:  # a 2-D run: the weights its browser paints the boundary and the network from
            program = forward_program(trainer.model, trainer.spec, trainer.data, trainer.config.loss, self.steps)
        if program is not None:
            program = {**program, "version": f"{id(trainer.model):x}.{trainer.steps}.1", "titles": False}
        return {
            "running": running,
            "waiting": waiting,
            "every": QUEUE_FEED_SECONDS if waiting and waits_long(job) else FEED_SECONDS,
            "epoch": trainer.epoch,
            "steps": trainer.steps,
            "counter": translate("train.epoch_counter", lang, epoch=trainer.epoch, steps=trainer.steps),
            "progress": trainer.progress,
            "status": progress_text(trainer, running, lang),
            "numbers": latest_numbers(trainer, lang),
            "problem": None if trainer.problem is None else error_text(trainer.problem, lang),
            "curves": [{**asdict(panel), "svg": None, "src": svg_uri(panel.svg)}
                       for panel in live_curve_panels(trainer, lang)],
            "views": self.views,
            "paint": program,
        }

    def answer(self) -> bytes:
        """`snapshot` as JSON, made once per state of the run: a repaint between two steps costs nothing."""
        trainer = self.job.trainer
        waiting = queue_text(self.job, self.lang)
        state = (trainer.model_version, trainer.steps, len(trainer.history), self.job.running, waiting)
        if self._answered is None or self._answered[0] != state:
            self._answered = (state, json.dumps(self.snapshot(waiting), separators=(",", ":")).encode())
        return self._answered[1]

    def gzipped(self) -> bytes:
        """`answer` gzipped, also once per state (the server's gzip middleware would compress every repaint)."""
        answer = self.answer()
        if self._gzipped is None or self._gzipped[0] is not answer:
            self._gzipped = (answer, gzip.compress(answer, compresslevel=GZIP_LEVEL, mtime=0))
        return self._gzipped[1]


async def _answer(request: Request) -> Response:
    feed = _FEEDS.get(request.path_params["token"])
    if feed is None:  # the run or the session is over: the page's script stops asking
        return Response(b'{"gone":true}', status_code=404, media_type="application/json")
    headers = {"Cache-Control": "no-store", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):  # the middleware leaves an encoded answer alone
        return Response(feed.gzipped(), media_type="application/json", headers={**headers, "Content-Encoding": "gzip"})
    return Response(feed.answer(), media_type="application/json", headers=headers)


def feed_routes() -> list[Route]:
    """The live feed's route, for the server beside Streamlit's own (ui/startup.py)."""
    return [Route(FEED_PATH + "{token}", _answer, methods=["GET"])]
