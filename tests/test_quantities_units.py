"""The measure-word model (aidlib.quantities.units): base words, derived units, aliases, rates.

Tables of phrases in the style of statistics bulletins, energy, transport and health
reporting; each odd case says why. The notation is :mod:`quantity_cases`.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quantity_cases import check

from aidlib.data import vocabulary
from aidlib.quantities.chinese import UNIT_TABLE, UNITS, find_quantities, parse_quantity
from aidlib.quantities.units import ALIASES, CONTEXT_WORDS, HALVES, PER_NOUNS, PER_WORDS, TIMES_COUNTERS

STATISTICS_BULLETIN = [
    ("全年全县地区生产总值123.45亿元", "12345000000 元"),
    ("第一产业增加值28.6亿元，增长4.1%", "2860000000 元; 4.1 %"),
    ("三次产业结构为23.2:25.1:51.7", "-"),  # 三次产业 is a name (the three sectors), not 3 次
    ("年末常住人口32.56万人", "325600 人"),
    ("全体居民人均可支配收入2.35万元", "23500 元 per=人"),
    ("农村居民人均可支配收入15678元，增长7.8%", "15678 元 per=人; 7.8 %"),  # a share is per nothing
    ("城乡居民人均可支配收入分别为4.8万元和2.1万元", "48000 元 per=人; 21000 元 per=人"),
    ("棉花播种面积120万亩", "1200000 亩"),
    ("家禽出栏256万羽", "2560000 羽"),
    ("年末生猪存栏34.5万头", "345000 头"),
    ("规模以上工业增加值增长8.9%", "8.9 %"),  # 规模以上 is no hedge
    ("医疗卫生机构856个，床位5600张", "856 个; 5600 张"),
    ("每千人口医疗卫生机构床位6.8张", "6.8 张 per=人 size=1000"),
    ("每万人口拥有执业医师28.5人", "28.5 人 per=人 size=10000"),
    ("每百户城镇居民家庭拥有家用汽车45.6辆", "45.6 辆 per=户 size=100"),
    # the base in digits is no quantity (as 每万人口), and it reaches both numbers of its clause
    ("每10万人口中具有大学文化程度的由8930人上升为15467人",
     "8930 人 per=人 size=100000; 15467 人 per=人 size=100000"),
    ("全年降水量356.8毫米", "356.8 毫米"),
    ("年平均气温12.6℃", "12.6 ℃"),
    ("专利授权量2345件", "2345 件"),
    ("快递业务量1.2亿件", "120000000 件"),
    ("万元地区生产总值能耗下降2.8%", "-2.8 %"),  # 万元 alone is a base (a bare magnitude)
    ("年末移动电话用户56.7万户", "567000 户"),
    ("新增造林面积15万亩", "150000 亩"),
    ("治理水土流失面积120平方公里", "120 平方公里"),
    ("两项指标分别下降5%和8%", "2 项; -5 %; -8 %"),
]  # fmt: skip

ENERGY = [
    ("年上网电量3200万千瓦时", "32000000 千瓦时"),  # energy, never 千瓦 (power) cut short
    ("發電量12.5億千瓦時", "1250000000 千瓦时"),  # traditional script
    ("全社会用电量123.4亿千瓦时", "12340000000 千瓦时"),
    ("新增装机容量120万千瓦", "1200000 千瓦"),
    ("光伏装机容量达到500兆瓦", "500 兆瓦"),
    ("风电装机3.2吉瓦", "3.2 吉瓦"),
    ("储能电站规模100兆瓦/200兆瓦时", "100 兆瓦; 200 兆瓦时"),  # a slash between two quantities
    ("年发电量约12亿度", "1200000000 千瓦时 about"),  # 度 with a magnitude: no weather is that hot
    ("节约用电2000万度", "20000000 千瓦时"),
    ("每度电0.45元", "0.45 元 per=千瓦时"),
    ("居民电价0.56元/千瓦时", "0.56 元 per=千瓦时"),
    ("上网电价每千瓦时下调2分钱", "-0.02 元 per=千瓦时"),  # 下调 is a fall; 分钱 a hundredth of a yuan
    ("天然气产量120亿立方米", "12000000000 立方米"),
    ("输气能力每年300亿方", "30000000000 立方米 per=年"),  # 方 after a magnitude is a cubic metre
    ("能源消费总量1.2亿吨标准煤", "120000000 吨标准煤"),  # not 吨 cut short
    ("建成500千伏变电站2座", "500 千伏; 2 座"),
    ("变电容量1200万千伏安", "12000000 千伏安"),
    ("装机容量1200MW", "1200 兆瓦"),
    ("年发电量3.6亿kWh", "360000000 千瓦时"),
    ("12kW", "12 千瓦"),
]  # fmt: skip

TRANSPORT = [
    ("货物周转量456.7亿吨公里", "45670000000 吨公里"),  # transport work, not 吨
    ("旅客周转量12.3亿人公里", "1230000000 人公里"),
    ("集装箱吞吐量1234万标准箱", "12340000 标准箱"),
    ("集装箱吞吐量120万TEU", "1200000 标准箱"),
    ("飞机起降18.6万架次", "186000 架次"),  # 起降 holds 降 but is no fall
    ("开行中欧班列1.6万列", "16000 列"),
    ("全长128.5千米", "128.5 公里"),
    ("隧道长3200米", "3200 米"),
    ("设计时速350公里", "350 公里 per=小时"),
    ("设计速度100公里/小时", "100 公里 per=小时"),
    ("80km/h", "80 公里 per=小时"),
    ("日均客流量达到345万人次", "3450000 人次 per=天"),
    ("每天开行旅客列车120趟", "120 趟 per=天"),
    ("建设10万吨级泊位2个", "2 个"),  # 10万吨级 is a class of berth, not a mass
    ("港口靠泊5万吨级船舶", "-"),
    ("1500台套", "1500 台套"),  # not 台 cut short
    ("年末公路通车里程3.2万公里，其中高速公路1234公里", "32000 公里; 1234 公里"),
]  # fmt: skip

HEALTH = [
    ("累计接种新冠疫苗3.2亿剂次", "320000000 剂次"),
    ("接种疫苗120万剂", "1200000 剂"),
    ("二级以上医院12家", "12 家"),  # 二级 is a grade, not a quantity
    ("建成500床位的医院", "500 床位"),
    ("5岁以下儿童死亡率4.5‰", "5 岁 under; 0.45 %"),
    ("人均预期寿命达到78.5岁", "78.5 岁"),  # an age is per nobody, 人均 or not
    ("救护车平均到达时间缩短至12分钟", "12 分钟"),
    ("急救反应时间控制在10分钟以内", "10 分钟 under"),
    ("全市共发生聚集性疫情3起", "3 起"),
    ("全年发生生产安全事故12起，死亡8人", "12 起; 8 人"),
    ("献血量达到600万毫升", "6000000 毫升"),
    ("血糖检测每人每年2次", "2 次 per=人/年"),  # two denominators, in reading order
    ("PM2.5年均浓度为35微克/立方米", "35 微克 per=立方米"),  # 2.5 after PM is a code
    ("35μg/m³", "35 微克 per=立方米"),
    ("诉求3.6万件", "36000 件"),
]  # fmt: skip

TEMPERATURE = [
    ("零下25℃", "-25 ℃"),  # 零下 is a minus sign
    ("-5℃", "-5 ℃"),
    ("零下4摄氏度", "-4 ℃"),
    ("气温28度", "28 ℃"),  # 度 where the clause is about the weather
    ("最低气温零下15度", "-15 ℃"),
    ("25°C", "25 ℃"),
    ("平均气温比常年偏高0.8℃", "0.8 ℃"),
    ("360度全景", "-"),  # 度 about neither weather nor electricity: no quantity
    ("两度获得", "-"),
]  # fmt: skip

# Words that continue a unit into another word are no quantity, never a shorter unit.
NOT_UNITS = [
    ("从5方面入手", "-"),  # 方面: aspects, not cubic metres
    ("三方协议", "-"),  # 方 after a Chinese numeral: parties
    ("5000方", "5000 立方米"),
    ("三伏天", "-"),  # the dog days, not 3 volts
    ("10万吨级码头", "-"),
    ("千万元级项目", "-"),  # a class of project, not an amount
    ("三个级别", "3 个"),  # 级 after a counter: three levels do count
    ("5栋302室", "-"),  # an address
    ("建成安置房12栋", "12 栋"),
    ("切成三块", "3 块"),  # pieces: no money in the clause and a small number
    ("三块示范田", "3 块"),
    ("每人补贴5块", "5 元 per=人"),  # 块 at a clause's end about money is yuan
    ("升级3个", "3 个"),
    ("5升级", "-"),
    ("3秒钟", "3 秒"),
]  # fmt: skip

RATES = [
    ("3200元/吨", "3200 元 per=吨"),
    ("每户2000元", "2000 元 per=户"),
    ("人均1.2万元", "12000 元 per=人"),
    ("猪肉价格每公斤30.5元", "30.5 元 per=公斤"),
    ("鸡蛋4.5元/斤", "4.5 元 per=斤"),
    ("均价1.8万元/㎡", "18000 元 per=平方米"),
    ("新建商品住宅均价每平方米1.2万元", "12000 元 per=平方米"),
    ("门票价格为60元/人", "60 元 per=人"),
    ("停车费每小时5元", "5 元 per=小时"),
    ("补助标准为每亩200元", "200 元 per=亩"),
    ("对新增就业岗位每个补贴1000元", "1000 元 per=个"),
    ("每户补贴2000元，共发放300万元", "2000 元 per=户; 3000000 元"),  # another clause: per nothing
    ("每户补贴2000元共计300万元", "2000 元 per=户; 3000000 元"),  # 共计 ends the reach
    ("平均每天工作8小时", "8 小时 per=天"),
    ("每周工作5天", "5 天 per=周"),
    ("农村居民人均可支配收入增长8%", "8 %"),  # a share is per nothing
    ("日均发电量约300万千瓦时", "3000000 千瓦时 about per=天"),
    ("电价每千瓦时0.3至0.5元", "0.3-0.5 元 per=千瓦时"),
    ("每吨300至500元", "300-500 元 per=吨"),
    ("人均住房面积达到42.5平方米", "42.5 平方米 per=人"),
    ("亩均产值超过1万元", "10000 元 over per=亩"),
    ("小麦亩产达到600公斤", "600 公斤 per=亩"),
    ("每百人拥有公共图书馆藏书120册", "120 册 per=人 size=100"),  # 公共 holds 共 but ends no reach
    ("每趟车票价12元", "12 元 per=趟"),
    ("气温在零下5℃至零下10℃之间", "-10--5 ℃"),  # a range below zero
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "spec"), STATISTICS_BULLETIN + ENERGY + TRANSPORT + HEALTH + TEMPERATURE + NOT_UNITS + RATES
)
def test_reporting_phrases(text, spec):
    check(text, spec)


# ---- the model: every unit is held to the vocabulary, every rule makes what it says ----------
def test_every_unit_has_an_english_name_a_kind_and_a_vocabulary_entry():
    for word, unit in UNIT_TABLE.items():
        assert unit.english and unit.kind, word
        entry = vocabulary.unit(word)  # raises KeyError naming the known units if missing
        assert entry.en == unit.english, word
    for word, (target, _) in ALIASES.items():
        assert target in UNITS, word
    for word, (target, _) in HALVES.items():
        assert target in UNITS, word
    assert set(PER_NOUNS.values()) | set(PER_WORDS.values()) <= set(UNITS)


@pytest.mark.parametrize(
    ("word", "kind", "english"),
    [
        ("千瓦时", "energy", "kWh"),  # power + 时 is energy
        ("兆瓦时", "energy", "MWh"),
        ("兆瓦", "power", "MW"),  # a metric prefix on 瓦
        ("毫克", "mass", "mg"),
        ("微克", "mass", "micrograms"),
        ("架次", "count", "flights"),  # a counter + 次 counts runs
        ("剂次", "count", "doses given"),
        ("℃", "temperature", "degrees Celsius"),
    ],
)
def test_derived_units(word, kind, english):
    assert (UNIT_TABLE[word].kind, UNITS[word]) == (kind, english)


def test_no_energy_is_made_from_a_unit_that_is_not_watts():
    assert "千伏安时" not in UNITS  # kVA is apparent power: no kVAh is read


@pytest.mark.parametrize("word", sorted(TIMES_COUNTERS))
def test_every_count_of_times_reads(word):
    check(f"共3{word}", f"3 {word}")


@settings(max_examples=200, deadline=None)
@given(
    number=st.integers(1, 99_999),
    mag=st.sampled_from(["", "万", "亿"]),
    word=st.sampled_from(sorted(w for w in UNITS if len(w) > 1 and w not in CONTEXT_WORDS)),
)
def test_the_longest_unit_wins(number, mag, word):
    # every unit longer than one character reads whole: never a shorter unit that it starts with
    q = parse_quantity(f"达到{number}{mag}{word}。")
    assert q.unit == word or ALIASES.get(word, (q.unit,))[0] == q.unit


@pytest.mark.parametrize("word", ["千瓦时", "台套", "吨公里", "人公里", "吨标准煤", "兆瓦时", "床位", "剂次"])
def test_units_that_a_shorter_one_starts(word):
    assert parse_quantity(f"5{word}").unit == word  # 千瓦, 台, 吨, 人, 床, 剂 are units too


def test_a_rate_keeps_its_value_in_the_numerator_unit():
    q = parse_quantity("3200元/吨")
    assert (q.value, q.unit, q.unit_en, q.per, q.per_size) == (3200.0, "元", "yuan", "吨", None)
    assert parse_quantity("每万人口拥有执业医师28.5人").per_size == 10000.0


def test_no_base_is_a_quantity():
    assert find_quantities("每10万人口") == [] and find_quantities("每100户") == []
