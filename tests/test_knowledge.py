"""The knowledge loader: a dataclass built from a data file by its field names, and a clear error otherwise."""

import re
from dataclasses import dataclass

import pytest

from extractor import knowledge
from extractor.knowledge import KnowledgeError, load


@dataclass(frozen=True)
class _Table:
    cell_separators: re.Pattern[str]
    min_rows: int
    unit_in_header: re.Pattern[str]
    year_header: re.Pattern[str]
    number_cell: re.Pattern[str]
    empty_cell: re.Pattern[str]
    generic_corner: re.Pattern[str]
    entity_corner: re.Pattern[str]
    caption_period: re.Pattern[str]
    sub_header: re.Pattern[str]
    section_label: re.Pattern[str]
    index_header: re.Pattern[str]
    header_continuation: re.Pattern[str]
    month_header: re.Pattern[str]
    cumulative_header: re.Pattern[str]
    rule_row: re.Pattern[str]
    serial_cell: re.Pattern[str]
    unit_column: re.Pattern[str]
    indicator_caption: re.Pattern[str]
    header_unit_fragment: re.Pattern[str]
    header_open_base: re.Pattern[str]
    this_period_header: re.Pattern[str]
    report_period_header: re.Pattern[str]
    to_date_header: re.Pattern[str]
    base_period_header: re.Pattern[str]
    box_separators: re.Pattern[str]
    box_rule: re.Pattern[str]
    period_header: re.Pattern[str]
    place_group: re.Pattern[str]
    bilingual_unit: re.Pattern[str]
    value_with_change: re.Pattern[str]


@dataclass(frozen=True)
class _TooFew:
    min_rows: int


@dataclass(frozen=True)
class _TooMany(_Table):
    max_rows: int


def test_a_table_becomes_the_dataclass_of_its_field_names():
    rules = load("structure.toml", _Table, "table", skip=("examples",))
    assert rules.cell_separators.search("a | b") is not None  # a pattern field is compiled
    assert rules.min_rows == knowledge.table("structure.toml", "table")["min_rows"]


def test_an_unknown_or_missing_entry_names_the_file_and_the_entry():
    with pytest.raises(KnowledgeError, match=r"structure\.toml \[table\].*unknown.*cell_separators"):
        load("structure.toml", _TooFew, "table", skip=("examples",))
    with pytest.raises(KnowledgeError, match=r"structure\.toml \[table\].*missing.*max_rows"):
        load("structure.toml", _TooMany, "table", skip=("examples",))


def test_a_caller_cannot_change_what_the_next_one_reads():
    first = knowledge.data("periods.toml")
    first.clear()
    assert knowledge.data("periods.toml")
