"""The LLM backend against a real local model: rules, anchored and free on the shortest texts of a corpus.

    python -m llama_cpp.server --model model.gguf --n_ctx 8192 --n_threads 2 --port 8089 &
    python benchmarks/local_model.py --base-url http://127.0.0.1:8089/v1 --model local \
        [--texts 5 | --names A.txt,B.txt] [--runs rules,anchored,free] [--out DIR] [--score-only] \
        [--tokenizer-ratio model.gguf --llama-python .venv-llama/bin/python]

Each run is one `extractor extract` process on the same N shortest files (by size) of --corpus, with --meta; the
LLM runs add `--backend llm --local`, `--mode` (json by default: llama-cpp-python's server rejects json_schema),
`--context-tokens`, `--doc-timeout 0` and `--timeout 7200` (a CPU call takes minutes, on a loaded machine over
--local's 15; the measurement is of the model, not of the time limits) and a response cache of their own,
OUT/NAME-cache: delete it for a fresh measurement; a run stopped midway and started again, or on fewer texts, pays
nothing for the answers it has (the table counts them). Each run
is scored with extractor.tools.evaluate against the gold files of those documents only, and one table is printed:
figures P/R, label accuracy (subject, metric_key, period_end) beside the rules', the applied-label rate, dropped
items and documents lost (run.json), calls, re-asks, tokens and wall time. --score-only scores what --out holds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from extractor.outputs.jsonl import read_records
from extractor.text.load import read_text
from extractor.tools.evaluate import Score, evaluate

HERE = Path(__file__).resolve().parent
EXTRACTOR = [sys.executable, "-m", "extractor"]
RUNS = ("rules", "anchored", "free")
# a key the redactor can tell from the text: a one-letter key is masked wherever the letter occurs in an answer
DUMMY_KEY = "sk-local-no-key-needed"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    files = named(Path(args.corpus), args.names) if args.names else shortest(Path(args.corpus), args.texts)
    out = Path(args.out)
    runs = [name for name in args.runs.split(",") if name]
    if "rules" not in runs:
        runs.insert(0, "rules")  # the row every other row is read against
    rows = []
    for name in runs:
        target = out / name
        wall = None if args.score_only else run_extract(name, files, target, args)
        rows.append(score_run(name, target, files, Path(args.gold), wall))
    print(f"{len(files)} texts: {', '.join(path.name for path in files)}")
    print(table(rows))
    for row in rows:
        if row["dropped"]:
            print(f"{row['run']} dropped items: {dict(row['dropped'].most_common())}")
    for row in rows[1:]:
        print(disagreements(out / "rules", out / row["run"], files, Path(args.gold), row["run"]))
    if args.tokenizer_ratio:
        print(tokenizer_ratio(rows, files, args))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="the local server's OpenAI-compatible endpoint, e.g. http://127.0.0.1:8089/v1")
    parser.add_argument("--model", default="local", help="model name sent to the server (default: local)")
    parser.add_argument("--mode", default="json", help="instructor mode (default: json)")
    parser.add_argument("--context-tokens", type=int, default=8192, help="the server's n_ctx (default: 8192)")
    parser.add_argument("--texts", type=int, default=5, help="how many of the shortest texts (default: 5)")
    parser.add_argument("--names", help="comma-separated file names of --corpus to use instead of the shortest")
    parser.add_argument("--runs", default=",".join(RUNS), help="comma-separated of rules,anchored,free (rules always)")
    parser.add_argument("--corpus", default=str(HERE.parent / ".." / "shared" / "corpus2"))
    parser.add_argument("--meta", default=None, help="meta file (default: CORPUS/meta.csv)")
    parser.add_argument("--gold", default=str(HERE.parent / ".." / "shared" / "gold" / "corpus2"))
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "local-model-bench"), help="one folder per run")
    parser.add_argument("--score-only", action="store_true", help="score the runs --out already holds; run nothing")
    parser.add_argument("--timeout", type=float, default=7200, help="--timeout of the LLM runs (default: 7200 s; --local's 900 s was"
                        " passed by the first call of a loaded machine, whose retry then queued behind the abandoned answer)")
    parser.add_argument("--extra", default="", help="more flags for the LLM runs, e.g. '--max-output-tokens 1024'")
    parser.add_argument("--tokenizer-ratio", metavar="GGUF", help="also measure prompt / source in the model's tokens")
    parser.add_argument("--llama-python", default=sys.executable, help="a Python that has llama_cpp (for --tokenizer-ratio)")
    return parser


def shortest(corpus: Path, count: int) -> list[Path]:
    """The ``count`` smallest .txt files of ``corpus`` (by bytes, then name: the same set on every machine)."""
    files = sorted(corpus.glob("*.txt"), key=lambda path: (path.stat().st_size, path.name))
    if not files:
        raise SystemExit(f"no .txt files in {corpus}")
    return files[:count]


def named(corpus: Path, names: str) -> list[Path]:
    files = [corpus / name for name in names.split(",") if name]
    missing = [path.name for path in files if not path.is_file()]
    if missing:
        raise SystemExit(f"not in {corpus}: {', '.join(missing)}")
    return files


def llm_flags(name: str, args: argparse.Namespace, target: Path) -> list[str]:
    if not args.base_url:
        raise SystemExit(f"--base-url is needed for the {name} run")
    flags = ["--backend", "llm", "--extraction", name, "--local", "--base-url", args.base_url, "--model", args.model]
    flags += ["--mode", args.mode, "--context-tokens", str(args.context_tokens), "--doc-timeout", "0", "--timeout", str(args.timeout)]
    # beside the run folder, not in it: a rerun on fewer texts or after a stop pays nothing for answers it has
    return [*flags, "--cache-dir", str(target.parent / f"{name}-cache"), *args.extra.split()]


def run_extract(name: str, files: list[Path], target: Path, args: argparse.Namespace) -> float:
    """Run one `extractor extract` into a fresh ``target``; its wall time in seconds."""
    if name not in RUNS:
        raise SystemExit(f"unknown run {name!r}: give {', '.join(RUNS)}")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    meta = args.meta or str(Path(args.corpus) / "meta.csv")
    command = [*EXTRACTOR, "extract", *map(str, files), "--meta", meta, "-o", str(target)]
    if name != "rules":
        command += llm_flags(name, args, target)
    env = {**os.environ, "OPENAI_API_KEY": os.environ.get("OPENAI_API_KEY") or DUMMY_KEY}
    (target / "command.txt").write_text(" ".join(command) + "\n", encoding="utf-8")
    started = time.monotonic()
    with open(target / "console.txt", "w", encoding="utf-8") as console:
        done = subprocess.run(command, env=env, stdout=console, stderr=subprocess.STDOUT, check=False)
    wall = time.monotonic() - started
    (target / "wall.json").write_text(json.dumps({"seconds": wall, "exit": done.returncode}), encoding="utf-8")
    return wall


def gold_for(files: list[Path], gold_dir: Path, into: Path) -> Path:
    """A folder holding only the gold files of ``files``: the scoreboard counts every gold file it is given."""
    wanted = {path.name for path in files}
    for gold_file in sorted(gold_dir.glob("*.json")):
        if json.loads(gold_file.read_text(encoding="utf-8"))["doc"] in wanted:
            shutil.copy(gold_file, into / gold_file.name)
    return into


def score_run(name: str, target: Path, files: list[Path], gold_dir: Path, wall: float | None) -> dict:
    manifest = json.loads((target / "run.json").read_text(encoding="utf-8"))
    if wall is None and (target / "wall.json").exists():
        wall = json.loads((target / "wall.json").read_text(encoding="utf-8"))["seconds"]
    with tempfile.TemporaryDirectory() as scratch:
        figures = evaluate(read_records(target / "records.jsonl"), gold_for(files, gold_dir, Path(scratch)))["figures"]
    return {"run": name, "manifest": manifest, "figures": figures, "wall": wall, **_manifest_counts(manifest, target)}


def _outcomes(manifest: dict, target: Path) -> list[dict]:
    """Each input's outcome: outcomes.jsonl beside run.json (older run.json files list them under "inputs")."""
    if "inputs" in manifest:
        return manifest["inputs"]
    lines = (target / manifest["outcomes"]["file"]).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _manifest_counts(manifest: dict, target: Path) -> dict:
    labels = manifest.get("labels") or {}
    outcomes = _outcomes(manifest, target)
    return {
        "lost": sum(entry["status"] == "failed" for entry in outcomes),
        "documents": len(outcomes),
        "verified": {entry["doc"]: entry.get("figures_verified", 0) for entry in outcomes},
        "dropped": Counter(manifest.get("dropped_items") or {}),
        "labels": labels,
    }


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _labels(score: Score) -> str:
    parts = [score.attribute_accuracy if score.true_positives else None]
    parts += [score.label_accuracy(label) for label in ("metric_key", "period_end")]
    return " / ".join(_rate(part) for part in parts)


