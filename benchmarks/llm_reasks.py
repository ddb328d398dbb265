"""Re-ask tokens against the loopback server's noisy profiles (issue 20): every profile, both extractions, each corpus.

    python benchmarks/llm_reasks.py [--corpora seeds ../shared/corpus ../shared/corpus2] [--profiles ids enums …] [--mode json]
        [--faults malformed wrong_shape --fault-rate 0.2]

Prints, per corpus, extraction and profile: calls, re-asks, prompt tokens, the re-asks' prompt tokens and their
share of all prompt tokens (target ≤ 0.15), counted on what each request sent (tiktoken's cl100k_base where it has its
vocabulary, else the project's estimate), and
the documents that did not end read. A re-ask is a request carrying an earlier answer (an assistant message).
The noisy profiles' faults are dropped item by item, never re-asked; ``--faults`` adds answers that are (invalid
JSON, the wrong shape) at ``--fault-rate``, to measure what a re-ask costs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from llm_cost import GOLD, SEEDS, RecordingServer, counter, is_reask, run, split_prompt

from extractor.tools.testserver import NOISE, Script

count, TOKENIZER = counter()


def sweep(corpus: Path, extraction: str, profile: str, mode: str, scratch: Path, faults: tuple[str, ...], rate: float) -> dict[str, float]:
    """One run of a corpus under one profile: its calls, re-asks and their prompt tokens."""
    gold = GOLD if corpus == SEEDS else corpus.parent / "gold" / corpus.name
    script = Script(gold_dir=gold, noise=(profile,), fault_rate=rate if faults else 0.0, fault_kinds=faults or ("500",))
    with RecordingServer(script) as server:
        manifest = run(server, corpus, scratch / f"{corpus.name}-{extraction}-{profile}", "--extraction", extraction, "--mode", mode)
        tokens = [sum(split_prompt(request, count)[:2]) for request in server.sent]
        reasked = [t for t, request in zip(tokens, server.sent, strict=True) if is_reask(request)]
    documents = manifest["documents"]
    return {
        "calls": len(tokens),
        "reasks": len(reasked),
        "prompt": sum(tokens),
        "reask_prompt": sum(reasked),
        "not_read": sum(n for status, n in documents.items() if status != "read"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpora",
        type=Path,
        nargs="*",
        default=[SEEDS, SEEDS.parent.parent / "shared" / "corpus", SEEDS.parent.parent / "shared" / "corpus2"],
    )
    parser.add_argument("--profiles", nargs="*", default=sorted(NOISE))
    parser.add_argument("--mode", default="json")
    parser.add_argument("--faults", nargs="*", default=[], help="answers that are re-asked, at --fault-rate: malformed wrong_shape")
    parser.add_argument("--fault-rate", type=float, default=0.2)
    args = parser.parse_args()
    worst = 0.0
    print(f"tokens: {TOKENIZER}")
    with tempfile.TemporaryDirectory() as scratch:
        for corpus in (c.resolve() for c in args.corpora):
            for extraction in ("anchored", "free"):
                for profile in args.profiles:
                    row = sweep(corpus, extraction, profile, args.mode, Path(scratch), tuple(args.faults), args.fault_rate)
                    share = row["reask_prompt"] / max(row["prompt"], 1)
                    worst = max(worst, share)
                    print(
                        f"{corpus.name:8s} {extraction:8s} {profile:12s} calls {row['calls']:3.0f}  re-asks {row['reasks']:3.0f}  "
                        f"prompt tokens {row['prompt']:7.0f}  re-ask tokens {row['reask_prompt']:6.0f}  share {share:.3f}  "
                        f"documents not read {row['not_read']:.0f}",
                        flush=True,
                    )
    print(f"largest re-ask share {worst:.3f} (target ≤ 0.15)")


if __name__ == "__main__":
    main()
