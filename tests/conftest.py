from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


def llm_extract(base_url: str, out: Path, paths, *flags: str) -> int:
    """``extractor extract`` with the LLM backend pointed at a test server (later flags win)."""
    from extractor.cli import main

    return main(["extract", *map(str, paths), "-o", str(out), "--backend", "llm", "--base-url", base_url, "--model", "oracle", *flags])
