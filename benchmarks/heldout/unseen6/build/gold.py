"""unseen6 gold, written by hand before the tool was run on these texts (see ../NOTES.md)."""

from lib import fig, ini, park, quote, write


def year(y: int) -> dict:
    return dict(ps=f"{y}-01-01", pe=f"{y}-12-31")


def span(start: str, end: str) -> dict:
    return dict(ps=start, pe=end)


# 01 武汉经开区(汉南区) 2020 report: 十三五 review. `预计` scopes over its whole sentence (as unseen4/5);
# the 十二五末 base values are known outcomes (target false, period 2015).
WH = "武汉经开区"
FYP13 = span("2016-01-01", "2020-12-31")
T = dict(target=True)
write(
    "01_wuhan_edz_hannan_gov_report_2020.txt",
    published="2021-01-21",
    precision="day",
    in_text=True,
    parks=[
        park("武汉经开区", ["汉南区"], park_id="etdz-wuhan"),
        park("东风新能源汽车产业园", opt=True),
    ],
    figures=[
        fig("1123亿元", 1123, "亿元", "地区生产总值(十二五末)", "十二五末", WH, "地区生产总值由十二五末的1123亿元", "gdp", **year(2015)),
        fig("1700亿元", 1700, "亿元", "地区生产总值", "2020年", WH, "增加到2020年的1700亿元", "gdp", **year(2020), **T),
        fig("6.2%", 6.2, "%", "地区生产总值年均增长", "十三五", WH, "1700亿元,年均增长6.2%", "gdp", "growth", **FYP13, **T),
        fig("3000亿", 3000, "亿元", "规上工业总产值", "十三五", WH, "规上工业总产值提前突破3000亿大关", "industrial_output",
            q="lower", **FYP13, **T),
        fig("6.16%", 6.16, "%", "固定资产投资年均增长", "十三五", WH, "固定资产投资年均增长6.16%", "fixed_asset_investment", "growth",
            **FYP13, **T),
        fig("9.2%", 9.2, "%", "第三产业增加值年均增长", "十三五", WH, "第三产业增加值年均增长9.2%", "other", "growth", **FYP13, **T),
        fig("84.4亿元", 84.4, "亿元", "社会消费品零售总额(十二五末)", "十二五末", WH, "社会消费品零售总额由84.4亿元", "retail_sales",
            **year(2015)),
        fig("127亿元", 127, "亿元", "社会消费品零售总额", "2020年", WH, "由84.4亿元增加到127亿元", "retail_sales", **year(2020), **T),
        fig("8.5%", 8.5, "%", "社会消费品零售总额年均增长", "十三五", WH, "127亿元,年均增长8.5%", "retail_sales", "growth", **FYP13, **T),
        fig("257.34亿元", 257.34, "亿元", "一般公共预算总收入", "2020年", WH, "完成一般公共预算总收入257.34亿元", "fiscal_revenue",
            **year(2020), **T),
        fig("122.65亿元", 122.65, "亿元", "地方一般公共预算收入", "2020年", WH, "地方一般公共预算收入122.65亿元", "fiscal_revenue",
            **year(2020), **T),
        fig("三大", 3, "个", "攻坚战数", "", WH, "全面建设小康社会三大攻坚战", "other", opt=True),
    ],
    initiatives=[
        ini("十四五规划纲要", "policy", WH),
        ini("转型升级发展战略", "program", WH, opt=True),
        ini("三大攻坚战", "program", opt=True),
        ini("国家智能网联汽车测试示范区", "platform", WH, opt=True),
    ],
)

