"""Cost and speed of the LLM path, against the loopback test server (not a test).

    python benchmarks/llm_cost.py [--corpus ../shared/corpus2] [--mode tools] [--chunk-chars N] [--delay 0.5] [--concurrency 1 4 16]
        [--gguf model.gguf --llama-python PY] [--extra "--context-tokens 32768 --max-output-tokens 16384"]

Reports, for the anchored and free modes: calls, documents, prompt tokens per
source token (targets: ≤ 1.3 anchored, ≤ 1.2 free), and per call the fixed
prefix (system message and answer schema, byte-identical across a run's calls)
against the variable part (date, candidates, texts), and where the tokens go (instructions and schema per call;
over the run the candidate marks, page lines, title/park/section lines, text markers and the text); then wall time at each
concurrency with the server waiting ``--delay`` seconds per call.

With ``--noise`` profiles the server answers like the small models of issue 20, and the
share of prompt tokens spent on re-asks is printed too. Tokens are counted on what was sent, with tiktoken's cl100k_base where
tiktoken has its vocabulary (offline: ``TIKTOKEN_CACHE_DIR``), else with the
project's estimate (extractor/text/tokens.py); the same counter for prompts and
source text. The source is each document's normalized text. With ``--gguf`` the
same ratios are printed in a local model's own tokens too (its vocabulary loaded
by llama_cpp in ``--llama-python``, a separate process: the project never needs it).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from extractor.backends.llm.prompting import ANY_MARK, PAGE_LINE, system_prompt, text_markers
from extractor.cli import main
from extractor.text.normalize import normalize
from extractor.text.tokens import estimate_tokens
from extractor.tools.testserver import FakeModelServer, Script

ROOT = Path(__file__).resolve().parent.parent
SEEDS, GOLD = ROOT / "seeds", ROOT / "seeds" / "gold"


def counter() -> tuple[Callable[[str], int], str]:
    """cl100k_base where tiktoken can load it, else the project's estimate."""
    try:
        import tiktoken

        encoding = tiktoken.get_encoding("cl100k_base")
        return (lambda text: len(encoding.encode(text, disallowed_special=()))), "tiktoken cl100k_base"
    except Exception:  # not installed, or no vocabulary offline
        return estimate_tokens, "estimate (extractor/text/tokens.py)"


_COUNT_TOKENS = """
import json, sys
from llama_cpp import Llama
model = Llama(model_path=sys.argv[1], vocab_only=True, verbose=False)
texts = json.load(sys.stdin)
print(json.dumps([len(model.tokenize(text.encode("utf-8"), add_bos=False, special=False)) for text in texts]))
"""


def model_counter(gguf: str, python: str) -> tuple[Callable[[str], int], str]:
    """A local model's own tokenizer; texts are counted in one batch per call of the counter's ``many``."""
    cache: dict[str, int] = {}

    def count(text: str) -> int:
        if text not in cache:
            many([text])
        return cache[text]

    def many(texts: list[str]) -> None:
        wanted = [t for t in dict.fromkeys(texts) if t not in cache]
        if wanted:
            done = subprocess.run([python, "-c", _COUNT_TOKENS, gguf], input=json.dumps(wanted), capture_output=True, text=True, check=True)
            cache.update(zip(wanted, json.loads(done.stdout), strict=True))

    count.many = many  # type: ignore[attr-defined]
    return count, f"the model's tokenizer ({Path(gguf).name})"


class RecordingServer(FakeModelServer):
    """The oracle, keeping every request it answers (what a call sends)."""

    def __init__(self, script: Script) -> None:
        super().__init__(script)
        self.sent: list[dict] = []

    def answer(self, request: dict) -> dict:
        self.sent.append(request)
        return super().answer(request)


def prompt_texts(request: dict) -> tuple[str, str]:
    """A request's fixed text (system message, tools or response format) and its variable text (the rest)."""
    messages = request.get("messages", [])
    fixed = "".join(str(m.get("content", "")) for m in messages if m.get("role") == "system")
    fixed += json.dumps(request.get("tools") or request.get("response_format") or {}, ensure_ascii=False)
    variable = "".join(str(m.get("content", "")) for m in messages if m.get("role") != "system")
    return fixed, variable


def split_prompt(request: dict, count: Callable[[str], int]) -> tuple[int, int, str]:
    """A request's fixed tokens, its variable ones, and the fixed text."""
    fixed, variable = prompt_texts(request)
    return count(fixed), count(variable), fixed


def is_reask(request: dict) -> bool:
    """instructor's re-ask: the conversation sent again with the invalid answer and the errors after it."""
    return any(m.get("role") == "assistant" for m in request.get("messages", [])) or len(request.get("messages", [])) > 2


