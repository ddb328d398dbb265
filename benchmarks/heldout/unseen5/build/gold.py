"""unseen5 gold, written by hand before the tool was run on these texts (see ../NOTES.md)."""

from lib import fig, ini, park, quote, write

Y12 = dict(ps="2012-01-01", pe="2012-12-31")
FIVE = dict(ps="2008-01-01", pe="2012-12-31")
BT = "包头市"
write("01_baotou_city_gov_report_2013.txt", published="2013", precision="year", in_text=False, figures=[
    fig("两千亿元", 2000, "亿元", "经济总量跨越台阶", "五年来", BT, "经济总量跨越了两千亿元和三千亿元两个台阶", "gdp", opt=True, **FIVE),
    fig("两个", 2, "个", "台阶数", "", BT, "经济总量跨越了两千亿元和三千亿元两个台阶", "other", opt=True),
    fig("三千亿元", 3000, "亿元", "经济总量跨越台阶", "五年来", BT, "经济总量跨越了两千亿元和三千亿元两个台阶", "gdp", opt=True, **FIVE),
    fig("3440亿元", 3440, "亿元", "全市生产总值", "2012年", BT, "预计2012年全市生产总值完成3440亿元左右", "gdp", q="approx", target=True, **Y12),
    fig("2.1倍", 2.1, "倍", "全市生产总值是2007年的倍数", "2012年", BT, "3440亿元左右,是2007年的2.1倍", "gdp", "multiple", target=True, **Y12),
    fig("1300亿元", 1300, "亿元", "规模以上工业增加值", "2012年", BT, "规模以上工业增加值达到1300亿元以上", "industrial_value_added", q="lower", target=True, **Y12),
    fig("2.5倍", 2.5, "倍", "规模以上工业增加值是2007年的倍数", "2012年", BT, "1300亿元以上,是2007年的2.5倍", "industrial_value_added", "multiple", target=True, **Y12),
    fig("960亿元", 960, "亿元", "社会消费品零售总额", "2012年", BT, "社会消费品零售总额完成960亿元以上", "retail_sales", q="lower", target=True, **Y12),
    fig("17.6%", 17.6, "%", "社会消费品零售总额年均增长", "五年", BT, "960亿元以上,年均增长17.6%", "retail_sales", "growth", target=True, **FIVE),
    fig("9091亿元", 9091, "亿元", "固定资产投资五年累计", "五年", BT, "固定资产投资五年累计完成9091亿元", "fixed_asset_investment", target=True, **FIVE),
    fig("349亿元", 349, "亿元", "固定资产投资年均增加", "五年", BT, "年均增加349亿元", "fixed_asset_investment", target=True, **FIVE),
    fig("326.8亿元", 326.8, "亿元", "地方财政总收入", "2012年", BT, "地方财政总收入完成326.8亿元", "fiscal_revenue", **Y12),
    fig("2.3倍", 2.3, "倍", "地方财政总收入是2007年的倍数", "2012年", BT, "326.8亿元,是2007年的2.3倍", "fiscal_revenue", "multiple", **Y12),
    fig("五大", 5, "个", "支柱产业数", "", BT, "钢铁、铝业、装备制造等五大支柱产业", "other", opt=True),
    fig("910亿元", 910, "亿元", "五大支柱产业增加值", "2012年", BT, "预计完成增加值910亿元左右", "industrial_value_added", q="approx", target=True, **Y12),
    fig("2.5倍", 2.5, "倍", "五大支柱产业增加值是2007年的倍数", "2012年", BT, "910亿元左右,是2007年的2.5倍", "industrial_value_added", "multiple", target=True, **Y12),
    fig("22%", 22, "%", "装备制造业增加值占规模以上工业的比重", "2012年", BT, "装备制造业增加值占规模以上工业的比重达到22%", "industrial_value_added", "share", **Y12),
    fig("十个百分点", 10, "个百分点", "装备制造业增加值比重比2007年提高", "2012年", BT, "比2007年提高近十个百分点", "industrial_value_added", "change_pp", q="approx", **Y12),
    fig("11.7%", 11.7, "%", "战略性新兴产业产值占规模以上工业", "2012年", BT, "产值已占规模以上工业的11.7%", "output_value", "share", **Y12),
], initiatives=[
    ini("“科学发展、全面转型、富民强市”战略", "program"),
    ini("《国务院关于进一步促进内蒙古经济社会又好又快发展的若干意见》", "policy"),
    ini("西部大开发战略", "program", opt=True),
])

