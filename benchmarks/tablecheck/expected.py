"""Cells expected in texts/, written by hand BEFORE the tool was run on them (issue 18 item 1 check).

Each cell: (value_text, unit, period_end or "" when the text gives no date, subject or "" when none is named).
OPTIONAL cells may come out or not (indexes printed with a % unit column, 上年=100 indexes)."""

Y = ("2017-12-31", "2016-12-31", "2015-12-31", "2014-12-31")
GDP_ROWS = [("89705.2", "80854.9", "72812.6", "67809.9"), ("45129", "40885.9", "37211.3", "33920.6"),
            ("34097.1", "31127.6", "28438.6", "26263.1"), ("11031.9", "9758.3", "8772.7", "7657.4"),
            ("39657.5", "34647.1", "30374.2", "28759.8")]
RATE_ROWS = [("50.3", "50.6", "51.1", "50"), ("44.2", "42.9", "41.7", "42.4")]
MONTHS = ("2020-11-30", "2020-10-31", "2020-09-30", "2020-08-31", "2020-07-31", "2020-06-30")
PROVINCE_ROWS = {"河北省": ("8.7", "10", "7.3", "6.4", "5.6", "3.7"), "山西省": ("10.7", "12.6", "14", "10.7", "2.8", "4"),
                 "内蒙古自治区": ("8.2", "7.3", "-2.1", "-0.6", "-1.8", "0.9"), "辽宁省": ("4", "3.1", "6.2", "4.8", "4.5", "3")}
ASKCI = {"北京市": ("0.02", "0.31", "-29.78", "-22.25"), "天津市": ("3.77", "63.45", "-37.42", "-3.85"),
         "河北省": ("2.86", "25.47", "11.27", "22.48"), "海南省": ("0.11", "0.93")}
H1 = "2020-06-30"
INDEXES = ["111.5", "112.8", "115.1", "106.1", "111.0", "106.1", "94.9", "107.7", "118.9", "105.4", "113.8", "116.3",
           "110.1", "114.0", "112.1"]

REQUIRED = {
    "01_mianyang_2020h1_main_indicators_trad.txt": [
        ("3.0", "%", H1, ""), ("3.2", "%", H1, ""), ("631.38", "亿元", H1, ""), ("-7.8", "%", H1, ""),
        ("4.8", "%", H1, ""), ("-6.6", "%", H1, ""), ("-0.3", "%", H1, "")],
    "02_gdp_expenditure_2014_2017_markdown_trad.txt":
        [(v, "亿元", y, "") for row in GDP_ROWS for v, y in zip(row, Y, strict=True)]
        + [(v, "%", y, "") for row in RATE_ROWS for v, y in zip(row, Y, strict=True)],
    "03_provinces_industry_growth_monthly_2020.txt":
        [(v, "%", m, p) for p, row in PROVINCE_ROWS.items() for v, m in zip(row, MONTHS, strict=True)],
    "04_gdp_index_prev_year_100_xinjiang_bingtuan.txt": [],
    "05_provinces_output_month_cumulative_askci.txt":
        [(v, u, "", p) for p, row in ASKCI.items() for v, u in zip(row, ("万吨", "万吨", "%", "%")[: len(row)], strict=True)],
}
OPTIONAL = {
    "01_mianyang_2020h1_main_indicators_trad.txt": [("104.80", "%"), ("93.40", "%"), ("99.70", "%")],
    "04_gdp_index_prev_year_100_xinjiang_bingtuan.txt": [(v, u) for v in INDEXES for u in ("", "%")],
}

# Second set (texts2/), written by hand before any run of the tool on it, after the mechanisms above were built:
# the held-out estimate for these shapes.
GZ = {"1978": ("430947", "50287", "252479", "128181", "243585", "8894"),
      "1980": ("575497", "62438", "313734", "199325", "295337", "18397"),
      "1985": ("1243623", "120449", "658130", "465044", "577048", "81082"),
      "1986": ("1395466", "132079", "701074", "562313", "608511", "92563")}
PER_CAPITA = {"1978": (("907", "元"),), "1980": (("1160", "元"),), "1985": (("2302", "元"), ("784", "美元")),
              "1986": (("2536", "元"), ("734", "美元"))}
