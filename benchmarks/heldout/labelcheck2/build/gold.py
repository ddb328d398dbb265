"""labelcheck2 gold, written by hand before the tool was run on these texts (see ../NOTES.md).

Only what issue 18's labels need is judged closely: every figure's subject, metric_key and period. Parks, quotes and
initiatives are not part of this check (the lists stay empty; score figures only).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/heldout: the tools every set shares
from heldout import fig, park, span, writer, year

write = writer(Path(__file__).resolve().parents[1])
G = "growth"
S = "share"
PP = "change_pp"


NONE: dict = dict(ps="", pe="")

# 01 宜賓 2017 city report, a slice WITHOUT its title and its 過去五年工作回顧 heading: it starts at the section's first
# paragraph. Published 2017-01-07 (--meta; the date was in the dropped title). 過去五年 → 2012–2016 for every line;
# the explicit 2011 levels and their parallel 从X增加到Y starts are 2011, the ends 2016.
YB = "宜賓市"
FY = span("2012-01-01", "2016-12-31")


def yb(value_text, value, unit, metric, context, key, measure="level", period=FY, **kw):
    return fig(value_text, value, unit, metric, "過去五年", YB, context, key, measure, **period, **kw)


write(
    "01_yibin_city_report_2017_five_years_slice_trad.txt",
    published="2017-01-07",
    precision="day",
    figures=[
        yb("1091.18億元", 1091.18, "億元", "地區生產總值", "從2011年的1091.18億元", "gdp", period=year(2011)),
        yb("1650億元", 1650, "億元", "地區生產總值", "增加到2016年的1650億元", "gdp", period=year(2016)),
        yb("9.3%", 9.3, "%", "地區生產總值年均增長", "1650億元,年均增長9.3%", "gdp", G),
        yb("24433元", 24433, "元", "人均GDP", "人均GDP從24433元", "other", period=year(2011)),
        yb("36700元", 36700, "元", "人均GDP", "增加到36700元", "other", period=year(2016)),
        yb("9.2%", 9.2, "%", "人均GDP年均增長", "36700元,年均增長9.2%", "other", G),
        yb("10.3%", 10.3, "%", "規上工業增加值年均增長", "規上工業增加值年均增長10.3%", "industrial_value_added", G),
        yb("67.23億元", 67.23, "億元", "一般公共預算收入", "一般公共預算收入從67.23億元", "fiscal_revenue", period=year(2011)),
        yb("125.3億元", 125.3, "億元", "一般公共預算收入", "增加到125.3億元", "fiscal_revenue", period=year(2016)),
        yb("13.3%", 13.3, "%", "一般公共預算收入年均增長", "125.3億元,年均增長13.3%", "fiscal_revenue", G),
        yb("397.72億元", 397.72, "億元", "社會消費品零售總額", "社會消費品零售總額從397.72億元", "retail_sales",
           period=year(2011)),
        yb("762.5億元", 762.5, "億元", "社會消費品零售總額", "增加到762.5億元", "retail_sales", period=year(2016)),
        yb("13.9%", 13.9, "%", "社會消費品零售總額年均增長", "762.5億元,年均增長13.9%", "retail_sales", G),
        yb("56.8%", 56.8, "%", "民營經濟占地區生產總值比重", "民營經濟占地區生產總值比重達56.8%", "other", S, opt=True),
        yb("15:61.9:23.1", 15, "", "三次產業結構", "預計三次產業結構由15:61.9:23.1調整為14:57.5:28.5", "other", opt=True),
        yb("175戶", 175, "戶", "凈增規上工業企業", "凈增規上工業企業175戶", "above_scale_enterprises"),
        yb("665戶", 665, "戶", "規上工業企業總數", "總數達到665戶", "above_scale_enterprises"),
        yb("2150億元", 2150, "億元", "工業總產值", "工業總產值突破2150億元", "industrial_output", q="lower"),
        yb("第2位", 2, "位", "利潤全省排名", "利潤居全省第2位", "profit", opt=True),
        yb("13個", 13, "個", "重點產業園區", "13個重點產業園區累計建成面積48平方公里", "parks", opt=True),
        yb("48平方公里", 48, "平方公里", "重點產業園區累計建成面積", "累計建成面積48平方公里", "area"),
        yb("744戶", 744, "戶", "重點產業園區入駐企業", "入駐企業744戶", "enterprises"),
    ],
)

# 02 赤峰 2025 city report, from 各位代表 through the first two ——令人…的是 paragraphs of 一、2024年工作回顧. No title,
# no city name except inside project names (赤峰国际陆港, 赤峰至莫斯科), no publication date in --meta: the heading
# 一、2024年工作回顾 sets 2024 for the section. 全区 here is the autonomous region (ranks only).
CF = "赤峰市"
Y24 = year(2024)


def cf(value_text, value, unit, metric, context, key, measure="level", subject=CF, **kw):
    return fig(value_text, value, unit, metric, "刚刚过去的一年", subject, context, key, measure, **Y24, **kw)


write(
    "02_chifeng_city_report_2025_review_section.txt",
    figures=[
        cf("4%", 4, "%", "地区生产总值增长", "预计全市地区生产总值增长4%左右", "gdp", G, q="approx"),
        cf("10%", 10, "%", "固定资产投资增长", "固定资产投资增长10%左右", "fixed_asset_investment", G, q="approx"),
        cf("2.5%", 2.5, "%", "社会消费品零售总额增长", "社会消费品零售总额增长2.5%左右", "retail_sales", G, q="approx"),
        cf("5%", 5, "%", "城镇居民人均可支配收入增长", "城乡居民人均可支配收入分别增长5%和7.5%左右", "other", G, q="approx"),
        cf("7.5%", 7.5, "%", "农村居民人均可支配收入增长", "城乡居民人均可支配收入分别增长5%和7.5%左右", "other", G, q="approx"),
        cf("11.6%", 11.6, "%", "一般公共预算收入增长", "一般公共预算收入增长11.6%", "fiscal_revenue", G),
        cf("2000亿元", 2000, "亿元", "工业经济总量", "工业经济总量成为全区第四个突破2000亿元大关的地区", "industrial_output",
           q="lower", opt=True),
        cf("第四个", 4, "个", "全区突破2000亿元地区排名", "成为全区第四个突破2000亿元大关的地区", "other", opt=True),
        cf("30%", 30, "%", "工业投资增长", "工业投资增长30%", "industrial_investment", G),
        cf("1000万千瓦", 1000, "万千瓦", "新能源装机规模", "新能源装机规模突破1000万千瓦", "capacity", q="lower"),
        cf("一年", 1, "年", "提前完成", "提前一年完成", "other", opt=True),
        cf("200万", 200, "万", "玉龙机场旅客吞吐量", "玉龙机场旅客吞吐量突破200万大关", "other", q="lower", subject="玉龙机场"),
        cf("500千伏", 500, "千伏", "输变电工程电压等级", "巴林—奈曼—阜新500千伏输变电工程", "other", opt=True,
           subject="巴林—奈曼—阜新500千伏输变电工程"),
        cf("5个", 5, "个", "认定自治区级化工园区", "5个园区成功认定自治区级化工园区", "parks"),
    ],
)

# 03 中新网 2004-08-10: four groups in four paragraphs, each the subject of its own sentence — the 49 national ETDZs
# (这49个国家级开发区), the 33 eastern coastal ones, the 16 central and western ones, and 5 zones with national policies
# (named one by one, then 等5个…区域: the group, not 苏州工业园区, is the subject). 1—6月 / 上半年 / 今年 → 2004 H1.
H1 = span("2004-01-01", "2004-06-30")
# Correction after first contact (see NOTES.md): collectives spelled as the earlier sets spell them (unseen8 10:
# 东部地区国家级经开区), their year-by-year count dropped; first written 49个…, 东部沿海33家…, 中西部16个….
N49 = "国家级经济技术开发区"
E33 = "东部沿海国家级开发区"
W16 = "中西部国家级开发区"
F5 = "享受国家级开发区政策的区域"


def nz(value_text, value, unit, metric, subject, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "上半年", subject, context, key, measure, **H1, **kw)


KEYS = ["industrial_output", "industrial_value_added", "tax", "exports", "imports", "fdi_contracted", "fdi_actual"]
NAMES = ["工业总产值", "工业增加值", "税收收入", "出口额", "进口额", "合同外资金额", "外商实际投资"]


def group(subject, lead, levels, units, growths, growth_ctx):
    out = []
    for key, name, value, unit in zip(KEYS, NAMES, levels, units):
        text = f"{value:g}{unit}"
        out.append(nz(text, value, unit, name, subject, lead(name, text), key))
    for key, name, value in zip(KEYS, NAMES, growths):
        out.append(nz(f"{value:g}%", value, "%", name + "增长", subject, growth_ctx, key, G))
    return out


A_CTX = "分别比上年同期增长42.4%、36.8%、17.7%、57.4%、61.7%、16.5%和48.5%"
B_CTX = "同比分别增长42.4%、37.1%、16.2%、58%、62.6%、26.3%和50.6%"
YI, USD = "亿元", "亿美元"
A_LEAD = {"工业总产值": "这49个国家级开发区实现工业总产值6692.63亿元", "出口额": "出口额250.73亿美元",
          "进口额": "进口额265.87亿美元", "外商实际投资": "外商实际投资53.86亿美元"}
B_LEAD = {"工业总产值": "东部沿海33家国家级开发区实现工业总产值6084.6亿元", "出口额": "出口247.13亿美元",
          "进口额": "进口259.65亿美元", "外商实际投资": "外商实际投资50.32亿美元"}
C_CTX = "同比依次增长43.1%、33.9%、35.5%、26.7%、33.5%和23.8%"
write(
    "03_national_etdzs_2004h1_chinanews.txt",
    published="2004-08-10",
    precision="day",
    parks=[park("49个国家级经济技术开发区", aliases=["49个国家级开发区", "这49个国家级开发区"])],
    figures=[
        *group(N49, lambda n, t: A_LEAD.get(n, n + t), [6692.63, 1839.73, 345.61, 250.73, 265.87, 78.94, 53.86],
               [YI, YI, YI, USD, USD, USD, USD], [42.4, 36.8, 17.7, 57.4, 61.7, 16.5, 48.5], A_CTX),
        *group(E33, lambda n, t: B_LEAD.get(n, n + t), [6084.6, 1664.55, 315.32, 247.13, 259.65, 72.57, 50.32],
               [YI, YI, YI, USD, USD, USD, USD], [42.4, 37.1, 16.2, 58, 62.6, 26.3, 50.6], B_CTX),
        nz("38.15%", -38.15, "%", "合同外资金额增长", W16, "除合同外资金额同比下降38.15%外", "fdi_contracted", G),
        nz("43.1%", 43.1, "%", "工业总产值增长", W16, C_CTX, "industrial_output", G),
        nz("33.9%", 33.9, "%", "工业增加值增长", W16, C_CTX, "industrial_value_added", G),
        nz("35.5%", 35.5, "%", "税收收入增长", W16, C_CTX, "tax", G),
        nz("26.7%", 26.7, "%", "出口值增长", W16, C_CTX, "exports", G),
        nz("33.5%", 33.5, "%", "进口值增长", W16, C_CTX, "imports", G),
        nz("23.8%", 23.8, "%", "实际利用外资金额增长", W16, C_CTX, "fdi_actual", G),
        nz("0.74", 0.74, "个百分点", "工业总产值增幅高于东部", W16, "分别高于东部沿海33个国家级开发区0.74和19.33个百分点",
           "industrial_output", PP, opt=True),
        nz("19.33个百分点", 19.33, "个百分点", "税收收入增幅高于东部", W16, "分别高于东部沿海33个国家级开发区0.74和19.33个百分点",
           "tax", PP, opt=True),
        nz("1609.31亿元", 1609.31, YI, "工业总产值", F5, "上半年实现工业总产值1609.31亿元", "industrial_output"),
        nz("419.07亿元", 419.07, YI, "工业增加值", F5, "工业增加值419.07亿元", "industrial_value_added"),
        nz("92.11亿元", 92.11, YI, "税收收入", F5, "税收收入92.11亿元", "tax"),
        nz("198.35亿美元", 198.35, USD, "进出口", F5, "进出口198.35亿美元", "trade"),
        nz("25.42亿美元", 25.42, USD, "合同外资金额", F5, "合同外资金额25.42亿美元", "fdi_contracted"),
        nz("14.67亿美元", 14.67, USD, "实际利用外资金额", F5, "实际利用外资金额14.67亿美元", "fdi_actual"),
        nz("49个", 49, "个", "国家级经济技术开发区", N49, "中国49个国家级经济技术开发区", "parks", opt=True),
        nz("33家", 33, "家", "东部沿海国家级开发区", E33, "上半年东部沿海33家国家级开发区", "parks", opt=True),
        nz("16个", 16, "个", "中西部国家级开发区", W16, "今年中西部16个国家级开发区发展良好", "parks", opt=True),
        nz("5个", 5, "个", "享受国家级开发区政策的区域", F5, "等5个经国务院批准享受国家级开发区政策的区域", "parks", opt=True),
    ],
)

# 04 新华网 2014-06-09 on 二连浩特: the title and first sentence name the new 重点开发开放试验区, but every figure is the
# city's (辖区面积, 边境线: undated stocks; 2013 port figures). Zones named once (边境经济合作区, 满洲里…) govern nothing.
EL = "二连浩特市"
write(
    "04_erenhot_pilot_zone_2014_inner_mongolia.txt",
    published="2014-06-09",
    precision="day",
    figures=[
        # correction after first contact (NOTES.md): ../shared/gold/README.md dates a stock at publication only with
        # 截至/目前/累计; an undated area is unresolvable (both empty), as corpus and unseen3-9 have it. First written 2014-06-09.
        fig("4015.1平方公里", 4015.1, "平方公里", "辖区面积", "", EL, "辖区面积4015.1平方公里", "area", **NONE),
        fig("72.3公里", 72.3, "公里", "边境线", "", EL, "境内有边境线72.3公里", "other", **NONE),
        fig("1305.7万吨", 1305.7, "万吨", "铁路、公路口岸过货总量", "2013年", EL, "2013年铁路、公路口岸的过货总量达到1305.7万吨",
            "other", **year(2013)),
        fig("36.5亿美元", 36.5, "亿美元", "进出口总额", "2013年", EL, "进出口总额完成36.5亿美元", "trade", **year(2013)),
        fig("千万吨", 1000, "万吨", "年过货量", "", EL, "年过货量超千万吨", "other", q="lower", opt=True, **NONE),
        fig("三大", 3, "个", "基地", "今年以来", EL, "跨境文化旅游三大基地", "other", opt=True, **NONE),
        fig("两个", 2, "个", "重点开发开放试验区", "", "内蒙古", "设立了两个重点开发开放试验区", "parks", opt=True,
            ps="", pe="2014-06-09"),
    ],
)

# 05 龙沙区 (齐齐哈尔) 2024 统计公报, from its 统计局 line through 一、综合: the dated opening (2024年是…) sets the year;
# no publication date in --meta. 户籍总人口 is a year-end stock: 2024.
LS = "龙沙区"


def ls(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "全年", LS, context, key, measure, **year(2024), **kw)


write(
    "05_longsha_district_bulletin_2024_heilongjiang.txt",
    figures=[
        ls("152.8亿元", 152.8, "亿元", "地区生产总值", "全年实现地区生产总值(GDP)152.8亿元", "gdp"),
        ls("3.4%", 3.4, "%", "地区生产总值增长", "比上年增长3.4%", "gdp", G),
        ls("2.8亿元", 2.8, "亿元", "第一产业增加值", "第一产业增加值2.8亿元", "other"),
        ls("3.5%", 3.5, "%", "第一产业增加值增长", "第一产业增加值2.8亿元,增长3.5%", "other", G),
        ls("22.6亿元", 22.6, "亿元", "第二产业增加值", "第二产业增加值22.6亿元", "other"),
        ls("5.8%", 5.8, "%", "第二产业增加值增长", "第二产业增加值22.6亿元,增长5.8%", "other", G),
        ls("127.4亿元", 127.4, "亿元", "第三产业增加值", "第三产业增加值127.4亿元", "other"),
        ls("2.9%", 2.9, "%", "第三产业增加值增长", "第三产业增加值127.4亿元,增长2.9%", "other", G),
        ls("1.8:14.8:83.4", 1.8, "", "三次产业结构", "三次产业结构为1.8:14.8:83.4", "other", opt=True),
        ls("1.5%", 1.5, "%", "第一产业对GDP增长的贡献率", "贡献率分别为1.5%、27.2%和71.3%", "other", S, opt=True),
        ls("27.2%", 27.2, "%", "第二产业对GDP增长的贡献率", "贡献率分别为1.5%、27.2%和71.3%", "other", S, opt=True),
        ls("71.3%", 71.3, "%", "第三产业对GDP增长的贡献率", "贡献率分别为1.5%、27.2%和71.3%", "other", S, opt=True),
        ls("0.1个", 0.1, "个百分点", "第一产业拉动经济增长", "分别拉动经济增长0.1个、0.9个和2.4个百分点", "other", PP, opt=True),
        ls("0.9个", 0.9, "个百分点", "第二产业拉动经济增长", "分别拉动经济增长0.1个、0.9个和2.4个百分点", "other", PP, opt=True),
        ls("2.4个百分点", 2.4, "个百分点", "第三产业拉动经济增长", "分别拉动经济增长0.1个、0.9个和2.4个百分点", "other", PP,
           opt=True),
        ls("27.2万人", 27.2, "万人", "户籍总人口", "全区户籍总人口27.2万人", "population"),
        ls("0.4万人", 0.4, "万人", "乡村人口", "乡村人口0.4万人", "population"),
        ls("26.8万人", 26.8, "万人", "城镇人口", "城镇人口26.8万人", "population"),
        ls("1059人", 1059, "人", "出生人口", "全年出生人口1059人", "other"),
        ls("3.9‰", 3.9, "‰", "出生率", "出生率为3.9‰", "other"),
        ls("2127人", 2127, "人", "死亡人口", "死亡人口2127人", "other"),
        ls("7.8‰", 7.8, "‰", "死亡率", "死亡率为7.8‰", "other"),
        ls("-3.9‰", -3.9, "‰", "人口自然增长率", "人口自然增长率为-3.9‰", "population"),
    ],
)

# 06 中新社 2024-08-30 press conference: 广西自贸试验区's trade (2020 and 2023 levels, 2021–2023 average growth); the
# border port 友谊关口岸's vehicles (目前 → publication date) and its 5年来/累计 totals (end at publication); the
# province's 边民互市 processing (今年前7个月). Each figure's subject is its own sentence's, not the first zone's.
GX_FTZ = "广西自贸试验区"
YYG = "友谊关口岸"
PUB = dict(ps="", pe="2024-08-30")
write(
    "06_guangxi_ftz_chongzuo_2024_press.txt",
    published="2024-08-30",
    precision="day",
    figures=[
        fig("1778亿元", 1778, "亿元", "外贸", "2020年", GX_FTZ, "外贸从2020年的1778亿元", "trade", **year(2020)),
        fig("3064亿元", 3064, "亿元", "外贸", "2023年", GX_FTZ, "增长到2023年的3064亿元", "trade", **year(2023)),
        fig("19.9%", 19.9, "%", "外贸年均增长", "2020-2023年", GX_FTZ, "年均增长19.9%", "trade", G,
            **span("2021-01-01", "2023-12-31")),
        fig("首位", 1, "位", "边民互市贸易规模排名", "5年来", "广西", "广西边民互市贸易规模5年来稳居中国边境省区首位", "other",
            opt=True, **NONE),
        fig("980辆", 980, "辆", "日均进出境车辆", "自贸试验区设立前", YYG, "日均进出境车辆从自贸试验区设立前的980辆", "other",
            opt=True, **NONE),
        fig("1600辆", 1600, "辆", "日均进出境车辆", "目前", YYG, "增长至目前的1600辆", "other", **PUB),
        fig("60.02亿元", 60.02, "亿元", "边民互市进口商品落地加工", "今年前7个月", "广西", "今年前7个月广西边民互市进口商品落地加工60.02亿元",
            "other", **span("2024-01-01", "2024-07-31")),
        fig("69.8%", 69.8, "%", "边民互市进口商品落地加工增长", "今年前7个月", "广西", "60.02亿元,同比增长69.8%", "other", G,
            **span("2024-01-01", "2024-07-31")),
        fig("24小时", 24, "小时", "智能化通关", "", "广西", "中越智慧口岸24小时智能化通关建设", "other", opt=True, **NONE),
        fig("22条", 22, "条", "跨境公路物流线路", "累计", YYG, "已累计开通跨境公路物流线路22条", "other", **PUB),
        fig("20多个", 20, "个", "通达东盟国家主要城市", "累计", YYG, "通达东盟国家20多个主要城市", "other", q="lower", opt=True,
            **PUB),
        fig("1874.5万吨", 1874.5, "万吨", "累计货运量", "5年来", YYG, "友谊关口岸累计完成货运量1874.5万吨", "other", **PUB),
        fig("173.49万辆次", 173.49, "万辆次", "进出境货车", "5年来", YYG, "进出境货车达173.49万辆次", "other", **PUB),
    ],
)

# 07 上海 2026 city report, a slice that starts mid-report at 过去一年 (no title, no heading, no year in the text):
# published 2026-02-09 (--meta), so 过去一年 / 一年来 are 2025. The city is named only in 考察上海 and 中共上海市委.
SH = "上海市"


def sh(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "一年来", SH, context, key, measure, **year(2025), **kw)


write(
    "07_shanghai_city_report_2026_past_year_slice.txt",
    published="2026-02-09",
    precision="day",
    figures=[
        sh("5.67万亿元", 5.67, "万亿元", "全市生产总值", "全市生产总值达到5.67万亿元", "gdp"),
        sh("5.4%", 5.4, "%", "全市生产总值增长", "万亿元、增长5.4%", "gdp", G),
        sh("8500亿元", 8500, "亿元", "地方一般公共预算收入", "地方一般公共预算收入达到8500亿元", "fiscal_revenue"),
        sh("1.5%", 1.5, "%", "地方一般公共预算收入增长", "8500亿元、增长1.5%", "fiscal_revenue", G),
        sh("0.1%", 0.1, "%", "居民消费价格上涨", "居民消费价格上涨0.1%", "other", G),
        sh("4.2%", 4.2, "%", "城镇调查失业率", "城镇调查失业率平均为4.2%", "other", S),
        fig("五个", 5, "个", "中心", "", SH, "加快建设\"五个中心\"", "other", opt=True, **NONE),
    ],
)
