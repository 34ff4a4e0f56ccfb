"""Test helpers for data files: small IDX .gz files, and a local HTTP server that misbehaves on request."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np


def idx_bytes(array: np.ndarray) -> bytes:
    """An uncompressed IDX file (unsigned bytes) holding `array`."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    return bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape) + array.tobytes()


def small_fashion_files(n_train: int = 30, n_test: int = 10, seed: int = 0) -> dict[str, bytes]:
    """The four FashionMNIST file names with small, random, valid .gz contents."""
    rng = np.random.default_rng(seed)
    parts = {"train": n_train, "t10k": n_test}
    files = {}
    for part, n in parts.items():
        files[f"{part}-images-idx3-ubyte.gz"] = gzip.compress(idx_bytes(rng.integers(0, 256, (n, 28, 28))))
        files[f"{part}-labels-idx1-ubyte.gz"] = gzip.compress(idx_bytes(np.arange(n) % 10))
    return files


def md5(data: bytes) -> str:
    """Hex MD5 of bytes."""
    return hashlib.md5(data).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}
    mode = "ok"  # "ok", "delayed" (0.2 s), "slow" (answers after the client gave up), "truncate" (closes halfway)
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.requests.append(self.path)
        body = self.files.get(self.path.lstrip("/"))
        if body is None:
            self.send_error(404)
            return
        if self.mode in ("slow", "delayed"):
            time.sleep(1.5 if self.mode == "slow" else 0.2)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.mode == "truncate":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def file_server(files: dict[str, bytes], mode: str = "ok"):
    """Serve `files` on 127.0.0.1 at a free port; yield (base_url, list of requested paths)."""
    handler = type("Handler", (_Handler,), {"files": files, "mode": mode, "requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", handler.requests
    finally:
        server.shutdown()
        server.server_close()
