"""metriccheck gold (issue 18, metric_key), written by hand before the tool was run on these texts (see ../NOTES.md)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/heldout: the tools every set shares
from heldout import fig, park, writer, year

write = writer(Path(__file__).resolve().parents[1])
G = "growth"
S = "share"
PP = "change_pp"
NONE: dict = dict(ps="", pe="")


def stock(end: str) -> dict:
    return dict(ps="", pe=end)


# 01 宜賓 2017 work report, 過去五年 (2012–2016): 从2011年的X增加到2016年的Y; 年均增长 over the five years.
YB = "宜賓"
Y5 = dict(ps="2012-01-01", pe="2016-12-31")


def yb(vt, v, unit, metric, ctx, key, measure="level", per=Y5, **kw):
    return fig(vt, v, unit, metric, "過去五年", YB, ctx, key, measure, **per, **kw)


write(
    "01_yibin_city_gov_report_2017_five_year_review_trad.txt",
    published="2017-01-07", precision="day", in_text=True,
    parks=[park("臨港開發區", opt=True), park("五糧液園區", opt=True), park("四川長江工業園區", opt=True)],
    figures=[
        yb("五年", 5, "年", "過去五年", "是宜賓發展進程中極不平凡、極富挑戰的五年", "other", opt=True, **{}),
        yb("1091.18億元", 1091.18, "億元", "地區生產總值", "全市地區生產總值從2011年的1091.18億元", "gdp", per=year(2011)),
        yb("1650億元", 1650, "億元", "地區生產總值", "增加到2016年的1650億元", "gdp", per=year(2016)),
        yb("9.3%", 9.3, "%", "地區生產總值年均增長", "年均增長9.3%", "gdp", G),
        yb("24433元", 24433, "元", "人均GDP", "人均GDP從24433元增加到36700元", "other", per=year(2011)),
        yb("36700元", 36700, "元", "人均GDP", "人均GDP從24433元增加到36700元", "other", per=year(2016)),
        yb("9.2%", 9.2, "%", "人均GDP年均增長", "年均增長9.2%", "other", G),
        yb("10.3%", 10.3, "%", "規上工業增加值年均增長", "規上工業增加值年均增長10.3%", "industrial_value_added", G),
        yb("67.23億元", 67.23, "億元", "一般公共預算收入", "一般公共預算收入從67.23億元增加到125.3億元", "fiscal_revenue",
           per=year(2011)),
        yb("125.3億元", 125.3, "億元", "一般公共預算收入", "一般公共預算收入從67.23億元增加到125.3億元", "fiscal_revenue",
           per=year(2016)),
        yb("13.3%", 13.3, "%", "一般公共預算收入年均增長", "年均增長13.3%", "fiscal_revenue", G),
        yb("397.72億元", 397.72, "億元", "社會消費品零售總額", "社會消費品零售總額從397.72億元增加到762.5億元", "retail_sales",
           per=year(2011)),
        yb("762.5億元", 762.5, "億元", "社會消費品零售總額", "社會消費品零售總額從397.72億元增加到762.5億元", "retail_sales",
           per=year(2016)),
        yb("13.9%", 13.9, "%", "社會消費品零售總額年均增長", "年均增長13.9%", "retail_sales", G),
        yb("56.8%", 56.8, "%", "民營經濟占地區生產總值比重", "民營經濟占地區生產總值比重達56.8%", "gdp", S, per=year(2016)),
        yb("175戶", 175, "戶", "凈增規上工業企業", "凈增規上工業企業175戶", "above_scale_enterprises"),
        yb("665戶", 665, "戶", "規上工業企業總數", "總數達到665戶", "above_scale_enterprises", per=stock("2016-12-31")),
        yb("2150億元", 2150, "億元", "工業總產值", "工業總產值突破2150億元", "industrial_output", per=year(2016), q="lower"),
        yb("第2位", 2, "位", "利潤全省排名", "利潤居全省第2位", "profit", opt=True, per=year(2016)),
        yb("13個", 13, "個", "重點產業園區", "13個重點產業園區累計建成面積48平方公里", "parks", per=stock("2016-12-31")),
        yb("48平方公里", 48, "平方公里", "重點產業園區累計建成面積", "累計建成面積48平方公里", "area",
           per=stock("2016-12-31")),
        yb("744戶", 744, "戶", "重點產業園區入駐企業", "入駐企業744戶", "enterprises", per=stock("2016-12-31")),
    ],
)

# 02 國家級經開區 2006 (a yearbook section, printed 2008): levels, growth, 高于全國增幅…個百分點, 占全國…比重.
ZD = "國家級經濟技術開發區"
E32 = "東部國家級開發區"  # stop 35: a region's subset without its yearly count (labelcheck2 convention)
Y06 = year(2006)


def zd(vt, v, unit, metric, ctx, key, measure="level", subject=ZD, **kw):
    return fig(vt, v, unit, metric, "2006年", subject, ctx, key, measure, **Y06, **kw)


def four(sub, level, lv, unit, grow, pp, share, key, ctx_level, ctx_share, subject=ZD):
    """One indicator's level, 同比增長, 高于全國增幅…個百分點 and 占全國比重, as the yearbook prints them."""
    return [
        zd(level, lv, unit, sub, ctx_level, key, subject=subject),
        zd(f"{grow}%", float(grow), "%", f"{sub}同比增長", f"同比增長{grow}%", key, G, subject=subject),
        zd(f"{pp}個百分點", float(pp), "個百分點", f"{sub}增幅高于全國", f"高于全國增幅{pp}個百分點", key, PP, subject=subject),
        zd(f"{share}%", float(share), "%", f"{sub}占全國比重", ctx_share, key, S, subject=subject),
    ]


