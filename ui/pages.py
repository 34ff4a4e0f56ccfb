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


def require_entry() -> None:
    """Make a page opened directly run inside streamlit_app.py, not alone.

    Until some session of the process calls st.navigation, Streamlit treats an app with a pages/
    folder as an old-style multipage app and runs /model's file by itself (no sidebar, no language
    switch): a lesson link on a freshly started server, and every AppTest run of a page. Then we run
    the entry script here, which navigates back to this page, and stop the bare run. No rerun, so a
    button click in this run is not lost.
    """
    import runpy
    from pathlib import Path

    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False  # as st.navigation does, for the whole process
        runpy.run_path(str(Path(__file__).resolve().parent.parent / "streamlit_app.py"))
        st.stop()
