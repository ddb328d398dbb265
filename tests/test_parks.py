"""Zone names, aliases and identity (issue 10): tables of names from outside the seed pages."""

from __future__ import annotations

import csv
import itertools
import json
import re
import sqlite3
import tomllib
from pathlib import Path

import pytest

from extractor.backends.rules.parks import find_park_mentions, short_name_definitions
from extractor.checks.identity import DocumentZones, derived_id
from extractor.cli import main
from extractor.domain import registry as registry_module
from extractor.domain.registry import RegistryError, load_registry
from extractor.domain.zonenames import vocabulary
from extractor.run.pipeline import extract_text

DATA = Path(__file__).parent / "data"
WORDS = tomllib.loads((Path(__file__).parents[1] / "extractor" / "data" / "zone_words.toml").read_text(encoding="utf-8"))


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _found(text: str) -> list[str]:
    return [m.name for m in find_park_mentions(f"据悉，{text}今年实现营业收入增长。")]


@pytest.mark.parametrize("row", _rows("park_names.csv"), ids=lambda r: r["text"])
def test_recognition_table(row):
    """Each real zone name is found whole; a generic or quantified mention is no park."""
    assert _found(row["text"]) == ([row["park"]] if row["park"] else [])


def test_recognition_table_is_big_enough():
    rows = _rows("park_names.csv")
    assert sum(bool(r["park"]) for r in rows) >= 150 and sum(not r["park"] for r in rows) >= 50


@pytest.mark.parametrize("entry", WORDS["type"], ids=lambda e: e["canonical"])
def test_type_examples(entry):
    for example in entry.get("examples", []):
        assert _found(example) == [example], example
    for counter in entry.get("counter_examples", []):
        assert _found(counter) == [], counter


def test_word_list_examples():
    for example in WORDS["proper_names"]["examples"]:
        assert _found(example) == [example]
    for counter in WORDS["generic_modifiers"]["examples"] + WORDS["not_place_stems"]["counter_examples"]:
        assert _found(counter) == []
    for counter in WORDS["generic_modifiers"]["body_examples"]:
        assert _found(counter) == []  # 青岛海关自贸区: a customs body's office, no zone
    assert _found("青岛海关辖区综合保税区")  # with more words the body's district may still name the zones it covers
    for example in WORDS["short_name_cues"]["examples"]:
        assert short_name_definitions(example)


def test_a_place_name_with_a_function_character_is_read_from_the_place_list():
    """都 ends a verb phrase in a modifier, but 成都 is a city."""
    assert _found("成都高新区") == ["成都高新区"]
    assert _found("他们都高新区") == []


def _same(a: str, b: str, text: str = "") -> bool:
    zones = DocumentZones(text or f"{a}。{b}。")
    left, right = zones.resolve(a), zones.resolve(b)
    assert left is not None and right is not None, (a, b)
    return left.park_id == right.park_id


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("合肥高新技术产业开发区", "合肥高新区"),
        ("郑州经济技术开发区", "郑州经开区"),
        ("天津经济技术开发区", "天津开发区"),
        ("山东省威海高新区", "威海高新区"),
        ("长沙望城经开区", "望城经济技术开发区"),
        ("苏州国家高新区", "苏州高新技术产业开发区"),
        ("張江高新區", "张江高新区"),
    ],
)
def test_spellings_of_one_zone_are_one_identity(a, b):
    assert _same(a, b)