# 02 潮州 2021 report: 十三五 review; 较2015年 growth is the 2020 level's growth (period 2020, base 2015).
CZ = "潮州市"
Y20 = year(2020)
write(
    "02_chaozhou_city_gov_report_2021.txt",
    published="2021-02-02",
    precision="day",
    in_text=True,
    parks=[park("一园六区", opt=True)],
    figures=[
        fig("千亿元", 1000, "亿元", "经济总量跃上台阶", "过去五年", CZ, "经济总量跃上千亿元台阶", "gdp", q="lower", opt=True, **Y20),
        fig("1097亿元", 1097, "亿元", "生产总值", "2020年", CZ, "2020年全市实现生产总值1097亿元", "gdp", **Y20),
        fig("269.7亿元", 269.7, "亿元", "规模以上工业增加值", "2020年", CZ, "规模以上工业增加值269.7亿元", "industrial_value_added", **Y20),
        fig("48.6亿元", 48.6, "亿元", "一般公共预算收入", "2020年", CZ, "一般公共预算收入48.6亿元", "fiscal_revenue", **Y20),
        fig("144.8亿元", 144.8, "亿元", "税费收入", "2020年", CZ, "税费收入144.8亿元", "tax", **Y20),
        fig("26.8%", 26.8, "%", "生产总值较2015年增长", "2020年", CZ, "较2015年分别增长26.8%、12%、0.6%和25.9%", "gdp", "growth", **Y20),
        fig("12%", 12, "%", "规模以上工业增加值较2015年增长", "2020年", CZ, "较2015年分别增长26.8%、12%、0.6%和25.9%",
            "industrial_value_added", "growth", **Y20),
        fig("0.6%", 0.6, "%", "一般公共预算收入较2015年增长", "2020年", CZ, "较2015年分别增长26.8%、12%、0.6%和25.9%",
            "fiscal_revenue", "growth", **Y20),
        fig("25.9%", 25.9, "%", "税费收入较2015年增长", "2020年", CZ, "较2015年分别增长26.8%、12%、0.6%和25.9%", "tax", "growth",
            **Y20),
        fig("9.7", 9.7, "%", "第一产业占比(三次产业结构)", "2020年", CZ, "三次产业结构调整优化为9.7:47.3:43", "other", "share",
            opt=True, **Y20),
        fig("47.3", 47.3, "%", "第二产业占比(三次产业结构)", "2020年", CZ, "三次产业结构调整优化为9.7:47.3:43", "other", "share",
            opt=True, **Y20),
        fig("43", 43, "%", "第三产业占比(三次产业结构)", "2020年", CZ, "三次产业结构调整优化为9.7:47.3:43", "other", "share",
            opt=True, **Y20),
        fig("五大", 5, "个", "产业集群数", "", CZ, "“五大产业集群”加快构建", "other", opt=True),
        fig("四大", 4, "个", "发展平台数", "", CZ, "四大发展平台有效构筑", "other", opt=True),
        fig("500强", 500, "名", "世界500强企业", "", CZ, "新加坡丰益国际等世界500强企业入驻", "top_multinationals", opt=True),
        fig("六区", 6, "区", "一园六区", "", "一园六区", "“一园六区”引进项目470个", "parks", opt=True),
        fig("470个", 470, "个", "引进项目", "过去五年", "一园六区", "“一园六区”引进项目470个", "projects", **FYP13),
        fig("900亿元", 900, "亿元", "计划投资额", "过去五年", "一园六区", "计划投资额近900亿元", "project_investment", q="approx",
            **FYP13),
        fig("百亿级", 100, "亿元", "项目投资规模", "", CZ, "华瀛LNG等多个百亿级项目落地建设", "project_investment", q="lower",
            opt=True),
        fig("65.8%", 65.8, "%", "常住人口城镇化率", "2020年", CZ, "常住人口城镇化率达65.8%", "population", "share", **Y20),
        fig("2.33万元", 2.33, "万元", "城乡居民人均可支配收入", "2020年", CZ, "城乡居民人均可支配收入2.33万元", "other", **Y20),
        fig("6.7%", 6.7, "%", "城乡居民人均可支配收入年均增长", "过去五年", CZ, "2.33万元,年均增长6.7%", "other", "growth", **FYP13),
    ],
    initiatives=[
        ini("“1+1+9”工作部署", "program"),
        ini("“1+5+2”工作安排", "program"),
        ini("“十三五”规划", "policy", opt=True),
        ini("“五大产业集群”", "program", opt=True),
        ini("日用陶瓷价格成本指数", "project", opt=True),
    ],
)

# 03 吉林省 2020 report: a PDF-to-text layout (numbers on their own lines). 预计 ends with its sentence (左右。).
JL = "吉林省"
Y19 = year(2019)
write(
    "03_jilin_province_gov_report_2020.txt",
    published="2020-01-12",
    precision="day",
    in_text=True,
    figures=[
        fig("28年", 28, "年", "国内汽车市场首次下滑前的年数", "", "国内汽车市场", "克服国内汽车市场28年以来首次下滑", "other", opt=True),
        fig("18个月", 18, "个月", "国内汽车市场连续负增长月数", "", "国内汽车市场", "连续18个月负增长", "other", opt=True),
        fig("3.5%", 3.5, "%", "地区生产总值增长", "全年", JL, "预计全年地区生产总值增长3.5%左右", "gdp", "growth", q="approx",
            target=True, **Y19),
        fig("3%", 3, "%", "规模以上工业增加值增长", "2019年", JL, "规模以上工业增加值增速由负转正,增长3%以上", "industrial_value_added",
            "growth", q="lower", **Y19),
        fig("4%", 4, "%", "全社会用电量增长", "2019年", JL, "全社会用电量增长4%", "other", "growth", **Y19),
        fig("97.7%", 97.7, "%", "清洁能源利用率", "2019年", JL, "清洁能源利用率达到97.7%", "other", "share", **Y19),
        fig("10年", 10, "年", "最高水平的年数", "", JL, "是近10年最高水平", "other", q="approx", opt=True),
        fig("10.2%", 10.2, "%", "金融机构存款余额同比增长", "2019年", JL, "金融机构存贷款余额同比分别增长10.2%、9.2%", "other", "growth",
            **Y19),
        fig("9.2%", 9.2, "%", "金融机构贷款余额同比增长", "2019年", JL, "金融机构存贷款余额同比分别增长10.2%、9.2%", "other", "growth",
            **Y19),
        fig("9.9", 9.9, "个百分点", "存款余额增速提高", "2019年", JL, "分别提高9.9个、3.1个百分点", "other", "change_pp", **Y19),
        fig("3.1个百分点", 3.1, "个百分点", "贷款余额增速提高", "2019年", JL, "分别提高9.9个、3.1个百分点", "other", "change_pp", **Y19),
        fig("第1位", 1, "名", "存贷款新增量提升速度全国位次", "2019年", JL, "存贷款新增量同比提升速度均居全国第1位", "other", opt=True,
            **Y19),
        fig("322亿元", 322, "亿元", "减税降费", "2019年", JL, "减税降费322亿元", "tax", **Y19),
        fig("2.1%", 2.1, "%", "地方级财政收入增长", "2019年", JL, "地方级财政收入、税收收入同口径分别增长2.1%、2.5%", "fiscal_revenue",
            "growth", **Y19),
        fig("2.5%", 2.5, "%", "税收收入增长", "2019年", JL, "地方级财政收入、税收收入同口径分别增长2.1%、2.5%", "tax", "growth",
            **Y19),
        fig("10.4万辆", 10.4, "万辆", "红旗品牌汽车产量", "2019年", "红旗品牌", "红旗品牌汽车产量10.4万辆", "capacity", **Y19),
        fig("10.02万辆", 10.02, "万辆", "红旗品牌汽车销量", "2019年", "红旗品牌", "销量10.02万辆", "sales", **Y19),
        fig("3.1倍", 3.1, "倍", "红旗品牌汽车产量是上年的倍数", "2019年", "红旗品牌", "分别是上年的3.1倍、3倍", "capacity", "multiple",
            **Y19),
        fig("3倍", 3, "倍", "红旗品牌汽车销量是上年的倍数", "2019年", "红旗品牌", "分别是上年的3.1倍、3倍", "sales", "multiple", **Y19),
        fig("4倍", 4, "倍", "新能源汽车产量是上年的倍数", "2019年", JL, "新能源汽车产销量分别是上年的4倍、3.4倍", "capacity", "multiple",
            **Y19),
        fig("3.4倍", 3.4, "倍", "新能源汽车销量是上年的倍数", "2019年", JL, "新能源汽车产销量分别是上年的4倍、3.4倍", "sales", "multiple",
            **Y19),
        fig("400公里", 400, "公里", "高速动车组时速", "", "长客公司", "长客公司时速400公里高速动车组", "other", opt=True),
        fig("两列", 2, "列", "京张智能高铁列数", "", JL, "服务北京冬奥会的两列京张智能高铁", "other", opt=True),
    ],
    initiatives=[
        ini("“十三五”规划", "policy", opt=True),
        ini("减税降费", "policy", opt=True),
        ini("“吉林一号”卫星", "project", opt=True),
    ],
)

