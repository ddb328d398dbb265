"""Time of the rules pipeline against the length of one document: it must grow linearly.

Not a test: run it with `python benchmarks/linearity.py [--sizes 0.4 1.6 6.4] [--timeout 300]`.
Two hostile shapes, each at every size (MB of UTF-8), each in a fresh process with a time limit:

- ``paragraph``: the seed pages' sentences as ONE paragraph, with no byline, heading or
  line break, so the whole document is one article and one paragraph (every look-back
  that starts at the paragraph or article start is paid in full);
- ``digits``: one run of digits with 万 and 亿 between them and no other character
  (the number grammar's worst case);
- ``lists``: numbers joined by 、, every other one with a unit (the shared-unit reading of lists).

It prints seconds per size and the ratio of each step to the one before: with sizes
growing 4× a linear pipeline shows a ratio near 4, a quadratic one near 16.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MB = 1_000_000
# Byline markers and headings would split the page into articles; the benchmark wants one.
_SPLITTERS = re.compile(r"◎本报记者[^，。]*|本报讯|科技日报讯?|新华社|中新网|#+|【[^】]*】|[（(]来源[:：][^）)]*[）)]")


def paragraph(size: int) -> str:
    """Seed sentences, renumbered copy by copy, joined into one paragraph of about ``size`` UTF-8 bytes."""
    seeds = [_SPLITTERS.sub("", p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    body = "".join("".join(line.split()) for text in seeds for line in text.splitlines())
    return _repeated(size, lambda copy: re.sub(r"\d", lambda m: str((int(m.group()) + copy) % 10), body), first=0)


def digits(size: int) -> str:
    """A run of digits with 万/亿 between them: 1万23亿456万7890亿…"""
    return _repeated(size, lambda n: f"{n}{'万亿'[n % 2]}")


def lists(size: int) -> str:
    """Numbers joined by 、, every other one with its unit: 1、2家、3、4家… (bare numbers share a listed unit)."""
    return _repeated(size, lambda n: f"{n}{'家' if n % 2 else ''}、")


def _repeated(size: int, piece: Callable[[int], str], first: int = 1) -> str:
    """piece(first), piece(first + 1), … joined until ``size`` UTF-8 bytes, cut there."""
    pieces, length, n = [], 0, first
    while length < size:
        pieces.append(piece(n))
        length += len(pieces[-1].encode("utf-8"))
        n += 1
    return _cut("".join(pieces), size)


def _cut(text: str, size: int) -> str:
    data = text.encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


SHAPES = {"paragraph": paragraph, "digits": digits, "lists": lists}

_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from benchmarks.linearity import SHAPES
from extractor import extract_text
text = SHAPES[{shape!r}]({size})
started = time.perf_counter()
result = extract_text(text, "bench")
print(time.perf_counter() - started, len(result.articles), sum(len(a.figures) for a in result.articles))
"""


def measure(shape: str, size: int, timeout: float) -> tuple[float | None, str]:
    """Seconds to extract one document of ``size`` bytes in a fresh process (None past the timeout)."""
    code = _CHILD.format(root=str(ROOT), shape=shape, size=size)
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, f"did not finish in {timeout:.0f} s"
    if done.returncode != 0:
        return None, f"failed after {time.perf_counter() - started:.1f} s: {done.stderr.strip().splitlines()[-1:]}"
    seconds, articles, figures = done.stdout.split()
    return float(seconds), f"{articles} article(s), {figures} figures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.4, 1.6, 6.4], help="document sizes in MB")
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=300, help="seconds allowed per document")
    args = parser.parse_args()
    for shape in args.shapes:
        previous = None
        gave_up = False
        for megabytes in args.sizes:
            if gave_up:  # a larger document would not finish either
                print(f"{shape:9} {megabytes:5.2f} MB        —   (not run: a smaller one did not finish)", flush=True)
                continue
            seconds, note = measure(shape, int(megabytes * MB), args.timeout)
            gave_up = seconds is None
            ratio = f"  ×{seconds / previous:.1f}" if seconds and previous else ""
            shown = f"{seconds:8.2f} s" if seconds is not None else "       — "
            print(f"{shape:9} {megabytes:5.2f} MB {shown}{ratio}  ({note})", flush=True)
            previous = seconds


if __name__ == "__main__":
    main()