write(
    "02_national_etdz_2006_yearbook_section_trad.txt",
    published="2008-04-09", precision="day", in_text=False,
    figures=[
        fig("49個", 49, "個", "國家級經濟技術開發區", "我國批準設立的49個國家級經濟技術開發區", ZD, "我國批準設立的49個國家級經濟技術開發區",
            "parks", **stock("2006-12-31")),
        fig("5個", 5, "個", "享受國家級經濟技術開發區政策的其他國家級工業園區", "", ZD, "5個享受國家級經濟技術開發區政策", "parks",
            **stock("2006-12-31")),
        fig("32個", 32, "個", "東部地區國家級經開區", "", ZD, "東部地區32個", "parks", **stock("2006-12-31")),
        fig("9個", 9, "個", "中部地區國家級經開區", "", ZD, "中部地區9個", "parks", **stock("2006-12-31")),
        fig("13個", 13, "個", "西部地區國家級經開區", "", ZD, "西部地區13個", "parks", **stock("2006-12-31")),
        zd("54個", 54, "個", "國家級經濟技術開發區", "2006年,54個國家級經濟技術開發區實現GDP", "parks", opt=True),
        *four("GDP", "10136.90億元", 10136.90, "億元", "24.04", "13.34", "4.84", "gdp", "實現GDP10136.90億元",
              "占全國GDP的比重為4.84%"),
        *four("工業增加值", "7414.24億元", 7414.24, "億元", "24.46", "11.96", "8.21", "industrial_value_added",
              "工業增加值7414.24億元", "占全國工業增加值的8.21%"),
        *four("稅收收入", "1570.02億元", 1570.02, "億元", "28.77", "6.87", "4.17", "tax", "稅收收入1570.02億元",
              "占全國稅收收入的4.17%"),
        *four("進出口總額", "2830.96億美元", 2830.96, "億美元", "25.69", "1.89", "16.08", "trade", "進出口總額2830.96億美元",
              "占全國進出口總額比重為16.08%"),
        *four("出口", "1492.33億美元", 1492.33, "億美元", "31.14", "3.94", "15.40", "exports", "其中出口1492.33億美元",
              "占全國出口總額的比重為15.40%"),
        *four("進口", "1338.63億美元", 1338.63, "億美元", "20.13", "0.13", "16.91", "imports", "進口1338.63億美元",
              "占全國進口總額的比重為16.91%"),
        *four("外商實際投資", "147.12億美元", 147.12, "億美元", "12.97", "8.47", "23.35", "fdi_actual", "外商實際投資147.12億美元",
              "占全國吸收外商實際投資的比重為23.35%"),
        zd("32家", 32, "家", "東部國家級開發區", "2006年,東部32家國家級開發區實現GDP", "parks", subject=E32, opt=True),
        zd("8143.65億元", 8143.65, "億元", "GDP", "實現GDP8143.65億元", "gdp", subject=E32),
        zd("22.93%", 22.93, "%", "GDP同比增長", "同比增長22.93%", "gdp", G, subject=E32),
        zd("12.23個百分點", 12.23, "個百分點", "GDP增幅高于全國", "高于全國增幅12.23個百分點", "gdp", PP, subject=E32),
        zd("80.34%", 80.34, "%", "占全國經濟技術開發區GDP總量的比重", "占全國經濟技術開發區GDP總量的比重為80.34%", "gdp", S,
           subject=E32),
    ],
)