TAI_UNITS = ("万台", "万台", "%", "%")
TAI = {"天津市": ("14.23", "221.53", "-24.98", "-5.69"), "河北省": ("46.98", "999.15", "-31.69", "-1.58"),
       "广东省": ("551.42", "7920.14", "-0.41", "1.65"), "陕西省": ("0.30", "38.81", "36.27")}
REQUIRED2 = {
    "06_guangzhou_yearbook_gdp_main_years_single_spaces.txt":
        [(v, "万元", f"{y}-12-31", "") for y, row in GZ.items() for v in row]
        + [(v, u, f"{y}-12-31", "") for y, pairs in PER_CAPITA.items() for v, u in pairs],
    "07_provinces_output_wantai_askci.txt":
        [(v, u, "", p) for p, row in TAI.items() for v, u in zip(row, TAI_UNITS if len(row) == 4 else TAI_UNITS[:3], strict=True)],
    "08_yearbook_all_cells_masked.txt": [],
    "09_changzhou_gdp_index_1978_100_one_cell_a_line.txt": [],
}
OPTIONAL2 = {
    "07_provinces_output_wantai_askci.txt": [("500万元", "万元"), ("2000万元", "万元")],  # a threshold in the 注 (GUIDE: optional)
    "09_changzhou_gdp_index_1978_100_one_cell_a_line.txt":
        [(v, u) for v in ("100.0", "108.6", "104.4", "108.0", "117.9", "121.8", "101.7", "125.7", "135.8") for u in ("", "%")],
}

# Third set (texts3/), written by hand on 2026-12-07 before any run of the tool on it (tables18g): a yearbook table
# with single/several spaces under a bilingual header and gapped rows, two one-cell-a-line tables with captions
# (本月 / 1-本月 columns, a header split over lines), two zone tables whose rows are the subjects.
# Cells here are 5-tuples: (value_text, unit, period_end, subject, metric_key); "" = not scored.
CQ_YEARS = ("1995-12-31", "1996-12-31", "2000-12-31", "2006-12-31", "2007-12-31")
CQ_RATE_ENDS = ("2000-12-31", "2005-12-31", "2007-12-31")
CQ_ROWS = [  # (levels, unit, average growth rates, metric_key); rows with gaps (population) are not cells: not guessed
    (("1709.26", "1719.43", "1690.00", "1605.45", "1620.86"), "万人", ("-0.2", "-0.9", "-0.5"), "employees"),
    (("294.25", "294.63", "208.87", "212.97", "220.84"), "万人", ("-6.6", "0.1", "-2.6"), "employees"),
    (("10.47", "10.95", "10.15", "15.41", "14.13"), "万人", ("-0.6", "10.7", "2.3"), ""),
    (("1016.25", "1187.47", "1603.16", "3452.14", "4122.51"), "亿元", ("9.3", "10.9", "10.7"), "gdp"),
    (("264.19", "287.56", "284.87", "386.38", "482.39"), "亿元", ("2.4", "4.0", "2.8"), ""),
    (("412.28", "474.31", "623.83", "1500.97", "1892.10"), "亿元", ("10.2", "14.2", "13.4"), ""),
]
CQ_INDEXES = ["339.8", "305.6", "217.5", "115.6", "141.6", "135.2", "126.0", "109.5", "446.0", "399.0", "273.9",
              "120.6", "94.8", "94.3", "95.9", "101.0", "75.1", "75.0", "105.7", "103.7", "135.0", "129.0", "139.2",
              "91.7"]
SH_RETAIL = [("1545.21", "25.5", "4611.01", "5.2", "retail_sales"), ("1412.17", "21.6", "4248.47", "4.5", ""),
             ("133.04", "88.7", "362.54", "14.3", ""), ("285.19", "12.0", "932.12", "1.9", ""),
             ("358.09", "41.9", "1131.16", "14.8", "")]
SH_GDP = [("19349.31", "-5.7", "gdp"), ("34.52", "1.7", ""), ("4452.78", "-13.7", ""), ("14862.01", "-3.1", ""),
          ("4217.11", "-13.3", ""), ("261.97", "-20.7", ""), ("4125.33", "6.1", "")]
