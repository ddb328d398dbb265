import json
import subprocess
import sys

import pytest

from extractor import extract_text
from extractor.cli import main
from extractor.models import RECORD_TYPES, Status
from extractor.outputs.jsonl import read_records
from extractor.outputs.schemas import schema_documents
from extractor.tools.evaluate import evaluate

PAGE = (
    "南昌高新区：厚植产业发展沃土\n◎本报记者 魏依晨\n近日，南昌高新区生产总值739.4亿元，同比增长8.0%。"
    "“南昌高新区支持龙头骨干企业，为全区工业经济规模增长提供了重要支撑。”南昌高新区科经局副局长李敏说。"
    "南昌高新区推出信用修复和查询“一件事”服务，出台《措施》。1946年，企业成立。"
)


def test_library_returns_verified_typed_records():
    result = extract_text(PAGE, "page.txt")
    article = result.articles[0]
    assert [f.value_text for f in article.figures] == ["739.4亿元", "8.0%"]
    assert all(f.status is Status.verified for f in article.figures)
    assert article.figures[0].subject == "南昌高新区"
    [park] = article.parks  # named by the registry's official name, with the printed spelling as an alias
    assert "南昌高新区" in (park.name, *park.aliases) and park.park_id
    [quote] = article.quotes
    assert (quote.speaker, quote.speaker_title) == ("李敏", "南昌高新区科经局副局长")
    assert any("一件事" in i.name for i in article.initiatives)
    for record in result.records():
        assert result.text[record.evidence.start : record.evidence.end] == record.evidence.text


def test_schema_files_match_the_models(seeds_dir):
    schema_dir = seeds_dir.parent / "schemas"
    documents = schema_documents()
    assert set(documents) == {f"{kind}.schema.json" for kind in RECORD_TYPES}
    for name, document in documents.items():
        assert (schema_dir / name).read_text(encoding="utf-8") == document, f"{name} drifted: run 'extractor schema'"


def test_extract_writes_streamed_jsonl_and_survives_bad_files(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "page.txt").write_text(PAGE, encoding="gb18030")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out)]) == 0
    rows = read_records(out / "records.jsonl")
    assert {r["kind"] for r in rows} == {"park", "initiative", "figure", "quote"}
    assert {r["doc"] for r in rows} == {"page.txt"}
    figures = [r for r in rows if r["kind"] == "figure"]
    assert {f["value_text"] for f in figures} == {"739.4亿元", "8.0%"}
    assert all(f["status"] == "verified" and f["evidence"]["text"] for f in figures)
    captured = capsys.readouterr()
    assert "image.txt" in captured.err


def test_extract_fails_only_when_nothing_could_be_read(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert main(["extract", str(bad), "-o", str(tmp_path / "out")]) == 1
    assert main(["extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")]) == 1


def test_module_entry_point_runs(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", str(page), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "o" / "records.jsonl").read_text(encoding="utf-8").splitlines()) >= 5


def _gold(tmp_path, **kinds):
    gold = {"doc": "d.txt", "parks": [], "figures": [], "quotes": [], "initiatives": [], **kinds}
    (tmp_path / "d.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_scoreboard_counts_matches_misses_extras_and_ignores_optional(tmp_path):
    gold = _gold(
        tmp_path,
        figures=[
            {
                "value_text": "7亿元",
                "amount": 7e8,
                "base_unit": "元",
                "subject": "甲高新区",
                "context": "总投资约7亿元",
                "optional": False,
            },
            {"value_text": "5栋", "amount": 5, "base_unit": "栋", "subject": "甲高新区", "context": "厂房5栋", "optional": False},
            {"value_text": "四大", "amount": 4, "base_unit": "个", "subject": "", "context": "四大平台", "optional": True},
        ],
    )
    predictions = [
        {
            "kind": "figure",
            "doc": "d.txt",
            "amount": 7e8,
            "base_unit": "元",
            "subject": "甲高新区",
            "evidence": {"text": "总投资约7亿元"},
        },
        {"kind": "figure", "doc": "d.txt", "amount": 4, "base_unit": "个", "subject": "", "evidence": {"text": "四大平台"}},
        {"kind": "figure", "doc": "d.txt", "amount": 2023, "base_unit": "年", "subject": "", "evidence": {"text": "2023年"}},
    ]
    figures = evaluate(predictions, gold)["figures"]
    assert (figures.true_positives, figures.false_positives, figures.false_negatives) == (1, 1, 1)
    assert figures.precision == 0.5 and figures.recall == 0.5 and figures.attribute_accuracy == 1.0


def test_vague_amounts_are_ranges_and_dates_are_not_figures_or_parks():
    page = "本报讯 全国169家国家级高新区有了几十亿美元带动起来的大发展。1990年12月19日，武汉经济技术开发区新增企业12家。"
    article = extract_text(page).articles[-1]
    assert [f.value_text for f in article.figures] == ["169家", "几十亿美元", "12家"]
    vague = article.figures[1]
    assert vague.qualifier == "range" and (vague.amount, vague.amount_high) == (1e9, 1e10)  # never exact
    assert [p.name for p in article.parks] == ["武汉经济技术开发区"]


def test_the_wheel_ships_the_prompt_templates(tmp_path, seeds_dir):
    import zipfile

    root = seeds_dir.parent
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr  # offline: uses the setuptools of the test extra
    [wheel] = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {f"extractor/prompts/{p.name}" for p in (root / "prompts").glob("*.txt")}
    assert templates and templates <= names
    assert "extractor/tools/testserver.py" in names


def test_messages_with_brackets_are_printed_as_they_are(tmp_path, capsys):
    page = tmp_path / "[draft] 2024.txt"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert main(["extract", str(page), "-o", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "[draft]" in captured.err  # rich would swallow it as markup if it were not escaped


def test_the_package_docstring_example_holds():
    import doctest

    import extractor

    results = doctest.testmod(extractor)
    assert results.attempted >= 1 and results.failed == 0


@pytest.mark.parametrize(("mine", "right"), [("四川省高新区", True), ("全省高新区", True), ("四川省开发区", False), ("全市高新区", False)])
def test_a_group_grounded_in_its_place_is_scored_as_the_group_named_relative_to_it(tmp_path, mine, right):
    gold = _gold(
        tmp_path,
        figures=[{"value_text": "1.2万亿元", "amount": 1.2e12, "base_unit": "元", "subject": "全省高新区", "context": "营业收入1.2万亿元"}],
    )
    evidence = {"text": "营业收入1.2万亿元"}
    prediction = {"kind": "figure", "doc": "d.txt", "amount": 1.2e12, "base_unit": "元", "subject": mine, "evidence": evidence}
    assert evaluate([prediction], gold)["figures"].attribute_right == right
