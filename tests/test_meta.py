"""Document meta: headers read by the patterns in data/meta.toml, manifest and caller winning over them."""

import json
import sqlite3

import pytest

from extractor import extract_text
from extractor.cli import main
from extractor.domain.meta import Manifest, ManifestError, knowledge, parse_date, read_header_meta
from extractor.outputs.jsonl import read_records

_FIELDS = {"published": "published", "precision": "published_precision", "source": "source", "title": "title", "url": "url"}


@pytest.mark.parametrize("example", knowledge().examples, ids=lambda e: e["text"][:24])
def test_every_header_example_in_the_data_file(example):
    meta = read_header_meta(example["text"])
    for key, field in _FIELDS.items():
        if key in example:
            assert getattr(meta, field) == example[key], f"{field} of {example['text'][:40]!r}"
    assert meta.published_from == ("header" if meta.published else "")


def test_every_date_label_reads_a_date():
    for label in sorted(knowledge().date_labels):
        assert read_header_meta(f"{label}: 2019-06-05\n正文").published == "2019-06-05", label
    for label in sorted(knowledge().not_date_labels):
        assert read_header_meta(f"{label}: 2019-06-05\n正文").published == "", label


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("20001028", ("2000-10-28", "day")),
        ("200008", ("2000-08", "month")),
        ("２０１１－０３－２９", ("2011-03-29", "day")),
        ("2011/3/9 15:20", ("2011-03-09", "day")),
        ("2024年3月5日", ("2024-03-05", "day")),
        ("Fri, 25 Feb 2022 06:17:49 GMT", ("2022-02-25", "day")),
        ("1999", ("1999", "year")),
        ("20001328", None),  # no 13th month
        ("2011-02-30", None),
        ("第3期", None),
    ],
)
def test_dates_are_parsed_and_checked(printed, expected):
    assert parse_date(printed) == expected


PAGE = "园区新闻\n发布时间：2011-03-29\n今年，测试高新区实现营业收入120亿元。\n"


def test_the_caller_wins_over_the_header_and_periods_follow_the_date():
    from_header = extract_text(PAGE, "a.txt")
    assert (from_header.meta.published, from_header.meta.published_from) == ("2011-03-29", "header")
    called = extract_text(PAGE, "a.txt", meta={"published": "2015-06", "source": "测试日报"})
    assert (called.meta.published, called.meta.published_precision, called.meta.published_from) == ("2015-06", "month", "caller")
    assert called.meta.source == "测试日报" and called.meta.title == "园区新闻"  # a field the caller leaves out stays the header's
    figure = next(f for f in called.articles[0].figures if f.value == 120)
    assert (figure.period, figure.period_start, figure.period_end) == ("今年", "2015-01-01", "2015-12-31")
    with pytest.raises(ValueError, match="not a date"):
        extract_text(PAGE, "a.txt", meta={"published": "soon"})


def test_manifest_wins_over_headers_in_every_output(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(PAGE, encoding="utf-8")
    (inputs / "b.txt").write_text(PAGE, encoding="utf-8")
    (inputs / "c.txt").write_text("今年，测试高新区实现营业收入120亿元。\n", encoding="utf-8")
    manifest = tmp_path / "meta.csv"
    manifest.write_text("path,published,source,url\nin/a.txt,2012-01-02,测试日报,https://example.org/a\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out), "--meta", str(manifest)]) == 0
    rows = read_records(out / "records.jsonl")
    published = {r["doc"]: (r["published"], r["published_precision"]) for r in rows}
    assert published == {"a.txt": ("2012-01-02", "day"), "b.txt": ("2011-03-29", "day"), "c.txt": ("", None)}
    revenue = {r["doc"]: r["period_end"] for r in rows if r["kind"] == "figure" and r["value"] == 120}
    assert revenue == {"a.txt": "2012-12-31", "b.txt": "2011-12-31", "c.txt": ""}  # no date: nothing resolved
    with sqlite3.connect(out / "records.sqlite") as db:
        documents = {row[0]: row[1:] for row in db.execute("SELECT doc, published, published_from, source, url FROM documents")}
    assert documents["a.txt"] == ("2012-01-02", "manifest", "测试日报", "https://example.org/a")
    assert documents["b.txt"][:2] == ("2011-03-29", "header")
    assert documents["c.txt"][:2] == ("", "")


def test_manifest_as_json_lines_matches_by_file_name(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    manifest = tmp_path / "meta.jsonl"
    manifest.write_text(json.dumps({"path": "p.txt", "published": "2024年3月5日"}, ensure_ascii=False) + "\n\n", encoding="utf-8")
    meta = Manifest(manifest).meta_for(page)
    assert meta is not None and meta.published == "2024-03-05"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("m.csv", "file,published\na.txt,2020\n", "'path' column"),
        ("m.csv", "path,published\na.txt,someday\n", "line 2: published 'someday' is not a date"),
        ("m.jsonl", '{"path": "a.txt", "published": "2020"}\n{oops\n', "line 2: not JSON"),
        ("m.jsonl", '["a.txt"]\n', "line 1: expected an object"),
        ("m.csv", "path,published\n,2020\n", "line 2: no path"),
    ],
)
def test_a_bad_manifest_is_a_clear_error(tmp_path, capsys, name, content, message):
    manifest = tmp_path / name
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=message):
        Manifest(manifest)
    page = tmp_path / "a.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page), "-o", str(tmp_path / "out"), "--meta", str(manifest)]) == 2
    assert "--meta" in capsys.readouterr().err
