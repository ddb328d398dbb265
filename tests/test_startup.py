"""What a rules run pays before its first page: no import it does not use."""

from __future__ import annotations

import subprocess
import sys


def test_the_cli_imports_no_llm_settings_until_an_llm_run_builds_them():
    heavy = ("pydantic_settings", "extractor.backends.llm.settings")
    probe = f"import sys, extractor.cli; print(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert shown == "[]"  # pydantic_settings costs every run its import; only _llm_settings needs it


def test_the_llm_defaults_are_the_settings_own():
    from extractor.backends.llm import defaults, settings

    assert settings.ConfigurationError is defaults.ConfigurationError  # one class: the CLI catches what the backend raises
    assert settings.LLMSettings.model_fields["chunk_chars"].default == defaults.DEFAULT_CHUNK_CHARS


def test_a_run_of_utf8_pages_never_loads_the_encoding_detector(tmp_path):
    """charset_normalizer is imported where a page is not UTF-8 (load._decode_detected), not when the CLI starts."""
    page = tmp_path / "page.txt"
    page.write_text("高新区今年实现营业收入120亿元。", encoding="utf-8")
    probe = (
        "import sys; from pathlib import Path; from extractor.text.load import read_text; "
        f"read_text(Path({str(page)!r})); print('charset_normalizer' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert shown == "False"


def test_the_cli_loads_the_scorer_and_the_page_writer_only_for_their_commands():
    """An extract run without --report pays neither their import nor, where no bytecode is written, their compile."""
    unused = ("extractor.tools.evaluate", "extractor.outputs.report")
    probe = (
        "import sys, extractor.cli; from extractor.outputs import writer_types; writer_types(); "
        f"print(sorted(m for m in sys.modules if m in {unused!r}))"
    )
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert shown == "[]"
    from extractor.outputs import writer_types

    assert writer_types(report=True)[-1].__module__ == "extractor.outputs.report"  # --report still writes the pages
