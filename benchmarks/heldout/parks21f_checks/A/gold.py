"""Hand-written gold for my unseen check (parks and initiatives only; written before any run)."""
import json, re
from pathlib import Path
P = lambda n, opt=False, al=(): {"name": n, "aliases": list(al), "optional": opt}
I = lambda n, k, park="", opt=False: {"name": n, "kind": k, "park": park, "optional": opt}
G = {
 "01_meizhou_csz_2023_guangdong": ([P("梅州综保区"), P("汕头综保区")],
   [I("天易冷链物流项目", "project", opt=True), I("临港“工改工”多功能厂房建设项目", "project", opt=True),
    I("保税维修项目", "project", opt=True)]),
 "02_zhanjiang_csz_2021_guangdong": ([P("湛江综合保税区")],
   [I("综保区产业发展规划", "policy", "湛江综合保税区", opt=True)]),
 "03_changxingdao_csz_plan_2023_liaoning": ([P("长兴岛", opt=True)],
   [I("综合保税区领导小组组建方案", "other", opt=True)]),
 "04_binhai_coastal_park_2024_jiangsu": ([P("沿海工业园"), P("滨海港片区", opt=True)],
   [I("“滨海医药健康产业(滨海港片区)招商引智推介会”", "event", "沿海工业园")]),
 "05_zhoukou_devzone_2017_henan": ([P("周口开发区"), P("智能电网产业园", opt=True), P("食品工业园", opt=True), P("现代物流产业园", opt=True)],
   [I("《开发区2017年招商引资突破年工作实施意见》", "policy", "周口开发区"), I("“四横五纵”路网", "project", opt=True)]),
 "06_donge_edz_shandong": ([P("东阿经济开发区"), P("阿胶产业园", opt=True), P("钢球产业园", opt=True)],
   [I("东阿汇银中小企业创业基地", "platform", "东阿经济开发区", opt=True)]),
 "07_gaoyou_htz_2016_jiangsu_trad": ([P("江蘇省高郵高新技術產業開發區"), P("湖西新區", opt=True)],
   [I("《關于籌建江蘇省高郵高新技術產業開發區的批復》", "policy", opt=True)]),
 "08_zhengzhou_etdz_policy_2024_henan": ([P("郑州经济技术开发区", al=["郑州经开区"]), P("郑州海尔创新产业园", opt=True)],
   [I("《支持郑州经济技术开发区发展新质生产力打造高质量发展新高地若干政策》", "policy", "郑州经济技术开发区"),
    I("《若干政策》", "policy", "郑州经济技术开发区", opt=True),  # added after first contact: GUIDE makes a defined short name optional
    I("全国国家级经开区综合发展水平考核评价", "program", opt=True)]),
 "09_gansu_etdz_measures_2025": ([],
   [I("《深化国家级经济技术开发区改革创新以高水平开放引领高质量发展工作方案》", "policy"),
    I("“百城千园行”活动", "event"), I("“入企入园”", "program"), I("“龙头对龙头”行动", "action_plan"),
    I("“陇质惠”质量基础设施一站式服务平台", "platform"),
    I("《甘肃省推进设备更新和消费品以旧换新标准提升专项行动方案》", "action_plan"),
    I("新赛道培育行动", "action_plan"),
    I("国家重点研发计划", "program", opt=True), I("“成果推介会+技术对接平台”", "platform", opt=True),
    I("国家产业基础再造项目", "project", opt=True), I("省级国际科技合作项目", "project", opt=True),
    I("工业重点领域设备更新项目", "project", opt=True)]),
 "10_parks_epidemic_2020_report": ([P("苏州工业园区"), P("烟台经开区")],
   [I("“1+N”式的疫情应对体系", "other", opt=True), I("“1+10”布局", "other", "苏州工业园区", opt=True),
    I("“1+8”工作小组体系", "other", "烟台经开区", opt=True)]),
 "11_longgang_micro_parks_2021_zhejiang": ([],
   [I("“一张清单转职能”改革", "reform"), I("小微园整治工作专班", "other", opt=True),
    I("小微园出租管理办法", "policy", opt=True)]),
}
for doc, (parks, inits) in G.items():
    text = re.sub(r"\s", "", Path(f"texts/{doc}.txt").read_text())
    for x in parks + inits:
        for n in [x["name"], *x.get("aliases", [])]:
            assert n in text, (doc, n)
    Path(f"gold/{doc}.json").write_text(json.dumps({"doc": doc + ".txt", "parks": parks, "figures": [], "quotes": [], "initiatives": inits}, ensure_ascii=False, indent=1))
print("ok")
