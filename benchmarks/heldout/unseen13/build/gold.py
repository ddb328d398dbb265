"""unseen13 gold, written by hand before the tool was run on these texts (see ../NOTES.md).

A product's 产量 is keyed capacity (the shared gold's convention, docs/labels.md), corrected after the blind score."""

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
PCT = "%"  # the texts print ％ (full-width) in 01; the unit is written % as the shared gold's normalization does

# 01 陕西 2026 province report (GitHub johncodes404/china-provincial-gov-reports-2026, 陕西 file, column full_text):
# two verbatim slices joined by one line break — the page's opening (title, date line, breadcrumbs, 时间/来源, photo
# caption) through the 2025 review's lead paragraph and 「一年来，主要做了6个方面工作：」; then from 「（五）扩大内外开放」
# to the end of the 2026 预期目标 (（五）, （六）, the 五年来 review, 二、十五五 goals, 三、2026 opening and goals).
# 2025 review → 2025; 五年来: rates and flows of the five years → 2021–2025, levels reached (跨过/突破/达到/增至, stocks)
# → 2025, the start of a 从…增加到… pair → 2020; 十五五 goals → targets 2026–2030 (到2030年 → 2030); 2026 → targets 2026.
SX = "陕西省"
Y25 = year(2025)
Y20 = year(2020)
FYP14 = span("2021-01-01", "2025-12-31")
FYP15 = dict(**span("2026-01-01", "2030-12-31"), target=True)
Y26 = dict(**year(2026), target=True)
Y30 = dict(**year(2030), target=True)


def r25(value_text, value, unit, metric, context, key, measure="level", subject=SX, **kw):
    return fig(value_text, value, unit, metric, "2025年", subject, context, key, measure, **Y25, **kw)


def r5(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "五年来", SX, context, key, measure, **FYP14, **kw)


def l5(value_text, value, unit, metric, context, key, measure="level", subject=SX, **kw):
    """A level reached at the end of the 五年来 review: 2025."""
    return fig(value_text, value, unit, metric, "五年来", subject, context, key, measure, **Y25, **kw)


def t15(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "“十五五”时期", SX, context, key, measure, **FYP15, **kw)


def t26(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "今年", SX, context, key, measure, **Y26, **kw)


