"""Every page runs without an exception in both languages, through the real entry point."""

import pytest
from streamlit.testing.v1 import AppTest

from i18n import translate
from tests.conftest import ROOT
from ui.pages import PAGES, use_entry_navigation


def open_page(path: str, lang: str, state: dict | None = None) -> AppTest:
    """Run the app in `lang` and switch to the page at `path`, with `state` in the session for the page's first run
    (an expander opened, as the student's click would)."""
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.session_state["lang"] = lang
    app.run()
    for key, value in (state or {}).items():
        app.session_state[key] = value
    if path != PAGES[0].path:
        app.switch_page(path).run()
    return app


def open_tab(app: AppTest, key: str, label: str) -> AppTest:
    """Open the tab whose label is the catalog's `label` among the page's tabs named `key` (ui/lazy.py draws only
    the open one), as the student's click would, and run."""
    app.session_state[key] = translate(label, app.session_state["lang"])
    return app.run()


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES, ids=[p.path for p in PAGES])
def test_page_runs_in_both_languages(page, lang):
    app = open_page(page.path, lang)
    assert not app.exception
    assert app.title, "every page has a title"


def test_language_comes_from_the_link():
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params["lang"] = "ko"
    app.run()
    assert app.title[0].value == "파이토치 신경망 놀이터"
    app.sidebar.radio(key="lang").set_value("en").run()
    assert app.title[0].value == "Torch Playground"


def test_entry_navigation_set_at_start_outlasts_the_pages_folder(monkeypatch):
    # What a server start-up relies on: set before the first session, the choice is not taken back
    # when a session's PagesManager finds pages/ beside streamlit_app.py.
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    use_entry_navigation()
    PagesManager(str(ROOT / "streamlit_app.py"))
    assert PagesManager.uses_pages_directory is False
