"""metriccheck3 gold, written by hand before the tool was run on these texts (see ../NOTES.md).

This check is for metric_key; subjects and periods were written too. Conventions (../shared/gold/METRICS.md, the shared
gold, docs/labels.md "Metric conventions"):
- a product's 产量 is `capacity`; 种植面积, 农田面积, 灌溉面积 are `area`; livestock 出栏 and 存栏 are `other`;
- a sector's value added (第一/二/三产业增加值) and GDP per head are `other`; incomes per head are `other`;
- births and deaths (counts and rates) are `other`: they count events, not the people who live in a place, and the
  shared gold's `population` rows are stocks (户籍人口, 常住人口) and their change (户籍人口年增长); the natural
  increase and its rate (自然增长率) are the stock's change, `population` (corrected after the first contact, as
  unseen11's gold says; see ../NOTES.md); the urbanization rate is `population` with measure share (unseen6, 10-12);
- an absolute change (比上年增加64万公顷) is a level of the metric named with 增加/减少, value positive;
- the total investment of projects that started construction is `project_investment`; 协议引资 and 到位投资 of
  signed projects are `investment_attracted`; one named project's total is `project_investment`;
- the bare 产值 of a group of firms is `output_value` (seeds 000: "小巨人"企业累计产值), 工业总产值 is
  `industrial_output` whatever group it is of;
- declines keep 下降/减产 in the metric and a positive value.
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

# 01 上杭县 work report, review of "20XX年" (the page hides the year; no date): no period. 预计实现 is METRICS.md's
# forecast cue, so the review's amounts are targets. The county speaks for itself (我县, 县政府).
SH = "上杭县"


def sh(value_text, value, unit, metric, context, key, measure="level", **kw):
    kw.setdefault("target", True)
    return fig(value_text, value, unit, metric, "20XX年", SH, context, key, measure, **NONE, **kw)


write(
    "01_shanghang_county_gov_report_review_fujian.txt",
    figures=[
        sh("391亿元", 391, "亿元", "地区生产总值", "预计实现地区生产总值391亿元", "gdp"),
        sh("8.6%", 8.6, "%", "地区生产总值增长", "391亿元,增长8.6%", "gdp", G),
        sh("38.74亿元", 38.74, "亿元", "财政收入", "财政收入38.74亿元", "fiscal_revenue"),
        sh("4.26%", 4.26, "%", "财政收入增长", "38.74亿元,增长4.26%", "fiscal_revenue", G),
        sh("26.5亿元", 26.5, "亿元", "地方级收入", "其中地方级收入26.5亿元", "fiscal_revenue"),
        sh("0.9%", 0.9, "%", "地方级收入增长", "26.5亿元,增长0.9%", "fiscal_revenue", G),
        sh("13.5%", 13.5, "%", "固定资产投资增长", "固定资产投资增长13.5%", "fixed_asset_investment", G),
        sh("105亿元", 105, "亿元", "社会消费品零售总额", "社会消费品零售总额105亿元", "retail_sales"),
        sh("11.3%", 11.3, "%", "社会消费品零售总额增长", "105亿元,增长11.3%", "retail_sales", G),
        sh("42170元", 42170, "元", "城镇居民人均可支配收入", "城镇居民人均可支配收入42170元", "other"),
        sh("8.2%", 8.2, "%", "城镇居民人均可支配收入增长", "42170元,增长8.2%", "other", G),
        sh("18320元", 18320, "元", "农村居民人均可支配收入", "农村居民人均可支配收入18320元", "other"),
        sh("9.2%", 9.2, "%", "农村居民人均可支配收入增长", "18320元,增长9.2%", "other", G),
        sh("11.8︰48.3︰39.9", 11.8, "", "三次产业比", "三次产业比调整为11.8︰48.3︰39.9", "other", S, opt=True),
        fig("21.18亿元", 21.18, "亿元", "总投资", "20XX年", "宁德时代新型锂盐研发生产项目",
            "引进落地总投资21.18亿元的宁德时代新型锂盐研发生产项目", "project_investment", **NONE),
    ],
)

# 02 缙云县 2023 bulletin (traditional characters): every figure 2023, the county's; 年末 stocks too.
JY = "縉云縣"
Y23 = year(2023)


def jy(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2023年", JY, context, key, measure, **Y23, **kw)


write(
    "02_jinyun_county_bulletin_2023_zhejiang_trad.txt",
    figures=[
        jy("319.73億元", 319.73, "億元", "地區生產總值", "全縣地區生產總值(GDP)319.73億元", "gdp"),
        jy("8.0%", 8.0, "%", "地區生產總值增長", "比上年增長8.0%", "gdp", G),
        jy("13.05億元", 13.05, "億元", "第一產業增加值", "第一產業增加值13.05億元", "other"),
        jy("147.83億元", 147.83, "億元", "第二產業增加值", "第二產業增加值147.83億元", "other"),
        jy("158.86億元", 158.86, "億元", "第三產業增加值", "第三產業增加值158.86億元", "other"),
        jy("4.6%", 4.6, "%", "第一產業增加值增長", "分別增長4.6%、7.7%和8.7%", "other", G),
        jy("7.7%", 7.7, "%", "第二產業增加值增長", "4.6%、7.7%和8.7%", "other", G),
        jy("8.7%", 8.7, "%", "第三產業增加值增長", "7.7%和8.7%", "other", G),
        jy("4.1:46.2:49.7", 4.1, "", "三次產業結構", "三次產業結構為4.1:46.2:49.7", "other", S, opt=True),
        jy("78655元", 78655, "元", "人均GDP", "人均GDP為78655元", "other"),
        jy("11162美元", 11162, "美元", "人均GDP(美元)", "折算為11162美元", "other"),
        jy("7.8%", 7.8, "%", "人均GDP增長", "比上年增長7.8%", "other", G),
        jy("46.46萬人", 46.46, "萬人", "年末戶籍總人口", "年末全縣戶籍總人口46.46萬人", "population"),
        jy("15.26萬人", 15.26, "萬人", "城鎮人口", "城鎮人口15.26萬人", "population"),
        jy("31.20萬人", 31.20, "萬人", "鄉村人口", "鄉村人口31.20萬人", "population"),
        jy("23.85萬人", 23.85, "萬人", "男性人口", "男性人口23.85萬人", "population"),
        jy("22.61萬人", 22.61, "萬人", "女性人口", "女性人口22.61萬人", "population"),
        jy("51.3%", 51.3, "%", "男性人口占總人口", "分別占總人口的51.3%和48.7%", "population", S),
        jy("48.7%", 48.7, "%", "女性人口占總人口", "51.3%和48.7%", "population", S),
        jy("2457人", 2457, "人", "出生人口", "全年出生人口2457人", "other"),
        jy("5.28‰", 5.28, "‰", "出生率", "出生率為5.28‰", "other"),
        jy("3857人", 3857, "人", "死亡人口", "死亡人口3857人", "other"),
        jy("8.28‰", 8.28, "‰", "死亡率", "死亡率為8.28‰", "other"),
        jy("1400人", 1400, "人", "人口自然減少", "全年人口自然減少1400人", "population"),
        jy("-3.01‰", -3.01, "‰", "自然增長率", "自然增長率為-3.01‰", "population"),
        jy("40.8萬人", 40.8, "萬人", "年末常住人口", "年末全縣常住人口40.8萬人", "population"),
        jy("0.3萬人", 0.3, "萬人", "常住人口比上年末增加", "比上年末增加0.3萬人", "population"),
        jy("60.4%", 60.4, "%", "城鎮化率", "城鎮化率為60.4%", "population", S),
        jy("1.3個百分點", 1.3, "個百分點", "城鎮化率提高", "比上年提高1.3個百分點", "population", PP),
        jy("5071人", 5071, "人", "城鎮新增就業", "全年上報城鎮新增就業5071人", "employees"),
        jy("3040人", 3040, "人", "失業人員再就業", "失業人員實現再就業3040人", "employees"),
        jy("839人", 839, "人", "幫扶困難人員就業", "幫扶困難人員就業839人", "employees"),
        jy("37.70億元", 37.70, "億元", "財政總收入", "全年財政總收入37.70億元", "fiscal_revenue"),
        jy("18.6%", 18.6, "%", "財政總收入增長", "比上年增長18.6%", "fiscal_revenue", G),
        jy("23.52億元", 23.52, "億元", "一般公共預算收入", "一般公共預算收入23.52億元", "fiscal_revenue"),
        jy("10.1%", 10.1, "%", "一般公共預算收入增長", "23.52億元,增長10.1%", "fiscal_revenue", G),
        jy("16.53億元", 16.53, "億元", "稅收收入", "稅收收入16.53億元", "tax"),
        jy("16.9%", 16.9, "%", "稅收收入增長", "16.53億元,增長16.9%", "tax", G),
        jy("70.3%", 70.3, "%", "稅收收入占一般公共預算收入", "占一般公共預算收入的70.3%", "tax", S),
        jy("80.09億元", 80.09, "億元", "一般公共預算支出", "一般公共預算支出80.09億元", "other"),
        jy("7.9%", 7.9, "%", "一般公共預算支出增長", "80.09億元,增長7.9%", "other", G),
        jy("61.14億元", 61.14, "億元", "民生支出", "其中民生支出61.14億元", "other"),
        jy("16.5%", 16.5, "%", "民生支出增長", "61.14億元,增長16.5%", "other", G),
        jy("76.3%", 76.3, "%", "民生支出占一般公共預算支出", "占一般公共預算支出的76.3%", "other", S),
        jy("8884公頃", 8884, "公頃", "糧食播種面積", "全年糧食播種面積8884公頃", "area"),
        jy("0.1%", 0.1, "%", "糧食播種面積增長", "8884公頃,比上年增長0.1%", "area", G),
        jy("4.92萬噸", 4.92, "萬噸", "糧食總產量", "糧食總產量4.92萬噸", "capacity"),
        jy("2.2%", 2.2, "%", "糧食總產量增長", "4.92萬噸,增長2.2%", "capacity", G),
    ],
)

# 03 a city's 16 高新区 (the page names no city and no date): the collective is the subject, no period.
HT = "16个高新区"


def ht(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "", HT, context, key, measure, **NONE, **kw)


write(
    "03_sixteen_htz_city_indicators_news.txt",
    figures=[
        ht("382个", 382, "个", "重大项目开工", "16个高新区重大项目开工382个", "projects"),
        ht("1269.4亿元", 1269.4, "亿元", "开工重大项目总投资", "总投资1269.4亿元", "project_investment"),
        ht("10.5%", 10.5, "%", "开工重大项目总投资同比增长", "1269.4亿元、同比增长10.5%", "project_investment", G),
        ht("33家", 33, "家", "新增研发机构", "新增研发机构33家", "research_institutions"),
        ht("1630家", 1630, "家", "研发机构总数", "总数达1630家", "research_institutions"),
        ht("12家", 12, "家", "市级及以上技术转移示范机构", "其中市级及以上技术转移示范机构12家", "research_institutions"),
        ht("34.3%", 34.3, "%", "技术转移示范机构占全市", "12家、占全市34.3%", "research_institutions", S),
        ht("135家", 135, "家", "市级及以上孵化平台", "市级及以上孵化平台达135家", "incubators"),
        ht("30.3%", 30.3, "%", "孵化平台占全市", "135家、占全市30.3%", "incubators", S),
        ht("2893.8亿元", 2893.8, "亿元", "规上工业总产值", "规上工业总产值达2893.8亿元", "industrial_output"),
        ht("9.9%", 9.9, "%", "规上工业总产值同比增长", "2893.8亿元、同比增长9.9%", "industrial_output", G),
        ht("1125.1亿元", 1125.1, "亿元", "高新技术企业营收", "高新技术企业营收1125.1亿元", "revenue"),
        ht("28.6%", 28.6, "%", "高新技术企业营收同比增长", "1125.1亿元,同比增长28.6%", "revenue", G),
        ht("9945家", 9945, "家", "科技型企业", "科技型企业达9945家", "enterprises"),
        ht("22.4%", 22.4, "%", "科技型企业占全市", "9945家、占全市22.4%", "enterprises", S),
        ht("2182家", 2182, "家", "高新技术企业", "高新技术企业2182家", "high_tech_enterprises"),
        ht("34.4%", 34.4, "%", "高新技术企业占全市", "2182家、占全市34.4%", "high_tech_enterprises", S),
    ],
)

# 04 武隆 district news of 2019-03-14 (我区 = 武隆区): 1至3月 2019 for the signing; the restatement of the lead's
# figures in the next paragraph is optional. The 45 reserve projects have no period.
WL = "武隆区"
Q1 = span("2019-01-01", "2019-03-31")


def wl(value_text, value, unit, metric, context, key, measure="level", period=Q1, **kw):
    return fig(value_text, value, unit, metric, "1至3月", WL, context, key, measure, **period, **kw)


write(
    "04_wulong_district_investment_q1_2019_chongqing.txt",
    published="2019-03-14",
    precision="day",
    figures=[
        wl("9个", 9, "个", "春季集中签约产业项目", "我区实现春季集中签约文旅、工业、商贸等产业项目9个", "projects"),
        wl("67.7亿元", 67.7, "亿元", "协议引资", "项目9个,协议引资67.7亿元,实现招商引资", "investment_attracted"),
        wl("9个", 9, "个", "春季集中签约产业项目", "产业项目9个,协议引资67.7亿元。", "projects", opt=True),
        wl("67.7亿元", 67.7, "亿元", "协议引资", "项目9个,协议引资67.7亿元。", "investment_attracted", opt=True),
        wl("3个", 3, "个", "开工建设项目", "先后有3个项目开工建设", "projects"),
        wl("1.85亿", 1.85, "亿", "项目实际到位投资", "项目实际到位投资总计1.85亿", "investment_attracted"),
        wl("45个", 45, "个", "策划储备项目", "策划储备了45个项目", "projects", period=NONE),
        wl("20个", 20, "个", "上亿元储备项目", "其中,上亿元项目20个", "projects", period=NONE),
    ],
)

# 05 China's trade with ASEAN, 前3季度 2025 (udn of 2025-10-13, 今年): China's figures (對東盟 is the partner).
CN = "中國"
Q3 = span("2025-01-01", "2025-09-30")


def cn(value_text, value, unit, metric, context, key, measure=G, **kw):
    return fig(value_text, value, unit, metric, "前3季度", CN, context, key, measure, **Q3, **kw)


write(
    "05_china_asean_trade_q1_q3_2025_trad.txt",
    published="2025-10-13",
    precision="day",
    figures=[
        cn("5.57萬億元", 5.57, "萬億元", "對東盟進出口總值", "進出口總值5.57萬億元人民幣", "trade",
           "level"),
        cn("9.6%", 9.6, "%", "對東盟進出口總值同比增長", "同比增長9.6%", "trade"),
        cn("16.6%", 16.6, "%", "對東盟進出口占中國外貿總值", "占中國外貿總值的16.6%", "trade", S),
        cn("15.3%", 15.3, "%", "自東盟進口農產品同比增長", "中國自東盟進口農產品同比增長15.3%", "imports"),
        cn("19.1%", 19.1, "%", "自東盟進口農產品占中國農產品進口總值", "占中國農產品進口總值的19.1%", "imports", S),
        cn("37.8%", 37.8, "%", "通過中老鐵路進入中國市場的水果同比增長", "進入中國市場的水果同比增長37.8%", "imports"),
        cn("28.2%", 28.2, "%", "對東盟出口紡織機械同比增長", "同比分別增長28.2%、13.4%", "exports"),
        cn("13.4%", 13.4, "%", "對東盟出口紡織原料同比增長", "28.2%、13.4%", "exports"),
        cn("9.3%", 9.3, "%", "進口服裝同比增長", "進口服裝同比增長9.3%", "imports"),
        cn("40.7%", 40.7, "%", "自東盟進口橡膠同比增長", "自東盟進口橡膠同比增長40.7%", "imports"),
        cn("19.8%", 19.8, "%", "出口輪胎等汽車零配件同比增長", "出口輪胎等汽車零配件同比增長19.8%", "exports"),
        cn("21%", 21, "%", "以陸路運輸方式對東盟進出口同比增長", "以陸路運輸方式對東盟進出口同比增長21%", "trade"),
    ],
)

# 06 the nation's 2023 bulletin as 中新网 quotes it (2024-02-29): every figure 2023, 全国's; 年末 stock too.
QG = "全国"


def qg(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2023年", QG, context, key, measure, **Y23, **kw)


def crop(name, area, inc, ctx_area, ctx_inc, verb="增加"):
    """A crop's sown area and its change from the year before (both `area`)."""
    return [qg(f"{area}万公顷", area, "万公顷", f"{name}种植面积", ctx_area, "area"),
            qg(f"{inc}万公顷", inc, "万公顷", f"{name}种植面积{verb}", ctx_inc, "area")]


