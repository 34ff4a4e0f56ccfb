"""Downloading a file safely: a timeout, a progress callback, an MD5 check, and no half files.

Bytes go to `<name>.part` first; only when the whole file is there and its MD5 matches is it renamed
to its real name (an atomic `os.replace`), so an interrupted or corrupt download never counts.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import urllib.request
from collections.abc import Callable
from pathlib import Path

from engine.errors import PlaygroundError

Progress = Callable[[int, int | None], None]  # (bytes so far, total bytes or None when unknown)
CHUNK = 1 << 16


def file_md5(path: Path) -> str:
    """The hex MD5 of a file on disk, read in chunks."""
    digest = hashlib.md5()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def download_file(url: str, destination: Path, md5: str | None, timeout: float = 30.0,
                  progress: Progress | None = None, sha256_prefix: str | None = None) -> Path:
    """Fetch `url` into `destination`, checking its MD5 (or, with `sha256_prefix`, that its SHA-256 starts so,
    as torch.hub names its files: vgg16-397923af.pth); raise PlaygroundError on any failure."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    part = destination.with_name(destination.name + ".part")
    digest, received = (hashlib.sha256() if sha256_prefix else hashlib.md5()), 0
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(part, "wb") as out:
            total = response.headers.get("Content-Length")
            total = int(total) if total and total.isdigit() else None
            while block := response.read(CHUNK):
                out.write(block)
                digest.update(block)
                received += len(block)
                if progress:
                    progress(received, total)
        if total is not None and received != total:
            raise PlaygroundError("download_incomplete", file=destination.name, got=received, expected=total)
        if not (digest.hexdigest().startswith(sha256_prefix) if sha256_prefix else digest.hexdigest() == md5):
            raise PlaygroundError("download_checksum", file=destination.name)
    except PlaygroundError:
        part.unlink(missing_ok=True)
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:  # timeouts, resets, cut-short bodies
        part.unlink(missing_ok=True)
        reason = getattr(error, "reason", None) or error
        raise PlaygroundError("download_failed", file=destination.name, reason=str(reason) or type(error).__name__) \
            from error
    os.replace(part, destination)
    return destination
