"""Hand-written gold for the parks21g check (written before any run of the tool on these texts).
park_id: looked up by grep in extractor/data/zones.csv / zones_provincial.csv ("" = not in the registry);
parent_id: the zone a sub-park of a 一区N园 belongs to."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parks21f_checks"))  # the shared checkgold
from checkgold import In, P, write_gold

KZ = "prov-s509033"  # 重庆开州工业园区 (目录2018 S509033)
ZJK = "etdz-zhangjiakou"
G = {
 "01_guangxi_ftz_chongzuo_area_2024": (
   [P("中国(广西)自由贸易试验区", al=["广西自贸试验区"], pid="ftz-guangxi"),
    P("广西自贸试验区崇左片区", pid="ftza-guangxi-chongzuo")],
   [In("“多卡合一”作业", "reform"), In("“一站式”通关", "reform", opt=True),
    In("中越智慧口岸24小时智能化通关建设", "project", opt=True)]),
 "02_guangxi_border_opening_report_2025": (
   [P("东兴互市贸易区", pid="")],
   [In("2025年沿边开放成果报告", "event", opt=True)]),
 "04_chuxiong_torch_festival_investment_fair_2024_yunnan": (
   [P("楚雄高新区", pid="htz-chuxiong")],
   [In("“投资楚雄•共赢未来”楚雄市2024年彝族火把节招商引资推介会", "event")]),
 "05_national_new_areas_signing_2021": (
   [P("四川天府新区", pid="na-tianfu"), P("青岛西海岸新区", pid="na-qingdao-xihaian"),
    P("重庆两江新区", pid="na-chongqing-liangjiang"), P("福州新区", pid="na-fuzhou"),
    P("哈尔滨新区", pid="na-haerbin"), P("江西赣江新区", pid="na-ganjiang"),
    P("广州南沙新区", pid="na-guangzhou-nansha"), P("南京江北新区", pid="na-nanjing-jiangbei"),
    P("天津滨海新区", pid="na-tianjin-binhai"), P("浙江舟山群岛新区", pid="na-zhoushan-qundao"),
    P("联东U谷·哈尔滨松北智造谷", opt=True)],
   [In("第七次国家级新区工作经验交流会暨新区工作推动会", "event"),
    In("国家级新区深化战略合作和承接产业转移项目签约仪式", "event"),
    In("战略合作框架协议", "program", opt=True)]),
 "06_yunnan_key_industries_signings_2024_trad": (
   [P("玉溪高新區", pid="htz-yuxi"), P("騰沖經濟技術開發區", pid="prov-s537012"),
    P("安寧現代食品新型工業及物流倉儲產業園區", opt=True), P("春季亞洲生物醫藥及醫療器械綜合服務產業園", opt=True)],
   [In("工業“新三樣”", "program", opt=True)]),
 "07_kaizhou_industrial_park_one_zone_four_parks_trad": (
   [P("開縣(今開州區)工業園區", pid=KZ),
    P("白鶴能源建材產業園", pid="", parent=KZ), P("趙家食品輕工產業園", pid="", parent=KZ),
    P("平橋高新技術產業園", al=["平橋移民生態工業園"], pid="", parent=KZ), P("開州臨港工業園", pid="", parent=KZ),
    P("移民生態工業園", opt=True)],
   [In("“一區四園”佈局", "program", opt=True), In("“築巢引鳳”", "program", opt=True),
    In("“鳥巢經濟”", "program", opt=True)]),
 "08_zhangjiakou_etdz_multi_parks_2015_hebei": (
   [P("张家口市经济开发区", al=["经开区"], pid=ZJK),
    P("洋河高科园区", pid="", parent=ZJK), P("现代产业园区", pid="", parent=ZJK),
    P("流平寺工业园区", al=["流平寺新型工业园"], pid="", parent=ZJK),
    P("燕兴中小企业孵化园区", al=["燕兴中小企业孵化园"], pid="", parent=ZJK),
    P("高层次人才创新创业园", opt=True), P("新能源汽车产业园", opt=True), P("电子信息产业园", opt=True)],
   [In("“一区多园”战略", "program", "张家口市经济开发区"),
    In("可再生能源应用综合创新示范特区", "program", opt=True), In("京张联合申冬奥", "program", opt=True)]),
}
write_gold(Path(__file__).parent, G)
