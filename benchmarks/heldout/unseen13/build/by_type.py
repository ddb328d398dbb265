"""Scores of one run split by text type, with the project's own evaluator: python by_type.py RECORDS TITLE."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/heldout: the tools every set shares
from heldout import by_type

TYPES = {"all (10)": "", "gov_report (01)": "01", "policy (02)": "02", "table (03)": "03", "bulletin (04)": "04",
         "news (05,06,07,08,09,10)": "05 06 07 08 09 10"}

if __name__ == "__main__":
    by_type(Path(__file__).resolve().parents[1], TYPES, *sys.argv[1:3])
