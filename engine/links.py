"""A whole setup in a URL parameter, like TF Playground's URL hash: compact, and safe to open.

`encode_setup` packs a JSON-ready dict (spec, training config, data options, ...) into a short
URL-safe string; `decode_setup` unpacks one from a link that anybody may have edited, refusing
anything malformed or oversized with a PlaygroundError (the page then falls back to defaults).
"""

from __future__ import annotations

import base64
import json
import zlib

from engine.errors import PlaygroundError

MAX_LINK_CHARS = 8_000  # browsers and proxies cut URLs near 8 KB
MAX_JSON_BYTES = 64_000  # a zip bomb stops here, however small the link
VERSION = 1


def encode_setup(setup: dict) -> str:
    """`setup` as a URL-safe string (JSON, deflated, base64url without padding)."""
    raw = json.dumps({"v": VERSION, **setup}, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def decode_setup(text: str) -> dict:
    """The dict a link carries; PlaygroundError('link_invalid') for anything that is not one of ours."""
    if not isinstance(text, str) or not text or len(text) > MAX_LINK_CHARS:
        raise PlaygroundError("link_invalid")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_JSON_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise ValueError("too large or truncated")
        data = json.loads(raw)
    except (ValueError, zlib.error, UnicodeDecodeError) as error:
        raise PlaygroundError("link_invalid") from error
    if not isinstance(data, dict) or data.pop("v", None) != VERSION:
        raise PlaygroundError("link_invalid")
    return data
