"""A simulated student that speaks Streamlit's own websocket protocol: a browser tab without the browser.

A tab of Streamlit's frontend talks to the server over one websocket, /_stcore/stream, in protobufs:
it sends a `BackMsg.rerun_script` (a `ClientState`: the page, the query string, the widget values, a
button's trigger) for every interaction, and reads `ForwardMsg`s back: `new_session` when a run starts,
`delta`s (the page's elements, widgets carry their ids, ours end in their stable key=), `auto_rerun`
when an `st.fragment(run_every=...)` was drawn, and `script_finished` when the run is over. This client
does the same, so one Python process can be thirty students while the server does all the work it does
for thirty browsers (the runs, the deltas, the fragment polling), without thirty Chromium tabs
fighting the server for the machine's 2 cores.

What it copies from the frontend (streamlit/static, App.tsx):
- the first run names the page by its URL path (`page_name`), later ones by `page_script_hash`;
- `auto_rerun` starts a timer per fragment that sends a fragment rerun (`fragment_id`,
  `is_auto_rerun`) at that interval; a new full run (and a page change) clears every timer, and the
  run draws the fragment again, which starts its timer again; `stop_auto_rerun` clears one;
- the query string follows `page_info_changed` (the app's st.query_params), as the address bar does;
- widget values the student set are sent with every rerun of that page (fragment reruns too), a
  button's trigger only once; a page change forgets the last page's widgets.
- the live feed (ui/train/live_feed.js): while a run trains, the live view's script GETs the run's
  feed (/live/<token>, JSON) every `every` seconds on one kept-alive connection, gzip accepted, and asks
  for one rerun when the feed says the run stopped (and, `per_epoch`, at each new epoch); the feed's
  progress line counts as a progress bar;
- the route cookie a browser gets on its first page load behind nginx (deploy/nginx.conf.template) goes
  with its websocket and its feed reads, so a student keeps reaching one replica.
It does not send cached message hashes (the server then sends every element in full) and draws nothing.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = ForwardMsg.ScriptFinishedStatus
EPOCHS_SHOWN = re.compile(r"(\d+)/(\d+)")  # the progress line's "epoch 3/21" (ko: "에폭 3/21"), its first n/m


@dataclass
class Record:
    """What every student of one class measured: interaction times by kind, fragment polls, errors."""

    interactions: dict[str, list[float]] = field(default_factory=dict)
    polls: list[float] = field(default_factory=list)
    polls_sent: int = 0  # fragment reruns the tabs asked for (the server merges those that arrive mid-run)
    feeds: list[float] = field(default_factory=list)  # each live-feed GET's time, sent until its answer is read
    errors: list[str] = field(default_factory=list)
    finished: int = 0
    client_cpu: float = 0.0  # CPU seconds the simulated tabs themselves used (bench/load_test.py fills it in)

    def add(self, kind: str, seconds: float) -> None:
        """One interaction's time (a BackMsg sent until its run's script_finished), by kind."""
        self.interactions.setdefault(kind, []).append(seconds)

    @property
    def all_interactions(self) -> list[float]:
        """Every student-made interaction's time, all kinds together (fragment polls not included)."""
        return [seconds for times in self.interactions.values() for seconds in times]


