"""A real PostgreSQL server for tests: Debian's binaries, a data folder and a socket in a temporary folder.

Postgres refuses to run as root, so as root it runs as the `postgres` user (Debian's package makes it)
or `nobody`. Only a Unix socket: no port to collide with another test run on the same machine.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (None when Debian's `postgresql` is not installed)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


def _user() -> str | None:
    if os.getuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return None


class PostgresServer:
    """One throwaway server: `start`, `stop` (a test may stop it mid-way), `url(database)`, `create_database`."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="pg-test-"))
        self.data, self.socket = self.root / "data", self.root / "run"
        self.socket.mkdir()
        self.user = _user()
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            for path in (self.root, self.socket):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        """Start (or start again) and wait until it accepts connections."""
        options = f"-k {self.socket} -c listen_addresses='' -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def ensure_running(self) -> None:
        """Start it unless its socket is there."""
        if not (self.socket / ".s.PGSQL.5432").exists():
            self.start()

    def stop(self) -> None:
        """Stop now (fast shutdown: open connections are cut, as when a server goes away)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) for `database` over the socket."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket}"

    def create_database(self) -> str:
        """A fresh, empty database's URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host=str(self.socket), user="postgres", dbname="postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def remove(self) -> None:
        """Stop if running and delete every file."""
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.root, ignore_errors=True)