# 03 東營 2024 招商引資 (大眾網, 2025-02-14): counts of projects, their 總投資, 簽約金額 and 到位資金; shares of the city total.
DY = "東營"
Y24 = year(2024)


def dy(vt, v, unit, metric, ctx, key, measure="level", **kw):
    return fig(vt, v, unit, metric, "2024年", DY, ctx, key, measure, **Y24, **kw)


write(
    "03_dongying_investment_promotion_2024_shandong_trad.txt",
    published="2025-02-14", precision="day", in_text=False,
    figures=[
        dy("526個", 526, "個", "新簽約項目", "全年新簽約項目526個", "projects"),
        dy("2370.49億元", 2370.49, "億元", "新簽約項目總投資", "全年新簽約項目526個,總投資2370.49億元", "investment_attracted"),
        fig("6大類", 6, "類", "開放重點場景類別", "即日起", DY, "開放第一批6大類70個重點場景", "other", opt=True, target=True, **NONE),
        fig("70個", 70, "個", "開放重點場景", "即日起", DY, "開放第一批6大類70個重點場景", "other", target=True, **NONE),
        fig("330億元", 330, "億元", "擬釋放投資機遇", "即日起", DY, "擬釋放超330億元投資機遇", "investment_attracted", target=True,
            q="lower", opt=True, **NONE),
        dy("526個", 526, "個", "新簽約招商項目", "去年全市新簽約招商項目526個", "projects"),
        dy("2370.49億元", 2370.49, "億元", "簽約金額", "簽約金額2370.49億元", "investment_attracted"),
        dy("425個", 425, "個", "在建招商項目", "在建招商項目425個", "projects"),
        dy("924.26億元", 924.26, "億元", "到位資金", "到位資金924.26億元", "investment_attracted"),
        dy("270個", 270, "個", "引進產業鏈項目", "等270個產業鏈項目", "projects"),
        dy("1491.02億元", 1491.02, "億元", "產業鏈項目總投資額", "總投資額高達1491.02億元", "project_investment"),
        dy("61個", 61, "個", "引進500強和央企投資項目", "等500強和央企投資項目61個", "projects"),
        dy("430.69億元", 430.69, "億元", "500強和央企投資項目總投資", "總投資430.69億元", "project_investment"),
        dy("125個", 125, "個", "引進新質生產力項目", "等新質生產力項目125個", "projects"),
        dy("737.2億元", 737.2, "億元", "新質生產力項目總投資", "總投資737.2億元", "project_investment"),
        dy("122個", 122, "個", "納入省、市重點項目的產業類招商項目", "納入省、市重點項目的產業類招商項目達122個", "projects"),
        dy("2144.3億元", 2144.3, "億元", "重點產業類招商項目總投資", "總投資2144.3億元", "investment_attracted"),
        dy("56.5%", 56.5, "%", "重點產業類招商項目個數占全市總量比重", "占比分別為全市總量的56.5%和58.3%", "projects", S),
        dy("58.3%", 58.3, "%", "重點產業類招商項目總投資占全市總量比重", "占比分別為全市總量的56.5%和58.3%", "investment_attracted",
           S),
    ],
)

# 04 國家級經開區 2022 (商务部 assessment, 2023-12-28); thresholds 30亿元/15亿元 define the 1765家 count.
JK = "国家级经济技术开发区"  # stop 35: the collective's one canonical spelling (subjects.toml canonical_groups)
Y22 = year(2022)
E22 = stock("2022-12-31")


def jk(vt, v, unit, metric, ctx, key, measure="level", per=Y22, **kw):
    return fig(vt, v, unit, metric, "2022年", JK, ctx, key, measure, **per, **kw)


