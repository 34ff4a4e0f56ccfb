"""Reading the IDX format the MNIST family ships in (gzip-compressed, big-endian header).

Layout: two zero bytes, a type code (0x08 = unsigned byte), the number of dimensions, then one
big-endian uint32 per dimension, then the values row-major.
"""

from __future__ import annotations

import gzip
import io
import struct
import zlib
from typing import BinaryIO

import torch

from engine.errors import PlaygroundError

_UBYTE = 0x08
_SLICE = 1 << 20


def _read_exactly(stream: BinaryIO, size: int, name: str, what: str) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise PlaygroundError("idx_malformed", file=name, reason=f"truncated {what}")
    return data


def read_idx_stream(stream: BinaryIO, name: str) -> torch.Tensor:
    """An IDX file's unsigned bytes, read from an open binary stream, as a uint8 tensor of its shape.

    The values are read straight into the tensor's own buffer: one copy of the data in memory,
    not a second one for a bytes object (47 MB for FashionMNIST's training images).
    """
    magic = _read_exactly(stream, 4, name, "header")
    if magic[0:2] != b"\x00\x00" or magic[2] != _UBYTE or magic[3] == 0:
        raise PlaygroundError("idx_malformed", file=name, reason="bad header")
    shape = struct.unpack(f">{magic[3]}I", _read_exactly(stream, 4 * magic[3], name, "header"))
    count = 1
    for size in shape:
        count *= size
    if count > 1 << 31:
        raise PlaygroundError("idx_malformed", file=name, reason=f"shape {list(shape)} is too large")
    buffer = bytearray(count)
    view, filled = memoryview(buffer), 0
    # in slices: GzipFile.readinto reads into a temporary bytes object as large as the slice it fills
    while filled < count and (got := stream.readinto(view[filled : filled + _SLICE])):
        filled += got
    if filled != count or stream.read(1):
        raise PlaygroundError("idx_malformed", file=name, reason=f"size does not match shape {list(shape)}")
    if count == 0:  # frombuffer refuses an empty buffer
        return torch.zeros(shape, dtype=torch.uint8)
    return torch.frombuffer(buffer, dtype=torch.uint8).reshape(shape)


def parse_idx(raw: bytes, name: str) -> torch.Tensor:
    """An uncompressed IDX file held in memory as a uint8 tensor (see `read_idx_stream`)."""
    return read_idx_stream(io.BytesIO(raw), name)


def read_idx_gz(path) -> torch.Tensor:
    """A `.gz` IDX file from disk as a uint8 tensor (see `read_idx_stream`)."""
    try:
        with gzip.open(path, "rb") as handle:
            return read_idx_stream(handle, str(path))
    except (OSError, EOFError, zlib.error) as error:  # not gzip, or cut short
        raise PlaygroundError("idx_malformed", file=str(path), reason=str(error) or type(error).__name__) from error
