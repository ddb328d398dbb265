"""The analyst's table: one row per fact with all its sources, conflicts flagged, the same rows as the SQLite view."""

import csv
import sqlite3

import pytest

from extractor.cli import main
from extractor.models import Article, DocumentMeta, Evidence, Figure, Status
from extractor.outputs import DocumentEntry, render_article
from extractor.outputs.facts import FIGURE_COLUMNS, write_facts
from extractor.outputs.sqlite import SqliteWriter


def _figure(amount: float, period_end: str, metric_key: str = "revenue", subject: str = "武汉经开区", **fields) -> Figure:
    value = amount / 1e8
    text = f"营业收入{value:g}亿元"
    return Figure(
        value_text=f"{value:g}亿元", value=value, unit="亿元", amount=amount, base_unit="元", metric="营业收入",
        metric_key=metric_key, subject=subject, period="去年", period_start=period_end[:4] + "-01-01", period_end=period_end,
        evidence=Evidence(start=0, end=len(text), text=text), status=Status.verified, **fields,
    )  # fmt: skip


def _database(path, documents: dict[str, tuple[str, list[list[Figure]]]]):
    """documents: doc → (published, articles' figures)."""
    db = SqliteWriter(path, settings={})
    db.open(None)
    for position, (doc, (published, articles)) in enumerate(documents.items(), 1):
        meta = DocumentMeta(published=published, published_precision="day", title=f"《{doc}》")
        entry = DocumentEntry(doc=doc, position=position, sha256="sha", encoding="utf-8", text="text", meta=meta)
        db.begin_document(entry)
        for index, figures in enumerate(articles, 1):
            article = Article(index=index, title=f"{doc} 第{index}篇", start=0, end=4, body_start=0, figures=figures)
            db.write_article(entry, render_article(entry, article))
        db.end_document(entry)
    db.close()


def _facts(database, out, include_all: bool = True):
    write_facts(database, out, include_all)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_same_fact_from_two_articles_is_one_row_with_both_sources(tmp_path):
    database = tmp_path / "records.sqlite"
    same = _figure(1.2e10, "2021-12-31")
    _database(
        database,
        {
            "a.txt": ("2022-01-10", [[same, same.model_copy()]]),  # printed twice in one article: one source
            "b.txt": ("2022-02-01", [[same.model_copy()], [_figure(5e9, "2021-12-31", metric_key="profit")]]),
        },
    )
    rows = _facts(database, tmp_path / "facts.csv")
    revenue = [r for r in rows if r["metric_key"] == "revenue"]
    assert len(revenue) == 1
    assert revenue[0]["sources"] == "2" and revenue[0]["doc"] == "a.txt | b.txt"
    assert revenue[0]["published"] == "2022-01-10 | 2022-02-01"
    assert revenue[0]["article_title"] == "a.txt 第1篇 | b.txt 第1篇"
    assert revenue[0]["conflict"] == "0"
    assert {r["metric_key"] for r in rows} == {"revenue", "profit"}
    assert set(FIGURE_COLUMNS) <= set(rows[0]) and {"zone", "published", "doc", "article_title", "evidence"} <= set(rows[0])


def test_two_articles_that_disagree_on_a_zone_metric_and_period_are_a_conflict(tmp_path):
    database = tmp_path / "records.sqlite"
    _database(
        database,
        {
            "a.txt": ("2022-01-10", [[_figure(1.2e10, "2021-12-31"), _figure(3e9, "2020-12-31")]]),
            "b.txt": ("2022-02-01", [[_figure(1.3e10, "2021-12-31"), _figure(3e9, "2020-12-31")]]),
            "c.txt": ("2022-02-01", [[_figure(9e9, "2021-12-31", subject="南昌高新区")]]),  # another zone
            "d.txt": ("2022-03-01", [[_figure(7e9, "2021-12-31", metric_key="other"), _figure(8e9, "2021-12-31", metric_key="other")]]),
        },
    )
    rows = _facts(database, tmp_path / "facts.csv")
    flags = {(r["zone"], r["metric_key"], r["period_end"], float(r["amount"])): r["conflict"] for r in rows}
    assert flags[("武汉经开区", "revenue", "2021-12-31", 1.2e10)] == "1"
    assert flags[("武汉经开区", "revenue", "2021-12-31", 1.3e10)] == "1"
    assert flags[("武汉经开区", "revenue", "2020-12-31", 3e9)] == "0"  # they agree on 2020
    assert flags[("南昌高新区", "revenue", "2021-12-31", 9e9)] == "0"
    assert {flags[("武汉经开区", "other", "2021-12-31", a)] for a in (7e9, 8e9)} == {"0"}  # no metric key: no claim to compare


