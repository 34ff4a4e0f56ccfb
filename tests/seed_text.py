"""The tutorials' own text (../shared/seeds/, or SEEDS_DIR), for tests that compare the app with the handout."""

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT


def seed_text(number: int) -> str:
    """The text of tutorial `number` (000-004); the calling test is skipped, saying why, when it is absent."""
    folder = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
    found = sorted(folder.glob(f"{number:03d}_*.txt"))
    if not found:
        pytest.skip(f"the tutorials' text is not in {folder} (set SEEDS_DIR)")
    return found[0].read_text(encoding="utf-8")


def printed_block(text: str, first_line: str) -> str:
    """An output block printed with 4 spaces of indent, from `first_line` to its closing line, dedented."""
    lines = text.splitlines()
    start = lines.index(f"    {first_line}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] == "    )")
    return "\n".join(line[4:] for line in lines[start:end + 1])