ZGC, BDA = "中关村国家自主创新示范区", "北京经济技术开发区"
BJ_RATES = [("6.9", "2016-06-30", ""), ("15.4", "2016-06-30", ZGC), ("-8.2", "2016-06-30", "金融街"),
            ("17.9", "2016-06-30", BDA), ("4.5", "2016-06-30", "临空经济区"), ("7.0", "2016-03-31", ""),
            ("15.4", "2016-03-31", ZGC), ("14.0", "2016-03-31", BDA), ("6.8", "2016-03-31", "奥林匹克中心区")]
BJ_UNSTATED = ["10128", "28811.4", "6760", "18351.5", "538", "4242.0", "625", "3431.4", "535", "1789.7", "10174",
               "13165.9", "6779", "8326.6", "620", "1539.7", "980", "790.3"]
REQUIRED3 = {
    "10_chongqing_yearbook_2008_aggregates_space_bilingual.txt":
        [(v, unit, y, "", key) for levels, unit, _, key in CQ_ROWS for v, y in zip(levels, CQ_YEARS, strict=True)]
        + [(v, "%", y, "", key) for _, _, rates, key in CQ_ROWS for v, y in zip(rates, CQ_RATE_ENDS, strict=True)],
    "11_shanghai_retail_2023_03_month_cumulative_one_cell_a_line_trad.txt":
        [(v, u, "2023-03-31", "", key) for *row, key in SH_RETAIL for v, u in zip(row, ("亿元", "%", "亿元", "%"), strict=True)],
    "12_shanghai_gdp_2022h1_split_headers_one_cell_a_line_trad.txt":
        [(v, u, "2022-06-30", "上海市", key) for *row, key in SH_GDP for v, u in zip(row, ("亿元", "%"), strict=True)],
    "13_beijing_six_hightech_zones_2016_two_tables_by_zone.txt":
        [(v, "%", end, subject, "revenue") for v, end, subject in BJ_RATES],
}
OPTIONAL3 = {  # indexes (2007 as % of a year) either way; counts and sums whose unit the text never states, unitless
    "10_chongqing_yearbook_2008_aggregates_space_bilingual.txt": [(v, u) for v in CQ_INDEXES for u in ("", "%")],
    "13_beijing_six_hightech_zones_2016_two_tables_by_zone.txt": [(v, u) for v in BJ_UNSTATED for u in ("", "个", "家")],
}

# Fourth set (texts4/), written by hand on 2026-12-07 before any run of the tool on it (tables18h): a month report
# one cell a line (本月 | 增长% | 累计 | 累计增长, levels without a unit), two yearbook tables whose header has two
# levels (a group over 贡献率(%) / 拉动(百分点)) as markdown and as single spaces with the units on their own line and
# footnotes (①②③), a yearbook table with two header levels (生产总值(万元) / 构成(%)) and a sub-column (工业) on a third
# line, a yearbook table under a unit line (单位:亿元) with labels wrapped over three lines (人均地区 / 生产总值 / (元)),
# and a unit-line table whose later block changes unit (总产出构成(%)) and has an index block (上年=100).
# 5-tuples as in set 3: (value_text, unit, period_end, subject, metric_key); "" = not scored / not given.
CZ_GROWTH = ("19.31", "16.50", "18.05", "11.71", "118.13")  # 增长% column (本月); the page prints no year
CZ_LEVELS = ("4448189", "42512215", "2340183", "21242484", "397416", "4086546", "1222887", "12851771", "338312",
             "2731220")  # 现价工业产值 with no unit printed: never a unit guessed
CZ_CUMULATIVE = ("27.11", "24.84", "22.97", "28.57", "61.34")  # 累计增长 has no % of its own in the header
CZ_PROSE = [(f"{v}{u}", u) for v, u in (("4251.2", "亿元"), ("27.1", "%"), ("2.25", "个百分点"), ("444.8", "亿元"),
            ("19.3", "%"), ("33.8", "亿元"), ("118.1", "%"), ("273.1", "亿元"), ("61.3", "%"), ("5.7", "个百分点"),
            ("36.5", "个百分点"))]  # a figure of prose carries its unit in value_text (as 500万元 in set 2)
