"""unseen11 gold, written by hand before the tool was run on these texts (see ../NOTES.md)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/heldout: the tools every set shares
from heldout import fig, ini, park, quote, span, writer, year

write = writer(Path(__file__).resolve().parents[1])
G = "growth"
S = "share"
PP = "change_pp"


NONE: dict = dict(ps="", pe="")

# 01 湖北 2026 province report (GitHub johncodes404/china-provincial-gov-reports-2026, 湖北 file, commit ad4c815,
# column full_text), the verbatim slice from 「刚刚过去的2025年，是“十四五”收官之年。」 (the 2025 review under its three
# —— headings) through section 二 (十五五 considerations, no numeric goals) to section 三's 2026 预期目标 and (一)'s
# 大力提振消费 paragraph, ending 「…消费更舒心。」. 一年来 → 2025; 2026 预期目标 → targets of 2026.
HB = "湖北省"
Y25 = year(2025)
Y26 = dict(**year(2026), target=True)


def r25(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2025年", HB, context, key, measure, **Y25, **kw)


def t26(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "今年", HB, context, key, measure, **Y26, **kw)


write(
    "01_hubei_province_gov_report_2026_2025_review_and_goals.txt",
    published="2026-02-05",
    precision="day",
    in_text=False,
    figures=[
        r25("七大", 7, "个", "支点建设战略", "大力推进“支点建设七大战略”实施", "other", opt=True),
        r25("三项", 3, "项", "基本任务", "保民生三项基本任务，高质量发展的底盘", "other", opt=True),
        r25("5.5%", 5.5, "%", "地区生产总值增长", "地区生产总值增长5.5%", "gdp", G),
        r25("15.5%", 15.5, "%", "高技术制造业增加值增长", "高技术制造业增加值增长15.5%", "industrial_value_added", G),
        r25("11.4%", 11.4, "%", "规上服务业营收增长", "规上服务业营收增长11.4%", "revenue", G),
        r25("6000亿元", 6000, "亿元", "数字经济核心产业增加值", "数字经济核心产业增加值超过6000亿元", "other", q="lower"),
        r25("两大", 2, "个", "核心关切", "就业和税收两大核心关切", "other", opt=True),
        r25("13.9万户", 13.9, "万户", "新增返乡创业市场经营主体", "新增返乡创业市场经营主体13.9万户", "enterprises"),
        r25("36.8万人", 36.8, "万人", "带动就地就业", "带动就地就业36.8万人", "employees"),
        r25("4000亿元", 4000, "亿元", "地方一般公共预算收入(突破)", "地方一般公共预算收入突破4000亿元", "fiscal_revenue",
            q="lower", opt=True),
        r25("4211亿元", 4211, "亿元", "地方一般公共预算收入", "突破4000亿元、达到4211亿元", "fiscal_revenue"),
        r25("3%", 3, "%", "税收收入增长", "其中税收收入增长3%", "tax", G),
        r25("30%", 30, "%", "新兴产业税收增长", "航空航天制造等新兴产业税收增长30%以上", "tax", G, q="lower"),
        r25("13个月", 13, "个月", "新建商品房销售面积连续正增长", "新建商品房销售面积连续13个月正增长", "other", opt=True),
        r25("11.08万套", 11.08, "万套", "保交房任务", "11.08万套保交房任务全面完成", "other"),
        r25("9轮", 9, "轮", "主汛期强降雨", "成功应对主汛期9轮强降雨", "other", opt=True),
        r25("10大类", 10, "大类", "民生实事项目类别", "全年10大类55项民生实事项目如期完成", "other", opt=True),
        r25("55项", 55, "项", "民生实事项目", "全年10大类55项民生实事项目如期完成", "other"),
        r25("17所", 17, "所", "新建普通高中", "新建普通高中17所", "other"),
        r25("81所", 81, "所", "设立综合高中", "设立综合高中81所", "other"),
        r25("16所", 16, "所", "公办专门学校", "公办专门学校达到16所", "other"),
        r25("2.5万户", 2.5, "万户", "特殊困难老年人家庭适老化改造", "完成特殊困难老年人家庭适老化改造2.5万户", "other"),
        r25("四个", 4, "个", "投资体制问题", "如何管”四个问题", "other", opt=True),
        r25("两批", 2, "批", "投资项目清单发布批次", "分两批面向民间资本发布投资项目清单", "other", opt=True),
        r25("3.7个百分点", 3.7, "个百分点", "民间投资增速高于全国", "民间投资增速高于全国3.7个百分点", "fixed_asset_investment",
            PP),
        r25("三项", 3, "项", "金融创新职能定位", "三项金融创新职能定位", "other", opt=True),
        r25("24只", 24, "只", "省级引导基金引导设立基金", "省级引导基金引导设立基金24只", "other"),
        r25("934亿元", 934, "亿元", "引导设立基金总规模", "总规模934亿元", "funding"),
        r25("1110亿元", 1110, "亿元", "科技型企业知识价值信用贷款", "科技型企业知识价值信用贷款1110亿元", "other"),
        r25("2.2万户", 2.2, "万户", "知识价值信用贷款惠及企业", "惠及企业2.2万户", "enterprises"),
        r25("671亿元", 671, "亿元", "中小企业商业价值信用贷款发放", "分别发放贷款671亿元、86亿元", "other"),
        r25("86亿元", 86, "亿元", "农村信用贷款与抵押贷款改革试点发放贷款", "分别发放贷款671亿元、86亿元", "other"),
        r25("9.38万亿元", 9.38, "万亿元", "全省各类贷款余额", "全省各类贷款余额达到9.38万亿元", "other"),
        r25("第1位", 1, "名", "贷款余额中部排名", "居中部第1位", "other", opt=True),
        r25("17家", 17, "家", "通过上市和并购融资企业", "17家企业通过上市和并购融资", "enterprises"),
        r25("175家", 175, "家", "发行债券企业", "175家企业发行各类债券1193只", "enterprises"),
        r25("1193只", 1193, "只", "发行各类债券", "175家企业发行各类债券1193只", "other"),
        r25("7990亿元", 7990, "亿元", "全省直接融资", "全省直接融资7990亿元", "other"),
        r25("3000亿元", 3000, "亿元", "盘活国有“三资”总额", "全年盘活国有“三资”总额3000亿元以上", "other", q="lower"),
        r25("7大", 7, "个", "要素交易服务平台", "等7大要素交易服务平台全部挂牌运营", "other", opt=True),
        r25("五措", 5, "项", "开放举措", "五措并举", "other", opt=True),
        r25("18.2%", 18.2, "%", "进出口总额增长", "进出口总额增长18.2%", "trade", G),
        r25("第3位", 3, "名", "进出口增速全国排名", "增速居全国第3位", "other", opt=True),
        r25("673家", 673, "家", "新设外商投资企业", "新设外商投资企业673家", "foreign_enterprises"),
        r25("1357家", 1357, "家", "新增有进出口实绩企业", "新增有进出口实绩企业1357家", "enterprises"),
        r25("1万家", 1, "万家", "有进出口实绩企业总数", "总数突破1万家", "enterprises", q="lower"),
        r25("16.7%", 16.7, "%", "对东盟进出口增长", "对东盟、欧盟进出口分别增长16.7%、40.2%", "trade", G),
        r25("40.2%", 40.2, "%", "对欧盟进出口增长", "对东盟、欧盟进出口分别增长16.7%、40.2%", "trade", G),
        r25("40.5%", 40.5, "%", "入境旅游人次增长", "入境旅游人次增长40.5%", "other", G),
        r25("6121亿元", 6121, "亿元", "技术合同成交额", "技术合同成交额达到6121亿元", "other"),
        r25("第3位", 3, "名", "技术合同成交金额全国排名", "金额居全国第3位", "other", opt=True),
        r25("4个", 4, "个", "一类创新药获批上市", "4个一类创新药获批上市", "other"),
        r25("4个", 4, "个", "新增过五千亿新兴产业", "研发设计等4个过五千亿", "other"),
        r25("4个", 4, "个", "新增过千亿新兴产业", "北斗应用等4个过千亿新兴产业", "other"),
        # added after first contact (gold correction, see NOTES.md): the two industry-size thresholds, optional as
        # unseen10's 百億元/1000萬元 thresholds
        r25("五千亿", 5000, "亿", "新兴产业规模门槛", "研发设计等4个过五千亿", "output_value", q="lower", opt=True),
        r25("千亿", 1000, "亿", "新兴产业规模门槛", "北斗应用等4个过千亿新兴产业", "output_value", q="lower", opt=True),
        r25("20%", 20, "%", "人形机器人、人工智能等产业营收增长", "等产业营收保持20%以上增长", "revenue", G, q="lower"),
        r25("83%", 83, "%", "重点事项办理平均减时间", "新上线重点事项办理平均减时间83%", "processing_time", G),
        r25("54%", 54, "%", "重点事项办理平均减材料", "减时间83%、减材料54%", "other", G),
        r25("四个", 4, "个", "创新生态方面", "强化创新服务”四个方面统筹发力", "other", opt=True),
        r25("144项", 144, "项", "省级科技政策系统清理", "完成144项省级科技政策系统清理", "other"),
        r25("2家", 2, "家", "中试平台跻身首批国家级制造业中试平台", "2家中试平台跻身首批国家级制造业中试平台",
            "research_institutions"),
        r25("四个", 4, "个", "营商环境方面", "法治保障环境”四个方面着重用力", "other", opt=True),
        fig("两大", 2, "个", "要点", "“十五五”时期", HB, "发挥支撑作用”两大要点", "other", opt=True, target=True,
            **span("2026-01-01", "2030-12-31")),
        fig("三大", 3, "个", "核心诉求", "“十五五”时期", HB, "维护公平竞争”三大核心诉求", "other", opt=True, target=True,
            **span("2026-01-01", "2030-12-31")),
        # 三、2026 预期目标
        t26("5.5%", 5.5, "%", "经济增长", "经济增长5.5%左右", "gdp", G, q="approx"),
        t26("5.5%", 5.5, "%", "城镇调查失业率", "城镇调查失业率5.5%左右", "other", S, q="approx"),
        t26("70万人", 70, "万人", "城镇新增就业", "城镇新增就业70万人以上", "employees", q="lower"),
        t26("2%", 2, "%", "居民消费价格涨幅", "居民消费价格涨幅2%左右", "other", G, q="approx"),
        t26("500亿斤", 500, "亿斤", "粮食产量", "粮食产量继续保持500亿斤以上", "capacity", q="lower"),
        t26("5.5%", 5.5, "%", "预期增长目标(重述)", "5.5%左右的预期增长目标", "gdp", G, q="approx", opt=True),
        t26("三项", 3, "项", "基本任务", "统筹推进稳增长、防风险、保民生三项基本任务", "other", opt=True),
        t26("三类", 3, "类", "需求", "出口三类需求", "other", opt=True),
    ],
    initiatives=[
        ini("“支点建设七大战略”", "program", HB),
        ini("“改革创新系列行动”", "action_plan", HB),
        ini("基础教育和职业教育改革行动方案", "action_plan", HB),
        ini("检查检验结果共享互认信息平台", "platform", HB),
        ini("深化投资体制改革实施意见", "policy", HB),
        ini("国有“三资”管理改革", "reform", HB),
        ini("要素市场化配置改革", "reform", HB),
        ini("“高效办成一件事”综合改革", "reform", HB),
        ini("中国-北欧经贸合作论坛", "event", HB),
        ini("华创会", "event", HB),
        ini("楚商大会", "event", HB),
        ini("《湖北省国民经济和社会发展第十五个五年规划纲要（草案）》", "policy", HB),
        ini("提振消费专项行动", "action_plan", HB),
        ini("入境消费拓展行动", "action_plan", HB),
        ini("“千集万店”改造提升", "program", HB),
        ini("城乡居民增收计划", "program", HB),
        ini("楚商回乡投资兴业", "program", opt=True),
        ini("校友回归", "program", opt=True),
        ini("知识价值信用贷款", "program", opt=True),
        ini("中小企业商业价值信用贷款", "program", opt=True),
        ini("农村信用贷款与抵押贷款改革试点", "reform", opt=True),
        ini("“创投+产投”基金群", "program", opt=True),
        ini("“301”线上快贷", "program", opt=True),
        ini("大财政体系建设", "reform", opt=True),
        ini("7大要素交易服务平台", "platform", opt=True),
        ini("投资体制改革", "reform", opt=True),
        ini("国家工业母机创新研究中心", "platform", opt=True),
        ini("鸿蒙生态创新中心", "platform", opt=True),
        ini("东湖论坛", "event", opt=True),
        ini("中非创新合作与发展论坛", "event", opt=True),
        ini("中国5G+工业互联网大会", "event", opt=True),
        ini("“万家民营企业评营商环境”活动", "event", opt=True),
        ini("教育综合改革", "reform", opt=True),
        ini("县域医共体", "program", opt=True),
        ini("“去库存、保交房、优保障以及建造产业绿色智能转型与构建房地产发展新模式”", "program", opt=True),
        ini("职工带薪错峰休假制度", "policy", opt=True),
        ini("新型收入分配改革", "reform", opt=True),
        ini("教育科技人才体制机制一体改革", "reform", opt=True),
        ini("高质量市场化改革", "reform", opt=True),
    ],
)

# 02 《湖北省开发区条例》 (2019-11-29, printed in its adoption line), its title, table of contents and articles 1–5,
# as a spam-hosted copy prints them (page furniture 「当前位置…」 kept); the excerpt ends mid-article 5. The adoption
# date, 第十三届/第十二次 and the article numbers are not figures: no figure at all.
write(
    "02_hubei_dev_zone_regulation_2019.txt",
    published="2019-11-29",
    precision="day",
    in_text=True,
    figures=[],
    initiatives=[
        ini("湖北省开发区条例", "policy"),
        ini("开发区工作目标责任制", "reform", opt=True),
        ini("开发区工作领导小组", "other", opt=True),
        ini("议事协调机制", "reform", opt=True),
    ],
)

# 03 a yearbook table (常州 统计局 zip, table 4-8 主要年份社会经济主要指标), space-aligned, years 1990 1995 2000 2005
# 2008 in the column header, units in the row labels ((万人), (亿元), (亿美元)); child rows (#非农业人口, 第一产业, …)
# take their parent's unit. The city is named nowhere in the text (subject ""). Rows with four values lack 1990:
# they belong to 1995–2008. The unlabelled "#" row (工业, its label lost) and the project count whose unit was lost
# ("()") are optional. Cut after the 吸收外资 block (the page goes on with 产业).
YEARS = (1990, 1995, 2000, 2005, 2008)


def row(label_ctx, metric, unit, key, values, opt=False, years=YEARS):
    out = []
    for y, v in zip(years, values.split(), strict=True):
        out.append(fig(v, float(v) if "." in v else int(v), unit, metric, f"{y}", "", label_ctx, key, opt=opt,
                       **year(y)))
    return out


def ctx(label, values):
    return label + "".join(values.split())


R03 = [
    ("年末总人口(万人)", "年末总人口", "万人", "population", "324.85 333.65 341.48 351.63 358.74", False, YEARS),
    ("#非农业人口", "非农业人口", "万人", "population", "81.40 120.48 147.81 160.56 177.73", False, YEARS),
    ("从业人员(万人)", "从业人员", "万人", "employees", "186.06 188.78 179.36 241.46 290.77", False, YEARS),
    ("职工人数(万人)", "职工人数", "万人", "employees", "56.17 54.42 45.32 37.43 37.04", False, YEARS),
    ("地区生产总值(亿元)", "地区生产总值", "亿元", "gdp", "94.87 369.70 600.66 1303.36 2202.23", False, YEARS),
    ("第一产业", "第一产业增加值", "亿元", "other", "17.68 39.82 45.14 56.56 68.32", False, YEARS),
    ("第二产业", "第二产业增加值", "亿元", "other", "57.96 220.64 336.68 796.12 1297.51", False, YEARS),
    ("#", "工业增加值(标签缺失)", "亿元", "industrial_value_added", "54.06 202.86 301.99 717.23 1191.03", True, YEARS),
    ("第三产业", "第三产业增加值", "亿元", "other", "19.23 109.24 218.83 450.68 836.40", False, YEARS),
    ("全社会固定资产投资完成额(亿元)", "全社会固定资产投资完成额", "亿元", "fixed_asset_investment",
     "22.71 115.06 163.43 769.80 1448.17", False, YEARS),
    ("城镇投资", "城镇投资", "亿元", "fixed_asset_investment", "47.80 103.76 534.70 995.10", False, YEARS[1:]),
    ("#房地产开发", "房地产开发投资", "亿元", "fixed_asset_investment", "18.47 29.98 114.27 308.92", False, YEARS[1:]),
    ("农村投资", "农村投资", "亿元", "fixed_asset_investment", "39.61 34.23 235.10 453.07", False, YEARS[1:]),
    ("财政总收入(亿元)", "财政总收入", "亿元", "fiscal_revenue", "13.10 28.50 60.23 220.45 542.68", False, YEARS),
    ("#地方财政收入", "地方财政收入", "亿元", "fiscal_revenue", "13.49 32.92 138.26 384.89", False, YEARS[1:]),
    ("地方财政支出(亿元)", "地方财政支出", "亿元", "other", "5.11 13.33 32.50 140.28 384.41", False, YEARS),
    ("协议外商直接投资项目()", "协议外商直接投资项目", "", "projects", "40 292 167 509 245", True, YEARS),
    ("协议外商直接投资(亿美元)", "协议外商直接投资", "亿美元", "fdi_contracted", "0.18 8.87 10.03 28.51 34.10", False, YEARS),
    ("实际外商直接投资(亿美元)", "实际外商直接投资", "亿美元", "fdi_actual", "0.07 3.29 7.00 7.31 20.40", False, YEARS),
]
F03 = []
for label, metric, unit, key, values, opt, years in R03:
    F03 += row(ctx(label, values), metric, unit, key, values, opt, years)
write(
    "03_changzhou_main_indicators_1990_2008_table_jiangsu.txt",
    published="2013-07-03",
    precision="day",
    in_text=False,
    figures=F03,
)

# 04 松原 2024 统计公报 (吉林), its preface and 一、综合, the start of 二、农业; cut mid-word (玉米播). The year comes from
# the preface's first words (2024年是…) and 全年/年末; no title line and no date. The footnote mark [2] is glued to the
# GDP figure. Declines keep 下降 in the metric and a positive value (as unseen9/10); the printed -3.93‰ keeps its sign.
SY = "松原市"
Y24 = year(2024)


def sy(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2024年", SY, context, key, measure, **Y24, **kw)


write(
    "04_songyuan_city_bulletin_2024_jilin.txt",
    figures=[
        sy("1002.18亿元", 1002.18, "亿元", "地区生产总值", "地区生产总值[2]1002.18亿元", "gdp"),
        sy("3.8%", 3.8, "%", "地区生产总值比上年增长", "按可比价格计算,比上年增长3.8%", "gdp", G),
        sy("241.09亿元", 241.09, "亿元", "第一产业增加值", "第一产业增加值241.09亿元", "other"),
        sy("3.8%", 3.8, "%", "第一产业增加值增长", "241.09亿元,比上年增长3.8%", "other", G),
        sy("237.72亿元", 237.72, "亿元", "第二产业增加值", "第二产业增加值237.72亿元", "other"),
        sy("0.5%", 0.5, "%", "第二产业增加值增长", "237.72亿元,增长0.5%", "other", G),
        sy("523.37亿元", 523.37, "亿元", "第三产业增加值", "第三产业增加值523.37亿元", "other"),
        sy("4.9%", 4.9, "%", "第三产业增加值增长", "523.37亿元,增长4.9%", "other", G),
        sy("24.1%", 24.1, "%", "第一产业增加值占地区生产总值比重", "占地区生产总值的比重为24.1%", "other", S),
        sy("23.7%", 23.7, "%", "第二产业增加值比重", "第二产业增加值比重为23.7%", "other", S),
        sy("52.2%", 52.2, "%", "第三产业增加值比重", "第三产业增加值比重为52.2%", "other", S),
        sy("47544元", 47544, "元", "人均地区生产总值", "全市人均地区生产总值47544元", "other"),
        sy("209.00万人", 209.00, "万人", "年末常住人口", "年末全市常住人口为209.00万人", "population"),
        sy("105.93万人", 105.93, "万人", "城镇常住人口", "城镇常住人口105.93万人", "population"),
        sy("50.68%", 50.68, "%", "常住人口城镇化率", "(常住人口城镇化率)为50.68%", "population", S),
        sy("1.99个百分点", 1.99, "个百分点", "常住人口城镇化率提高", "比上年提高1.99个百分点", "population", PP),
        sy("1.15万人", 1.15, "万人", "出生人口", "全年出生人口1.15万人", "other"),
        sy("5.46‰", 5.46, "‰", "出生率", "出生率为5.46‰", "other", S),  # corrected: a per-mille rate, not a level
        sy("1.98万人", 1.98, "万人", "死亡人口", "死亡人口1.98万人", "other"),
        sy("9.39‰", 9.39, "‰", "死亡率", "死亡率为9.39‰", "other", S),  # corrected: as 出生率
        sy("-3.93‰", -3.93, "‰", "自然增长率", "自然增长率为-3.93‰", "population", G),  # corrected: the population's growth rate
        sy("98.5", 98.5, "", "人口性别比(以女性为100)", "人口性别比为98.5(以女性为100)", "other"),
        sy("0.7%", 0.7, "%", "居民消费价格比上年下降", "居民消费价格比上年下降0.7%", "other", G),
        sy("八大类", 8, "类", "CPI构成商品和服务", "构成CPI的八大类商品和服务", "other", opt=True),
        sy("0.9%", 0.9, "%", "生活用品和服务价格上涨", "价格分别上涨0.9%、1.0%、0.6%、4.6%", "other", G),
        sy("1.0%", 1.0, "%", "医疗保健价格上涨", "价格分别上涨0.9%、1.0%、0.6%、4.6%", "other", G),
        sy("0.6%", 0.6, "%", "教育文化和娱乐价格上涨", "价格分别上涨0.9%、1.0%、0.6%、4.6%", "other", G),
        sy("4.6%", 4.6, "%", "其他用品和服务价格上涨", "价格分别上涨0.9%、1.0%、0.6%、4.6%", "other", G),
        sy("3.8%", 3.8, "%", "交通通信价格下降", "衣着价格分别下降3.8%、1.8%、0.5%", "other", G),
        sy("1.8%", 1.8, "%", "食品烟酒价格下降", "衣着价格分别下降3.8%、1.8%、0.5%", "other", G),
        sy("0.5%", 0.5, "%", "衣着价格下降", "衣着价格分别下降3.8%、1.8%、0.5%", "other", G),
        sy("249.83亿元", 249.83, "亿元", "农林牧渔业增加值", "农林牧渔业增加值249.83亿元", "other"),
        sy("3.8%", 3.8, "%", "农林牧渔业增加值增长", "249.83亿元,比上年增长3.8%", "other", G),
        sy("481.02亿元", 481.02, "亿元", "农林牧渔业总产值", "农林牧渔业总产值481.02亿元", "output_value"),
        sy("3.9%", 3.9, "%", "农林牧渔业总产值增长", "481.02亿元,比上年增长3.9%", "output_value", G),
        sy("104.25万公顷", 104.25, "万公顷", "粮食作物播种面积", "粮食作物播种面积104.25万公顷", "area"),
        sy("0.78万公顷", 0.78, "万公顷", "粮食作物播种面积增加", "比上年增加0.78万公顷", "area"),
        sy("0.8%", 0.8, "%", "粮食作物播种面积增长", "增加0.78万公顷,增长0.8%", "area", G),
    ],
    initiatives=[ini("“1145”发展战略", "program", SY, opt=True)],
)

# 05 拉萨经开区 (西藏), 新华社 via 人民政协网, dated 2018-06-12 in the page, dateline 6月10日. 到目前/目前 → stocks at the
# dateline (2018-06-10); 2017年 → 2017. The photo id (1122875215_…) and 成立于2001年 are not figures.
LS = "拉萨经济技术开发区"
NOW05 = dict(ps="", pe="2018-06-10")


def ls17(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2017年", LS, context, key, measure, **year(2017), **kw)


write(
    "05_lhasa_etdz_2017_tibet.txt",
    published="2018-06-12",
    precision="day",
    in_text=True,
    parks=[park(LS, aliases=["国家级拉萨经济技术开发区"], park_id="etdz-lasa")],
    figures=[
        fig("116家", 116, "家", "园区落地实体生产型企业", "到目前", LS, "园区落地实体生产型企业116家", "enterprises", **NOW05),
        fig("13家", 13, "家", "上市企业", "到目前", LS, "上市企业13家", "listed_companies", **NOW05),
        fig("12家", 12, "家", "国内行业龙头企业", "到目前", LS, "国内行业龙头企业12家", "enterprises", **NOW05),
        fig("49.4%", 49.4, "%", "企业数量增长率", "到目前", LS, "企业数量增长率为49.4%", "enterprises", G, **NOW05),
        ls17("71.6亿元", 71.6, "亿元", "地区生产总值", "2017年园区实现地区生产总值71.6亿元", "gdp"),
        ls17("10.3%", 10.3, "%", "地区生产总值同比增长", "71.6亿元,同比增长10.3%", "gdp", G),
        ls17("29亿元", 29, "亿元", "财政收入", "财政收入29亿元", "fiscal_revenue"),
        ls17("26%", 26, "%", "财政收入同比增长", "29亿元,同比增长26%", "fiscal_revenue", G),
        ls17("42.4亿元", 42.4, "亿元", "招商引资到位资金", "招商引资到位资金42.4亿元", "investment_attracted"),
        ls17("84%", 84, "%", "招商引资到位资金同比增长", "42.4亿元,同比增长84%", "investment_attracted", G),
        fig("40余种", 40, "种", "本土知名品牌", "目前", LS, "等40余种高附加值", "other", q="lower", **NOW05),
    ],
)

# 06 长春高新区 (吉林), 香港商报 2014-03-18: the 2014 work meeting. 2013年 → 2013; 五年来 → 2009–2013; ranks optional;
# the 二三产业比 ratios optional (2008 and 2013); 目前 → 2014-03-18. 南区/北区/长德新区 are sub-areas (optional parks).
CC = "长春高新区"
FIVE = span("2009-01-01", "2013-12-31")


def cc13(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2013年", CC, context, key, measure, **year(2013), **kw)


def cc5(value_text, value, unit, metric, context, key, **kw):
    return fig(value_text, value, unit, metric, "五年来", CC, context, key, **FIVE, **kw)


R0813 = "全区二三产业比由2008年的87.5:12.5调整到77.1:22.9"
write(
    "06_changchun_htz_2013_jilin.txt",
    published="2014-03-18",
    precision="day",
    in_text=True,
    parks=[
        park(CC, aliases=["长春高新技术产业开发区"], park_id="htz-changchun"),
        park("长德新区", opt=True),
    ],
    figures=[
        fig("全国第四", 4, "名", "可持续发展能力排名(标题)", "", CC, "可持续发展能力升至全国第四", "other", opt=True, **NONE),
        fig("第20位", 20, "名", "综合排名", "2008年", CC, "由2008年的第20位上升到第16位", "other", opt=True, **year(2008)),
        fig("第16位", 16, "名", "综合排名", "", CC, "由2008年的第20位上升到第16位", "other", opt=True, **NONE),
        fig("24位", 24, "名", "可持续发展能力排名(原)", "", CC, "可持续发展能力由24位上升到第4位", "other", opt=True, **NONE),
        fig("第4位", 4, "名", "可持续发展能力排名", "", CC, "可持续发展能力由24位上升到第4位", "other", opt=True, **NONE),
        cc13("4251亿元", 4251, "亿元", "营业总收入", "长春高新区营业总收入实现4251亿元", "revenue"),
        cc13("17.4%", 17.4, "%", "营业总收入同比增长", "4251亿元,同比增长17.4%", "revenue", G),
        cc13("928亿元", 928, "亿元", "地区生产总值", "地区生产总值实现928亿元", "gdp"),
        cc13("15.9%", 15.9, "%", "地区生产总值同比增长", "928亿元,同比增长15.9%", "gdp", G),
        cc13("3966亿元", 3966, "亿元", "工业总产值", "工业总产值实现3966亿元", "industrial_output"),
        cc13("16.6%", 16.6, "%", "工业总产值同比增长", "3966亿元,同比增长16.6%", "industrial_output", G),
        cc13("500亿元", 500, "亿元", "固定资产投资", "固定资产投资完成500亿元", "fixed_asset_investment"),
        cc13("21.7%", 21.7, "%", "固定资产投资同比增长", "500亿元,同比增长21.7%", "fixed_asset_investment", G),
        cc5("215个", 215, "个", "累计引进落位产业化项目", "五年来累计引进落位产业化项目215个", "projects"),
        cc5("22个", 22, "个", "世界500强企业投资项目", "世界500强企业投资项目22个", "projects"),
        cc5("24个", 24, "个", "央企合作项目", "央企合作项目24个", "projects"),
        cc5("19个", 19, "个", "外商投资项目", "外商投资项目19个", "projects"),
        fig("87.5", 87.5, "%", "二产比(二三产业比)", "2008年", CC, R0813, "other", S, opt=True, **year(2008)),
        fig("12.5", 12.5, "%", "三产比(二三产业比)", "2008年", CC, R0813, "other", S, opt=True, **year(2008)),
        cc13("77.1", 77.1, "%", "二产比(二三产业比)", R0813, "other", S, opt=True),
        cc13("22.9", 22.9, "%", "三产比(二三产业比)", R0813, "other", S, opt=True),
        cc5("10.4个百分点", 10.4, "个百分点", "第三产业增加值(占比)提高", "第三产业增加值提高10.4个百分点", "other", measure=PP),
        fig("两大", 2, "个", "南区重点培育产业集群", "2014年", CC, "高端服务业两大产业集群", "other", opt=True, target=True,
            **year(2014)),
        fig("三大", 3, "个", "北区重点培育产业集群", "2014年", CC, "新材料新能源三大产业集群", "other", opt=True, target=True,
            **year(2014)),
        fig("30个", 30, "个", "国家级园区和基地", "目前", CC, "全区国家级园区和基地累计达30个", "parks",
            **dict(ps="", pe="2014-03-18")),
    ],
    initiatives=[
        ini("吉林省战略性新兴产业集聚区(试点)建设", "program", CC),
        ini("国家级创新型科技园区", "program", CC, opt=True),
        ini("国家知识产权示范园区", "program", CC, opt=True),
        ini("国家专利导航实验区", "program", CC, opt=True),
        ini("“国家高新区评价指标体系”", "other", opt=True),
        ini("长春高新技术产业开发区2014年工作会议", "event", CC, opt=True),
    ],
)

# 07 湖北自贸区's two years (湖北日报 via a repost, traditional with pinyin glyph noise 區(qū), 日?qǐng)?bào)). The URL dates it
# 2019-04-05; the text has only 4月4日 and 今年2月. 截至今年2月 → cumulative to 2019-02-28 (the whole paragraph of
# 据介绍 figures, the same 成績單); restated shares (the second 30.2% and 23.5%) optional; 兩周年 optional.
FZ = "湖北自貿(mào)區(qū)"
UPTO = dict(ps="", pe="2019-02-28")


def fz(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "截至今年2月", FZ, context, key, measure, **UPTO, **kw)


write(
    "07_hubei_ftz_three_areas_2019_trad.txt",
    published="2019-04-05",
    precision="day",
    in_text=False,
    parks=[
        park(FZ, park_id="ftz-hubei"),
        park("武漢片區(qū)", park_id="ftza-hubei-wuhan"),
        park("襄陽(yáng)片區(qū)", park_id="ftza-hubei-xiangyang"),
        park("宜昌片區(qū)", park_id="ftza-hubei-yichang"),
        park("光谷", opt=True, park_id="htz-wuhan-donghu"),
        park("光谷生物城", opt=True),
    ],
    figures=[
        fig("兩周年", 2, "周年", "掛牌周年", "", FZ, "掛牌兩周年新聞發(fā)布會(huì)", "other", opt=True, **NONE),
        fz("25622家", 25622, "家", "累計新設企業", "新設(shè)企業(yè)25622家", "enterprises"),
        fz("37家", 37, "家", "平均每天新增市場主體", "平均每天新增市場(chǎng)主體37家", "enterprises"),
        fz("0.065%", 0.065, "%", "占全省國土比重", "在全省0.065%的國(guó)土上", "area", S),
        fz("23.5%", 23.5, "%", "占全省專利比重", "涌現(xiàn)出全省23.5%的專利", "patents", S),
        fz("30.2%", 30.2, "%", "占全省外貿總值比重", "創(chuàng)造出全省30.2%的外貿(mào)總值", "trade", S),
        fz("185家", 185, "家", "新設外商投資企業", "中外商投資企業(yè)185家", "foreign_enterprises"),
        fz("38.3億美元", 38.3, "億美元", "合同外資額", "合同外資額38.3億美元", "fdi_contracted"),
        fz("29.6億美元", 29.6, "億美元", "實際使用外資", "使用外資29.6億美元", "fdi_actual"),
        fz("13.5%", 13.5, "%", "實際使用外資占全省比重", "29.6億美元,占全省的13.5%", "fdi_actual", S),
        fz("2000億元", 2000, "億元", "進出口總值", "完成進(jìn)出口總值約2000億元", "trade", q="approx"),
        fz("30.2%", 30.2, "%", "進出口總值占全省比重(重述)", "約2000億元,占全省的30.2%", "trade", S, opt=True),
        fz("23.5%", 23.5, "%", "專利授權量占全省比重(重述)", "授權(quán)量則占全省的23.5%", "patents", S, opt=True),
        fig("第三", 3, "名", "光谷生物城綜合實力全國排名", "", "光谷生物城", "穩(wěn)居全國(guó)第三", "other", opt=True, **NONE),
    ],
    initiatives=[
        ini("湖北自貿(mào)區(qū)掛牌兩周年新聞發(fā)布會(huì)", "event", FZ),
        ini("中國(guó)新能源汽車之都", "program", opt=True),
    ],
)

# 08 珲春边境经济合作区 (吉林), a 专题报道 in an online book (cread.tw), traditional with glyph noise (麵積 for 面积, 公裏
# for 公里, 體係); no date anywhere. 2013年 → 2013; 目前/現有 and the planning area → no period. The 出口加工區 and the
# 中俄互市貿易區 lie inside the 合作區 (三區於一體).
HC = "琿春邊境經濟合作區"


def hc13(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2013年", HC, context, key, measure, **year(2013), **kw)


def hcn(value_text, value, unit, metric, context, key, **kw):
    return fig(value_text, value, unit, metric, "目前", HC, context, key, **NONE, **kw)


write(
    "08_hunchun_border_zone_2013_jilin_trad.txt",
    parks=[
        park(HC, park_id="bec-g225004"),
        park("琿春出口加工區", park_id="csz-g223021"),
        park("琿春中俄互市貿易區"),
    ],
    figures=[
        hcn("21.77平方公裏", 21.77, "平方公裏", "規劃麵積", "規劃麵積21.77平方公裏", "area"),
        hcn("三區", 3, "個", "三區於一體", "集“三區”於一體", "other", opt=True),
        hc13("74億元", 74, "億元", "地區生產總值", "實現地區生產總值74億元", "gdp"),
        hc13("18%", 18, "%", "地區生產總值同比增長", "74億元,同比增長18%", "gdp", G),
        hc13("2.5億元", 2.5, "億元", "財政收入", "財政收入2.5億元", "fiscal_revenue"),
        hc13("170億元", 170, "億元", "工業生產總值", "工業生產總值170億元", "industrial_output"),
        hc13("26.9%", 26.9, "%", "工業生產總值同比增長", "170億元,同比增長26.9%", "industrial_output", G),
        hc13("49.5億元", 49.5, "億元", "固定資產投資", "固定資產投資49.5億元", "fixed_asset_investment"),
        hc13("8.9%", 8.9, "%", "固定資產投資同比增長", "49.5億元,同比增長8.9%", "fixed_asset_investment", G),
        hc13("9.9億美元", 9.9, "億美元", "進出口總額", "進出口總額9.9億美元", "trade"),
        hc13("20.7%", 20.7, "%", "進出口總額同比增長", "9.9億美元,同比增長20.7%", "trade", G),
        hcn("7平方公裏", 7, "平方公裏", "建成區麵積", "建成區麵積達到7平方公裏", "area"),
        hcn("15.77平方公裏", 15.77, "平方公裏", "道路圍合麵積", "道路圍合麵積達到15.77平方公裏", "area"),
        hcn("259戶", 259, "戶", "區內現有企業", "區內現有企業259戶", "enterprises"),
        hcn("8個", 8, "個", "外資來源國家和地區", "香港等8個國家和地區", "other"),
        hcn("39戶", 39, "戶", "外資企業", "的39戶外資企業", "foreign_enterprises"),
    ],
    initiatives=[
        ini("“工業立區、項目強區、環境興區、商貿富區”的發展戰略", "program", HC, opt=True),
    ],
)

# 09 襄阳高新区 and 宜昌高新区 (湖北), two captioned profiles from 荆楚网's 宜昌 channel (URL month 2017-06; no date in the
# text, meta published left empty). 建区之初 → 1992 (the zone's approval year printed just above); 现在 and the
# 宜昌 profile → no period. 一区三园 and 五大 optional.
XY = "襄阳高新区"
YC = "宜昌高新区"
Y92 = year(1992)


def xy(value_text, value, unit, metric, context, key, per=NONE, **kw):
    return fig(value_text, value, unit, metric, "建区之初" if per is Y92 else "现在", XY, context, key, **per, **kw)


write(
    "09_xiangyang_yichang_htz_2017_hubei.txt",
    parks=[
        park(XY, park_id="htz-xiangyang"),
        park(YC, aliases=["宜昌国家高新技术产业开发区"], park_id="htz-yichang"),
        park("襄阳保税物流中心", opt=True),
    ],
    figures=[
        xy("二十余年", 20, "年", "建设发展年数", "经过二十余年的建设发展", "other", q="lower", opt=True),
        xy("7.5平方公里", 7.5, "平方公里", "辖区面积(建区之初)", "由建区之初的7.5平方公里", "area", per=Y92),
        xy("200平方公里", 200, "平方公里", "辖区面积", "扩大到现在的200平方公里", "area"),
        xy("17家", 17, "家", "各类注册企业(建区之初)", "各类注册企业由17家发展到9111家", "enterprises", per=Y92),
        xy("9111家", 9111, "家", "各类注册企业", "各类注册企业由17家发展到9111家", "enterprises"),
        xy("3.7亿元", 3.7, "亿元", "营业总收入(建区之初)", "营业总收入由3.7亿元增长到2750亿元", "revenue", per=Y92),
        xy("2750亿元", 2750, "亿元", "营业总收入", "营业总收入由3.7亿元增长到2750亿元", "revenue"),
        xy("1.35亿元", 1.35, "亿元", "GDP(建区之初)", "GDP由1.35亿元增长到875亿元", "gdp", per=Y92),
        xy("875亿元", 875, "亿元", "GDP", "GDP由1.35亿元增长到875亿元", "gdp"),
        xy("20多个", 20, "个", "进区投资企业来源国家和地区", "来自20多个国家和地区的企业进区投资", "other", q="lower"),
        xy("三园", 3, "个", "一区三园", "已形成“一区三园”空间布局", "other", opt=True),
        fig("360平方公里", 360, "平方公里", "总面积", "", YC, "宜昌高新区总面积360平方公里", "area", **NONE),
        fig("7个", 7, "个", "国家级招牌", "", YC, "等7个国家级招牌", "other", **NONE),
        fig("五大", 5, "个", "工业主导产业", "", YC, "精细化工等五大工业主导产业", "other", opt=True, **NONE),
    ],
    initiatives=[
        ini("国家新型工业化示范基地", "program", YC, opt=True),
        ini("国家创新型特色园区", "program", YC, opt=True),
    ],
)

# 10 宜昌自贸片区 and 宜昌综保区 (湖北), an undated news page (the text's 今年以来…宜昌综合保税区…获批 and 疫情 place it in
# 2020, but nothing in the text or URL dates it: meta and gold published empty). Cumulative counts since 挂牌
# (2017年4月) → no start/end date; the 欧阳修 line is a quoted saying (optional quote); 蔡璐 speaks indirectly (no
# quote marks) → no quote. Ranks (5个全球第一…) optional.
YF = "宜昌自贸片区"
write(
    "10_yichang_ftz_area_2020_hubei.txt",
    parks=[
        park(YF, aliases=["宜昌片区"], park_id="ftza-hubei-yichang"),
        park("宜昌综合保税区", aliases=["宜昌综保区"], park_id="cbz-hubei-yichang"),
        park("宜昌跨境电商综试区", opt=True),
        park("片区跨境电商产业园", opt=True),
    ],
    figures=[
        fig("237项", 237, "项", "累计形成制度创新成果", "挂牌以来", YF, "累计形成制度创新成果237项", "other", **NONE),
        fig("8项", 8, "项", "全国范围复制推广成果", "挂牌以来", YF, "其中8项成果在全国范围内复制推广", "other", **NONE),
        fig("34项", 34, "项", "全省范围复制推广成果", "挂牌以来", YF, "34项在全省范围内复制推广", "other", **NONE),
        fig("8000余家", 8000, "家", "新增企业", "挂牌以来", YF, "新增企业8000余家", "enterprises", q="lower", **NONE),
        fig("0.13%", 0.13, "%", "占全市国土面积", "挂牌以来", YF, "以全市0.13%的国土面积", "area", S, **NONE),
        fig("21%", 21, "%", "占全市新增企业比重", "挂牌以来", YF, "吸引了全市近21%的新增企业", "enterprises", S, q="approx",
            **NONE),
        fig("50万吨", 50, "万吨", "年产", "去年", "百事系列饮料项目", "年产50万吨的百事系列饮料项目", "capacity", **NONE),
        fig("5个", 5, "个", "全球第一细分领域冠军企业", "目前", YF, "形成了5个全球第一", "other", opt=True, **NONE),
        fig("4个", 4, "个", "亚洲第一细分领域冠军企业", "目前", YF, "4个亚洲第一", "other", opt=True, **NONE),
        fig("3个", 3, "个", "全国第一细分领域冠军企业", "目前", YF, "3个全国第一的行业细分领域冠军企业", "other", opt=True,
            **NONE),
        fig("半年多", 0.5, "年", "跨境电商产业园开园时长", "", "片区跨境电商产业园", "仅仅短短半年多的时间", "other", q="lower",
            opt=True, **NONE),
        fig("50多家", 50, "家", "跨境电商产业园引进企业", "", "片区跨境电商产业园", "就引进了50多家企业", "enterprises",
            q="lower", **NONE),
    ],
    quotes=[quote("欧阳修", "水至此而夷,山至此而陵", opt=True)],
    initiatives=[
        ini("宜昌跨境电商综试区", "platform", opt=True),
        # added after first contact (gold correction, see NOTES.md): a company project, optional as GUIDE says
        ini("百事系列饮料项目", "project", opt=True),
        ini("“大胆试、大胆闯、自主改”", "other", YF, opt=True),
    ],
)
