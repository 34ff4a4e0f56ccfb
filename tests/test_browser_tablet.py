"""At tablet width the pages keep their room: the sidebar folds away once, and a student may open it again."""

import pytest

from i18n import translate
from tests.browser import browser_page, needs_chromium, wait_for_app

pytestmark = [pytest.mark.browser, needs_chromium]

SIDEBAR = '[data-testid="stSidebar"]'


def _sidebar_width(page) -> float:
    page.wait_for_timeout(800)  # the fold is animated
    return page.locator(SIDEBAR).bounding_box()["width"] if page.locator(SIDEBAR).count() else 0.0


def test_the_sidebar_folds_on_a_tablet_and_stays_as_the_student_leaves_it(app_url):
    with browser_page(locale="ko-KR", width=800, height=1100) as page:
        page.goto(f"{app_url}/train?lang=ko")
        wait_for_app(page)
        assert _sidebar_width(page) < 10
        # The Train page's buttons are whole words again, not "일…".
        play = page.get_by_role("button", name=translate("train.play", "ko"), exact=True)
        assert play.is_visible() and play.evaluate("b => b.scrollWidth <= b.clientWidth + 1")
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        assert _sidebar_width(page) > 200
        page.reload()
        wait_for_app(page)
        assert _sidebar_width(page) > 200  # folded once per tab, not against the student's wish


def test_the_sidebar_stays_open_on_a_laptop(app_url):
    with browser_page(locale="en-US", width=1400, height=1000) as page:
        page.goto(f"{app_url}/train?lang=en")
        wait_for_app(page)
        assert _sidebar_width(page) > 200


def test_the_fold_script_comes_with_the_first_run_only(app_url):
    with browser_page(locale="en-US", width=800, height=1100) as page:
        page.goto(f"{app_url}/train?lang=en")
        wait_for_app(page)
        assert page.locator(".st-key-tablet_fold").count() == 1
        assert _sidebar_width(page) < 10
        page.get_by_role("button", name=translate("train.play", "en"), exact=True).click()  # the session's next run
        page.wait_for_timeout(1500)
        assert page.locator(".st-key-tablet_fold").count() == 0 and _sidebar_width(page) < 10