LZ = "兰州新区"
Y23 = dict(ps="2023-01-01", pe="2023-12-31", target=True)
Y22 = dict(ps="2022-01-01", pe="2022-12-31", target=True)
write("02_lanzhou_new_area_2023_targets_gansu.txt", published="2023-01-14", precision="day", in_text=False,
      parks=[park("兰州新区", park_id="na-lanzhou")], figures=[
    fig("16%", 16, "%", "地区生产总值增长", "2023年", LZ, "兰州新区2023年预期发展目标地区生产总值增长16%以上", "gdp", "growth", q="lower", opt=True, **Y23),
    fig("16%", 16, "%", "地区生产总值增长", "2023年", LZ, "主要预期目标是:地区生产总值增长16%以上", "gdp", "growth", q="lower", **Y23),
    fig("18%", 18, "%", "固定资产投资增长", "2023年", LZ, "固定资产投资增长18%以上", "fixed_asset_investment", "growth", q="lower", **Y23),
    fig("20%", 20, "%", "规上工业增加值增长", "2023年", LZ, "规上工业增加值增长20%以上", "industrial_value_added", "growth", q="lower", **Y23),
    fig("15%", 15, "%", "第三产业增加值增长", "2023年", LZ, "第三产业增加值增长15%以上", "other", "growth", q="lower", **Y23),
    fig("20%", 20, "%", "一般公共预算收入同口径增长", "2023年", LZ, "一般公共预算收入同口径增长20%以上", "fiscal_revenue", "growth", q="lower", **Y23),
    fig("10%", 10, "%", "社会消费品零售总额增长", "2023年", LZ, "社会消费品零售总额增长10%以上", "retail_sales", "growth", q="lower", **Y23),
    fig("6%", 6, "%", "城镇居民人均可支配收入增长", "2023年", LZ, "城乡居民人均可支配收入分别增长6%、8%以上", "other", "growth", q="lower", **Y23),
    fig("8%", 8, "%", "农村居民人均可支配收入增长", "2023年", LZ, "城乡居民人均可支配收入分别增长6%、8%以上", "other", "growth", q="lower", **Y23),
    fig("13%", 13, "%", "地区生产总值增长", "2022年", LZ, "预计2022年兰州新区地区生产总值增长13%", "gdp", "growth", **Y22),
    fig("6年", 6, "年", "增速持续领跑国家级新区", "近6年来", LZ, "增速近6年来持续领跑国家级新区", "other", q="approx", opt=True),
    fig("18%", 18, "%", "固定资产投资增长", "2022年", LZ, "固定资产投资增长18%,规上工业增加值增长20%", "fixed_asset_investment", "growth", **Y22),
    fig("20%", 20, "%", "规上工业增加值增长", "2022年", LZ, "规上工业增加值增长20%,一般公共预算收入增长30%", "industrial_value_added", "growth", **Y22),
    fig("30%", 30, "%", "一般公共预算收入增长", "2022年", LZ, "一般公共预算收入增长30%", "fiscal_revenue", "growth", **Y22),
    fig("300多人", 300, "人", "参加会议人数", "", LZ, "共300多人参加会议", "other", q="lower"),
], initiatives=[
    ini("兰州新区召开2023年工作会议", "event", "兰州新区", opt=True),
])

