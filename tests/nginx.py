"""Debian's nginx in front of app replicas, from deploy/nginx.conf.template (the replicas test and the
load test's --replicas)."""

import contextlib
import shutil
import string
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.browser import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_installed() -> bool:
    """Whether Debian's nginx is on this machine (make test installs it as root)."""
    return Path(NGINX).exists()


@contextlib.contextmanager
def nginx_in_front(backend_urls: list[str]):
    """Run nginx from deploy/nginx.conf.template in front of the backends; yield its URL."""
    port = free_port()
    with tempfile.TemporaryDirectory() as prefix:
        backends = "\n        ".join(f"server {url.removeprefix('http://')};" for url in backend_urls)
        template = string.Template((ROOT / "deploy" / "nginx.conf.template").read_text())
        config = Path(prefix) / "nginx.conf"
        config.write_text(template.safe_substitute(LISTEN_PORT=port, BACKENDS=backends, PREFIX=prefix))
        process = subprocess.Popen([NGINX, "-c", str(config), "-p", prefix, "-g", "daemon off;"],
                                   stderr=subprocess.PIPE)
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(50):
                if process.poll() is not None:
                    raise RuntimeError(f"nginx stopped: {process.stderr.read().decode()}")
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                    break
                time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            process.wait(10)