# 04 江西工业园区 1~2月 2017: a newspaper infographic turned into indented lines (label value growth).
JX = "全省工业园区"
JF = span("2017-01-01", "2017-02-28")
GJ = "国家级开发区"
write(
    "04_jiangxi_industrial_parks_2017_jan_feb_table.txt",
    published="2017-04-24",
    precision="day",
    in_text=True,
    parks=[
        park("江西工业园区", ["全省工业园区"], opt=True),
        park("临沂市国家高新区", opt=True, park_id="htz-linyi"),
    ],
    figures=[
        fig("300米", 300, "米", "地址距交汇处距离", "", "临沂市江西商会", "沂河路与龙腾路交汇南300米路西", "other", opt=True),
        fig("278.38亿元", 278.38, "亿元", "利润总额", "1~2月", JX, "全省工业园区实现利润总额278.38亿元", "profit", **JF),
        fig("15.2%", 15.2, "%", "利润总额同比增长", "1~2月", JX, "278.38亿元,同比增长15.2%", "profit", "growth", **JF),
        fig("386.75亿元", 386.75, "亿元", "园区内小型企业工业增加值", "1~2月", JX, "园区内小型企业实现工业增加值386.75亿元",
            "industrial_value_added", **JF),
        fig("10.6%", 10.6, "%", "园区内小型企业工业增加值同比增长", "1~2月", JX, "386.75亿元,同比增长10.6%", "industrial_value_added",
            "growth", **JF),
        fig("1.7个百分点", 1.7, "个百分点", "小型企业增速高于园区平均", "1~2月", JX, "增速比全省工业园区平均水平高1.7个百分点",
            "industrial_value_added", "change_pp", **JF),
        fig("39.5%", 39.5, "%", "小型企业占园区工业增加值比重", "1~2月", JX, "占园区工业增加值的比重达39.5%", "industrial_value_added",
            "share", **JF),
        fig("41.1%", 41.1, "%", "小型企业对园区增长的贡献率", "1~2月", JX, "对园区增长的贡献率达41.1%", "industrial_value_added", "share",
            **JF),
        fig("3.7个百分点", 3.7, "个百分点", "小型企业拉动园区增长", "1~2月", JX, "拉动增长3.7个百分点", "industrial_value_added", "change_pp",
            **JF),
        fig("979.60亿元", 979.60, "亿元", "工业增加值", "1~2月", JX, "实现工业增加值979.60亿元增长8.9%", "industrial_value_added", **JF),
        fig("8.9%", 8.9, "%", "工业增加值增长", "1~2月", JX, "实现工业增加值979.60亿元增长8.9%", "industrial_value_added", "growth",
            **JF),
        fig("4190.05亿元", 4190.05, "亿元", "主营业务收入", "1~2月", JX, "实现主营业务收入4190.05亿元增长16.5%", "revenue", **JF),
        fig("16.5%", 16.5, "%", "主营业务收入增长", "1~2月", JX, "实现主营业务收入4190.05亿元增长16.5%", "revenue", "growth", **JF),
        fig("308.91亿元", 308.91, "亿元", "出口交货值", "1~2月", JX, "实现出口交货值308.91亿元增长16.4%", "exports", **JF),
        fig("16.4%", 16.4, "%", "出口交货值增长", "1~2月", JX, "实现出口交货值308.91亿元增长16.4%", "exports", "growth", **JF),
        fig("82.21亿元", 82.21, "亿元", "基础设施完成投入", "1~2月", JX, "基础设施完成投入82.21亿元", "fixed_asset_investment", **JF),
        fig("19.4%", 19.4, "%", "基础设施投入增长", "1~2月", JX, "完成投入82.21亿元,增长19.4%", "fixed_asset_investment", "growth",
            **JF),
        fig("40.49亿元", 40.49, "亿元", "基础设施完成投入", "1~2月", "鄱阳湖生态经济区内园区", "鄱阳湖生态经济区内园区完成投入40.49亿元",
            "fixed_asset_investment", **JF),
        fig("49.3%", 49.3, "%", "占园区基础设施投入比重", "1~2月", "鄱阳湖生态经济区内园区", "完成投入40.49亿元占49.3%",
            "fixed_asset_investment", "share", **JF),
        fig("17个", 17, "个", "国家级开发区数", "", GJ, "17个国家级开发区完成投入24.83亿元", "parks"),
        fig("24.83亿元", 24.83, "亿元", "基础设施完成投入", "1~2月", GJ, "17个国家级开发区完成投入24.83亿元", "fixed_asset_investment",
            **JF),
        fig("30.2%", 30.2, "%", "占园区基础设施投入比重", "1~2月", GJ, "完成投入24.83亿元占30.2%", "fixed_asset_investment", "share",
            **JF),
        fig("10个", 10, "个", "利润增幅超30%的行业数", "1~2月", JX, "10个行业利润增幅超30%", "other", **JF),
        fig("30%", 30, "%", "行业利润增幅门槛", "", JX, "10个行业利润增幅超30%", "profit", "growth", q="lower"),
        fig("333.91亿元", 333.91, "亿元", "招商引资实际到位资金", "1~2月", JX, "实际到位资金333.91亿元增长10.2%", "investment_attracted",
            **JF),
        fig("10.2%", 10.2, "%", "实际到位资金增长", "1~2月", JX, "实际到位资金333.91亿元增长10.2%", "investment_attracted", "growth",
            **JF),
        fig("806.02亿元", 806.02, "亿元", "招商签约资金", "1~2月", JX, "招商签约资金806.02亿元增长33.6%", "investment_attracted", **JF),
        fig("33.6%", 33.6, "%", "招商签约资金增长", "1~2月", JX, "招商签约资金806.02亿元增长33.6%", "investment_attracted", "growth",
            **JF),
        fig("41.2%", 41.2, "%", "招商资金实际到位率", "1~2月", JX, "招商资金实际到位率为41.2%", "investment_attracted", "share", **JF),
    ],
    initiatives=[ini("鄱阳湖生态经济区", "program", opt=True)],
)

