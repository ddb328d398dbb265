"""Issue 19 item 7, not yet applied: move extractor's top-level modules into packages, rewriting every import.

usage: python scripts/regroup_packages.py CHECKOUT && ruff check --fix CHECKOUT   (git mv; imports re-sorted by ruff)

A script rather than a hand edit so that it can be applied last, after the branches that touch the same modules
land. Tried on 1f8766e: 1,694 tests passed; tests/test_architecture.py must then name the new paths.
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGES = {  # package -> (one-line job, modules moved into it)
    "text": ("Reading text in: files to normalized pages, structure, tables, segments and token counts.",
             ["load", "normalize", "structure", "tables", "segment", "tokens"]),
    "knowledge": ("Domain knowledge services: quantities, periods, zone names, the registry, publication meta.",
                  ["numbers", "periods", "zonenames", "registry", "meta", "knowledge:loader"]),
    "checks": ("After a backend answers: verify numbers against the source, resolve parks, merge, grade confidence.",
               ["verify", "identity", "merge", "confidence"]),
    "run": ("Run machinery: one document, a run over many, resume budget, local and Dask engines.",
            ["pipeline", "document", "runner", "engines", "cluster"]),
    "tools": ("Tooling kept apart from what a run imports: the evaluator, the loopback LLM server, the CLI docs.",
              ["evaluate", "testserver", "clidoc"]),
}
EXTRA = {"facts": "outputs.facts", "schemas": "outputs.schemas", "chunk": "backends.llm.chunk",
         "review.decisions": "checks.decisions"}


def mapping(root: Path) -> dict[str, str]:
    """Old dotted module -> new dotted module, for modules that exist in this checkout."""
    out: dict[str, str] = {}
    for pkg, (_, mods) in PACKAGES.items():
        for entry in mods:
            old, _, new = entry.partition(":")
            if (root / "extractor" / f"{old}.py").exists():
                out[f"extractor.{old}"] = f"extractor.{pkg}.{new or old}"
    for old, new in EXTRA.items():
        if (root / "extractor" / (old.replace(".", "/") + ".py")).exists():
            out[f"extractor.{old}"] = f"extractor.{new}"
    return out


def modname(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def package_of(mod: str, is_init: bool) -> str:
    return mod if is_init else mod.rsplit(".", 1)[0]


def relative(from_pkg: str, target: str) -> str:
    """The relative module text (dots + rest) naming target from inside from_pkg."""
    a, b = from_pkg.split("."), target.split(".")
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    dots = "." * (len(a) - common + 1)
    return dots + ".".join(b[common:])


def rewrite_python(text: str, old_mod: str, new_mod: str, is_init: bool, remap: dict[str, str], old_modules: set[str]) -> str:
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    old_pkg, new_pkg = package_of(old_mod, is_init), package_of(new_mod, is_init)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        absolute = not node.level
        if absolute:  # `from extractor import registry`: only where a name is a moved module
            if node.module != "extractor" and not (node.module or "").startswith("extractor."):
                continue
            if not any(f"{node.module}.{a.name}" in remap for a in node.names):
                continue
            resolved = node.module
        else:
            base = old_pkg.split(".")[: len(old_pkg.split(".")) - (node.level - 1)]
            resolved = ".".join(base + ([node.module] if node.module else []))
        groups: dict[str, list[str]] = {}
        for alias in node.names:
            sub = f"{resolved}.{alias.name}"
            text_alias = alias.name + (f" as {alias.asname}" if alias.asname else "")
            if sub in old_modules:  # `from . import numbers`: the name is a module
                target = remap.get(sub, sub)
                parent, _, leaf = target.rpartition(".")
                groups.setdefault(parent, []).append(text_alias if leaf == alias.name else f"{leaf} as {alias.asname or alias.name}")
            else:
                groups.setdefault("=" + remap.get(resolved, resolved), []).append(text_alias)
        indent = " " * node.col_offset
        stmts = []
        for target, names in groups.items():
            target = target.lstrip("=")
            src = target if absolute else relative(new_pkg, target)
            joined = ", ".join(names)
            stmt = f"from {src} import {joined}"
            if len(indent + stmt) > 140:
                stmt = f"from {src} import (\n" + "".join(f"{indent}    {n},\n" for n in names) + f"{indent})"
            stmts.append(stmt)
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        edits.append((start, end, ("\n" + indent).join(stmts)))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def dotted_pattern(remap: dict[str, str]) -> re.Pattern[str]:
    names = sorted(remap, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def main(root: Path) -> None:
    remap = mapping(root)
    old_modules = {modname(p, root) for p in (root / "extractor").rglob("*.py")}
    pat = dotted_pattern(remap)
    # also paths like extractor/numbers.py in docs
    path_pat = re.compile(r"(?<![\w/])extractor/(" + "|".join(re.escape(o.split(".", 1)[1].replace(".", "/")) for o in remap) + r")\.py")
    files = [p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts and ".venv" not in p.parts
             and p.suffix in {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".sh", ""} and "node_modules" not in p.parts]
    moves = {root / Path(*old.split(".")).with_suffix(".py"): root / Path(*new.split(".")).with_suffix(".py")
             for old, new in remap.items()}
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        new_text = pat.sub(lambda m: remap[m.group(1)], text)
        new_text = path_pat.sub(lambda m: remap["extractor." + m.group(1).replace("/", ".")].replace(".", "/") + ".py", new_text)
        if path.suffix == ".py":
            inside = path.is_relative_to(root / "extractor")
            mod = modname(path, root) if inside else "outside.module"
            new_path = moves.get(path, path)
            new_mod = modname(new_path, root) if inside else mod
            new_text = rewrite_python(new_text, mod, new_mod, path.name == "__init__.py", remap, old_modules)
            if new_path != path and "Path(__file__).parent" in new_text:
                new_text = new_text.replace("Path(__file__).parent", "Path(__file__).parent.parent")
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
    for pkg, (job, _) in PACKAGES.items():
        init = root / "extractor" / pkg / "__init__.py"
        init.parent.mkdir(exist_ok=True)
        if not init.exists():
            init.write_text(f'"""{job}"""\n', encoding="utf-8")
    for src, dst in moves.items():
        dst.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "-C", str(root), "mv", str(src), str(dst)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "extractor"], check=True)
    pyproject = root / "pyproject.toml"
    packages = sorted(".".join(p.parent.relative_to(root).parts) for p in (root / "extractor").rglob("__init__.py"))
    listing = "packages = [" + ", ".join(f'"{p}"' for p in [*packages, "extractor.prompts"]) + "]"
    pyproject.write_text(re.sub(r"^packages = \[.*\]$", listing, pyproject.read_text(), flags=re.M))
    print("\n".join(f"{o} -> {n}" for o, n in sorted(remap.items())))


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
