"""benchmarks/label_heldout.py: a band is measured on a set no rule was chosen on."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "label_heldout.py"


def _module():
    spec = importlib.util.spec_from_file_location("label_heldout", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(name: str, sources: str, right: bool, **labels) -> dict:
    row = {"set": name, "sources": sources, "right": right, "status": "verified", "metric_key": "revenue"}
    return row | {"subject": "南昌高新区", "measure": "level", "metric_scope": "", "metric": "营业收入", "unit": "元"} | labels


def test_the_rows_band_is_recomputed_from_todays_data_file():
    heldout = _module()
    assert heldout.today(_row("a", "clause/clause/clause", True)) == "high"
    assert heldout.today(_row("a", "clause/clause/clause", True, metric_key="industrial_value_added", unit="个")) == "medium"
    assert heldout.today(_row("a", "clause/clause/clause", True, status="not_found")) == "low"


def test_a_scope_table_is_chosen_without_the_set_it_is_checked_on():
    """A combination right on the other sets is high on the held-out one, however it fares there."""
    heldout = _module()
    rows = [_row("fit", "document/clause/none", True) for _ in range(30)]
    rows += [_row("fit", "sentence/sentence/none", False) for _ in range(30)]
    rows += [_row("new", "document/clause/none", False), _row("new", "sentence/sentence/none", True)]
    lines = heldout.report(rows, floor=0.9, z=1.0)
    new = next(line for line in lines if line.startswith("new"))
    assert new.split()[-1] == "1=0.50@0.000"  # chosen on "fit", wrong on "new": fitting shows on the held-out set
    assert heldout.wilson_low(30, 30, 1.0) > 0.9 > heldout.wilson_low(9, 10, 1.0)


def test_the_limits_count_right_figures_no_rule_can_make_high():
    """A right figure whose key is `other` or whose subject was read from nowhere is outside the ceiling."""
    heldout = _module()
    rows = [
        _row("a", "clause/clause/clause", True),
        _row("a", "clause/clause/clause", True, metric_key="other"),
        _row("a", "none/table/table", True, subject=""),
        _row("a", "clause/clause/clause", False),
    ]
    header, line, pooled = heldout.limits(rows)
    assert header.split()[:4] == ["set", "figures", "right", "ceiling"]
    figures, right, ceiling, high, other, no_subject = line.split()[1:]
    assert (figures, right, ceiling, high, other, no_subject) == ("4", "0.750", "0.250", "0.500", "0.250", "0.250")
    assert pooled.split()[1:] == line.split()[1:]