TRAIN = "中欧班列（西安）"
AIR = "西安咸阳国际机场"
INV = "实际使用内外资分别增长10％、6.4％"
NEW3 = "“新三样”、集成电路出口增长30.4％、30.1％"
CA = "对中亚五国、东盟进出口分别增长37.2％、19％"
SAFE = "死亡人数分别下降9.4％、7.2％"
CASES = "刑事、治安案件分别下降15.9％、13.3％"
SOE = "省属企业营收和利润分别居全国第5、第6位"
TECH = "高新技术企业数量分别增长3.2倍、2.5倍"
SEI = "战略性新兴产业和高技术制造业增加值年均增长8％、7.2％"
FRUIT = "苹果、猕猴桃产量稳定在全国1/4、1/3"
COAL = "2个千亿级、11个百亿级投资规模的现代煤化工项目"
INC5 = "城乡居民人均收入年均增长5.3％、7.7％"
MED = "执业（助理）医师数增至7.83张、3.57个"
write(
    "01_shaanxi_province_gov_report_2026_review_and_goals.txt",
    published="2026-02-02",
    precision="day",
    in_text=True,  # 时间：2026-02-02 09:20 is part of the slice
    figures=[
        # 2025 review, lead paragraph
        r25("5.1％", 5.1, PCT, "地区生产总值增长", "地区生产总值增长5.1％", "gdp", G),
        r25("44.1万人", 44.1, "万人", "城镇新增就业", "城镇新增就业44.1万人", "employees"),
        r25("5.6％", 5.6, PCT, "居民人均可支配收入增长", "居民人均可支配收入增长5.6％", "other", G),
        r25("1347万吨", 1347, "万吨", "粮食产量", "粮食产量1347万吨", "capacity"),
        r25("6个", 6, "个", "主要工作方面", "主要做了6个方面工作", "other", opt=True),
        # （五）
        r25("22个", 22, "个", "通报营商环境反面案例", "通报营商环境反面案例22个", "other"),
        r25("39项", 39, "项", "上线运行“高效办成一件事”", "上线运行“高效办成一件事”39项", "services"),
        r25("162个", 162, "个", "开发区和工业园区(整合前)", "开发区和工业园区由162个整合为123个", "parks"),
        r25("123个", 123, "个", "开发区和工业园区(整合后)", "开发区和工业园区由162个整合为123个", "parks"),
        r25("2.4万亩", 2.4, "万亩", "供应工业“标准地”", "供应工业“标准地”2.4万亩", "area"),
        r25("第5", 5, "名", "省属企业营收全国排名", SOE, "revenue", opt=True),
        r25("第6位", 6, "名", "省属企业利润全国排名", SOE, "profit", opt=True),
        r25("20个", 20, "个", "央陕合作项目落地", "等20个央陕合作项目落地", "projects"),
        r25("1370多亿元", 1370, "亿元", "央陕合作项目总投资", "总投资1370多亿元", "project_investment", q="lower"),
        r25("6037列", 6037, "列", "中欧班列开行", "中欧班列（西安）开行6037列", "other", subject=TRAIN),
        r25("21.1％", 21.1, PCT, "中欧班列开行增长", "开行6037列、增长21.1％", "other", G, subject=TRAIN),
        r25("415.4亿元", 415.4, "亿元", "带动陕西进出口", "带动陕西进出口415.4亿元", "trade"),
        r25("11.7％", 11.7, PCT, "带动陕西进出口增长", "415.4亿元、增长11.7％", "trade", G),
        r25("4850万人次", 4850, "万人次", "旅客", "西安咸阳国际机场旅客超4850万人次", "other", q="lower", subject=AIR),
        r25("111％", 111, PCT, "国际货邮吞吐量增长", "国际货邮吞吐量增长111％", "other", G, subject=AIR),
        r25("428家", 428, "家", "新设外资企业", "新设外资企业428家", "foreign_enterprises"),
        r25("10％", 10, PCT, "实际使用内资增长", INV, "investment_attracted", G),
        r25("6.4％", 6.4, PCT, "实际使用外资增长", INV, "fdi_actual", G),
        r25("30.4％", 30.4, PCT, "“新三样”出口增长", NEW3, "exports", G),
        r25("30.1％", 30.1, PCT, "集成电路出口增长", NEW3, "exports", G),
        r25("86％", 86, PCT, "机电产品出口占比", "机电产品出口占比86％", "exports", S),
        r25("37.2％", 37.2, PCT, "对中亚五国进出口增长", CA, "trade", G),
        r25("19％", 19, PCT, "对东盟进出口增长", CA, "trade", G),
        r25("5379亿元", 5379, "亿元", "全省进出口总值", "达到5379亿元、增长18.5％", "trade"),
        r25("18.5％", 18.5, PCT, "全省进出口总值增长", "达到5379亿元、增长18.5％", "trade", G),
        # （六）
        r25("170家", 170, "家", "融资平台有序退出", "170家融资平台有序退出", "enterprises"),
        r25("612个", 612, "个", "房地产项目纳入“白名单”", "612个房地产项目纳入“白名单”", "projects"),
        r25("625个", 625, "个", "完成“保交房”项目", "完成“保交房”项目625个", "projects"),
        r25("217个", 217, "个", "完成“保回迁”项目", "“保回迁”项目217个", "projects"),
        r25("53.6万件", 53.6, "万件", "累计化解不动产“登记难”问题", "累计化解不动产“登记难”问题53.6万件", "other"),
        r25("三年", 3, "年", "安全生产治本攻坚行动期限", "安全生产治本攻坚三年行动", "other", opt=True),
        r25("6.8万栋", 6.8, "万栋", "完成自建房整治", "完成自建房整治6.8万栋", "other"),
        r25("9.4％", 9.4, PCT, "安全生产事故起数下降", SAFE, "other", G),
        r25("7.2％", 7.2, PCT, "安全生产事故死亡人数下降", SAFE, "other", G),
        r25("252.7万人", 252.7, "万人", "救助受灾困难群众", "救助受灾困难群众252.7万人", "other"),
        r25("15.9％", 15.9, PCT, "刑事案件下降", CASES, "other", G),
        r25("13.3％", 13.3, PCT, "治安案件下降", CASES, "other", G),
        r25("7部", 7, "部", "制定修订省政府规章", "制定修订省政府规章7部", "other"),
        # 五年来 (十四五 review)
        l5("3万亿元", 3, "万亿元", "地区生产总值(跨过)", "地区生产总值跨过3万亿元", "gdp", q="lower"),
        r5("5.2％", 5.2, PCT, "地区生产总值年均增长", "3万亿元、年均增长5.2％", "gdp", G),
        r5("1万亿元", 1, "万亿元", "地区生产总值较“十三五”末净增", "较“十三五”末净增1万亿元", "gdp"),
        l5("第12位", 12, "名", "人均生产总值全国排名", "人均生产总值居全国第12位", "other", opt=True),
        r5("7.8％", 7.8, PCT, "一般公共预算收入年均增长", "一般公共预算收入年均增长7.8％", "fiscal_revenue", G),
        r5("7％", 7, PCT, "规模以上工业增加值年均增长", "规模以上工业增加值年均增长7％", "industrial_value_added", G),
        l5("1.1万亿元", 1.1, "万亿元", "社会消费品零售总额(突破)", "社会消费品零售总额突破1.1万亿元", "retail_sales",
           q="lower"),
        r5("11.9个百分点", 11.9, "个百分点", "工业投资占比提高", "工业投资占比提高11.9个百分点", "industrial_investment", PP),
        l5("42.2％", 42.2, PCT, "民间投资占比", "民间投资占比达到42.2％", "fixed_asset_investment", S),
        l5("200家", 200, "家", "在陕设立分支机构的世界500强企业", "超过200家世界500强企业在陕设立分支机构",
           "top_multinationals", q="lower"),
        r5("15.7％", 15.7, PCT, "实际使用外资年均增长", "实际使用外资年均增长15.7％", "fdi_actual", G),
        r5("8.3％", 8.3, PCT, "货物和服务进出口年均增长", "货物和服务进出口年均增长8.3％", "trade", G),
        r5("4个", 4, "个", "落地国家重大科技基础设施", "落地国家重大科技基础设施4个", "research_institutions"),
        r5("5家", 5, "家", "新增陕西实验室", "新增陕西实验室5家", "research_institutions"),
        l5("2.61％", 2.61, PCT, "研发投入强度", "研发投入强度2.61％", "rd_intensity", S),
        l5("第1", 1, "名", "研发投入强度中国西部排名", "居中国西部第1", "rd_intensity", opt=True),
        r5("59.61％", 59.61, PCT, "企业研发经费增长", "企业研发经费增长59.61％", "rd_spending", G),
        l5("87.59％", 87.59, PCT, "创新产出水平指数", "创新产出水平指数达到87.59％", "other"),
        l5("第4", 4, "名", "创新产出水平指数全国排名", "87.59％、居全国第4", "other", opt=True),
        l5("21个", 21, "个", "进入ESI前千分之一的学科", "21个学科进入ESI前千分之一", "other"),
        fig("1795亿元", 1795, "亿元", "技术合同成交额(起点)", "五年来", SX, "技术合同成交额从1795亿元增加到5260亿元",
            "other", **Y20),
        l5("5260亿元", 5260, "亿元", "技术合同成交额", "技术合同成交额从1795亿元增加到5260亿元", "other"),
        r5("3.2倍", 3.2, "倍", "科技型中小企业数量增长", TECH, "tech_smes", G),
        r5("2.5倍", 2.5, "倍", "高新技术企业数量增长", TECH, "high_tech_enterprises", G),
        r5("1.8倍", 1.8, "倍", "每万人高价值发明专利拥有量增长", "每万人高价值发明专利拥有量增长1.8倍", "patents", G),
        l5("21个", 21, "个", "累计建成国家级产业集群", "累计建成国家级产业集群21个", "other"),
        r5("8％", 8, PCT, "战略性新兴产业增加值年均增长", SEI, "other", G),
        r5("7.2％", 7.2, PCT, "高技术制造业增加值年均增长", SEI, "industrial_value_added", G),
        r5("1.7倍", 1.7, "倍", "汽车产量增长", "汽车产量增长1.7倍", "capacity", G),
        r5("17.2倍", 17.2, "倍", "新能源汽车产量增长", "其中新能源汽车增长17.2倍", "capacity", G),
        l5("1/4", 0.25, "ratio", "苹果产量占全国", FRUIT, "capacity", S),
        l5("1/3", 0.3333, "ratio", "猕猴桃产量占全国", FRUIT, "capacity", S),
        l5("8亿吨", 8, "亿吨", "煤炭产量(突破)", "煤炭产量突破8亿吨", "capacity", q="lower"),
        r5("37.9％", 37.9, PCT, "天然气产量增长", "天然气产量增长37.9％", "capacity", G),
        r5("2个", 2, "个", "千亿级现代煤化工项目落地建设", COAL, "projects"),
        r5("11个", 11, "个", "百亿级现代煤化工项目落地建设", COAL, "projects"),
        r5("400万吨/年", 400, "万吨/年", "新增煤基化工产品产能", "新增煤基化工产品产能超过400万吨/年", "capacity", q="lower"),
        l5("1.27亿千瓦", 1.27, "亿千瓦", "电力总装机", "电力总装机1.27亿千瓦", "capacity"),
        r5("6个", 6, "个", "抽水蓄能项目核准建设", "等6个抽水蓄能项目核准建设", "projects"),
        r5("1.2倍", 1.2, "倍", "外送电量增长", "外送电量增长1.2倍", "other", G),
        l5("67.17％", 67.17, PCT, "城镇化率", "城镇化率增至67.17％", "population", S),
        l5("6895公里", 6895, "公里", "高速公路通车里程", "高速公路通车里程6895公里", "other"),
        l5("422公里", 422, "公里", "西安地铁运营里程", "西安地铁运营里程422公里", "other", subject="西安地铁"),
        fig("1.9万座", 1.9, "万座", "5G基站(起点)", "五年来", SX, "5G基站从1.9万座增加到14.3万座", "other", **Y20),
        l5("14.3万座", 14.3, "万座", "5G基站", "5G基站从1.9万座增加到14.3万座", "other"),
        l5("三大", 3, "个", "生态安全屏障", "三大生态安全屏障", "other", opt=True),
        r5("24.7％", 24.7, PCT, "关中5市PM2.5浓度改善", "关中5市PM2.5浓度改善24.7％", "other", G),
        l5("13个", 13, "个", "全国文明城市", "全国文明城市达到13个", "other"),
        l5("五级", 5, "级", "公共文化服务基础设施覆盖", "公共文化服务基础设施实现五级全覆盖", "other", opt=True),
        r5("50部", 50, "部", "获得国家、国际大奖的文艺作品", "等50部文艺作品获得国家、国际大奖", "other"),
        l5("8亿人次", 8, "亿人次", "年接待游客", "年接待游客超过8亿人次", "other", q="lower"),
        r5("40万人", 40, "万人", "每年城镇新增就业", "每年城镇新增就业40万人以上", "employees", q="lower"),
        r5("5.3％", 5.3, PCT, "城镇居民人均收入年均增长", INC5, "other", G),
        r5("7.7％", 7.7, PCT, "农村居民人均收入年均增长", INC5, "other", G),
        l5("2.54", 2.54, "", "城乡居民收入比", "收入比缩小至2.54", "other"),
        r5("30个", 30, "个", "通过国家义务教育优质均衡发展评估的县区", "30个县区通过国家义务教育优质均衡发展评估", "other"),
        r5("47家", 47, "家", "共享三级医院服务的县级医院", "47家县级医院共享三级医院服务", "other"),
        l5("7.83张", 7.83, "张", "每千人床位数", MED, "other"),
        l5("3.57个", 3.57, "个", "每千人执业（助理）医师数", MED, "other"),
        l5("78.9岁", 78.9, "岁", "人均预期寿命", "人均预期寿命达到78.9岁", "other"),
        r5("36.9％", 36.9, PCT, "每10万人刑事案件数下降", "每10万人刑事案件数下降36.9％", "other", G),
        l5("98.98％", 98.98, PCT, "社会治安满意率", "社会治安满意率提升至98.98％", "other", S),
        # 二、十五五
        t15("三个", 3, "个", "重点把握的方面", "要重点把握三个方面", "other", opt=True),
        t15("5％", 5, PCT, "地区生产总值年均增长", "地区生产总值年均增长5％左右", "gdp", G, q="approx"),
        fig("3.2％", 3.2, PCT, "全社会研发投入强度", "到2030年", SX, "到2030年全社会研发投入强度达到3.2％左右",
            "rd_intensity", S, q="approx", **Y30),
        t15("6.5％", 6.5, PCT, "规模以上工业增加值年均增长", "规模以上工业增加值年均增长6.5％左右", "industrial_value_added",
            G, q="approx"),
        t15("9.5％", 9.5, PCT, "数字经济核心产业增加值比重", "数字经济核心产业增加值比重达到9.5％", "other", S),
        t15("6％", 6, PCT, "工业投资、民间投资年均增长", "工业投资、民间投资年均增长6％左右", "industrial_investment", G,
            q="approx"),
        t15("两大", 2, "个", "增长极", "西安、榆林两大增长极", "other", opt=True),
        t15("60％", 60, PCT, "美丽河湖建成率", "美丽河湖建成率达到60％以上", "other", S, q="lower"),
        # 三、2026 预期目标
        t26("5％", 5, PCT, "生产总值增长", "生产总值增长5％左右", "gdp", G, q="approx"),
        t26("3％", 3, PCT, "一般公共预算收入增长", "一般公共预算收入增长3％", "fiscal_revenue", G),
        t26("40万人", 40, "万人", "城镇新增就业", "城镇新增就业40万人以上", "employees", q="lower"),
        t26("5.5％", 5.5, PCT, "城镇调查失业率", "城镇调查失业率5.5％左右", "other", S, q="approx"),
        t26("2％", 2, PCT, "居民消费价格涨幅", "居民消费价格涨幅2％左右", "other", G, q="approx"),
    ],
    initiatives=[
        ini("“三个年”活动", "program", SX),
        ini("“八场硬仗”", "program", SX),
        ini("规范涉企行政执法专项行动", "action_plan", SX),
        ini("全省“一张网”公共资源交易平台", "platform", SX),
        ini("“高效办成一件事”", "reform", SX),
        ini("开发区管理体制改革", "reform", SX),
        ini("国企改革深化提升行动", "action_plan", opt=True),
        ini("中国—中亚国际人文旅游专列", "project", opt=True),
        ini("上合组织减贫论坛", "event", SX),
        ini("第二届中欧班列国际合作论坛", "event", SX),
        ini("第六届中俄中小企业实业论坛", "event", SX),
        ini("丝绸之路国际博览会", "event", opt=True),
        ini("欧亚经济论坛", "event", opt=True),
        ini("杨凌农高会", "event", opt=True),
        ini("“白名单”", "program", opt=True),
        ini("“保交房”", "program", opt=True),
        ini("“保回迁”", "program", opt=True),
        ini("安全生产治本攻坚三年行动", "action_plan", SX),
        ini("省市县应急指挥通信网", "platform", SX),
        ini("矛盾纠纷排查化解联动机制", "reform", opt=True),
        ini("深入贯彻中央八项规定精神学习教育", "program", opt=True),
        ini("秦创原", "platform", SX),
        ini("“三项改革”", "reform", SX),
        ini("陕西实验室", "platform", opt=True),
        ini("十四届全运会", "event", opt=True),
        ini("中美旅游高层对话", "event", opt=True),
        ini("引汉济渭", "project", opt=True),
        ini("《关于制定国民经济和社会发展第十五个五年规划的建议》", "policy", opt=True),
        ini("《陕西省国民经济和社会发展第十五个五年规划纲要（草案）》", "policy", SX),
        ini("《纲要（草案）》", "policy", opt=True),
        ini("“双极带动、多点支撑、三区协同”战略", "policy", opt=True),
        ini("居民增收计划", "program", opt=True),
        ini("“两个更好统筹”", "policy", opt=True),
    ],
)

