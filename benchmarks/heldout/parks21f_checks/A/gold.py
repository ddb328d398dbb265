"""Hand-written gold for my unseen check (parks and initiatives only; written before any run)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # checkgold: what A, B and C share
from checkgold import In, P, write_gold

G = {
 "01_meizhou_csz_2023_guangdong": ([P("梅州综保区"), P("汕头综保区")],
   [In("天易冷链物流项目", "project", opt=True), In("临港“工改工”多功能厂房建设项目", "project", opt=True),
    In("保税维修项目", "project", opt=True)]),
 "02_zhanjiang_csz_2021_guangdong": ([P("湛江综合保税区")],
   [In("综保区产业发展规划", "policy", "湛江综合保税区", opt=True)]),
 "03_changxingdao_csz_plan_2023_liaoning": ([P("长兴岛", opt=True)],
   [In("综合保税区领导小组组建方案", "other", opt=True)]),
 "04_binhai_coastal_park_2024_jiangsu": ([P("沿海工业园"), P("滨海港片区", opt=True)],
   [In("“滨海医药健康产业(滨海港片区)招商引智推介会”", "event", "沿海工业园")]),
 "05_zhoukou_devzone_2017_henan": (
   [P("周口开发区"), P("智能电网产业园", opt=True), P("食品工业园", opt=True), P("现代物流产业园", opt=True)],
   [In("《开发区2017年招商引资突破年工作实施意见》", "policy", "周口开发区"), In("“四横五纵”路网", "project", opt=True)]),
 "06_donge_edz_shandong": ([P("东阿经济开发区"), P("阿胶产业园", opt=True), P("钢球产业园", opt=True)],
   [In("东阿汇银中小企业创业基地", "platform", "东阿经济开发区", opt=True)]),
 "07_gaoyou_htz_2016_jiangsu_trad": ([P("江蘇省高郵高新技術產業開發區"), P("湖西新區", opt=True)],
   [In("《關于籌建江蘇省高郵高新技術產業開發區的批復》", "policy", opt=True)]),
 "08_zhengzhou_etdz_policy_2024_henan": ([P("郑州经济技术开发区", al=["郑州经开区"]), P("郑州海尔创新产业园", opt=True)],
   [In("《支持郑州经济技术开发区发展新质生产力打造高质量发展新高地若干政策》", "policy", "郑州经济技术开发区"),
    In("《若干政策》", "policy", "郑州经济技术开发区", opt=True),  # added after first contact: GUIDE makes a defined short name optional
    In("全国国家级经开区综合发展水平考核评价", "program", opt=True)]),
 "09_gansu_etdz_measures_2025": ([],
   [In("《深化国家级经济技术开发区改革创新以高水平开放引领高质量发展工作方案》", "policy"),
    In("“百城千园行”活动", "event"), In("“入企入园”", "program"), In("“龙头对龙头”行动", "action_plan"),
    In("“陇质惠”质量基础设施一站式服务平台", "platform"),
    In("《甘肃省推进设备更新和消费品以旧换新标准提升专项行动方案》", "action_plan"),
    In("新赛道培育行动", "action_plan"),
    In("国家重点研发计划", "program", opt=True), In("“成果推介会+技术对接平台”", "platform", opt=True),
    In("国家产业基础再造项目", "project", opt=True), In("省级国际科技合作项目", "project", opt=True),
    In("工业重点领域设备更新项目", "project", opt=True)]),
 "10_parks_epidemic_2020_report": ([P("苏州工业园区"), P("烟台经开区")],
   [In("“1+N”式的疫情应对体系", "other", opt=True), In("“1+10”布局", "other", "苏州工业园区", opt=True),
    In("“1+8”工作小组体系", "other", "烟台经开区", opt=True)]),
 "11_longgang_micro_parks_2021_zhejiang": ([],
   [In("“一张清单转职能”改革", "reform"), In("小微园整治工作专班", "other", opt=True),
    In("小微园出租管理办法", "policy", opt=True)]),
}
write_gold(Path(__file__).parent, G)
