"""Two app replicas behind nginx (Debian's package) on 127.0.0.1: a browser's requests stick to one
replica, different browsers spread over both, Streamlit's websocket passes through, and with a shared
PostgreSQL store a student whose replica dies finds their work on the other."""

import os
import signal
import urllib.request

import pytest

from tests.browser import browser_page, needs_chromium, running_app, start_app, stop_app, wait_for_app
from tests.nginx import nginx_in_front, nginx_installed
from tests.test_browser_saving import epoch_counter, model_parameters, train_a_little

pytestmark = pytest.mark.skipif(not nginx_installed(),
                                reason="Debian's nginx is not installed (make test installs it as root)")


def _upstream(url: str, cookie: str | None) -> tuple[str, list[str]]:
    request = urllib.request.Request(f"{url}/_stcore/health", headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.headers["X-Upstream"], response.headers.get_all("Set-Cookie")


@pytest.fixture(scope="module")
def two_replicas():
    with running_app() as first, running_app() as second, nginx_in_front([first, second]) as url:
        yield url, {first.removeprefix("http://"), second.removeprefix("http://")}


def test_a_browser_sticks_to_one_replica_and_browsers_spread(two_replicas):
    url, replicas = two_replicas
    seen = set()
    for student in range(12):
        cookie = f"tp_route=student-{student}"
        answers = {_upstream(url, cookie)[0] for _ in range(5)}
        assert len(answers) == 1, "one browser, one replica"
        seen |= answers
    assert seen == replicas, "a class spreads over both replicas"
    _, set_cookies = _upstream(url, None)
    route = [c for c in set_cookies if c.startswith("tp_route=")]
    assert route and "HttpOnly" in route[0], "a first visit gets its route cookie"


@needs_chromium
def test_the_app_works_through_nginx_websocket_included(two_replicas):
    url, _ = two_replicas
    with browser_page() as page:
        page.goto(f"{url}/?lang=en")
        wait_for_app(page)  # the page's content only arrives over the websocket
        assert page.locator("h1").first.inner_text() == "Torch Playground"
        page.goto(f"{url}/model?lang=en")
        wait_for_app(page)
        assert "669,706" in page.content()
        assert page.refused == []


@needs_chromium
def test_a_student_whose_replica_dies_finds_their_work_on_the_other(postgres):
    postgres.ensure_running()
    env = {"TORCH_PLAYGROUND_DATABASE_URL": postgres.create_database()}  # both replicas share it
    (first, first_url), (second, second_url) = start_app(env), start_app(env)
    replicas = {first_url.removeprefix("http://"): first, second_url.removeprefix("http://"): second}
    try:
        with nginx_in_front([first_url, second_url]) as url, browser_page() as page:
            page.goto(f"{url}/?lang=en")
            wait_for_app(page)
            trained = train_a_little(page, url)
            route = next(c["value"] for c in page.context.cookies() if c["name"] == "tp_route")
            serving = _upstream(url, f"tp_route={route}")[0]
            victim = replicas[serving]
            os.kill(victim.pid, signal.SIGKILL)  # replica A dies mid-lesson
            victim.wait(10)
            page.goto(f"{url}/train?lang=en")  # the next page lands on replica B
            wait_for_app(page)
            assert _upstream(url, f"tp_route={route}")[0] != serving
            assert epoch_counter(page) == trained
            assert model_parameters(page, url)
            assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        for process in replicas.values():
            stop_app(process)
