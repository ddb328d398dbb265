"""Hand-written gold for check C (written before any run of either version on these texts)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # checkgold: what A, B and C share
from checkgold import In, P, write_gold

G = {
 "01_devzone_office_meeting_2023_trad_pinyin": ([],
   [In("《科技創(chuàng)新策源地建設(shè)行動方案》", "action_plan"), In("《制造產(chǎn)業(yè)新高地建設(shè)行動方案》", "action_plan"),
    In("《綠色發(fā)展引領(lǐng)區(qū)建設(shè)行動方案》", "action_plan"), In("《民生福祉示范區(qū)建設(shè)行動方案》", "action_plan"),
    In("招商引資提質(zhì)增效攻堅年", "program"), In("重點項目“雙百雙三百”", "program"),
    In("支持實體零售企業(yè)發(fā)展若干措施", "policy"),
    In("“放管服”改革", "reform", opt=True), In("“一城四地四區(qū)”的總體設(shè)計", "program", opt=True),
    In("民生實事項目", "program", opt=True)]),
 "02_jingjinji_devzone_forum_tianjin_2023_trad_pinyin": ([P("天津經(jīng)開區(qū)", al=["天津經(jīng)濟技術(shù)開發(fā)區(qū)"])],
   [In("第二屆京津冀國家級開發(fā)區(qū)優(yōu)化營商環(huán)境改革創(chuàng)新論壇", "event"),
    In("國家級開發(fā)區(qū)營商環(huán)境交流會", "event"),
    In("“2023尋找京津冀創(chuàng)優(yōu)營商環(huán)境開發(fā)區(qū)”活動", "event"),
    In("140項優(yōu)化營商環(huán)境行動", "action_plan", opt=True),
    In("京津冀三地國家級經(jīng)開區(qū)優(yōu)化營商環(huán)境改革創(chuàng)新合作聯(lián)盟", "platform", opt=True)]),
 "03_suzhou_anhui_parks_survey_2025": ([P("宿马园区")],
   [In("“二次创业”", "program"), In("去行政化改革", "reform", opt=True), In("双招双引", "program", opt=True),
    In("“推进园区‘二次创业’,激活经济发展‘主引擎’”专题调研", "event", opt=True)]),
 "04_lucheng_incubator_plan_2025_zhejiang": ([],
   [In("《温州市鹿城区大孵化器集群建设“百千万”新三年行动计划(2025-2027年)》", "action_plan"),
    In("《温州市大孵化器集群建设“34520”新三年行动计划的通知》", "action_plan"),
    In("大孵化器集群战略", "program", opt=True), In("八大领域重点行动", "action_plan", opt=True),
    In("省委创新浙江大会", "event", opt=True), In("市委加快建设创新温州大会", "event", opt=True)]),
 "05_hangzhou_bay_new_area_2021_ningbo_trad": ([P("杭州灣新區"), P("復旦杭州灣科創園", opt=True), P("麟灃醫療科技產業園", opt=True)],
   [In("“借智引智”", "program", "杭州灣新區"), In("多元創新體系", "program", opt=True),
    In("“超級電容器用納米纖維隔膜國產化項目”", "project", opt=True)]),
 "06_kaifeng_manufacturing_plan_2020_henan": ([],
   [In("《开封市推动制造业高质量发展实施方案》", "policy"), In("《开封市制造业高质量发展若干财政支持措施》", "policy"),
    In("《开封市培育壮大主导产业若干财政支持措施》", "policy"), In("《河南省推动制造业高质量发展实施方案》", "policy")]),
 "07_binjiang_policies_2023_hangzhou": ([],
   [In("《关于推动经济高质量发展的若干政策》", "policy"),
    In("《浙江省人民政府印发关于推动经济高质量发展若干政策的通知》", "policy"),
    In("《杭州市人民政府印发关于推动经济高质量发展若干政策的通知》", "policy"),
    In("“千项万亿”工程", "program"), In("扩大有效投资建设行动", "action_plan"),
    In("亚运城市建设", "project", opt=True)]),
}
write_gold(Path(__file__).parent, G)