def output(name, amount, rate, ctx, ctx_rate, verb="增产", unit="万吨"):
    """A product's output (`capacity`, the shared gold's 产量) and its growth."""
    return [qg(f"{amount}{unit}", amount, unit, f"{name}产量", ctx, "capacity"),
            qg(f"{rate}%", rate, "%", f"{name}产量{verb}", ctx_rate, "capacity", G)]


write(
    "06_national_grain_livestock_2023_nbs.txt",
    published="2024-02-29",
    precision="day",
    figures=[
        qg("69541万吨", 69541, "万吨", "粮食产量", "2023年粮食产量69541万吨", "capacity", opt=True),
        *crop("粮食", 11897, 64, "全年粮食种植面积11897万公顷", "比上年增加64万公顷"),
        *crop("稻谷", 2895, 50, "稻谷种植面积2895万公顷", "减少50万公顷", "减少"),
        *crop("小麦", 2363, 11, "小麦种植面积2363万公顷", "增加11万公顷"),
        *crop("玉米", 4422, 115, "玉米种植面积4422万公顷", "增加115万公顷"),
        *crop("大豆", 1047, 23, "大豆种植面积1047万公顷", "增加23万公顷"),
        *crop("棉花", 279, 21, "棉花种植面积279万公顷", "减少21万公顷", "减少"),
        *crop("油料", 1392, 78, "油料种植面积1392万公顷", "增加78万公顷"),
        *crop("糖料", 142, 3, "糖料种植面积142万公顷", "减少3万公顷", "减少"),
        qg("69541万吨", 69541, "万吨", "粮食产量", "全年粮食产量69541万吨", "capacity"),
        qg("888万吨", 888, "万吨", "粮食产量比上年增加", "比上年增加888万吨", "capacity"),
        qg("1.3%", 1.3, "%", "粮食产量增产", "888万吨,增产1.3%", "capacity", G),
        *output("夏粮", 14615, 0.8, "夏粮产量14615万吨", "14615万吨,减产0.8%", "减产"),
        *output("早稻", 2834, 0.8, "早稻产量2834万吨", "2834万吨,增产0.8%"),
        *output("秋粮", 52092, 1.9, "秋粮产量52092万吨", "52092万吨,增产1.9%"),
        *output("谷物", 64143, 1.3, "谷物产量64143万吨", "比上年增产1.3%"),
        *output("稻谷", 20660, 0.9, "稻谷产量20660万吨", "20660万吨,减产0.9%", "减产"),
        *output("小麦", 13659, 0.8, "小麦产量13659万吨", "13659万吨,减产0.8%", "减产"),
        *output("玉米", 28884, 4.2, "玉米产量28884万吨", "28884万吨,增产4.2%"),
        *output("大豆", 2084, 2.8, "大豆产量2084万吨", "2084万吨,增产2.8%"),
        *output("棉花", 562, 6.1, "全年棉花产量562万吨", "比上年减产6.1%", "减产"),
        *output("油料", 3864, 5.7, "油料产量3864万吨", "3864万吨,增产5.7%"),
        *output("糖料", 11504, 2.4, "糖料产量11504万吨", "11504万吨,增产2.4%"),
        *output("茶叶", 355, 6.1, "茶叶产量355万吨", "355万吨,增产6.1%"),
        *output("猪牛羊禽肉", 9641, 4.5, "全年猪牛羊禽肉产量9641万吨", "比上年增长4.5%", "增长"),
        *output("猪肉", 5794, 4.6, "猪肉产量5794万吨", "5794万吨,增长4.6%", "增长"),
        *output("牛肉", 753, 4.8, "牛肉产量753万吨", "753万吨,增长4.8%", "增长"),
        *output("羊肉", 531, 1.3, "羊肉产量531万吨", "531万吨,增长1.3%", "增长"),
        *output("禽肉", 2563, 4.9, "禽肉产量2563万吨", "2563万吨,增长4.9%", "增长"),
        *output("禽蛋", 3563, 3.1, "禽蛋产量3563万吨", "3563万吨,增长3.1%", "增长"),
        *output("牛奶", 4197, 6.7, "牛奶产量4197万吨", "4197万吨,增长6.7%", "增长"),
        qg("43422万头", 43422, "万头", "年末生猪存栏", "年末生猪存栏43422万头", "other"),
        qg("4.1%", 4.1, "%", "年末生猪存栏下降", "比上年末下降4.1%", "other", G),
        qg("72662万头", 72662, "万头", "生猪出栏", "全年生猪出栏72662万头", "other"),
        qg("3.8%", 3.8, "%", "生猪出栏增长", "72662万头,比上年增长3.8%", "other", G),
        *output("水产品总", 7100, 3.4, "全年水产品总产量7100万吨", "比上年增长3.4%", "增长"),
        *output("养殖", 5812, 4.4, "养殖产量5812万吨", "5812万吨,增长4.4%", "增长"),
        *output("捕捞", 1288, 1.0, "捕捞产量1288万吨", "1288万吨,下降1.0%", "下降"),
        *output("木材", 11944, 2.0, "全年木材产量11944万立方米", "比上年下降2.0%", "下降", unit="万立方米"),
        qg("574万公顷", 574, "万公顷", "新建和改造提升高标准农田面积", "新建和改造提升高标准农田面积574万公顷", "area"),
        qg("164万公顷", 164, "万公顷", "新增高效节水灌溉面积", "新增高效节水灌溉面积164万公顷", "area"),
    ],
)
