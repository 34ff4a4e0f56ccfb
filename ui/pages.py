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
    """Make a deep link on a fresh server run through streamlit_app.py, not the page file alone.

    Until some session calls st.navigation, Streamlit treats an app with a pages/ folder as an old
    style multipage app and runs /model's file by itself (no sidebar, no language switch). The first
    such run flips Streamlit's process-wide switch, as st.navigation would, and reruns the app.
    """
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