LJ = "两江新区"
C23 = dict(ps="2023-01-01", pe="2023-12-31")
write("03_liangjiang_new_area_2023_chongqing.txt", published="2024-02-02", precision="day", in_text=True, parks=[
    park("两江新区", park_id="na-chongqing-liangjiang"),
    park("天府新区", park_id="na-tianfu"),
    park("重庆两江协同创新区", opt=True),
    park("西部(成都)科学城", opt=True),
], figures=[
    fig("6.5%", 6.5, "%", "GDP同比增长", "2023年", LJ, "两江新区2023年GDP同比增长6.5%发表时间", "gdp", "growth", opt=True, **C23),
    fig("6.5%", 6.5, "%", "直管区GDP同比增长", "2023年", LJ, "2023年两江新区直管区GDP同比增长6.5%", "gdp", "growth", **C23),
    fig("5.4%", 5.4, "%", "规上工业增加值增长", "2023年", LJ, "规上工业增加值增长5.4%", "industrial_value_added", "growth", **C23),
    fig("15.8%", 15.8, "%", "社零总额增长", "2023年", LJ, "社零总额增长15.8%", "retail_sales", "growth", **C23),
    fig("9.3%", 9.3, "%", "一般预算收入增长", "2023年", LJ, "一般预算收入增长9.3%", "fiscal_revenue", "growth", **C23),
    fig("八大", 8, "个", "产业旗舰联盟数", "", LJ, "加快做大做强八大产业旗舰联盟", "other", opt=True),
    fig("90余家", 90, "家", "集聚头部企业", "目前", "八大产业旗舰联盟", "目前已经集聚头部企业90余家", "enterprises", q="lower", pe="2024-02-02"),
    fig("600余家", 600, "家", "会员企业", "目前", "八大产业旗舰联盟", "会员企业600余家", "enterprises", q="lower", pe="2024-02-02"),
    fig("2650万吨", 2650, "万吨", "货物吞吐量", "2023年", "果园港国家物流枢纽", "果园港国家物流枢纽实现货物吞吐量2650万吨", "other", **C23),
    fig("4%", 4, "%", "货物吞吐量增长", "2023年", "果园港国家物流枢纽", "货物吞吐量2650万吨、增长4%", "other", "growth", **C23),
    fig("92万标箱", 92, "万标箱", "集装箱吞吐量", "2023年", "果园港国家物流枢纽", "集装箱吞吐量92万标箱", "other", **C23),
    fig("3%", 3, "%", "集装箱吞吐量增长", "2023年", "果园港国家物流枢纽", "92万标箱、增长3%", "other", "growth", **C23),
    fig("650班次", 650, "班次", "开行西部陆海新通道(果园港)班列", "2023年", LJ, "班列超650班次", "other", q="lower", **C23),
    fig("20%", 20, "%", "开行班列增长", "2023年", LJ, "超650班次、增长20%", "other", "growth", **C23),
], quotes=[
    quote("两江新区相关负责人", "这张“成绩单”表明", opt=True),
], initiatives=[
    ini("“一号工程”", "program"),
    ini("八大产业旗舰联盟", "platform", "两江新区"),
    ini("海铁多式联运境内铁路运费扣减政策", "policy", "两江新区"),
    ini("成渝地区双城经济圈建设", "program", opt=True),
    ini("西部陆海新通道建设", "program", opt=True),
    ini("重庆渝新欧国际铁路(果园港)多式联运枢纽建设", "project", "两江新区", opt=True),
])

