"""Currencies: each its own unit, never converted into another (see ``indicators.convert_cny``).

One row per currency: the unit a quantity keeps, its English and ISO 4217 code, and the
words, symbols and codes written after or before the number. 元 alone is yuan; written
with another currency's name before or after the number (港币3000元, 1000元港币,
9000元日币) it names that currency. ¥ is yuan (the Japanese yen is written 日元, 日币,
JPY or 円 in Chinese text). Besides the major currencies, the table holds those of the
countries that trade with Xinjiang and the region: Central and South Asia, Russia,
Mongolia, South-East Asia and the Gulf.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    """A currency: its own unit, never converted into another (see ``indicators.convert_cny``).

    Attributes:
        unit: the unit a quantity keeps (元, 美元, 港元 ...).
        english: the English name after any number but one (US dollars).
        english_one: the English name after the number one (US dollar).
        code: the ISO 4217 code.
        after: words written after the number (美元, 美金); ``元`` may stand between
            the number and them (1000元港币).
        before: words, symbols and codes written before the number (港币, HK$, HKD).
        english_words: English names the English reader takes after the number.
    """

    unit: str
    english: str
    english_one: str
    code: str
    after: tuple[str, ...]
    before: tuple[str, ...]
    english_words: tuple[str, ...] = ()


# Chinese names before the number are kept for the currencies so written in news (人民币,
# 美元, 港币, 新台币, 澳门币); every other currency is written after it, or by symbol or code.
CURRENCIES = (
    Currency("元", "yuan", "yuan", "CNY", ("元", "人民币", "元人民币", "块钱", "RMB", "CNY"),
             ("¥", "￥", "RMB", "CNY", "人民币"), ("yuan", "rmb", "cny", "renminbi")),
    Currency("美元", "US dollars", "US dollar", "USD", ("美元", "美金", "USD"), ("US$", "USD", "$", "美元"),
             ("us dollars", "dollars", "usd")),
    Currency("港元", "Hong Kong dollars", "Hong Kong dollar", "HKD", ("港元", "港币", "HKD"),
             ("HK$", "HKD", "港币", "港元"),
             ("hong kong dollars", "hkd")),
    Currency("澳门元", "patacas", "pataca", "MOP", ("澳门元", "澳门币", "MOP"), ("MOP$", "MOP", "澳门币"),
             ("patacas", "mop")),
    Currency("新台币", "New Taiwan dollars", "New Taiwan dollar", "TWD", ("新台币", "台币", "TWD"),
             ("NT$", "TWD", "新台币", "台币"), ("new taiwan dollars", "twd")),
    Currency("日元", "yen", "yen", "JPY", ("日元", "日币", "円", "JPY"), ("JPY",), ("yen", "jpy")),
    Currency("欧元", "euros", "euro", "EUR", ("欧元", "EUR"), ("€", "EUR"), ("euros", "euro", "eur")),
    Currency("英镑", "pounds sterling", "pound sterling", "GBP", ("英镑", "GBP"), ("£", "GBP"),
             ("pounds sterling", "gbp")),
    Currency("卢布", "roubles", "rouble", "RUB", ("卢布", "俄罗斯卢布", "RUB"), ("₽", "RUB"),
             ("roubles", "rubles", "rub")),
    Currency("韩元", "won", "won", "KRW", ("韩元", "韩币", "KRW"), ("₩", "KRW"), ("korean won", "krw")),
    Currency("澳元", "Australian dollars", "Australian dollar", "AUD", ("澳元", "澳币", "AUD"), ("A$", "AUD"),
             ("australian dollars", "aud")),
    Currency("加元", "Canadian dollars", "Canadian dollar", "CAD", ("加元", "加币", "CAD"), ("C$", "CAD"),
             ("canadian dollars", "cad")),
    Currency("瑞士法郎", "Swiss francs", "Swiss franc", "CHF", ("瑞士法郎", "CHF"), ("CHF",),
             ("swiss francs", "chf")),
    Currency("坚戈", "tenge", "tenge", "KZT", ("坚戈", "哈萨克斯坦坚戈", "KZT"), ("₸", "KZT"),
             ("tenge", "kzt")),
    Currency("卢比", "rupees", "rupee", "INR", ("卢比", "印度卢比", "INR"), ("₹", "INR"), ("rupees", "inr")),
    # the region: Central and South Asia, Mongolia, South-East Asia, the Gulf, Oceania
    Currency("巴基斯坦卢比", "Pakistani rupees", "Pakistani rupee", "PKR", ("巴基斯坦卢比", "PKR"), (),
             ("pakistani rupees", "pkr")),
    Currency("索姆", "som", "som", "KGS", ("索姆", "吉尔吉斯斯坦索姆", "KGS"), (), ("kgs",)),
    Currency("索莫尼", "somoni", "somoni", "TJS", ("索莫尼", "塔吉克斯坦索莫尼", "TJS"), (),
             ("somoni", "tjs")),
    Currency("苏姆", "sum", "sum", "UZS", ("苏姆", "乌兹别克斯坦苏姆", "UZS"), (), ("uzs",)),
    Currency("阿富汗尼", "afghanis", "afghani", "AFN", ("阿富汗尼", "AFN"), (), ("afghanis", "afn")),
    Currency("图格里克", "tugriks", "tugrik", "MNT", ("图格里克", "蒙古图格里克", "MNT"), ("₮",),
             ("tugriks", "mnt")),
    Currency("泰铢", "baht", "baht", "THB", ("泰铢", "泰币", "THB"), ("฿",), ("baht", "thb")),
    Currency("新加坡元", "Singapore dollars", "Singapore dollar", "SGD", ("新加坡元", "新元", "SGD"), ("S$",),
             ("singapore dollars", "sgd")),
    Currency("林吉特", "ringgit", "ringgit", "MYR", ("林吉特", "令吉", "马来西亚林吉特", "MYR"), (),
             ("ringgit", "myr")),
    Currency("印尼盾", "rupiah", "rupiah", "IDR", ("印尼盾", "印度尼西亚盾", "IDR"), (), ("rupiah", "idr")),
    Currency("越南盾", "dong", "dong", "VND", ("越南盾", "VND"), ("₫",), ("vnd",)),
    Currency("菲律宾比索", "Philippine pesos", "Philippine peso", "PHP", ("菲律宾比索", "PHP"), ("₱",),
             ("philippine pesos", "php")),
    Currency("缅元", "kyat", "kyat", "MMK", ("缅元", "缅币", "缅甸元", "MMK"), (), ("kyat", "mmk")),
    Currency("基普", "kip", "kip", "LAK", ("基普", "老挝基普", "LAK"), ("₭",), ("lak",)),
    Currency("瑞尔", "riel", "riel", "KHR", ("瑞尔", "柬埔寨瑞尔", "KHR"), ("៛",), ("riel", "khr")),
    Currency("塔卡", "taka", "taka", "BDT", ("塔卡", "孟加拉塔卡", "BDT"), ("৳",), ("taka", "bdt")),
    Currency("土耳其里拉", "Turkish lira", "Turkish lira", "TRY", ("土耳其里拉", "里拉", "TRY"), ("₺",),
             ("turkish lira",)),
    Currency("迪拉姆", "dirhams", "dirham", "AED", ("迪拉姆", "阿联酋迪拉姆", "AED"), (), ("dirhams", "aed")),
    Currency("沙特里亚尔", "Saudi riyals", "Saudi riyal", "SAR", ("沙特里亚尔", "SAR"), (),
             ("saudi riyals", "sar")),
    Currency("伊朗里亚尔", "Iranian rials", "Iranian rial", "IRR", ("伊朗里亚尔", "IRR"), (),
             ("iranian rials", "irr")),
    Currency("新西兰元", "New Zealand dollars", "New Zealand dollar", "NZD", ("新西兰元", "纽元", "NZD"),
             ("NZ$",), ("new zealand dollars", "nzd")),
)  # fmt: skip
# Currency written before the number; the unit after it may then be left out (¥100, 人民币5亿).
CURRENCY_BEFORE = {w: c.unit for c in CURRENCIES for w in c.before}
