"""Issue 19 item 7: move extractor's top-level modules into packages, rewriting every import, dotted name and path.

Two modes:

  python scripts/regroup_packages.py CHECKOUT && ruff check --fix CHECKOUT
      The regroup itself: git mv of every module in the map below, every import rewritten (relative ones read
      from the file's old place and written from its new one), dotted names (``extractor.periods`` in mock
      targets and ``-m`` commands) and paths (``extractor/periods.py`` in the docs) renamed, each new package's
      ``__init__.py`` written with its one-line job, pyproject's package list rebuilt. ruff re-sorts the imports.

  python scripts/regroup_packages.py --fix-imports CHECKOUT && ruff check --fix CHECKOUT
      After merging the regrouped branch into a branch written against the old layout: the files are already at
      their new places, but the branch's own code still names old modules. Renames ``extractor.periods`` and
      ``from extractor import periods`` everywhere (tests, scripts, benchmarks, docs too), and in extractor/ every
      relative import that no longer resolves from where its file now is (``from .load import csv_table`` in
      domain/meta.py; ``from .numbers import parse_quantity`` in cli.py) is read from the file's old place (the
      reverse of the map) and rewritten. A relative import that resolves (the module exists and has the names)
      is left alone. Only old names whose module is gone and whose new module exists are touched, so running
      it twice, or on a checkout without old names, changes nothing. Prints the files it changed, and warns where a
      module is at both places (git did not see a rename under the branch's changes: move them over by hand first).
      A module the branch added at the top of extractor/ stays there: tests/test_architecture.py then says to give
      it a floor.

The map: ``PACKAGES`` (new package -> its job and the modules it takes) and ``EXTRA`` (modules into existing
packages). Kept at the top: the entry points (cli, clidoc, __main__, the library's __init__) and the base every
layer imports (models, errors, and knowledge, the one reader of extractor/data/).
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

PACKAGES = {  # package -> (one-line job, modules moved into it: "old" or "old:new", old dotted under extractor)
    "text": ("Reading text in: files to normalized pages, their structure, tables, articles and token counts.",
             ["load", "normalize", "structure", "tables", "segment", "tokens"]),
    "domain": ("What the domain knows, as services: quantities, periods, zone names and mentions, the registry, page meta.",
               ["numbers", "periods", "zonenames", "spans", "mentions", "registry", "meta"]),
    "checks": ("After a backend answers: verify against the source, resolve parks, merge, grade labels, an editor's decisions.",
               ["verify", "identity", "merge", "confidence", "review.decisions:decisions"]),
    "run": ("Running: one document through the pipeline, a run over many files, the local and Dask engines, batch runs.",
            ["pipeline", "document", "runner", "engines", "cluster", "batchrun"]),
    "tools": ("Tooling kept apart from what a run imports: the evaluator, and the loopback model server with its Batch API.",
              ["evaluate", "testserver", "testbatch"]),
}
EXTRA = {"facts": "outputs.facts", "schemas": "outputs.schemas", "budget": "backends.budget"}  # into existing packages


def full_map() -> dict[str, str]:
    """Old dotted module -> new dotted module, for every module the regroup moves (whether or not it exists here)."""
    out = {f"extractor.{old}": f"extractor.{new}" for old, new in EXTRA.items()}
    for pkg, (_, mods) in PACKAGES.items():
        for entry in mods:
            old, _, new = entry.partition(":")
            out[f"extractor.{old}"] = f"extractor.{pkg}.{new or old.rsplit('.', 1)[-1]}"
    return out


def _file(root: Path, module: str) -> Path:
    return root / Path(*module.split(".")).with_suffix(".py")


def mapping(root: Path) -> dict[str, str]:
    """Old dotted module -> new dotted module, for modules that exist at their old place in this checkout."""
    return {old: new for old, new in full_map().items() if _file(root, old).exists()}


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


def rewrite_python(
    text: str,
    old_mod: str,
    new_mod: str,
    is_init: bool,
    remap: dict[str, str],
    old_modules: set[str],
    keep: Callable[[ast.ImportFrom], bool] = lambda node: False,
) -> str:
    """Every ``from … import`` that names a moved module, rewritten: relative ones read from the file's old place and
    written from its new one. ``keep``: statements to leave alone (the fix mode's imports that already resolve)."""
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    old_pkg, new_pkg = package_of(old_mod, is_init), package_of(new_mod, is_init)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or keep(node):
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


def path_pattern(remap: dict[str, str]) -> re.Pattern[str]:
    """Paths like extractor/numbers.py, as the docs write them."""
    return re.compile(r"(?<![\w/])extractor/(" + "|".join(re.escape(o.split(".", 1)[1].replace(".", "/")) for o in remap) + r")\.py")


def rename_in_text(text: str, remap: dict[str, str], pat: re.Pattern[str], path_pat: re.Pattern[str]) -> str:
    """Dotted names (``extractor.periods``, in imports, mock targets, ``-m`` commands) and file paths renamed."""
    text = pat.sub(lambda m: remap[m.group(1)], text)
    return path_pat.sub(lambda m: remap["extractor." + m.group(1).replace("/", ".")].replace(".", "/") + ".py", text)


KNOWLEDGE = "extractor/data/"  # its bytes are the run's knowledge digest: a path in a comment there is left as it was


def text_files(root: Path) -> list[Path]:
    """The checkout's source and doc files, tracked or new but not ignored (caches, the venv and build output are
    not), less this script (its map names the old modules on purpose) and the knowledge files (a resume compares
    their digest, so renaming a path in their comments would change the run's settings)."""
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            check=True, capture_output=True, text=True).stdout.split("\0")
    suffixes = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".sh", ""}
    paths = {root / name for name in listed if name and name != "scripts/regroup_packages.py" and not name.startswith(KNOWLEDGE)}
    return sorted(p for p in paths if p.is_file() and p.suffix in suffixes)