HLJ = "中国(黑龙江)自由贸易试验区"
H1 = dict(ps="2022-01-01", pe="2022-06-30")
TO = dict(pe="2022-06-30")
write("04_heilongjiang_ftz_2022h1.txt", published="2022-09-04", precision="day", in_text=False, parks=[
    park(HLJ, aliases=["自贸试验区"], park_id="ftz-heilongjiang"),
    park("哈尔滨片区", park_id="ftza-heilongjiang-harbin"),
    park("黑河片区", park_id="ftza-heilongjiang-heihe"),
    park("绥芬河片区", park_id="ftza-heilongjiang-suifenhe"),
], figures=[
    fig("166.87亿元", 166.87, "亿元", "外贸额", "今年1月至6月", HLJ, "自由贸易试验区外贸额达166.87亿元", "trade", **H1),
    fig("48.3%", 48.3, "%", "外贸额同比增长", "今年1月至6月", HLJ, "同比增长48.3%,其中对俄贸易", "trade", "growth", **H1),
    fig("135.03亿元", 135.03, "亿元", "对俄贸易", "今年1月至6月", HLJ, "其中对俄贸易135.03亿元", "trade", **H1),
    fig("72.8%", 72.8, "%", "对俄贸易同比增长", "今年1月至6月", HLJ, "135.03亿元,同比增长72.8%", "trade", "growth", **H1),
    fig("80.9%", 80.9, "%", "对俄贸易占外贸额", "今年1月至6月", HLJ, "占该自贸试验区外贸额的80.9%", "trade", "share", **H1),
    fig("20余个", 20, "个", "一类对外开放口岸", "", "黑龙江省", "该省有20余个中国一类对外开放口岸", "other", q="lower"),
    fig("2981公里", 2981, "公里", "与俄罗斯边境线", "", "黑龙江省", "与俄罗斯有2981公里边境线", "other"),
    fig("119.85平方公里", 119.85, "平方公里", "总面积", "", HLJ, "总面积119.85平方公里", "area"),
    fig("690.84亿元", 690.84, "亿元", "外贸额(累计)", "截至2022年6月底", HLJ, "截至2022年6月底,该自贸试验区外贸额达690.84亿元", "trade", **TO),
    fig("12.8%", 12.8, "%", "占黑龙江省同期外贸总额", "截至2022年6月底", HLJ, "占黑龙江省同期外贸总额的12.8%", "trade", "share", **TO),
    fig("16539家", 16539, "家", "新设企业", "截至2022年6月底", HLJ, "新设企业16539家", "enterprises", **TO),
    fig("96.8%", 96.8, "%", "新设企业比挂牌前增长", "截至2022年6月底", HLJ, "比挂牌前增长96.8%", "enterprises", "growth", **TO),
    fig("3.4亿美元", 3.4, "亿美元", "实际利用外资", "截至2022年6月底", HLJ, "实际利用外资3.4亿美元", "fdi_actual", **TO),
    fig("19.7%", 19.7, "%", "实际利用外资占黑龙江省", "截至2022年6月底", HLJ, "占黑龙江省的19.7%", "fdi_actual", "share", **TO),
    fig("200余项", 200, "项", "累计生成制度创新成果", "截至2022年6月底", HLJ, "累计生成200余项制度创新成果", "other", q="lower", **TO),
    fig("5批", 5, "批", "发布省级创新实践案例批次", "截至2022年6月底", HLJ, "发布5批120个省级创新实践案例", "other", **TO),
    fig("120个", 120, "个", "省级创新实践案例", "截至2022年6月底", HLJ, "发布5批120个省级创新实践案例", "other", **TO),
], initiatives=[
    ini("“创新中俄跨境集群建设”", "reform", HLJ),
    ini("中蒙俄经济走廊", "program", opt=True),
])

FJ = "福建自貿試驗區"
write("05_fujian_ftz_trad.txt", parks=[
    park(FJ, aliases=["中國(福建)自由貿易試驗區"], park_id="ftz-fujian"),
    park("福州片區", park_id="ftza-fujian-fuzhou"),
    park("廈門片區", park_id="ftza-fujian-xiamen"),
    park("平潭片區", park_id="ftza-fujian-pingtan"),
], figures=[
    fig("118.04平方公里", 118.04, "平方公里", "實施範圍", "", FJ, "實施範圍118.04平方公里", "area"),
    fig("三個", 3, "個", "片區數", "", FJ, "涵蓋福州、廈門、平潭三個片區", "parks", opt=True),
    fig("31.26平方公里", 31.26, "平方公里", "面積", "", "福州片區", "福州片區31.26平方公里", "area"),
    fig("43.78平方公里", 43.78, "平方公里", "面積", "", "廈門片區", "廈門片區43.78平方公里", "area"),
    fig("43平方公里", 43, "平方公里", "面積", "", "平潭片區", "平潭片區43平方公里", "area"),
    fig("三次", 3, "次", "受到國務院辦公廳通報表揚", "", FJ, "三次受到國務院辦公廳通報表揚", "other", opt=True),
    fig("40周年", 40, "周年", "全國改革開放40周年大型展覽", "", FJ, "全國改革開放40周年大型展覽", "other", opt=True),
    fig("13批", 13, "批", "累計推出創新舉措批次", "累計", FJ, "累計已推出創新舉措13批339項", "other"),
    fig("339項", 339, "項", "累計推出創新舉措", "累計", FJ, "累計已推出創新舉措13批339項", "other"),
    fig("118項", 118, "項", "全國首創", "累計", FJ, "其中全國首創118項", "other"),
    fig("74項", 74, "項", "對台先行先試", "累計", FJ, "對台先行先試74項", "other"),
    fig("1天", 1, "天", "外商投資企業備案登記手續", "", FJ, "手續1天內就能完成", "processing_time", q="upper"),
], initiatives=[
    ini("《進一步深化中國(福建)自由貿易試驗區改革開放方案》", "policy", FJ),
    ini("“三證合一、一照一碼”", "reform", FJ),
    ini("“准入前國民待遇+負面清單+備案管理”模式", "reform", FJ),
    ini("“單一視窗、單一表格”受理", "reform", FJ),
])

