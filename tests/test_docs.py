"""The README and docs/ name only paths that exist, and link only to files that exist: docs cannot go stale
silently when a file moves."""

import re

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"```(\w*)\n(.*?)```", re.S)
INLINE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def named_paths(text: str) -> set[str]:
    """Repository paths a document names: words with a slash, or ending in .py, in inline code and in shell
    blocks (not their comments). URLs, absolute paths, paths outside the repository (`~`, `..`) and
    placeholders are not ones."""
    shell = " ".join(re.sub(r"#.*", "", body) for kind, body in FENCE.findall(text) if kind in ("bash", "sh"))
    words = " ".join(INLINE.findall(FENCE.sub("", text))).split() + shell.split()
    return {word.rstrip(".,:;") for word in words
            if ("/" in word or word.endswith(".py")) and "://" not in word and not re.search(r"[<>|=\[\]{}()]", word)
            and not word.startswith(("/", "~", "..", "-", "$"))}


def exists(path: str) -> bool:
    """A file or folder of the checkout; a glob must match at least one."""
    return any(ROOT.glob(path)) if "*" in path else (ROOT / path).exists()


@pytest.mark.parametrize("doc", DOCS, ids=[d.relative_to(ROOT).as_posix() for d in DOCS])
def test_every_path_a_document_names_exists(doc):
    text = doc.read_text(encoding="utf-8")
    missing = sorted(path for path in named_paths(text) if not exists(path))
    assert not missing, f"{doc.name} names paths that do not exist: {missing}"
    broken = [link for link in LINK.findall(text) if "://" not in link and not (doc.parent / link).exists()]
    assert not broken, f"{doc.name} links to files that do not exist: {broken}"


def test_the_checker_sees_paths_and_skips_what_is_not_one():
    text = ("`engine/network/spec.py`, `streamlit_app.py`, `python -m classroom.child`, `i18n/<area>.py`, "
            "`/app/static/ort/`, `~/.cache/x`, `http://localhost:8501`\n"
            "```bash\nnice bench/load_test.py --x 1  # in ko/en\n```\n"
            "```python\nimport a/b\n```\n")
    assert named_paths(text) == {"engine/network/spec.py", "streamlit_app.py", "bench/load_test.py"}
