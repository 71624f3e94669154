"""Measure words as a model: base words by kind, derived units, aliases, and what a rate is per.

A measure word after a number is read as the longest unit this model knows, so a unit
is never cut short (千瓦时 is energy, never 千瓦 power; 台套 is not 台; 吨公里 is not 吨).
The model has five parts:

- **Base words** (:data:`BASE_UNITS`), one :class:`Unit` each with its English for many and
  for one, its family (:data:`FAMILIES`: 名 and 位 count people, as 人) and its kind: counters
  (户, 件, 列, 架, 艘 ...), currencies (:mod:`aidlib.quantities.currencies`), time, shares,
  multiples, and the physical units in their Chinese names (吨, 公里, 立方米, ℃ ...). This is
  the one table of units: the data's vocabulary, its checks and enums, and the reader's
  English read it too.
- **Derived units**, built by rule rather than listed: a metric prefix (千, 兆, 吉, 毫, 微,
  厘) on 克, 米, 升, 瓦 or 伏 (:data:`PREFIXES`); a power unit followed by 时 is energy
  (千瓦时, 兆瓦时); a counter followed by 次 counts visits or runs (人次, 架次, 车次, 剂次:
  :data:`TIMES_COUNTERS`); 平方/立方 before a length is an area or volume.
- **Aliases** (:data:`ALIASES`), words that stand for a unit with a factor: 度电 and 度 are
  千瓦时 (度 only where the text is about electricity, else ℃ where it is about
  temperature, else nothing: 360度, 三度获奖); 摄氏度 and °C are ℃; 标箱 and TEU are 标准箱;
  千米 is 公里; 方 (after digits) is 立方米; 角, 毛 and 分 are tenths and hundredths of a
  yuan; 个小时 is 小时; 周岁 is 岁; ‰ and 成 are shares in %.
- **Halves** (:data:`HALVES`): 一年半, 两个半小时, 三个半月, 两块半 add half a unit.
- **Rates**: ``X/Y`` after a number (3200元/吨, 35微克/立方米, 80公里/小时) and the words of
  :data:`PER_WORDS` before it (每户, 人均, 户均, 亩产, 时速, 每万人口) give the quantity a
  denominator, ``Quantity.per``; the value stays in the numerator's unit.

A word that continues a unit into one this model does not know (吨级 of 10万吨级泊位: a
class, not a mass; an unknown counter before 次; 5方面) is no quantity rather than a shorter
one: :data:`NOT_A_UNIT_AFTER`, :data:`CLASS_KINDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from aidlib.quantities.currencies import CURRENCIES


@dataclass(frozen=True)
class Unit:
    """A measure word: what the parser keeps, how it reads in English, what it counts.

    The one description of a unit, read by the parsers (:data:`BASE_UNITS`), the data
    checks and the data package's enums (:mod:`aidlib.data.vocabulary`) and the reader's
    English (:mod:`aidlib.analysis.unit_names`).

    Attributes:
        word: the measure word as a quantity and the data keep it (人, 元, %).
        en: its English after any number but one (people, yuan, percent): ``Quantity.unit_en``.
        en_one: its English after the number one (person, yuan, percent).
        family: the measure word that stands for all words counting the same thing
            (名 and 位 are in 人's family, :data:`FAMILIES`); the word itself when it has no
            such peer.
        kind: what it measures: ``currency``, ``people``, ``households``, ``count`` (of
            things), ``share``, ``multiple``, ``time``, ``age``, ``mass``, ``length``,
            ``area``, ``volume``, ``power``, ``energy``, ``voltage``, ``temperature`` or
            ``sound``.
    """

    word: str
    en: str
    en_one: str
    family: str
    kind: str

    @property
    def english(self) -> str:
        """The English after any number but one (:attr:`en`), as ``Quantity.unit_en`` holds it."""
        return self.en


# Measure words that count the same thing as another: the word → the word of its family.
# A restatement may switch between them (3000人, then 3000名) and a chart puts them on one
# axis. 人次 counts attendances (one person twice is 2人次), so it is not 人's family; a
# show staged 10 times is 10场 or 10场次, and the report switches between them.
FAMILIES = {"名": "人", "位": "人", "册": "本", "千克": "公斤", "场次": "场", "批次": "批"}


def _unit(word: str, kind: str, english: str) -> Unit:
    """One unit from ``many|one`` English (``one`` left out where it is the same: ``kg``)."""
    many, _, one = english.partition("|")
    return Unit(word, many, one or many, FAMILIES.get(word, word), kind)


def _units(kind: str, rows: str) -> dict[str, Unit]:
    """Read ``word:English;word:English`` rows of one kind (English as :func:`_unit` reads it)."""
    out = {}
    for row in rows.split(";"):
        word, _, english = row.strip().partition(":")
        out[word] = _unit(word, kind, english)
    return out


# Counters of things, with the English for many and one. 件 counts pieces (patents,
# parcels, cases handled), 列 trains, 架 aircraft, 艘 ships, 标准箱 containers (TEU), 台套
# sets of equipment, 床位/床 hospital beds, 起 incidents (3起事故), 宗 parcels or deals of
# land, 剂 doses, 羽 birds, 尾 fish (fry), 匹 horses. Households and people are kinds of
# their own.
COUNTERS = {
    **_units("households", "户:households|household"),
    **_units("people", "人:people|person;名:people|person;位:people|person"),
    **_units(
        "count",
        "个:units|unit;项:items|item;大项:major items|major item;小项:minor items|minor item;"
        "家:establishments|establishment;场:events|event;批:batches|batch;次:times|time;例:cases|case;"
        "间:rooms|room;支:teams|team;封:letters|letter;所:institutions|institution;瓶:bottles|bottle;"
        "台:machines|machine;套:sets|set;辆:vehicles|vehicle;座:structures|structure;处:sites|site;"
        "条:lines|line;篇:articles|article;本:volumes|volume;册:volumes|volume;张:sheets|sheet;头:head;"
        "只:animals|animal;株:plants|plant;棵:trees|tree;件:pieces|piece;列:trains|train;架:aircraft;"
        "艘:ships|ship;标准箱:TEU;台套:equipment sets|equipment set;床位:hospital beds|hospital bed;"
        "床:beds|bed;起:incidents|incident;宗:lots|lot;剂:doses|dose;羽:birds|bird;尾:fish;匹:horses|horse;"
        "份:copies|copy;种:kinds|kind;栋:buildings|building;幢:blocks of flats|block of flats;"
        "趟:trips|trip;块:blocks|block",
    ),
}
# Measure words that say nothing of what they count (3个 is "3 units"): a reader's table
# names the count by its label instead (``aidlib.analysis.unit_names.count_noun``).
GENERIC_COUNTERS = ("个", "项")
# A counter followed by 次 counts visits, runs or sessions (one person twice is 2人次).
TIMES_COUNTERS = _units(
    "count",
    "人次:person-times|person-time;场次:event sessions|event session;批次:batches|batch;"
    "架次:flights|flight;车次:train runs|train run;班次:scheduled runs|scheduled run;航次:voyages|voyage;"
    "艘次:ship calls|ship call;台次:machine-times|machine-time;辆次:vehicle-times|vehicle-time;"
    "户次:household-times|household-time;列次:train-times|train-time;剂次:doses given|dose given;"
    "例次:case-times|case-time;件次:item-times|item-time;家次:establishment-times|establishment-time",
)
TIME = _units(
    "time",
    "年:years|year;个月:months|month;周:weeks|week;天:days|day;小时:hours|hour;分钟:minutes|minute;"
    "秒:seconds|second;工作日:working days|working day;个季度:quarters|quarter",
)
# Shares are in percent; a multiple's value is what the text wrote (ratio: Quantity.ratio:
# 是…的2倍 → 2; 增长1.5倍 → 2.5; 翻一番 → 2).
SHARES = {
    **_units("share", "%:percent;个百分点:percentage points|percentage point;"
                      "个基点:basis points|basis point"),
    **_units("multiple", "倍:times the base"),
}
# Physical units written in Chinese, before metric prefixes are applied (below).
PHYSICAL = {
    **_units("mass", "吨:tonnes|tonne;公斤:kg;千克:kg;斤:jin;克:grams|gram;"
                     "吨标准煤:tonnes of coal equivalent|tonne of coal equivalent"),
    **_units("length", "公里:km;米:metres|metre;海里:nautical miles|nautical mile"),
    **_units("area", "亩:mu;平方米:square metres|square metre;平方公里:square km;公顷:hectares|hectare"),
    **_units("volume", "立方米:cubic metres|cubic metre;升:litres|litre"),
    **_units("power", "瓦:W"),
    **_units("voltage", "伏:V"),
    **_units("power", "千伏安:kVA;兆伏安:MVA"),
    **_units("temperature", "℃:degrees Celsius|degree Celsius"),
    **_units("age", "岁:years of age|year of age"),
    **_units("sound", "分贝:decibels|decibel"),
    # 吨公里 and 人公里 measure transport work (a tonne or a passenger over a km)
    **_units("count", "吨公里:tonne-km;人公里:passenger-km"),
}  # fmt: skip
# Metric prefixes on the base words they are used with in Chinese reporting: (prefix,
# base, English as :func:`_unit` reads it). 千米 is read as 公里 (an alias below); 千克 is
# a unit of its own (as 公斤, the same family).
PREFIXES = (
    ("千", "瓦", "kW"), ("兆", "瓦", "MW"), ("吉", "瓦", "GW"), ("毫", "克", "mg"),
    ("微", "克", "micrograms|microgram"), ("毫", "升", "ml"), ("厘", "米", "cm"), ("毫", "米", "mm"),
    ("千", "伏", "kV"),
)  # fmt: skip


def _derived() -> dict[str, Unit]:
    """Units built by rule: metric prefixes, energy (power × 时), counts of times."""
    out = {f"{p}{base}": _unit(f"{p}{base}", PHYSICAL[base].kind, en) for p, base, en in PREFIXES}
    power = {w: u for w, u in {**PHYSICAL, **out}.items() if w.endswith("瓦")}  # not 千伏安
    out |= {f"{w}时": _unit(f"{w}时", "energy", f"{u.en}h") for w, u in power.items()}  # 千瓦时: kWh
    out |= TIMES_COUNTERS
    return out


BASE_UNITS: dict[str, Unit] = {
    **{c.unit: _unit(c.unit, "currency", f"{c.english}|{c.english_one}") for c in CURRENCIES},
    **COUNTERS, **PHYSICAL, **_derived(), **TIME, **SHARES,
}  # fmt: skip
"""Every measure word, by word: the one table of units (the data's ``unit`` enum is its keys)."""
# The English of every unit (``Quantity.unit_en``).
UNITS = {unit: u.en for unit, u in BASE_UNITS.items()}

# Words written after a number that stand for a unit, with the factor that turns the
# number into it. Shares become percent; 个多月 is over a month (the hedge is read apart).
ALIASES = {
    "‰": ("%", Decimal("0.1")), "成": ("%", Decimal(10)), "百分点": ("个百分点", Decimal(1)),
    "基点": ("个基点", Decimal(1)), "平方": ("平方米", Decimal(1)), "平米": ("平方米", Decimal(1)),
    "立方": ("立方米", Decimal(1)),
    "个多月": ("个月", Decimal(1)), "个多小时": ("小时", Decimal(1)), "个小时": ("小时", Decimal(1)),
    "个钟头": ("小时", Decimal(1)), "钟头": ("小时", Decimal(1)), "个星期": ("周", Decimal(1)),
    "个工作日": ("工作日", Decimal(1)), "周年": ("年", Decimal(1)), "周岁": ("岁", Decimal(1)),
    "千米": ("公里", Decimal(1)), "平方千米": ("平方公里", Decimal(1)),
    "标箱": ("标准箱", Decimal(1)), "度电": ("千瓦时", Decimal(1)), "摄氏度": ("℃", Decimal(1)),
    "°C": ("℃", Decimal(1)), "吨标煤": ("吨标准煤", Decimal(1)), "秒钟": ("秒", Decimal(1)),
    # small money: 5角钱 is half a yuan, 八毛钱 0.8, 2分钱 0.02; 块 (with 钱 or not) is 元
    "角钱": ("元", Decimal("0.1")), "毛钱": ("元", Decimal("0.1")), "分钱": ("元", Decimal("0.01")),
    "角": ("元", Decimal("0.1")), "毛": ("元", Decimal("0.1")), "圆": ("元", Decimal(1)),
    "元整": ("元", Decimal(1)), "圆整": ("元", Decimal(1)), "元正": ("元", Decimal(1)),
    **{w: (c.unit, Decimal(1)) for c in CURRENCIES for w in c.after if w != c.unit},
    # written in Latin letters after digits (matched only when no letter follows)
    **{w: (u, Decimal(1)) for u, words in {
        "千瓦": ("kW", "KW", "kw"), "兆瓦": ("MW",), "吉瓦": ("GW",), "千瓦时": ("kWh", "KWh", "kwh"),
        "兆瓦时": ("MWh",), "吉瓦时": ("GWh",), "公里": ("km", "KM"), "公斤": ("kg", "KG"),
        "平方米": ("㎡", "m²", "m2"), "立方米": ("m³", "m3"), "标准箱": ("TEU",),
        "千伏": ("kV", "KV"), "分贝": ("dB",), "毫克": ("mg",), "微克": ("μg", "µg"),
    }.items() for w in words},
}  # fmt: skip
UNIT_ALIASES = ALIASES  # the name the earlier modules use
# Aliases written in Latin letters: a letter right after one makes it no unit (5kWs?).
LATIN_ALIASES = frozenset(w for w in ALIASES if w.isascii() and w.isalpha() or w in ("m2", "m3"))
# Words that mean a context-dependent unit: 度 is energy (千瓦时) where the text is about
# electricity or the number is large (2000万度), temperature (℃) where it is about the
# weather, and nothing otherwise (360度全景, 两度获奖). 块 is yuan unless a noun follows
# (3块示范田: pieces); 方 is cubic metres only after digits or a magnitude (120亿方;
# 三方协议 is three parties).
CONTEXT_WORDS = ("度", "块", "方")
ELECTRIC_CONTEXT = ("电", "千瓦", "发电", "用电", "供电", "售电", "电量", "电价", "电费")
TEMPERATURE_CONTEXT = ("气温", "温度", "高温", "低温", "零下", "摄氏", "体温", "水温", "降温", "升温", "地温")

# Half a unit more: 一年半 (1.5 年), 两个半小时 (2.5 小时), 三个半月 (3.5 个月), 两块半 (2.5 元).
# (word: unit, half in the unit's terms). 成 followed by a digit adds that many percent:
# 三成五 is 35 %.
HALVES: dict[str, tuple[str, Decimal]] = {
    "年半": ("年", Decimal("0.5")), "个半月": ("个月", Decimal("0.5")),
    "个半小时": ("小时", Decimal("0.5")), "个半钟头": ("小时", Decimal("0.5")),
    "小时半": ("小时", Decimal("0.5")), "天半": ("天", Decimal("0.5")), "周半": ("周", Decimal("0.5")),
    "倍半": ("倍", Decimal("0.5")), "斤半": ("斤", Decimal("0.5")), "公斤半": ("公斤", Decimal("0.5")),
    "块半": ("元", Decimal("0.5")), "元半": ("元", Decimal("0.5")), "米半": ("米", Decimal("0.5")),
    "岁半": ("岁", Decimal("0.5")), "个半星期": ("周", Decimal("0.5")),
    "成半": ("%", Decimal(5)),
    **{f"成{d}": ("%", Decimal(i + 1)) for i, d in enumerate("一二三四五六七八九")},
}  # fmt: skip
# A lone 半 is a number before these (半年, 半个月, 半小时, 半天); after 上/下/前/后 it is
# a period (上半年), and 半年 before 度/报/刊 is a word (半年报).
HALF_BEFORE = ("年", "个月", "小时", "个小时", "天", "个钟头", "斤", "公斤")
NOT_HALF_AFTER = set("上下前后大多这那一两二三四五六七八九十")
NOT_HALF_YEAR_BEFORE = set("度报刊考会结")

# A unit followed by one of these is a longer word this model does not hold, so the
# number is no quantity (never a shorter unit): 5升级 is an upgrade, 三伏天 the dog days,
# 5方面 five aspects. Keyed by the unit.
NOT_A_UNIT_AFTER = {
    "份": "额", "剂": "量", "升": "级至为到高值幅温学华格降", "起": "诉草飞步点来床义", "列": "车入",
    "羽": "毛绒", "尾": "款声部号巴", "匹": "配", "宗": "教旨族亲", "岁": "月末数", "种": "植子",
    "米": "饭粉", "块": "头", "秒": "杀", "床": "头单垫", "架": "构设势空子", "伏": "天", "瓦": "房片解工罐",
}  # fmt: skip
# 级 after a measure of these kinds makes a class, not an amount: 10万吨级泊位, 百万千瓦级机组,
# 千万元级项目 (but 三个级别 counts three levels).
CLASS_KINDS = frozenset({"currency", "mass", "length", "area", "volume", "power", "energy", "voltage"})
CLASS = "级"
# A counter followed by 次 makes a count of times; one this model does not hold is no quantity.
TIMES = "次"
# Buildings in an address: 5栋302室, 3幢2单元 are no counts.
ADDRESS_UNITS = ("栋", "幢")

# ---- rates: what a quantity is per ----------------------------------------------------
# Nouns after 每 that stand for a unit of the model: 每万人口 is per 10,000 people,
# 每度电 per kWh, 每日 per day.
PER_NOUNS = {
    "人口": "人", "度电": "千瓦时", "度": "千瓦时", "月": "个月", "日": "天", "平米": "平方米",
    "户籍人口": "人", "常住人口": "人", "星期": "周", "分": "分钟", "h": "小时", "公顷": "公顷",
}  # fmt: skip
# Words before a number that make it per one of something: 人均1.2万元 is 12,000 元 per
# person. (word: the unit it is per).
PER_WORDS = {
    "人均": "人", "户均": "户", "亩均": "亩", "日均": "天", "月均": "个月", "年均": "年",
    "周均": "周", "场均": "场", "店均": "家", "亩产": "亩", "单产": "亩", "时速": "小时",
}  # fmt: skip
# Words after 每 … that end its reach: 每户补贴2000元共计300万元 (the total is per nothing);
# 共 alone only right before a number (公共, 共同 are other words).
PER_STOPS = ("共计", "合计", "总计", "累计", "总共", "一共", "总额", "总量", "总数")
