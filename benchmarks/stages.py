"""Characters per CPU second per stage of the rules pipeline, end to end (read, extract, write).

Not a test: run it with `python benchmarks/stages.py [--copies 30] [--keep DIR]`. It writes COPIES
numbered copies of the seed pages (every digit shifted by the copy's number, so no two pages are
the same text and no memo makes a repeat free), runs `extractor extract` on them in this process,
and charges each CPU second to the innermost stage running at the time (a stage's own time, not
what it calls in another stage). It prints, per stage, its CPU seconds, its share and the
characters per CPU second it would allow alone; then the whole run's rate.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# stage name → (module, attribute) of the functions whose time is that stage's; a class's __init__ is timed by its name.
STAGES: dict[str, list[tuple[str, str]]] = {
    "load": [("extractor.text.load", "read_text")],
    "meta": [("extractor.domain.meta", "document_meta")],
    "normalize": [("extractor.text.normalize", "normalize")],
    "segment": [("extractor.text.segment", "segment")],
    "parks": [
        ("extractor.backends.rules.parks", "find_park_mentions"),
        ("extractor.backends.rules.parks", "collect_parks"),
        ("extractor.backends.rules.parks", "clean_park_names"),
    ],
    "zone names": [("extractor.checks.identity", "DocumentZones")],
    "entities": [("extractor.backends.rules.subjects", "find_entities")],
    "number grammar": [("extractor.domain.numbers", "find_quantities")],
    "labels": [("extractor.backends.rules.labels", "label_figure")],
    "subjects": [("extractor.backends.rules.subjects", "subject_of")],
    "periods": [("extractor.domain.periods", "PeriodIndex"), ("extractor.domain.periods", "resolve_figure_periods")],
    "tables": [("extractor.text.tables", "find_tables")],
    "figures (rest)": [("extractor.backends.rules.figures", "extract_figures")],
    "quotes": [("extractor.backends.rules.quotes", "extract_quotes")],
    "initiatives": [("extractor.backends.rules.initiatives", "extract_initiatives")],
    "merge": [("extractor.checks.merge", "merge_article")],
    "verify": [("extractor.checks.verify", "verify_in_place"), ("extractor.checks.verify", "settle_shared_numbers")],
    "render": [("extractor.outputs", "render_article")],
    # the writers, each apart (a "Class.method" is timed on its class): what "other" held before
    "write records.jsonl": [
        ("extractor.outputs.jsonl", "JsonlWriter.render"),
        ("extractor.outputs.jsonl", "JsonlWriter.write_article"),
        ("extractor.outputs.jsonl", "JsonlWriter.end_document"),
        ("extractor.outputs.jsonl", "JsonlWriter.finish"),
    ],
    "write records.sqlite": [
        ("extractor.outputs.sqlite", "SqliteWriter.render"),
        ("extractor.outputs.sqlite", "SqliteWriter.begin_document"),
        ("extractor.outputs.sqlite", "SqliteWriter.write_article"),
        ("extractor.outputs.sqlite", "SqliteWriter.end_document"),
        ("extractor.outputs.sqlite", "SqliteWriter.finish"),
    ],
    "write CSVs": [("extractor.outputs.csv", "CsvWriter.finish")],
    "write run.json": [("extractor.outputs.manifest", "ManifestWriter.finish")],
}


def copies(target: Path, count: int) -> int:
    """COUNT renumbered copies of every seed page in target; their total characters."""
    total = 0
    for copy in range(count):
        for page in sorted(SEEDS.glob("*.txt")):
            text = re.sub(r"\d", lambda m, c=copy: str((int(m.group()) + c) % 10), page.read_text(encoding="utf-8"))
            (target / f"{copy:02d}_{page.name}").write_text(text, encoding="utf-8")
            total += len(text)
    return total


class StageClock:
    """Exclusive CPU time per stage: a stack of running stages; a switch charges the time since the last one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack = ["other (runner, writers)"]
        self._since = time.process_time()

    def _switch(self, stage: str | None) -> None:
        now = time.process_time()
        self.seconds[self._stack[-1]] += now - self._since
        self._since = now
        if stage is None:
            self._stack.pop()
        else:
            self._stack.append(stage)

    def stop(self) -> None:
        """Charge the time since the last switch to the stage running now."""
        self._switch(self._stack[-1])

    def timed(self, stage: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            self._switch(stage)
            try:
                result = function(*args, **kwargs)
            finally:
                self._switch(None)
            return self._lazy(stage, result) if inspect.isgenerator(result) else result

        return wrapper

    def _lazy(self, stage: str, generator: Iterator) -> Iterator:
        """A generator's work is done when it is read: each step is the stage's."""
        while True:
            self._switch(stage)
            try:
                item = next(generator)
            except StopIteration:
                return
            finally:
                self._switch(None)
            yield item

    def install(self) -> None:
        """Wrap every stage function, wherever a module of the package holds it."""
        import importlib

        for stage, targets in STAGES.items():
            for module_name, attribute in targets:
                if "." in attribute:
                    owner, method = attribute.split(".")
                    self._method_timed(stage, getattr(importlib.import_module(module_name), owner), method)
                    continue
                original = getattr(importlib.import_module(module_name), attribute)
                wrapped = self._class_timed(stage, original) if isinstance(original, type) else self.timed(stage, original)
                for name, module in list(sys.modules.items()):
                    if name.startswith("extractor") and getattr(module, attribute, None) is original:
                        setattr(module, attribute, wrapped)

    def _method_timed(self, stage: str, cls: type, name: str) -> None:
        """A method of a class, timed where the class defines it (a static method stays one)."""
        for owner in cls.__mro__:
            if name in vars(owner):
                original = vars(owner)[name]
                if isinstance(original, staticmethod):
                    setattr(owner, name, staticmethod(self.timed(stage, original.__func__)))
                else:
                    setattr(owner, name, self.timed(stage, original))
                return

    def _class_timed(self, stage: str, cls: type) -> type:
        init = cls.__init__
        cls.__init__ = self.timed(stage, init)  # type: ignore[method-assign]
        return cls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="write the pages and outputs here (kept) instead of a temporary folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="stages-"))
    pages, out = folder / "pages", folder / "out"
    shutil.rmtree(out, ignore_errors=True)
    pages.mkdir(parents=True, exist_ok=True)
    characters = copies(pages, args.copies)
    importing = time.process_time()
    from extractor.cli import main as cli

    imported = time.process_time() - importing  # paid once per process; the data files load later, in the stage that reads them

    clock = StageClock()
    clock.install()
    started = time.process_time()
    with contextlib.suppress(SystemExit):  # the CLI ends with its exit status
        cli(["extract", str(pages), "-o", str(out)])
    clock.stop()
    total = time.process_time() - started
    print(f"pages: {args.copies * len(list(SEEDS.glob('*.txt')))}, characters: {characters:,}, CPU seconds: {total:.2f}")
    print(f"{'stage':24} {'CPU s':>7} {'share':>6} {'chars/CPU s':>13}")
    for stage, seconds in sorted(clock.seconds.items(), key=lambda item: -item[1]):
        print(f"{stage:24} {seconds:7.2f} {seconds / total:6.1%} {characters / max(seconds, 1e-9):13,.0f}")
    print(f"{'end to end':24} {total:7.2f} {1:6.1%} {characters / total:13,.0f}")
    print(f"{'import (before the run)':24} {imported:7.2f}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
