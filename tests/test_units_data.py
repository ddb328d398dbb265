"""The units, their guards and the qualifier cues of extractor/data/units.toml: each example reads as it says."""

import pytest

from extractor import knowledge
from extractor.domain.numbers import find_quantities

EXAMPLES = knowledge.examples("units.toml")


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"] for e in EXAMPLES])
def test_each_example_reads_as_the_file_says(example):
    found = list(find_quantities(example["text"]))
    if not example["quantity"]:
        assert found == []  # a guard: the characters after the unit make it another word
        return
    first = found[0]
    assert (first.value_text, first.quantity.base_unit, first.quantity.qualifier) == (
        example["quantity"],
        example["base_unit"],
        example["qualifier"],
    )


def test_a_guard_is_what_keeps_a_word_from_being_a_unit():
    guards = knowledge.data("units.toml")["guards"]
    assert "度" in guards["年"] and "民" in guards["人"]  # the examples 2024年度 and 3人民营 rest on these
