"""Shared test set-up: the project root on sys.path, and the real FashionMNIST folder when present."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED_FASHION = ROOT.parent / "shared" / "data" / "fashion-mnist"
if "FASHION_MNIST_DIR" not in os.environ and SHARED_FASHION.is_dir():
    os.environ["FASHION_MNIST_DIR"] = str(SHARED_FASHION)


@pytest.fixture(scope="module")
def app_url():
    """One `streamlit run` of the app on 127.0.0.1 per test module; its base URL."""
    from tests.browser import running_app

    with running_app() as url:
        yield url
