"""engine/ and export/ never import streamlit; every string exists in Korean and English."""

import subprocess
import sys

from engine.errors import ENGLISH
from i18n import catalog, translate
from tests.conftest import ROOT


def test_engine_and_export_do_not_import_streamlit():
    code = ("import sys, pkgutil, importlib, engine, export\n"
            "for pkg in (engine, export):\n"
            "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
            "        importlib.import_module(m.name)\n"
            "assert not any(name.split('.')[0] == 'streamlit' for name in sys.modules), 'streamlit imported'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_string_has_korean_and_english():
    for key, (korean, english) in catalog().items():
        assert korean.strip() and english.strip(), key


def test_every_engine_error_is_translated():
    for key in ENGLISH:
        assert f"error.{key}" in catalog()


def test_placeholders_agree_between_languages():
    import string
    for key, pair in catalog().items():
        fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in pair]
        assert fields[0] == fields[1], key


def test_translate_formats_numbers():
    assert translate("error.spec_too_many_parameters", "ko", count=6_000_000, limit=5_000_000).startswith("이 신경망")