# 02 《广西壮族自治区开发区条例》 (2020), 公告 and chapter 1 art. 1–2: dates, an announcement number (十三届第31号) and
# article numbers only — no figure. Published: the 公告 date printed in the text.
write(
    "02_guangxi_dev_zone_regulation_2020.txt",
    published="2020-07-24",
    precision="day",
    in_text=True,
    initiatives=[ini("《广西壮族自治区开发区条例》", "policy")],
)

# 03 西部 12 provinces, 规上工业增加值 1-7月 2015 (traditional with pinyin glosses, as found): prose then a table printed
# one cell a line with `|`, the units in a title line (億元、%、%). Year: only in the page's 時間:2015-09-16 line → 1-7月
# = 2015-01-01..2015-07-31. Table cells that repeat a prose figure (西藏/重慶/貴州 growth, 陝西 6.4, 全國 6.3) are
# restatements → optional; the 增速比1-6月 column is change_pp with the title's unit %.
J7 = span("2015-01-01", "2015-07-31")


def w(value_text, value, unit, metric, subject, context, key="industrial_value_added", measure=G, **kw):
    return fig(value_text, value, unit, metric, "1-7月", subject, context, key, measure, **J7, **kw)


ROWS = [  # (row label as printed, subject, growth, change vs 1-6月, growth restated from the prose)
    ("西藏", "西藏", "15.1", "0.1", True), ("重慶", "重慶", "10.9", "-0.3", True), ("貴州", "貴州", "10", "0", True),
    ("甘肅", "甘肅", "7.4", "-0.2", False), ("內(nèi)蒙", "內蒙", "8.3", "0.2", False),
    ("廣西", "廣西", "8.2", "0.1", False), ("四川", "四川", "8", "-0.1", False), ("青海", "青海", "7.3", "-0.2", False),
    ("寧夏", "寧夏", "7.2", "0.2", False), ("陜西", "陜西", "6.4", "0.1", True), ("云南", "云南", "6", "-0.1", False),
    ("新疆", "新疆", "5.2", "0.1", False), ("全國", "全國", "6.3", "0", True),
]
TOP3 = "西藏、重慶和貴州以15.1%、10.9%和10%的增速排名前三位"
TABLE = [
    cell
    for label, subject, growth, change, restated in ROWS
    for cell in (
        w(growth, float(growth), "%", "規模以上工業增加值增速", subject, f"{label}|{growth}|{change}|", opt=restated),
        w(change, float(change), "%", "規模以上工業增加值增速比1-6月", subject, f"{label}|{growth}|{change}|",
          measure=PP),
    )
]
write(
    "03_western_provinces_industry_growth_2015_jan_jul_table_trad.txt",
    published="2015-09-16",
    precision="day",
    in_text=True,
    figures=[
        fig("2660", 2660, "", "點擊", "", "", "點擊:2660", "other", opt=True, **NONE),
        w("6.3%", 6.3, "%", "全國規模以上工業增加值增速", "全國", "均高于全國平均水平(6.3%)"),
        w("10個", 10, "個", "規模以上工業增加值增速高于全國的省份", "西部地區(qū)", "其余10個省份", key="other",
          measure="level"),
        w("15.1%", 15.1, "%", "規模以上工業增加值增速", "西藏", TOP3),
        w("10.9%", 10.9, "%", "規模以上工業增加值增速", "重慶", TOP3),
        w("10%", 10, "%", "規模以上工業增加值增速", "貴州", TOP3),
        w("前三位", 3, "名", "增速排名", "西部地區(qū)", "的增速排名前三位", key="other", measure="level", opt=True),
        w("6個", 6, "個", "增速加快的省份", "西部地區(qū)", "陜西和新疆6個省份增速加快", key="other", measure="level"),
        w("0.1-0.2個百分點", 0.1, "個百分點", "增速增幅", "西部地區(qū)", "增速增幅在0.1-0.2個百分點之間", measure=PP,
          q="range", high=0.2),
        w("5個", 5, "個", "增速稍有回落的省份", "西部地區(qū)", "青海和重慶5個省份增速稍有回落", key="other",
          measure="level"),
        w("0.1-0.3個百分點", 0.1, "個百分點", "增速回落幅度", "西部地區(qū)", "回落幅度在0.1-0.3個百分點之間", measure=PP,
          q="range", high=0.3),
        w("3897.89億元", 3897.89, "億元", "規模以上工業企業增加值", "陜西", "實現(xiàn)增加值3897.89億元"),
        w("6.4%", 6.4, "%", "規模以上工業企業增加值同比增長", "陜西", "3897.89億元,同比增長6.4%"),
        w("0.1個百分點", 0.1, "個百分點", "增速較全國高", "陜西", "增速較全國高0.1個百分點", measure=PP),
        w("0.1個百分點", 0.1, "個百分點", "增速較1-6月加快", "陜西", "較1-6月加快0.1個百分點", measure=PP),
        w("三個月", 3, "個月", "連續(xù)小幅回升", "陜西", "已連續(xù)三個月小幅回升", key="other", measure="level",
          opt=True),
        *TABLE,
    ],
)