# 05 “辉煌十三五”: a two-row table, one cell a line (four labels, then 2015 and 2020 rows). No subject is named
# for the national totals (subject empty); 高新区国内生产总值 → 高新区.
Y15 = year(2015)
HT = "高新区"
write(
    "05_hitech_zones_13th_fyp_table.txt",
    parks=[park("高新区", opt=True)],
    figures=[
        fig("1.42万亿元", 1.42, "万亿元", "全社会研发经费", "2015年", "", "2015年1.42万亿元", "rd_spending", **Y15),
        fig("376万人/年", 376, "万人/年", "研发人员每年增长量", "2015年", "", "1.42万亿元376万人/年", "talent", **Y15),
        fig("8.1万亿元", 8.1, "万亿元", "高新区国内生产总值", "2015年", HT, "376万人/年8.1万亿元", "gdp", **Y15),
        fig("第29名", 29, "名", "全球创新指数排名", "2015年", "", "8.1万亿元第29名", "other", opt=True, **Y15),
        fig("2.21万亿元", 2.21, "万亿元", "全社会研发经费", "2020年", "", "2020年2.21万亿元", "rd_spending", **Y20),
        fig("480万人/年", 480, "万人/年", "研发人员每年增长量", "2020年", "", "2.21万亿元480万人/年", "talent", **Y20),
        fig("12.2万亿元", 12.2, "万亿元", "高新区国内生产总值", "2020年", HT, "480万人/年12.2万亿元", "gdp", **Y20),
        fig("第14名", 14, "名", "全球创新指数排名", "2020年", "", "12.2万亿元第14名", "other", opt=True, **Y20),
    ],
)

# 06 山西省开发区条例 2019: a regulation with no figures (session numbers, article numbers, dates are not figures).
write(
    "06_shanxi_dev_zone_regulation_2019.txt",
    published="2019-01-30",
    precision="day",
    in_text=True,
    initiatives=[ini("《山西省开发区条例》", "policy")],
)

