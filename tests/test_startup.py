"""The server's start (ui/startup.py): warmed up before its health check answers, with a training
process and the gang process already started for the first Play, and serving the app as `streamlit run` would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from classroom.processes import PAGES_CORE_ENV
from tests.browser import ROOT, running_app
from ui.startup import server_config


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _command(pid: int) -> bytes:
    return Path(f"/proc/{pid}/cmdline").read_bytes()


def test_the_server_is_warm_when_its_health_check_answers():
    # As the second replica on one machine: its pages keep to the second core, its training to the others.
    with running_app({PAGES_CORE_ENV: "1"}) as url:
        servers = [pid for pid in _children(os.getpid()) if b"ui.startup" in _command(pid)]
        assert len(servers) == 1
        training = [pid for pid in _children(servers[0]) if b"classroom.child" in _command(pid)]
        assert len(training) == 1  # started by the warm-up: the first Play need not wait for it
        gang = [pid for pid in _children(servers[0]) if b"classroom.gang_child" in _command(pid)]
        assert len(gang) == 1  # the gang process too: the class's first 2-D runs need not wait for it
        allowed = sorted(os.sched_getaffinity(0))
        if len(allowed) > 1:
            assert os.sched_getaffinity(servers[0]) == {allowed[1]}
            for child in (*training, *gang):
                assert os.sched_getaffinity(child) == set(allowed) - {allowed[1]}
        for child in (*training, *gang):  # a child's environment is the server's when it started, before the
            # warm-up imported torch: the server's own threads use one torch thread each (ui/torch_threads.py)
            assert b"OMP_NUM_THREADS=1" in Path(f"/proc/{child}/environ").read_bytes().split(b"\0")
        loaded = Path(f"/proc/{servers[0]}/maps").read_text()
        assert "/uvloop/" in loaded and "/httptools/" in loaded  # uvicorn's C event loop and HTTP parser
        log = (ROOT / "artifacts" / f"streamlit-{url.rsplit(':', 1)[1]}.log").read_text()
        assert "warmed up in" in log
        assert "No runtime found" not in log  # @st.cache_data's warning while importing is kept quiet
        page = urllib.request.urlopen(url, timeout=30).read().decode()
        assert 'id="root"' in page  # Streamlit's frontend, served
        with pytest.raises(urllib.error.HTTPError) as gone:  # the live feed's route, beside Streamlit's own
            urllib.request.urlopen(f"{url}/live/not-a-feed", timeout=30)
        assert gone.value.code == 404 and json.loads(gone.value.read()) == {"gone": True}
        if (ROOT / "static" / "ort" / "ort.wasm.min.mjs").exists():  # static/ is served from the app's root
            assert urllib.request.urlopen(f"{url}/app/static/ort/ort.wasm.min.mjs", timeout=30).status == 200


def test_the_warm_up_makes_the_first_optimizer_so_that_no_play_waits_for_torch_to_import_its_compiler():
    # In a fresh interpreter: whether torch._dynamo is loaded is process-wide.
    code = ("import sys, torch; assert 'torch._dynamo' not in sys.modules, 'torch loads it anyway'; "
            "from ui.startup import _first_optimizer; _first_optimizer(); assert 'torch._dynamo' in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


def test_the_flags_of_streamlit_run_become_typed_config_options():
    assert server_config(["--server.port", "8765", "--server.headless=true", "--browser.gatherUsageStats", "false",
                          "--server.address", "127.0.0.1"]) == {
        "server.port": 8765, "server.headless": True, "browser.gatherUsageStats": False, "server.address": "127.0.0.1"}
    assert server_config([]) == {}
    for flags in (["--server.nothing", "1"], ["server.port", "1"], ["--server.port", "eighty"]):
        with pytest.raises(SystemExit, match="server"):  # a message naming the flag, not a traceback
            server_config(flags)