# 04 晋中 2024 统计公报 opening (title, issuers, 来源/时间 line, issue date, preface, 一、综合 with its chart/table
# captions; cut before 「新兴产业发展壮大」). Everything → 2024 (年末 stocks too, as unseen11/labelcheck3).
JZ = "晋中市"
Y24 = year(2024)


def jz(value_text, value, unit, metric, context, key="other", measure="level", **kw):
    return fig(value_text, value, unit, metric, "2024年", JZ, context, key, measure, **Y24, **kw)


write(
    "04_jinzhong_city_bulletin_2024_shanxi.txt",
    published="2025-04-04",
    precision="day",
    in_text=True,
    figures=[
        jz("2458.8亿元", 2458.8, "亿元", "全市地区生产总值", "全年全市地区生产总值2458.8亿元", "gdp"),
        jz("2.3%", 2.3, "%", "地区生产总值增长", "比上年增长2.3%", "gdp", G),
        jz("153.8亿元", 153.8, "亿元", "第一产业增加值", "第一产业增加值153.8亿元", "other"),
        jz("3.8%", 3.8, "%", "第一产业增加值增长", "153.8亿元,增长3.8%", "other", G),
        jz("6.2%", 6.2, "%", "第一产业增加值占地区生产总值的比重", "占地区生产总值的比重6.2%", "other", S),
        jz("1051.7亿元", 1051.7, "亿元", "第二产业增加值", "第二产业增加值1051.7亿元", "other"),
        jz("2.0%", 2.0, "%", "第二产业增加值增长", "1051.7亿元,增长2.0%", "other", G),
        jz("42.8%", 42.8, "%", "第二产业增加值占地区生产总值的比重", "占地区生产总值的比重42.8%", "other", S),
        jz("1253.2亿元", 1253.2, "亿元", "第三产业增加值", "第三产业增加值1253.2亿元", "other"),
        jz("2.2%", 2.2, "%", "第三产业增加值增长", "1253.2亿元,增长2.2%", "other", G),
        jz("51.0%", 51.0, "%", "第三产业增加值占地区生产总值的比重", "占地区生产总值的比重51.0%", "other", S),
        jz("73232元", 73232, "元", "人均地区生产总值", "人均地区生产总值73232元", "other"),
        jz("10283美元", 10283, "美元", "人均地区生产总值(按平均汇率)", "计算为10283美元", "other", opt=True),
        jz("3338533人", 3338533, "人", "年末常住人口", "年末全市常住人口3338533人", "population"),
        jz("2135193人", 2135193, "人", "城镇常住人口", "城镇常住人口2135193人", "population"),
        jz("63.96%", 63.96, "%", "城镇常住人口占常住人口比重", "占常住人口比重63.96%", "population", S),
        jz("1.44个百分点", 1.44, "个百分点", "城镇常住人口比重比上年末提高", "比上年末提高1.44个百分点", "population", PP),
        jz("21433人", 21433, "人", "出生人口", "全年全市出生人口21433人", "other"),
        jz("6.38‰", 6.38, "‰", "人口出生率", "人口出生率6.38‰", "other"),
        jz("28345人", 28345, "人", "死亡人口", "死亡人口28345人", "other"),
        jz("8.44‰", 8.44, "‰", "死亡率", "死亡率8.44‰", "other"),
        jz("-2.06‰", -2.06, "‰", "自然增长率", "自然增长率-2.06‰", "other"),
        jz("38129人", 38129, "人", "城镇新增就业人数", "城镇新增就业人数38129人", "employees"),
        jz("13375人", 13375, "人", "失业人员再就业人数", "失业人员再就业人数13375人", "employees"),
        jz("2521人", 2521, "人", "就业困难人员就业人数", "就业困难人员就业人数2521人", "employees"),
        jz("0.4%", 0.4, "%", "居民消费价格上涨", "居民消费价格比上年上涨0.4%", "other", G),
        jz("1.7%", 1.7, "%", "食品类价格上涨", "食品类价格上涨1.7%", "other", G),
        jz("0.1%", 0.1, "%", "非食品类价格上涨", "非食品类价格上涨0.1%", "other", G),
    ],
    initiatives=[ini("“156”战略举措", "policy", opt=True)],
)