def run(server: FakeModelServer, corpus: Path, out: Path, *flags: str) -> dict:
    quiet = io.StringIO()
    meta = ["--meta", str(corpus / "meta.csv")] if (corpus / "meta.csv").is_file() else []
    with redirect_stdout(quiet), redirect_stderr(quiet):
        arguments = ["extract", str(corpus), "-o", str(out), "--backend", "llm", "--base-url", server.base_url, "--model", "oracle"]
        code = main([*arguments, "--no-cache", *meta, *flags])
    if code != 0:
        raise SystemExit(f"extract failed ({code}):\n{quiet.getvalue()}")
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def main_benchmark() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SEEDS)
    parser.add_argument("--gold", type=Path, help="the corpus's gold answers (default: seeds/gold, or ../shared/gold/<corpus name>)")
    parser.add_argument("--mode", default="tools", help="instructor mode (--mode of extract)")
    parser.add_argument("--chunk-chars", type=int, help="--chunk-chars of extract (default: extract's)")
    parser.add_argument("--extra", default="", help="more flags of extract, e.g. \"--context-tokens 32768 --max-output-tokens 16384\"")
    parser.add_argument("--noise", nargs="*", default=[], help="the test server's noise profiles (extractor/tools/testserver.py NOISE)")
    parser.add_argument("--gguf", help="also count tokens with this GGUF model's tokenizer (llama_cpp, vocabulary only)")
    parser.add_argument("--llama-python", default=sys.executable, help="a Python that has llama_cpp (for --gguf)")
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, nargs="*", default=[1, 4, 16])
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    gold = args.gold or (GOLD if corpus == SEEDS else corpus.parent / "gold" / corpus.name)
    counters = [counter()] + ([model_counter(args.gguf, args.llama_python)] if args.gguf else [])
    pages = sorted(corpus.glob("*.txt"))
    texts = [normalize(p.read_text(encoding="utf-8")).text for p in pages]
    print(f"{corpus.name}: {len(pages)} documents, instructor mode {args.mode}")
    with RecordingServer(Script(gold_dir=gold)) as server, tempfile.TemporaryDirectory() as scratch:
        for extraction in ("anchored", "free"):
            server.reset(Script(gold_dir=gold, noise=tuple(args.noise)))
            server.sent = []
            budget = ["--chunk-chars", str(args.chunk_chars)] if args.chunk_chars else []
            flags = ("--extraction", extraction, "--mode", args.mode, *budget, *shlex.split(args.extra))
            manifest = run(server, corpus, Path(scratch) / extraction, *flags)
            for count, tokenizer in counters:
                report(extraction, server.sent, texts, count, tokenizer, manifest)
                print(where_tokens_go(extraction, server.sent, count))
        for concurrency in args.concurrency:
            server.reset(Script(gold_dir=gold, delay=args.delay))
            started = time.perf_counter()
            manifest = run(server, corpus, Path(scratch) / f"c{concurrency}", "--concurrency", str(concurrency))
            print(
                f"concurrency {concurrency:3d}: {time.perf_counter() - started:6.2f} s wall for {manifest['calls']} calls "
                f"at {args.delay:.2f} s each"
            )


def report(extraction: str, sent: list[dict], texts: list[str], count: Callable[[str], int], tokenizer: str, manifest: dict) -> None:
    """One line per extraction and tokenizer: prompt / source, the fixed prefix per call, the variable part, re-asks."""
    if hasattr(count, "many"):
        count.many([*texts, *(t for request in sent for t in prompt_texts(request))])
    source = sum(count(text) for text in texts)
    split = [split_prompt(request, count) for request in sent]
    fixed, variable = sum(s[0] for s in split), sum(s[1] for s in split)
    reasked = sum(s[0] + s[1] for s, request in zip(split, sent, strict=True) if is_reask(request))
    calls = len(split)
    print(
        f"{extraction:9s} [{tokenizer}, source {source}] calls {calls:3d}  prompt/source {(fixed + variable) / source:.2f}  "
        f"fixed/call {fixed / max(calls, 1):5.0f}  variable/call {variable / max(calls, 1):5.0f}  "
        f"variable/source {variable / source:.2f}  distinct prefixes {len({s[2] for s in split})}  "
        f"documents read {manifest['documents'].get('read', 0)} of {len(texts)}  "
        f"re-ask tokens / prompt tokens {reasked / max(fixed + variable, 1):.2f}"
    )


# The parts of a call's pages, each taken out on its own to count what it costs (tokens do not add up across a cut)
_PAGE_PARTS = {
    "marks": ANY_MARK,
    "page lines": re.compile(PAGE_LINE.pattern + r"\n?", re.MULTILINE),
    "title/park/section lines": re.compile(r"^(?:Title|Park|Section): [^\n]*\n", re.MULTILINE),
    "<<< >>>": re.compile("^(?:" + "|".join(re.escape(m) for m in text_markers()) + ")\n?", re.MULTILINE),
}


def where_tokens_go(extraction: str, sent: list[dict], count: Callable[[str], int]) -> str:
    """The prompt tokens of a run by what they carry: per call the instructions and the schema (the fixed prefix), and
    over the run each part of the pages (what taking it out saves), and the pages' own text."""
    fixed = [prompt_texts(request)[0] for request in sent if not is_reask(request)]
    pages = [prompt_texts(request)[1] for request in sent if not is_reask(request)]
    variants = {name: [pattern.sub("", page) for page in pages] for name, pattern in _PAGE_PARTS.items()}
    bare = pages
    for pattern in _PAGE_PARTS.values():
        bare = [pattern.sub("", page) for page in bare]
    if hasattr(count, "many"):
        count.many([system_prompt(extraction), *fixed, *pages, *bare, *(t for texts in variants.values() for t in texts)])
    calls = max(len(fixed), 1)
    instructions = count(system_prompt(extraction))
    schema = sum(count(text) for text in fixed) / calls - instructions
    whole = sum(count(page) for page in pages)
    saved = "  ".join(f"{name} {whole - sum(count(t) for t in texts)}" for name, texts in variants.items())
    return (
        f"{'':9s}   per call: instructions {instructions}, schema {schema:.0f};  over the run: {saved}  "
        f"text {sum(count(page) for page in bare)}"
    )


if __name__ == "__main__":
    main_benchmark()
