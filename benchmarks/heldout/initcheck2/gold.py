"""Hand-written gold for initcheck2 of branch parks36 (written before any run of the tool on these texts).
park_id: looked up by grep in extractor/data/zones.csv / zones_provincial.csv ("" = not in the registry).
An initiative's `park` is the zone that runs it ("" when a government or two states run it; the scorer does not
score it). Required: what a park or government names and runs; optional: company and infrastructure projects,
national strategies and campaigns named as context (一带一路, 乡村振兴战略, “一国两制”), national designations
are left out (a record for them is a false positive), a deputy's proposal, another state's document."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parks21f_checks"))  # the shared checkgold
from checkgold import In, P, write_gold

DM = "中國東興—越南芒街跨境經濟合作區"
SS = "深汕特别合作区"
HQ = "横琴粤澳深度合作区"
G = {
 "01_chongqing_dev_zone_regulation_2025_trad": (
   [],
   [In("重慶市開發(fā)區(qū)條例", "policy"),
    In("開發(fā)區(qū)考核評價工作", "program", opt=True)]),
 "02_dongxing_mongcai_cross_border_zone_2017_trad": (
   [P(DM, pid=""), P("廣西東興國家重點開發開放試驗區", pid=""),
    P("深圳電子科技産業園", opt=True), P("香港紡織服裝産業園", opt=True),
    P("台灣加工貿易與物流綜合産業園", opt=True)],
   [In("第二屆中越跨境經濟合作論壇暨中國東興—越南芒街跨境經濟合作區專場推介會", "event", DM),
    In("《中越跨境經濟合作區建設共同總體方案》", "policy"),
    In("“一區三園”", "program"),
    In("《越南—中國跨邊境經濟合作區總體提案》", "policy", opt=True),
    In("中越北侖河二橋", "project", opt=True)]),
 "03_border_cooperation_zones_overview_2025_trad": (
   [P("中蒙二連浩特—扎門烏德經濟合作區", al=["中蒙二連浩特—扎門烏德經濟跨境合作區"], pid=""),
    P("中哈霍爾果斯國際邊境合作中心", pid="bec-g655018"),
    P("中國老撾磨憨—磨丁經濟合作區", pid="bec-g535017"),
    P("滿洲里邊境經濟合作區", pid="bec-g155001")],
   [In("《關于加快推動國務院帶政策審批中蒙二連浩特—扎門烏德經濟合作區的建議》", "other", opt=True),
    In("“一帶一路”建設", "program", opt=True)]),
 "04_shanghang_county_gov_report_review_fujian": (
   [],
   [In("“产业发展项目建设年”活动", "program"),
    In("“一市两区三组团”“五基地六产业七景区”发展思路", "program"),
    In("“四个上杭”建设", "program"),
    In("殡葬改革模式", "reform", opt=True),
    In("“六稳”", "program", opt=True),
    In("农村人居环境整治", "program", opt=True),
    In("全国殡葬综合改革试点", "program", opt=True),
    *[In(n, "project", opt=True) for n in (
        "常青新能源一期项目", "宁德时代新型锂盐研发生产项目", "古田“一台戏”项目", "龙岩至龙川铁路项目(上杭段)",
        "永杭高速(上杭段)建设项目")]]),
 "05_shenshan_investment_promotion_2016": (
   [P(SS, al=["深圳特别合作区"], pid="")],
   [In("深汕特别合作区2016年第四次投资环境推介活动", "event", SS),
    In("深汕特别合作区航空航天板块发展计划", "program", SS),
    In("“产业高地、生命绿洲、未来之城”发展战略", "program", SS),
    In("深圳东进战略", "program"),
    In("深汕特别合作区直升机起降点", "project", SS, opt=True),
    In("滨海生命健康城", "project", SS, opt=True)]),
 "06_haifeng_tianxinghu_transfer_park_2024_shanwei": (
   [P("深圳市-汕尾市产业转移合作园(天星湖片区)", al=["深圳-汕尾产业转移合作园(天星湖片区)"], pid=""),
    P(SS, pid="")],
   [In("“百县千镇万村高质量发展工程”", "program"),
    In("粤港澳大湾区建设", "program", opt=True),
    In("赤梅快线", "project", opt=True),
    In("G324国道改扩建工程", "project", opt=True)]),
 "07_hengqin_consuls_visit_2024": (
   [P(HQ, al=["横琴深合区", "深合区"], pid="")],
   [In("2024横琴深合区全球招商推介会", "event", HQ),
    In("横琴深合区规划展厅", "platform", HQ, opt=True),
    In("跨境电商直播基地", "platform", HQ, opt=True),
    In("“澳门平台+国际资源+横琴空间+成果共享”", "program", HQ, opt=True),
    In("“一国两制”", "program", opt=True)]),
 "08_district_gov_report_2024_tasks": (
   [],
   [In("基础教育扩优提质行动", "action_plan"),
    In("第八轮环保三年行动", "action_plan"),
    In("清洁空气行动", "action_plan"),
    In("城市精细化管理新一轮三年行动计划", "action_plan"),
    In("\"美丽街区\"", "program", opt=True),
    In("第二轮59家社区卫生服务站室标准化建设", "program", opt=True),
    In("\"进博样板\"", "program", opt=True),
    In("\"三片一区一镇\"", "program", opt=True),
    In("乡村振兴战略", "program", opt=True),
    In("朱家角社区卫生服务中心迁建项目", "project", opt=True)]),
}
write_gold(Path(__file__).parent, G)
