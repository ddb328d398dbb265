"""Issue 20 item 6: short pages share a call, up to the chunk budget, and each page gets back only its own records.

The pages are pieces of two seed pages (so the oracle answers each from its own
gold file); a packed run is compared with runs of each page alone.
"""

import json
import re
from concurrent.futures import wait
from pathlib import Path

import pytest
from conftest import input_outcomes, llm_extract

from extractor.cli import main
from extractor.tools.testserver import FakeModelServer, Script

ROOT = Path(__file__).resolve().parent.parent
SEEDS, GOLD = ROOT / "seeds", ROOT / "seeds" / "gold"
SOURCES = ("000_9db6b0ed7d8a633d.txt", "003_8501c12392327efb.txt")
PIECE_CHARS = 500  # a short page: several fit the default chunk budget (3,000 characters)
RECORD_FILES = ("figures.csv", "quotes.csv", "parks.csv", "initiatives.csv")


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("instructor")
    with FakeModelServer(Script(gold_dir=GOLD)) as running:
        yield running


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[Path]:
    """Short pages cut at paragraph ends from two seed pages, alternating between them (so a call carries both golds)."""
    folder = tmp_path_factory.mktemp("short")
    pieces: list[list[str]] = []
    for name in SOURCES:
        text, cut = (SEEDS / name).read_text(encoding="utf-8"), []
        while text and len(cut) < 3:
            end = text.find("\n\n", PIECE_CHARS)
            cut.append(text[: end if end != -1 else len(text)])
            text = text[len(cut[-1]) :].lstrip("\n")
        pieces.append(cut)
    written = []
    for index, (a, b) in enumerate(zip(*pieces, strict=True)):
        for source, piece in zip("ab", (a, b), strict=True):
            path = folder / f"{index}{source}.txt"
            path.write_text(piece, encoding="utf-8")
            written.append(path)
    return written


def run(server, out: Path, paths, *flags: str) -> dict:
    assert llm_extract(server.base_url, out, paths, "--timeout", "5", *flags) == 0
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def rows_by_doc(out: Path) -> dict[str, list[str]]:
    """Each document's record rows (figures, quotes, parks, initiatives), as the CSVs print them."""
    rows: dict[str, list[str]] = {}
    for name in RECORD_FILES:
        for line in (out / name).read_text(encoding="utf-8-sig").splitlines()[1:]:
            rows.setdefault(line.split(",", 1)[0], []).append(f"{name}:{line}")
    return rows


@pytest.mark.parametrize("extraction", ["anchored", "free"])
def test_short_pages_share_calls_and_each_gets_its_own_records(server, pages, tmp_path, extraction):
    server.reset(Script(gold_dir=GOLD))
    packed = run(server, tmp_path / "packed", pages, "--no-cache", "--extraction", extraction)
    assert packed["calls"] < len(pages)  # several pages in one call: packing is on
    assert all(d["status"] == "read" for d in input_outcomes(tmp_path / "packed"))
    alone: dict[str, list[str]] = {}
    for path in pages:
        server.reset(Script(gold_dir=GOLD))
        single = run(server, tmp_path / path.stem, [path], "--no-cache", "--extraction", extraction)
        assert single["calls"] == 1
        alone.update(rows_by_doc(tmp_path / path.stem))
    together = rows_by_doc(tmp_path / "packed")
    assert together == alone  # every page's records as if it had had a call of its own: nothing crossed between pages
    assert any(len(rows) > 1 for rows in together.values())


def test_a_rerun_asks_the_same_packed_calls_from_the_cache(server, pages, tmp_path):
    server.reset(Script(gold_dir=GOLD))
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = run(server, tmp_path / "first", pages, *cache)
    again = run(server, tmp_path / "again", pages, *cache)
    assert first["calls"] < len(pages)
    assert again["calls"] == 0 and again["cache_hits"] >= first["calls"]
    assert rows_by_doc(tmp_path / "again") == rows_by_doc(tmp_path / "first")


