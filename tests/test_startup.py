"""The server's start (ui/startup.py): warmed up before its health check answers, with a training
process and the gang process already started for the first Play, and serving the app as `streamlit run` would."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.browser import ROOT, running_app


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _command(pid: int) -> bytes:
    return Path(f"/proc/{pid}/cmdline").read_bytes()


def test_the_server_is_warm_when_its_health_check_answers():
    with running_app() as url:
        servers = [pid for pid in _children(os.getpid()) if b"ui.startup" in _command(pid)]
        assert len(servers) == 1
        training = [pid for pid in _children(servers[0]) if b"classroom.child" in _command(pid)]
        assert len(training) == 1  # started by the warm-up: the first Play need not wait for it
        gang = [pid for pid in _children(servers[0]) if b"classroom.gang_child" in _command(pid)]
        assert len(gang) == 1  # the gang process too: the class's first 2-D runs need not wait for it
        log = (ROOT / "artifacts" / f"streamlit-{url.rsplit(':', 1)[1]}.log").read_text()
        assert "warmed up in" in log
        assert "No runtime found" not in log  # @st.cache_data's warning while importing is kept quiet
        page = urllib.request.urlopen(url, timeout=30).read().decode()
        assert 'id="root"' in page  # Streamlit's frontend, served


def test_the_warm_up_makes_the_first_optimizer_so_that_no_play_waits_for_torch_to_import_its_compiler():
    # In a fresh interpreter: whether torch._dynamo is loaded is process-wide.
    code = ("import sys, torch; assert 'torch._dynamo' not in sys.modules, 'torch loads it anyway'; "
            "from ui.startup import _first_optimizer; _first_optimizer(); assert 'torch._dynamo' in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)