GD_DEMAND = {"1979": ("95.7", "5.3", "-13.8", "-0.8", "18.2", "1.0"), "1980": ("71.3", "13.0", "33.5", "6.1", "-4.8", "-0.9"),
             "1981": ("50.5", "6.3", "56.4", "7.1", "-6.9", "-0.9"), "1982": ("72.7", "8.3", "40.6", "4.6", "-13.2", "-1.5")}
QH_DEMAND = {"2000": ("68.97", "6.14", "66.14", "5.89", "-35.11", "-3.11"),
             "2001": ("76.75", "8.98", "119.58", "13.99", "-96.33", "-11.26"),
             "2002": ("67.45", "8.15", "87.44", "10.56", "-54.89", "-6.63"),
             "2003": ("67.99", "7.39", "41.29", "4.49", "-9.28", "-1.01")}
SHARE_PULL = ("%", "百分点") * 3
JH = {"1978": ("27236", "12170", "8505", "7910", "6561", "44.7", "31.2", "29.0", "24.1", "373"),
      "1979": ("33382", "14613", "10989", "10147", "7780", "43.8", "32.9", "30.4", "23.3", "450"),
      "1980": ("37968", "15651", "12877", "11474", "9440", "41.2", "33.9", "30.2", "24.9", "505"),
      "1981": ("42942", "15963", "14715", "13212", "12264", "37.2", "34.3", "30.8", "28.6", "565")}
JH_UNITS = ("万元",) * 5 + ("%",) * 4 + ("元",)
JH_KEYS = ("gdp",) + ("",) * 9
HB = {"1978": ("183.06", "183.06", "52.20", "92.38", "83.19", "9.19", "38.48", "364"),
      "1979": ("203.22", "203.22", "61.11", "101.76", "89.69", "12.07", "40.35", "400"),
      "1980": ("219.24", "219.24", "68.09", "105.88", "94.08", "11.80", "45.27", "427"),
      "1987": ("521.98", "521.92", "137.66", "255.97", "231.43", "24.54", "128.29", "921")}
HB_UNITS = ("亿元",) * 7 + ("元",)
HB_KEYS = ("", "gdp") + ("",) * 6
FJ_YEARS = ("2000", "2005", "2010", "2013", "2014")
FJ_LEVELS = [("9870.58", "16995.93", "38915.25", "61780.20", "70742.78"), ("1037.27", "1373.03", "2307.05", "3170.16", "3400.90"),
             ("6154.43", "11385.95", "26616.53", "42949.47", "49719.02"), ("2678.88", "4236.95", "9991.67", "15660.57", "17622.86"),
             ("5447.13", "10065.44", "23152.34", "36617.43", "42673.43"), ("707.30", "1320.52", "3464.19", "6457.34", "7183.77")]
FJ_SHARES = [("100.00",) * 5, ("10.50", "8.10", "5.90", "5.10", "4.80"), ("62.40", "67.00", "68.40", "69.50", "70.30")]
FJ_INDEXES = ["110.40", "113.20", "115.47", "116.20", "110.50", "103.10", "102.90", "103.52", "104.40", "104.40"]


def _by_year(rows: dict, units: tuple, keys: tuple | None = None) -> list:
    keys = keys or ("",) * len(units)
    return [(v, u, f"{y}-12-31", "", k) for y, row in rows.items() for v, u, k in zip(row, units, keys, strict=True)]