@pytest.mark.parametrize("fault", ["malformed", "500"])
def test_a_bad_packed_answer_costs_no_page(server, pages, tmp_path, fault):
    """The one call that carries every page fails: each page keeps the rules' records, none fails."""
    assert main(["extract", *map(str, pages), "-o", str(tmp_path / "rules")]) == 0
    server.reset(Script(gold_dir=GOLD, faults=[fault] * 20))
    flags = ("--chunk-chars", "100000", "--max-reasks", "0", "--max-retries", "0")
    packed = run_allowing_failure(server, tmp_path / "packed", pages, *flags)
    assert packed["calls"] == 1 and len(packed["failed_chunks"]) >= len(pages)
    assert all(d["status"] != "failed" for d in input_outcomes(tmp_path / "packed"))
    figures = rows_by_doc(tmp_path / "packed")
    rules = rows_by_doc(tmp_path / "rules")
    for doc, rows in rules.items():
        assert [r for r in rows if r.startswith("figures.csv")] == [r for r in figures.get(doc, []) if r.startswith("figures.csv")]


def run_allowing_failure(server, out: Path, paths, *flags: str) -> dict:
    """A run whose calls all fail exits 1 (more than half the chunks failed), but writes every page."""
    llm_extract(server.base_url, out, paths, "--no-cache", "--timeout", "5", *flags)
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


# -- how one answer is shared out between the pages of a call (hand-made answers, no server) ---------------

TWO_PAGES = ("本报讯 南昌高新区今年实现营业收入120亿元，同比增长8.5%。", "本报讯 南昌高新区新签约项目12个，总投资35亿元。")


def _packed_call(extraction: str, answer: dict):
    """Both pages in one call, and each page's records from the answer."""
    from extractor.backends import Page
    from extractor.backends.llm.anchoring import chunk_records
    from extractor.backends.llm.answers import without_marks
    from extractor.backends.llm.chunks import chunk_article
    from extractor.backends.llm.modes import mode_for
    from extractor.backends.llm.prompting import Packer, messages, page_parts
    from extractor.backends.rules import RulesBackend
    from extractor.backends.usage import ChunkTally
    from extractor.text.normalize import normalize
    from extractor.text.segment import segment

    packer, pages = Packer(3000), []
    for number, raw in enumerate(TWO_PAGES):
        text = normalize(raw).text
        (article,) = RulesBackend().extract(Page(f"p{number}", text, segment(text)))
        chunks = [(article, chunk) for chunk in chunk_article(text, article.start, article.end, article.index)]
        assert packer.add(page_parts(chunks, text, f"p{number}", "2024-01-10")) == []
        pages.append((text, article))
    batch = packer.flush()
    assert batch is not None and len(batch.parts) == 2 and len(batch.pages()) == 2
    mode = mode_for(extraction)
    context = {"text": without_marks(batch.plain_text()), "figure_ids": batch.figure_ids, "quote_ids": batch.quote_ids}
    parsed = mode.answer_model.model_validate(answer, context=context)
    pairs = zip(pages, batch.parts, strict=True)
    records = [chunk_records(text, article, part, parsed, batch, mode, ChunkTally()) for (text, article), part in pairs]
    return records, batch, messages(batch, extraction)[1]["content"]


def test_a_packed_prompt_names_each_page_and_numbers_candidates_across_the_call():
    _, batch, prompt = _packed_call("anchored", {})
    assert prompt.index("Page 1:") < prompt.index("120亿元") < prompt.index("Page 2:")
    first, second = (set(part.figures) for part in batch.parts)
    assert first and second and not first & second  # an id names one candidate of one page


def test_a_label_reaches_only_the_page_of_its_candidate():
    _, batch, _ = _packed_call("anchored", {})
    mark = next(m for m, f in batch.parts[1].figures.items() if f.value_text == "35亿元")
    records, _, _ = _packed_call("anchored", {"labels": [{"id": mark, "metric": "总投资"}]})
    assert [f.metric for f in records[1].figures if f.value_text == "35亿元"] == ["总投资"]
    assert "总投资" not in {f.metric for f in records[0].figures}


