"""Shared test set-up: the project root on sys.path, and the real FashionMNIST folder when present."""

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The store (store/) writes to a throwaway SQLite file in tests, never to the user's data folder.
if "TORCH_PLAYGROUND_DATABASE_URL" not in os.environ:
    os.environ["TORCH_PLAYGROUND_DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='playground-test-')}/playground.db"

SHARED_FASHION = ROOT.parent / "shared" / "data" / "fashion-mnist"
if "FASHION_MNIST_DIR" not in os.environ and SHARED_FASHION.is_dir():
    os.environ["FASHION_MNIST_DIR"] = str(SHARED_FASHION)


@pytest.fixture(scope="module")
def app_url():
    """One `streamlit run` of the app on 127.0.0.1 per test module; its base URL."""
    from tests.browser import running_app

    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the whole session (tests/postgres.py); skipped, saying why, without one."""
    from tests.postgres import PostgresServer, binaries

    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip("Debian's postgresql package is not installed (make browser installs it as root)")
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.remove()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path, monkeypatch):
    """The store on a fresh real database, an SQLite file or a PostgreSQL database; its URL."""
    from store.database import URL_ENV, forget_engines
    from store.writer import writer

    assert writer().flush(60), "the previous test's saves are still waiting"
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'playground.db'}"
    else:
        server = request.getfixturevalue("postgres")
        server.ensure_running()  # a fault test may have stopped it
        url = server.create_database()
    monkeypatch.setenv(URL_ENV, url)
    forget_engines()
    yield url
    writer().flush(60)  # this test's saves land in this test's database
    forget_engines()