# 05 寶雞高新區 2021 Q1 (traditional with pinyin glosses, as found; 發布時間 2021-05-14 in the text). 今年一季度 → 2021
# Q1; 2021年全年計劃 → targets of 2021; 截至目前 一、二季度累計 → 2021-01-01..2021-05-14 (the publication day); the
# fund and the loans (no time of their own, inside the 2021 paragraph) → 2021. An industry's figures → the zone.
BJ = "寶雞高新區"
Q1 = span("2021-01-01", "2021-03-31")
YTD = span("2021-01-01", "2021-05-14")
Y21 = year(2021)


def bj(value_text, value, unit, metric, context, key, measure="level", subject=BJ, period=Q1, label="一季度", **kw):
    return fig(value_text, value, unit, metric, label, subject, context, key, measure, **period, **kw)


write(
    "05_baoji_htz_2021q1_shaanxi_trad.txt",
    published="2021-05-14",
    precision="day",
    in_text=True,
    parks=[park(BJ, park_id="htz-baoji")],
    figures=[
        bj("11.44%", 11.44, "%", "鈦及鈦合金產業(yè)集群(標題)", "集群一季度創(chuàng)新高同比增長(zhǎng)11.44%", "output_value",
           G, opt=True),
        bj("37020次", 37020, "次", "瀏覽", "瀏覽:37020次", "other", period=NONE, label="", opt=True),
        bj("180.7億元", 180.7, "億元", "規上工業總產值", "規(guī)上工業(yè)總產(chǎn)值180.7億元", "industrial_output"),
        bj("15.7%", 15.7, "%", "規上工業總產值同比增長", "180.7億元,同比增長(zhǎng)15.7%", "industrial_output", G),
        bj("56.15億元", 56.15, "億元", "規上工業增加值", "規(guī)上工業(yè)增加值56.15億元", "industrial_value_added"),
        bj("11.4%", 11.4, "%", "規上工業增加值同比增長", "56.15億元,同比增長(zhǎng)11.4%", "industrial_value_added", G),
        bj("22378萬(wàn)元", 22378, "萬元", "地方財政收入", "收入22378萬(wàn)元", "fiscal_revenue"),
        bj("34.8%", 34.8, "%", "地方財政收入同比增長", "同比增長(zhǎng)34.8%", "fiscal_revenue", G),
        bj("46個", 46, "個", "全年計劃實施省市級重點項目", "重點(diǎn)項(xiàng)目46個", "projects", period=Y21, label="2021年",
           target=True),
        bj("552.8億元", 552.8, "億元", "計劃實施重點項目總投資", "總投資552.8億元", "project_investment", period=Y21,
           label="2021年", target=True),
        bj("110.2億元", 110.2, "億元", "計劃實施重點項目年度投資", "年度投資110.2億元", "project_investment", period=Y21,
           label="2021年", target=True),
        bj("36個", 36, "個", "一、二季度累計開工項目", "累計(jì)開(kāi)工項(xiàng)目36個", "projects", period=YTD, label="截至目前"),
        bj("168億元", 168, "億元", "開工項目總投資", "總投資168億元", "project_investment", period=YTD, label="截至目前"),
        bj("43.6億元", 43.6, "億元", "開工項目年度投資", "年度投資43.6億元", "project_investment", period=YTD,
           label="截至目前"),
        bj("5000萬(wàn)元", 5000, "萬元", "新設立產業引導資金", "新設(shè)立5000萬(wàn)元的產(chǎn)業(yè)引導(dǎo)資金", "funding",
           period=Y21, label="2021年"),
        bj("90余家", 90, "家", "獲貸款資金企業", "90余家企業(yè)獲貸款資金35.6億元", "enterprises", period=Y21,
           label="2021年", q="lower"),
        bj("35.6億元", 35.6, "億元", "企業獲貸款資金", "90余家企業(yè)獲貸款資金35.6億元", "other", period=Y21,
           label="2021年"),
        bj("三個", 3, "個", "千億級產業集群", "高端裝備制造三個(gè)千億級", "other", opt=True),
        bj("88家", 88, "家", "鈦及鈦合金新材料產業規上企業", "產(chǎn)業(yè)的88家規(guī)上企業(yè)", "above_scale_enterprises"),
        bj("65.37億元", 65.37, "億元", "鈦及鈦合金新材料產業產值", "產(chǎn)值65.37億元", "output_value"),
        bj("11.44%", 11.44, "%", "鈦及鈦合金新材料產業產值同比增長", "65.37億元,同比增長(zhǎng)11.44%", "output_value", G),
        bj("49.1億元", 49.1, "億元", "寶鈦集團工業總產值", "總產(chǎn)值49.1億元", "industrial_output",
           subject="寶鈦集團"),
        bj("10.59%", 10.59, "%", "寶鈦集團工業總產值同比增長", "同比增長(zhǎng)10.59%", "industrial_output", G,
           subject="寶鈦集團"),
        bj("9家", 9, "家", "增速超過100%的鈦企業", "等9家企業(yè)增速超過(guò)100%", "enterprises"),
        bj("100%", 100, "%", "鈦企業增速(超過)", "等9家企業(yè)增速超過(guò)100%", "output_value", G, q="lower"),
        bj("29家", 29, "家", "汽車及零部件產業規上企業", "產(chǎn)業(yè)的29家規(guī)上企業(yè)", "above_scale_enterprises"),
        bj("47.2億元", 47.2, "億元", "汽車及零部件產業產值", "產(chǎn)值47.2億元", "output_value"),
        bj("28.07%", 28.07, "%", "汽車及零部件產業產值同比增長", "同比增長(zhǎng)28.07%", "output_value", G),
        bj("7家", 7, "家", "增速超過100%的汽車企業", "等7家企業(yè)增速超過(guò)100%", "enterprises"),
        bj("100%", 100, "%", "汽車企業增速(超過)", "等7家企業(yè)增速超過(guò)100%", "output_value", G, q="lower"),
    ],
    initiatives=[
        ini("重點(diǎn)項(xiàng)目融資對(duì)接會(huì)", "event", BJ),
        ini("產(chǎn)業(yè)引導(dǎo)資金", "program", BJ, opt=True),
    ],
)