def test_a_name_both_pages_print_goes_to_the_page_the_answer_names_or_where_it_stands():
    named, _, _ = _packed_call("anchored", {"parks": [{"name": "南昌高新区", "page": 2}]})
    assert [p.name for p in named[0].parks] == [] and [p.name for p in named[1].parks] == ["南昌高新区"]
    unnamed, _, _ = _packed_call("anchored", {"parks": [{"name": "南昌高新区"}]})
    assert all([p.name for p in records.parks] == ["南昌高新区"] for records in unnamed)  # no page given: where its words stand
    nowhere, _, _ = _packed_call("anchored", {"initiatives": [{"name": "南昌高新区", "page": "Page 9"}]})
    assert all(records.initiatives == [] for records in nowhere)  # a page the call does not have


def test_a_figure_the_model_adds_goes_to_the_page_it_names():
    item = {"value_text": "8.5%", "value": 8.5, "unit": "%", "metric": "增速", "evidence": "同比增长8.5%", "page": "1"}
    records, _, _ = _packed_call("free", {"figures": [item]})
    assert any(f.metric == "增速" for f in records[0].figures) and not any(f.metric == "增速" for f in records[1].figures)


def test_the_schema_text_names_every_field_and_key_in_fewer_tokens_than_json_schema():
    import re

    from extractor.backends.llm.answers import ANSWER_MODELS, metric_keys
    from extractor.backends.llm.schematext import schema_text
    from extractor.models import Measure
    from extractor.text.tokens import estimate_tokens

    for model in ANSWER_MODELS.values():
        schema = model.model_json_schema()
        text = schema_text(schema)
        for definition in [schema, *schema["$defs"].values()]:
            for name in definition.get("properties", {}):
                required = name in definition.get("required", [])
                assert re.search(rf"[{{ ]{name}{'' if required else '[?]'}[:,}}]", text), name  # optional ones marked ?
        assert "id, " in text or model.__name__ != "ChunkAnswer"  # a string field goes untyped
        assert " ".join(m.value for m in Measure) in text  # an enum's values, space-separated
        assert not any(key in text.split() for key in metric_keys() if "_" in key)  # the keys are the keyer's, not asked for
        assert estimate_tokens(text) < 0.6 * estimate_tokens(json.dumps(schema, ensure_ascii=False, separators=(",", ":")))


def test_the_halves_of_a_split_call_keep_their_pages_numbers():
    """An answer cut off is asked again in halves; the second half's page is still Page 2, so a page the model names
    in either half's answer is the page of the whole call."""
    from extractor.backends.llm.client import split_batch
    from extractor.backends.llm.prompting import messages

    _, batch, _ = _packed_call("anchored", {})
    halves = split_batch(batch)
    assert halves is not None and [half.first_page for half in halves] == [1, 2]
    second = messages(halves[1], "anchored")[1]["content"]
    assert second.startswith("Page 2:") and "Page 1:" not in second
    assert [halves[1].page_of(part) for part in halves[1].parts] == [batch.page_of(batch.parts[1])]


def test_at_an_8k_context_short_pages_share_calls_and_every_call_fits(server, pages, tmp_path):
    """A call's answer budget counts, per candidate a part really holds, one item of the printed answer format:
    an 8k context then packs short pages (a budget of about 3× an answer cut every call to one page), and every call
    still fits the context, uncut, with the records of a run without a context limit."""
    server.reset(Script(gold_dir=GOLD, context_tokens=8192))
    packed = run(server, tmp_path / "packed", pages, "--no-cache")
    assert packed["calls"] <= len(pages) // 2
    assert all(r["prompt_tokens"] + r["max_tokens"] <= 8192 for r in server.stats.requests)
    assert server.stats.cut_at_max_tokens == 0 and packed["failed_chunks"] == []
    server.reset(Script(gold_dir=GOLD))
    run(server, tmp_path / "open", pages, "--no-cache")
    assert rows_by_doc(tmp_path / "packed") == rows_by_doc(tmp_path / "open")


