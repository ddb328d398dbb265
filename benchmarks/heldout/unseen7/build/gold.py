"""unseen7 gold, written by hand before the tool was run on these texts (see ../NOTES.md)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/heldout: the tools every set shares
from heldout import fig, ini, park, span, writer, year  # noqa: E402

write = writer(Path(__file__).resolve().parents[1])


T = dict(target=True)

# 01 大连 2023 city report, 2022 review. `预计,` opens a sentence (to its 。) of forecasts for 2022: targets.
DL = "大连市"
Y22 = year(2022)
write(
    "01_dalian_city_gov_report_2023_liaoning.txt",
    published="2023-01-10",
    precision="day",
    in_text=False,
    figures=[
        fig("十项", 10, "项", "重点任务数", "", DL, "确定的年度目标和十项重点任务", "other", opt=True),
        fig("4.5%", 4.5, "%", "地区生产总值增长", "2022年", DL, "全市实现地区生产总值增长4.5%左右", "gdp", "growth", q="approx",
            **Y22, **T),
        fig("8%", 8, "%", "一般公共预算收入扣除减税降费因素增长", "2022年", DL, "扣除减税降费因素增长8%左右", "fiscal_revenue",
            "growth", q="approx", **Y22, **T),
        fig("7.5%", 7.5, "%", "固定资产投资增长", "2022年", DL, "固定资产投资增长7.5%左右", "fixed_asset_investment", "growth",
            q="approx", **Y22, **T),
        fig("5%", 5, "%", "规模以上工业增加值增长", "2022年", DL, "规模以上工业增加值增长5%以上", "industrial_value_added", "growth",
            q="lower", **Y22, **T),
        fig("10%", 10, "%", "外贸进出口总额增长", "2022年", DL, "外贸进出口总额增长10%以上", "trade", "growth", q="lower", **Y22, **T),
        fig("15%", 15, "%", "实际利用外资增长", "2022年", DL, "实际利用外资增长15%", "fdi_actual", "growth", **Y22, **T),
        fig("2.5%", 2.5, "%", "居民消费价格上涨", "2022年", DL, "居民消费价格上涨2.5%", "other", "growth", **Y22, **T),
        fig("25项", 25, "项", "“免申即享”政策", "2022年", DL, "推出25项“免申即享”政策", "other", **Y22),
        fig("266.16亿元", 266.16, "亿元", "落实“退减缓”等税费政策", "全年", DL, "“退减缓”等税费政策266.16亿元", "tax", **Y22),
        fig("48.1万户", 48.1, "万户", "惠及市场主体", "全年", DL, "惠及市场主体48.1万户", "enterprises", **Y22),
        fig("693.9亿元", 693.9, "亿元", "累计投放普惠型小微贷款", "累计", DL, "累计投放普惠型小微贷款693.9亿元", "other",
            ps="", pe="2022-12-31"),
        fig("0.39个百分点", 0.39, "个百分点", "贷款利率低于全国平均水平", "2022年", DL, "贷款利率低于全国平均水平0.39个百分点", "other",
            "change_pp", **Y22),
    ],
    initiatives=[
        ini("“47+32+20”稳经济政策体系", "policy", DL),
        ini("“免申即享”政策", "reform", DL),
        ini("稳经济一揽子政策", "policy", opt=True),
        ini("“退减缓”等税费政策", "policy", opt=True),
        ini("“三篇大文章”", "program", DL, opt=True),
        ini("大船集团易地升级改造项目", "project", opt=True),
    ],
)

# 03 余杭区 2022 plan-execution report (a district report to the 人大), 2022 review.
YH = "杭州市余杭区"
write(
    "03_yuhang_district_plan_report_2022_zhejiang.txt",
    published="2023-03-02",
    precision="day",
    in_text=False,
    parks=[park("杭州未来科技城省级高新技术产业园区")],
    figures=[
        fig("2651.25亿元", 2651.25, "亿元", "地区生产总值", "全年", YH, "全年实现地区生产总值2651.25亿元", "gdp", **Y22),
        fig("1.0%", 1.0, "%", "地区生产总值增长", "全年", YH, "2651.25亿元,增长1.0%", "gdp", "growth", **Y22),
        fig("671.50亿元", 671.50, "亿元", "财政总收入", "全年", YH, "完成财政总收入671.50亿元", "fiscal_revenue", **Y22),
        fig("352.93亿元", 352.93, "亿元", "地方一般公共预算收入", "全年", YH, "地方一般公共预算收入352.93亿元", "fiscal_revenue", **Y22),
        fig("10家", 10, "家", "省实验室", "2022年", "", "10家省实验室余杭占4席", "research_institutions", **Y22),
        fig("4席", 4, "席", "余杭所占省实验室", "2022年", YH, "10家省实验室余杭占4席", "research_institutions", **Y22),
        fig("两年", 2, "年", "连续夺得“科技创新鼎”年数", "", YH, "连续两年夺得全省“科技创新鼎”", "other", opt=True),
        fig("4.51%", 4.51, "%", "R&D占GDP比重", "2022年", YH, "R&D占GDP比重达到4.51%", "rd_intensity", "share", **Y22),
        fig("全省第二", 2, "名", "“创新指数”排名", "2022年", YH, "“创新指数”跃居全省第二", "other", opt=True, **Y22),
        fig("13家", 13, "家", "获省科学技术奖单位", "2022年", YH, "湖畔实验室等13家单位19项成果", "other", **Y22),
        fig("19项", 19, "项", "获省科学技术奖成果", "2022年", YH, "13家单位19项成果获省科学技术奖", "other", **Y22),
        fig("53个", 53, "个", "新增孵化载体", "2022年", YH, "新增孵化载体53个", "incubators", **Y22),
        fig("194.89万平方米", 194.89, "万平方米", "新增孵化载体物理空间", "2022年", YH, "物理空间194.89万平方米", "area", **Y22),
        fig("9家", 9, "家", "新增国家级孵化载体", "2022年", YH, "新增国家级孵化载体9家", "incubators", **Y22),
        fig("全省第一", 1, "名", "国家级孵化载体数量排名", "2022年", YH, "数量位列全省第一", "other", opt=True, **Y22),
        fig("16名", 16, "名", "引进及合作两院院士及海外院士", "2022年", YH, "两院院士及海外院士16名", "talent", **Y22),
        fig("14名", 14, "名", "培育国家级海外高层次人才", "2022年", YH, "国家级海外高层次人才14名", "talent", **Y22),
        fig("25名", 25, "名", "培育省级海外高层次人才", "2022年", YH, "省级海外高层次人才25名", "talent", **Y22),
    ],
    initiatives=[
        ini("2023年国民经济和社会发展计划(草案)", "policy", YH),
        ini("稳进提质攻坚行动", "action_plan", YH),
        ini("“大孵化器”战略", "program", YH),
        ini("浙大余杭脑机交叉研究院", "platform", YH, opt=True),
        ini("天目山实验室", "platform", YH, opt=True),
        ini("之江实验室", "platform", opt=True),
        ini("全国科普示范区", "program", opt=True),
        ini("国家知识产权强县建设示范县", "program", opt=True),
    ],
)

# 04 a district 统计公报 page (潘集区, named only in the URL): body, then a table one cell a line between `|`
# (units in the header: 单位:亿元, 比上年增长%), then more body. Table cells restating the body are optional.
PJ = ""


def pj(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2022年", PJ, context, key, measure, **Y22, **kw)


TABLE_ROWS = [  # sector, value (亿元), growth (%) — rows the body does not give
    ("交通运输、仓储和邮政业", "11.1", "-0.5"),
    ("批发和零售业", "13.4", "-5.2"),
    ("住宿和餐饮业", "4.1", "-1.0"),
    ("金融业", "8.8", "4.8"),
    ("房地产业", "4.5", "-0.2"),
    ("营利性服务业", "6.9", "4.1"),
    ("非营利性服务业", "10.7", "-0.4"),
]
pj_table = []
for sector, level, growth in TABLE_ROWS:
    cell = f"|{sector}|{level}|{growth}|"
    pj_table.append(pj(level, float(level), "亿元", f"{sector}增加值", cell, "other"))
    pj_table.append(pj(growth, float(growth), "%", f"{sector}增加值比上年增长", cell, "other", "growth"))
write(
    "04_panji_district_2022_gdp_table_anhui.txt",
    figures=[
        pj("295.4亿元", 295.4, "亿元", "地区生产总值", "全年完成地区生产总值295.4亿元", "gdp"),
        pj("7.7%", 7.7, "%", "地区生产总值比上年增长", "比上年增长7.7%,增速高于全市", "gdp", "growth"),
        pj("5.7个百分点", 5.7, "个百分点", "增速高于全市平均水平", "增速高于全市平均水平5.7个百分点", "gdp", "change_pp"),
        pj("第1位", 1, "名", "增速位居六区两县", "位居六区两县第1位", "other", opt=True),
        pj("24.4亿元", 24.4, "亿元", "第一产业增加值", "第一产业增加值24.4亿元", "other"),
        pj("3.3%", 3.3, "%", "第一产业增加值同比增长", "24.4亿元,同比增长3.3%", "other", "growth"),
        pj("210.1亿元", 210.1, "亿元", "第二产业增加值", "第二产业增加值210.1亿元", "other"),
        pj("11.6%", 11.6, "%", "第二产业增加值同比增长", "210.1亿元,同比增长11.6%", "other", "growth"),
        pj("60.9亿元", 60.9, "亿元", "第三产业增加值", "第三产业增加值60.9亿元", "other"),
        pj("0.2%", 0.2, "%", "第三产业增加值同比下降", "60.9亿元,同比下降0.2%", "other", "growth"),
        fig("9.4", 9.4, "%", "第一产业占比(上年)", "上年", PJ, "由上年的9.4:66.8:23.8", "other", "share", opt=True, **year(2021)),
        fig("66.8", 66.8, "%", "第二产业占比(上年)", "上年", PJ, "由上年的9.4:66.8:23.8", "other", "share", opt=True, **year(2021)),
        fig("23.8", 23.8, "%", "第三产业占比(上年)", "上年", PJ, "由上年的9.4:66.8:23.8", "other", "share", opt=True, **year(2021)),
        pj("8.3", 8.3, "%", "第一产业占比", "调整为8.3:71.1:20.6", "other", "share", opt=True),
        pj("71.1", 71.1, "%", "第二产业占比", "调整为8.3:71.1:20.6", "other", "share", opt=True),
        pj("20.6", 20.6, "%", "第三产业占比", "调整为8.3:71.1:20.6", "other", "share", opt=True),
        pj("3.2个百分点", 3.2, "个百分点", "服务业比重比上年下降", "比重比上年下降3.2个百分点", "other", "change_pp"),
        pj("91243元", 91243, "元", "人均生产总值", "全区人均生产总值达91243元", "other"),
        pj("14545元", 14545, "元", "人均生产总值比上年增加", "比上年增加14545元", "other"),
        # the table's first rows restate the body
        pj("295.4", 295.4, "亿元", "生产总值(表)", "|生产总值|295.4|7.7|", "gdp", opt=True),
        pj("7.7", 7.7, "%", "生产总值比上年增长(表)", "|生产总值|295.4|7.7|", "gdp", "growth", opt=True),
        pj("24.4", 24.4, "亿元", "第一产业(表)", "|第一产业|24.4|3.3|", "other", opt=True),
        pj("3.3", 3.3, "%", "第一产业比上年增长(表)", "|第一产业|24.4|3.3|", "other", "growth", opt=True),
        pj("210.1", 210.1, "亿元", "第二产业(表)", "|第二产业|210.1|11.6|", "other", opt=True),
        pj("11.6", 11.6, "%", "第二产业比上年增长(表)", "|第二产业|210.1|11.6|", "other", "growth", opt=True),
        pj("60.9", 60.9, "亿元", "第三产业(表)", "|第三产业|60.9|-0.2|", "other", opt=True),
        pj("-0.2", -0.2, "%", "第三产业比上年增长(表)", "|第三产业|60.9|-0.2|", "other", "growth", opt=True),
        *pj_table,
        pj("6007个", 6007, "个", "城镇新增就业岗位", "全区城镇新增就业岗位6007个", "employees"),
        pj("587个", 587, "个", "城镇新增就业岗位比上年减少", "比上年减少587个", "employees"),
        pj("143人", 143, "人", "年末城镇登记失业人数", "年末城镇登记失业人数143人", "other"),
        pj("980人", 980, "人", "用工备案减员", "用工备案减员980人", "other"),
        pj("四大", 4, "个", "大气污染防治行动数", "秋冬季大气污染防治四大行动", "other", opt=True),
        pj("47微克/立方米", 47, "微克/立方米", "PM2.5平均浓度", "PM2.5平均浓度达47微克/立方米", "other"),
        pj("2.1%", 2.1, "%", "PM2.5平均浓度同比下降", "47微克/立方米,同比下降2.1%", "other", "growth"),
        pj("71.7微克/立方米", 71.7, "微克/立方米", "PM10平均浓度", "PM10平均浓度达71.7微克/立方米", "other"),
        pj("7.6%", 7.6, "%", "PM10平均浓度同比下降", "71.7微克/立方米,同比下降7.6%", "other", "growth"),
        pj("272天", 272, "天", "城区空气质量优良以上天数", "空气质量优良以上天数达272天", "other"),
        pj("29天", 29, "天", "优良天数比上年增加", "比上年增加29天", "other"),
        pj("100%", 100, "%", "固体废物综合利用率", "固体废物综合利用率100%", "other", "share"),
        pj("94.5%", 94.5, "%", "城镇生活污水集中处理率", "城镇生活污水集中处理率达94.5%", "other", "share"),
        pj("3.2亿元", 3.2, "亿元", "环境污染治理完成投资", "环境污染治理完成投资3.2亿元", "other"),
        pj("52.4%", 52.4, "%", "环境污染治理投资同比增长", "3.2亿元,同比增长52.4%", "other", "growth"),
        pj("540.8万吨标准煤", 540.8, "万吨标准煤", "能源能耗总量", "能源能耗总量达540.8万吨标准煤", "other"),
        pj("2.7%", 2.7, "%", "能源能耗总量比上年下降", "540.8万吨标准煤,比上年下降2.7%", "other", "growth"),
        pj("9.7%", 9.7, "%", "万元GDP能耗下降", "万元GDP能耗下降9.7%", "other", "growth"),
    ],
    initiatives=[
        ini("“扬尘专项治理,全城大扫除”", "action_plan"),
        ini("VOCs治理复季攻坚", "action_plan", opt=True),
        ini("秋冬季大气污染防治", "action_plan", opt=True),
        ini("“五控”措施", "policy", opt=True),
    ],
)

# 05 门头沟区 statistics page: a table one cell a line (header 单位:万元; columns 2022 1-8, 上年同期, 比上年±%).
MTG = "门头沟区"
JA22 = span("2022-01-01", "2022-08-31")
JA21 = span("2021-01-01", "2021-08-31")
MTG_ROWS = [  # label, key, 2022 Jan-Aug, 2021 Jan-Aug, growth
    ("工业总产值", "industrial_output", "384032.0", "352688.0", "8.9"),
    ("其中:中央市属", "industrial_output", "66308.6", "58757.2", "12.9"),
    ("工业销售产值", "industrial_output", "308206.6", "331173.7", "-6.9"),
    ("通用设备制造业", "output_value", "212548.3", "201161.7", "5.7"),
    ("专用设备制造业", "output_value", "69481.4", "56596.4", "22.8"),
    ("医药制造业", "output_value", "34493.8", "30951.5", "11.4"),
    ("电力、热力生产和供应业", "output_value", "32243.5", "30213.6", "6.7"),
    ("计算机、通信和其他电子设备制造业", "output_value", "12487.6", "9026.8", "38.3"),
]
mtg_figures = []
for label, key, now, before, growth in MTG_ROWS:
    cell = f"{label}{now}{before}{growth}"
    name = label.replace("其中:", "") + ("工业总产值" if label.startswith("其中") else "")
    if key == "output_value":
        name += "产值"
    mtg_figures += [
        fig(now, float(now), "万元", name, "2022年1-8月", MTG, cell, key, **JA22),
        fig(before, float(before), "万元", name + "(上年同期)", "上年同期", MTG, cell, key, **JA21),
        fig(growth, float(growth), "%", name + "比上年增长", "2022年1-8月", MTG, cell, key, "growth", **JA22),
    ]
write(
    "05_mentougou_industry_2022_jan_aug_table_beijing.txt",
    published="2022-09-22",
    precision="day",
    in_text=True,
    figures=[
        *mtg_figures,
        fig("2000万元", 2000, "万元", "规模以上工业企业年主营业务收入门槛", "", "规模以上工业企业",
            "年主营业务收入2000万元及以上的工业法人企业", "revenue", q="lower"),
        fig("三部分", 3, "个", "工业总产值的组成部分", "", "", "自制半成品在制品期末期初差额价值三部分", "other", opt=True),
    ],
    initiatives=[ini("《工业统计报表制度》", "policy", opt=True)],
)

# 06 天津 2017 implementation plan on development zones: no figures (document numbers, dates, sessions).
write(
    "06_tianjin_dev_zone_reform_plan_2017.txt",
    published="2017-10-09",
    precision="day",
    in_text=True,
    initiatives=[
        ini("《关于促进我市开发区改革和创新发展的实施方案》", "policy"),
        ini("《国务院办公厅关于促进开发区改革和创新发展的若干意见》", "policy", opt=True),
        ini("京津冀开发区协同发展", "program", opt=True),
    ],
)

# 07 河北省高新区 2023 H1 (news from the 省科技厅); the headline restates the body. Stocks under 截至目前 end at
# the publication date; counts with no time word have no period; 到2027年 targets → 2027.
HB_HTZ = "全省高新区"
H1_23 = span("2023-01-01", "2023-06-30")
JJ23 = span("2023-01-01", "2023-07-31")
NOW23 = dict(ps="", pe="2023-08-20")
Y27 = dict(**year(2027), target=True)
write(
    "07_hebei_htz_2023h1.txt",
    published="2023-08-20",
    precision="day",
    in_text=True,
    parks=[park("全省高新区", ["高新区"], opt=True)],
    figures=[
        fig("12959.2亿元", 12959.2, "亿元", "营业收入(标题)", "今年1-6月", HB_HTZ, "今年1-6月我省高新区实现营业收入12959.2亿元",
            "revenue", opt=True, **H1_23),
        fig("12959.2亿元", 12959.2, "亿元", "营业收入", "今年1-6月", HB_HTZ, "(简称高新区)实现营业收入12959.2亿元", "revenue",
            **H1_23),
        fig("13.2%", 13.2, "%", "营业收入同比增长", "今年1-6月", HB_HTZ, "12959.2亿元,同比增长13.2%", "revenue", "growth", **H1_23),
        fig("3115.8亿元", 3115.8, "亿元", "高新技术产业产值", "今年1-6月", HB_HTZ, "高新技术产业产值3115.8亿元", "output_value",
            **H1_23),
        fig("5.1%", 5.1, "%", "高新技术产业产值同比增长", "今年1-6月", HB_HTZ, "3115.8亿元,同比增长5.1%", "output_value", "growth",
            **H1_23),
        fig("6.4%", 6.4, "%", "固定资产投资同比增长", "今年1-6月", HB_HTZ, "固定资产投资同比增长6.4%", "fixed_asset_investment",
            "growth", **H1_23),
        fig("93.62%", 93.62, "%", "项目投资完成率", "1-7月", HB_HTZ, "全省高新区项目投资完成率达93.62%", "project_investment",
            "share", **JJ23),
        fig("102.06%", 102.06, "%", "省重点项目投资完成率", "1-7月", HB_HTZ, "省重点项目投资完成率达102.06%", "project_investment",
            "share", **JJ23),
        fig("6家", 6, "家", "试点高新区", "", HB_HTZ, "6家试点高新区与金融顾问团", "parks"),
        fig("10家", 10, "家", "与金融机构建立合作的高新区", "", HB_HTZ, "10家高新区与金融机构建立合作", "parks"),
        fig("40余家", 40, "家", "提供贷款服务和融资帮扶的企业", "截至目前", HB_HTZ, "已为40余家企业提供贷款服务", "enterprises",
            q="lower", **NOW23),
        fig("7.5亿元", 7.5, "亿元", "融资和发放贷款", "截至目前", HB_HTZ, "融资和发放贷款超7.5亿元", "other", q="lower", **NOW23),
        fig("399次", 399, "次", "举办各类招商引资活动", "截至目前", HB_HTZ, "举办各类招商引资活动399次", "other", **NOW23),
        fig("3790家", 3790, "家", "累计对接企业", "截至目前", HB_HTZ, "累计对接企业3790家", "enterprises", **NOW23),
        fig("290个", 290, "个", "促成签约项目", "截至目前", HB_HTZ, "促成签约项目290个", "projects", **NOW23),
        fig("千亿元", 1000, "亿元", "项目计划投资", "截至目前", HB_HTZ, "项目计划投资超千亿元", "project_investment", q="lower",
            **NOW23),
        fig("10%", 10, "%", "营业收入增长", "今年", HB_HTZ, "今年全省高新区营业收入增长力争超10%", "revenue", "growth", q="lower",
            **year(2023), **T),
        fig("3-4家", 3, "家", "综合评价排名进入全国百名以内的国家级高新区", "到2027年", HB_HTZ,
            "3-4家国家级高新区综合评价排名进入全国百名以内", "parks", q="range", high=4, **Y27),
        fig("百名", 100, "名", "全国排名", "到2027年", HB_HTZ, "排名进入全国百名以内", "other", q="upper", opt=True, **Y27),
        fig("5个", 5, "个", "千亿级产业集群", "到2027年", HB_HTZ, "千亿级产业集群达5个左右", "other", q="approx", **Y27),
    ],
    initiatives=[
        ini("金融顾问试点工作", "program", HB_HTZ),
        ini("瞪羚企业、独角兽企业进高新区活动", "event", HB_HTZ),
        ini("科技园区创新能力提升计划", "program"),
        ini("科技赋能千亿产业发展招商计划", "program"),
        ini("高新区科技招商", "program", HB_HTZ, opt=True),
        ini("金融合作机构库", "platform", opt=True),
    ],
)

# 08 上海自贸区保税区片区 2023 (news; no date on the page: periods from the printed 2023, 去年 = 2023).
BS = "保税区"
Y23 = year(2023)
write(
    "08_shanghai_ftz_bonded_area_2023.txt",
    parks=[
        park("保税区", park_id="ftza-shanghai-baoshui"),
        park("上海自贸区", park_id="ftz-shanghai"),
        park("智能制造服务产业园", opt=True),
    ],
    figures=[
        fig("2.32万亿元", 2.32, "万亿元", "经营总收入", "2023年", BS, "保税区经营总收入2.32万亿元", "revenue", **Y23),
        fig("3.5%", 3.5, "%", "经营总收入增长", "2023年", BS, "2.32万亿元,增长3.5%", "revenue", "growth", **Y23),
        fig("2.06万亿元", 2.06, "万亿元", "商品销售额", "2023年", BS, "商品销售额2.06万亿元", "sales", **Y23),
        fig("3%", 3, "%", "商品销售额增长", "2023年", BS, "2.06万亿元,增长3%", "sales", "growth", **Y23),
        fig("1.1072万亿元", 1.1072, "万亿元", "进出口总额", "2023年", BS, "进出口总额约1.1072万亿元", "trade", q="approx", **Y23),
        fig("4.2%", 4.2, "%", "进出口总额增长", "2023年", BS, "1.1072万亿元,增长4.2%", "trade", "growth", **Y23),
        fig("12家", 12, "家", "增加跨国公司的地区总部", "去年", BS, "增加了12家跨国公司的地区总部", "foreign_enterprises", **Y23),
        fig("118家", 118, "家", "累计增加跨国公司的地区总部", "累计", BS, "累计增加了118家", "foreign_enterprises", ps="",
            pe="2023-12-31"),
        fig("30多年", 30, "年", "发展年数", "", BS, "经过30多年的发展", "other", q="lower", opt=True),
        fig("12家", 12, "家", "新增跨国公司地区总部(重述)", "去年", BS, "去年区内新增跨国公司地区总部12家", "foreign_enterprises",
            opt=True, **Y23),
        fig("118家", 118, "家", "累计新增跨国公司地区总部(重述)", "累计", BS, "总部12家,累计新增118家", "foreign_enterprises",
            opt=True, ps="", pe="2023-12-31"),
        fig("3-5年", 3, "年", "培育全球资源配置企业的时间", "", "上海自贸区", "力争用3-5年的时间", "other", q="range", high=5,
            target=True),
        fig("5-10年", 5, "年", "培育全球“龙头”企业的时间", "", "上海自贸区", "用5-10年时间,培育一批", "other", q="range", high=10,
            target=True),
    ],
    initiatives=[
        ini("《全球运营商计划(GOP)》", "program", BS),
        ini("《全球运营运营商计划(GOP)》", "program", "上海自贸区", opt=True),
        ini("德国创新技术服务中心", "platform", BS, opt=True),
        ini("瑞士中小企业孵化中心", "platform", BS, opt=True),
        ini("上海市特色产业园区", "program", opt=True),
    ],
)

# 09 大连's 19 parks of the 辽宁沿海经济带, H1 2012, traditional characters with pinyin-garbled glyphs as the page
# prints them (進(jìn)); contexts keep them verbatim.
DL19 = "大連19個(gè)園區(qū)"
H1_12 = span("2012-01-01", "2012-06-30")
write(
    "09_dalian_19_parks_2012h1_liaoning_trad.txt",
    published="2012-12-09",
    precision="day",
    in_text=True,
    parks=[
        park("大連開發(fā)區(qū)", park_id="etdz-dalian"),
        park("保稅區(qū)主功能區(qū)", park_id="csz-g213016"),
        park("大連旅順南路軟件產(chǎn)業(yè)帶", opt=True),
        park(DL19, opt=True),
    ],
    figures=[
        fig("9次", 9, "次", "調整和擴區次數", "", "沿海重點(diǎn)園區(qū)", "先后經(jīng)過9次調(diào)整和擴(kuò)區(qū)", "other"),
        fig("19個(gè)", 19, "個", "納入遼寧沿海經濟帶重點發展區域的園區", "截至目前", "大連市", "大連市共有19個(gè)園區(qū)", "parks",
            ps="", pe="2012-12-09"),
        fig("19個(gè)", 19, "個", "重點園區(重述)", "", "大連市", "19個(gè)重點(diǎn)園區(qū)均形成", "parks", opt=True),
        fig("三大", 3, "個", "產業集群數", "", "大連開發(fā)區(qū)", "汽車零部件產(chǎn)業(yè)等三大產(chǎn)業(yè)集群", "other", opt=True),
        fig("19個(gè)", 19, "個", "園區數(重述)", "2012年1~6月份", "大連市", "大連19個(gè)園區(qū)實(shí)現(xiàn)", "parks", opt=True,
            **H1_12),
        fig("157.8億元", 157.8, "億元", "公共財政預算收入", "2012年1~6月份", DL19, "公共財(cái)政預(yù)算收入157.8億元", "fiscal_revenue",
            **H1_12),
        fig("42個(gè)", 42, "個", "全省園區數", "", "全省", "占全省42個(gè)園區(qū)的64.1%", "parks"),
        fig("64.1%", 64.1, "%", "公共財政預算收入占全省園區比重", "2012年1~6月份", DL19, "占全省42個(gè)園區(qū)的64.1%",
            "fiscal_revenue", "share", **H1_12),
        fig("40.48億美元", 40.48, "億美元", "實際利用外資", "2012年1~6月份", DL19, "實(shí)際利用外資40.48億美元", "fdi_actual",
            **H1_12),
        fig("42個(gè)", 42, "個", "全省園區數(重述)", "", "全省", "占全省42個(gè)園區(qū)的73.4%", "parks", opt=True),
        fig("73.4%", 73.4, "%", "實際利用外資占全省園區比重", "2012年1~6月份", DL19, "占全省42個(gè)園區(qū)的73.4%", "fdi_actual",
            "share", **H1_12),
        fig("億元", 1, "億元", "入區項目投資門檻", "", DL19, "億元以上入?yún)^(qū)項(xiàng)目總投資", "project_investment", q="lower",
            opt=True),
        fig("1615.8億元", 1615.8, "億元", "億元以上入區項目總投資", "2012年1~6月份", DL19, "項(xiàng)目總投資1615.8億元",
            "project_investment", **H1_12),
        fig("42個(gè)", 42, "個", "全省園區數(重述)", "", "全省", "占全省42個(gè)園區(qū)的40.9%", "parks", opt=True),
        fig("40.9%", 40.9, "%", "入區項目總投資占全省園區比重", "2012年1~6月份", DL19, "占全省42個(gè)園區(qū)的40.9%",
            "project_investment", "share", **H1_12),
    ],
    initiatives=[
        ini("《遼寧沿海經(jīng)濟(jì)帶發(fā)展規(guī)劃》", "policy"),
        ini("保稅汽車物流城", "project", "保稅區(qū)主功能區(qū)", opt=True),
    ],
)

# 10 湖南产业园区 (news page dated 2025-08-12): `最新数据显示` gives no period → both empty; 累计开发面积 is a stock
# ending at the publication date. The headline's 突破万亿 restates the body.
HN = "湖南产业园区"
write(
    "10_hunan_industrial_parks_2025.txt",
    published="2025-08-12",
    precision="day",
    in_text=True,
    parks=[
        park("宁乡经开区", park_id="etdz-changsha-ningxiang"),
        park("湖南产业园区", opt=True),
        park("湘南湘西承接产业转移示范区", opt=True),
    ],
    figures=[
        fig("万亿", 1, "万亿元", "技工贸总收入(标题)", "", HN, "技工贸总收入突破万亿大关", "revenue", q="lower", opt=True),
        fig("13414亿元", 13414, "亿元", "技工贸总收入", "", HN, "湖南产业园区技工贸总收入达13414亿元", "revenue"),
        fig("15.2%", 15.2, "%", "技工贸总收入同比增长", "", HN, "13414亿元,同比增长15.2%", "revenue", "growth"),
        fig("2197.44平方公里", 2197.44, "平方公里", "园区规划面积", "", HN, "园区规划面积扩展至2197.44平方公里", "area"),
        fig("892.97平方公里", 892.97, "平方公里", "累计开发面积", "累计", HN, "累计开发面积892.97平方公里", "area", ps="",
            pe="2025-08-12"),
        fig("2.8万家", 2.8, "万家", "园区内企业总数", "", HN, "园区内企业总数突破2.8万家", "enterprises", q="lower"),
        fig("20.3%", 20.3, "%", "企业总数增速", "", HN, "2.8万家,增速达20.3%", "enterprises", "growth"),
        fig("7.6%", 7.6, "%", "园区开发面积同比增长", "", HN, "园区开发面积同比增长7.6%", "area", "growth"),
        fig("95%", 95, "%", "政务服务“一网通办”覆盖率", "", "湖南省", "政务服务“一网通办”覆盖率超95%", "services", "share",
            q="lower"),
        fig("3.2%", 3.2, "%", "园区单位GDP能耗同比下降", "", HN, "园区单位GDP能耗同比下降3.2%", "other", "growth"),
    ],
    initiatives=[
        ini("“一网通办”", "reform"),
        ini("专项扶持政策", "policy", opt=True),
        ini("飞地经济模式", "program", opt=True),
    ],
)

# 02 河北省 2026 government work report, the WHOLE report (9,832 characters; GitHub johncodes404/china-provincial-
# gov-reports-2026, full-width punctuation kept). 十四五 review → 2021..2025 (从2020年的X增长到2025年的Y: X in 2020,
# Y in 2025; 从X增加到Y with no year likewise); 2025 review → 2025; 2026 预期目标 and the plan of section 三
# (建成, 打造, 培育, 完成… counts) → targets of 2026. Section 二 (十五五) states no number.
HB = "河北省"
XA = "雄安新区"
FYP14 = span("2021-01-01", "2025-12-31")
Y20, Y25 = year(2020), year(2025)
Y26 = dict(**year(2026), target=True)


def r5(value_text, value, unit, metric, context, key, measure="level", subject=HB, **kw):
    """A 十四五 (2021–2025) outcome."""
    return fig(value_text, value, unit, metric, "这五年", subject, context, key, measure, **FYP14, **kw)


def r25(value_text, value, unit, metric, context, key, measure="level", **kw):
    """A 2025 outcome."""
    return fig(value_text, value, unit, metric, "2025年", HB, context, key, measure, **Y25, **kw)


def t26(value_text, value, unit, metric, context, key, measure="level", **kw):
    """A 2026 target (section 三)."""
    return fig(value_text, value, unit, metric, "2026年", HB, context, key, measure, **Y26, **kw)


write(
    "02_hebei_province_gov_report_2026.txt",
    published="2026-02-02",
    precision="day",
    in_text=True,
    parks=[
        park("雄安新区", park_id="na-xiongan"),
        park("廊坊临空经济区", opt=True),
        park("通州区与廊坊北三县一体化高质量发展示范区", opt=True),
        park("雄安中关村科技园", opt=True),
        park("渤海新区", opt=True),
        park("北戴河生命健康产业创新示范区", opt=True),
        park("曹妃甸区", opt=True),
        park("衡沧高品质蔬菜产业示范区", opt=True),
    ],
    figures=[
        # 十四五 review
        fig("3.68万亿元", 3.68, "万亿元", "全省生产总值", "2020年", HB, "全省生产总值从2020年的3.68万亿元", "gdp", **Y20),
        fig("4.93万亿元", 4.93, "万亿元", "全省生产总值", "2025年", HB, "增长到2025年的4.93万亿元", "gdp", **Y25),
        r5("万亿级", 1, "万亿元", "生产总值跃升量级", "实现万亿级跃升", "gdp", opt=True),
        fig("3826.5亿元", 3826.5, "亿元", "一般公共预算收入", "2020年", HB, "一般公共预算收入从3826.5亿元增长到", "fiscal_revenue",
            **Y20),
        fig("4398.6亿元", 4398.6, "亿元", "一般公共预算收入", "2025年", HB, "从3826.5亿元增长到4398.6亿元", "fiscal_revenue", **Y25),
        r5("6.5%", 6.5, "%", "规上工业增加值年均增长", "规上工业增加值年均增长6.5%", "industrial_value_added", "growth"),
        r5("1.5万亿元", 1.5, "万亿元", "社会消费品零售总额", "社会消费品零售总额突破1.5万亿元", "retail_sales", q="lower"),
        r5("760亿斤", 760, "亿斤", "粮食产量", "粮食产量稳定在760亿斤以上", "capacity", q="lower"),
        r5("9000公里", 9000, "公里", "高速公路总里程", "高速公路总里程达到9000公里", "other"),
        r5("12亿吨", 12, "亿吨", "港口通过能力", "港口通过能力突破12亿吨", "capacity", q="lower"),
        r5("5300多栋", 5300, "栋", "拔地而起的楼宇", "5300多栋楼宇拔地而起", "other", q="lower", subject=XA),
        r5("80%", 80, "%", "京津冀区域优良天数比率", "京津冀区域优良天数比率接近80%", "other", "share", q="approx",
           subject="京津冀区域"),
        r5("800家", 800, "家", "引进央企二、三级子公司", "引进央企二、三级子公司超800家", "enterprises", q="lower"),
        fig("0.94万家", 0.94, "万家", "国家级高新技术企业", "2020年", HB, "国家级高新技术企业从0.94万家增加到1.55万家",
            "high_tech_enterprises", **Y20),
        fig("1.55万家", 1.55, "万家", "国家级高新技术企业", "2025年", HB, "从0.94万家增加到1.55万家", "high_tech_enterprises", **Y25),
        r5("2.8万家", 2.8, "万家", "科技型中小企业", "科技型中小企业达到2.8万家", "tech_smes"),
        r5("10%", 10, "%", "全社会研发投入年均增长", "全社会研发投入年均增长超10%", "rd_spending", "growth", q="lower"),
        r5("8家", 8, "家", "落户的全国重点实验室", "8家全国重点实验室落户河北", "research_institutions"),
        r5("万亿级", 1, "万亿元", "高端装备产业规模", "高端装备成长为万亿级产业", "output_value", q="lower", opt=True),
        r5("5.1倍", 5.1, "倍", "新能源汽车产量增长", "新能源汽车产量增长5.1倍", "capacity", "multiple"),
        r5("全国第一", 1, "名", "综合算力指数排名", "综合算力指数全国第一", "other", opt=True),
        r5("13个", 13, "个", "通过国家备案的大模型", "13个大模型通过国家备案", "other"),
        r5("25.5%", 25.5, "%", "高新技术产业增加值占规上工业比重", "高新技术产业增加值占规上工业比重提高到25.5%",
           "industrial_value_added", "share"),
        r5("全国第二", 2, "名", "国家级中小企业特色产业集群数量排名", "特色产业集群数量全国第二", "other", opt=True),
        r5("231万户", 231, "万户", "经营主体净增", "经营主体净增231万户", "enterprises"),
        r5("53.1%", 53.1, "%", "进出口总值增长", "进出口总值增长53.1%", "trade", "growth"),
        r5("世界第二", 2, "名", "唐山港沿海货物吞吐量排名", "唐山港沿海货物吞吐量稳居世界第二", "other", opt=True, subject="唐山港"),
        r5("27.4%", 27.4, "%", "PM2.5平均浓度累计下降", "全省PM2.5平均浓度累计下降27.4%", "other", "growth"),
        r5("3195万亩", 3195, "万亩", "完成营造林", "完成营造林3195万亩", "area"),
        r5("21.5亿立方米", 21.5, "亿立方米", "压减地下水开采量", "压减地下水开采量21.5亿立方米", "other"),
        r5("全国第一", 1, "名", "钢铁行业国家级绿色工厂、环保绩效A级企业数量排名", "企业数量均居全国第一", "other", opt=True),
        fig("47.6%", 47.6, "%", "可再生能源占电力装机比重", "2020年", HB, "可再生能源占电力装机比重由47.6%提升至73.4%", "capacity",
            "share", **Y20),
        fig("73.4%", 73.4, "%", "可再生能源占电力装机比重", "2025年", HB, "比重由47.6%提升至73.4%", "capacity", "share", **Y25),
        r5("全国第一", 1, "名", "抽水蓄能规划建设总规模排名", "抽水蓄能规划建设总规模全国第一", "other", opt=True),
        r5("80%", 80, "%", "财政民生支出占比", "财政民生支出占比保持在80%以上", "other", "share", q="lower"),
        fig("27136元", 27136, "元", "居民人均可支配收入", "2020年", HB, "居民人均可支配收入从27136元增长到36439元", "other", **Y20),
        fig("36439元", 36439, "元", "居民人均可支配收入", "2025年", HB, "从27136元增长到36439元", "other", **Y25),
        r5("452万人", 452, "万人", "城镇新增就业", "城镇新增就业452万人", "employees"),
        # 2025
        r25("5.6%", 5.6, "%", "全省生产总值增长", "全省生产总值增长5.6%", "gdp", "growth"),
        r25("2%", 2, "%", "一般公共预算收入增长", "一般公共预算收入增长2%，规上工业增加值增长7.9%", "fiscal_revenue", "growth"),
        r25("7.9%", 7.9, "%", "规上工业增加值增长", "规上工业增加值增长7.9%", "industrial_value_added", "growth"),
        r25("6.1%", 6.1, "%", "固定资产投资增长", "固定资产投资增长6.1%", "fixed_asset_investment", "growth"),
        r25("5.6%", 5.6, "%", "社会消费品零售总额增长", "社会消费品零售总额增长5.6%", "retail_sales", "growth"),
        # 2026 预期目标
        t26("5%", 5, "%", "地区生产总值增长", "地区生产总值增长5%以上", "gdp", "growth", q="lower"),
        t26("2%", 2, "%", "一般公共预算收入增长", "一般公共预算收入增长2%左右", "fiscal_revenue", "growth", q="approx"),
        t26("5.5%", 5.5, "%", "规上工业增加值增长", "规上工业增加值增长5.5%左右", "industrial_value_added", "growth", q="approx"),
        t26("5.5%", 5.5, "%", "固定资产投资增长", "固定资产投资增长5.5%左右", "fixed_asset_investment", "growth", q="approx"),
        t26("5%", 5, "%", "社会消费品零售总额增长", "社会消费品零售总额增长5%左右", "retail_sales", "growth", q="approx"),
        t26("5%", 5, "%", "居民人均可支配收入增长", "居民人均可支配收入增长5%左右", "other", "growth", q="approx"),
        t26("2%", 2, "%", "居民消费价格涨幅", "居民消费价格涨幅2%左右", "other", "growth", q="approx"),
        t26("5.5%", 5.5, "%", "城镇调查失业率", "城镇调查失业率控制在5.5%左右", "other", "share", q="approx"),
        fig("六个", 6, "个", "重点工作方面数", "", HB, "重点做好六个方面工作", "other", opt=True),
        # 2026 plan
        t26("44个", 44, "个", "建成县域快递物流中心", "建成县域快递物流中心44个", "other"),
        t26("10个", 10, "个", "打造“数字领航”企业", "打造10个“数字领航”企业", "enterprises"),
        t26("100个", 100, "个", "打造先进级智能工厂", "100个先进级智能工厂", "other"),
        t26("100家", 100, "家", "培育省级及以上绿色工厂", "培育省级及以上绿色工厂100家", "other"),
        t26("86万人", 86, "万人", "城镇新增就业", "城镇新增就业86万人", "employees"),
        t26("500所", 500, "所", "中小学体育场地升级改造", "完成500所中小学体育场地升级改造", "other"),
        t26("1万名", 1, "万名", "乡村医生线下培训", "抓好1万名乡村医生线下培训", "other"),
        t26("400家", 400, "家", "培育标准化乡镇养老服务中心", "培育标准化乡镇养老服务中心400家", "other"),
        t26("600万亩", 600, "万亩", "完成营造林", "完成营造林600万亩", "area"),
    ],
    initiatives=[
        ini("《河北省国民经济和社会发展第十五个五年规划纲要（草案）》", "policy", HB),
        ini("《纲要（草案）》", "policy", HB, opt=True),
        ini("“十五五”规划《建议》", "policy", opt=True),
        ini("招投标“双盲”评审改革", "reform", HB),
        ini("“高效办成一件事”", "reform", HB),
        ini("“共享智造”", "program", HB),
        ini("“共享智造”赋能集群行动", "action_plan", HB),
        ini("“六链五群”建设", "program", HB),
        ini("燕赵系列实验室", "platform", HB),
        ini("提振消费专项行动", "action_plan", HB),
        ini("营商环境提升工程", "program", HB),
        ini("城乡居民增收计划", "program", HB),
        ini("健康河北行动", "action_plan", HB),
        ini("雄安未来之城场景汇", "event", XA),
        ini("京津冀协同创新专项", "program", HB),
        ini("大宗消费更新升级行动", "action_plan", HB),
        ini("消费品质提升行动", "action_plan", HB),
        ini("消费环境优化行动", "action_plan", HB),
        ini("省旅发大会", "event", HB),
        ini("重点产业链招商行动", "action_plan", HB),
        ini("廊洽会", "event", HB),
        ini("数博会", "event", HB),
        ini("新一轮重点产业链高质量发展行动", "action_plan", HB),
        ini("工业互联网创新发展工程", "program", HB),
        ini("规范涉企执法专项行动", "action_plan", HB),
        ini("冀货出海", "action_plan", HB),
        ini("服务保障进外企行动", "action_plan", HB),
        ini("开发区管理制度改革", "reform", HB),
        ini("北方（沧州）跨境电商物流基地", "platform", HB),
        ini("粮油作物大面积单产提升行动", "action_plan", HB),
        ini("新型农业经营主体提质增效行动", "action_plan", HB),
        ini("稳岗扩容提质行动", "action_plan", HB),
        ini("高质量参保行动", "action_plan", HB),
        ini("社会救助扩围增效工程", "program", HB),
        ini("大气污染防治提质增效行动", "action_plan", HB),
        ini("固体废物综合治理行动", "action_plan", HB),
        ini("可再生能源替代行动", "action_plan", HB),
        # national campaigns, brands, generic works, company/national platforms
        ini("创新驱动发展战略", "program", opt=True),
        ini("科技特派团", "program", HB, opt=True),
        ini("“人工智能+”行动", "action_plan", opt=True),
        ini("“两重”“两新”政策", "policy", opt=True),
        ini("研发费用加计扣除政策", "policy", opt=True),
        ini("“河北净菜”", "program", HB, opt=True),
        ini("“河北福嫂”", "program", HB, opt=True),
        ini("“这么近，那么美，周末到河北”", "program", HB, opt=True),
        ini("京雄科创走廊", "platform", opt=True),
        ini("系列“雄安行”活动", "event", XA, opt=True),
        ini("产业创新工程", "program", HB, opt=True),
        ini("保定国家数据标注基地", "platform", opt=True),
        ini("自贸区联动创新区", "platform", opt=True),
        ini("社保卡“一卡通”", "program", opt=True),
        ini("第四次全国农业普查", "event", opt=True),
        ini("城市更新行动", "action_plan", opt=True),
        ini("“好房子”建设", "program", opt=True),
        ini("“三北”六期", "project", opt=True),
        ini("省运会", "event", HB, opt=True),
        ini("中长期青年发展规划", "policy", opt=True),
        ini("民营经济促进条例", "policy", opt=True),
        ini("全国统一大市场建设条例", "policy", opt=True),
        ini("乌拉哈达水利枢纽", "project", opt=True),
        ini("国家区域医疗中心", "platform", opt=True),
    ],
)