def apply(root: Path) -> None:
    remap = mapping(root)
    old_modules = {modname(p, root) for p in (root / "extractor").rglob("*.py")}
    pat, path_pat = dotted_pattern(remap), path_pattern(remap)
    files = text_files(root)
    moves = {root / Path(*old.split(".")).with_suffix(".py"): root / Path(*new.split(".")).with_suffix(".py")
             for old, new in remap.items()}
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        new_text = rename_in_text(text, remap, pat, path_pat)
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


def _bound_names(path: Path) -> set[str]:
    """The names a module binds at its top (definitions, assignments, imports, also under a top-level if or try)."""
    names: set[str] = set()
    body = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while body:
        node = body.pop()
        if isinstance(node, ast.If | ast.Try):
            body += [*node.body, *node.orelse, *getattr(node, "finalbody", []), *(s for h in getattr(node, "handlers", []) for s in h.body)]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _resolves(node: ast.ImportFrom, package: str, modules: dict[str, Path]) -> bool:
    """Whether a relative import, read from ``package``, names a module that exists and names it has."""
    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
    target = ".".join(base + ([node.module] if node.module else []))
    if target not in modules:
        return False
    bound = _bound_names(modules[target])
    return all(a.name == "*" or f"{target}.{a.name}" in modules or a.name in bound for a in node.names)


def _keeper(package: str | None, modules: dict[str, Path]) -> Callable[[ast.ImportFrom], bool]:
    """Which imports the fix leaves: in extractor/, a relative one that resolves from where the file is now (it was
    written for the new layout); outside (tests, scripts), every relative one (they are the folder's own)."""
    if package is None:
        return lambda node: bool(node.level)
    return lambda node: bool(node.level) and _resolves(node, package, modules)


def fix_imports(root: Path) -> None:
    """After a merge: code written against the old layout, in files already at their new places, renamed to it."""
    modules = {modname(p, root): p for p in (root / "extractor").rglob("*.py")}
    remap = {old: new for old, new in full_map().items() if old not in modules and new in modules}
    for old, new in full_map().items():
        if old in modules and new in modules:  # the merge kept both: git did not see the rename under the changes
            print(f"both {old} and {new} exist: move the changes into the new file and delete the old one first")
    if not remap:
        sys.exit("--fix-imports: no moved module is at its new place here; run the regroup itself first")
    back = {new: old for old, new in remap.items()}
    old_modules = {back.get(m, m) for m in modules}
    pat, path_pat = dotted_pattern(remap), path_pattern(remap)
    changed = []
    for path in text_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        new_text = rename_in_text(text, remap, pat, path_pat)
        if path.suffix == ".py":
            inside = path.is_relative_to(root / "extractor")
            mod = modname(path, root) if inside else "outside.module"
            is_init = path.name == "__init__.py"
            here = package_of(mod, is_init)
            keep = _keeper(here if inside else None, modules)
            new_text = rewrite_python(new_text, back.get(mod, mod), mod, is_init, remap, old_modules, keep)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            changed.append(str(path.relative_to(root)))
    print("\n".join(changed) or "nothing named an old module")


if __name__ == "__main__":
    args = sys.argv[1:]
    fixing = "--fix-imports" in args
    paths = [a for a in args if a != "--fix-imports"]
    if len(paths) != 1:
        sys.exit(__doc__)
    (fix_imports if fixing else apply)(Path(paths[0]).resolve())
