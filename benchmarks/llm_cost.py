"""Cost and speed of the LLM path on the seeds, against the loopback test server (not a test).

    python benchmarks/llm_cost.py [--delay 0.5] [--concurrency 1 4 16]

Reports, for the anchored and free modes: calls, prompt and completion tokens
per article, and prompt tokens per source token (target ≤ 1.5 anchored); then
wall time at each concurrency with the server waiting ``--delay`` seconds per
call. Tokens are the server's estimate (extractor/text/tokens.py), the same
estimator for prompts and source text.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from extractor.cli import main
from extractor.text.normalize import normalize
from extractor.text.tokens import estimate_tokens
from extractor.tools.testserver import FakeModelServer, Script

ROOT = Path(__file__).resolve().parent.parent
SEEDS, GOLD = ROOT / "seeds", ROOT / "seeds" / "gold"


def run(server: FakeModelServer, out: Path, *flags: str) -> dict:
    quiet = io.StringIO()
    with redirect_stdout(quiet), redirect_stderr(quiet):
        code = main(
            [
                "extract",
                str(SEEDS),
                "-o",
                str(out),
                "--backend",
                "llm",
                "--base-url",
                server.base_url,
                "--model",
                "oracle",
                "--no-cache",
                *flags,
            ]
        )
    if code != 0:
        raise SystemExit(f"extract failed ({code}):\n{quiet.getvalue()}")
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def main_benchmark() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()
    source_tokens = sum(estimate_tokens(normalize(p.read_text(encoding="utf-8")).text) for p in sorted(SEEDS.glob("*.txt")))
    print(f"source: {len(list(SEEDS.glob('*.txt')))} pages, {source_tokens} tokens (estimated)")
    with FakeModelServer(Script(gold_dir=GOLD)) as server, tempfile.TemporaryDirectory() as scratch:
        for extraction in ("anchored", "free"):
            server.reset(Script(gold_dir=GOLD))
            manifest = run(server, Path(scratch) / extraction, "--extraction", extraction)
            articles = manifest["counts"]["articles"]
            prompt, completion = manifest["tokens"]["prompt"], manifest["tokens"]["completion"]
            print(
                f"{extraction:9s} calls {manifest['calls']:3d}  articles {articles}  "
                f"prompt/article {prompt / articles:7.0f}  completion/article {completion / articles:7.0f}  "
                f"prompt/source {prompt / source_tokens:.2f}"
            )
        for concurrency in args.concurrency:
            server.reset(Script(gold_dir=GOLD, delay=args.delay))
            started = time.perf_counter()
            manifest = run(server, Path(scratch) / f"c{concurrency}", "--concurrency", str(concurrency))
            print(
                f"concurrency {concurrency:3d}: {time.perf_counter() - started:6.2f} s wall for {manifest['calls']} calls "
                f"at {args.delay:.2f} s each"
            )


if __name__ == "__main__":
    main_benchmark()
