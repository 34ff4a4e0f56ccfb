"""engine/, export/, classroom/ and store/ never import streamlit; every string exists in Korean and English."""

import re
import subprocess
import sys

from i18n import catalog, translate
from tests.conftest import ROOT


def in_fresh_python(code: str) -> None:
    """Run `code` in a new interpreter at the project's root; its assertions fail the test."""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_engine_export_classroom_and_store_do_not_import_streamlit():
    in_fresh_python("import sys, pkgutil, importlib, engine, export, classroom, store\n"
                    "for pkg in (engine, export, classroom, store):\n"
                    "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
                    "        importlib.import_module(m.name)\n"
                    "assert not any(name.split('.')[0] == 'streamlit' for name in sys.modules), 'streamlit'\n")


def test_every_string_has_korean_and_english():
    for key, (korean, english) in catalog().items():
        assert korean.strip() and english.strip(), key


def test_every_engine_error_is_translated():
    # an error key missing from the catalog would turn the student's explanation into a KeyError
    raised = {key for folder in ("engine", "export", "classroom", "store", "ui")
              for path in (ROOT / folder).rglob("*.py")
              for key in re.findall(r'PlaygroundError\(\s*"(\w+)"', path.read_text(encoding="utf-8"))}
    assert len(raised) > 50
    assert not {f"error.{key}" for key in raised} - catalog().keys()


def test_the_catalog_imports_nothing_from_the_app():
    # engine/ imports i18n (for the English str() of its errors), so i18n must not import engine/ or ui/
    in_fresh_python("import sys, i18n\n"
                    "i18n.catalog()\n"
                    "assert not any(name.split('.')[0] in ('engine', 'ui', 'export', 'classroom', 'streamlit')"
                    " for name in sys.modules), sorted(sys.modules)\n")


def test_placeholders_agree_between_languages():
    import string
    for key, pair in catalog().items():
        fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in pair]
        assert fields[0] == fields[1], key


def test_translate_formats_numbers():
    assert translate("error.spec_too_many_parameters", "ko", count=6_000_000, limit=5_000_000).startswith("이 신경망")