def test_the_view_in_the_database_gives_the_rows_of_the_table(tmp_path):
    out = tmp_path / "out"
    page = tmp_path / "p.txt"
    page.write_text("发布时间：2021-03-01\n2020年，测试高新区实现营业收入120亿元。\n", encoding="utf-8")
    again = tmp_path / "q.txt"
    again.write_text("发布时间：2021-04-01\n2020年，测试高新区实现营业收入120亿元。\n", encoding="utf-8")
    assert main(["extract", str(page), str(again), "-o", str(out)]) == 0
    assert main(["table", str(out), "-o", str(tmp_path / "t.csv"), "--all"]) == 0
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    with sqlite3.connect(out / "records.sqlite") as db:
        cursor = db.execute("SELECT * FROM facts")
        view = [[column[0] for column in cursor.description]] + [["" if v is None else str(v) for v in row] for row in cursor]
    assert table == view
    revenue = [dict(zip(table[0], row, strict=True)) for row in table[1:] if row[table[0].index("value")] == "120.0"]
    assert len(revenue) == 1 and revenue[0]["sources"] == "2" and revenue[0]["period_end"] == "2020-12-31"


@pytest.mark.parametrize("make", [lambda p: None, lambda p: (p / "records.sqlite").write_text("not a database")])
def test_table_of_a_folder_without_a_database_is_a_clear_error(tmp_path, capsys, make):
    make(tmp_path)
    assert main(["table", str(tmp_path)]) == 2
    assert "error" in capsys.readouterr().err


def test_a_republished_copy_and_a_total_beside_its_own_parts_are_not_conflicts(tmp_path):
    database = tmp_path / "records.sqlite"
    total, part = _figure(1.2e10, "2021-12-31"), _figure(7e9, "2021-12-31")  # 其中 an item mislabelled with the total's zone
    _database(
        database,
        {
            "a.txt": ("2022-01-10", [[total, part]]),
            "copy.txt": ("2022-01-11", [[total.model_copy(), part.model_copy()]]),  # the same article republished
            "b.txt": ("2022-02-01", [[total.model_copy()]]),  # another report of the total alone
        },
    )
    rows = _facts(database, tmp_path / "facts.csv")
    assert rows and {r["conflict"] for r in rows} == {"0"}


def test_the_default_table_holds_the_facts_of_high_confidence_with_the_zone_name(tmp_path):
    database = tmp_path / "records.sqlite"
    sure = _figure(1.2e10, "2021-12-31", park_id="edz-wuhan", confidence="high")
    unsure = _figure(5e9, "2021-12-31", metric_key="profit", park_id="edz-wuhan", confidence="medium")
    _database(database, {"a.txt": ("2022-01-10", [[sure, unsure]])})
    with sqlite3.connect(database) as db:  # the zone's official name comes from the parks the run found
        db.execute("INSERT INTO parks (doc, article, name, park_id, registered) VALUES ('a.txt', 1, '武汉经济技术开发区', 'edz-wuhan', 1)")
    default = _facts(database, tmp_path / "facts.csv", include_all=False)
    every = _facts(database, tmp_path / "all.csv")
    assert [r["metric_key"] for r in default] == ["revenue"]
    assert {r["metric_key"] for r in every} == {"revenue", "profit"}
    assert {r["confidence"] for r in every} == {"high", "medium"}
    assert {r["zone_name"] for r in every} == {"武汉经济技术开发区"} and {r["subject"] for r in every} == {"武汉经开区"}


def test_a_headline_restating_a_body_figure_is_one_fact(tmp_path):
    database = tmp_path / "records.sqlite"
    body = _figure(1.2e12, "2023-12-31")
    headline = _figure(1e12, "2023-12-31", qualifier="lower")
    headline.evidence = Evidence(start=0, end=3, text="超万亿")
    body.evidence = Evidence(start=10, end=20, text="营业收入1.2万亿元")
    db = SqliteWriter(database, settings={})
    db.open(None)
    entry = DocumentEntry(doc="a.txt", position=1, sha256="sha", encoding="utf-8", text="text", meta=DocumentMeta(published="2024-01-10"))
    db.begin_document(entry)
    article = Article(index=1, title="武汉经开区营收超万亿", start=0, end=30, body_start=8, figures=[headline, body])
    db.write_article(entry, render_article(entry, article))
    db.end_document(entry)
    db.close()
    rows = _facts(database, tmp_path / "facts.csv")
    assert [float(r["amount"]) for r in rows] == [1.2e12]