# 06 汉中经开区 signing (the zone's site, URL month 2023-03, no publication day → published empty). The figures are the
# signing of 3月18日 at the 2023 大会 → end 2023-03-18 (a dated stock, as unseen12's 揭牌 day); the title repeats them.
# 签约…项目，总投资 → investment_attracted (METRICS: 签约项目总额; corrected after first contact).
HZ = "汉中经开区"
SIGN = dict(ps="", pe="2023-03-18")
write(
    "06_hanzhong_etdz_signing_2023_shaanxi.txt",
    parks=[park(HZ, park_id="etdz-hanzhong")],
    figures=[
        fig("7个", 7, "个", "签约项目(标题)", "3月18日", HZ, "汉中经开区成功签约7个项目", "projects", opt=True, **SIGN),
        fig("25.3亿元", 25.3, "亿元", "签约项目总投资(标题)", "3月18日", HZ, "7个项目,总投资25.3亿元3月18日", "investment_attracted",
            opt=True, **SIGN),
        fig("7个", 7, "个", "签约项目", "3月18日", HZ, "现代跨境物流服务等7个项目", "projects", **SIGN),
        fig("25.3亿元", 25.3, "亿元", "签约项目总投资", "3月18日", HZ, "等7个项目,总投资25.3亿元。", "investment_attracted",
            **SIGN),
    ],
    initiatives=[ini("2023汉中高质量发展大会暨主题招商周", "event", "汉中市")],
)

# 07 黑龙江 开发区 2022 上半年 (黑龙江日报 via hrbtv, 8月22日讯, URL date 2022-08-22; no year with the dateline).
# 上半年 → 2022 H1; the classification counts (5/21/35/29 家) and the 20 家 of the 云招商 have no time → no period.
# The opening quote has no named speaker (the next paragraph's 尤晓林 speaks indirectly) → optional, speaker "".
HL = "黑龙江省开发区"
H1 = span("2022-01-01", "2022-06-30")
GRP = "确定5家龙头引领型、21家骨干带动型、35家质量提升型、29家培育发展型开发区"


def hl(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "2022年上半年", HL, context, key, measure, **H1, **kw)


def grp(value_text, value, metric, context=GRP):
    return fig(value_text, value, "家", metric, "", HL, context, "parks", **NONE)