SZ = "苏州市"
Y10 = dict(ps="2010-01-01", pe="2010-12-31")
SECTORS = [("航空航天制造业", "29.22", "0.3", "34.4"), ("计算机及办公设备制造业", "1899.20", "21.0", "16.3"),
           ("电子及通讯设备制造业", "4163.64", "46.1", "33.0"), ("医药制造业", "260.43", "2.9", "18.7"),
           ("专用科学仪器设备制造业", "241.24", "2.7", "31.8"), ("电气机械及设备制造业", "1155.20", "12.8", "22.5"),
           ("新材料产业", "1016.53", "11.3", None), ("新能源产业", "257.21", "2.9", None)]
suzhou = [
    fig("9022.67亿元", 9022.67, "亿元", "高新技术产业产值", "2010年", SZ, "高新技术产业(规模以上工业企业)实现产值9022.67亿元", "output_value", **Y10),
    fig("27.3%", 27.3, "%", "高新技术产业产值比上年增长", "2010年", SZ, "比上年增长27.3%", "output_value", "growth", **Y10),
    fig("36.7%", 36.7, "%", "占全市规模以上工业企业产值总量", "2010年", SZ, "占全市规模以上工业企业产值总量的36.7%", "output_value", "share", **Y10),
    fig("8911亿元", 8911, "亿元", "产品销售收入", "2010年", SZ, "实现产品销售收入8911亿元", "sales", **Y10),
    fig("26.3%", 26.3, "%", "产品销售收入增长", "2010年", SZ, "8911亿元,增长26.3%", "sales", "growth", **Y10),
    fig("5757.84亿元", 5757.84, "亿元", "出口交货值", "2010年", SZ, "出口交货值5757.84亿元", "exports", **Y10),
    fig("31.3%", 31.3, "%", "出口交货值增长", "2010年", SZ, "5757.84亿元,增长31.3%", "exports", "growth", **Y10),
    fig("677亿元", 677, "亿元", "利税总额", "2010年", SZ, "完成利税总额677亿元", "other", **Y10),
    fig("22.0%", 22.0, "%", "利税总额增长", "2010年", SZ, "677亿元,增长22.0%", "other", "growth", **Y10),
]
for name, output, share, growth in SECTORS:
    suzhou.append(fig(f"{output}亿元", float(output), "亿元", f"{name}工业总产值", "2010年", SZ,
                      f"{name}实现工业总产值{output}亿元", "industrial_output", **Y10))
    context = f"占高新技术产业总产值的{share}%" if name == "航空航天制造业" else f"{output}亿元,占{share}%"
    suzhou.append(fig(f"{share}%", float(share), "%", f"{name}占高新技术产业总产值", "2010年", SZ, context,
                      "industrial_output", "share", **Y10))
for name, output, share, growth in SECTORS:
    if growth is None:
        continue
    suzhou.append(fig(f"{growth}", float(growth), "%", f"{name}比去年增长", "2010年", SZ, f"{name}{growth}{share}",
                      "industrial_output", "growth", **Y10))
    suzhou.append(fig(f"{share}", float(share), "%", f"{name}占全市高新技术产业比重", "2010年", SZ,
                      f"{growth}{share}", "industrial_output", "share", opt=True, **Y10))
write("06_suzhou_hightech_industry_stats_2010.txt", figures=suzhou, initiatives=[])

