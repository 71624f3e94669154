"""The word tables of the quantity parsers: hedges, falls, growth and comparatives, lists, names.

One place for every table: :mod:`aidlib.quantities.chinese` and
:mod:`aidlib.quantities.english` read them, and so may later stages (a vocabulary of units).
The units (:mod:`aidlib.quantities.units`) and currencies
(:mod:`aidlib.quantities.currencies`) have modules of their own and are re-exported here.
"""

from __future__ import annotations

from aidlib.quantities.currencies import CURRENCIES, CURRENCY_BEFORE, Currency
from aidlib.quantities.units import ALIASES, UNIT_ALIASES, UNITS, Unit
from aidlib.quantities.units import BASE_UNITS as UNIT_TABLE

__all__ = [
    "ALIASES", "BARE_HEDGES", "CURRENCIES", "CURRENCY_BEFORE", "Currency",
    "ENGLISH_SCALES", "FALL_SIZE_WORDS", "FALL_WORDS", "GROWTH_WORDS", "NAME_INFIXES", "NAME_WORDS",
    "NOT_SHARE_AFTER_CHENG", "NOT_SIGN_WORDS", "PLACE_COUNTERS", "PLACE_SUFFIXES", "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE", "QUALIFIERS_INSIDE", "RANGE_MARKS", "ROUGHLY_INSIDE", "TIME_UNITS", "UNITS",
    "UNIT_ALIASES", "UNIT_TABLE", "Unit", "WITHIN_AFTER",
]  # fmt: skip

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
    "最高": "under", "最低": "over", "起码": "over", "不超": "under", "上限": "under",
    # with 为, 占, 达 or 有 after them (约为5亿元, 约占三成, 超过了3万人)
    "约为": "about", "约占": "about", "约达": "about", "约有": "about", "大约为": "about",
    "约计": "about", "超过了": "over",
}  # fmt: skip
# These reach over a verb to the number: 最高奖励50万元 and 最多补贴50万元 are at most,
# 最低补助1000元 at least. Only a verb of giving, getting or reaching may stand between
# (``HEDGE_VERBS``): 最高气温38℃ states the maximum, exact; 最多的一天3万人次 too.
REACHING_HEDGES = {
    "最高": "under", "最多": "under", "最低": "over", "最少": "over", "至少": "over", "上限": "under",
    "上限为": "under", "上限是": "under", "封顶": "under", "不超过": "under",
}  # fmt: skip
HEDGE_VERBS = (
    "可", "能", "可以", "将", "奖励", "奖补", "补贴", "补助", "资助", "给予", "获得", "可获", "享受",
    "支持", "发放", "贷款", "授信", "扶持", "减免", "报销", "赔付", "罚款", "处", "达", "达到", "为",
    "是", "一次性", "每年", "每户", "每人", "累计", "给", "奖", "补", "借款", "融资", "担保", "投资",
    "申请", "领取", "拨付", "返还", "退还", "获", "减", "免",
)  # fmt: skip
# 上 is a hedge only in front of a bare magnitude: 上百名 ≥ 100 (but 上3个月 is "the last 3 months").
BARE_HEDGES = {"上": "over", "过": "over", "破": "over"}
QUALIFIERS_INSIDE = {"余": "over", "多": "over"}  # 30多亿元, 25亿余元, 3000余次
# After a bare magnitude only: 千把人, 百把块钱, 万把元 are about (三把椅子 is three chairs).
ROUGHLY_INSIDE = {"把": "about"}
QUALIFIERS_AFTER = {
    "以上": "over", "有余": "over", "开外": "over", "出头": "over", "左右": "about", "上下": "about",
    "以下": "under", "以内": "under", "之内": "under", "封顶": "under", "起": "over",
}  # fmt: skip
# After a span of time or a distance only: 72小时内, 5公里内 are at most (3个内容 is no hedge).
WITHIN_AFTER = {"内": "under"}
# 近 before a span of time is "the last": 近三年来 is over the last 3 years, no hedge.
TIME_UNITS = ("年", "个月", "周", "天", "小时", "分钟", "秒", "工作日", "个季度")

# A number right after one of these (了 may stand between) is a fall: negative.
FALL_WORDS = (
    "下降", "降低", "减少", "下滑", "下跌", "回落", "缩减", "缩小", "萎缩", "减低", "负增长",
    "下调", "调低", "调减", "下浮", "压减", "削减", "下挫", "缩水", "降价", "减收", "减产", "减", "降",
    "跌",
)  # fmt: skip
# Words for the size of a fall: 降幅3%, 跌幅达5% (为, 达, 是 may follow).
FALL_SIZE_WORDS = ("降幅", "跌幅", "减幅", "下降幅度", "减少幅度", "降价幅度", "下调幅度")
# A multiple after one of these is a rise by N times the base: 增长1.5倍 is 2.5 times the
# base (the common reading); 增长到/为2倍 and 是…的2倍 are N times the base.
GROWTH_WORDS = ("增长", "增加", "提高", "提升", "扩大", "上升", "上涨", "增")
# Comparatives before a multiple: 超过全国平均水平1倍 and 比上年多1倍 exceed the base *by*
# N times, so the ratio is N + 1 (as 增长1倍); 是…的N倍 and 相当于…的N倍 are N. The
# comparative word must be apart from the number (超过1倍 is a hedge: more than 1 times).
COMPARATIVE_WORDS = ("超过", "高于", "多于", "超出", "高出", "多出", "大于", "强于")
# 比 … then one of these right before the number: 比上年多1倍, 比全国高出2倍.
COMPARED_WORDS = ("多", "高", "大", "快", "增长", "增加", "提高", "上升", "高出", "多出", "超出")
# Members of a list are joined by these (3万、5万和8万元; 分别下降2.1%和3.4%).
LIST_JOINS = ("，", "、", ",", "和", "及", "与", "以及")
# Between two numbers these make a range (3-5万元, 3至5个, 2——3万元, 3或4个); dashes may repeat.
RANGE_MARKS = "-~～—–至到或"

# English scale words after a number (US$5 million), matched in any case.
ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# 负 is a minus sign except as the last character of these words: 减负3成 is 30 %, 肩负5项 is 5 项.
NOT_SIGN_WORDS = (
    "减负", "担负", "肩负", "背负", "身负", "抱负", "胜负", "欺负", "辜负", "自负", "不负", "重负",
)  # fmt: skip

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
    "一年四季", "三天打鱼", "五年规划", "五年计划", "三次产业", "一年半载", "半斤八两", "金三角",
    "三角洲", "三角形", "三角区", "三起三落", "三番两次", "三头六臂", "作家三毛", "九牛一毛",
    "一件件", "一列列", "三件套", "四件套", "三番五次", "三分钟热度", "两天晒网", "十年树木", "百年树人",
)  # fmt: skip