write(
    "07_heilongjiang_dev_zones_2022h1.txt",
    published="2022-08-22",
    precision="day",
    in_text=False,
    figures=[
        hl("5.7%", 5.7, "%", "开发区生产总值同比增长(标题)", "上半年全省开发区生产总值同比增长5.7%", "gdp", G, opt=True),
        hl("2.9个百分点", 2.9, "个百分点", "高于全省经济增速(标题)", "高于全省经济增速2.9个百分点", "gdp", PP, opt=True),
        hl("2268.2亿元", 2268.2, "亿元", "全省开发区地区生产总值", "全省开发区实现地区生产总值2268.2亿元", "gdp"),
        hl("5.7%", 5.7, "%", "地区生产总值同比增长", "2268.2亿元,同比增长5.7%", "gdp", G),
        hl("2.9个百分点", 2.9, "个百分点", "高于全省", "高于全省2.9个百分点", "gdp", PP),
        hl("35.5%", 35.5, "%", "地区生产总值比重占全省", "比重占全省的35.5%", "gdp", S),
        fig("十年", 10, "年", "非凡十年", "", HL, "‘非凡十年’主题系列新闻发布会", "other", opt=True, **NONE),
        grp("5家", 5, "龙头引领型开发区"),
        grp("21家", 21, "骨干带动型开发区"),
        grp("35家", 35, "质量提升型开发区"),
        grp("29家", 29, "培育发展型开发区"),
        grp("20家", 20, "举办云招商的重点开发区", "组织20家重点开发区"),
    ],
    quotes=[quote("", "从指标数据看,开发区经济运行", opt=True)],
    initiatives=[
        ini("黑龙江省‘非凡十年’主题系列新闻发布会", "event", opt=True),
        ini("《黑龙江省开发区投资潜力报告》", "other", HL),
        ini("《开发区产业招商图谱》", "other", HL),
        ini("《省商务厅推进产业链产业集群专项行动工作方案》", "action_plan", HL),
        ini("“龙江开发区云招商”线上招商系列直播活动", "event", HL),
        ini("“2022中国(黑龙江)开发区大会”", "event", HL),
        ini("“黑龙江—粤港澳大湾区产业协同服务中心”", "platform", HL),
    ],
)

# 08 黑龙江 zones in the 2018 目录 (news of 13.03.2018, date printed). Counts of the 2018 edition → 2018. The national
# totals name no place → subject "". Zones listed elliptically (哈尔滨、…等8家经济技术开发区) are not printed whole:
# each is an optional park named by its printed stem with the full name as alias (defensible either way); only
# 中俄东宁—波尔塔夫卡互市贸易区 is printed whole → required.
Y18 = year(2018)
HLJ = "黑龙江省"
NAT = "共包括2543家开发区,其中国家级开发区552家,省级开发区1991家"
LIST = "其中国家级开发区16家"


def ct(value_text, value, metric, subject, context, **kw):
    return fig(value_text, value, "家", metric, "2018年版", subject, context, "parks", **Y18, **kw)


STEMS = [  # (printed stem, full name, registry id)
    ("哈尔滨利民", "哈尔滨利民经济技术开发区", "etdz-haerbin-limin"), ("宾西", "宾西经济技术开发区", "etdz-haerbin-binxi"),
    ("双鸭山", "双鸭山经济技术开发区", "etdz-shuangyashan"), ("牡丹江", "牡丹江经济技术开发区", "etdz-mudanjiang"),
    ("海林", "海林经济技术开发区", "etdz-mudanjiang-hailin"), ("绥化", "绥化经济技术开发区", "etdz-g231081"),
    ("齐齐哈尔", "齐齐哈尔高新技术产业开发区", "htz-qiqihaer"),
    ("黑龙江绥芬河", "黑龙江绥芬河综合保税区", "csz-g233023"), ("黑河", "黑河边境经济合作区", "bec-g235006"),
]
write(
    "08_heilongjiang_zones_in_catalogue_2018.txt",
    published="2018-03-13",
    precision="day",
    in_text=True,
    parks=[
        park("中俄东宁—波尔塔夫卡互市贸易区", park_id="oth-g236021"),
        *[park(stem, aliases=[full], opt=True, park_id=pid) for stem, full, pid in STEMS],
        park("哈尔滨、哈尔滨利民", aliases=["哈尔滨经济技术开发区"], opt=True, park_id="etdz-haerbin"),
        park("哈尔滨、齐齐哈尔", aliases=["哈尔滨高新技术产业开发区"], opt=True, park_id="htz-haerbin"),
        park("哈尔滨、黑龙江绥芬河", aliases=["哈尔滨综合保税区"], opt=True, park_id="csz-g233022"),
        park("大庆、牡丹江", aliases=["大庆经济技术开发区"], opt=True, park_id="etdz-daqing"),
        park("大庆等3家", aliases=["大庆高新技术产业开发区"], opt=True, park_id="htz-daqing"),
        park("绥芬河、黑河", aliases=["绥芬河边境经济合作区"], opt=True, park_id="bec-g235005"),
    ],
    figures=[
        ct("2543家", 2543, "《目录》开发区", "", NAT),
        ct("552家", 552, "国家级开发区", "", NAT),
        ct("1991家", 1991, "省级开发区", "", NAT),
        ct("90家", 90, "纳入《目录》的开发区", HLJ, "黑龙江省有90家开发区纳入《目录》"),
        fig("第一位", 1, "名", "开发区数量东北地区排名", "2018年版", HLJ, "开发区数量居东北地区第一位", "parks", opt=True,
            **Y18),
        ct("16家", 16, "国家级开发区", HLJ, LIST),
        ct("8家", 8, "经济技术开发区", HLJ, "绥化等8家经济技术开发区"),
        ct("3家", 3, "高新技术产业开发区", HLJ, "大庆等3家高新技术产业开发区"),
        ct("2家", 2, "综合保税区", HLJ, "黑龙江绥芬河等2家综合保税区"),
        ct("2家", 2, "边境经济合作区", HLJ, "黑河等2家边境经济合作区"),
        ct("74家", 74, "省级开发区", HLJ, "省级开发区74家"),
    ],
    initiatives=[ini("《中国开发区审核公告目录》(2018年版)", "policy", opt=True)],
)

