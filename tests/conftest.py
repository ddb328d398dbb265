import importlib.util
import os
from pathlib import Path

import pytest
from hypothesis import settings

# Speed lives in benchmarks/, not in unit tests: a property test's first example pays for loading the knowledge
# files (hundreds of ms on a loaded machine), which Hypothesis's default 200 ms deadline reads as a failure.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent
SHARED_ENV = "EXTRACTOR_SHARED"


class Shared:
    """The material shared between checkouts (corpus, corpus2, gold): ``$EXTRACTOR_SHARED``, else ``../shared`` beside the checkout.

    It is not in the repository; the tests that need it skip when it is absent, the others run.
    """

    def root(self) -> Path:
        configured = os.environ.get(SHARED_ENV)
        return Path(configured) if configured else ROOT.parent / "shared"

    def find(self, name: str) -> Path | None:
        """``name`` (a folder of the shared material), or None when it is not here."""
        path = self.root() / name
        return path if path.is_dir() else None

    def need(self, name: str) -> Path:
        """``name``, or skip the asking test (only it) when it is not here."""
        path = self.find(name)
        if path is None:
            pytest.skip(f"{self.root() / name} is not here: put the shared material in ../shared or set {SHARED_ENV}")
        return path


SHARED = Shared()  # also for the test files that run as scripts


@pytest.fixture(scope="session")
def shared() -> Shared:
    """The one way a test reaches the shared material: ``shared.need("corpus")`` or ``shared.find("corpus")``."""
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a dotted name whose parent is missing
        return False


def needs(*modules: str) -> pytest.MarkDecorator:
    """Skip one test, not its whole file, when an optional dependency (the LLM or Dask extra) is not installed."""
    missing = [module for module in modules if not installed(module)]
    return pytest.mark.skipif(bool(missing), reason=f"not installed: {', '.join(missing)}")


def llm_extract(base_url: str, out: Path, paths, *flags: str) -> int:
    """``extractor extract`` with the LLM backend pointed at a test server (later flags win). Skips the calling test
    when the LLM extra (instructor) is not installed: only tests that run the backend need it."""
    pytest.importorskip("instructor")
    from extractor.cli import main

    return main(["extract", *map(str, paths), "-o", str(out), "--backend", "llm", "--base-url", base_url, "--model", "oracle", *flags])


def input_outcomes(out: Path) -> list[dict]:
    """Every input's outcome of the run in OUT_DIR: the lines of outcomes.jsonl (run.json has only the totals)."""
    import json

    with (out / "outcomes.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="session", autouse=True)
def _readings_cache(tmp_path_factory):
    """The registry's stored readings (extractor/domain/readings.py) go to a folder of the test session's, never to
    the user's cache; runs the tests start inherit it."""
    previous = os.environ.get("EXTRACTOR_CACHE_DIR")
    os.environ["EXTRACTOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("EXTRACTOR_CACHE_DIR", None)
    else:
        os.environ["EXTRACTOR_CACHE_DIR"] = previous