def _headline_and_body(tmp_path, headline: Figure, body: Figure) -> list[dict]:
    """The facts of one article whose title prints ``headline`` over a body that prints ``body``."""
    database = tmp_path / "records.sqlite"
    headline.evidence = Evidence(start=0, end=3, text=headline.value_text)
    body.evidence = Evidence(start=10, end=20, text=body.value_text)
    db = SqliteWriter(database, settings={})
    db.open(None)
    entry = DocumentEntry(doc="a.txt", position=1, sha256="sha", encoding="utf-8", text="text", meta=DocumentMeta(published="2022-02-25"))
    db.begin_document(entry)
    article = Article(index=1, title="标题", start=0, end=30, body_start=8, figures=[headline, body])
    db.write_article(entry, render_article(entry, article))
    db.end_document(entry)
    db.close()
    return _facts(database, tmp_path / "facts.csv")


def _bare(amount: float, value_text: str, **fields) -> Figure:
    """A headline's figure with a bare 万亿/亿 (no 元: no base unit) and no year (no period)."""
    figure = _figure(amount, "2000-12-31", **fields)
    unsaid = {"unit": "万亿", "base_unit": "", "period": "", "period_start": "", "period_end": ""}
    return figure.model_copy(update={"value_text": value_text, **unsaid})


@pytest.mark.parametrize(
    ("headline", "body", "facts"),
    [
        # 169个国家高新区创造48万亿营收 over 2021年…营业收入超过48万亿元: one fact, the body's
        (_bare(48e12, "48万亿"), _figure(48e12, "2021-12-31"), [48e12]),
        # 营收破万亿 over 1.2万亿元: rounded down
        (_bare(1e12, "破万亿", qualifier="lower"), _figure(1.2e12, "2023-12-31"), [1.2e12]),
        # counter-example: a bare 2万亿 is not a restatement of 5000亿元 (another quantity the headline sums)
        (_bare(2e12, "2万亿"), _figure(5e11, "2023-12-31"), [5e11, 2e12]),
        # counter-example: a headline that names its year restates no figure of another year
        (_figure(1.2e12, "2022-12-31"), _figure(1.2e12, "2023-12-31"), [1.2e12, 1.2e12]),
        # counter-example: a headline in 美元 is not a body figure in 元
        (_figure(1.2e12, "2023-12-31").model_copy(update={"base_unit": "美元"}), _figure(1.2e12, "2023-12-31"), [1.2e12, 1.2e12]),
    ],
)
def test_a_headline_that_leaves_its_unit_or_year_unsaid_restates_the_body_figure(tmp_path, headline, body, facts):
    rows = _headline_and_body(tmp_path, headline, body)
    assert sorted(float(r["amount"]) for r in rows) == sorted(facts)


def test_rollup_counts_a_sub_parks_facts_as_its_zones(tmp_path):
    """一区多园: 东川工业园区's output is a fact of 西宁经济技术开发区 with --rollup, its own without."""
    database = tmp_path / "records.sqlite"
    sub = _figure(3e9, "2021-12-31", subject="东川工业园区", park_id="sub-xining-dongchuan", confidence="high")
    whole = _figure(5e9, "2021-12-31", metric_key="profit", subject="西宁经开区", park_id="etdz-xining", confidence="high")
    _database(database, {"a.txt": ("2022-01-10", [[sub, whole]])})
    with sqlite3.connect(database) as db:  # the run recorded the sub-park with the zone it belongs to
        db.execute(
            "INSERT INTO parks (doc, article, name, park_id, registered, parent_id) "
            "VALUES ('a.txt', 1, '西宁经济技术开发区东川工业园区', 'sub-xining-dongchuan', 1, 'etdz-xining')"
        )
    own = _facts(database, tmp_path / "facts.csv")
    write_facts(database, tmp_path / "rolled.csv", include_all=True, rollup=True)
    with (tmp_path / "rolled.csv").open(encoding="utf-8-sig", newline="") as handle:
        rolled = list(csv.DictReader(handle))
    assert {r["zone"] for r in own} == {"sub-xining-dongchuan", "etdz-xining"}
    assert {(r["zone"], r["park_id"], r["zone_name"]) for r in rolled} == {("etdz-xining", "etdz-xining", "西宁经济技术开发区")}
    assert sorted(r["subject"] for r in rolled) == ["东川工业园区", "西宁经开区"]  # each fact still says what the text named


def test_the_table_command_takes_rollup(tmp_path):
    database = tmp_path / "records.sqlite"
    _database(database, {"a.txt": ("2022-01-10", [[_figure(3e9, "2021-12-31", subject="南沙片区", park_id="ftza-guangdong-nansha")]])})
    assert main(["table", str(tmp_path), "--all", "--rollup", "-o", str(tmp_path / "t.csv")]) == 0
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert [r["zone"] for r in csv.DictReader(handle)] == ["ftz-guangdong"]  # a 片区 rolls up into its free trade zone
