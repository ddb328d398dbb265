"""Verified records (parks, initiatives, figures, quotes) from Chinese news about development zones.

>>> from extractor import extract_text
>>> result = extract_text("本报讯 南昌高新区生产总值739.4亿元，同比增长8.0%。")
>>> [(f.value_text, f.status.value) for f in result.articles[0].figures]
[('739.4亿元', 'verified'), ('8.0%', 'verified')]
"""

from .checks.verify import verify
from .domain.numbers import Quantity, find_quantities, parse_quantity
from .models import Article, DocumentResult, Evidence, Figure, Initiative, Park, Quote, Status
from .run.pipeline import extract_file, extract_text

__all__ = [
    "Article",
    "DocumentResult",
    "Evidence",
    "Figure",
    "Initiative",
    "Park",
    "Quantity",
    "Quote",
    "Status",
    "extract_file",
    "extract_text",
    "find_quantities",
    "parse_quantity",
    "verify",
]