REQUIRED4 = {
    "14_changzhou_five_industries_2011_11_month_cumulative_one_cell.txt":
        [(v, "%", "", "", "industrial_output" if i == 0 else "") for i, v in enumerate(CZ_GROWTH)],
    "15_guangdong_yearbook_2024_demand_contribution_two_level_markdown.txt": _by_year(GD_DEMAND, SHARE_PULL),
    "16_qinghai_yearbook_2020_demand_contribution_spaces_footnotes.txt": _by_year(QH_DEMAND, SHARE_PULL),
    "17_jinhua_yearbook_gdp_composition_two_level_spaces.txt": _by_year(JH, JH_UNITS, JH_KEYS),
    "18_hebei_yearbook_2011_gdp_unit_line_wrapped_labels.txt": _by_year(HB, HB_UNITS, HB_KEYS),
    "19_fujian_yearbook_2015_total_output_unit_line_blocks.txt":
        [(v, "亿元", f"{y}-12-31", "", "") for row in FJ_LEVELS for v, y in zip(row, FJ_YEARS, strict=True)]
        + [(v, "%", f"{y}-12-31", "", "") for row in FJ_SHARES for v, y in zip(row, FJ_YEARS, strict=True)],
}
OPTIONAL4 = {  # the prose around 14 (not cells), its unitless levels and its 累计增长 column either way; 19's indexes
    "14_changzhou_five_industries_2011_11_month_cumulative_one_cell.txt":
        CZ_PROSE + [(v, "") for v in CZ_LEVELS] + [(v, u) for v in CZ_CUMULATIVE for u in ("", "%")],
    "19_fujian_yearbook_2015_total_output_unit_line_blocks.txt": [(v, u) for v in FJ_INDEXES for u in ("", "%")],
}

# Fifth set (texts5/), written by hand on 2026-12-08 before any run of the tool on it (tables36), in shapes sets 1–4
# lack: a digest whose rows are a line "指標 單位 期間" followed by a line of four values (當期 | 變動率 | 年初至當期累計 |
# 變動率, the column header not printed at all; traditional); a unit column table and a table with quarters as rows
# (traditional, the 同期變動率 column prints no %); a gazetteer's box-drawing table whose columns are cities split into
# 地区 / 市区, with OCR damage (45.2l: not a number, must not come out); a yearbook table printed with a space between
# every character, each level row followed by a row of bracketed changes; a markdown table whose period header rows
# are interleaved between indicator rows (2023 | 2023 Q3 | 2023 Q4 over one row, 2023 | 2024 Feb | 2024 Mar over
# three), a level and its change in one cell (3,795 (↑92.3%)), footnote digits glued to labels (GDP)1 and a unit
# whose superscript was lost (億澳門元/ 108 MOP); and a table whose cells were glued together when the page was
# turned into text (6145.52112100: no cell can be split with certainty, nothing may come out).
# 5-tuples as in set 3; value_text is compared without thousands separators (",", spaces) or a leading "+", since
# these tables print 113 072 and 1,246.1; units are written as printed, in simplified characters.
MO_DIGEST = [  # (unit of the level, period_end, level, change %, cumulative level, change %)
    ("百万澳门元", "2017-12-31", "113 072", "11.7", "404 199", "11.6"),
    ("百万澳门元", "2018-03-31", "26 031.83", "22.2", "76 750.29", "20.5"),
    ("百万澳门元", "2018-03-31", "25 949.89", "22.2", "76 510.12", "20.5"),
    ("百万澳门元", "2018-03-31", "81.95", "29.1", "240.17", "17.9"),
    ("千人次", "2018-02-28", "3 070.9", "23.1", "5 812.4", "8.2"),
    ("千人次", "2018-02-28", "2 287.0", "37.3", "4 214.6", "15.1")]
SD_CITIES = ("烟台市", "", "威海市", "", "青岛市", "", "连云港市", "")  # 市区 columns: subject not scored
SD_ROWS = [("万人", ("625.57", "80.50", "237.46", "25.74", "666.65", "205.78", "340.26", "52.14")),
           ("万人", ("141.72", None, "25.66", "12.90", None, "145.92", "59.82", None)),  # None: OCR-damaged (45.2l)
           ("%", ("22.7", "56.2", "10.8", "50.1", "25.5", "70.9", "17.6", "67.9")),
           ("万户", ("180.18", "25.12", "73.62", "7.66", "186.79", "63.94", "90.26", "15.96"))]
HK_YEARS = ("1999-12-31", "2003-12-31", "2004-12-31")
HK_ROWS = [("十亿港元", "gdp", ("1,246.1", "1,220.0", "1,282.0")), ("十亿港元", "", ("1,169.5", "1,361.2", "1,472.0")),
           ("港元", "", ("188,622", "179,336", "186,267")), ("港元", "", ("177,019", "200,088", "213,875")),
           ("十亿港元", "", ("754.5", "705.0", "750.2")), ("十亿港元", "", ("120.0", "130.1", "126.9")),
           ("十亿港元", "", ("325.3", "269.1", "287.8")), ("十亿港元", "gdp", ("1,246.1", "1,220.0", "1,282.0"))]