@pytest.mark.parametrize(
    ("spelling", "park_id"),
    [
        ("中国老挝磨憨—磨丁经济合作区", "bec-g535017"),
        ("中國老撾磨憨—磨丁經濟合作區", "bec-g535017"),
        ("中哈霍爾果斯國際邊境合作中心", "bec-g655018"),
        ("中蒙二连浩特-扎门乌德经济合作区", "bec-erenhot-zamynuud"),
        ("广西东兴国家重点开发开放试验区", "oth-dongxing-kfkf"),
        ("塔城重點開發開放試驗区", "oth-tacheng-kfkf"),
        ("横琴粤澳深度合作区", "oth-zhuhai-hengqin"),
        ("深汕特别合作区", "oth-shenshan"),
        # an old county glossed with its present name (the renames in place_renames.csv resolve the old one)
        ("铜梁县（今铜梁区）高新区", "prov-s508025"),
        ("璧山县(今璧山区)高新技术产业开发区", "htz-chongqing-bishan"),
    ],
)
def test_border_pilot_and_cooperation_zones_resolve_to_their_ids(spelling, park_id):
    """Zones of the types the catalogue lacks (重点开发开放试验区, 深度合作区, a dash-joined cross-border name), in full,
    dashed and traditional spellings, are found whole and resolve to their registered id."""
    result = extract_text(f"{spelling}建设加快，项目签约落户。")
    assert [p.park_id for a in result.articles for p in a.parks] == [park_id]


@pytest.mark.parametrize(
    ("a", "b"), [("武汉东湖新技术开发区", "武汉经济技术开发区"), ("苏州工业园区", "苏州高新区"), ("西安高新区", "西安经开区")]
)
def test_two_zones_of_one_city_stay_two(a, b):
    assert not _same(a, b)


def test_a_bare_kaifaqu_takes_the_one_zone_of_its_city_in_the_document():
    text = "威海高技术产业开发区环境优美。威海开发区引进项目。"
    assert _same("威海开发区", "威海高技术产业开发区", text)


def test_a_defined_short_name_is_an_alias():
    text = "合肥高新技术产业开发区（以下简称“合肥高新区”）今年营收增长。合肥高新区将继续推进改革。"
    result = extract_text(text)
    parks = [p for a in result.articles for p in a.parks]
    assert len({p.park_id for p in parks}) == 1
    assert {"合肥高新技术产业开发区", "合肥高新区"} <= {parks[0].name, *parks[0].aliases}


def test_an_unregistered_zone_gets_a_stable_derived_id():
    zones = DocumentZones("某某县", load_registry(packaged=False))
    identity = zones.resolve("宁夏永宁工业园区")
    assert identity is not None and not identity.registered
    assert identity.park_id == derived_id(identity.key) == DocumentZones("", load_registry(packaged=False)).resolve("永宁工业园区").park_id


def test_registry_fixture_gives_official_name_and_nicknames():
    fixture = load_registry([DATA / "zones_fixture.csv"], packaged=False)
    zones = DocumentZones("天津经济技术开发区（以下简称泰达）今年增长。", fixture)
    for spelling in ("山东省威海高新区", "威海高技术产业开发区", "威海火炬高新区"):
        assert zones.resolve(spelling).park_id == "test-weihai"
    assert zones.resolve("泰达").park_id == "test-teda"
    assert zones.resolve("天津开发区").park_id == "test-teda"
    assert zones.resolve("内蒙古鄂尔多斯市伊金霍洛旗蒙苏经开区").park_id == "test-mengsu"


