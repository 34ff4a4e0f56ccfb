"""Reading the IDX format the MNIST family ships in (gzip-compressed, big-endian header).

Layout: two zero bytes, a type code (0x08 = unsigned byte), the number of dimensions, then one
big-endian uint32 per dimension, then the values row-major.
"""

from __future__ import annotations

import gzip
import struct
import zlib

import torch

from engine.errors import PlaygroundError

_UBYTE = 0x08


def parse_idx(raw: bytes, name: str) -> torch.Tensor:
    """An uncompressed IDX file's unsigned bytes as a uint8 tensor of its declared shape."""
    if len(raw) < 4 or raw[0:2] != b"\x00\x00" or raw[2] != _UBYTE or raw[3] == 0:
        raise PlaygroundError("idx_malformed", file=name, reason="bad header")
    ndim = raw[3]
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise PlaygroundError("idx_malformed", file=name, reason="truncated header")
    shape = struct.unpack(f">{ndim}I", raw[4:header])
    count = 1
    for size in shape:
        count *= size
    if len(raw) - header != count:
        raise PlaygroundError("idx_malformed", file=name,
                              reason=f"{len(raw) - header} values for shape {list(shape)}")
    # frombuffer over a bytearray: one copy we own, writable, no extra float copy
    return torch.frombuffer(bytearray(raw[header:]), dtype=torch.uint8).reshape(shape)


def read_idx_gz(path) -> torch.Tensor:
    """A `.gz` IDX file from disk as a uint8 tensor (see `parse_idx`)."""
    try:
        with gzip.open(path, "rb") as handle:
            raw = handle.read()
    except (OSError, EOFError, zlib.error) as error:  # not gzip, or cut short
        raise PlaygroundError("idx_malformed", file=str(path), reason=str(error) or type(error).__name__) from error
    return parse_idx(raw, str(path))