write(
    "04_national_etdz_assessment_2022_mofcom.txt",
    published="2023-12-28", precision="day", in_text=False,
    figures=[
        jk("230家", 230, "家", "参加考核评价的国家级经开区", "对全国230家国家级经开区", "parks", per=E22),
        jk("14万亿元", 14, "万亿元", "地区生产总值", "国家级经开区实现地区生产总值14万亿元", "gdp"),
        jk("12%", 12, "%", "占国内生产总值的比重", "占国内生产总值的比重为12%", "gdp", S),
        jk("30亿元", 30, "亿元", "主营业务收入门槛(东部)", "拥有主营业务收入30亿元以上", "revenue", opt=True, per=E22, q="lower"),
        jk("15亿元", 15, "亿元", "主营业务收入门槛(中西部)", "拥有主营业务收入15亿元以上制造业企业", "revenue", opt=True, per=E22,
           q="lower"),
        jk("1765家", 1765, "家", "主营业务收入30亿元(东部)/15亿元(中西部)以上制造业企业", "制造业企业共1765家", "enterprises",
           per=E22),
        jk("432亿美元", 432, "亿美元", "实际使用外资金额", "实际使用外资金额432亿美元", "fdi_actual"),
        jk("23%", 23, "%", "占全国实际使用外资比重", "占全国实际使用外资比重为23%", "fdi_actual", S),
        jk("10.3万亿元", 10.3, "万亿元", "进出口总额", "实现进出口总额10.3万亿元", "trade"),
        jk("25%", 25, "%", "占全国进出口总额比重", "占全国进出口总额比重为25%", "trade", S),
        jk("3万亿元", 3, "万亿元", "高新技术产品进出口额", "其中高新技术产品进出口额3万亿元", "trade"),
        jk("27%", 27, "%", "占全国高新技术产品进出口额比重", "占全国高新技术产品进出口额比重为27%", "trade", S),
        jk("683家", 683, "家", "国家级孵化器和众创空间", "拥有国家级孵化器和众创空间683家", "incubators", per=E22),
        jk("1.2万家", 1.2, "万家", "省级及以上研发机构", "省级及以上研发机构1.2万家", "research_institutions", per=E22),
        jk("6.5万家", 6.5, "万家", "高新技术企业", "高新技术企业6.5万家", "high_tech_enterprises", per=E22),
        jk("2个百分点", 2, "个百分点", "工业固体废物综合利用率较上年提高", "工业固体废物综合利用率较上年提高2个百分点", "other", PP),
        jk("126个", 126, "个", "合作共建、对口援助合作区数量比上年增加", "境合作区数量比上年增加126个", "other", per=E22),
    ],
)

# 05 新田园区 2018 (红网, 2019-01-17): 今年以来 = 2018 (the report is of the year just ended, 2018年 in the lead).
XT = "新田园区"
Y18 = year(2018)


def xt(vt, v, unit, metric, ctx, key, measure="level", **kw):
    return fig(vt, v, unit, metric, "今年以来", XT, ctx, key, measure, **Y18, **kw)


write(
    "05_xintian_county_industrial_park_2018_hunan.txt",
    published="2019-01-17", precision="day", in_text=True,
    parks=[park("新田园区", aliases=["新田县工业园区"]), park("国家林产工业示范园", opt=True)],
    figures=[
        fig("百亿", 100, "亿元", "百亿园区(奋斗目标)", "", XT, "紧紧围绕“百亿园区”的奋斗目标", "other", opt=True, target=True, **NONE),
        xt("95.13亿元", 95.13, "亿元", "规模工业总产值", "新田园区完成规模工业总产值95.13亿元", "industrial_output"),
        xt("25.12%", 25.12, "%", "规模工业总产值增幅", "增幅25.12%", "industrial_output", G),
        xt("8.3%", 8.3, "%", "规模工业增加值增幅", "规模工业增加值增幅8.3%", "industrial_value_added", G),
        xt("3460万元", 3460, "万元", "工业企业实缴税金", "工业企业实缴税金完成3460万元", "tax"),
        xt("43.87%", 43.87, "%", "工业企业实缴税金同比增长", "同比增长43.87%", "tax", G),
        xt("5家", 5, "家", "新入统规模企业", "新入统规模企业5家", "above_scale_enterprises"),
        xt("100%", 100, "%", "新入统规模企业完成年度任务", "完成年度任务的100%", "above_scale_enterprises", S),
        xt("8个", 8, "个", "新增投入5000万元以上工业项目", "投入5000万元以上工业项目8个", "projects"),
        xt("114.29%", 114.29, "%", "新增5000万元以上工业项目完成年度任务", "完成年度任务的114.29%", "projects", S),
        xt("5个", 5, "个", "新增5000万元以上竣工投产项目", "新增5000万元以上竣工投产项目5个", "projects"),
        xt("125%", 125, "%", "新增5000万元以上竣工投产项目完成年度任务", "完成年度任务的125%", "projects", S),
        xt("79.55%", 79.55, "%", "主导产业集聚度", "主导产业集聚度为79.55%", "other", S),
        xt("97.51%", 97.51, "%", "工业集中度", "工业集中度已达97.51%", "other", S),
        xt("23.5%", 23.5, "%", "固定资产投资同比增长", "固定资产、工业技改投资分别同比增长23.5%、29.5%", "fixed_asset_investment", G),
        xt("29.5%", 29.5, "%", "工业技改投资同比增长", "固定资产、工业技改投资分别同比增长23.5%、29.5%", "industrial_investment",
           G),
        xt("15.5亿元", 15.5, "亿元", "利用内资", "全面利用内资15.5亿元", "investment_attracted"),
        xt("4101万美元", 4101, "万美元", "利用外资", "外资4101万美元", "fdi_actual"),
        xt("18%", 18, "%", "利用内资同比增长", "同比增长18%、17.17%", "investment_attracted", G),
        xt("17.17%", 17.17, "%", "利用外资同比增长", "同比增长18%、17.17%", "fdi_actual", G),
    ],
)

