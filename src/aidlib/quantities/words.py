"""The word tables of the quantity parsers: units (with English and kind), currencies, hedges, falls.

One place for every table: :mod:`aidlib.quantities.chinese` and
:mod:`aidlib.quantities.english` read them, and so may later stages (a vocabulary of units).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Unit:
    """A measure word as kept in a :class:`~aidlib.quantities.quantity.Quantity`.

    Attributes:
        english: the English name (``unit_en``).
        kind: its family: ``currency``, ``count``, ``share``, ``multiple``, ``time``,
            ``mass``, ``length``, ``area``, ``volume`` or ``power``.
    """

    english: str
    kind: str


@dataclass(frozen=True)
class Currency:
    """A currency: its own unit, never converted into another (see ``indicators.convert_cny``).

    Attributes:
        unit: the unit a quantity keeps (元, 美元, 港元 ...).
        english: the English name.
        code: the ISO 4217 code.
        after: words written after the number (美元, 美金); ``元`` may stand between
            the number and them (1000元港币).
        before: words, symbols and codes written before the number (港币, HK$, HKD).
        english_words: English names the English reader takes after the number.
    """

    unit: str
    english: str
    code: str
    after: tuple[str, ...]
    before: tuple[str, ...]
    english_words: tuple[str, ...] = ()


# Every currency, one row each. 元 alone is yuan; written with another currency's name
# before or after the number (港币3000元, 1000元港币) it names that currency. Chinese
# names before the number are kept for the currencies so written in news (人民币, 美元,
# 港币, 新台币, 澳门币); every other currency is written after it, or by symbol or code.
# ¥ is yuan (the Japanese yen is written 日元, JPY or 円 in Chinese text).
CURRENCIES = (
    Currency("元", "yuan", "CNY", ("元", "人民币", "元人民币", "块钱", "RMB", "CNY"),
             ("¥", "￥", "RMB", "CNY", "人民币"), ("yuan", "rmb", "cny", "renminbi")),
    Currency("美元", "US dollars", "USD", ("美元", "美金", "USD"), ("US$", "USD", "$", "美元"),
             ("us dollars", "dollars", "usd")),
    Currency("港元", "Hong Kong dollars", "HKD", ("港元", "港币", "HKD"), ("HK$", "HKD", "港币", "港元"),
             ("hong kong dollars", "hkd")),
    Currency("澳门元", "patacas", "MOP", ("澳门元", "澳门币", "MOP"), ("MOP$", "MOP", "澳门币"),
             ("patacas", "mop")),
    Currency("新台币", "New Taiwan dollars", "TWD", ("新台币", "台币", "TWD"),
             ("NT$", "TWD", "新台币", "台币"), ("new taiwan dollars", "twd")),
    Currency("日元", "yen", "JPY", ("日元", "円", "JPY"), ("JPY",), ("yen", "jpy")),
    Currency("欧元", "euros", "EUR", ("欧元", "EUR"), ("€", "EUR"), ("euros", "euro", "eur")),
    Currency("英镑", "pounds sterling", "GBP", ("英镑", "GBP"), ("£", "GBP"),
             ("pounds sterling", "gbp")),
    Currency("卢布", "roubles", "RUB", ("卢布", "RUB"), ("₽", "RUB"), ("roubles", "rubles", "rub")),
    Currency("韩元", "won", "KRW", ("韩元", "KRW"), ("₩", "KRW"), ("korean won", "krw")),
    Currency("澳元", "Australian dollars", "AUD", ("澳元", "AUD"), ("A$", "AUD"),
             ("australian dollars", "aud")),
    Currency("加元", "Canadian dollars", "CAD", ("加元", "CAD"), ("C$", "CAD"),
             ("canadian dollars", "cad")),
    Currency("瑞士法郎", "Swiss francs", "CHF", ("瑞士法郎", "CHF"), ("CHF",),
             ("swiss francs", "chf")),
    Currency("坚戈", "tenge", "KZT", ("坚戈", "哈萨克斯坦坚戈", "KZT"), ("₸", "KZT"),
             ("tenge", "kzt")),
    Currency("卢比", "rupees", "INR", ("卢比", "INR"), ("₹", "INR"), ("rupees", "inr")),
)  # fmt: skip
CURRENCY_UNITS = {c.unit: c for c in CURRENCIES}

# Measure words (simplified) with their English and kind. Longer words are tried first,
# so 人次 wins over 人, 场次 over 场, 个月 over 个, 大项 over 项.
UNIT_TABLE: dict[str, Unit] = {
    **{c.unit: Unit(c.english, "currency") for c in CURRENCIES},
    "户": Unit("households", "count"), "人次": Unit("person-times", "count"), "人": Unit("people", "count"),
    "名": Unit("people", "count"), "位": Unit("people", "count"), "个": Unit("units", "count"),
    "项": Unit("items", "count"), "大项": Unit("major items", "count"), "小项": Unit("minor items", "count"),
    "家": Unit("establishments", "count"), "场": Unit("events", "count"),
    "场次": Unit("event sessions", "count"), "批次": Unit("batches", "count"), "批": Unit("batches", "count"),
    "次": Unit("times", "count"), "例": Unit("cases", "count"), "间": Unit("rooms", "count"),
    "支": Unit("teams", "count"), "封": Unit("letters", "count"), "所": Unit("institutions", "count"),
    "瓶": Unit("bottles", "count"), "台": Unit("machines", "count"), "套": Unit("sets", "count"),
    "辆": Unit("vehicles", "count"), "座": Unit("structures", "count"), "处": Unit("sites", "count"),
    "条": Unit("lines", "count"), "篇": Unit("articles", "count"), "本": Unit("volumes", "count"),
    "册": Unit("volumes", "count"), "张": Unit("sheets", "count"), "头": Unit("head", "count"),
    "只": Unit("animals", "count"), "株": Unit("plants", "count"), "棵": Unit("trees", "count"),
    "吨": Unit("tonnes", "mass"), "公斤": Unit("kg", "mass"), "千克": Unit("kg", "mass"),
    "斤": Unit("jin", "mass"), "公里": Unit("km", "length"), "亩": Unit("mu", "area"),
    "平方米": Unit("square metres", "area"), "平方公里": Unit("square km", "area"),
    "公顷": Unit("hectares", "area"), "立方米": Unit("cubic metres", "volume"), "千瓦": Unit("kW", "power"),
    "年": Unit("years", "time"), "个月": Unit("months", "time"), "周": Unit("weeks", "time"),
    "天": Unit("days", "time"), "小时": Unit("hours", "time"),
    "%": Unit("percent", "share"), "个百分点": Unit("percentage points", "share"),
    "倍": Unit("times the base", "multiple"),
}  # fmt: skip
# The English of every unit (``Quantity.unit_en``).
UNITS = {unit: u.english for unit, u in UNIT_TABLE.items()}

# Hedges and the bound they express. "over" means the true value is at least
# the stated one (4万余户 ≥ 40,000), "under" at most (不足300人 ≤ 300; 近万名 ≤ 10,000:
# 近 "approaching" is not yet there), "about" roughly (约5万, 3000人左右).
QUALIFIERS_BEFORE = {  # before the number
    "超过": "over", "超": "over", "突破": "over", "逾": "over", "多达": "over", "至少": "over",
    "不少于": "over", "不低于": "over", "不止": "over", "多于": "over", "高于": "over", "最少": "over",
    "将近": "under", "接近": "under", "近": "under", "大约": "about", "约": "about", "大概": "about",
    "约合": "about",  # 约合5万元: "about 50,000 yuan" (合 is no separate word here)
    "不足": "under", "不到": "under", "不超过": "under", "最多": "under", "至多": "under",
    "少于": "under", "低于": "under", "不高于": "under", "不满": "under", "未满": "under",
}  # fmt: skip
# 上 is a hedge only in front of a bare magnitude: 上百名 ≥ 100 (but 上3个月 is "the last 3 months").
BARE_HEDGES = {"上": "over", "过": "over", "破": "over"}
QUALIFIERS_INSIDE = {"余": "over", "多": "over"}  # 30多亿元, 25亿余元, 3000余次
QUALIFIERS_AFTER = {
    "以上": "over", "有余": "over", "开外": "over", "出头": "over", "左右": "about", "上下": "about",
    "以下": "under", "以内": "under", "之内": "under",
}  # fmt: skip
# 近 before a span of time is "the last": 近三年来 is over the last 3 years, no hedge.
TIME_UNITS = ("年", "个月", "周", "天", "小时")

# A number right after one of these (了 may stand between) is a fall: negative.
FALL_WORDS = (
    "下降", "降低", "减少", "下滑", "下跌", "回落", "缩减", "缩小", "萎缩", "减低", "负增长",
    "减", "降", "跌",
)  # fmt: skip
# Words for the size of a fall: 降幅3%, 跌幅达5% (为, 达, 是 may follow).
FALL_SIZE_WORDS = ("降幅", "跌幅", "减幅", "下降幅度", "减少幅度")
# A multiple after one of these is a rise by N times the base: 增长1.5倍 is 2.5 times the
# base (the common reading); 增长到/为2倍 and 是…的2倍 are N times the base.
GROWTH_WORDS = ("增长", "增加", "提高", "提升", "扩大", "上升", "上涨", "增")
# Between two numbers these make a range (3-5万元, 3至5个, 2——3万元, 3或4个); dashes may repeat.
RANGE_MARKS = "-~～—–至到或"

# English scale words after a number (US$5 million), matched in any case.
ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# 负 is a minus sign except as the last character of these words: 减负3成 is 30 %, 肩负5项 is 5 项.
NOT_SIGN_WORDS = (
    "减负", "担负", "肩负", "背负", "身负", "抱负", "胜负", "欺负", "辜负", "自负", "不负", "重负",
)  # fmt: skip

# Words written after a number that stand for a unit above, with the factor that
# turns the number into it: shares become percent; 个多月 is over a month.
UNIT_ALIASES = {
    "‰": ("%", Decimal("0.1")), "成": ("%", Decimal(10)),
    "个多月": ("个月", Decimal(1)), "周年": ("年", Decimal(1)), "周岁": ("年", Decimal(1)),
    **{w: (c.unit, Decimal(1)) for c in CURRENCIES for w in c.after if w != c.unit},
}  # fmt: skip
# Currency written before the number; the unit after it may then be left out (¥100, 人民币5亿).
CURRENCY_BEFORE = {w: c.unit for c in CURRENCIES for w in c.before}
# 成 is a share (三成 = 30 %) except at the start of these words (成员, 成为, 成效 ...).
NOT_SHARE_AFTER_CHENG = set("员为立功本果效绩熟交都长年就品型片")

# Names: a Chinese numeral and a measure word that does not count places, followed
# by one of these suffixes (at once, or after one of :data:`NAME_INFIXES`), is a place
# or an organisation: 九台区, 七台河市, 三元里, 五台山, 三元东路. The gazetteer
# (:mod:`aidlib.quantities.names`) knows the real names, whatever their measure word.
PLACE_SUFFIXES = (
    "区", "市", "县", "镇", "乡", "村", "里", "路", "街", "巷", "道", "园区", "工业园", "园", "山",
    "河", "湖", "桥", "庄", "屯", "港", "湾", "岛", "站", "门", "城", "寺", "坊", "社区",
)  # fmt: skip
NAME_INFIXES = "东西南北中新老大小上下前后"
# Measure words that do count places and organisations: 两个区, 三座城, 五所学校 are quantities.
PLACE_COUNTERS = {"个", "座", "所", "处", "家", "条", "间"}
# Fixed words that hold a numeral and a measure word but no quantity.
NAME_WORDS = (
    "三人行", "二人转", "二人台", "三元里", "五台山", "一成不变", "三五成群", "一条龙", "一条心",
    "三天两头", "一头雾水", "三只松鼠", "两头", "十项全能", "三位一体", "四位一体", "五位一体",
    "一年四季", "三天打鱼", "五年规划", "五年计划",
)  # fmt: skip