def test_a_candidates_answer_budget_is_one_item_of_the_printed_format():
    from extractor.backends.llm.modes import MODES
    from extractor.text.tokens import estimate_tokens

    label = {"id": "N3", "metric": "实际利用外资", "metric_key": "fdi_actual", "measure": "level", "target": False}
    label |= {"subject": "哈尔滨经济技术开发区", "period": "2006年", "value_text": "1.7亿美元", "amount": 170000000.0}
    label |= {"base_unit": "美元", "qualifier": "exact"}
    written = estimate_tokens(json.dumps(label, ensure_ascii=False))  # a label as the oracle writes it: every field
    assert 0.8 * written <= MODES["anchored"].per_figure <= 1.25 * written
    figure = {k: v for k, v in label.items() if k != "id"} | {"value": 1.7, "unit": "亿美元", "page": 1}
    figure["evidence"] = "实际利用外资1.7亿美元"
    assert 0.8 * estimate_tokens(json.dumps(figure, ensure_ascii=False)) <= MODES["free"].per_figure  # a whole figure per candidate


def test_a_resumed_run_pays_nothing_again_for_pages_answered_before_the_stop(server, pages, tmp_path, monkeypatch):
    """A run stopped after writing one page, while the calls of later pages had come back: --resume packs the pages
    left differently (the written one is out), yet sends nothing for a page already answered, and writes what an
    uninterrupted run writes."""
    from extractor.backends.llm.client import EndpointClient
    from extractor.backends.llm.prompting import ANY_MARK
    from extractor.run import runner
    from extractor.text.normalize import normalize

    cache = ("--cache-dir", str(tmp_path / "cache"), "--concurrency", "1", "--chunk-chars", "1200")
    write, written = runner._write, []
    send, sent = EndpointClient.send, []

    def sending(client, *args):
        sent.append(send(client, *args))
        return sent[-1]

    def stop_after_one(prepared, *args):
        if written:
            # Stop once every call the client has sent is back (its parts cached), not when the server looks idle: a
            # call handed to the calls' loop but not yet at the server leaves the server idle, and the stop would
            # cancel it after the server had it, so the server would answer a call the client never heard back from
            # (the cause of this test's failures in about 2 of 5 loaded runs: the resumed run asked those pages again)
            assert not wait(sent, timeout=60).not_done
            raise KeyboardInterrupt
        written.append(prepared.work.entry.doc)
        return write(prepared, *args)

    monkeypatch.setattr(EndpointClient, "send", sending)
    server.reset(Script(gold_dir=GOLD))
    monkeypatch.setattr(runner, "_write", stop_after_one)
    # a generous --timeout: a call the client gave up on under a loaded machine was answered for the server only, and
    # its pages would count as answered here though their answer never reached the cache
    assert llm_extract(server.base_url, tmp_path / "out", pages, "--timeout", "120", *cache) == 130
    monkeypatch.setattr(runner, "_write", write)
    sent_before = [ANY_MARK.sub("", r["user"]) for r in server.stats.requests[: server.stats.answered]]  # one at a time
    openings = {path: normalize(path.read_text(encoding="utf-8")).text.strip()[:12] for path in pages}
    answered = [p for p in pages[len(written) :] if any(openings[p] in s for s in sent_before)]
    assert answered  # the stop left pages whose answers had come back unwritten

    server.reset(Script(gold_dir=GOLD))
    resumed = run(server, tmp_path / "out", pages, *cache, "--resume")
    sent_again = [ANY_MARK.sub("", r["user"]) for r in server.stats.requests]
    assert not [p for p in answered if any(openings[p] in s for s in sent_again)]
    server.reset(Script(gold_dir=GOLD))
    left = [p for p in pages[len(written) :] if p not in answered]
    alone = run(server, tmp_path / "left", left, "--no-cache", *cache[2:]) if left else {"calls": 0}
    assert resumed["calls"] == alone["calls"]  # only the pages never answered are paid for
    server.reset(Script(gold_dir=GOLD))
    run(server, tmp_path / "whole", pages, "--no-cache", *cache[2:])
    assert rows_by_doc(tmp_path / "out") == rows_by_doc(tmp_path / "whole")