H1_16 = dict(ps="2016-01-01", pe="2016-06-30")
Q1_16 = dict(ps="2016-01-01", pe="2016-03-31")
ROWS = {"2016年上半年": [("“六高”合计(剔重)", "六高", "10128", "28811.4", "6.9"),
                        ("中关村国家自主创新示范区", None, "6760", "18351.5", "15.4"),
                        ("金融街", None, "538", "4242.0", "-8.2"), ("北京商务中心区", None, "1383", "2993.6", "-8.3"),
                        ("北京经济技术开发区", None, "625", "3431.4", "17.9"), ("临空经济区", None, "535", "1789.7", "4.5"),
                        ("奥林匹克中心区", None, "968", "1549.9", "-2.8")],
        "2016年1季度": [("“六高”合计(剔重)", "六高", "10174", "13165.9", "7.0"),
                       ("中关村国家自主创新示范区", None, "6779", "8326.6", "15.4"),
                       ("金融街", None, "536", "1833.8", "-9.3"), ("北京商务中心区", None, "1401", "1457.3", "-7.7"),
                       ("北京经济技术开发区", None, "620", "1539.7", "14.0"), ("临空经济区", None, "537", "848.9", "-3.6"),
                       ("奥林匹克中心区", None, "980", "790.3", "6.8")]}
beijing = []
for period, rows in ROWS.items():
    dates = H1_16 if period == "2016年上半年" else Q1_16
    for label, subject, units, revenue, growth in rows:
        subject = subject or label
        cells = f"{label}|{units}|{revenue}|{growth}|"
        beijing += [
            fig(units, float(units), "个", "单位数(规模以上法人单位)", period, subject, cells, "enterprises", **dates),
            fig(revenue, float(revenue), "亿元", "收入合计绝对值", period, subject, cells, "revenue", **dates),
            fig(growth, float(growth), "%", "收入合计增速", period, subject, cells, "revenue", "growth", **dates),
        ]
write("07_beijing_six_zones_table_2016.txt", published="2020-02-17", precision="day", in_text=False, parks=[
    park("中关村国家自主创新示范区", park_id="idz-zhongguancun"),
    park("北京经济技术开发区", park_id="etdz-beijing"),
    park("临空经济区", opt=True),
    park("金融街", opt=True),
    park("北京商务中心区", opt=True),
    park("奥林匹克中心区", opt=True),
    park("六大高端产业功能区", aliases=["六高"], opt=True),
], figures=beijing)

YA = "经开区"
write("08_yaan_edz_h1_stats_sichuan.txt", parks=[park("经开区", opt=True, park_id="etdz-yaan")], figures=[
    fig("23.5%", 23.5, "%", "规上工业增加值同比增长", "上半年", YA, "经开区规上工业增加值同比增长23.5%", "industrial_value_added", "growth"),
    fig("14.8%", 14.8, "%", "规上工业增加值两年平均增长", "两年", YA, "两年平均增长14.8%", "industrial_value_added", "growth"),
    fig("6个月", 6, "个月", "持续稳居全市第一", "", YA, "持续6个月稳居全市第一", "other", opt=True),
    fig("第一", 1, "名", "全市排名", "", YA, "持续6个月稳居全市第一,工业经济", "other", opt=True),
    fig("三大", 3, "个", "主导产业数", "", YA, "三大主导产业产值同比增长31.9%", "other", opt=True),
    fig("31.9%", 31.9, "%", "三大主导产业产值同比增长", "上半年", YA, "三大主导产业产值同比增长31.9%", "output_value", "growth"),
    fig("6个月", 6, "个月", "保持两位数增长", "", YA, "持续6个月保持两位数增长", "other", opt=True),
    fig("1.11亿元", 1.11, "亿元", "规上工业企业入库税收", "上半年", YA, "规上工业企业实现入库税收1.11亿元", "tax"),
    fig("38.5%", 38.5, "%", "入库税收同比增长", "上半年", YA, "1.11亿元,同比增长38.5%", "tax", "growth"),
    fig("500万元", 500, "万元", "企业税收门槛", "", YA, "税收500万元以上企业6家", "tax", q="lower"),
    fig("6家", 6, "家", "税收500万元以上企业", "上半年", YA, "税收500万元以上企业6家", "enterprises"),
    fig("3家", 3, "家", "税收500万元以上企业较上年增加", "上半年", YA, "较上年增长3家", "enterprises"),
    fig("6.42亿度", 6.42, "亿度", "规上工业用电量", "上半年", YA, "规上工业用电量6.42亿度", "other"),
    fig("39.2%", 39.2, "%", "规上工业用电量同比增长", "上半年", YA, "6.42亿度,同比增长39.2%", "other", "growth"),
    fig("75.8%", 75.8, "%", "呈增长势头企业占规上工业企业", "上半年", YA, "呈增长势头企业占规上工业企业75.8%", "enterprises", "share"),
    fig("27个", 27, "个", "实现达产达效项目", "上半年", YA, "联茂机械等27个项目实现达产达效", "projects"),
    fig("10亿元", 10, "亿元", "新增规上工业产值", "上半年", YA, "新增规上工业产值近10亿元", "industrial_output", q="approx"),
    fig("17.1个百分点", 17.1, "个百分点", "拉动园区规上工业产值增长", "上半年", YA, "拉动园区规上工业产值增长17.1个百分点", "industrial_output", "change_pp"),
])

