"""Browser-test helpers: the real app, started as the class starts it (ui/startup.py) on 127.0.0.1, driven by
Debian's Chromium.

Nothing leaves loopback: Chromium starts with its background networking off, and `page_on_app`
fails any request to another host.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason="Debian's chromium is not installed (make test installs it as root)")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(extra_env: dict | None = None, timeout: float = 90) -> tuple[subprocess.Popen, str]:
    """Start the app's server (`python -m ui.startup`: warm-up, then `streamlit run streamlit_app.py`) on
    127.0.0.1 at a free port; its process and base URL once its health check answers."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    command = [sys.executable, "-m", "ui.startup", "--server.address", "127.0.0.1", "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log = open(ROOT / "artifacts" / f"streamlit-{port}.log", "w") if _artifacts() else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                return process, url
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        time.sleep(0.1)
    stop_app(process)
    raise TimeoutError("streamlit did not become healthy")


def stop_app(process: subprocess.Popen) -> None:
    """Stop a server `start_app` started (politely, then for good)."""
    process.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(10)
    process.kill()


@contextlib.contextmanager
def running_app(extra_env: dict | None = None, timeout: float = 90):
    """One app server (`start_app`) for the block; yields its base URL."""
    process, url = start_app(extra_env, timeout)
    try:
        yield url
    finally:
        stop_app(process)


def _artifacts() -> bool:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return True


@contextlib.contextmanager
def browser_page(locale: str = "en-US", width: int = 1400, height: int = 1000):
    """A Playwright page in headless Debian Chromium that refuses every request off loopback.

    The page records refused URLs in `page.refused` so a test can assert none were attempted.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield guarded_page(browser, locale, width, height)
        finally:
            browser.close()


def guarded_page(browser, locale: str = "en-US", width: int = 1400, height: int = 1000):
    """A page in a new context of `browser` (another person: no cookies, nothing cached) that refuses every
    request off loopback and records them in `page.refused`."""
    context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
    refused: list[str] = []

    def guard(route):
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        if host in ("127.0.0.1", "localhost", "") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.refused = refused
    return page


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no 'running' indicator)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector("h1", timeout=timeout)
    # Elements arrive as skeletons first; the run is over when none is left and nothing is "running".
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)
    page.wait_for_timeout(1000)


def set_epochs(page, epochs: int) -> None:
    """Type `epochs` into the Train page's epochs field and wait for the page to take it."""
    field = page.locator(".st-key-train_epochs input")
    field.fill(str(epochs))
    field.press("Enter")
    wait_for_app(page)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under artifacts/screenshots/ for a person to look at."""
    _artifacts()
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
