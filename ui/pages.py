"""The app's pages, in menu order: one list that the navigation and the home page's links share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """A page file with its menu title and one-line description (catalog keys) and icon."""

    path: str
    title_key: str
    blurb_key: str
    icon: str

    @property
    def url_path(self) -> str:
        """The page's path in the browser: "" for home, else the file's name ("model")."""
        return "" if self.path == PAGES[0].path else self.path.removeprefix("pages/").removesuffix(".py")


PAGES: tuple[PageInfo, ...] = (
    PageInfo("pages/home.py", "nav.home", "home.blurb", ":material/home:"),
    PageInfo("pages/tensors.py", "nav.tensors", "tensors.blurb", ":material/grid_on:"),
    PageInfo("pages/data.py", "nav.data", "data.blurb", ":material/dataset:"),
    PageInfo("pages/model.py", "nav.model", "model.blurb", ":material/account_tree:"),
    PageInfo("pages/layers.py", "nav.layers", "layers.blurb", ":material/layers:"),
    PageInfo("pages/activations.py", "nav.activations", "act.blurb", ":material/show_chart:"),
    PageInfo("pages/autograd.py", "nav.autograd", "autograd.blurb", ":material/hub:"),
    PageInfo("pages/train.py", "nav.train", "train.blurb", ":material/model_training:"),
    PageInfo("pages/export.py", "nav.export", "export.blurb", ":material/deployed_code:"),
    PageInfo("pages/teacher.py", "nav.teacher", "lesson.blurb", ":material/school:"),
)


def use_entry_navigation() -> None:
    """Tell Streamlit, for the whole process, that this app navigates with st.navigation, not pages/.

    Streamlit takes an app with a pages/ folder (the name is fixed here) for an old-style multipage app
    until some session calls st.navigation: until then /model runs pages/model.py alone, without
    streamlit_app.py's sidebar and language switch. A server start-up that calls this before serving
    makes the first lesson link on a fresh server run through the entry script like every later one.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False  # what st.navigation itself sets


def require_entry() -> None:
    """Make a page opened directly run inside streamlit_app.py, not alone.

    Each page calls this first, because a bare page run starts nowhere else: on a server started
    without use_entry_navigation() (plain `streamlit run`) before any session has navigated, and in
    every AppTest run (AppTest forgets the process's choice before each run, then sees pages/). Then we
    run the entry script here, which navigates back to this page, and stop the bare run. No rerun, so a
    button click in this run is not lost. Otherwise this is one attribute read.
    """
    import runpy
    from pathlib import Path

    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        use_entry_navigation()
        runpy.run_path(str(Path(__file__).resolve().parent.parent / "streamlit_app.py"))
        st.stop()
