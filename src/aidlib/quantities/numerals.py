"""Read numerals exactly: Arabic, Chinese and mixed compounds (2亿3000万, 一百十六, 三万五).

Every reader returns a :class:`~decimal.Decimal` (exact) or None when the text is no
number. A value past the largest float is ``Decimal("Infinity")``, never an
:class:`decimal.Overflow`: the callers drop it, so an absurd magnitude is no quantity.

The rules of a compound numeral (:func:`read_numeral`):

- magnitudes 十 百 千 multiply the digit before them (one when none: 十五 = 15,
  一百十六 = 116); 万 and 亿 close a section and multiply all of it
  (2亿3000万 = 230,000,000; 12万3456 = 123,456; 1.2万亿 = 1.2 × 10¹²);
- 零 and 〇 between parts hold a place and add nothing (1亿零500万, 一百〇五);
- a single trailing digit after 百, 千, 万 or 亿 is one step below it, as spoken
  (三万五 = 35,000, 一千五 = 1,500, 一亿五 = 150,000,000);
- 廿 is 20 and 卅 is 30 (廿五 = 25); 两 is 2; 点 is the decimal point
  (三点五零 = 3.50);
- a run of digits with no magnitude and more than one character is read digit by
  digit (一〇二 = 102, 一七二零点一 = 1720.1) when it holds 〇 or 零, and is no number
  otherwise (十四五, 三三);
- a leading 0 of Arabic digits after a magnitude holds a place: 1百01 = 101 (not the
  spoken 1百1 = 110).
"""

from __future__ import annotations

import functools
import re
import sys
from decimal import Decimal, InvalidOperation

# Magnitude characters after a number, simplified and traditional.
MAGNITUDES = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "萬": 10_000, "亿": 10**8, "億": 10**8}
# Chinese digits and their values (〇 and 零 are 0; 两 and 兩 are 2; 廿 and 卅 are tens).
DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9, "廿": 20, "卅": 30, "壹": 1,
}  # fmt: skip

# The largest value a float holds (about 1.8e308); a larger one is Infinity here.
LARGEST = Decimal(sys.float_info.max)
INFINITY = Decimal("Infinity")
# A run of more digits than this cannot be below LARGEST: not converted at all (no
# quadratic conversion of a million digits, no Overflow).
_MAX_DIGITS = 330
# A Chinese or mixed numeral longer than this is no number (一百一百...): the longest
# real ones (九千九百九十九万九千九百九十九亿...) are far shorter.
_MAX_NUMERAL = 200
# The magnitude characters as one string, for str.strip: a fast test of "magnitudes only".
MAGNITUDE_CHARS = "".join(MAGNITUDES)
_SMALL = {"十", "百", "千"}
_BIG = {"万": Decimal(10**4), "萬": Decimal(10**4), "亿": Decimal(10**8), "億": Decimal(10**8)}


def read_arabic(digits: str) -> Decimal | None:
    """Read ``1,200.5`` exactly; Infinity past the largest float; None when not a number.

    Examples:
        >>> read_arabic("1,200.5"), read_arabic("9" * 400)
        (Decimal('1200.5'), Decimal('Infinity'))
    """
    plain = digits.replace(",", "")
    if len(plain.split(".")[0]) > _MAX_DIGITS:
        return INFINITY
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    return INFINITY if abs(value) > LARGEST else value


def cap(value: Decimal) -> Decimal:
    """Infinity for a value past the largest float (keeps every later product finite)."""
    return INFINITY if abs(value) > LARGEST else value


