"""The server's start: warm up once, then run Streamlit.

    .venv/bin/python -m ui.startup [the flags of `streamlit run`, e.g. --server.port 8501]

Without a warm-up, a fresh server's first student pays for it: their first page imports torch,
plotly, pandas and the page helpers, and their first Play waits for a training process to start and
import torch. So this launcher, run from the project's root, warms the server's own process first and
then serves streamlit_app.py as `streamlit run streamlit_app.py FLAGS` would, through Streamlit's
st.App, which also serves the live feed's route (/live/<token>, ui/train/feed.py) beside Streamlit's
own. The server listens, and its health check (`/_stcore/health`) answers, only after the warm-up: no
student reaches a cold server. Uvicorn serves it on uvloop and httptools (requirements.txt), which it takes
when they are installed: a page run hands the event loop each of its messages from the script's thread,
and asyncio's own loop made that a good part of every page's cost (docs/measurements.md).

First, before anything imports torch, one torch thread for every thread of the process (ui/torch_threads.py).
The warm-up, once per server, explicitly here (no module does work when imported):
- starts the first training process and the gang process (`classroom().pool.warm()`, `.gang.warm()`):
  they import torch and warm up in their own processes while this one imports, and the health check
  waits for them, so neither the first page nor the first Play shares the cores with them; then keeps
  this process on the pages' core (classroom/processes.py `pages_cores`), off the training ones;
- imports every module under ui/, which is everything the pages import (torch, plotly, pandas,
  Streamlit's elements, the engine), the few modules Streamlit imports on a first page, and merges
  the ko/en catalog (i18n), and makes one optimizer (torch imports its compiler for the first);
- tells Streamlit that the app navigates with st.navigation (see `warm_up`);
- opens the store (store/database.py), migrating its schema to the newest revision, and ends expired classes;
- freezes what the imports left behind, out of the garbage collector's way (ui/gc_freeze.py).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
import time
from pathlib import Path

ENTRY = Path(__file__).resolve().parent.parent / "streamlit_app.py"
# Modules Streamlit itself imports on a first page only, to check the navigation's icons.
STREAMLIT_FIRST_PAGE = ("streamlit.emojis", "streamlit.material_icon_names")


def _open_store() -> None:
    """Migrate the store to the newest schema now (Alembic: upgrade head), not in the first student's page,
    and end the classes past their days."""
    from sqlalchemy.exc import SQLAlchemyError

    from store.classes import expire_classes
    from store.database import enabled, engine

    if not enabled():
        return
    try:
        engine()
        expire_classes()
    except (SQLAlchemyError, OSError) as error:  # the app starts anyway; saving says it is paused
        logging.getLogger(__name__).warning("the store cannot be opened: %s", str(error).splitlines()[0])


def _first_optimizer() -> None:
    """Make one optimizer now: torch imports its compiler (torch._dynamo) when the first is made. In the first
    Play of a class that took the pages' core for a second while holding Python's import lock, and the
    other students' Plays waited behind it (bench/load_test.py --scenario circle)."""
    import torch

    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)


def warm_up() -> None:
    """Do now, once, what the first student's first page and first Play would otherwise wait for."""
    from streamlit.runtime.caching import cache_data_api

    from classroom.child import pin_threads
    from classroom.processes import pages_cores
    from ui.train.job import classroom

    room = classroom()
    warming = [room.pool.warm(), room.gang.warm()]  # first, so the processes import torch while this one imports
    cores = pages_cores()  # asked once: pinned, this process sees no other core
    if cores:
        pin_threads(set(cores))  # the pages keep to their core; the training processes pin themselves

    import ui
    from i18n import catalog
    from ui.gc_freeze import freeze_after_imports
    from ui.pages import use_entry_navigation

    # @st.cache_data, applied at import, warns that no server runs: one does by the first call, with its caches.
    quiet = logging.getLogger(cache_data_api.__name__)
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        for module in pkgutil.walk_packages(ui.__path__, "ui."):
            if module.name != __spec__.name:  # this module is running already
                importlib.import_module(module.name)
    finally:
        quiet.setLevel(level)
    for name in STREAMLIT_FIRST_PAGE:
        importlib.import_module(name)
    catalog()  # every area's strings, merged once: the first page's title needs them
    _first_optimizer()
    _open_store()
    use_entry_navigation()  # before anyone comes: a first lesson link takes no detour (ui/pages.py)
    freeze_after_imports()
    for thread in warming:  # a process still importing torch beside the first page would slow that page down
        thread.join()


def server_config(flags: list[str]) -> dict:
    """`streamlit run`'s config flags (`--server.port 8501`, `--server.headless=true`) as typed config options.

    Raises SystemExit with a message for a word that is not a config flag, or a value of the wrong type.
    """
    from streamlit import config

    options, words = {}, list(flags)
    while words:
        word = words.pop(0)
        name, equals, value = word.removeprefix("--").partition("=")
        option = config._config_options_template.get(name) if word.startswith("--") else None
        if option is None:
            raise SystemExit(f"not a config flag of `streamlit run`: {word!r} (e.g. --server.port 8501)")
        if not equals:
            value = words.pop(0) if words else ""
        try:
            options[name] = value.lower() in ("true", "1", "yes") if option.type is bool else option.type(value)
        except ValueError:
            raise SystemExit(f"--{name} wants a {option.type.__name__}, not {value!r}") from None
    return options


def main(flags: list[str]) -> None:
    """Warm up, then serve streamlit_app.py as `streamlit run` would with `flags`, with the live feed's route
    beside Streamlit's own (ui/train/feed.py); returns when the server stops."""
    from ui.torch_threads import one_thread_before_torch

    started = time.monotonic()
    one_thread_before_torch()  # one torch thread in every thread of this process (ui/torch_threads.py)
    options = server_config(flags)
    warm_up()
    print(f"Torch Playground: warmed up in {time.monotonic() - started:.2f} s", flush=True)
    import streamlit as st

    from ui.gc_freeze import space_out_collections
    from ui.train.feed import feed_routes
    from ui.widget_state import one_key_lookups

    space_out_collections()  # a class's sessions: fewer collections that hold every page still
    one_key_lookups()  # each widget asks for its own key, not a copy of the session (ui/widget_state.py)
    sys.argv = [str(ENTRY)]  # App.run finds .streamlit/config.toml and static/ beside its launcher: the app's root
    st.App(str(ENTRY), routes=feed_routes()).run(config=options)


if __name__ == "__main__":
    main(sys.argv[1:])