def test_registry_errors_are_clear(tmp_path):
    missing = tmp_path / "bad.csv"
    missing.write_text("id,name\nx,y\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="park_id"):
        load_registry([missing], packaged=False)
    twice = tmp_path / "twice.csv"
    twice.write_text("park_id,name\na,甲高新区\na,乙高新区\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="already"):
        load_registry([twice], packaged=False)


def test_park_records_carry_identity_and_figures_their_park_id():
    fixture = registry_module.use_files([DATA / "zones_fixture.csv"])
    try:
        result = extract_text("山东省威海高新区今年实现营业收入120亿元。威海高新区将继续发展。")
        park = next(p for a in result.articles for p in a.parks)
        assert (park.park_id, park.registered, park.name) == ("test-weihai", True, "威海火炬高技术产业开发区")
        assert {"山东省威海高新区", "威海高新区"} <= set(park.aliases)
        assert (park.level, park.province, park.city) == ("national", "山东", "威海")
        assert park.status.value == "verified"  # the official name is not printed; a spelling is
        figures = [f for a in result.articles for f in a.figures if f.subject]
        assert figures and all(f.park_id == "test-weihai" for f in figures if "威海" in f.subject)
    finally:
        registry_module.use_files([])
    assert fixture.zones


def test_spellings_one_per_document_are_found_and_linked():
    """A national zone in two or three spellings, one spelling per one-sentence document."""
    rows = _rows("zone_spellings.csv")
    assert len({r["zone"] for r in rows}) >= 50
    predicted = {}
    for row in rows:
        result = extract_text(f"记者从{row['spelling']}获悉，今年前三季度实现营业收入1200亿元，同比增长8.5%。")
        parks = [p for a in result.articles for p in a.parks]
        if parks:
            predicted[row["spelling"]] = parks[0].park_id
    found = len(predicted) / len(rows)
    pairs = list(itertools.combinations([r for r in rows if r["spelling"] in predicted], 2))
    linked = [(a, b) for a, b in pairs if predicted[a["spelling"]] == predicted[b["spelling"]]]
    same = [(a, b) for a, b in pairs if a["zone"] == b["zone"]]
    true_links = [(a, b) for a, b in linked if a["zone"] == b["zone"]]
    precision = len(true_links) / len(linked)
    recall = len(true_links) / len(same)
    assert found >= 0.95 and precision >= 0.98 and recall >= 0.90, (found, precision, recall)


def test_zones_table_has_one_row_per_zone_across_documents(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("山东省威海高新区今年实现营业收入120亿元。威海高新区继续发展。", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("威海火炬高技术产业开发区引进项目12个。成都高新区也在发展。", encoding="utf-8")
    assert main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--parks", str(DATA / "zones_fixture.csv")]) == 0
    registry_module.use_files([])
    with sqlite3.connect(tmp_path / "out" / "records.sqlite") as db:
        rows = {r[0]: r[1:] for r in db.execute("SELECT park_id, mentions, documents, docs, first_published FROM zones")}
    mentions, documents, docs, _first = rows["test-weihai"]
    assert (mentions, documents, json.loads(docs)) == (3, 2, ["a.txt", "b.txt"])
    assert len(rows) == 2


def test_parks_option_reports_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nx\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("成都高新区今年增长。", encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--parks", str(bad)]) == 2
    assert "park_id" in capsys.readouterr().err


def test_vocabulary_reads_traditional_characters_in_place():
    words = vocabulary()
    assert words.simplify("天津開發區") == "天津开发区" and len(words.simplify("開")) == 1


def test_simplify_is_the_translate_table_and_leaves_a_simplified_page_as_it_is():
    """simplify() gives what str.translate of the table gives; a page with no traditional character is returned
    whole (the same object), not looked up character by character (translate cost 0.8 ms a page)."""
    words = vocabulary()
    page = "天津经济技术开发区（滨海新区）今年实现营业收入5,321亿元，同比增长6.5%。\n深圳市鄂尔多斯徐州高新区" * 50
    assert words.simplify(page) == page.translate(words.traditional) and words.simplify(page) is page
    traditional = "".join(chr(code) for code in words.traditional)
    mixed = "".join(a + b for a, b in itertools.zip_longest(page[: len(traditional)], traditional, fillvalue="區"))
    assert words.simplify(mixed) == mixed.translate(words.traditional) != mixed


def test_a_collective_subject_gets_no_park_id():
    """Totals of a group of zones are about the group: no single zone's park_id on them."""
    from extractor.checks.identity import DocumentZones

    text = "天津开发区工业总产值增长。我国经济技术开发区、全省开发区和32个国家级经济技术开发区的数据。"
    zones = DocumentZones(text)
    assert zones.resolve_subject("天津开发区") is not None
    for collective in ("我国经济技术开发区", "全省开发区", "32个国家级经济技术开发区", "中国开发区", "沿海开发区"):
        assert zones.resolve_subject(collective) is None, collective


def test_a_place_with_a_modifier_and_the_place_alone_are_one_zone_in_a_document():
    page = "前海深港现代服务业合作区上半年实际使用外资38.5亿美元。今年上半年，前海合作区实际使用外资38.5亿美元。"
    parks = [p for a in extract_text(page).articles for p in a.parks]
    assert len(parks) == 1 and set([parks[0].name, *parks[0].aliases]) == {"前海深港现代服务业合作区", "前海合作区"}


# --- the catalogue's zone types (issue 21) -------------------------------------------------------

NEW_TYPES = _rows("zone_new_types.csv")


def test_a_bare_kaifaqu_never_takes_a_bonded_zone_of_its_place():
    """吴中开发区 beside 吴中综合保税区 is the development zone the bonded zone lies in (zone_words.toml stands_for)."""
    text = "吴中开发区实现地区生产总值124.7亿元。开发区打造了吴中综合保税区、尹山国际汽车城。"
    zones = DocumentZones(text)
    assert zones.resolve("吴中开发区").park_id != zones.resolve("吴中综合保税区").park_id
    assert zones.resolve("吴中开发区").zone.zone_type == "etdz"


def _resolved(spelling: str) -> str:
    """The park_id an article that names the spelling alone gives it."""
    result = extract_text(f"记者从{spelling}获悉，今年前三季度实现营业收入1200亿元。")
    parks = [p for a in result.articles for p in a.parks]
    return parks[0].park_id if parks else ""


@pytest.mark.parametrize("row", NEW_TYPES, ids=lambda r: r["short"])
def test_zones_of_every_new_type_resolve_to_their_registered_id(row):
    """Full and short spellings of each new kind of zone are found and resolve to the registry's row."""
    assert _resolved(row["full"]) == row["park_id"], row["full"]
    assert _resolved(row["short"]) == row["park_id"], row["short"]


@pytest.mark.parametrize("row", NEW_TYPES, ids=lambda r: r["short"])
def test_two_spellings_of_a_new_type_zone_share_its_id(row):
    assert _same(row["full"], row["short"])


def test_every_new_zone_type_is_in_the_table():
    from extractor.domain.registry import registry

    types = {registry().zone(r["park_id"]).zone_type for r in NEW_TYPES}
    assert {"comprehensive_bonded", "ftz", "ftz_area", "free_trade_port", "border", "other"} <= types


def test_a_sub_park_points_at_its_zone_and_rolls_up():
    from extractor.domain.registry import registry

    zones = registry()
    sub = zones.zone("sub-xining-dongchuan")
    assert sub is not None and sub.parent_id == "etdz-xining"
    assert zones.parent("sub-xining-dongchuan").name == "西宁经济技术开发区"
    assert zones.root("ftza-hubei-wuhan") == "ftz-hubei"
    assert "sub-xining-nanchuan" in {z.park_id for z in zones.children("etdz-xining")}
    assert zones.root("etdz-xining") == "etdz-xining"  # a zone with no parent rolls up into itself
    # the catalogue's 张江高新区X园 are parks of 上海张江高新区 (一区多园)
    assert zones.parent("prov-s318034").park_id == "htz-shanghai-zhangjiang"
    assert len(zones.children("htz-shanghai-zhangjiang")) >= 16


def test_a_sub_park_and_its_zone_stay_two_parks_in_one_text():
    page = "西宁经济技术开发区东川工业园区今年新增企业12家。西宁经济技术开发区工业增加值增长9%。"
    ids = {p.park_id for a in extract_text(page).articles for p in a.parks}
    assert {"sub-xining-dongchuan", "etdz-xining"} <= ids


def test_a_user_file_without_the_new_columns_still_loads(tmp_path):
    old = tmp_path / "old.csv"
    header = "park_id,name,short_names,province,city,level,zone_type,approved,source"
    old.write_text(f"{header}\nx-a,甲乙高新技术产业开发区,,江苏省,,provincial,high_tech,,doc\n", encoding="utf-8")
    zone = load_registry([old], packaged=False).user_zones[0]
    assert (zone.park_id, zone.parent_id, zone.area_ha) == ("x-a", "", "")


def test_company_names_are_no_park_names():
    """A company whose name begins like a place owns plants, not zones (宁德时代产业园)."""
    for example in WORDS["company_names"]["examples"]:
        assert _found(example) == [], example
    for counter in WORDS["company_names"]["counter_examples"]:
        assert _found(counter) == [counter], counter


def test_a_park_named_after_a_company_the_text_names_is_no_park():
    """郑州比克产业园 beside 比克电池有限公司: the company's plant; 西安软件产业园 beside 华为软件有限公司 stays."""
    cases = WORDS["company_parks"]
    for case in cases["examples"]:
        assert case["name"] not in [m.name for m in find_park_mentions(case["text"])], case
    for case in cases["counter_examples"]:
        assert case["name"] in [m.name for m in find_park_mentions(case["text"])], case


@pytest.mark.parametrize("phrase", ["本市产业园区", "银川市产业园区", "广西县域工业园区", "苏银合作产业园", "全省各类开发区"])
def test_generic_phrases_and_fragments_are_no_parks(phrase):
    assert _found(phrase) == []


def test_registry_only_types_need_the_registry():
    """片区, 先行区, 试验区 name a zone only when it is registered: 光谷片区 is a district of a plan."""
    assert _found("光谷片区") == [] and _found("武汉片区") == ["武汉片区"]
    empty = load_registry(packaged=False)
    zones = DocumentZones("武汉片区。", empty)
    assert zones.resolve("武汉片区") is not None  # the reader still parses it; recognition is what the registry gates


def test_the_token_automaton_finds_what_probing_every_length_finds():
    """One pass of the automaton gives, at each position, every token probing each length would."""
    words = vocabulary()
    for text in ("内蒙古鄂尔多斯市伊金霍洛旗蒙苏", "江苏省苏州工业园", "从江苏省苏州", "山东省级威海国家"):
        for position in range(len(text)):
            probed = [
                words.tokens[text[position : position + n]]
                for n in range(min(words.max_token, len(text) - position), 0, -1)
                if text[position : position + n] in words.tokens
            ]
            assert words._tokens_at(text, position) == probed, (text, position)


def _zone_of(spelling: str):
    from extractor.domain.registry import registry

    zones = registry()
    parsed = zones.vocabulary.parse(spelling, anchored=False)
    return zones.find(parsed.key if parsed is not None else spelling)


@pytest.mark.parametrize(
    ("spelling", "park_id"),
    [
        ("中关村高新区", "htz-beijing-zhongguancun"),  # also 江苏省中关村高新技术产业开发区's regular short form
        ("松江经开区", "etdz-shanghai-songjiang"),  # 上海松江经济开发区 (provincial) reads alike
        ("承德高新区", "htz-chengde"),  # 河北承德县高新技术产业开发区 (provincial) reads alike
        ("阿拉善高新区", "prov-s158039"),  # a provincial zone of the catalogue resolves to its own row
        ("沅江高新区", "prov-s438045"),
    ],
)
def test_a_provincial_zone_yields_a_shared_key_to_the_national_zone(spelling, park_id):
    assert _zone_of(spelling).park_id == park_id


@pytest.mark.parametrize("phrase", ["石化工业园区", "科技产业园", "临港工业园区", "轻工产业园", "县域工业园区"])
def test_a_generic_phrase_names_no_registered_zone(phrase):
    """Two provincial zones whose names read alike once the place is off (广西田东 and 福建泉港石化工业园区) name neither."""
    assert _zone_of(phrase) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [("青海南川工业园区", "南川工业园区"), ("山东临淄经济开发区", "临淄经济开发区"), ("湖南沅江高新技术产业园区", "沅江高新区")],
)
def test_two_spellings_of_a_catalogue_zone_share_its_id(a, b):
    assert _zone_of(a) is not None and _zone_of(a).park_id == _zone_of(b).park_id


# Regular short forms of the new types: X综保区, X自贸区, X片区, X先行区, X试验区, X合作区 (and the customs zones' own).
_SHORT_ENDS = ("综保区", "自贸区", "自贸试验区", "片区", "先行区", "试验区", "合作区", "保税区", "保税港区", "自贸港")


@pytest.mark.parametrize("zone_type", ["comprehensive_bonded", "bonded", "border", "ftz", "ftz_area", "free_trade_port", "other"])
def test_every_registry_row_of_a_new_type_resolves_in_its_full_and_short_spellings(zone_type):
    """Every row, not a sample: its name and each regular short form give its id, so two spellings share it.

    Names whose identity key two zones share (苏州工业园综合保税区, 苏州高新技术产业开发区综合保税区: both 苏州综保区)
    still name their own zone as listed.
    """
    from extractor.domain.registry import registry

    zones = DocumentZones("")
    rows = [z for z in registry().zones if z.zone_type == zone_type]
    shorts = [(z, s) for z in rows for s in {*z.short_names, *_regular_short(z.name)} if s.endswith(_SHORT_ENDS)]
    assert rows and (shorts or zone_type == "other")
    wrong = []
    for zone, spelling in [*((z, z.name) for z in rows), *shorts]:
        identity = zones.resolve(spelling)
        if identity is None or identity.park_id != zone.park_id:
            wrong.append((spelling, zone.park_id, identity and identity.park_id))
    assert not wrong


def _regular_short(name: str) -> list[str]:
    """The short form news derives from a full name (满洲里边境经济合作区 → 满洲里合作区), whether listed or not."""
    bare = re.sub(r"^中国（(.+?)）", r"\1", name)
    return [bare[: -len(long)] + short for long, short in _REGULAR if bare.endswith(long) and len(bare) > len(long) + 1]


_REGULAR = (("边境经济合作区", "合作区"), ("综合保税区", "综保区"), ("自由贸易试验区", "自贸区"), ("自由贸易港", "自贸港"))


def test_a_listed_name_whose_key_two_zones_share_names_its_own_zone():
    text = "苏州工业园综合保税区和苏州高新技术产业开发区综合保税区的进出口额。"
    ids = {p.park_id for a in extract_text(text).articles for p in a.parks}
    assert {"csz-g323041", "csz-g323040"} <= ids


def test_a_sub_park_record_carries_the_zone_it_belongs_to():
    page = "西宁经济技术开发区东川工业园区今年新增企业12家。西宁经济技术开发区工业增加值增长9%。"
    parents = {p.park_id: p.parent_id for a in extract_text(page).articles for p in a.parks}
    assert parents["sub-xining-dongchuan"] == "etdz-xining" and parents["etdz-xining"] == ""


def test_a_park_two_places_share_keeps_the_partner_before_the_dash():
    """深圳—汕尾合作产业园: the name starts at the first place; 汕尾合作产业园 would be a fragment of it."""
    page = "深圳—汕尾合作产业园营业收入增长12%。"
    names = [p.name for a in extract_text(page).articles for p in a.parks]
    assert names == ["深圳—汕尾合作产业园"]
    assert _found("两地共建合作产业园。") == []  # the bare phrase is no park


def test_a_run_of_a_page_is_read_once_whatever_names_the_callers_know(monkeypatch):
    """The clean names, the identities and the initiatives ask of the same runs with sets of their own: each run's
    reading is shared, and each caller still gets what its own names give (禾埠工业园 alone counts only where known)."""
    from extractor.domain import mentions

    text = "江西省吉安县禾埠工业园与武汉东湖新技术开发区签约。禾埠工业园将建设新项目。"
    mentions._last_page.clear()
    fresh = {
        "none": [m.name for m in find_park_mentions(text, 0, len(text), set())],
        "document": [m.name for m in find_park_mentions(text)],
    }
    read: list[tuple[int, int]] = []
    real = mentions._reading
    monkeypatch.setattr(mentions, "_reading", lambda words, t, s, e, run: read.append((s, e)) or real(words, t, s, e, run))
    mentions._last_page.clear()
    assert [m.name for m in find_park_mentions(text, 0, len(text), set())] == fresh["none"]
    assert [m.name for m in find_park_mentions(text)] == fresh["document"]
    assert read and len(read) == len(set(read))  # every run read once, though three sets of names asked
    assert "禾埠工业园" in fresh["document"] and "禾埠工业园" not in fresh["none"]


def test_a_zone_named_with_its_district_in_brackets_is_known_by_its_bare_name_too():
    page = "梧州高新技术产业开发区(龙圩新区)今年实现工业总产值120亿元。"
    parks = [p for a in extract_text(page).articles for p in a.parks]
    assert len(parks) == 1 and "梧州高新技术产业开发区" in {parks[0].name, *parks[0].aliases}


def test_the_parks_a_one_zone_many_parks_sentence_lists_are_sub_parks():
    """一区四园 … 园区分为：A、B、C (zone_words.toml [listed_parts]): each listed park is a park, though no place starts it."""
    cases = WORDS["listed_parts"]
    for case in cases["examples"]:
        assert case["name"] in [m.name for m in find_park_mentions(case["text"])], case
    for case in cases["counter_examples"]:
        assert case["name"] not in [m.name for m in find_park_mentions(case["text"])], case
    assert _found("白鹤能源建材产业园") == []  # alone, with no 一区N园 sentence, the name needs a place


def test_a_listed_sub_park_points_at_the_zone_named_before_it():
    page = ("张家口市经济开发区推进“一区多园”战略。“一区多园”战略是打造特色园区,目前重点打造的是洋河高科园区、"
            "现代产业园区、流平寺工业园区等五个特色园区。")
    parks = {p.name: p for a in extract_text(page).articles for p in a.parks}
    assert parks["洋河高科园区"].parent_id == "etdz-zhangjiakou"
    # a place-less spelling the registry knows in another province (安徽's 金寨现代产业园区) is not this sub-park's id
    assert parks["现代产业园区"].park_id != "prov-s349047" and parks["现代产业园区"].parent_id == "etdz-zhangjiakou"


def test_a_page_that_names_its_zone_only_by_kind_reports_that_zone():
    """[document_zone]: 经开区 opening clause after clause on a 新乡 page is the 新乡经开区; collectives are not."""
    cases = WORDS["document_zone"]
    for case in cases["examples"]:
        assert case["name"] in [m.name for m in find_park_mentions(case["text"])], case
    for case in cases["counter_examples"]:
        assert case["name"] not in [m.name for m in find_park_mentions(case["text"])], case
    named = cases["counter_examples"][-1]["text"]  # 西安高新区 in the title: a window after it finds no zone of its own
    assert find_park_mentions(named, named.index("\n\n"), len(named)) == []
    parks = [p for a in extract_text(cases["examples"][0]["text"]).articles for p in a.parks]
    assert [(p.name, p.park_id) for p in parks] == [("经开区", "etdz-xinxiang")]
    no_place = [p for a in extract_text(cases["examples"][1]["text"]).articles for p in a.parks]
    assert [(p.name, p.park_id) for p in no_place] == [("高新区", "")]  # no place on the page: the zone stays unnamed


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("黑龙江开发区持续优化投资环境，经济规模稳步扩大。", None),  # the province's zones: 龙江 is inside 黑龙江
        ("黑龍江開發區持續優化投資環境。", None),  # the same in traditional characters
        ("龙江经济开发区今年引进项目5个。", "prov-s237037"),  # counter-example: 龙江县's own zone, printed alone
    ],
)
def test_a_zone_is_not_read_from_a_place_inside_a_longer_place(text, zone):
    parks = [r.park_id for r in extract_text(text).records() if r.kind == "park"]
    assert parks == ([zone] if zone else [])