def _tokens(text: str) -> list[Decimal | str] | None:
    """Split a numeral into numbers (Decimal) and magnitude characters; None if malformed."""
    out: list[Decimal | str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isdigit() and ch.isascii():
            j = i
            while j < n and (text[j].isascii() and (text[j].isdigit() or text[j] in ",.")):
                j += 1
            d = read_arabic(text[i:j])
            if d is None:
                return None
            if text[i] == "0" and j - i > 1 and out and text[i + 1].isdigit():
                out.append("零")  # 1百01: the leading 0 holds a place (101, not the spoken 1百1 = 110)
            out.append(d)
            i = j
        elif ch in DIGITS:
            j = i
            while j < n and text[j] in DIGITS:
                j += 1
            run = text[i:j]
            if j < n and text[j] == "点":  # 三点五零: a Chinese decimal
                k = j + 1
                while k < n and text[k] in DIGITS and DIGITS[text[k]] < 10:
                    k += 1
                if k == j + 1 or len(run) > 1 or DIGITS[run] >= 10:
                    return None
                frac = "".join(str(DIGITS[c]) for c in text[j + 1 : k])
                out.append(Decimal(f"{DIGITS[run]}.{frac}"))
                i = k
                continue
            if all(c in "零〇" for c in run):
                out.append("零")  # a place holder
            elif len(run) == 1:
                out.append(Decimal(DIGITS[run]))
            elif len(run) == 2 and run[0] in "零〇" and DIGITS[run[1]] < 10:
                out.extend(("零", Decimal(DIGITS[run[1]])))  # 一百零五: 零 then 五
            else:
                return None  # 十四五, 三三: not one number (digit-by-digit runs are read apart)
            i = j
        elif ch in MAGNITUDES:
            out.append(ch)
            i += 1
        else:
            return None
    return out


def _evaluate(tokens: list[Decimal | str]) -> Decimal | None:
    """Add up numbers and magnitudes (see the module docstring); None if malformed."""
    total = Decimal(0)  # the parts closed by 亿
    wan = Decimal(0)  # the part closed by 万, below 亿
    small = Decimal(0)  # 千, 百, 十 parts of the open section
    cur: Decimal | None = None  # the number waiting for its magnitude
    last_small = 10**5  # the last small magnitude in the section: they must fall
    prev: Decimal | str | None = None
    prev_mag = 0  # the magnitude just closed (for a trailing colloquial digit)
    for i, tok in enumerate(tokens):
        if tok == "零":
            prev = tok
            continue
        if isinstance(tok, Decimal):
            if isinstance(prev, Decimal):
                return None  # two numbers in a row
            if cur is not None:
                return None
            if prev_mag >= 100 and i == len(tokens) - 1 and prev not in ("零", None) and 0 < tok < 10:
                tok = tok * prev_mag / 10  # 三万五, 一千五: one step below, as spoken
            cur = tok
        elif tok in _SMALL:
            m = MAGNITUDES[tok]
            if m >= last_small:
                return None  # 三十百: magnitudes must fall within a section
            small += (cur if cur is not None else Decimal(1)) * m
            cur, last_small, prev_mag = None, m, m
        else:
            m = _BIG[tok]
            part = small + (cur if cur is not None else Decimal(0))
            if tok in "亿億":
                if prev in ("亿", "億"):
                    total = cap(total * m)  # 亿亿: 10^16
                else:
                    block = wan + part
                    total = cap(total + (block if block else Decimal(1)) * m)
                    wan = Decimal(0)
            elif prev in ("万", "萬"):
                wan = cap(wan * m)  # 万万
            elif prev in ("亿", "億"):
                return None  # 亿万: a word (亿万富翁), not a number
            else:
                wan = cap(wan + (part if part else Decimal(1)) * m)
            small, cur, last_small, prev_mag = Decimal(0), None, 10**5, int(m)
        prev = tok
    value = total + wan + small + (cur if cur is not None else Decimal(0))
    return cap(value)


@functools.lru_cache(maxsize=8192)
def read_numeral(text: str) -> Decimal | None:
    """Read an Arabic, Chinese or mixed numeral exactly; None when it is not one number.

    Examples:
        >>> read_numeral("2亿3000万"), read_numeral("1万2千"), read_numeral("一百十六")
        (Decimal('230000000'), Decimal('12000'), Decimal('116'))
        >>> read_numeral("三万五"), read_numeral("一〇二"), read_numeral("十四五")
        (Decimal('35000'), Decimal('102'), None)
    """
    if not text:
        return None
    if text.isascii():
        return read_arabic(text) if text[0].isdigit() else None
    if len(text) > _MAX_NUMERAL:
        return None  # no number is written so: not read at all (a long run costs nothing)
    if text.isascii():
        return read_arabic(text) if text[0].isdigit() else None
    whole, point, fraction = text.partition("点")
    positional = all(ch in "〇零一二三四五六七八九" for ch in whole + fraction)
    if len(whole) > 1 and positional and ("〇" in whole or "零" in whole) and (fraction or not point):
        if len(text) > _MAX_DIGITS:
            return INFINITY
        digits = "".join(str(DIGITS[ch]) for ch in whole)  # 一〇二: digit by digit
        if fraction:  # 一七二零点一: 1720.1
            digits += "." + "".join(str(DIGITS[ch]) for ch in fraction)
        return cap(Decimal(digits))
    if "廿" in text or "卅" in text:
        text = text.replace("廿", "二十").replace("卅", "三十")
    tokens = _tokens(text)
    if not tokens:
        return None
    try:
        return _evaluate(tokens)
    except InvalidOperation:  # pragma: no cover - every product is capped first
        return INFINITY


# ---- vague and bare numerals (数十, 几百, 两三, 百) --------------------------------------
# Each numeral of one character and its value (十 is 10): the digits of 3元5角 and 三四十.
SINGLE_NUMERALS = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
SINGLE_NUMERALS |= {"两": 2, "兩": 2, "〇": 0, "十": 10, "壹": 1}
_DIGIT_VALUE = SINGLE_NUMERALS | {"十": None}
_POSITIONAL = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def is_bare_magnitude(num: str) -> bool:
    """Whether a numeral is made only of magnitudes (百, 千万): a hedge may follow 上/过/破."""
    return not num.strip(MAGNITUDE_CHARS) and num != "十"


def final_magnitudes(num: str, mag: str) -> str:
    """The magnitudes a number ends with (五千万 → 千万; 3万 → 万), shared by a list or a range."""
    if mag:
        return "" if mag.strip(MAGNITUDE_CHARS) else mag
    head = num.rstrip(MAGNITUDE_CHARS)
    return num[len(head) :] if head else ""


@functools.lru_cache(maxsize=4096)
def read_bounds(num: str) -> tuple[Decimal, Decimal, bool] | None:
    """Read a numeral as ``(low, high, bare)``; low < high for a vague one.

    ``bare`` is true for a numeral of one magnitude alone (百, 万), which needs a
    hedge (百人团 is a name); 十万, 百万, 十亿 are numbers.

    Examples:
        >>> read_bounds("几百"), read_bounds("十几"), read_bounds("三四十"), read_bounds("数百万")
        ((Decimal('200'), Decimal('900'), False), (Decimal('11'), Decimal('19'), False), \
(Decimal('30'), Decimal('40'), False), (Decimal('2000000'), Decimal('9000000'), False))
        >>> read_bounds("十万")[0], read_bounds("万")[2], read_bounds("一百〇五")[0], read_bounds("廿五")[0]
        (Decimal('100000'), True, Decimal('105'), Decimal('25'))
    """
    if num[0].isdigit():
        d = read_numeral(num)
        return (d, d, False) if d is not None else None
    if len(num) > 200:
        return None  # a long run of numerals (一百一百...) is no number: not read at all
    if len(num) == 1 and num in MAGNITUDES and num != "十":
        d = Decimal(MAGNITUDES[num])
        return d, d, True
    if "点" in num:  # a decimal is never vague (一七二零点一三四: 三四 is no range)
        d = read_numeral(num)
        return (d, d, False) if d is not None else None
    if len(num) > 1 and ("〇" in num or "零" in num) and all(ch in _POSITIONAL for ch in num):
        d = read_numeral(num)  # 一〇〇: digit by digit
        return (d, d, False) if d is not None else None
    if num.startswith("数"):  # 数十, 数百万: 2 to 9 of the magnitude
        mag = read_numeral(num[1:]) if is_bare_magnitude(num[1:]) or num[1:] == "十" else None
        return (2 * mag, 9 * mag, False) if mag is not None else None
    if "几" in num:
        if num.count("几") > 1:
            return None
        i = num.index("几")
        after_ten = i > 0 and num[i - 1] in "十百千"  # 十几: a units digit 1 to 9
        low = read_numeral(num.replace("几", "一" if after_ten else "二")) if len(num) > 1 else Decimal(2)
        high = read_numeral(num.replace("几", "九")) if len(num) > 1 else Decimal(9)
        return (low, high, False) if low is not None and high is not None else None
    for i in range(len(num) - 1):  # 两三, 三四十, 十七八 (and 三五): adjacent digits are the two ends
        a, b = _DIGIT_VALUE.get(num[i]), _DIGIT_VALUE.get(num[i + 1])
        if a is not None and b is not None and (b == a + 1 or (a, b) == (3, 5)) and a > 0:
            low = read_numeral(num[: i + 1] + num[i + 2 :])
            high = read_numeral(num[:i] + num[i + 1 :])
            return (low, high, False) if low is not None and high is not None else None
    d = read_numeral(num)
    return (d, d, False) if d is not None else None




# ---- capital (financial) numerals: 壹贰叁 ... 拾佰仟, in amounts only ----------------------
# 伍 and 拾 occur in ordinary words (队伍, 拾起), 陆 in 大陆 and 陆续: a run of them is read
# only as an amount (see :func:`capital_view`).
# 壹 stays 壹: the reader takes it as 1 anywhere (see patterns.CHINESE_NUMERAL_CHARS), and 壹元 is
# then no article as 一元 would be.
CAPITALS = dict(zip("壹贰叁肆伍陆柒捌玖拾佰仟", "壹二三四五六七八九十百千", strict=True))
_CAPITAL_RUN = re.compile(f"[{''.join(CAPITALS)}零〇一二两三四五六七八九十百千万亿]+")
_HAS_CAPITAL = re.compile(f"[{''.join(CAPITALS)}]")
_RUN_CHARS = frozenset("".join(CAPITALS) + "零〇一二两三四五六七八九十百千万亿")
# An amount follows a capital numeral (元, 圆, 角, 分, a currency) or is announced before it.
_MONEY_AFTER = tuple("元圆块角分")
_MONEY_BEFORE = ("大写", "人民币", "金额", "￥", "¥", "合计", "计")
# Capitals found in ordinary words (队伍, 大陆, 拾起): alone in a run they need an announcement.
_AMBIGUOUS_CAPITALS = set("伍陆拾")


def capital_view(view: str, currency_after: tuple[str, ...] = ()) -> str:
    """Write capital numerals of amounts as ordinary ones, keeping every offset.

    A run is an amount when it is followed by a money word (元, 圆, 角, 分,
    ``currency_after``) or announced by 大写/人民币/金额/¥, and it holds two capital
    numerals, or one that no ordinary word holds (壹万二千元; not 伍, 陆, 拾: 大陆三十万元),
    or is announced; a lone capital before 角 or 分 after 元 is a digit of the amount
    (玖仟陆佰陆拾伍圆壹角捌分).

    Examples:
        >>> capital_view("人民币贰拾伍万元整"), capital_view("队伍拾起")
        ('人民币二十五万元整', '队伍拾起')
    """
    if not _HAS_CAPITAL.search(view):
        return view
    out = None
    done = 0
    for hit in _HAS_CAPITAL.finditer(view):
        if hit.start() < done:
            continue  # inside the run just read
        s = hit.start()
        while s > 0 and view[s - 1] in _RUN_CHARS:
            s -= 1
        m = _CAPITAL_RUN.match(view, s)
        done = m.end()
        run = m[0]
        capitals = sum(ch in CAPITALS for ch in run)
        if not capitals:
            continue
        s, e = m.span()
        after = view[e : e + 1]
        money_after = after in _MONEY_AFTER or view.startswith(currency_after, e)
        announced = any(w in view[max(0, s - 6) : s] for w in _MONEY_BEFORE)
        in_amount = capitals == 1 and after in ("角", "分") and view[s - 1 : s] in ("元", "圆", "角")
        distinct = any(ch in CAPITALS and ch not in _AMBIGUOUS_CAPITALS for ch in run)
        if (money_after or announced) and (capitals >= 2 or distinct or announced or in_amount):
            out = out if out is not None else list(view)
            out[s:e] = [CAPITALS.get(ch, ch) for ch in run]
    return view if out is None else "".join(out)