class Tab:
    """One browser tab's websocket session with the app, as Streamlit's frontend drives it."""

    def __init__(self, url: str, query_string: str, record: Record, name: str, timeout: float = 30.0):
        self.url = url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.query_string, self.record, self.name, self.timeout = query_string, record, name, timeout
        self.pages: dict[str, str] = {}  # url path ("train") -> page_script_hash, from the navigation message
        self.page_hash = ""  # the page the last full run drew (st.navigation's, not new_session's)
        self.widget_ids: dict[str, str] = {}  # widget key= -> its element id, on the page drawn last
        self.widgets: dict[str, WidgetState] = {}  # id -> the value this student set on this page
        self.progress: list[str] = []  # progress-bar texts drawn since the student last looked
        self.last_progress: str | None = None  # the progress bar on the page as drawn now
        self.shown: list[tuple[float, str]] = []  # every progress text with when it came (bench/load_scenarios.py)
        self._socket = None
        self._reader: asyncio.Task | None = None
        self._timers: dict[str, tuple[float, asyncio.Task]] = {}  # fragment id -> (interval, its timer)
        self._run: asyncio.Future | None = None  # the interaction waiting for its full run to finish
        self._poll_started: float | None = None  # the oldest fragment poll not yet answered
        self._feed: tuple[str, asyncio.Task] | None = None  # the live feed being read: its URL, its reader
        self.cookie = f"tp_route={secrets.token_hex(16)}"  # as nginx's route cookie (ignored with no nginx)
        self.closed = False

    # -- connection -----------------------------------------------------------------------------------
    async def open(self, page: str) -> float:
        """Connect and run the app at the URL path `page` ("train") with the query string: the first load."""
        self._socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                                                open_timeout=self.timeout, ping_interval=None,
                                                additional_headers={"Cookie": self.cookie})
        self._reader = asyncio.create_task(self._read())
        return await self._interact("open", page_name=page)

    async def close(self) -> None:
        """Stop the timers and close the websocket (the tab is closed)."""
        self._stop_timers()
        self._stop_feed()
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    # -- what the student does ------------------------------------------------------------------------
    async def go_to(self, page: str, kind: str | None = None) -> float:
        """Click a page in the sidebar (its URL path, e.g. "tensors"); the time until it is drawn."""
        if page not in self.pages:
            raise RuntimeError(f"no page {page!r} in the navigation: {sorted(self.pages)}")
        self._stop_timers()  # the frontend's onPageChange clears every auto-rerun first
        self._stop_feed()  # the live view is gone from the screen: its script stops reading
        self.widgets.clear()
        return await self._interact(kind or f"page {page}", page_hash=self.pages[page])

    async def set_value(self, key: str, value: int | float | str | bool, kind: str = "set") -> float:
        """Change a widget (found by its key=) and wait for the rerun it causes."""
        state = WidgetState(id=self._widget(key))
        if isinstance(value, bool):
            state.bool_value = value
        elif isinstance(value, int):
            state.int_value = value
        elif isinstance(value, float):
            state.double_value = value
        else:
            state.string_value = value
        self.widgets[state.id] = state
        return await self._interact(kind, page_hash=self.page_hash)

    async def press(self, key: str, kind: str | None = None) -> float:
        """Click a button (found by its key=) and wait for the rerun it causes."""
        trigger = WidgetState(id=self._widget(key), trigger_value=True)
        return await self._interact(kind or key, page_hash=self.page_hash, once=[trigger])

    # -- the protocol ---------------------------------------------------------------------------------
    def _widget(self, key: str) -> str:
        if key not in self.widget_ids:
            raise RuntimeError(f"no widget with key {key!r} on this page")
        return self.widget_ids[key]

    async def _send(self, *, page_name: str = "", page_hash: str = "", fragment_id: str = "",
                    once: Iterable[WidgetState] = ()) -> None:
        message = BackMsg()
        state = message.rerun_script
        state.query_string, state.page_name, state.page_script_hash = self.query_string, page_name, page_hash
        if fragment_id:
            state.fragment_id, state.is_auto_rerun = fragment_id, True
        state.widget_states.widgets.extend([*self.widgets.values(), *once])
        await self._socket.send(message.SerializeToString())

    async def _interact(self, kind: str, *, page_name: str = "", page_hash: str = "",
                        once: Iterable[WidgetState] = ()) -> float:
        """Send one full rerun and wait for its script_finished; record and return the seconds it took."""
        if self.closed:
            raise ConnectionError(f"{self.name}: the websocket is closed")
        self._run = asyncio.get_running_loop().create_future()
        started = time.perf_counter()
        await self._send(page_name=page_name, page_hash=page_hash, once=once)
        try:
            await asyncio.wait_for(asyncio.shield(self._run), self.timeout)
        except TimeoutError:
            raise TimeoutError(f"{kind} got no answer in {self.timeout:.0f} s") from None
        seconds = time.perf_counter() - started
        self.record.add(kind, seconds)
        return seconds

    async def _read(self) -> None:
        try:
            async for data in self._socket:
                message = ForwardMsg()
                message.ParseFromString(data)
                self._handle(message)
        except websockets.ConnectionClosed:
            pass
        finally:
            self.closed = True
            self._stop_timers()
            if self._run is not None and not self._run.done():
                self._run.set_exception(ConnectionError(f"{self.name}: the server closed the websocket"))

    def _handle(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            if not message.metadata.run.fragment_ids:  # a full run: the frontend's cleanupAutoReruns
                self._stop_timers()
                self._stop_feed()  # read again if the run draws the live view again
                self.widget_ids.clear()
                self.last_progress = None
        elif kind == "navigation":
            self.pages = {page.url_pathname: page.page_script_hash for page in message.navigation.app_pages}
            self.page_hash = message.navigation.page_script_hash  # the page st.navigation runs
        elif kind == "page_info_changed":  # the app changed st.query_params: the browser's URL follows
            self.query_string = message.page_info_changed.query_string
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._element(message.delta.new_element)
        elif kind == "auto_rerun":
            self._start_timer(message.auto_rerun.fragment_id, message.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment_id in message.stop_auto_rerun.fragment_ids:
                self._stop_timer(fragment_id)
        elif kind == "page_not_found":
            self.record.errors.append(f"{self.name}: page not found {message.page_not_found.page_name!r}")
        elif kind == "session_event" and message.session_event.WhichOneof("type") == "script_compilation_exception":
            self.record.errors.append(f"{self.name}: the script did not compile")
        elif kind == "script_finished":
            self._finished(message.script_finished)

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        widget_id = getattr(getattr(element, kind), "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-") and widget_id.count("-") >= 2:
            self.widget_ids[widget_id.split("-", 2)[2]] = widget_id  # "$$ID-<hash>-train_play"
        if kind == "progress":
            self._progress(element.progress.text)
        elif kind == "bidi_component" and element.bidi_component.component_name == "torch_playground_live_feed":
            data = json.loads(element.bidi_component.json)
            self._progress(data["snapshot"]["status"])
            if self._feed is None or self._feed[0] != data["feed"]:
                self._stop_feed()
                reader = self._read_feed(data["feed"], data["snapshot"]["every"], data["per_epoch"],
                                         data["snapshot"]["epoch"])
                self._feed = (data["feed"], asyncio.create_task(reader))
        elif kind == "exception":
            where = [line.strip() for line in element.exception.stack_trace if line.strip().startswith("File")]
            self.record.errors.append(f"{self.name}: exception {element.exception.type}: "
                                      f"{element.exception.message[:160]} (at {' < '.join(where[-1:-4:-1])})")
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            self.record.errors.append(f"{self.name}: error shown: {element.alert.body[:160]}")

    def _progress(self, text: str) -> None:
        self.progress.append(text)
        self.last_progress = text
        self.shown.append((time.monotonic(), text))

    def _finished(self, status) -> None:
        if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
            self.record.errors.append(f"{self.name}: the run ended with a compile error")
        if status in (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                      FINISHED.FINISHED_WITH_COMPILE_ERROR) and self._poll_started is not None:
            self.record.polls.append(time.perf_counter() - self._poll_started)  # a full run answers a poll too
            self._poll_started = None
        if status != FINISHED.FINISHED_EARLY_FOR_RERUN and status != FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            if self._run is not None and not self._run.done():
                self._run.set_result(None)

    # -- fragment polling, as the frontend's setInterval ----------------------------------------------
    def _start_timer(self, fragment_id: str, interval: float) -> None:
        if fragment_id in self._timers and self._timers[fragment_id][0] == interval:
            return
        self._stop_timer(fragment_id)
        self._timers[fragment_id] = (interval, asyncio.create_task(self._poll(fragment_id, interval)))

    def _stop_timer(self, fragment_id: str) -> None:
        _, timer = self._timers.pop(fragment_id, (None, None))
        if timer is not None:
            timer.cancel()

    def _stop_timers(self) -> None:
        for fragment_id in list(self._timers):
            self._stop_timer(fragment_id)

    # -- the live feed, as ui/train/live_feed.js reads it ---------------------------------------------
    def _stop_feed(self) -> None:
        if self._feed is not None:
            self._feed[1].cancel()
            self._feed = None

    async def _read_feed(self, path: str, every: float, per_epoch: bool, epoch: int) -> None:
        host, port = self.url.split("/")[2].split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Encoding: gzip\r\n"
                   f"Cookie: {self.cookie}\r\n\r\n").encode()
        try:
            started = time.perf_counter()
            while not self.closed:
                await asyncio.sleep(max(0.0, every - (time.perf_counter() - started)))  # as the script's timer
                started = time.perf_counter()
                writer.write(request)
                status, body = await _answer(reader)
                self.record.feeds.append(time.perf_counter() - started)
                snapshot = json.loads(body) if status in (200, 404) else None
                if snapshot is None:
                    continue
                if not snapshot.get("gone"):
                    self._progress(snapshot["status"])
                    every = snapshot["every"]
                if snapshot.get("gone") or not snapshot["running"]:  # the script asks the page to run again
                    await self._rerun_live_view()
                    return
                if per_epoch and snapshot["epoch"] > epoch:  # and once an epoch, for the table below it
                    epoch = snapshot["epoch"]
                    await self._rerun_live_view()
        except (ConnectionError, asyncio.IncompleteReadError, websockets.ConnectionClosed):
            return
        finally:
            writer.close()

    async def _rerun_live_view(self) -> None:
        fragments = list(self._timers)  # the live view's fragment (its 5 s timer), as the component's trigger
        await self._send(page_hash=self.page_hash, fragment_id=fragments[0] if fragments else "")

    async def _poll(self, fragment_id: str, interval: float) -> None:
        while not self.closed:
            await asyncio.sleep(interval)
            if self._poll_started is None:
                self._poll_started = time.perf_counter()
            self.record.polls_sent += 1
            try:
                await self._send(page_hash=self.page_hash, fragment_id=fragment_id)
            except websockets.ConnectionClosed:
                return


async def _answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One HTTP/1.1 answer from `reader`: its status and its body (gunzipped)."""
    status = int((await reader.readline()).split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":  # as a proxy may send it
        body = b""
        while size := int((await reader.readline()).split(b";")[0], 16):
            body += await reader.readexactly(size)
            await reader.readline()
        await reader.readline()
    else:
        body = await reader.readexactly(int(headers.get("content-length", 0)))
    if headers.get("content-encoding") == "gzip":
        body = zlib.decompress(body, 31)
    return status, body


# -- one student's lesson ------------------------------------------------------------------------------
TRAIN_QUERY = "lang=en&preset=playground_2d"  # a teacher's link: the Train page with TF Playground's 2-D network
BROWSE = ("tensors", "model")  # the pages a student looks at while their run waits or trains
THINK_SECONDS = (2.0, 5.0)  # a student reads for 2-5 s (uniform) between two actions


@dataclass
class Lesson:
    """What every student of a class does, and until when."""

    deadline: float  # time.monotonic() at which a student stops, finished or not
    class_size: int  # a finished student goes on browsing until every run of the class is done
    think: tuple[float, float] = THINK_SECONDS
    browse: tuple[str, ...] = BROWSE
    seed: int = 0
    min_visits: int = 3  # every student looks at another page at least this often, done or not


async def student(url: str, index: int, epochs: int, lesson: Lesson, record: Record) -> None:
    """One student: open the Train page, set `epochs` (nobody else's), Play, browse until the run is done.

    While on the Train page the tab polls the live view as a browser does; between actions it waits a
    think time. Errors (exceptions on a page, error messages, timeouts, a lost websocket, a run that shows
    other epochs than this student's) go to `record.errors`; the others go on.
    """
    import random

    name = f"student {index}"
    rng = random.Random(lesson.seed * 1_000 + index)
    tab = Tab(url, TRAIN_QUERY, record, name)
    finished = False

    async def think() -> None:
        await asyncio.sleep(rng.uniform(*lesson.think))

    try:
        await tab.open("train")
        await think()
        await tab.set_value("train_epochs", epochs, kind="set epochs")
        await think()
        tab.progress.clear()
        await tab.press("train_play", kind="play")
        visits = 0
        while time.monotonic() < lesson.deadline:
            await think()  # reading the Train page while the fragment polls
            if not finished and _run_done(tab, epochs, record, name):
                finished = True
                record.finished += 1
            if record.errors and any(error.startswith(f"{name}:") for error in record.errors):
                return
            if finished and record.finished >= lesson.class_size and visits >= lesson.min_visits:
                return
            await tab.go_to(lesson.browse[visits % len(lesson.browse)], kind="open another page")
            visits += 1
            await think()
            await tab.go_to("train", kind="back to Train")
        if not finished:
            record.errors.append(f"{name}: the run had not finished when the time was up ({tab.last_progress!r})")
    except Exception as error:  # a timeout or a lost websocket: counted, and the others go on
        record.errors.append(f"{name}: {type(error).__name__}: {str(error)[:160]}")
    finally:
        await tab.close()


def _run_done(tab: Tab, epochs: int, record: Record, name: str) -> bool:
    """Check every progress line drawn since the last look (isolation); True once it says the run is done."""
    from i18n import translate

    for text in tab.progress:
        shown = EPOCHS_SHOWN.search(text)
        if shown is None or int(shown.group(2)) == epochs:
            continue
        record.errors.append(f"{name}: asked for {epochs} epochs, the Train page shows {text!r}")
    tab.progress.clear()
    last = tab.last_progress
    shown = EPOCHS_SHOWN.search(last or "")
    return bool(last and last.startswith(translate("train.status_done", "en")) and shown
                and shown.group(1) == shown.group(2) == str(epochs))
