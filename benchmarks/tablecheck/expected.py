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
