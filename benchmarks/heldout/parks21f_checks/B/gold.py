"""Hand-written gold for check B (parks and initiatives; written before any run of the tool on these texts)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # checkgold: what A, B and C share
from checkgold import In, P, write_gold

G = {
 "01_zhuhai_htz_talent_plan_2022_guangdong": ([P("珠海高新区")],
   [In("《珠海高新区建设未来科技城·人才友好青年友好行动计划(2022-2024年)》", "action_plan", "珠海高新区"),
    In("《行动计划》", "action_plan", "珠海高新区", opt=True), In("“青春之城·活力之都”", "program", opt=True)]),
 "02_futian_talent_plan_shenzhen_trad_pinyin": ([],
   [In("福田英才薈計(jì)劃", "program")]),
 "03_zhoushan_new_area_talent_2018_zhejiang_trad": ([P("浙江舟山群島新區")],
   [In("“智匯群島?創新引領”戰略", "program", "浙江舟山群島新區"),
    In("新區高層次人才特殊支持計劃", "program", "浙江舟山群島新區"),
    In("“特支計劃”", "program", "浙江舟山群島新區", opt=True),
    In("“5313”行動計劃", "action_plan", "浙江舟山群島新區"),
    In("關于實施人才發展新政策打造海洋經濟人才新高地的意見", "policy", opt=True)]),
 "04_zhumadian_devzone_signing_2020_henan": ([P("中国(驻马店)国际农产品加工产业园", opt=True)],
   [In("第二十三届中国农加工投洽会", "event"), In("重点项目签约仪式", "event", opt=True)]),
 "05_haidong_industrial_park_2020_qinghai": ([P("海东工业园区")],
   [In("“青洽会”", "event"), In("集中签约专题活动", "event", opt=True),
    In("绿城五彩河湟建设项目", "project", opt=True), In("易华录城市数据湖项目", "project", opt=True),
    In("润厚农产品交易中心项目", "project", opt=True), In("河湟文化产业园项目", "project", opt=True),
    In("河湟菜米农副产品批发市场项目", "project", opt=True), In("动物疫苗生产基地项目", "project", opt=True),
    In("西北农林牧特色商品交易中心项目", "project", opt=True), In("长城·公爵新能源汽车小镇", "project", opt=True)]),
 "06_meizhou_investment_fair_guangdong": ([P("广梅产业园", al=["梅州高新区"])],
   [In("梅州招商引资推进“百千万工程”专场推介会", "event"), In("“百千万工程”", "program", opt=True),
    In("招商引资推进“百千万工程”项目签约仪式", "event", opt=True),
    In("梅州市“百千万工程”招商引资宣传大使选拔大赛", "event")]),
 "07_jiangmen_xinhui_taishan_fair_guangdong": ([],
   [In("“湾区热土携手新台”江门市(新会·台山)招商推介会", "event"), In("产业招商地图", "other", opt=True),
    In("深圳工业展", "event", opt=True)]),
 "08_linyi_ciie_signing_2021_shandong": ([P("G60科创园", opt=True)],
   [In("《第四届中国国际进口博览会临沂交易团工作方案》", "action_plan"), In("第四届中国国际进口博览会", "event", opt=True),
    In("走进长三角城市群营商环境展示会", "event"), In("“落英银杏缤纷郯城”驻点产业链招商成果发布会", "event"),
    In("G60科创园投资运营项目", "project", opt=True), In("华润沂水100MW农光互补项目", "project", opt=True),
    In("丰益国际益海嘉里鲁丰(临沂)包装产业园项目", "project", opt=True),
    In("华阳集团气凝胶功能性板材生产项目", "project", opt=True), In("太阳能光伏玻璃及药用玻璃生产项目", "project", opt=True),
    In("中韩美谷", "project", opt=True)]),
}
write_gold(Path(__file__).parent, G)
