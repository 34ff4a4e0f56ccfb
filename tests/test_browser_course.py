"""The guided course as a student meets it in Chromium: follow a tutorial from Home, go to the step's
page from the sidebar panel, and have an answer checked; a screenshot of each language for a person."""

import pytest

from engine.course import PATHS
from i18n import translate
from tests.browser import browser_page, needs_chromium, screenshot, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_follow_a_tutorial_from_home_to_a_checked_answer(app_url, lang):
    step = PATHS["t000"].steps[1]  # NeuralNetwork on the Model page: its parameter count
    with browser_page(locale="ko-KR" if lang == "ko" else "en-US") as page:
        page.goto(f"{app_url}/?lang={lang}")
        wait_for_app(page)
        page.locator('[data-testid="stButton"] button').filter(has_text=translate("course.start", lang)).first.click()
        wait_for_app(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.locator("button").filter(has_text=translate("course.next", lang)).click()
        wait_for_app(page)
        sidebar.locator('[data-testid="stPageLink"] a').last.click()
        wait_for_app(page)
        assert page.locator("h1").first.inner_text() == translate("model.title", lang)
        sidebar.locator("input[type=text]").last.fill(step.exercise.answer())
        sidebar.locator("button").filter(has_text=translate("course.check", lang)).click()
        wait_for_app(page)
        assert sidebar.get_by_text(translate("course.right", lang)).count() == 1
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, f"course-{lang}")
        assert page.refused == []