# 07 西寧經濟技術開發區 Q1 2024, traditional characters; the year comes from the URL date only.
XN = "西寧開發區"
Q1 = span("2024-01-01", "2024-03-31")
write(
    "07_xining_edz_2024q1_qinghai_trad.txt",
    published="2024-05-09",
    precision="day",
    in_text=False,
    parks=[
        park("西寧經濟技術開發區", ["西寧開發區"], park_id="etdz-xining"),
        park("南川工業園區", opt=True, park_id="sub-xining-nanchuan"),
        park("東川工業園區", opt=True, park_id="sub-xining-dongchuan"),
        park("甘河工業園區", opt=True, park_id="sub-xining-ganhe"),
        park("生物產業園區", opt=True, park_id="sub-xining-bio"),
    ],
    figures=[
        fig("10.5%", 10.5, "%", "固定資產投資增長", "一季度", XN, "西寧開發區完成固定資產投資增長10.5%", "fixed_asset_investment",
            "growth", **Q1),
        fig("44.8%", 44.8, "%", "占西寧市固定資產投資比重", "一季度", XN, "占西寧市固定資產投資比重44.8%", "fixed_asset_investment", "share",
            **Q1),
        fig("18%", 18, "%", "工業投資增長", "一季度", XN, "完成工業投資增長18%", "industrial_investment", "growth", **Q1),
        fig("71%", 71, "%", "占西寧市工業投資比重", "一季度", XN, "占西寧市工業投資比重71%", "industrial_investment", "share", **Q1),
        fig("20吉瓦時", 20, "吉瓦時", "儲能機柜項目規模", "", XN, "20吉瓦時儲能機柜(一期)", "capacity", opt=True),
        fig("10吉瓦", 10, "吉瓦", "拉棒項目規模", "", XN, "10吉瓦拉棒", "capacity", opt=True),
        fig("4萬噸", 4, "萬噸", "電解銅箔項目規模", "", XN, "4萬噸電解銅箔等57項重點項目", "capacity", opt=True),
        fig("57項", 57, "項", "開復工重點項目數", "一季度", XN, "57項重點項目陸續開復工", "projects", **Q1),
        fig("95%", 95, "%", "重點項目開復工率", "一季度", XN, "開復工率為95%", "projects", "share", **Q1),
        fig("10.3%", 10.3, "%", "投資增長", "一季度", "南川工業園區", "投資分別增長10.3%、7.6%、12.1%、13.1%", "fixed_asset_investment",
            "growth", **Q1),
        fig("7.6%", 7.6, "%", "投資增長", "一季度", "東川工業園區", "投資分別增長10.3%、7.6%、12.1%、13.1%", "fixed_asset_investment",
            "growth", **Q1),
        fig("12.1%", 12.1, "%", "投資增長", "一季度", "甘河工業園區", "投資分別增長10.3%、7.6%、12.1%、13.1%", "fixed_asset_investment",
            "growth", **Q1),
        fig("13.1%", 13.1, "%", "投資增長", "一季度", "生物產業園區", "投資分別增長10.3%、7.6%、12.1%、13.1%", "fixed_asset_investment",
            "growth", **Q1),
        fig("億元", 1, "億元", "項目完成投資門檻", "", XN, "完成投資億元以上的10萬噸高純晶硅", "project_investment", q="lower",
            opt=True),
        fig("10萬噸", 10, "萬噸", "高純晶硅項目規模", "", XN, "10萬噸高純晶硅", "capacity", opt=True),
        fig("35吉瓦", 35, "吉瓦", "單晶硅項目規模", "", XN, "35吉瓦單晶硅", "capacity", opt=True),
        fig("20吉瓦", 20, "吉瓦", "拉棒切方項目規模", "", XN, "20吉瓦拉棒切方", "capacity", opt=True),
        fig("14000噸", 14000, "噸", "高性能碳纖維項目規模", "", XN, "14000噸高性能碳纖維等8個項目", "capacity", opt=True),
        fig("8個", 8, "個", "億元以上項目數", "一季度", XN, "14000噸高性能碳纖維等8個項目", "projects", **Q1),
        fig("83.4%", 83.4, "%", "億元以上項目占固定資產投資比重", "一季度", XN, "占西寧開發區固定資產投資83.4%", "fixed_asset_investment",
            "share", **Q1),
        fig("三大", 3, "個", "主導產業數", "", XN, "新能源、新材料、生物經濟三大主導產業", "other", opt=True),
        fig("22.4億元", 22.4, "億元", "新能源產業投資", "前三個月", XN, "三大主導產業分別完成22.4億元、1.6億元、0.4億元",
            "fixed_asset_investment", **Q1),
        fig("1.6億元", 1.6, "億元", "新材料產業投資", "前三個月", XN, "三大主導產業分別完成22.4億元、1.6億元、0.4億元",
            "fixed_asset_investment", **Q1),
        fig("0.4億元", 0.4, "億元", "生物經濟產業投資", "前三個月", XN, "三大主導產業分別完成22.4億元、1.6億元、0.4億元",
            "fixed_asset_investment", **Q1),
        fig("78.2%", 78.2, "%", "新能源產業投資占固定資產投資比重", "前三個月", XN, "占西寧開發區固定資產投資的78.2%",
            "fixed_asset_investment", "share", **Q1),
        fig("19.7個百分點", 19.7, "個百分點", "新能源產業投資拉動固投增長", "前三個月", XN, "拉動西寧開發區固投19.7個百分點",
            "fixed_asset_investment", "change_pp", **Q1),
    ],
)

