"""Rebuild extractor/data/zones.csv from the source files in scripts/zone_sources/.

Run it with the project's Python (``.venv/bin/python scripts/build_zones.py``; ``--check`` only reports what would
change). The sources, each a small CSV that says where its facts come from:

- ``national_core.csv``: the hand-curated national high-tech zones, ETDZs, innovation
  demonstration zones and new areas (the registry as first shipped; its ids are frozen).
- ``catalogue2018_national.csv`` / ``catalogue2018_provincial.csv`` (the latter optional):
  rows of 《中国开发区审核公告目录》(2018年版), one per zone with its catalogue code,
  approval date, approved area (hectares) and leading industries. A file with the
  columns of a converted copy of the whole catalogue (序号,代码,开发区名称,省份,
  城市/区县,批准级别,开发区类型,批准时间,核准面积_公顷,主导产业 …) is read as well.
- ``ftz.csv``, ``hainan_ftp.csv``, ``border.csv``, ``subparks.csv``, ``customs_since2018.csv``,
  ``others_since.csv``: zones approved since (pilot free trade zones and their areas, Hainan Free
  Trade Port and its key parks), border and cross-border cooperation zones, the sub-parks of a zone
  (``parent_id``), comprehensive bonded zones approved or opened after the catalogue, and the other
  national zones the State Council set up outside the catalogue's types (郑州航空港经济综合实验区).
- ``regional_since.csv``: zones a province set up outside the catalogue, with a ``level`` column
  (深汕特别合作区, 广东 2011).
- ``renames.csv``: old name → current name (出口加工区 → 综合保税区); the zone keeps one
  id and its old name stays a spelling.

Regular short forms are derived here (X综合保税区 → X综保区; a province prefix dropped:
江苏常州综合保税区 → 常州综合保税区), and a spelling two zones would share is given to
neither (the registry's ambiguity rule); the dropped spellings are printed.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = Path(__file__).resolve().parent / "zone_sources"
TARGET = ROOT / "extractor" / "data" / "zones.csv"  # national zones and those approved since
TARGET_PROVINCIAL = ROOT / "extractor" / "data" / "zones_provincial.csv"  # the catalogue's provincial zones
COLUMNS = (
    "park_id", "name", "short_names", "province", "city", "level", "zone_type",
    "approved", "parent_id", "area_ha", "industries", "source",
)  # fmt: skip
# A catalogue row's source: this key and its code. zones.md says what the key stands for:
# 《中国开发区审核公告目录》(2018年版), 国家发展改革委等六部门公告2018年第4号, as converted to CSV in
# the public GitHub repository kaiwulaw/china-industrial-zones-atlas (data/enriched.csv).
CATALOGUE = "目录2018"

# The catalogue's type of a national zone → (zone_type, id prefix); customs zones by name.
NATIONAL_TYPES = {
    "经济技术开发区": ("etdz", "etdz"),
    "高新技术产业开发区": ("high_tech", "htz"),
    "边境/跨境经济合作区": ("border", "bec"),
    "其他类型开发区": ("other", "oth"),
}
# Provincial zones by the end of their name (the catalogue's type column says 经济开发区 etc.).
PROVINCIAL_TYPES = (
    ("高新技术产业园区", "high_tech"), ("高新技术产业开发区", "high_tech"), ("高新区", "high_tech"),
    ("边境经济合作区", "border"), ("经济技术开发区", "etdz"), ("经济开发区", "etdz"), ("工业园区", "industrial"),
    ("工业集中区", "industrial"),
    ("产业园区", "industrial"), ("开发区", "etdz"),
)  # fmt: skip
CATALOGUE_PROVINCIAL = {"工业园区": "industrial", "经济开发区": "etdz", "高新技术产业园区": "high_tech", "高新技术产业开发区": "high_tech"}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


def read(name: str) -> list[dict[str, str]]:
    path = SOURCES / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def customs_type(name: str) -> str:
    return "comprehensive_bonded" if "综合保税区" in name else "bonded"


def short_forms(name: str, province: str) -> list[str]:
    """The regular short forms news uses for a catalogue name."""
    bare = re.sub(r"（[^）]*）$", "", name)  # 喀什经济开发区（含新疆生产建设兵团片区）
    customs = re.search(r"综合保税区|保税港区|出口加工区|保税物流园区|保税区", bare)
    if customs and customs.end() < len(bare):
        bare = bare[: customs.end()]  # 南京综合保税区龙潭片及江宁片, 江苏常熟综合保税区A区、B区
    forms = [bare]
    if province not in MUNICIPALITIES:
        for prefix in (province, province[:2], province[:3]):
            rest = bare[len(prefix) :]
            if prefix and bare.startswith(prefix) and not rest.startswith(GENERIC_STARTS) and len(rest) >= 6:
                forms.append(rest)  # 江苏常州综合保税区 → 常州综合保税区
                break
    for form in list(forms):
        for long, short in (("综合保税区", "综保区"), ("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区")):
            if form.endswith(long) and len(form) > len(long) + 1:
                forms.append(form[: -len(long)] + short)
    return [f for f in dict.fromkeys(forms) if f != name]


GENERIC_STARTS = ("出口", "综合", "经济", "保税", "高新", "工业", "产业", "国家", "省级")


def city_of(row: dict[str, str]) -> str:
    city = row.get("city", "").strip()
    if row["province"] in MUNICIPALITIES:
        return row["province"]
    if not city:
        return city_in_name(row["name"], row["province"])
    return city if city.endswith(("市", "自治州", "地区", "盟", "县")) else city + "市"


@cache
def places_of(province: str) -> dict[str, set[str]]:
    """Place stems and names of a province (extractor/data/places.csv) → the prefecture(s) they lie in."""
    with (ROOT / "extractor" / "data" / "places.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["province"] == province and r["kind"] in ("city", "county")]
    prefectures: dict[str, set[str]] = {}
    for row in rows:
        prefecture = row["name"] if row["kind"] == "city" else row["city"]
        for spelling in {row["name"], row["stem"]}:
            if len(spelling) >= 2 and prefecture:
                prefectures.setdefault(spelling, set()).add(prefecture)
    return prefectures


def city_in_name(name: str, province: str) -> str:
    """The prefecture of the place a zone's name starts with, after its province (湖南沅江高新技术产业
    园区 → 沅江 → 益阳市); empty when the name starts with no place, or one two prefectures share."""
    places = places_of(province)
    for prefix in sorted({province, province[:3], province[:2], ""}, key=len, reverse=True):
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            match = next((rest[:n] for n in range(min(len(rest), 8), 1, -1) if rest[:n] in places), "")
            if match:
                found = places[match]
                return next(iter(found)) if len(found) == 1 else ""
    return ""


def catalogue_rows(rows: list[dict[str, str]], level: str) -> list[dict[str, str]]:
    out = []
    for row in rows:
        row = normalise_catalogue_row(row)
        name = row["name"]
        if level == "national":
            zone_type, prefix = NATIONAL_TYPES.get(row["catalogue_type"], (customs_type(name), "csz"))
        else:  # the catalogue's own type (工业园区 …), else the end of the name
            by_name = next((t for end, t in PROVINCIAL_TYPES if name.endswith(end)), "other")
            zone_type = CATALOGUE_PROVINCIAL.get(row["catalogue_type"], by_name)
            zone_type = "border" if name.endswith("边境经济合作区") else zone_type
            prefix = "prov"
        area = row.get("area_ha", "")
        industries = "" if row.get("industries", "") == "在建" else row.get("industries", "").replace("、", "|")
        out.append(
            {
                "park_id": f"{prefix}-{row['code'].lower()}",
                "name": name,
                "short_names": "|".join(short_forms(name, row["province"])),
                "province": row["province"],
                "city": city_of(row),
                "level": level,
                "zone_type": zone_type,
                "approved": approved(row.get("approved", "")),
                "parent_id": "",
                "area_ha": area,
                "industries": industries,
                "source": f"{CATALOGUE} {row['code']}",
            }
        )
    return out


def normalise_catalogue_row(row: dict[str, str]) -> dict[str, str]:
    """Either our column names or those of the converted catalogue (开发区名称 …)."""
    if "开发区名称" not in row:
        return row
    return {
        "code": row["代码"],
        "name": row["开发区名称"],
        "province": row["省份"],
        "city": "",
        "catalogue_type": row["开发区类型"],
        "approved": row["批准时间"],
        "area_ha": row.get("核准面积_公顷", ""),
        "industries": row.get("主导产业", ""),
    }


def approved(value: str) -> str:
    """1992.04 → 1992-04; two dates (2000.04/2002.12) keep the first."""
    match = re.match(r"(\d{4})(?:[.-](\d{1,2}))?", value.strip())
    if not match:
        return ""
    return match.group(1) + (f"-{int(match.group(2)):02d}" if match.group(2) else "")


# Citations many rows share, written once in zones.md and cited by key (the file stays small:
# every packaged data file is read whole for a run's knowledge digest).
SOURCE_KEYS = {
    "name: public GitHub file bootstrapping 'functional_zones_national.json' from Wikipedia's list of national "
    "high-tech zones (search index id 54712238795)": "name: HTZ列表",
    "name, province: public GitHub file importing a CSV of 232 national ETDZs with provinces (search index id "
    "3825512268)": "name, province: ETDZ列表",
    "year: 中国辞典 p.72 list of 53 national HTZs (renwuwiki.com/book/17793/304512.html) with 王胜光等 中国科学院院刊 "
    "2012(6) (fx361.cc/page/2012/1230/16011811.shtml): 1988 Beijing, 27 in 1991, 25 in 1992": "year: 中国辞典p72",
}


def cited_by_key(source: str) -> str:
    for long, key in SOURCE_KEYS.items():
        source = source.replace(long, key)
    return source


def curated(rows: list[dict[str, str]], level: str = "national") -> list[dict[str, str]]:
    out = []
    for row in rows:
        zone = {c: (row.get(c) or "").strip() for c in COLUMNS} | {"level": row.get("level") or level}
        out.append(zone | {"source": cited_by_key(zone["source"])})
    return out


def apply_renames(zones: list[dict[str, str]], renames: list[dict[str, str]]) -> list[dict[str, str]]:
    """The row of the old name takes the new name (and type); the old name stays a spelling.

    Two old zones merged into one (广州保税区 and 广州出口加工区 → 广州知识城综合保税区): the first
    renamed keeps its id, the second becomes its spellings and its row goes. One zone, one id.
    """
    by_name = {z["name"]: z for z in zones}
    merged: set[str] = set()
    for rename in renames:
        old, new = rename["old_name"], rename["new_name"]
        zone = by_name.get(old) or by_name.get(new)
        if zone is None:
            print(f"rename {old} → {new}: neither name is in the sources", file=sys.stderr)
            continue
        spellings = [old, *short_forms(old, zone["province"]), *split(zone["short_names"])]
        when = f" ({rename['year']})" if rename["year"] else ""
        target = by_name.get(new)
        if target is not None and target is not zone:  # merged into a zone that already carries the new name
            target["short_names"] = "|".join(dict.fromkeys([*split(target["short_names"]), *spellings]))
            target["source"] += f"; merged {old} ({zone['source']}) → {new}{when}: {rename['source']}"  # its catalogue code stays cited
            merged.add(zone["park_id"])
            continue
        zone["name"] = new
        zone["zone_type"] = customs_type(new) if zone["zone_type"] in {"bonded", "comprehensive_bonded"} else zone["zone_type"]
        zone["short_names"] = "|".join(s for s in dict.fromkeys([*short_forms(new, zone["province"]), *spellings]) if s != new)
        zone["source"] += f"; renamed {old} → {new}{when}: {rename['source']}"
        by_name[new] = zone
    return [z for z in zones if z["park_id"] not in merged]


def split(value: str) -> list[str]:
    return [s for s in value.split("|") if s]


def merge_into_core(core: list[dict[str, str]], rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A row naming a zone already listed fills that zone's blanks (its id stays); the rest are new.

    Names are compared by spelling, by the catalogue's own alias table (aliases.csv:
    源城高新技术产业开发区 is the registry's 河源高新技术产业开发区), and by identity key
    within one province (海南洋浦经济开发区 = 洋浦经济开发区).
    """
    index = {s: z for z in core for s in [z["name"], *split(z["short_names"])]}
    by_key = {(key_of(s), z["province"]): z for z in core for s in [z["name"], *split(z["short_names"])] if key_of(s)}
    aliases = {row["catalogue_name"]: row["park_id"] for row in read("aliases.csv")}
    by_id = {z["park_id"]: z for z in core}
    new = []
    for row in rows:
        zone = index.get(row["name"]) or by_id.get(aliases.get(row["name"], "")) or by_key.get((key_of(row["name"]), row["province"]))
        if zone is None or two_catalogue_rows(zone, row):
            new.append(row)
            continue
        # A provincial row's approval date is not its upgraded zone's (信阳高新区: 2012 provincial, then national).
        columns = ("approved", "area_ha", "industries") if row["level"] == zone["level"] else ("area_ha", "industries")
        for column in columns:
            if not zone[column] or (column == "approved" and row[column].startswith(zone[column])):
                zone[column] = row[column]
        if row["name"] != zone["name"] and row["name"] not in split(zone["short_names"]):
            zone["short_names"] = "|".join([*split(zone["short_names"]), row["name"]])
        zone["source"] += f"; {row['source']}"
    return new


