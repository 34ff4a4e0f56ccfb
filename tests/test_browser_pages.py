"""The app as a person sees it: every page opens in headless Chromium in both languages, no request
leaves 127.0.0.1, and a screenshot of each lands in artifacts/screenshots/."""

import pytest

from i18n import translate
from tests.browser import browser_page, needs_chromium, running_app, screenshot, wait_for_app
from ui.pages import PAGES

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_opens_in_chromium(app_url, lang):
    with browser_page(locale="ko-KR" if lang == "ko" else "en-US") as page:
        for info in PAGES:
            slug = info.path.removeprefix("pages/").removesuffix(".py")
            target = app_url if info is PAGES[0] else f"{app_url}/{slug}"
            page.goto(f"{target}?lang={lang}")
            wait_for_app(page)
            title = page.locator("h1").first.inner_text(timeout=30_000)
            assert title.strip(), info.path
            assert page.locator('[data-testid="stException"]').count() == 0, info.path
            screenshot(page, f"{slug}-{lang}")
        assert page.refused == []


def test_browser_locale_picks_korean(app_url):
    with browser_page(locale="ko-KR") as page:
        page.goto(app_url)
        wait_for_app(page)
        assert translate("app.title", "ko") in page.locator("h1").first.inner_text()


def test_a_deep_link_on_a_fresh_server_gets_the_whole_app():
    # The first visit of a new server goes straight to /model: it must still get the sidebar, the
    # language from the link and the app's navigation, not the page file run alone.
    with running_app() as url, browser_page(locale="en-US") as page:
        page.goto(f"{url}/model?lang=ko")
        wait_for_app(page)
        assert page.locator("h1").first.inner_text() == translate("model.title", "ko")
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_by_text(translate("sidebar.language", "ko")).count() == 1
        assert sidebar.get_by_text(translate("nav.teacher", "ko")).count() == 1


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_tab_draws_when_opened_and_its_boxes_keep_what_was_typed(app_url, lang):
    # The Tensors page draws only its open tab (ui/lazy.py): a click on another tab reruns the tabs alone.
    with browser_page(locale="ko-KR" if lang == "ko" else "en-US") as page:
        page.goto(f"{app_url}/tensors?lang={lang}")
        wait_for_app(page)
        box = page.locator(".st-key-tensors_data input")
        box.fill("[[5, 6], [7, 8]]")
        box.press("Enter")
        page.get_by_text("[[5, 6], [7, 8]]").first.wait_for(timeout=30_000)  # the lesson ran on it
        assert page.locator(".st-key-tensors_index").count() == 0  # the Indexing tab is not drawn yet
        page.get_by_role("tab", name=translate("tensors.tab_index", lang)).click()
        page.locator(".st-key-tensors_index input").wait_for(timeout=30_000)
        assert page.locator(".st-key-tensors_data").count() == 0  # the closed tab is gone from the page
        page.get_by_role("tab", name=translate("tensors.tab_create", lang)).click()
        page.locator(".st-key-tensors_data input").wait_for(timeout=30_000)
        assert page.locator(".st-key-tensors_data input").input_value() == "[[5, 6], [7, 8]]"
        screenshot(page, f"tensors-tab-back-{lang}")
        assert page.locator('[data-testid="stException"]').count() == 0