def test_a_large_context_sizes_calls_beyond_the_chunk_budget_within_the_answer_ceiling(server, pages, tmp_path):
    """Where the context is known, it bounds a call, not --chunk-chars (which still bounds a chunk): a large context
    pays the fixed prefix fewer times. The answer ceiling (--max-output-tokens) bounds a call's candidates too, so a
    call the context holds is not cut off for its answer. The records are those of calls of one chunk budget each."""
    small = ("--no-cache", "--chunk-chars", "1200")
    server.reset(Script(gold_dir=GOLD))
    budgeted = run(server, tmp_path / "budgeted", pages, *small)
    server.reset(Script(gold_dir=GOLD))
    large = run(server, tmp_path / "large", pages, *small, "--context-tokens", "100000", "--max-output-tokens", "32000")
    sent = [len(r["user"]) for r in server.stats.requests]
    assert large["calls"] < budgeted["calls"] and max(sent) > 1200  # a call holds more text than --chunk-chars
    assert server.stats.cut_at_max_tokens == 0 and large["failed_chunks"] == []
    server.reset(Script(gold_dir=GOLD))
    ceiling = run(server, tmp_path / "ceiling", pages, *small, "--context-tokens", "100000", "--max-output-tokens", "1500")
    assert ceiling["calls"] > large["calls"]  # the answers' estimate, not the context, bounds these calls
    assert all(r["max_tokens"] <= 1500 for r in server.stats.requests)
    assert rows_by_doc(tmp_path / "large") == rows_by_doc(tmp_path / "budgeted") == rows_by_doc(tmp_path / "ceiling")


def test_the_prompt_version_follows_the_prompt_text_the_code_writes(monkeypatch):
    """Cached answers are keyed by the prompt's version: a change of the page line or of the schema's notation, which
    live in code and not in prompts/, is a new prompt as much as a changed template is."""
    from extractor.backends.llm import prompting

    before = prompting.prompt_version()
    changes = (("PAGE_HEADER", "Page {number}, undated:"), ("INTRODUCTION", "Reply in JSON:"))
    for name, changed in changes:
        with monkeypatch.context() as patch:
            patch.setattr(prompting, name, changed)
            prompting.prompt_version.cache_clear()
            assert prompting.prompt_version() != before, name
    prompting.prompt_version.cache_clear()
    assert prompting.prompt_version() == before


def test_a_park_line_only_where_the_chunk_does_not_say_its_park_alone():
    """The Park line costs tokens on every chunk: where the chunk names its article's park and no other park, the text
    says it already; where it names another park too, or not its own, the line says which one the article is about."""
    from extractor.backends.llm.chunks import Chunk
    from extractor.backends.llm.prompting import Batch, Part, messages
    from extractor.models import Article, Park

    def prompt(text: str, parks: list[Park]) -> str:
        article = Article(index=0, park="昆山出口加工区", start=0, end=len(text), body_start=0, parks=parks)
        return messages(Batch([Part(article, Chunk(0, 0, 0, len(text), text))]), "free")[1]["content"]

    own = "昆山出口加工区出口额达165.3亿美元。"
    assert "Park:" not in prompt(own, [Park(name="昆山出口加工区", aliases=["昆山综保区"])])
    assert "Park: 昆山出口加工区" in prompt("苏州工业园区与" + own, [Park(name="苏州工业园区")])
    assert "Park: 昆山出口加工区" in prompt("该区出口额达165.3亿美元。", [])


def test_the_schema_asks_for_no_reading_that_value_text_gives():
    """value, unit and a range's end follow from value_text: the printed schema does not ask for them (each field is
    paid for on every call), and a figure that gives value_text alone is read whole; one that gives them is read too."""
    from extractor.backends.llm.answers import FigureItem
    from extractor.backends.llm.modes import MODES
    from extractor.backends.llm.schematext import schema_text

    for mode in MODES.values():
        printed = schema_text(mode.answer_model.model_json_schema())
        assert "value_text" in printed and not {"value", "unit", "value_high"} & set(re.findall(r"(\w+)\??[:,}]", printed))
    assert FigureItem.model_validate({"value_text": "5万—20万元"}).value == 5
    assert FigureItem.model_validate({"value_text": "120亿元", "value": 120, "unit": "亿元"}).unit == "亿元"
