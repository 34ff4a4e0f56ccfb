"""onnxruntime on the server's CPU, with one InferenceSession per distinct model kept for reuse.

Sessions are keyed by the SHA-256 of the model bytes: the same bytes always mean the same model, so a
session may be shared between reruns (and students) without leaking anyone's state.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

import numpy as np
import onnxruntime as ort

MAX_SESSIONS = 8  # a classroom exports a handful of models at a time; older sessions are dropped

_sessions: OrderedDict[str, ort.InferenceSession] = OrderedDict()
_lock = threading.Lock()


def model_digest(onnx_bytes: bytes) -> str:
    """SHA-256 of the model file, hex: its identity on the server and in the browser."""
    return hashlib.sha256(onnx_bytes).hexdigest()


def session_for(onnx_bytes: bytes) -> ort.InferenceSession:
    """The (cached) CPU InferenceSession for these model bytes."""
    digest = model_digest(onnx_bytes)
    with _lock:
        if digest in _sessions:
            _sessions.move_to_end(digest)
            return _sessions[digest]
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # many students share the server's cores
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(onnx_bytes, options, providers=["CPUExecutionProvider"])
    with _lock:
        _sessions[digest] = session
        while len(_sessions) > MAX_SESSIONS:
            _sessions.popitem(last=False)
    return session


def run_onnx(onnx_bytes: bytes, batch: np.ndarray) -> np.ndarray:
    """The model's first output for a float32 batch, computed by onnxruntime."""
    session = session_for(onnx_bytes)
    name = session.get_inputs()[0].name
    return session.run(None, {name: np.ascontiguousarray(batch, dtype=np.float32)})[0]