HK_CHANGES = ["-2.6", "-2.2", "+5.1", "+3.4", "+3.2", "+8.1", "-3.6", "-2.5", "+3.9", "+2.4", "+2.9", "+6.9"]
MO_INDICATORS = [  # (value, unit, period_end, metric_key)
    ("3,795", "亿澳门元", "2023-12-31", "gdp"), ("980.1", "亿澳门元", "2023-09-30", "gdp"),
    ("1,077.1", "亿澳门元", "2023-12-31", "gdp"), ("80.5", "%", "2023-12-31", ""), ("120.4", "%", "2023-09-30", ""),
    ("86.4", "%", "2023-12-31", ""), ("559,495", "澳门元", "2023-12-31", ""), ("2,322.73", "亿澳门元", "2022-12-31", ""),
    ("342,586", "澳门元", "2022-12-31", ""), ("1,547.9", "亿澳门元", "2023-12-31", ""),
    ("98.0", "亿澳门元", "2024-02-29", ""), ("125.5", "亿澳门元", "2024-03-31", ""),
    ("1,414.4", "亿澳门元", "2023-12-31", ""), ("88.3", "亿澳门元", "2024-02-29", ""),
    ("113.4", "亿澳门元", "2024-03-31", ""), ("133.4", "亿澳门元", "2023-12-31", ""),
    ("9.6", "亿澳门元", "2024-02-29", ""), ("12.0", "亿澳门元", "2024-03-31", "")]
MO_CHANGES = ["92.3", "9.9", "+101.9", "-34.0", "6.0", "-6.0", "5.3", "-5.3", "0.9", "28.1", "1.2", "28.5", "1.3",
              "-1.3", "24.7"]  # the ↑/↓ changes beside a level and the 按月/季變動 column: either way

REQUIRED5 = {
    "20_macau_digest_2018_label_line_value_line_trad.txt":
        [cell for unit, end, level, rate, total, total_rate in MO_DIGEST
         for cell in ((level, unit, end, "", ""), (rate, "%", end, "", ""), (total, unit, end, "", ""),
                      (total_rate, "%", end, "", ""))]
        + [("8.0", "%", "2017-12-31", "", ""), ("9.1", "%", "2017-12-31", "", "")],
    "21_macau_gdp_2023_unit_column_quarter_rows_trad.txt":
        [("379478", "百万澳门元", "2023-12-31", "", "gdp"), ("351798", "百万澳门元", "2023-12-31", "", ""),
         ("559495", "澳门元", "2023-12-31", "", ""), ("518685", "澳门元", "2023-12-31", "", ""),
         ("81502", "百万澳门元", "2023-03-31", "", "gdp"), ("92256", "百万澳门元", "2023-06-30", "", "gdp")],
    "22_shandong_gazetteer_coastal_cities_box_drawing_ocr.txt":
        [(v, unit, "", city, "") for unit, row in SD_ROWS for v, city in zip(row, SD_CITIES, strict=True) if v],
    "23_hongkong_yearbook_2004_spaced_chars_bracket_change_rows.txt":
        [(v, unit, end, "", key) for unit, key, row in HK_ROWS for v, end in zip(row, HK_YEARS, strict=True)],
    "24_macau_main_indicators_period_rows_value_change_cell_trad.txt":
        [(v, unit, end, "", key) for v, unit, end, key in MO_INDICATORS],
    "25_city_gdp_2011_cells_glued.txt": [],
}
OPTIONAL5 = {  # 21's 同期變動率 prints no %; 23's bracketed changes print no unit; 24's changes: either way
    "21_macau_gdp_2023_unit_column_quarter_rows_trad.txt": [(v, u) for v in ("39.2", "111.9") for u in ("", "%")],
    "23_hongkong_yearbook_2004_spaced_chars_bracket_change_rows.txt":
        [(v, u) for v in HK_CHANGES for u in ("", "%")],
    "24_macau_main_indicators_period_rows_value_change_cell_trad.txt":
        [(v, u) for v in MO_CHANGES for u in ("", "%", "百分点")],
}