def table(rows: list[dict]) -> str:
    rules = rows[0]
    head = ("run", "figures P / R (matched)", "subject / metric_key / period_end", "rules' on the same", "applied labels",
            "dropped", "docs lost", "docs below rules", "calls (re-asks)", "tokens prompt / completion", "wall")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        lines.append("| " + " | ".join(_cells(row, rules)) + " |")
    return "\n".join(lines)


def _cells(row: dict, rules: dict) -> list[str]:
    figures, manifest, labels = row["figures"], row["manifest"], row["labels"]
    below = sum(row["verified"].get(doc, 0) < count for doc, count in rules["verified"].items())
    applied = f"{labels['applied']}/{labels['candidates']} ({_rate(labels.get('applied_label_rate'))})" if labels else "—"
    reasks = (manifest.get("reasks") or {}).get("sent", 0)
    cached = f", {manifest['cache_hits']} cached" if manifest.get("cache_hits") else ""
    tokens = manifest.get("tokens") or {}
    wall = "—" if row["wall"] is None else f"{row['wall']:.0f} s"
    return [
        row["run"] if row["run"] == "rules" else f"`--extraction {row['run']}`",
        f"{figures.precision:.2f} / {figures.recall:.2f} ({figures.true_positives})",
        _labels(figures),
        _labels(rules["figures"]),
        applied,
        str(sum(row["dropped"].values())),
        f"{row['lost']} of {row['documents']}",
        str(below),
        f"{manifest.get('calls', 0)} ({reasks}{cached})",
        f"{tokens.get('prompt', 0):,} / {tokens.get('completion', 0):,}",
        wall,
    ]


