"""Where the database is, and one SQLAlchemy engine per URL, migrated to the newest schema on first use."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

URL_ENV = "TORCH_PLAYGROUND_DATABASE_URL"
DATA_ENV = "TORCH_PLAYGROUND_DATA_DIR"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def data_dir() -> Path:
    """The data folder outside the repository: $TORCH_PLAYGROUND_DATA_DIR, else ~/.local/share/torch-playground."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "torch-playground"


def database_url() -> str:
    """$TORCH_PLAYGROUND_DATABASE_URL (sqlite:///path, postgresql+psycopg://...), else the data folder's SQLite file."""
    return os.environ.get(URL_ENV) or f"sqlite:///{data_dir() / 'playground.db'}"


def enabled() -> bool:
    """False when TORCH_PLAYGROUND_DATABASE_URL is "none": the app keeps work in memory only (benchmarks)."""
    return os.environ.get(URL_ENV, "").lower() != "none"


def engine(url: str | None = None) -> Engine:
    """The engine for `url` (default: `database_url()`), made and migrated once per process.

    Raises SQLAlchemyError or OSError when the database cannot be reached; the next call tries again.
    """
    url = url or database_url()
    with _lock:
        if url not in _engines:
            made = _make_engine(url)
            try:
                upgrade(made)
            except BaseException:
                made.dispose()
                raise
            _engines[url] = made
        return _engines[url]


def _make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        # pre_ping: a server restarted between two lessons leaves dead connections in the pool.
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, connect_args={"connect_timeout": 3})
    path = url.split("///", 1)[1] if "///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    made = create_engine(url, connect_args={"timeout": 5})

    @event.listens_for(made, "connect")
    def _pragmas(connection, _record) -> None:  # WAL: readers never wait for the writer
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA journal_size_limit=16000000")  # the WAL shrinks back after a burst of weights
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return made


def alembic_config(connection=None):
    """Alembic's configuration for store/migrations/, on `connection` when given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(made: Engine, revision: str = "head") -> None:
    """Migrate the database behind `made` to `revision` (the newest by default): next year's upgrade keeps the data."""
    from alembic import command

    with made.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(made: Engine, revision: str = "base") -> None:
    """Migrate back to `revision` (tests check every migration also goes down)."""
    from alembic import command

    with made.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def forget_engines() -> None:
    """Close every engine of this process (tests that switch databases; a server that shuts down)."""
    with _lock:
        for made in _engines.values():
            made.dispose()
        _engines.clear()