write("09_ningbo_daxie_regulation_1994.txt", published="1994-08-31", precision="day", in_text=True, parks=[
    park("宁波大榭开发区", aliases=["开发区"], park_id="etdz-ningbo-daxie"),
], figures=[], initiatives=[
    ini("《宁波大榭开发区条例》", "policy", "宁波大榭开发区"),
])

JJ = "晋江经济开发区"
Y24 = dict(ps="2024-01-01", pe="2024-12-31")
NOW24 = dict(pe="2024-12-31")
write("10_jinjiang_edz_one_zone_14_parks_fujian_2024.txt", published="2024", precision="year", in_text=False, parks=[
    park(JJ, park_id="prov-s357029"),
], figures=[
    fig("第九位", 9, "名", "高质量发展百强榜单排名", "2024", JJ, "跻身高质量发展百强榜单第九位", "other", opt=True),
    fig("2位", 2, "位", "排名较去年上升", "2024", JJ, "较去年上升2位", "other", opt=True),
    fig("十强", 10, "名", "跻身全国十强", "2024", JJ, "首次跻身全国十强", "other", opt=True),
    fig("300亿元", 300, "亿元", "纳入评价的园区规上工业总产值或总收入门槛", "", "省级开发区", "园区总收入超过300亿元", "industrial_output", q="lower"),
    fig("2100个", 2100, "个", "纳入评价范围的省级开发区", "", "省级开发区", "超2100个省级开发区纳入评价范围", "parks", q="lower"),
    fig("五个", 5, "个", "评价维度", "", "省级开发区", "四化转型等五个维度", "other", opt=True),
    fig("23项", 23, "项", "具体指标", "", "省级开发区", "等23项具体指标", "other"),
    fig("31家", 31, "家", "“四上”企业月度新增", "今年来", JJ, "“四上”企业月度新增31家", "enterprises", **Y24),
    fig("16家", 16, "家", "限上企业月度新增", "今年来", JJ, "限上企业月度新增16家", "enterprises", **Y24),
    fig("十四园", 14, "园", "一区十四园", "", JJ, "晋江经济开发区“一区十四园”拥有", "parks", opt=True),
    fig("218家", 218, "家", "高新技术企业", "目前", JJ, "拥有高新技术企业218家", "high_tech_enterprises", **NOW24),
    fig("6家", 6, "家", "专精特新“小巨人”企业", "目前", JJ, "专精特新“小巨人”企业6家", "specialized_smes", **NOW24),
    fig("53家", 53, "家", "省级专精特新企业", "目前", JJ, "省级专精特新企业53家", "specialized_smes", **NOW24),
    fig("120家", 120, "家", "省级创新型企业", "目前", JJ, "省级创新型企业120家", "enterprises", **NOW24),
], initiatives=[
    ini("“1+6”专项行动", "action_plan", JJ),
    ini("“红色勤务员”行动", "action_plan", JJ),
    ini("“晋江经验”", "other", JJ, opt=True),
    ini("“中国县域/市辖区高质量发展研讨会2024”", "event", opt=True),
])