def one_row_per_zone(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per code and name, ours first (a whole converted copy repeats our rows). The copy
    gives one code to two zones once (S377018: 山东淄川 and 山东临淄经济开发区); the second keeps
    the code with a suffix (prov-s377018-2), so both are registered and the first id stays."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    names_of: dict[str, list[str]] = {}
    for row in rows:
        names = names_of.setdefault(row["park_id"], [])
        if (row["park_id"], row["name"]) in out or (names and row["level"] == "national"):
            continue  # the national rows of a whole copy are ours again (their names may differ in spelling)
        names.append(row["name"])
        suffix = f"-{len(names)}" if len(names) > 1 else ""
        out[(row["park_id"], row["name"])] = row | {"park_id": row["park_id"] + suffix}
    return list(out.values())


def fold_aliased_catalogue_rows(zones: list[dict[str, str]]) -> list[dict[str, str]]:
    """A catalogue row that aliases.csv gives to a zone added after the catalogue (a sub-park:
    青海南川工业园区 is 西宁经开区's 南川工业园区) becomes that zone's: one zone, one id."""
    by_id = {z["park_id"]: z for z in zones}
    folded = set()
    for row in read("aliases.csv"):
        zone = by_id.get(row["park_id"])
        catalogue = next((z for z in zones if z["name"] == row["catalogue_name"] and z["source"].startswith(CATALOGUE)), None)
        if zone is None or catalogue is None or catalogue is zone:
            continue
        merge_into_core([zone], [catalogue | {"name": row["catalogue_name"]}])
        folded.add(catalogue["park_id"])
    return [z for z in zones if z["park_id"] not in folded]


def two_catalogue_rows(zone: dict[str, str], row: dict[str, str]) -> bool:
    """Two rows of the 2018 catalogue are two zones, however alike their names (济南临港 and 威海临港
    经济开发区 share an identity key; 承德县高新区 is not 承德高新区). A catalogue row merges only into a
    zone the catalogue does not list itself: one upgraded since (信阳高新区, provincial in 2018)."""
    return row["source"].startswith(CATALOGUE) and f"{CATALOGUE} " in zone["source"]


def key_of(spelling: str) -> str:
    """The identity key the extractor gives a spelling (山东省威海高新区 → 威海高新区)."""
    sys.path.insert(0, str(ROOT))
    from extractor.domain.zonenames import vocabulary

    parsed = vocabulary().parse(spelling, anchored=False)
    return parsed.key if parsed is not None else ""


def drop_shared_spellings(zones: list[dict[str, str]]) -> list[str]:
    """A spelling of two zones names neither: remove it from short_names (names stay).

    One precedence: a provincial zone's spelling yields to a national zone's. News that
    writes 中关村高新区 means Beijing's zone, not 江苏省中关村高新技术产业开发区 in 淮安, whose
    regular short form this would also be; so the provincial row goes without it and the
    national row keeps it (when one national row is left holding it).
    """
    names = {z["name"] for z in zones}
    holders: dict[str, list[dict[str, str]]] = {}
    for zone in zones:
        for spelling in dict.fromkeys([zone["name"], *split(zone["short_names"])]):
            holders.setdefault(spelling, []).append(zone)
    # The holders a spelling is left with once provincial rows yielded to a national one.
    effective = {spelling: [z for z in held if not yields(z, held)] for spelling, held in holders.items()}
    dropped = []
    for zone in zones:
        keep = []
        for spelling in split(zone["short_names"]):
            if spelling in keep or spelling == zone["name"]:
                continue
            if not any(z is zone for z in effective[spelling]):
                dropped.append(f"{spelling} ({zone['park_id']}, yields to a national zone)")
            elif len(effective[spelling]) > 1 or spelling in names:
                dropped.append(f"{spelling} ({zone['park_id']})")
            else:
                keep.append(spelling)
        zone["short_names"] = "|".join(keep)
    return dropped


def yields(zone: dict[str, str], holders: list[dict[str, str]]) -> bool:
    """A provincial zone gives up a spelling that a national zone also has."""
    return zone["level"] == "provincial" and any(z["level"] != "provincial" for z in holders)


def build() -> list[dict[str, str]]:
    core = curated(read("national_core.csv"))
    full = read("catalogue2018_full.csv")  # a whole converted copy, when one is at hand
    catalogue = catalogue_rows(read("catalogue2018_national.csv") + [r for r in full if r.get("批准级别") == "国务院"], "national")
    catalogue += catalogue_rows(read("catalogue2018_provincial.csv") + [r for r in full if r.get("批准级别") != "国务院"], "provincial")
    catalogue = one_row_per_zone(catalogue)
    zones = core + merge_into_core(core, catalogue)
    since = ("ftz.csv", "hainan_ftp.csv", "border.csv", "subparks.csv", "customs_since2018.csv", "others_since.csv", "regional_since.csv")
    for source in since:
        rows = curated(read(source))
        zones += merge_into_core(zones, rows)
    zones = fold_aliased_catalogue_rows(zones)
    zones = apply_renames(zones, read("renames.csv"))
    parents = {row["name"]: row["parent_id"] for row in read("parents.csv")}
    for zone in zones:
        zone["parent_id"] = parents.get(zone["name"], zone["parent_id"])
    for line in drop_shared_spellings(zones):
        print(f"ambiguous spelling left out: {line}", file=sys.stderr)
    ids = Counter(z["park_id"] for z in zones)
    duplicates = [i for i, n in ids.items() if n > 1]
    if duplicates:
        raise SystemExit(f"duplicate park_id: {duplicates}")
    known = set(ids)
    for zone in zones:
        if zone["parent_id"] and zone["parent_id"] not in known:
            raise SystemExit(f"{zone['park_id']}: parent {zone['parent_id']} is not a zone")
    return zones


def counts_table(zones: list[dict[str, str]]) -> str:
    """zones.md's table: per province, the catalogue's zones and the registry's rows."""
    national = Counter(r["province"] for r in read("catalogue2018_national.csv"))
    provincial = Counter(r["province"] for r in read("catalogue2018_provincial.csv"))
    cited = {code for z in zones for code in re.findall(rf"{CATALOGUE} ([GS]\d{{6}})", z["source"])}
    registered = Counter(r["province"] for r in read("catalogue2018_provincial.csv") if r["code"] in cited)
    rows = Counter((z["province"], z["level"]) for z in zones)
    header = ("province", "catalogue national", "catalogue provincial", "provincial registered", "registry national rows",
              "registry provincial rows")  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for province in sorted(national.keys() | provincial.keys(), key=lambda p: -(national[p] + provincial[p])):
        counts = (national[province], provincial[province], registered[province], rows[province, "national"], rows[province, "provincial"])
        lines.append(f"| {province} | " + " | ".join(str(n) for n in counts) + " |")
    by_level = Counter(z["level"] for z in zones)
    totals = (sum(national.values()), sum(provincial.values()), sum(registered.values()), by_level["national"], by_level["provincial"])
    lines.append("| **total** | " + " | ".join(str(n) for n in totals) + " |")
    return "\n".join(lines)


def render(zones: list[dict[str, str]]) -> str:
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(zones)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if zones.csv is not what the sources build")
    parser.add_argument("--counts", action="store_true", help="print the per-province table of zones.md and stop")
    args = parser.parse_args()
    zones = build()
    if args.counts:
        print(counts_table(zones))
        return
    # Two files: every packaged data file is read whole when a run's knowledge digest is
    # taken, so none should be large (see zones.md).
    files = {
        TARGET: render([z for z in zones if z["level"] != "provincial"]),
        TARGET_PROVINCIAL: render([z for z in zones if z["level"] == "provincial"]),
    }
    if args.check:
        same = all(path.is_file() and path.read_text(encoding="utf-8") == text for path, text in files.items())
        print("zones.csv is up to date" if same else "zones.csv differs from its sources")
        raise SystemExit(0 if same else 1)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    counts = Counter((z["level"], z["zone_type"]) for z in zones)
    for (level, zone_type), n in sorted(counts.items()):
        print(f"{level:10} {zone_type:22} {n}")
    print(f"total {sum(counts.values())}")


if __name__ == "__main__":
    main()