# 08 郑州高新区 H1 2024. 上半年 scopes over its sentence; the 累计 stock ends on the publication date.
ZZ = "郑州高新区"
H1 = span("2024-01-01", "2024-06-30")
STOCK = dict(ps="", pe="2024-08-27")
write(
    "08_zhengzhou_htz_2024h1_henan.txt",
    published="2024-08-27",
    precision="day",
    in_text=True,
    parks=[park("郑州高新区", park_id="htz-zhengzhou")],
    figures=[
        fig("3.1%", 3.1, "%", "GDP同比增长(标题)", "今年上半年", ZZ, "今年上半年GDP同比增长3.1%高新区交出高质量发展答卷", "gdp", "growth",
            opt=True, **H1),
        fig("307.3亿元", 307.3, "亿元", "GDP", "2024年上半年", ZZ, "2024年上半年,实现GDP307.3亿元", "gdp", **H1),
        fig("3.1%", 3.1, "%", "GDP同比增长", "2024年上半年", ZZ, "实现GDP307.3亿元,同比增长3.1%", "gdp", "growth", **H1),
        fig("80.5亿元", 80.5, "亿元", "规上工业增加值", "2024年上半年", ZZ, "规上工业增加值完成80.5亿元", "industrial_value_added", **H1),
        fig("12.7%", 12.7, "%", "规上工业增加值同比增长", "2024年上半年", ZZ, "80.5亿元,同比增长12.7%", "industrial_value_added",
            "growth", **H1),
        fig("第一", 1, "名", "工业发展专项考核全市位次", "上半年", ZZ, "在上半年工业发展专项考核中位列全市第一", "other", opt=True, **H1),
        fig("第二", 2, "名", "省市重点项目建设综合考核全市位次", "上半年", ZZ, "省市重点项目建设综合考核全市第二", "other", opt=True, **H1),
        fig("9个", 9, "个", "重点发力的产业链数", "", ZZ, "围绕重点发力的9个产业链", "other"),
        fig("402.43亿元", 402.43, "亿元", "主导产业新签约项目签约额", "上半年", ZZ, "主导产业新签约项目签约额402.43亿元",
            "investment_attracted", **H1),
        fig("34家", 34, "家", "累计获批“链主”企业", "累计", ZZ, "累计获批“链主”企业34家", "enterprises", **STOCK),
        fig("25.56%", 25.56, "%", "“链主”企业占全市比重", "累计", ZZ, "“链主”企业34家,占全市的25.56%", "enterprises", "share", **STOCK),
        fig("15家", 15, "家", "新增第二批郑州市“链主”企业", "上半年", ZZ, "上半年新增第二批郑州市“链主”企业15家", "enterprises", **H1),
        fig("21.7%", 21.7, "%", "新增“链主”企业占全市比重", "上半年", ZZ, "“链主”企业15家,占全市的21.7%", "enterprises", "share", **H1),
        fig("十大", 10, "家", "郑州市十大“三高”企业", "", ZZ, "入选郑州市十大“三高”企业6家", "enterprises", opt=True),
        fig("6家", 6, "家", "入选郑州市十大“三高”企业", "上半年", ZZ, "入选郑州市十大“三高”企业6家", "enterprises", **H1),
        fig("60%", 60, "%", "入选“三高”企业占比", "上半年", ZZ, "“三高”企业6家,占比60%", "enterprises", "share", **H1),
        fig("7家", 7, "家", "获批河南省头雁企业", "上半年", ZZ, "获批河南省头雁企业7家", "enterprises", **H1),
        fig("6家", 6, "家", "重点培育头雁企业", "上半年", ZZ, "重点培育头雁企业6家", "enterprises", **H1),
        fig("38.9%", 38.9, "%", "头雁企业占全市比重", "上半年", ZZ, "分别占全市的38.9%、37.5%", "enterprises", "share", **H1),
        fig("37.5%", 37.5, "%", "重点培育头雁企业占全市比重", "上半年", ZZ, "分别占全市的38.9%、37.5%", "enterprises", "share", **H1),
        fig("15家", 15, "家", "上榜河南省制造业单项冠军企业", "", ZZ, "辖区15家企业上榜河南省制造业单项冠军", "enterprises"),
        fig("62%", 62, "%", "单项冠军占全市入选总数比重", "", ZZ, "占全市入选总数的62%", "enterprises", "share"),
        fig("12%", 12, "%", "单项冠军占全省比重", "", ZZ, "占全市入选总数的62%,全省12%", "enterprises", "share"),
        fig("十条", 10, "条", "算力利用支持政策条数", "", ZZ, "率先出台算力利用支持十条政策", "other", opt=True),
        fig("1000P", 1000, "P", "算力服务能力", "", ZZ, "储备了超1000P算力服务能力", "capacity", q="lower"),
        fig("193家", 193, "家", "新增郑州市科技型企业", "上半年", ZZ, "上半年新增郑州市科技型企业193家", "tech_smes", **H1),
        fig("618家", 618, "家", "入库高企后备企业", "上半年", ZZ, "入库高企后备企业618家", "enterprises", **H1),
        fig("5家", 5, "家", "新增省级工程研究中心", "上半年", ZZ, "新增省级工程研究中心5家", "research_institutions", **H1),
    ],
    initiatives=[
        ini("郑高新全域算力网一期项目", "project", ZZ),
        ini("算力利用支持十条政策", "policy", ZZ),
        ini("超硬材料产业技术研究院", "platform", ZZ),
        ini("2024年高质量发展推进会", "event", ZZ, opt=True),
        ini("“庆算入豫”试点", "program", opt=True),
        ini("郑州高新区华为开发者创新中心", "platform", ZZ, opt=True),
        ini("“全国一体化算力网”", "program", opt=True),
    ],
)

