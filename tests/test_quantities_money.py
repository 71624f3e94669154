"""Money: capital numerals, small money (角, 毛, 分, 块), currencies, digit groups, hedges on amounts.

The notation is :mod:`quantity_cases`.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quantity_cases import check

from aidlib.quantities.chinese import find_quantities, parse_quantity
from aidlib.quantities.currencies import CURRENCIES
from aidlib.quantities.numerals import capital_view

CAPITAL_NUMERALS = [
    ("人民币壹拾伍万元整", "150000 元"),
    ("大写：贰佰叁拾万元", "2300000 元"),
    ("肆佰叁拾萬圆整", "4300000 元"),  # traditional 萬; 圆 is 元, 整 says "exactly"
    ("合同金额人民币壹拾伍万元整", "150000 元"),
    ("金额（大写）：伍仟元整", "5000 元"),
    ("人民币（大写）壹万贰仟叁佰肆拾伍元陆角柒分", "12345.67 元"),
    ("捌仟元整", "8000 元"),
    ("中标金额为玖拾捌万柒仟元", "987000 元"),
    ("中标价：叁佰陆拾伍万捌仟元", "3658000 元"),
    ("大写金额：壹仟贰佰元整", "1200 元"),
    ("壹万二千三百四十五元", "12345 元"),  # capitals mixed with ordinary numerals
    ("玖仟陆佰陆拾伍圆壹角捌分", "9665.18 元"),  # a lone capital before 角 or 分 is a digit
    ("合计：人民币伍万元整（¥50,000.00）", "50000 元; 50000 元"),
    ("队伍拾起信心", "-"),  # 伍 and 拾 in ordinary words are no numerals
    ("大陆三十万元", "300000 元"),  # 陆 of 大陆 stays a word: the amount is 三十万元
    ("陆续投入", "-"),
]  # fmt: skip

SMALL_MONEY = [
    ("每度电5角钱", "0.5 元 per=千瓦时"),
    ("每公斤八毛钱", "0.8 元 per=公斤"),
    ("每千瓦时下调2分钱", "-0.02 元 per=千瓦时"),
    ("十块三毛", "10.3 元"),  # 块 is 元 and 毛 is 角
    ("一百三十五块六角七分钱", "135.67 元"),
    ("每斤涨了三毛钱", "0.3 元 per=斤"),
    ("两块半", "2.5 元"),
    ("3元5角", "3.5 元"),
    ("三五百块", "300-500 元"),
    ("四五千块钱", "4000-5000 元"),
    ("百把块钱", "100 元 about"),
    ("五角星", "-"),  # 角 before a noun is no money
    ("九牛一毛", "-"),
    ("作家三毛", "-"),
]  # fmt: skip

CURRENCY = [
    ("二十五万三千二百泰铢", "253200 泰铢"),
    ("9000元日币", "9000 日元"),  # 元 before a currency's name: that currency, not yuan
    ("5000元港币", "5000 港元"),
    ("三万元欧元", "30000 欧元"),
    ("出口额达2.3亿坚戈", "230000000 坚戈"),
    ("价值300万索姆", "3000000 索姆"),
    ("1000万巴基斯坦卢比", "10000000 巴基斯坦卢比"),
    ("进口额12亿卢布", "1200000000 卢布"),
    ("交易额达3.5亿美元", "350000000 美元"),
    ("1美元兑换7.12元人民币", "1 美元; 7.12 元"),
    ("价值约3000万港元", "30000000 港元 about"),
    ("约合5000万美元", "50000000 美元 about"),
    ("货值1200万元人民币", "12000000 元"),
]  # fmt: skip

DIGIT_GROUPS = [
    ("到位资金１，２００万元", "12000000 元"),  # full-width digits and comma: one amount
    ("1，200万元", "12000000 元"),  # one digit before a group of three: no list reads so
    ("82，225.00元", "82225 元"),
    ("合同价款为1，350，000元", "1350000 元"),
    ("奖励资金10，000元", "10000 元"),
    ("审定金额3，456.78万元", "34567800 元"),
    ("233,333，333,434.344元", "233333333434.344 元"),  # ASCII and full-width mixed
    ("人数分别为100，200人", "100 人; 200 人"),  # a list marked as a list stays a list
    ("分别为10，200人", "10 人; 200 人"),
    ("300，500户", "300 户; 500 户"),  # three digits before three: two readings, the list kept
    ("2023，200人参加", "200 人"),  # a year is no digit group
]  # fmt: skip

AMOUNT_HEDGES = [
    ("最高奖励50万元", "500000 元 under"),  # 最高 reaches over a verb of giving
    ("最多补贴50万元", "500000 元 under"),
    ("每户最高补贴2万元", "20000 元 under per=户"),
    ("最高可获得50万元奖励", "500000 元 under"),
    ("每人最高可申请20万元", "200000 元 under per=人"),  # over 可 and a short verb phrase
    ("最低补助1000元", "1000 元 over"),
    ("补贴上限为50万元", "500000 元 under"),
    ("单个项目最多支持100万元", "1000000 元 under"),
    ("奖励金额最多不超过10万元", "100000 元 under"),
    ("奖励资金以50万元封顶", "500000 元 under"),
    ("5000元起", "5000 元 over"),
    ("最多的一天接待游客3万人次", "30000 人次"),  # 最多的: a superlative, not a hedge
    ("最高气温达38℃", "38 ℃"),  # the maximum stated: exact
    ("10人起诉", "10 人"),  # 起 starts 起诉: no hedge
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "spec"), CAPITAL_NUMERALS + SMALL_MONEY + CURRENCY + DIGIT_GROUPS + AMOUNT_HEDGES
)
def test_money(text, spec):
    check(text, spec)


def test_every_currency_reads_after_a_number_and_has_a_code():
    for c in CURRENCIES:
        assert len(c.code) == 3 and c.code.isupper(), c.unit
        for word in c.after:
            if not word.isascii():
                assert parse_quantity(f"共100{word}").unit == c.unit, word


def test_capital_view_keeps_every_offset():
    text = "合同金额人民币壹拾伍万元整，队伍拾起"
    assert len(capital_view(text)) == len(text)
    assert capital_view(text).endswith("队伍拾起")


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99_999_999))
def test_capital_amounts_read_back(n):
    import cn2an

    capitals = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
    written = cn2an.an2cn(n).translate(capitals)
    assert parse_quantity(f"人民币{written}元整").value == n


@settings(max_examples=200, deadline=None)
@given(st.integers(1_000, 999_999_999), st.sampled_from(["元", "万元", "人"]))
def test_grouped_digits_read_as_one_number(n, unit):
    full_width = f"{n:,}".replace(",", "，").translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    (q,) = find_quantities(f"共{full_width}{unit}")
    assert q.value == n * (10_000 if unit == "万元" else 1)
