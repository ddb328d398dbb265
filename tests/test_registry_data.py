"""Integrity of the zone registry shipped in extractor/data/zones.csv.

The registry is knowledge as data: these tests check the properties every entry must
keep whoever edits the file (stable ids, unambiguous short names, real provinces, a
source for every fact), not today's contents.
"""

import csv
import re
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

COLUMNS = [
    "park_id", "name", "short_names", "province", "city", "level", "zone_type", "approved",
    "parent_id", "area_ha", "industries", "source",
]  # fmt: skip
REQUIRED = ["park_id", "name", "province", "level", "zone_type", "source"]

# China's 31 provincial-level divisions on the mainland (the registry's scope).
PROVINCES = {
    "北京市", "天津市", "上海市", "重庆市",
    "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省",
    "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
    "云南省", "陕西省", "甘肃省", "青海省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

# zone_type -> (park_id prefixes, fewest national entries expected, most that exist at national level).
# Totals: 178 national high-tech zones (2023, MOST), 230 national ETDZs (2021, MOFCOM) plus the
# few upgraded since, 23 national independent innovation demonstration zones (2022), 19 national
# new areas (2017); the 2018 catalogue's 135 customs special supervision zones (more since: a
# renamed 出口加工区 keeps its catalogue id `csz-…` as a 综合保税区), its 19 border zones and 23
# other national zones; 22 pilot free trade zones (2023) and their areas; Hainan Free Trade Port.
# Provincial rows (`prov-` + catalogue code) may take any of the types.
ZONE_TYPES = {
    "high_tech": (("htz", "prov"), 169, 178),
    "etdz": (("etdz", "prov"), 219, 240),  # the 2018 catalogue's 219, MOFCOM's 230 (2021), upgrades since
    "innovation_demo": (("idz",), 23, 23),
    "new_area": (("na",), 19, 19),
    "bonded": (("csz", "bz"), 0, 200),
    "comprehensive_bonded": (("csz", "cbz"), 0, 200),
    "border": (("bec", "prov"), 1, 25),
    "ftz": (("ftz",), 22, 22),
    "ftz_area": (("ftza",), 22, 80),
    "free_trade_port": (("ftp",), 1, 1),
    "industrial": (("prov",), 0, 0),  # provincial only
    "other": (("oth", "sub", "prov"), 1, 200),
}
# How an official name of each type ends (a renamed or mistyped entry shows up here).
NAME_ENDINGS = {
    "high_tech": ("高新技术产业开发区", "高技术产业开发区", "高新技术产业园区", "新技术开发区", "科技园区", "高新技术产业示范区",
                  "园", "产业经济区"),  # the catalogue's 张江高新区X园 (sub-parks), 金山高新技术产业经济区
    "etdz": ("开发区", "台商投资区", "工业园区", "产业园区"),
    "innovation_demo": ("国家自主创新示范区",),
    "new_area": ("新区",),
    "bonded": ("保税区", "保税港区", "出口加工区", "保税物流园区", "跨境工业区", "配套区", "B区"),
    "comprehensive_bonded": ("综合保税区", "园区", "B区", "片"),
    "border": ("经济合作区", "合作中心"),
    "ftz": ("自由贸易试验区",),
    "ftz_area": ("片区",),
    "free_trade_port": ("自由贸易港",),
    "industrial": ("园区", "集中区", "园", "区", "基地", "港", "）"),  # 成都现代工业港, 宁夏永宁工业园区（含…产业园）
    "other": ("区", "园", "城", "）", "基地"),
}
SLUG = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    found = []
    for name in ("zones.csv", "zones_provincial.csv"):
        text = files("extractor").joinpath("data", name).read_text(encoding="utf-8")
        reader = csv.DictReader(text.splitlines())
        assert reader.fieldnames == COLUMNS
        found += list(reader)
    return found


def spellings(row: dict[str, str]) -> list[str]:
    return [row["name"], *filter(None, row["short_names"].split("|"))]


def test_required_columns_are_filled(rows):
    for row in rows:
        missing = [col for col in REQUIRED if not row[col].strip()]
        assert not missing, (row["park_id"] or row["name"], missing)


def test_park_ids_are_unique_ascii_slugs_prefixed_by_type(rows):
    ids = Counter(row["park_id"] for row in rows)
    assert not [pid for pid, n in ids.items() if n > 1]
    for row in rows:
        assert SLUG.match(row["park_id"]), row["park_id"]
        prefixes = ZONE_TYPES[row["zone_type"]][0]
        assert row["park_id"].split("-")[0] in prefixes, (row["park_id"], row["zone_type"])


def test_every_spelling_names_one_zone(rows):
    owner: dict[str, str] = {}
    for row in rows:
        own = spellings(row)
        assert len(own) == len(set(own)), (row["park_id"], "repeats a spelling")
        for spelling in own:
            assert spelling == spelling.strip() and spelling, (row["park_id"], spelling)
            other = owner.setdefault(spelling, row["park_id"])
            assert other == row["park_id"], f"{spelling!r} names both {other} and {row['park_id']}"


def test_provinces_and_cities_are_consistent(rows):
    for row in rows:
        assert row["province"] in PROVINCES, (row["park_id"], row["province"])
        if row["province"] in MUNICIPALITIES and row["city"]:
            assert row["city"] == row["province"], row["park_id"]
        if row["city"]:
            assert row["city"] not in PROVINCES - MUNICIPALITIES, row["park_id"]


def test_levels_types_and_years_are_well_formed(rows):
    for row in rows:
        assert row["level"] in {"national", "provincial"}, row["park_id"]
        assert row["zone_type"] in ZONE_TYPES, row["park_id"]
        assert row["name"].endswith(NAME_ENDINGS[row["zone_type"]]), (row["park_id"], row["name"])
        if row["approved"]:  # a year, or year-month where the source gives it (1992-04)
            assert re.fullmatch(r"(19[89]\d|20[0-4]\d)(-(0[1-9]|1[0-2]))?", row["approved"]), (row["park_id"], row["approved"])
        if row["area_ha"]:
            assert float(row["area_ha"]) > 0, row["park_id"]


def test_counts_per_type_are_within_the_known_totals(rows):
    counts = Counter(row["zone_type"] for row in rows if row["level"] == "national")
    for zone_type, (_, fewest, most) in ZONE_TYPES.items():
        assert fewest <= counts[zone_type] <= most, (zone_type, counts[zone_type])


def test_well_known_proper_names_resolve_to_their_zone(rows):
    """Nicknames that do not contain the city name must still point at the right zone."""
    by_spelling = {spelling: row for row in rows for spelling in spellings(row)}
    expected = {
        "泰达": ("天津市", "etdz"), "光谷": ("湖北省", "high_tech"), "中关村": ("北京市", "high_tech"),
        "仲恺": ("广东省", "high_tech"), "杨凌": ("陕西省", "high_tech"), "漕河泾": ("上海市", "etdz"),
        "张江高新区": ("上海市", "high_tech"), "紫竹高新区": ("上海市", "high_tech"),
        "苏州工业园": ("江苏省", "etdz"), "亦庄开发区": ("北京市", "etdz"),
    }
    for spelling, (province, zone_type) in expected.items():
        row = by_spelling[spelling]
        assert (row["province"], row["zone_type"]) == (province, zone_type), spelling


def test_every_row_has_a_source_naming_a_document_or_page(rows):
    for row in rows:
        assert len(row["source"]) >= 10 and re.search(r"[\u4e00-\u9fff]|http|github|GitHub|\.", row["source"]), row["park_id"]


def test_parents_are_registered_zones_and_never_cycle(rows):
    by_id = {row["park_id"]: row for row in rows}
    for row in rows:
        seen, current = {row["park_id"]}, row
        while current["parent_id"]:
            assert current["parent_id"] in by_id, (current["park_id"], current["parent_id"])
            current = by_id[current["parent_id"]]
            assert current["park_id"] not in seen, ("cycle", row["park_id"])
            seen.add(current["park_id"])


def test_free_trade_zone_areas_belong_to_a_free_trade_zone_of_their_province(rows):
    by_id = {row["park_id"]: row for row in rows}
    areas = [row for row in rows if row["zone_type"] == "ftz_area"]
    assert areas
    for row in areas:
        parent = by_id[row["parent_id"]]
        assert parent["zone_type"] == "ftz" and parent["province"] == row["province"], row["park_id"]


def test_catalogue_rows_carry_their_catalogue_code_in_id_and_source(rows):
    """A catalogue zone's id is its code (csz-g113001 for G113001): stable through renames.

    A code the converted copy gives two zones (S377018) is suffixed in the second's id (prov-s377018-2).
    """
    for row in rows:
        if row["park_id"].startswith(("csz-", "prov-")):
            code = row["park_id"].split("-")[1].upper()
            assert code in row["source"], row["park_id"]


def _catalogue_rows(name: str) -> list[dict[str, str]]:
    path = Path(__file__).parents[1] / "scripts" / "zone_sources" / name
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_catalogue_copy_agrees_with_what_provinces_announced():
    """A second source for the catalogue's national rows: what a province announced it had.

    黑龙江 (2018-03-13): 16 national zones, of them 8 ETDZs, 3 high-tech zones, 2 comprehensive
    bonded zones, 2 border zones and 1 other (中俄东宁—波尔塔夫卡互市贸易区). 上海 (中商情报网
    2018-03-09): 20 national zones.
    """
    national = _catalogue_rows("catalogue2018_national.csv")
    heilongjiang = Counter(r["catalogue_type"] for r in national if r["province"] == "黑龙江省")
    announced = {"经济技术开发区": 8, "高新技术产业开发区": 3, "海关特殊监管区域": 2, "边境/跨境经济合作区": 2, "其他类型开发区": 1}
    assert heilongjiang == announced
    assert sum(r["province"] == "上海市" for r in national) == 20
    # and its provincial rows: 黑龙江 announced 省级开发区74家 (same statement)
    assert sum(r["province"] == "黑龙江省" for r in _catalogue_rows("catalogue2018_provincial.csv")) == 74
    assert len({r["code"] for r in national}) == len(national)  # one row per catalogue code


def test_every_national_catalogue_zone_is_registered(rows):
    codes = {code for row in rows for code in re.findall(r"目录2018 ([GS]\d{6})", row["source"])}
    assert {r["code"] for r in _catalogue_rows("catalogue2018_national.csv")} <= codes


def test_every_provincial_catalogue_zone_is_registered(rows):
    """The catalogue's 1,991 provincial zones, each a row of its own or a spelling of the zone it became."""
    provincial = _catalogue_rows("catalogue2018_provincial.csv")
    assert len(provincial) == 1991
    sources = Counter(code for row in rows for code in re.findall(r"目录2018 (S\d{6})", row["source"]))
    assert {r["code"] for r in provincial} <= set(sources)
    assert sources["S377018"] == 2  # one code, two zones in the copy: both kept
    assert len(rows) >= 2500


def test_two_catalogue_rows_stay_two_zones(rows):
    """济南临港经济开发区 shares an identity key with 威海临港经济技术开发区 but is a zone of its own."""
    by_name = {row["name"]: row for row in rows}
    assert by_name["济南临港经济开发区"]["park_id"] == "prov-s377002"
    assert "济南临港经济开发区" not in by_name["威海临港经济技术开发区"]["short_names"]
    # a provincial zone upgraded since is the national zone's spelling, with its 2018 facts
    assert "信阳高新技术产业开发区" not in {r["name"] for r in rows if r["level"] == "provincial"}
    assert "目录2018 S418118" in by_name["信阳高新技术产业开发区"]["source"]


def test_renamed_and_merged_zones_keep_one_id_with_every_old_name(rows):
    """renames.csv: each old name is a spelling of the row that carries the new name, and two old
    zones merged into one new name (广州保税区 and 广州出口加工区) leave one row, not two."""
    renames = list(csv.DictReader((Path(__file__).parent.parent / "scripts" / "zone_sources" / "renames.csv").open(encoding="utf-8")))
    holder = {s: row["park_id"] for row in rows for s in spellings(row)}
    for rename in renames:
        assert holder.get(rename["old_name"]) == holder.get(rename["new_name"]) is not None, rename
    merged = Counter(r["new_name"] for r in renames)
    assert any(n > 1 for n in merged.values())  # the file holds a merge, so the test above covers one
    assert all(sum(row["name"] == new for row in rows) == 1 for new in merged)
