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


PAGES: tuple[PageInfo, ...] = (
    PageInfo("pages/home.py", "nav.home", "home.blurb", ":material/home:"),
    PageInfo("pages/model.py", "nav.model", "model.blurb", ":material/account_tree:"),
    PageInfo("pages/train.py", "nav.train", "train.blurb", ":material/model_training:"),
)