# 09 宝鸡 县域 parks (宝鸡融媒, no date in text or URL → published empty; 今年上半年 without a year → every period
# empty; 近三年 without a year → empty). The county zones listed elliptically (扶风县、千阳县、陇县、陈仓区、凤县工业园区):
# 凤县工业园区 is printed whole → required; the others optional with stem + alias.
BJC = "宝鸡市"


def bc(value_text, value, unit, metric, context, key, measure="level", **kw):
    return fig(value_text, value, unit, metric, "今年上半年", BJC, context, key, measure, **NONE, **kw)


write(
    "09_baoji_county_parks_h1_shaanxi.txt",
    parks=[
        park("凤县工业园区"),
        park("扶风县", aliases=["扶风县工业园区"], opt=True),
        park("千阳县", aliases=["千阳县工业园区"], opt=True),
        park("陇县", aliases=["陇县工业园区"], opt=True),
        park("陈仓区", aliases=["陈仓区工业园区"], opt=True),
    ],
    figures=[
        bc("568.2亿元", 568.2, "亿元", "全市县域生产总值", "全市县域生产总值达到568.2亿元", "gdp"),
        bc("5.1%", 5.1, "%", "县域生产总值同比增长", "不仅同比增长5.1%", "gdp", G),
        bc("49.8%", 49.8, "%", "县域生产总值占全市地区生产总值比重", "占全市地区生产总值比重达到49.8%", "gdp", S),
        bc("全国第一", 1, "名", "千阳矮砧苹果种植面积等全国排名", "品牌价值稳居全国第一", "other", opt=True),
        bc("2.65亿元", 2.65, "亿元", "近三年累计投入省市专项资金", "近三年累计投入省市专项资金2.65亿元", "funding"),
        bc("152家", 152, "家", "省级以上县域开发区高新技术企业", "拥有高新技术企业152家", "high_tech_enterprises"),
        bc("161家", 161, "家", "省级以上县域开发区专精特新中小企业", "专精特新中小企业161家", "specialized_smes"),
    ],
    initiatives=[
        ini("县域特色经济改革行动", "action_plan", BJC),
        ini("省级中小企业特色产业集群", "other", opt=True),
        ini("“发展潜力县”", "other", opt=True),
    ],
)

# 10 黑龍江 開發區 2021 上半年 (traditional with pinyin glosses, as found; URL date 2021-08-09, no date in text).
# 上半年 → 2021 H1 (the URL's year); 兩年均增長 → 2020–2021; 占黑龍江的 shares → H1. Subject as printed: 黑龍江開發區.
HK = "黑龍江開發區"
H121 = span("2021-01-01", "2021-06-30")
TWO = span("2020-01-01", "2021-06-30")


def hk(value_text, value, unit, metric, context, key, measure="level", period=H121, **kw):
    return fig(value_text, value, unit, metric, "上半年", HK, context, key, measure, **period, **kw)


write(
    "10_heilongjiang_dev_zones_2021h1_trad.txt",
    published="2021-08-09",
    precision="day",
    in_text=False,
    figures=[
        hk("2158億元", 2158, "億元", "地區生產總值", "總值2158億元", "gdp"),
        hk("48%", 48, "%", "地區生產總值同比增長", "2158億元,同比增長48%", "gdp", G),
        hk("25.5%", 25.5, "%", "地區生產總值兩年均增長", "兩年均增長25.5%", "gdp", G, period=TWO),
        hk("36.02%", 36.02, "%", "地區生產總值占黑龍江", "占黑龍江的36.02%", "gdp", S),
        hk("9.8個百分點", 9.8, "個百分點", "貢獻率比上年同期提高", "上年同期提高9.8個百分點", "other", PP),
        hk("299.43億元", 299.43, "億元", "財政收入", "收入299.43億元", "fiscal_revenue"),
        hk("66%", 66, "%", "財政收入同比增長", "同比增長66%", "fiscal_revenue", G),
        hk("262.47億元", 262.47, "億元", "稅收收入", "收入262.47億元", "tax"),
        hk("67%", 67, "%", "稅收收入同比增長", "同比增長67%", "tax", G),
        hk("6341.78億元", 6341.78, "億元", "營業收入", "收入6341.78億元", "revenue"),
        hk("42%", 42, "%", "營業收入同比增長", "同比增長42%", "revenue", G),
        hk("24%", 24, "%", "營業收入兩年均增長", "兩年均增長24%", "revenue", G, period=TWO),
        hk("4177.13億元", 4177.13, "億元", "工業總產值", "總產(chǎn)值4177.13億元", "industrial_output"),
        hk("24%", 24, "%", "工業總產值同比增長", "4177.13億元,同比增長24%", "industrial_output", G),
        hk("8758戶", 8758, "戶", "新增注冊企業", "企業(yè)8758戶", "enterprises"),
        hk("122%", 122, "%", "新增注冊企業同比增長", "同比增長122%", "enterprises", G),
        hk("485.21億元", 485.21, "億元", "實際利用內資金額", "金額485.21億元", "investment_attracted"),
        hk("75%", 75, "%", "實際利用內資金額同比增長", "同比增長75%", "investment_attracted", G),
        hk("380.66億元", 380.66, "億元", "千萬元以上項目實際利用內資金額", "金額380.66億元", "investment_attracted"),
        hk("43.96%", 43.96, "%", "千萬元以上項目實際利用內資占黑龍江", "占黑龍江的43.96%", "investment_attracted", S),
        hk("2.1億美元", 2.1, "億美元", "實際利用外資金額", "金額2.1億美元", "fdi_actual"),
        hk("85.93%", 85.93, "%", "實際利用外資占黑龍江", "占黑龍江的85.93%", "fdi_actual", S),
        hk("91個", 91, "個", "承載省百大項目", "省百大項目91個", "projects"),
        hk("72.8%", 72.8, "%", "占產業項目量", "占產(chǎn)業(yè)項目量的72.8%", "projects", S),
        hk("2787.9億元", 2787.9, "億元", "百大項目總投資", "總投資2787.9億元", "project_investment"),
        fig("475.4億元", 475.4, "億元", "百大項目年計劃投資", "年計劃投資", HK, "年計劃投資475.4億元", "project_investment",
            target=True, **year(2021)),  # corrected after first contact: a year's plan is a target of the year
        hk("90%", 90, "%", "項目開復工率", "率達(dá)到90%以上", "projects", S, q="lower"),
        hk("50%", 50, "%", "項目年度投資完成率", "完成率達(dá)到50%以上", "project_investment", S, q="lower"),
    ],
)