Y15 = dict(ps="2015-01-01", pe="2015-12-31")
E15 = dict(pe="2015-12-31")
write("11_baotou_city_gov_report_2016.txt", published="2016-01-12", precision="day", in_text=True, figures=[
    fig("8%", 8, "%", "地区生产总值增长", "2015年", BT, "预计全年地区生产总值增长8%", "gdp", "growth", target=True, **Y15),
    fig("15%", 15, "%", "固定资产投资增长", "2015年", BT, "固定资产投资增长15%", "fixed_asset_investment", "growth", target=True, **Y15),
    fig("8%", 8, "%", "社会消费品零售总额增长", "2015年", BT, "社会消费品零售总额增长8%", "retail_sales", "growth", target=True, **Y15),
    fig("7.7%", 7.7, "%", "一般公共预算收入增长", "2015年", BT, "一般公共预算收入增长7.7%", "fiscal_revenue", "growth", target=True, **Y15),
    fig("8%", 8, "%", "城镇居民人均收入增长", "2015年", BT, "城乡居民人均收入分别增长8%和9%", "other", "growth", target=True, **Y15),
    fig("9%", 9, "%", "农村居民人均收入增长", "2015年", BT, "城乡居民人均收入分别增长8%和9%", "other", "growth", target=True, **Y15),
    fig("17.2亿元", 17.2, "亿元", "为工业企业争取各类扶持资金", "2015年", BT, "全年为工业企业争取各类扶持资金17.2亿元", "funding", **Y15),
    fig("73户", 73, "户", "停产半停产企业恢复生产", "2015年", BT, "帮助规模以上73户停产半停产企业恢复了生产", "above_scale_enterprises", **Y15),
    fig("71户", 71, "户", "企业扭亏增盈", "2015年", BT, "71户企业扭亏增盈", "enterprises", **Y15),
    fig("1200亿元", 1200, "亿元", "规模以上工业增加值", "2015年", BT, "预计规模以上工业增加值达到1200亿元", "industrial_value_added", target=True, **Y15),
    fig("10%", 10, "%", "规模以上工业增加值增长", "2015年", BT, "1200亿元,增长10%", "industrial_value_added", "growth", target=True, **Y15),
    fig("733个", 733, "个", "亿元以上重点项目", "2015年", BT, "全年组织实施亿元以上重点项目733个", "projects", **Y15),
    fig("2190亿元", 2190, "亿元", "重点项目完成投资", "2015年", BT, "完成投资2190亿元", "project_investment", **Y15),
    fig("39.7%", 39.7, "%", "重点项目完成投资增长", "2015年", BT, "2190亿元,增长39.7%", "project_investment", "growth", **Y15),
    fig("267个", 267, "个", "竣工项目", "2015年", BT, "竣工267个", "projects", **Y15),
    fig("658亿元", 658, "亿元", "区外(国内)到位资金", "2015年", BT, "区外(国内)到位资金658亿元", "investment_attracted", **Y15),
    fig("28.1%", 28.1, "%", "到位资金增长", "2015年", BT, "658亿元,增长28.1%", "investment_attracted", "growth", **Y15),
    fig("667亿元", 667, "亿元", "中小微企业贷款余额", "2015年", BT, "全市中小微企业贷款余额达到667亿元", "other", **E15),
    fig("11.8%", 11.8, "%", "中小微企业贷款余额增长", "2015年", BT, "667亿元,增长11.8%", "other", "growth", **Y15),
    fig("301.5亿元", 301.5, "亿元", "定向增发募集资金", "2015年", "包钢股份", "包钢股份、东宝生物成功定向增发,募集资金301.5亿元", "other", **Y15),
    fig("4家", 4, "家", "新三板挂牌企业", "2015年", BT, "泰宏生态等4家企业实现新三板挂牌", "listed_companies", **Y15),
    fig("468亿元", 468, "亿元", "市级融资平台累计筹集建设资金", "2015年", BT, "市级融资平台累计筹集建设资金468亿元", "other", **E15),
    fig("40亿元", 40, "亿元", "“美丽乡村”产业基金总规模", "2015年", "“美丽乡村”产业基金", "设立了总规模40亿元的全国首支地市级“美丽乡村”产业基金", "funding", **Y15),
], initiatives=[
    ini("《包头市国民经济和社会发展第十三个五年规划纲要(草案)》", "action_plan"),
    ini("“美丽乡村”产业基金", "program"),
    ini("促进小微企业加快发展等一系列措施", "policy", opt=True),
])