# 06 亳州 1—10月 (bozhou.cn, no date on the page or in the text: periods unresolvable). 亿元以上 defines every count.
BZ = "亳州市"  # stop 35: 全市 is the city the text speaks for (issue 18: 全省 → the province)


def bz(vt, v, unit, metric, ctx, key, measure="level", **kw):
    return fig(vt, v, unit, metric, "1—10月份", BZ, ctx, key, measure, **NONE, **kw)


write(
    "06_bozhou_city_projects_jan_oct_anhui.txt",
    figures=[
        bz("219个", 219, "个", "新签约亿元以上工业项目", "全市新签约亿元以上工业项目219个", "projects"),
        bz("1115.2亿元", 1115.2, "亿元", "新签约亿元以上工业项目总投资", "总投资1115.2亿元", "investment_attracted"),
        bz("49.8%", 49.8, "%", "新签约亿元以上工业项目总投资同比增长", "同比增长49.8%", "investment_attracted", G),
        bz("159个", 159, "个", "新落地亿元以上工业项目", "新落地亿元以上工业项目159个", "projects"),
        bz("614.9亿元", 614.9, "亿元", "新落地亿元以上工业项目总投资", "总投资614.9亿元", "project_investment"),
        bz("131.1%", 131.1, "%", "新落地亿元以上工业项目总投资同比增长", "同比增长131.1%", "project_investment", G),
        bz("222个", 222, "个", "新建亿元以上省外投资项目", "预计全市新建亿元以上省外投资项目222个", "projects", target=True),
        bz("867.1亿元", 867.1, "亿元", "实际到位省外资金", "实际到位省外资金867.1亿元", "investment_attracted", target=True),
        bz("13.2%", 13.2, "%", "实际到位省外资金同比增长", "同比增长13.2%", "investment_attracted", G, target=True),
        bz("58个", 58, "个", "来自沪苏浙的新签约亿元以上工业项目", "来自沪苏浙的新签约亿元以上工业项目58个", "projects"),
        bz("26.5%", 26.5, "%", "来自沪苏浙的新签约亿元以上工业项目占比", "58个、占比26.5%", "projects", S),
        bz("355.1亿元", 355.1, "亿元", "来自沪苏浙的新签约项目总投资", "总投资355.1亿元", "investment_attracted"),
        bz("31.8%", 31.8, "%", "来自沪苏浙的新签约项目总投资占比", "总投资355.1亿元、占比31.8%", "investment_attracted", S),
        bz("41个", 41, "个", "来自沪苏浙的新落地亿元以上工业项目", "来自沪苏浙的新落地亿元以上工业项目41个", "projects"),
        bz("25.8%", 25.8, "%", "来自沪苏浙的新落地亿元以上工业项目占比", "41个、占比25.8%", "projects", S),
        bz("142.9亿元", 142.9, "亿元", "来自沪苏浙的新落地项目总投资", "总投资142.9亿元", "project_investment"),
        bz("23.2%", 23.2, "%", "来自沪苏浙的新落地项目总投资占比", "总投资142.9亿元、占比23.2%", "project_investment", S),
        bz("97个", 97, "个", "来自沪苏浙的在建亿元以上省外投资项目", "来自沪苏浙的在建亿元以上省外投资项目97个", "projects"),
        bz("314.1亿元", 314.1, "亿元", "当年实际到位资金", "当年实际到位资金314.1亿元", "investment_attracted"),
        bz("36.2%", 36.2, "%", "占全市到资比重", "占全市到资的36.2%", "investment_attracted", S),
        fig("145个", 145, "个", "亳州籍成功人士返乡投资的招商引资项目", "自今年以来", BZ, "招商引资项目合计145个", "projects", **NONE),
        fig("195.05亿元", 195.05, "亿元", "返乡投资招商引资项目总投资", "自今年以来", BZ, "总投资195.05亿元", "investment_attracted",
            **NONE),
    ],
)
