"""What the three checks' gold.py share: the items of a gold (parks and initiatives only) and the writer that checks
every name against the whitespace-free text (a typo stops the build) and writes gold/DOC.json."""

import json
import re
from pathlib import Path


def P(n: str, opt: bool = False, al: tuple[str, ...] | list[str] = (), pid: str | None = None,
      parent: str = "") -> dict:  # a park of the gold; pid/parent only where a check gives them (A-C do not)
    park = {"name": n, "aliases": list(al), "optional": opt}
    if pid is not None:
        park["park_id"] = pid
    if parent:
        park["parent_id"] = parent
    return park


def In(n: str, k: str, park: str = "", opt: bool = False) -> dict:  # an initiative of the gold
    return {"name": n, "kind": k, "park": park, "optional": opt}


def write_gold(here: Path, gold: dict[str, tuple[list[dict], list[dict]]]) -> None:
    """gold: each text's (parks, initiatives), written to here/gold/ once every name is found in here/texts/."""
    for doc, (parks, inits) in gold.items():
        text = re.sub(r"\s", "", (here / "texts" / f"{doc}.txt").read_text())
        for x in parks + inits:
            for n in [x["name"], *x.get("aliases", [])]:
                assert n in text, (doc, n)
        record = {"doc": doc + ".txt", "parks": parks, "figures": [], "quotes": [], "initiatives": inits}
        (here / "gold" / f"{doc}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))
    print("ok")