# a label kind, the gold field it is judged by, and the field saying where the rules read it (data/model_labels.toml)
JUDGED = {"subject": ("subject", "subject_from"), "metric_key": ("metric_key", "metric_from"),
          "period_end": ("period_end", "period_from"), "measure": ("measure", "metric_from"), "target": ("target", "metric_from")}


def judged_figures(target: Path, files: list[Path], gold_dir: Path) -> dict[tuple[str, int], tuple[dict, dict, bool]]:
    """Each matched figure of a run, by (doc, where its number starts): (record, its gold figure, subject right)."""
    judged: dict[tuple[str, int], tuple[dict, dict, bool]] = {}
    original = Score.judge_band

    def capture(self: Score, prediction: dict, gold: dict | None, subject_right: bool = False) -> None:
        if gold is not None and prediction.get("value_span"):
            judged[prediction["doc"], prediction["value_span"]["start"]] = (prediction, gold, subject_right)
        original(self, prediction, gold, subject_right)

    Score.judge_band = capture  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as scratch:
            evaluate(read_records(target / "records.jsonl"), gold_for(files, gold_dir, Path(scratch)))
    finally:
        Score.judge_band = original  # type: ignore[method-assign]
    return judged


def _right(kind: str, record: dict, gold: dict, subject_right: bool) -> bool | None:
    if kind == "subject":
        return subject_right
    field = JUDGED[kind][0]
    return None if field not in gold else record.get(field, "" if kind != "target" else False) == gold[field]


def disagreements(rules_dir: Path, llm_dir: Path, files: list[Path], gold_dir: Path, name: str) -> str:
    """Where the LLM run's label of a figure differs from the rules' label of the same number: which one the gold
    agrees with, per label kind and the scope the rules read theirs from (the measurement behind model_labels.toml)."""
    rules, llm = judged_figures(rules_dir, files, gold_dir), judged_figures(llm_dir, files, gold_dir)
    tally: Counter[tuple[str, str, str]] = Counter()
    for place, (record, gold, subject_right) in llm.items():
        if place not in rules:
            continue
        theirs, their_gold, their_subject = rules[place]
        for kind, (field, scope) in JUDGED.items():
            if record.get(field) == theirs.get(field):
                continue
            model_right, rules_right = _right(kind, record, gold, subject_right), _right(kind, theirs, their_gold, their_subject)
            if model_right is None:
                continue
            verdict = "both" if model_right and rules_right else "model" if model_right else "rules" if rules_right else "neither"
            tally[kind, theirs.get(scope, "?"), verdict] += 1
    lines = [f"{name}: labels that differ from the rules' on the same number, right by the gold (rules' scope: model / rules / neither)"]
    for kind in JUDGED:
        scopes = sorted({scope for k, scope, _ in tally if k == kind})
        cells = [f"{scope} {tally[kind, scope, 'model']}/{tally[kind, scope, 'rules']}/{tally[kind, scope, 'neither']}" for scope in scopes]
        lines.append(f"  {kind}: {', '.join(cells) or 'none differ'}")
    return "\n".join(lines)


_COUNT_TOKENS = """
import json, sys
from llama_cpp import Llama
model = Llama(model_path=sys.argv[1], vocab_only=True, verbose=False)
texts = json.load(sys.stdin)
print(json.dumps([len(model.tokenize(text.encode("utf-8"), add_bos=False, special=False)) for text in texts]))
"""


def tokenizer_ratio(rows: list[dict], files: list[Path], args: argparse.Namespace) -> str:
    """Prompt tokens the server counted (the model's own tokenizer, re-asks included) over the source's tokens."""
    texts = [read_text(path).text for path in files]
    done = subprocess.run([args.llama_python, "-c", _COUNT_TOKENS, args.tokenizer_ratio], input=json.dumps(texts),
                          capture_output=True, text=True, check=True)
    source = sum(json.loads(done.stdout))
    lines = [f"source: {source:,} tokens of the model's tokenizer over {len(files)} texts"]
    for row in rows[1:]:
        prompt = (row["manifest"].get("tokens") or {}).get("prompt", 0)
        lines.append(f"{row['run']}: prompt / source = {prompt:,} / {source:,} = {prompt / source:.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