# 09 天津开发区 H1 2017; `同比提高2.8%` and `拉动…增长6.5%` are percentage-point changes printed with %.
TJ = "天津开发区"
H17 = span("2017-01-01", "2017-06-30")
write(
    "09_tianjin_edz_2017h1.txt",
    published="2017-08-15",
    precision="day",
    in_text=True,
    parks=[
        park("天津开发区", park_id="etdz-tianjin"),
        park("滨海新区", opt=True, park_id="na-tianjin-binhai"),
    ],
    figures=[
        fig("1689.5亿", 1689.5, "亿元", "地区生产总值(标题)", "上半年", TJ, "天津开发区上半年实现地区生产总值1689.5亿", "gdp", opt=True,
            **H17),
        fig("1689.5亿元", 1689.5, "亿元", "地区生产总值", "今年上半年", TJ, "实现地区生产总值1689.5亿元", "gdp", **H17),
        fig("9.7%", 9.7, "%", "地区生产总值同比增长", "今年上半年", TJ, "按可比价格计算同比增长9.7%", "gdp", "growth", **H17),
        fig("17.9亿美元", 17.9, "亿美元", "实际利用外资", "上半年", TJ, "实际利用外资17.9亿美元", "fdi_actual", **H17),
        fig("131.8亿元", 131.8, "亿元", "实际利用内资", "上半年", TJ, "实际利用内资131.8亿元", "investment_attracted", **H17),
        fig("71家", 71, "家", "落户北京企业", "上半年", TJ, "中煤科工等71家北京企业落户", "enterprises", **H17),
        fig("300个", 300, "个", "在建项目", "上半年", TJ, "在建项目超过300个", "projects", q="lower", **H17),
        fig("45.2%", 45.2, "%", "在建项目较同期增长", "上半年", TJ, "较同期增长45.2%", "projects", "growth", **H17),
        fig("533.3亿元", 533.3, "亿元", "第三产业增加值", "上半年", TJ, "第三产业增加值533.3亿元", "other", **H17),
        fig("23.9%", 23.9, "%", "第三产业增加值增长", "上半年", TJ, "533.3亿元,增长23.9%", "other", "growth", **H17),
        fig("30%", 30, "%", "第三产业增加值占比突破", "上半年", TJ, "历史上首次突破30%", "other", "share", q="lower", opt=True, **H17),
        fig("31.6%", 31.6, "%", "第三产值增加值占全区生产总值比重", "上半年", TJ, "首次突破30%,达到31.6%", "other", "share", **H17),
        fig("2.8%", 2.8, "%", "第三产业占比同比提高", "上半年", TJ, "达到31.6%,同比提高2.8%", "other", "change_pp", **H17),
        fig("6.5%", 6.5, "%", "第三产业拉动全区生产总值增长", "上半年", TJ, "拉动全区生产总值增长6.5%", "gdp", "change_pp", **H17),
        fig("4.5%", 4.5, "%", "战略新兴产业工业总产值占比同比提高", "上半年", TJ, "规模以上工业总产值比重同比提高4.5%", "industrial_output",
            "change_pp", **H17),
        fig("3.0%", 3.0, "%", "高技术制造业工业总产值占比同比提高", "上半年", TJ, "规模以上工业总产值比重同比提高3.0%", "industrial_output",
            "change_pp", **H17),
        fig("1.8%", -1.8, "%", "规模以上工业企业能源消费总量同比", "上半年", TJ, "能源消费总量同比下降1.8%", "other", "growth", **H17),
        fig("5.9%", -5.9, "%", "原煤消费量增长", "上半年", TJ, "原煤消费量下降5.9%", "other", "growth", **H17),
        fig("3.1%", 3.1, "%", "天然气消费量增长", "上半年", TJ, "天然气消费量增长3.1%", "other", "growth", **H17),
        fig("11.1%", 11.1, "%", "天然气占一次能源消费量比重", "上半年", TJ, "天然气占一次能源消费量比重为11.1%", "other", "share", **H17),
        fig("2.0%", 2.0, "%", "天然气占比同比提高", "上半年", TJ, "比重为11.1%,同比提高2.0%", "other", "change_pp", **H17),
        fig("6.1%", -6.1, "%", "万元工业增加值能耗同比", "上半年", TJ, "万元工业增加值能耗同比下降6.1%", "other", "growth", **H17),
    ],
    initiatives=[ini("8月新闻发布会", "event", TJ, opt=True)],
)

