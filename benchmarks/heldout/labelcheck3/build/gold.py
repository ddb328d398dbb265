"""labelcheck3 gold, written by hand before the tool was run on these texts (see ../NOTES.md).

Only what issue 18's labels need is judged: every figure's subject, metric_key, period and target. Parks, quotes and
initiatives are not part of this check (the lists stay empty; score the figures row only).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/heldout: the tools every set shares
from heldout import fig, span, writer, year

write = writer(Path(__file__).resolve().parents[1])
G = "growth"
S = "share"
PP = "change_pp"
NONE: dict = dict(ps="", pe="")

# 01 嘉兴 2025 city report: title, date line, 各位代表, the heading 一、2024年工作回顾 and its first three paragraphs
# (过去一年 …). The heading's year governs the section: every figure is 2024, the city's.
JX = "嘉兴市"
Y24 = year(2024)


def jx(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "过去一年", JX, context, key, measure, **Y24, **kw)


write(
    "01_jiaxing_city_report_2025_review_slice.txt",
    published="2025-02-11",
    precision="day",
    in_text=True,
    figures=[
        jx("7569.5亿元", 7569.5, "亿元", "地区生产总值", "全市实现地区生产总值7569.5亿元", "gdp"),
        jx("5.6%", 5.6, "%", "地区生产总值增长", "7569.5亿元、增长5.6%", "gdp", G),
        jx("1073.6亿元", 1073.6, "亿元", "财政总收入", "分别达到1073.6亿元和638.7亿元", "fiscal_revenue"),
        jx("638.7亿元", 638.7, "亿元", "一般公共预算收入", "1073.6亿元和638.7亿元", "fiscal_revenue"),
        jx("第三", 3, "名", "财政收入全省排名", "均保持全省第三", "fiscal_revenue", opt=True),
        jx("7.1%", 7.1, "%", "规上工业增加值增长", "规上工业增加值增长7.1%", "industrial_value_added", G),
        jx("9.3%", 9.3, "%", "进出口总额增长", "进出口总额增长9.3%", "trade", G),
        jx("5.3%", 5.3, "%", "社会消费品零售总额增长", "社会消费品零售总额增长5.3%", "retail_sales", G),
        jx("3.56%", 3.56, "%", "研发投入强度", "全市研发投入强度提高到3.56%", "rd_intensity"),
        jx("第二", 2, "名", "研发投入强度全省排名", "3.56%、全省第二", "rd_intensity", opt=True),
    ],
)

# 02 福州 news of 2026-01-21 on the report's goals: 今年 → 2026 (publication year), every figure a target, the city's
# (福州 named in the body). The headline restates the body's GDP goal (optional).
FZ = "福州"
Y26 = year(2026)


def fz(value_text, value, unit, metric, context, key, measure=G, **kw):
    return fig(value_text, value, unit, metric, "今年", FZ, context, key, measure, target=True, **Y26, **kw)


write(
    "02_fuzhou_city_2026_targets_news.txt",
    published="2026-01-21",
    precision="day",
    figures=[
        fz("5.5%", 5.5, "%", "地区生产总值增长", "今年地区生产总值增长5.5%左右20日", "gdp", q="approx", opt=True),
        fz("5.5%", 5.5, "%", "地区生产总值增长", "主要预期目标是:地区生产总值增长5.5%左右", "gdp", q="approx"),
        fz("6.5%", 6.5, "%", "规上工业增加值增长", "规上工业增加值增长6.5%", "industrial_value_added"),
        fz("2.5%", 2.5, "%", "地方一般公共预算收入增长", "地方一般公共预算收入增长2.5%", "fiscal_revenue"),
        fz("5.5%", 5.5, "%", "社会消费品零售总额增长", "社会消费品零售总额增长5.5%", "retail_sales"),
        fz("4%", 4, "%", "出口总额增长", "出口总额增长4%", "exports"),
        fz("6%", 6, "%", "实际利用外资增长", "实际利用外资增长6%", "fdi_actual"),
    ],
)

# 03 东阳 2024 bulletin: title 2024年…统计公报, dated 2025-03-31 in the text, and it opens with 今年以来 meaning the
# bulletin's year. Every flow is 2024; 年末 stocks take the bulletin's year too (as unseen11's 松原 bulletin gold).
# Declines keep 下降 in the metric and a positive value (as unseen9-11). Sector parts of GDP are `other` (the sets' majority convention); 个体工商户 counts are `other`.
DY = "东阳市"


def dy(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2024年", DY, context, key, measure, **Y24, **kw)


write(
    "03_dongyang_city_bulletin_2024_zhejiang.txt",
    published="2025-03-31",
    precision="day",
    in_text=True,
    figures=[
        dy("875.14亿元", 875.14, "亿元", "地区生产总值", "地区生产总值[2]875.14亿元", "gdp"),
        dy("5.4%", 5.4, "%", "地区生产总值比上年增长", "按可比价计算,比上年增长5.4%", "gdp", G),
        dy("23.70亿元", 23.70, "亿元", "第一产业增加值", "第一产业增加值23.70亿元", "other"),
        dy("353.96亿元", 353.96, "亿元", "第二产业增加值", "第二产业增加值353.96亿元", "other"),
        dy("497.48亿元", 497.48, "亿元", "第三产业增加值", "第三产业增加值497.48亿元", "other"),
        dy("4.4%", 4.4, "%", "第一产业增加值增速", "增速分别为4.4%、4.8%、6.0%", "other", G),
        dy("4.8%", 4.8, "%", "第二产业增加值增速", "4.4%、4.8%、6.0%", "other", G),
        dy("6.0%", 6.0, "%", "第三产业增加值增速", "4.8%、6.0%。", "other", G),
        dy("2.7:40.4:56.8", 2.7, "", "三次产业结构", "三次产业结构为2.7:40.4:56.8", "other", opt=True),
        dy("103007元", 103007, "元", "人均生产总值(户籍人口)", "全市人均生产总值103007元", "other"),
        dy("14464美元", 14464, "美元", "人均生产总值(美元)", "按年平均汇率折14464美元", "other"),
        dy("5.5%", 5.5, "%", "人均生产总值增长(户籍人口)", "14464美元),比上年增长5.5%", "other", G),
        dy("79995元", 79995, "元", "人均生产总值(常住人口)", "全市人均生产总值79995元", "other"),
        dy("5.1%", 5.1, "%", "人均生产总值增长(常住人口)", "79995元,比上年增长5.1%", "other", G),
        dy("128.37亿元", 128.37, "亿元", "财政总收入", "完成财政总收入128.37亿元", "fiscal_revenue"),
        dy("12.3%", 12.3, "%", "财政总收入比上年下降", "128.37亿元,比上年下降12.3%", "fiscal_revenue", G),
        dy("81.33亿元", 81.33, "亿元", "一般公共预算收入", "完成一般公共预算收入81.33亿元", "fiscal_revenue"),
        dy("6.9%", 6.9, "%", "一般公共预算收入比上年下降", "81.33亿元,比上年下降6.9%", "fiscal_revenue", G),
        dy("64.24亿元", 64.24, "亿元", "税收收入", "其中税收收入64.24亿元", "tax"),
        dy("12.9%", 12.9, "%", "税收收入比上年下降", "64.24亿元,比上年下降12.9%", "tax", G),
        dy("21.8%", 21.8, "%", "增值税下降", "增值税下降21.8%", "tax", G),
        dy("24.2%", 24.2, "%", "企业所得税下降", "企业所得税下降24.2%", "tax", G),
        dy("5.9%", 5.9, "%", "个人所得税下降", "个人所得税下降5.9%", "tax", G),
        dy("122.73亿元", 122.73, "亿元", "一般公共预算支出", "全年一般公共预算支出122.73亿元", "other"),
        dy("8.8%", 8.8, "%", "一般公共预算支出增长", "122.73亿元,比上年增长8.8%", "other", G),
        dy("7.5%", 7.5, "%", "节能环保支出下降", "支出分别下降7.5%、12.8%、25.7%", "other", G),
        dy("12.8%", 12.8, "%", "卫生健康支出下降", "7.5%、12.8%、25.7%", "other", G),
        dy("25.7%", 25.7, "%", "文化体育与传媒支出下降", "12.8%、25.7%;", "other", G),
        dy("4.6%", 4.6, "%", "教育支出增长", "支出分别增长4.6%、15.1%、4.7%", "other", G),
        dy("15.1%", 15.1, "%", "科学技术支出增长", "4.6%、15.1%、4.7%", "other", G),
        dy("4.7%", 4.7, "%", "社会保障和就业支出增长", "15.1%、4.7%。", "other", G),
        dy("58个", 58, "个", "年末职业介绍机构", "年末全市共有职业介绍机构58个", "other"),
        dy("12776人", 12776, "人", "新增城镇就业", "全年新增城镇就业12776人", "employees"),
        dy("4578名", 4578, "名", "失业人员再就业", "其中4578名失业人员实现再就业", "employees"),
        dy("32673户", 32673, "户", "新设市场经营主体", "全年新设市场经营主体32673户", "enterprises"),
        dy("4.62%", 4.62, "%", "新设市场经营主体比上年下降", "32673户,比上年下降4.62%", "enterprises", G),
        dy("7681户", 7681, "户", "新设企业", "新设企业7681户", "enterprises"),
        dy("6.20%", 6.20, "%", "新设企业下降", "7681户,下降6.20%", "enterprises", G),
        dy("24992户", 24992, "户", "新设个体工商户", "新设个体工商户24992户", "other"),
        dy("4.12%", 4.12, "%", "新设个体工商户下降", "24992户,下降4.12%", "other", G),
        dy("180392户", 180392, "户", "年末在册市场经营主体", "年末在册市场经营主体180392户", "enterprises"),
        dy("9.50%", 9.50, "%", "年末在册市场经营主体增长", "180392户,比上年增长9.50%", "enterprises", G),
        dy("49010户", 49010, "户", "在册企业", "其中企业49010户", "enterprises"),
        dy("8.61%", 8.61, "%", "在册企业增长", "49010户,增长8.61%", "enterprises", G),
        dy("131382户", 131382, "户", "在册个体工商户", "个体工商户131382户", "other"),
        dy("9.83%", 9.83, "%", "在册个体工商户增长", "131382户,增长9.83%", "other", G),
    ],
)

# 04 绍兴滨海新区 news (URL date 2023-11-13, no year in the text): 今年以来 / 前三季度 govern the whole article, its
# sub-headings (工业经济稳进提质 …) carry no period of their own: every figure is 2023-01-01..2023-09-30. The subject
# is 滨海新区 throughout (全市 / 全省 / 全国 are only comparison bases).
BH = "滨海新区"
Q3 = span("2023-01-01", "2023-09-30")


def bh(value_text, value, unit, metric, context, key, measure=G, **kw):
    return fig(value_text, value, unit, metric, "前三季度", BH, context, key, measure, **Q3, **kw)


write(
    "04_shaoxing_binhai_new_area_2023_q1_q3.txt",
    published="2023-11-13",
    precision="day",
    figures=[
        bh("662.29亿元", 662.29, "亿元", "地区生产总值", "滨海新区实现地区生产总值662.29亿元", "gdp", "level"),
        bh("8.2%", 8.2, "%", "地区生产总值同比增长", "按不变价格计算,同比增长8.2%", "gdp"),
        bh("七大", 7, "个", "全省新区", "位于全省七大新区首位", "other", "level", opt=True),
        bh("10.3%", 10.3, "%", "规模以上工业增加值同比增长", "规模以上工业增加值同比增长10.3%", "industrial_value_added"),
        bh("10.9%", 10.9, "%", "制造业增加值增长", "制造业增加值增长10.9%", "industrial_value_added"),
        bh("34.3%", 34.3, "%", "制造业增加值占GDP比重", "占GDP比重的34.3%", "industrial_value_added", S),
        bh("8.5%", 8.5, "%", "服务业增加值同比增长", "服务业增加值同比增长8.5%", "other"),
        bh("9.7%", 9.7, "%", "批发和零售业增加值增长", "批发和零售业增加值增长9.7%", "other"),
        bh("13.6%", 13.6, "%", "住宿和餐饮业增加值增长", "住宿和餐饮业增加值增长13.6%", "other"),
        bh("8.8%", 8.8, "%", "交通运输、仓储和邮政业增加值增长", "仓储和邮政业增加值增长8.8%", "other"),
        bh("12.3%", 12.3, "%", "金融业增加值增长", "金融业增加值增长12.3%", "other"),
        bh("1.9%", 1.9, "%", "房地产业增加值增长", "房地产业增加值增长1.9%", "other"),
        bh("6.1%", 6.1, "%", "其他服务业增加值增长", "其他服务业增加值增长6.1%", "other"),
        bh("5.3%", 5.3, "%", "固定资产投资同比增长", "固定资产投资同比增长5.3%", "fixed_asset_investment"),
        bh("42.7%", 42.7, "%", "高新技术产业投资增长", "高新技术产业投资增长42.7%", "fixed_asset_investment"),
        bh("35.2%", 35.2, "%", "制造业投资增长", "制造业投资增长35.2%", "industrial_investment"),
        bh("27.7%", 27.7, "%", "民间项目投资增长", "民间项目投资增长27.7%", "fixed_asset_investment"),
        bh("9.9%", 9.9, "%", "建安增长", "建安增长9.9%", "fixed_asset_investment"),
        bh("708.62亿元", 708.62, "亿元", "进出口总额", "进出口总额708.62亿元", "trade", "level"),
        bh("30.1%", 30.1, "%", "进出口总额同比增长", "708.62亿元,同比增长30.1%", "trade"),
        bh("14.8个百分点", 14.8, "个百分点", "进出口增速高于全市平均", "高于全市平均14.8个百分点", "trade", PP),
        bh("518.91亿元", 518.91, "亿元", "出口总额", "出口总额518.91亿元", "exports", "level"),
        bh("11.7%", 11.7, "%", "出口总额同比增长", "518.91亿元,同比增长11.7%", "exports"),
        bh("108亿元", 108, "亿元", "税收总收入", "完成税收总收入108亿元", "tax", "level"),
        bh("20.8%", 20.8, "%", "税收总收入同比增长", "108亿元,同比增长20.8%", "tax"),
        bh("102.67亿元", 102.67, "亿元", "财政总收入", "财政总收入102.67亿元", "fiscal_revenue", "level"),
        bh("7.3%", 7.3, "%", "财政总收入同比增长", "102.67亿元,同比增长7.3%", "fiscal_revenue"),
        bh("64.57亿元", 64.57, "亿元", "一般公共预算收入", "一般公共预算收入64.57亿元", "fiscal_revenue", "level"),
        bh("5.8%", 5.8, "%", "一般公共预算收入同比增长", "64.57亿元,同比增长5.8%", "fiscal_revenue"),
    ],
)

# 05 新华网 2026-01-26 (big5) on 北京经开区's 2025: the year is written in most sentences; 全年 → 2025; 1-11月 →
# 2025-01-01..2025-11-30. The headline's 四千亿 restates the body's GDP (optional); 第六代 is a product name.
BJ = "北京經開區"
Y25 = year(2025)
N11 = span("2025-01-01", "2025-11-30")


def bj(value_text, value, unit, metric, context, key, measure=G, period=Y25, **kw):
    return fig(value_text, value, unit, metric, "2025年", BJ, context, key, measure, **period, **kw)


write(
    "05_beijing_etdz_2025_review_jan2026_trad.txt",
    published="2026-01-26",
    precision="day",
    in_text=True,
    figures=[
        bj("四千億", 4000, "億", "經濟總量", "北京經開區經濟總量邁上四千億台階-新華網", "gdp", "level", opt=True),
        bj("四千億", 4000, "億", "經濟總量", "來源:新華網北京經開區經濟總量邁上四千億台階", "gdp", "level", opt=True),
        bj("四千億", 4000, "億", "經濟總量", "經濟總量首次突破四千億大關", "gdp", "level", q="lower", opt=True),
        bj("4012.1億元", 4012.1, "億元", "地區生産總值", "全年實現地區生産總值(GDP)4012.1億元", "gdp", "level"),
        bj("10.7%", 10.7, "%", "地區生産總值同比增長", "4012.1億元,同比增長10.7%", "gdp"),
        bj("第六代", 6, "代", "半導體顯示器件生産線", "京東方第六代新型半導體顯示器件生産線", "other", "level", opt=True),
        bj("四大", 4, "個", "主導産業", "北京經開區四大主導産業持續發力", "other", "level", opt=True),
        bj("12%", 12, "%", "工業總産值同比增長", "北京經開區工業總産值同比增長12%", "industrial_output"),
        bj("3113.2億元", 3113.2, "億元", "高端汽車和新能源智能汽車産業産值", "新能源智能汽車産業完成産值3113.2億元",
           "output_value", "level"),
        bj("17.4%", 17.4, "%", "高端汽車和新能源智能汽車産業産值增長", "3113.2億元,同比增長17.4%", "output_value"),
        bj("1882.4億元", 1882.4, "億元", "新一代信息技術産業産值", "新一代信息技術産業完成産值1882.4億元", "output_value", "level"),
        bj("19.3%", 19.3, "%", "新一代信息技術産業産值增長", "1882.4億元,同比增長19.3%", "output_value"),
        bj("820.4億元", 820.4, "億元", "機器人和智能製造産業産值", "機器人和智能製造産業完成産值820.4億元", "output_value", "level"),
        bj("5.1%", 5.1, "%", "機器人和智能製造産業産值增長", "820.4億元,同比增長5.1%", "output_value"),
        bj("1302.8億元", 1302.8, "億元", "信息服務業營收", "信息服務業實現營收1302.8億元", "revenue", "level", period=N11),
        bj("16.7%", 16.7, "%", "信息服務業營收同比增長", "1302.8億元,同比增長16.7%", "revenue", period=N11),
        bj("23.1%", 23.1, "%", "金融業兩項凈收入同比增長", "金融業兩項凈收入同比增長23.1%", "other"),
        bj("15.1%", 15.1, "%", "批零業商品銷售額同比增長", "批零業全年商品銷售額同比增長15.1%", "sales"),
        bj("31.8%", 31.8, "%", "大中型重點企業研發費用同比增長", "大中型重點企業研發費用同比增長31.8%", "rd_spending",
           period=N11),
    ],
)

# 06 绵阳高新区 Q&A profile, no date anywhere (no publication date in --meta). Stocks without 截至/目前/累计 and without
# a date (总面积, 常住人口, 3镇) are unresolvable: both dates empty (../shared/gold/README.md). The 2015 flows take 2015.
# Distances, ranks and memberships of national lists are optional.
MY = "绵阳高新区"


def my(value_text, value, unit, metric, context, key, measure="level", period=NONE, **kw):
    return fig(value_text, value, unit, metric, "", MY, context, key, measure, **period, **kw)


write(
    "06_mianyang_htz_profile_sichuan.txt",
    figures=[
        my("3镇", 3, "镇", "代管镇", "永兴、河边、磨家3镇", "other", opt=True),
        my("105平方公里", 105, "平方公里", "总面积", "总面积105平方公里", "area"),
        my("96公里", 96, "公里", "距成都", "距成都仅96公里", "other", opt=True),
        my("8公里", 8, "公里", "距绵阳机场", "距绵阳机场8公里", "other", opt=True),
        my("30万人", 30, "万人", "常住人口", "常住人口30万人", "population"),
        my("5个", 5, "个", "四川省重点培育的2000亿园区", "四川省重点培育的5个2000亿园区", "parks", opt=True),
        my("2000亿", 2000, "亿", "园区规模", "5个2000亿园区", "other", opt=True),
        my("25个", 25, "个", "全国科技服务体系试点园区", "全国科技服务体系25个试点园区", "parks", opt=True),
        my("115家", 115, "家", "国家级高新区", "在全国115家国家级高新区", "parks", opt=True),
        my("第46位", 46, "位", "综合排名", "最新综合排名中位列第46位", "other", opt=True),
        my("第12位", 12, "位", "可持续发展能力排名", "可持续发展能力排名第12位", "other", opt=True),
        my("256.5亿元", 256.5, "亿元", "地区生产总值", "实现地区生产总值(GDP)256.5亿元", "gdp", period=year(2015)),
        my("1073.5亿元", 1073.5, "亿元", "工业总产值", "实现工业总产值1073.5亿元", "industrial_output", period=year(2015)),
        my("97.97亿元", 97.97, "亿元", "固定资产投资", "完成固定资产投资完成97.97亿元", "fixed_asset_investment",
           period=year(2015)),
    ],
)
