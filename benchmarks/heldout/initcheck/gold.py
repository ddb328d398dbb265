"""Hand-written gold for the initiatives check of branch parks21h (written before any run of the tool on these texts).
park_id: looked up by grep in extractor/data/zones.csv / zones_provincial.csv ("" = not in the registry).
An initiative's `park` is the zone that runs it ("" when a government, not a zone, runs it; the scorer does not
score it). Required: what a park or government names and runs; optional: company projects, national designations,
slogans a reader could take either way, and the items of a list of investment scenes."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parks21f_checks"))  # the shared checkgold
from checkgold import In, P, write_gold

QH = "前海合作区"
YC = "盐城国家高新区"
SCO = "上合示范区"
G = {
 "01_jiaxing_gov_report_2025_review_trad": (
   [],
   [In("“十項(xiàng)重大工程”", "program"),
    In("“八八戰(zhàn)略”", "program", opt=True),
    In("“一號工程”", "program", opt=True)]),
 "02_qianhai_forum_2024_shenzhen": (
   [P(QH, al=["前海"], pid="")],
   [In("前海论坛", "event"),
    In("深港青年梦工场", "platform", QH),
    In("自贸试验区提升战略主体活动", "event", opt=True),
    In("前海国际事务研究院", "platform", opt=True),
    In("前海粤港澳大湾区研究院", "platform", opt=True)]),
 "03_yancheng_htz_innovation_week_2021": (
   [P(YC, al=["高新区"], pid="htz-yancheng")],
   [In("“融通创新·赋能未来”2021年盐城国家高新区双创活动", "event", YC),
    In("“都智汇”优才计划", "program"),
    In("复旦大学管理学院长三角校友科创交流合作(盐城)中心", "platform", YC),
    In("上海五角场创新创业学院盐城科创分院", "platform", YC),
    In("科研平台提质", "program", opt=True),
    In("科创森林成长", "program", opt=True),
    In("“双创引领示范区”", "program", opt=True)]),
 "04_echeng_signing_ag_scenes_2023_hubei": (
   [P("碧石渡猪八戒小镇现代农业产业园", opt=True), P("杜山武昌鱼小镇三产融合发展示范区", opt=True)],
   [In("三季度重大项目集中签约仪式暨十大农业招商场景发布会", "event"),
    In("“十大农业招商场景”", "program"),
    In("重大项目建设“百日攻坚”", "action_plan"),
    In("招商引资“百日会战”", "action_plan"),
    In("优化营商环境“百日竞赛”", "action_plan"),
    In("项目建设年", "program", opt=True),
    *[In(n, "project", opt=True) for n in (
        "长港农垦小镇临空田园综合体", "杜山武昌鱼小镇三产融合发展示范区", "碧石渡猪八戒小镇现代农业产业园",
        "泽林旱龙舟小镇民俗文化综合体", "汀祖康养小镇旅游度假区", "长港古运河现代生态休闲农业示范带",
        "杜山国际冷链物流中心", "峒山乡愁文化园", "泽林万亩湖水域农业观光休闲区", "汀祖生态农业示范基地")]]),
 "05_huaihua_growth_measures_plan_2023_trad": (
   [],
   [In("《懷化市貫徹落實〈關于打好經濟增長主動仗實現經濟運行整體好轉的若干政策措施〉實施方案》", "policy"),
    In("《湖南省人民政府辦公廳印發<關于打好經濟增長主動仗實現經濟運行整體好轉若干政策措施>的通知》", "policy"),
    In("2023年湖南省夏季消費促進活動啟動儀式", "event"),
    In("“嗨購幸福懷化”消費季", "event"),
    In("“味道湖南懷化味道”美食節", "event"),
    In("“發展六仗”", "program", opt=True)]),
 "06_wucheng_growth_policy_measures_2025_jinhua": (
   [],
   [In("《关于推动经济高质量发展若干政策举措(2025年版)》", "policy"),
    In("“315”科技创新体系建设工程", "program"),
    In("浙江光电子研究院", "platform"),
    In("“平台+高校+企业+产业链”结对合作", "program"),
    In("教育科技人才一体化改革", "reform", opt=True),
    In("氢途浙大联合研发中心", "platform", opt=True),
    In("“港”“廊”“链”主战场", "program", opt=True)]),
 "07_shandong_gov_report_2023_zones_measures": (
   [P(SCO, pid=""), P("新旧动能转换起步区", pid=""), P("西海岸新区", pid="na-qingdao-xihaian"),
    P("自贸试验区", pid="ftz-shandong", opt=True)],
   [In("上合组织产业链供应链论坛", "event", SCO),
    In("国际能源交易中心", "platform", SCO),
    In("欧亚班列日韩陆海快线集结中心", "platform", SCO),
    In("深化改革创新方案", "policy", "自贸试验区"),
    In("上合之珠国际博览中心", "platform", SCO, opt=True),
    In("上合组织经贸学院", "platform", SCO, opt=True),
    In("国家电投氢能产业基地", "project", "新旧动能转换起步区", opt=True),
    In("黄河大桥复线桥", "project", "新旧动能转换起步区", opt=True),
    In("联动创新区", "program", opt=True),
    In("开发区体制机制改革配套措施", "reform", opt=True),
    In("双招双引", "program", opt=True)]),
}
write_gold(Path(__file__).parent, G)
