"""unseen12 gold, written by hand before the tool was run on these texts (see ../NOTES.md)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/heldout: the tools every set shares
from heldout import fig, ini, park, quote, span, writer, year

write = writer(Path(__file__).resolve().parents[1])
G = "growth"
S = "share"
PP = "change_pp"
M = "multiple"
NONE: dict = dict(ps="", pe="")

# 01 贵州 2026 province report (GitHub johncodes404/china-provincial-gov-reports-2026, 贵州 file, column full_text):
# two verbatim slices joined by one line break — the report's opening (photo caption, title, date line) through the
# 2025 review (—— headings) and the 十四五 review's (一) and (二); then section 二 (十五五 goals) through section 三's
# 2026 预期目标 and the start of (一), cut after 「…资金占比不低于50%。」. 2025年/全年 → 2025; 五年来 → 2021–2025 (the
# 2025 GDP level → 2025, as unseen10's 台阶); 十五五 goals → targets 2026–2030; 2026 预期目标 and plan → targets of 2026.
GZ = "贵州省"
Y25 = year(2025)
FYP14 = span("2021-01-01", "2025-12-31")
FYP15 = dict(**span("2026-01-01", "2030-12-31"), target=True)
Y26 = dict(**year(2026), target=True)


def r25(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2025年", GZ, context, key, measure, **Y25, **kw)


def r5(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "五年来", GZ, context, key, measure, **FYP14, **kw)


def t15(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "“十五五”时期", GZ, context, key, measure, **FYP15, **kw)


def t26(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "今年", GZ, context, key, measure, **Y26, **kw)


INCOME25 = "城镇和农村常住居民人均可支配收入分别增长3.9%和5.7%"
FISC5 = "一般公共预算收入、税收收入年均分别增长4.5%、3%"
SECT15 = "一二三产增加值年均分别增长3.5%左右、6%左右、5%左右"
SECT26 = "一二三产增加值分别增长3.5%左右、6%左右、5%左右"
INCOME26 = "城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右"
write(
    "01_guizhou_province_gov_report_2026_2025_review_and_goals.txt",
    published="2026-02-02",
    precision="day",
    in_text=False,
    figures=[
        # 2025 review
        r25("4.9%", 4.9, "%", "地区生产总值增长", "全年地区生产总值增长4.9%", "gdp", G),
        r25("2.5%", 2.5, "%", "一般公共预算收入增长", "一般公共预算收入增长2.5%", "fiscal_revenue", G),
        r25("7%", 7, "%", "规模以上工业增加值增长", "规模以上工业增加值增长7%", "industrial_value_added", G),
        r25("25.5%", 25.5, "%", "工业增加值占地区生产总值比重", "工业增加值占地区生产总值比重提高到25.5%",
            "industrial_value_added", S),
        r25("56.2%", 56.2, "%", "服务业增加值占地区生产总值比重", "服务业增加值占地区生产总值比重达56.2%", "other", S),
        r25("63万亩", 63, "万亩", "耕地下山、林地上山完成置换", "完成置换63万亩", "area"),
        r25("62.6万人", 62.6, "万人", "城镇新增就业", "城镇新增就业62.6万人", "employees"),
        r25("3.9%", 3.9, "%", "城镇常住居民人均可支配收入增长", INCOME25, "other", G),
        r25("5.7%", 5.7, "%", "农村常住居民人均可支配收入增长", INCOME25, "other", G),
        r25("12.4万个", 12.4, "万个", "新增基础教育学位", "新增基础教育学位12.4万个", "other"),
        r25("12所", 12, "所", "帮扶我省高校学科建设的省外高水平大学", "省外12所高水平大学帮扶我省高校学科建设", "other"),
        r25("5个", 5, "个", "国家区域医疗中心二期项目全部开工", "5个国家区域医疗中心二期项目全部开工", "projects"),
        r25("50个", 50, "个", "新建县域医疗次中心", "新建县域医疗次中心50个", "other"),
        # 十四五 review (五年来)
        fig("2万亿元", 2, "万亿元", "全省地区生产总值(突破)", "五年来", GZ, "全省地区生产总值突破2万亿元", "gdp", q="lower",
            opt=True, **Y25),
        fig("23562亿元", 23562, "亿元", "全省地区生产总值", "五年来", GZ, "突破2万亿元、达到23562亿元", "gdp", **Y25),
        r5("4.5%", 4.5, "%", "一般公共预算收入年均增长", FISC5, "fiscal_revenue", G),
        r5("3%", 3, "%", "税收收入年均增长", FISC5, "tax", G),
        r5("6.6%", 6.6, "%", "居民人均可支配收入年均增长", "居民人均可支配收入年均增长6.6%", "other", G),
        # 二、十五五 goals
        t15("5%", 5, "%", "全省地区生产总值年均增长", "全省地区生产总值年均增长5%左右", "gdp", G, q="approx"),
        t15("3万亿元", 3, "万亿元", "地区生产总值台阶", "迈上3万亿元台阶", "gdp", q="lower"),
        t15("8万元", 8, "万元", "人均地区生产总值", "人均地区生产总值8万元以上", "other", q="lower"),
        t15("3.5%", 3.5, "%", "一产增加值年均增长", SECT15, "other", G, q="approx"),
        t15("6%", 6, "%", "二产增加值年均增长", SECT15, "other", G, q="approx"),
        t15("5%", 5, "%", "三产增加值年均增长", SECT15, "other", G, q="approx"),
        t15("5%", 5, "%", "全员劳动生产率年均增长", "全员劳动生产率年均增长5%左右", "other", G, q="approx"),
        t15("28%", 28, "%", "工业增加值占地区生产总值比重", "工业增加值占地区生产总值比重达28%左右", "industrial_value_added",
            S, q="approx"),
        t15("8%", 8, "%", "数字经济核心产业增加值占地区生产总值比重", "占地区生产总值比重达8%左右", "other", S, q="approx"),
        t15("63%", 63, "%", "常住人口城镇化率", "常住人口城镇化率达63%左右", "population", S, q="approx"),
        t15("1.6%", 1.6, "%", "全社会研发经费投入强度", "全社会研发经费投入强度提高到1.6%左右", "rd_intensity", S,
            q="approx"),
        t15("3.3件", 3.3, "件", "每万人口高价值发明专利拥有量", "每万人口高价值发明专利拥有量达3.3件", "patents"),
        t15("45%", 45, "%", "民间投资占固定资产投资比重", "民间投资占固定资产投资比重达45%左右", "fixed_asset_investment", S,
            q="approx"),
        t15("5.5%", 5.5, "%", "城镇调查失业率", "城镇调查失业率控制在5.5%左右", "other", S, q="approx"),
        t15("11年", 11, "年", "劳动年龄人口平均受教育年限", "劳动年龄人口平均受教育年限达11年", "other"),
        t15("78岁", 78, "岁", "人均预期寿命", "人均预期寿命提高到78岁左右", "other", q="approx"),
        t15("23微克/立方米", 23, "微克/立方米", "地级及以上城市细颗粒物年平均浓度", "年平均浓度不高于23微克/立方米", "other",
            q="upper"),
        t15("1121万吨", 1121, "万吨", "粮食综合生产能力", "粮食综合生产能力每年稳定在1121万吨以上", "capacity", q="lower"),
        t15("2.3亿吨标准煤", 2.3, "亿吨标准煤", "能源综合生产能力", "能源综合生产能力达2.3亿吨标准煤左右", "capacity", q="approx"),
        fig("五年", 5, "年", "再奋斗", "到二〇三五年", GZ, "在此基础上再奋斗五年", "other", opt=True, target=True, **NONE),
        t26("两条", 2, "条", "底线", "牢牢守好发展和生态两条底线", "other", opt=True),
        # 三、2026 预期目标 and the start of the plan
        t26("5%", 5, "%", "地区生产总值增长", "主要预期目标是：地区生产总值增长5%左右", "gdp", G, q="approx"),
        t26("3.5%", 3.5, "%", "一产增加值增长", SECT26, "other", G, q="approx"),
        t26("6%", 6, "%", "二产增加值增长", SECT26, "other", G, q="approx"),
        t26("5%", 5, "%", "三产增加值增长", SECT26, "other", G, q="approx"),
        t26("7.5%", 7.5, "%", "规模以上工业增加值增长", "规模以上工业增加值增长7.5%左右", "industrial_value_added", G,
            q="approx"),
        t26("3%", 3, "%", "固定资产投资增长", "固定资产投资增长3%左右", "fixed_asset_investment", G, q="approx"),
        t26("4%", 4, "%", "社会消费品零售总额增长", "社会消费品零售总额增长4%左右", "retail_sales", G, q="approx"),
        t26("2%", 2, "%", "一般公共预算收入增长", "一般公共预算收入增长2%左右", "fiscal_revenue", G, q="approx"),
        t26("4%", 4, "%", "城镇常住居民人均可支配收入增长", INCOME26, "other", G, q="approx"),
        t26("6%", 6, "%", "农村常住居民人均可支配收入增长", INCOME26, "other", G, q="approx"),
        t26("60万人", 60, "万人", "城镇新增就业", "城镇新增就业60万人左右", "employees", q="approx"),
        t26("5.5%", 5.5, "%", "城镇调查失业率", "城镇调查失业率5.5%左右；", "other", S, q="approx"),
        t26("2%", 2, "%", "居民消费价格涨幅", "居民消费价格涨幅2%左右", "other", G, q="approx"),
        t26("59%", 59, "%", "常住人口城镇化率", "常住人口城镇化率达59%左右", "population", S, q="approx"),
        t26("40%", 40, "%", "民间投资占固定资产投资比重", "确保民间投资占固定资产投资比重达40%以上", "fixed_asset_investment", S,
            q="lower"),
        t26("40%", 40, "%", "政府采购工程面向中小企业的预留份额", "面向中小企业的预留份额达40%以上", "other", S, q="lower"),
        t26("50%", 50, "%", "政府投资基金支持民间投资项目的资金占比", "支持民间投资项目的资金占比不低于50%", "funding", S,
            q="lower"),
    ],
    initiatives=[
        ini("大抓产业、大抓项目、大抓招商经济工作“头号工程”", "program", GZ),
        ini("重大项目建设“5+3”工作机制", "reform", GZ),
        ini("“开门红”系列政策举措", "policy", GZ),
        ini("一揽子超常规政策措施", "policy", GZ, opt=True),
        ini("“新年第一会”", "event", GZ, opt=True),
        ini("“新春第一会”", "event", GZ, opt=True),
        ini("“8+5”任务抓手", "other", opt=True),
        ini("“3+1”保障", "program", opt=True),
        ini("闲置低效项目清理盘活", "program", opt=True),
        ini("存量安置房清零攻坚", "program", GZ),
        ini("地质灾害避险搬迁安置", "program", GZ),
        ini("耕地下山、林地上山", "program", opt=True),
        ini("免费学前教育政策", "policy", opt=True),
        ini("育儿补贴制度", "policy", opt=True),
        ini("群众身边不正之风和腐败问题集中整治", "program", opt=True),
        ini("国务院关于支持贵州在新时代西部大开发上闯新路的意见", "policy", opt=True),
        ini("《贵州省国民经济和社会发展第十五个五年规划纲要（草案）》", "policy", GZ),
        ini("“两重”“两新”政策", "policy", opt=True),
        ini("促进居民增收三年行动", "action_plan", GZ),
        ini("提振消费专项行动", "action_plan", GZ),
        ini("消费品以旧换新", "program", opt=True),
        ini("职工带薪错峰休假制度", "policy", opt=True),
        ini("扩大民间投资专项行动", "action_plan", GZ),
        ini("重点民间投资项目库", "platform", opt=True),
        ini("PPP新机制", "reform", opt=True),
    ],
)

# 02 《贵州省开发区条例》 (2012), as a standards site prints it with its punctuation mangled (。 and . for commas, spaces
# for commas); chapter 1 and article 7, cut before 第八条. The adoption date, 第十一届/第二十八次, the article numbers
# and the list items 一…七 are not figures: no figure at all.
write(
    "02_guizhou_dev_zone_regulation_2012.txt",
    published="2012-05-25",
    precision="day",
    in_text=True,
    figures=[],
    initiatives=[
        ini("贵州省开发区条例", "policy"),
        ini("工业强省和城镇化带动战略", "program", opt=True),
        ini("考核评价结果", "other", opt=True),
    ],
)

# 03 宁夏 2017 统计公报's 表1 (traditional, as the page prints it: one cell a line). The table number 1 is glued to
# the year in its title (表12017年); the column header gives the units (絕對值(億元), 比上年增長(%)). The region is
# named nowhere (全區 only): subject "". Every value → 2017. Sector rows are 增加值 (key other but 工業 and the total);
# the printed -0.9 keeps its sign.
ROWS03 = [
    ("全區生產總值", "全區生產總值", "gdp", "3453.93", "7.8"),
    ("農林牧漁業", "農林牧漁業增加值", "other", "276.64", "4.3"),
    ("工業", "工業增加值", "industrial_value_added", "1096.30", "8.4"),
    ("建筑業", "建筑業增加值", "other", "484.36", "3.7"),
    ("批發和零售業", "批發和零售業增加值", "other", "160.92", "8.7"),
    ("交通運輸、倉儲和郵政業", "交通運輸、倉儲和郵政業增加值", "other", "199.31", "-0.9"),
    ("住宿和餐飲業", "住宿和餐飲業增加值", "other", "58.66", "6.5"),
    ("金融業", "金融業增加值", "other", "314.69", "6.8"),
    ("房地產業", "房地產業增加值", "other", "120.84", "3.6"),
    ("其他服務業", "其他服務業增加值", "other", "742.21", "15.2"),
    ("第一產業", "第一產業增加值", "other", "261.07", "4.3"),
    ("第二產業", "第二產業增加值", "other", "1580.53", "7.0"),
    ("第三產業", "第三產業增加值", "other", "1612.33", "9.2"),
]
F03 = []
for label, metric, key, level, growth in ROWS03:
    ctx = label + level + growth
    F03.append(fig(level, float(level), "億元", metric, "2017年", "", ctx, key, **year(2017)))
    F03.append(fig(growth, float(growth), "%", metric + "比上年增長", "2017年", "", ctx, key, G, **year(2017)))
write(
    "03_ningxia_gdp_by_sector_2017_table_trad.txt",
    published="2018-05-02",
    precision="day",
    in_text=False,
    figures=F03,
)

# 04 石嘴山市大武口區 2022 统计公报 (traditional as found), its title line (the year), preface, 一、綜合 with three chart
# captions and the CPI paragraph (glyph noise ?? before it). Everything → 2022; 兩年平均增長 → 2021–2022. Subject
# 大武口區 (the CPI of its 调查队 monitoring too). Declines keep 下降 in the metric and a positive value.
DW = "大武口區"
Y22 = year(2022)


def dw(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2022年", DW, context, key, measure, **Y22, **kw)


STRUCT = "三次產業結構為1.08:51.97:46.95"
CONTRIB = "貢獻率分別為2.1%、45.6%和52.3%"
PULL = "分別拉動地區生產總值0.06、1.35和1.55個百分點"
write(
    "04_dawukou_district_bulletin_2022_ningxia_trad.txt",
    figures=[
        dw("三重", 3, "重", "壓力", "預期轉弱三重壓力", "other", opt=True),
        dw("2435313萬元", 2435313, "萬元", "地區生產總值", "完成地區生產總值2435313萬元", "gdp"),
        dw("3%", 3, "%", "地區生產總值同比增長", "不變價格計算,同比增長3%", "gdp", G),
        fig("4.2%", 4.2, "%", "地區生產總值兩年平均增長", "兩年平均", DW, "兩年平均增長4.2%", "gdp", G,
            **span("2021-01-01", "2022-12-31")),
        dw("26200萬元", 26200, "萬元", "第一產業增加值", "第一產業增加值26200萬元", "other"),
        dw("8.7%", 8.7, "%", "第一產業增加值同比增長", "26200萬元,同比增長8.7%", "other", G),
        dw("1265746萬元", 1265746, "萬元", "第二產業增加值", "第二產業增加值1265746萬元", "other"),
        dw("3%", 3, "%", "第二產業增加值同比增長", "1265746萬元,同比增長3%", "other", G),
        dw("1143367萬元", 1143367, "萬元", "第三產業增加值", "第三產業增加值1143367萬元", "other"),
        dw("2.9%", 2.9, "%", "第三產業增加值同比增長", "1143367萬元,同比增長2.9%", "other", G),
        dw("1.08", 1.08, "%", "第一產業比重(三次產業結構)", STRUCT, "other", S, opt=True),
        dw("51.97", 51.97, "%", "第二產業比重(三次產業結構)", STRUCT, "other", S, opt=True),
        dw("46.95", 46.95, "%", "第三產業比重(三次產業結構)", STRUCT, "other", S, opt=True),
        dw("2.1%", 2.1, "%", "第一產業對經濟增長的貢獻率", CONTRIB, "other", S),
        dw("45.6%", 45.6, "%", "第二產業對經濟增長的貢獻率", CONTRIB, "other", S),
        dw("52.3%", 52.3, "%", "第三產業對經濟增長的貢獻率", CONTRIB, "other", S),
        dw("0.06", 0.06, "個百分點", "第一產業拉動地區生產總值增長", PULL, "gdp", PP),
        dw("1.35", 1.35, "個百分點", "第二產業拉動地區生產總值增長", PULL, "gdp", PP),
        dw("1.55個百分點", 1.55, "個百分點", "第三產業拉動地區生產總值增長", PULL, "gdp", PP),
        dw("81503元/人", 81503, "元/人", "人均地區生產總值", "全年人均地區生產總值81503元/人", "other"),
        dw("3.1%", 3.1, "%", "人均地區生產總值同比增長", "81503元/人,同比增長3.1%", "other", G),
        dw("2.8%", 2.8, "%", "居民消費價格累計上漲", "居民消費價格累計上漲2.8%", "other", G),
        dw("2.7%", 2.7, "%", "商品零售價格指數累計上漲", "商品零售價格指數累計上漲2.7%", "other", G),
        dw("1.7%", 1.7, "%", "服務價格指數上漲", "服務價格指數上漲1.7%", "other", G),
        dw("3.9%", 3.9, "%", "工業品價格指數上漲", "工業品價格指數上漲3.9%", "other", G),
        dw("3.3%", 3.3, "%", "消費品價格指數上漲", "消費品價格指數上漲3.3%", "other", G),
        dw("15.2%", 15.2, "%", "能源價格指數上漲", "能源價格指數上漲15.2%", "other", G),
        dw("2.8%", 2.8, "%", "非食品價格指數上漲", "非食品價格指數上漲2.8%", "other", G),
        dw("2.8%", 2.8, "%", "食品價格指數上漲", ",食品價格指數上漲2.8%", "other", G),
        dw("八大類", 8, "類", "商品及服務類別", "八大類商品及服務價格", "other", opt=True),
        dw("六漲", 6, "類", "價格上漲類別", "呈現“六漲二降”的運行態勢", "other", opt=True),
        dw("二降", 2, "類", "價格下降類別", "呈現“六漲二降”的運行態勢", "other", opt=True),
        dw("2.6%", 2.6, "%", "食品煙酒類價格上漲", "食品煙酒類價格上漲2.6%", "other", G),
        dw("2.7%", 2.7, "%", "居住類價格上漲", "居住類價格上漲2.7%", "other", G),
        dw("7.3%", 7.3, "%", "交通通信類價格上漲", "交通通信類價格上漲7.3%", "other", G),
        dw("2.2%", 2.2, "%", "其他用品和服務類價格上漲", "其他用品和服務類價格上漲2.2%", "other", G),
        dw("2.1%", 2.1, "%", "教育文化娛樂類價格上漲", "教育文化娛樂類價格上漲2.1%", "other", G),
        dw("2.2%", 2.2, "%", "生活用品及服務類價格上漲", "生活用品及服務類價格上漲2.2%", "other", G),
        dw("0.2%", 0.2, "%", "衣著類價格下降", "衣著類價格下降0.2%", "other", G),
        dw("0.7%", 0.7, "%", "醫療保健類價格下降", "醫療保健類價格下降0.7%", "other", G),
    ],
)

# 05 贵安综保区 (贵州), 贵州日报 via a repost, undated (十四五 即将收官 → 2025, not stated as a date). 从2022年的…增长到
# 2024年的… pairs: each level → its year; the 年均增长 between them → 2022–2024; 占全省的比重 → 2024. The rank change
# (提升34位) is optional. 贵安 alone is the 国家级新区 (optional park); 马场产业新城/深贵产业园区 are the 综保区's
# parenthesised areas (optional).
GA = "贵安综保区"
TRADE05 = "外贸进出口额从2022年的86.71亿元增长到2024年的146.37亿元"
IND05 = "工业总产值从2021年的66.21亿元稳步增长至2024年的168.07亿元"
write(
    "05_guian_csz_2021_2024_guizhou.txt",
    parks=[
        park("贵安综合保税区", aliases=["贵安综保区"], park_id="csz-g523123"),
        park("马场产业新城", opt=True),
        park("深贵产业园区", opt=True),
        park("贵安", opt=True, park_id="na-guian"),
    ],
    figures=[
        fig("86.71亿元", 86.71, "亿元", "外贸进出口额", "2022年", GA, TRADE05, "trade", **year(2022)),
        fig("146.37亿元", 146.37, "亿元", "外贸进出口额", "2024年", GA, TRADE05, "trade", **year(2024)),
        # corrected after first contact: a 年均增长 from a base year's level starts the year after it (labelcheck2's
        # 从2020年…到2023年 → 2021–2023, unseen8's 2005→2010 → 2006–2010); first written 2022–2024
        fig("30%", 30, "%", "外贸进出口额年均增长", "2022年到2024年", GA, "年均增长30%", "trade", G,
            **span("2023-01-01", "2024-12-31")),
        fig("17%", 17, "%", "外贸进出口额占全省的比重", "2024年", GA, "占全省的比重达17%", "trade", S, **year(2024)),
        fig("66.21亿元", 66.21, "亿元", "工业总产值", "2021年", GA, IND05, "industrial_output", **year(2021)),
        fig("168.07亿元", 168.07, "亿元", "工业总产值", "2024年", GA, IND05, "industrial_output", **year(2024)),
        fig("34位", 34, "位", "全国海关发展绩效排名提升", "比2021年", GA, "在全国海关发展绩效排名中比2021年提升34位", "other",
            opt=True, **NONE),
        fig("五个", 5, "个", "开放方面", "", "贵安", "围绕“五个开放”", "other", opt=True, target=True, **NONE),
    ],
    initiatives=[
        ini("“产业基地型综保区”", "other", GA, opt=True),
        ini("“五个开放”", "program", opt=True),
    ],
)

# 06 昆明 (云南), a forum repost of the 2021-05-24 press conference (the year is not printed with 5月24日; 建党100周年
# and 2021年1-4月 give it). 2020年 → 2020; 比2016年增长/年均增长 and 2016—2020年 → 2016–2020; 从2015年的…到2020年的 →
# each level its year, the 增长46.3% → 2015–2020; the 片区's and the 综试区's counts since approval → no period; 2021年1-4月
# → 2021-01-01..2021-04-30. 增长1.5倍 is growth (value 1.5, unit 倍).
KM = "昆明市"
KMA = "中国(云南)自由贸易试验区昆明片区"
P1620 = span("2016-01-01", "2020-12-31")  # the printed 2016—2020年
P1720 = span("2017-01-01", "2020-12-31")  # corrected after first contact: growth from the 2016 level (see 05)
R0620 = "从2015年的2098.42亿元增长到2020年的3070.44亿元"
write(
    "06_kunming_open_platforms_2021_yunnan.txt",
    published="2021-05-24",
    precision="day",
    in_text=False,
    parks=[
        park("昆明综合保税区", park_id="csz-g533124"),
        park("昆明高新保税物流中心", opt=True),
        park("腾俊国际陆港保税物流中心", opt=True),
        park(KMA, park_id="ftza-yunnan-kunming"),
        park("中国(昆明)跨境电子商务综合试验区", opt=True),
    ],
    figures=[
        fig("100周年", 100, "周年", "中国共产党成立", "", KM, "中国共产党成立100周年", "other", opt=True, **NONE),
        fig("1105亿元", 1105, "亿元", "外贸进出口总额", "2020年", KM, "全市实现外贸进出口总额1105亿元", "trade", **year(2020)),
        # corrected after first contact: 比2016年 (a comparison with a year) → the later year, 2020
        fig("1.5倍", 1.5, "倍", "外贸进出口总额比2016年增长", "比2016年", KM, "比2016年增长1.5倍", "trade", G, **year(2020)),
        fig("25.2%", 25.2, "%", "外贸进出口总额年均增长", "比2016年", KM, "年均增长25.2%", "trade", G, **P1720),
        fig("55%", 55, "%", "“一带一路”沿线国家进出口占比", "2020年", KM, "沿线国家进出口占比超过55%", "trade", S, q="lower",
            **year(2020)),
        fig("32.2%", 32.2, "%", "“一带一路”沿线国家进出口年均增长", "比2016年", KM, "超过55%,年均增长32.2%", "trade", G,
            **P1720),
        fig("63.2%", 63.2, "%", "自“一带一路”沿线国家进口年均增长", "2016—2020年", KM, "沿线国家进口年均增长63.2%",
            "imports", G, **P1620),
        fig("13.9%", 13.9, "%", "对“一带一路”沿线国家出口年均增长", "2016—2020年", KM, "沿线国家出口年均增长13.9%",
            "exports", G, **P1620),
        fig("2098.42亿元", 2098.42, "亿元", "社会消费品零售总额", "2015年", KM, R0620, "retail_sales", **year(2015)),
        fig("3070.44亿元", 3070.44, "亿元", "社会消费品零售总额", "2020年", KM, R0620, "retail_sales", **year(2020)),
        fig("46.3%", 46.3, "%", "社会消费品零售总额增长", "2015年到2020年", KM, "3070.44亿元,增长46.3%", "retail_sales", G,
            **span("2016-01-01", "2020-12-31")),  # corrected: from the 2015 level (first written 2015–2020)
        fig("1.8万户", 1.8, "万户", "新增注册企业", "", KMA, "新增注册企业1.8万户", "enterprises", **NONE),
        fig("141条", 141, "条", "试点任务", "", KMA, "141条试点任务全面推进", "other", **NONE),
        fig("42条", 42, "条", "可复制、可推广的昆明经验", "", KMA, "形成42条可复制、可推广的昆明经验", "other", **NONE),
        fig("6个", 6, "个", "评比认定跨境电商产业园区", "", KM, "评比认定6个跨境电商产业园区", "parks", **NONE),
        fig("788万单", 788, "万单", "跨境电商进出口业务", "", KM, "完成跨境电商进出口业务788万单", "other", **NONE),
        fig("6亿元", 6, "亿元", "跨境电商累计申报货值", "", KM, "累计申报货值6亿元", "trade", **NONE),
        fig("5.3亿元", 5.3, "亿元", "跨境电商累计完成进出口额", "2021年1-4月", KM, "跨境电商累计完成进出口额5.3亿元", "trade",
            **span("2021-01-01", "2021-04-30")),
        fig("54.9%", 54.9, "%", "跨境电商进出口额同比增长", "2021年1-4月", KM, "5.3亿元,同比增长54.9%", "trade", G,
            **span("2021-01-01", "2021-04-30")),
    ],
    initiatives=[
        ini("“推进区域性国际中心城市建设”专题发布会", "event", KM),
        ini("区域性国际中心城市建设", "program", KM, opt=True),
        ini("区域性国际经济贸易中心建设", "program", KM, opt=True),
        ini("跨境电商综合服务平台", "platform", KM),
        ini("昆蓉欧、中亚、中越国际班列", "program", opt=True),
        ini("《区域全面经济伙伴关系协定》", "policy", opt=True),
    ],
)

# 07 新疆 (traditional as found; 央广网 via a repost, dateline 11月12日, URL date 2023-11-13; no year printed). The
# 喀什片区 opened 11月11日: its first companies and signed funds → end 2023-11-11 (as a dateline stock); 今年前三季度 →
# 2023-01-01..2023-09-30; the 季文旭 shares (present) → no period. Colon speech without quote marks → optional quotes.
KS = "中國(新疆)自由貿易試驗區喀什片區"
ON11 = dict(ps="", pe="2023-11-11")
Q3 = span("2023-01-01", "2023-09-30")
CAR = "國產汽車占到了70%,其中新能源汽車也占到了40%"
write(
    "07_xinjiang_kashgar_ftz_area_2023_trad.txt",
    published="2023-11-12",
    precision="day",
    in_text=False,
    parks=[
        park(KS, park_id="ftza-xinjiang-kashi"),
        park("塔城重點開發開放試驗區"),
        park("自由貿易試驗區", opt=True),
    ],
    figures=[
        fig("35家", 35, "家", "首批入駐企業", "11月11日", KS, "并迎來首批35家企業入駐", "enterprises", **ON11),
        fig("176億元", 176, "億元", "簽約落地項目資金", "11月11日", KS, "簽約落地項目資金超過176億元", "investment_attracted",
            q="lower", **ON11),
        fig("70%", 70, "%", "出口商品車中國產汽車占比", "", "霍爾果斯公路口岸", CAR, "other", S, **NONE),
        fig("40%", 40, "%", "出口商品車中新能源汽車占比", "", "霍爾果斯公路口岸", CAR, "other", S, **NONE),
        fig("十余個", 10, "個", "葵仁、食用油銷往省市", "", "巴克圖口岸", "銷往甘肅、寧夏、河南等十余個省市", "other", q="lower",
            opt=True, **NONE),
        fig("169.3億元", 169.3, "億元", "巴克圖口岸累計進出口總值", "今年前三季度", "巴克圖口岸", "巴克圖口岸累計進出口總值169.3億元",
            "trade", **Q3),
        fig("56.1%", 56.1, "%", "進出口總值同比增長", "今年前三季度", "巴克圖口岸", "169.3億元,同比增長56.1%", "trade", G, **Q3),
        fig("一港", 1, "個", "港", "", "新疆", "“一港、兩區、五大中心、口岸經濟帶”", "other", opt=True, target=True, **NONE),
        fig("兩區", 2, "個", "區", "", "新疆", "“一港、兩區、五大中心、口岸經濟帶”", "other", opt=True, target=True, **NONE),
        fig("五大", 5, "個", "中心", "", "新疆", "“一港、兩區、五大中心、口岸經濟帶”", "other", opt=True, target=True, **NONE),
    ],
    quotes=[
        quote("季文旭", "在出口商品車里,國產汽車占到了70%", "新疆霍爾果斯出入境邊防檢查站邊檢處處長", opt=True),
        quote("陳威龍", "我們試驗區依托巴克圖口岸", "塔城重點開發開放試驗區管委會副主任", opt=True),
        quote("劉波", "持續拓展向西開放的廣度和深度", "新疆維吾爾自治區商務廳副廳長", opt=True),
    ],
    initiatives=[
        ini("“一港、兩區、五大中心、口岸經濟帶”建設", "program"),
        ini("邊民互市交易農產品+落地加工企業“整進整出”交易模式", "reform", opt=True),
        ini("商品車專用通道", "other", opt=True),
        ini("《新聞和報紙摘要》", "other", opt=True),
    ],
)

# 08 贵阳市 工业园区 一季度 (贵州), a spam-site rewrite with synonyms swapped in (建造=建设, 完结=完成, 出资=投资, 方针=目标,
# 解决工作=就业, 超越=超过) and an advert line first; no year and no date anywhere: every period empty. 估计 (an estimate
# of a past quarter) → exact, not a target. The headline's 400亿元 and the later repeats (400亿元, 167.9亿元, 40亿元) are
# optional; 占全年方针的23% → a share of the year's target. Subject: 贵阳市工业园区 (the 14 parks together; not a park).
GY = "贵阳市工业园区"


def gy(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "一季度", GY, context, key, measure, **NONE, **kw)


write(
    "08_guiyang_industrial_parks_q1_guizhou.txt",
    figures=[
        gy("400亿元", 400, "亿元", "工业总产值(标题)", "估计首季完结工业总产值400亿元", "industrial_output", opt=True),
        gy("167.9亿元", 167.9, "亿元", "固定资产投资", "完结固定资产出资167.9亿元,估计", "fixed_asset_investment"),
        gy("400亿元", 400, "亿元", "工业总产值", "估计完结工业总产值400亿元,上交税收", "industrial_output"),
        gy("40亿元", 40, "亿元", "上交税收", "上交税收40亿元以上", "tax", q="lower"),
        gy("14个", 14, "个", "工业园区", "贵阳市14个工业园区", "parks"),
        gy("400亿元", 400, "亿元", "工业总产值(重述)", "14个工业园区估计完结工业总产值400亿元", "industrial_output", opt=True),
        gy("23%", 23, "%", "工业总产值占全年目标", "400亿元,占全年方针的23%", "industrial_output", S),
        gy("40.2亿元", 40.2, "亿元", "基础设施建设投资", "基础设施建造出资达40.2亿元", "fixed_asset_investment"),
        gy("7个", 7, "个", "基础设施项目已投入运营", "7个基础设施项目已投入运营", "projects"),
        gy("167.9亿元", 167.9, "亿元", "固定资产投资(重述)", "全市工业园区完结固定资产出资167.9亿元,占全年", "fixed_asset_investment",
           opt=True),
        gy("23%", 23, "%", "固定资产投资占全年目标", "167.9亿元,占全年方针的23%", "fixed_asset_investment", S),
        gy("12万平方米", 12, "万平方米", "建成标准厂房", "建成标准厂房12万平方米", "area"),
        gy("20%", 20, "%", "标准厂房占全年目标", "占全年方针的20%", "area", S),
        gy("77个", 77, "个", "新增开工项目", "新增开工项目77个", "projects"),
        gy("98亿元", 98, "亿元", "到位资金", "到位资金98亿元", "investment_attracted"),
        gy("39个", 39, "个", "项目投产达产", "39个项目投产达产", "projects"),
        gy("1.3万个", 1.3, "万个", "新增工作岗位", "新增工作岗位1.3万个", "employees"),
        gy("40亿元", 40, "亿元", "上交税收(重述)", "上交税收超越40亿元", "tax", q="lower", opt=True),
    ],
)

# 09 玉溪高新区 (云南), a county site's repost (index table with 公开日期 2023-05-16; 今年以来/一季度 → 2023 Q1). The index
# number is not a figure; 23价/13价 are spec numbers in vaccine names (optional); 23家企业 (先后集聚) → no period.
YX = "玉溪高新区"
Q1 = span("2023-01-01", "2023-03-31")


def yx(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "一季度", YX, context, key, measure, **Q1, **kw)


write(
    "09_yuxi_htz_2023q1_yunnan.txt",
    published="2023-05-16",
    precision="day",
    in_text=True,
    parks=[park(YX, park_id="htz-yuxi")],
    figures=[
        yx("271亿元", 271, "亿元", "规上工业总产值", "完成规上工业总产值271亿元", "industrial_output"),
        yx("5.4%", 5.4, "%", "规上工业总产值同比增长", "271亿元,同比增长5.4%", "industrial_output", G),
        yx("199.1亿元", 199.1, "亿元", "规上工业增加值", "完成规上工业增加值199.1亿元", "industrial_value_added"),
        yx("6.1%", 6.1, "%", "规上工业增加值同比增长", "199.1亿元,同比增长6.1%", "industrial_value_added", G),
        yx("8.58亿元", 8.58, "亿元", "固定资产投资", "完成固定资产投资8.58亿元", "fixed_asset_investment"),
        yx("20.5%", 20.5, "%", "固定资产投资同比增长", "8.58亿元,同比增长20.5%", "fixed_asset_investment", G),
        fig("三大", 3, "个", "产业集群", "", YX, "新能源电池三大产业集群", "other", opt=True, **NONE),
        yx("225.7亿元", 225.7, "亿元", "卷烟及配套产业规上工业总产值", "完成规上工业总产值225.7亿元", "industrial_output"),
        yx("6.1%", 6.1, "%", "卷烟及配套产业规上工业总产值同比增长", "225.7亿元、同比增长6.1%", "industrial_output", G),
        yx("83.3%", 83.3, "%", "卷烟及配套产业占玉溪高新区规上工业总产值", "占玉溪高新区规上工业总产值的83.3%",
           "industrial_output", S),
        yx("25%", 25, "%", "卷烟及配套产业约占全市规上工业总产值", "约占全市规上工业总产值的25%", "industrial_output", S,
           q="approx"),
        fig("23家", 23, "家", "生物医药企业", "", YX, "红云制药等23家企业", "enterprises", **NONE),
        fig("23价", 23, "价", "肺炎疫苗", "", YX, "23价和13价肺炎疫苗", "other", opt=True, **NONE),
        fig("13价", 13, "价", "肺炎疫苗", "", YX, "23价和13价肺炎疫苗", "other", opt=True, **NONE),
        yx("16.5亿元", 16.5, "亿元", "生物医药产业规上工业总产值", "完成规上工业总产值16.5亿元", "industrial_output"),
        yx("13.2%", 13.2, "%", "生物医药产业规上工业总产值同比增长", "16.5亿元,同比增长13.2%", "industrial_output", G),
    ],
    initiatives=[
        ini("“国家火炬玉溪高新区生物医药特色产业基地”", "program", YX, opt=True),
        ini("稳增长各项举措", "policy", YX, opt=True),
    ],
)

# 10 霍尔果斯 (新疆), 新华网 2023-02-16 (date printed). 截至2月12日 with 今年以来 → 2023-01-01..2023-02-12 (both the
# 班列 count and 过货量, and their 分别增长); 2022年 → 2022, subject 霍尔果斯 as printed (the 综保区's statistics of the
# place's cross-border e-commerce). 霍尔果斯综保区 has no row under that name in the registry (park_id empty).
HG = "霍尔果斯铁路口岸"
JAN = span("2023-01-01", "2023-02-12")
RAIL = "过货量115.6万吨,同比分别增长1.7%、31.4%"
write(
    "10_horgos_ports_2022_2023_xinjiang.txt",
    published="2023-02-16",
    precision="day",
    in_text=True,
    parks=[
        park("中哈霍尔果斯国际边境合作中心", park_id="bec-g655018"),
        park("霍尔果斯综保区"),
    ],
    figures=[
        fig("822列", 822, "列", "开行中欧(中亚)班列", "截至2月12日", HG, "开行中欧(中亚)班列822列", "other", **JAN),
        fig("115.6万吨", 115.6, "万吨", "过货量", "截至2月12日", HG, RAIL, "other", **JAN),
        fig("1.7%", 1.7, "%", "开行中欧(中亚)班列同比增长", "截至2月12日", HG, RAIL, "other", G, **JAN),
        fig("31.4%", 31.4, "%", "过货量同比增长", "截至2月12日", HG, RAIL, "other", G, **JAN),
        fig("3159个", 3159, "个", "跨境电商累计出口集装箱", "2022年", "霍尔果斯", "累计出口集装箱3159个", "other",
            **year(2022)),
        fig("29.14亿元", 29.14, "亿元", "跨境电商出口金额", "2022年", "霍尔果斯", "出口金额29.14亿元", "exports", **year(2022)),
    ],
)