# 10 银川市工业园区 1~2月 2022 (Ningxia); year from the URL date only. 预计投资 and 年度计划投资 are targets.
YC = "全市工业园区"
JF22 = span("2022-01-01", "2022-02-28")
Y22 = year(2022)
write(
    "10_yinchuan_parks_2022_ningxia.txt",
    published="2022-03-30",
    precision="day",
    in_text=False,
    parks=[
        park("银川经济技术开发区", park_id="etdz-yinchuan"),
        park("银川高新技术产业开发区", park_id="htz-yinchuan"),
        park("苏银产业园"),
        park("银川市工业园区", ["全市工业园区"], opt=True),
    ],
    figures=[
        fig("129.27亿元", 129.27, "亿元", "规模以上工业产值", "1~2月份", YC, "完成规模以上工业产值129.27亿元", "industrial_output", **JF22),
        fig("26.07%", 26.07, "%", "规模以上工业产值同比增长", "1~2月份", YC, "129.27亿元,同比增长26.07%", "industrial_output", "growth",
            **JF22),
        fig("7.82亿元", 7.82, "亿元", "固定资产投资", "1~2月份", YC, "固定资产投资7.82亿元", "fixed_asset_investment", **JF22),
        fig("107%", 107, "%", "固定资产投资同比增长", "1~2月份", YC, "7.82亿元,同比增长107%", "fixed_asset_investment", "growth", **JF22),
        fig("7.41亿元", 7.41, "亿元", "工业投资", "1~2月份", YC, "其中工业投资7.41亿元", "industrial_investment", **JF22),
        fig("190%", 190, "%", "工业投资同比增长", "1~2月份", YC, "7.41亿元,同比增长190%", "industrial_investment", "growth", **JF22),
        fig("6.2亿元", 6.2, "亿元", "税收", "1~2月份", YC, "完成税收6.2亿元", "tax", **JF22),
        fig("36%", 36, "%", "税收同比增长", "1~2月份", YC, "6.2亿元,同比增长36%", "tax", "growth", **JF22),
        fig("11个", 11, "个", "签约落地项目", "1~2月份", YC, "共签约落地项目11个", "projects", **JF22),
        fig("87.39亿元", 87.39, "亿元", "签约落地项目预计投资", "1~2月份", YC, "预计投资87.39亿元", "project_investment", target=True,
            **JF22),
        fig("5个", 5, "个", "签约项目", "1~2月份", "银川经济技术开发区", "银川经济技术开发区共签约5个项目", "projects", **JF22),
        fig("80亿元", 80, "亿元", "签约项目总投资", "1~2月份", "银川经济技术开发区", "共签约5个项目,总投资80亿元", "project_investment",
            **JF22),
        fig("2个", 2, "个", "签约项目", "1~2月份", "银川高新技术产业开发区", "银川高新技术产业开发区共签约2个项目", "projects", **JF22),
        fig("6.32亿元", 6.32, "亿元", "签约项目总投资", "1~2月份", "银川高新技术产业开发区", "共签约2个项目,总投资6.32亿元",
            "project_investment", **JF22),
        fig("4个", 4, "个", "签约项目", "1~2月份", "苏银产业园", "苏银产业园共签约4个项目", "projects", **JF22),
        fig("1.07亿元", 1.07, "亿元", "签约项目总投资", "1~2月份", "苏银产业园", "共签约4个项目,总投资1.07亿元", "project_investment",
            **JF22),
        fig("19个", 19, "个", "谋划基础设施建设项目", "今年", YC, "共谋划基础设施建设项目19个", "projects", **Y22),
        fig("49.8亿元", 49.8, "亿元", "基础设施建设项目总投资", "今年", YC, "基础设施建设项目19个,总投资49.8亿元", "project_investment",
            **Y22),
        fig("20.19亿元", 20.19, "亿元", "基础设施建设项目年度计划投资", "今年", YC, "年度计划投资20.19亿元", "project_investment",
            target=True, **Y22),
        fig("6个", 6, "个", "续建项目", "今年", YC, "续建项目6个", "projects", **Y22),
        fig("15.29亿元", 15.29, "亿元", "续建项目年度计划投资", "今年", YC, "续建项目6个,年度计划投资15.29亿元", "project_investment",
            target=True, **Y22),
        fig("7个", 7, "个", "新建项目", "今年", YC, "新建项目7个", "projects", **Y22),
        fig("2.26亿元", 2.26, "亿元", "新建项目年度计划投资", "今年", YC, "新建项目7个,年度计划投资2.26亿元", "project_investment",
            target=True, **Y22),
        fig("6个", 6, "个", "拟建项目", "今年", YC, "拟建项目6个", "projects", **Y22),
        fig("2.64亿元", 2.64, "亿元", "拟建项目年度计划投资", "今年", YC, "拟建项目6个,年度计划投资2.64亿元", "project_investment",
            target=True, **Y22),
        fig("50GW", 50, "GW", "单晶硅材料项目规模", "", "中环", "紧盯中环50GW(G12)太阳能级单晶硅材料", "capacity", opt=True),
    ],
    quotes=[quote("市工业和信息化局相关负责人", "为确保一季度‘开门红’,我们将紧盯")],
    initiatives=[
        ini("《关于进一步推动产业园区体制机制改革和高质量发展的实施意见》", "policy"),
        ini("《银川市产业园区综合考核评价办法》", "policy"),
    ],
)
