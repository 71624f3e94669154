"""The text repair steps other than GBK mojibake: HTML, pinyin, punctuation, script.

Each step is a function ``text -> list[Edit]``; :mod:`aidlib.text` runs them in
order and keeps the offset map. Steps are conservative: they change only what
matches the damage pattern and leave real parentheticals, numbers and times alone.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from aidlib.edits import Edit
from aidlib.mojibake import LOST, PINYIN

# A CJK ideograph (basic block and extension A) or the mark of a lost one.
HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff" + LOST
# Full-width punctuation and quotes that count as Chinese context.
CJK_MARKS = "，。、；：？！“”‘’（）《》〈〉【】『』「」…—·"

# ---- HTML -------------------------------------------------------------------
# Tags that web pages leave in copied text. A closing tag may have lost its "<"
# to a mojibake "?" (娊?/p>), so "<" is optional right after "?" or U+FFFD.
_TAGS = r"(?:p|br|div|span|a|b|i|em|strong|font|section|img|li|ul|ol|h[1-6]|table|tr|td|center|sup|sub)"
_HTML_TAG = re.compile(rf"(?:<|(?<=[?{LOST}]))/{_TAGS}\s*>|<{_TAGS}(?:\s[^<>\n]*)?/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d{2,5});")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
# After these a line break is a real paragraph end; elsewhere a tag's line break
# split a sentence and is removed with the tag.
_SENTENCE_END = "。！？!?…”』」】：:" + "\n"


def html_edits(text: str) -> list[Edit]:
    r"""Remove stray HTML tags and entities; rejoin a sentence a tag split.

    Examples:
        >>> from aidlib.edits import apply_edits
        >>> apply_edits("群眾交</p>\n口稱贊", html_edits("群眾交</p>\n口稱贊")).text
        '群眾交口稱贊'
        >>> apply_edits("a&amp;b", html_edits("a&amp;b")).text
        'a&b'
    """
    edits = []
    for m in _HTML_TAG.finditer(text):
        end = m.end()
        before = text[: m.start()].rstrip(" ")
        # A tag that lost its "<" to the mojibake "?" sits mid-sentence by construction.
        split = not m.group().startswith("<") or (before and before[-1] not in _SENTENCE_END)
        if text[end : end + 1] == "\n" and split:
            end += 1
        edits.append(Edit(m.start(), end, "", "html"))
    for m in _ENTITY.finditer(text):
        ent = m.group()
        after = _ENTITIES.get(ent) or chr(int(ent[2:-1]))
        edits.append(Edit(m.start(), m.end(), after, "html"))
    return sorted(edits, key=lambda e: e.start)


# ---- pinyin -----------------------------------------------------------------
# Mandarin syllables without tone: optional initial, then a final. Used to tell
# an annotation 實(shí) from a real parenthetical such as 组织(WHO) or (AB).
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er"
    r"|ia|ie|iu|in|ua|uo|ui|un|ve|ue|vn|a|o|e|i|u|v)"
)
_ANNOTATED = re.compile(rf"([{HANZI}])[(（]({PINYIN})[)）]")


def is_pinyin(word: str) -> bool:
    """Tell whether ``word`` is one lowercase pinyin syllable, tone marks allowed.

    Examples:
        >>> is_pinyin("shí"), is_pinyin("lǜ"), is_pinyin("WHO"), is_pinyin("abc")
        (True, True, False, False)
    """
    if not word.islower():
        return False
    plain = unicodedata.normalize("NFD", word.replace("ü", "v"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return _SYLLABLE.fullmatch(plain.replace("v\u0308", "v")) is not None


def pinyin_edits(text: str) -> list[Edit]:
    """Drop pinyin annotations written right after a CJK character.

    Examples:
        >>> from aidlib.edits import apply_edits
        >>> apply_edits("落實(shí)黨", pinyin_edits("落實(shí)黨")).text
        '落實黨'
        >>> pinyin_edits("2023(中國)") + pinyin_edits("組織(WHO)")
        []
    """
    return [Edit(m.start(), m.end(), m[1], "pinyin") for m in _ANNOTATED.finditer(text) if is_pinyin(m[2])]


# ---- punctuation ------------------------------------------------------------
# Marks that get doubled or written in ASCII: ",," ",。" ",、" ",;" and lone ",".
_PUNCT_RUN = re.compile(r"[,，、;；:：。]+")
_FULL = {",": "，", ";": "；", ":": "："}
# When a run collapses, the strongest mark wins (",。" is a full stop).
_STRENGTH = "，、：；。"


def _is_chinese(ch: str) -> bool:
    return bool(ch) and (re.match(f"[{HANZI}]", ch) is not None or ch in CJK_MARKS)


def punctuation_edits(text: str) -> list[Edit]:
    """Collapse doubled punctuation and use full-width marks in Chinese text.

    Numbers (1,200.5) and times (10:13) keep their ASCII marks.

    Examples:
        >>> from aidlib.edits import apply_edits
        >>> apply_edits("深,。是,,的", punctuation_edits("深,。是,,的")).text
        '深。是，的'
        >>> punctuation_edits("共1,200.5元 10:13")
        []
    """
    edits = []
    for m in _PUNCT_RUN.finditer(text):
        run = m.group()
        left = text[m.start() - 1] if m.start() else ""
        right = text[m.end() : m.end() + 1]
        if left.isdigit() and right.isdigit():
            continue
        if len(run) == 1:
            if run in _FULL and (_is_chinese(left) or _is_chinese(right)):
                edits.append(Edit(m.start(), m.end(), _FULL[run], "punctuation"))
            continue
        marks = [_FULL.get(ch, ch) for ch in run]
        strongest = max(marks, key=_STRENGTH.index)
        edits.append(Edit(m.start(), m.end(), strongest, "punctuation"))
    return edits


# ---- spacing ----------------------------------------------------------------
# Chinese sets no spaces between words; web copies put them around numbers
# ("投入 6423 萬元"). Drop spaces that touch a hanzi on one side and a hanzi,
# digit or percent sign on the other; spaces between Latin words stay.
_SPACES = re.compile(rf"(?<=[{HANZI}\d%])[ \u3000\u00a0]+(?=[{HANZI}])|(?<=[{HANZI}])[ \u3000\u00a0]+(?=\d)")


def spacing_edits(text: str) -> list[Edit]:
    """Remove spaces between Chinese words and numbers.

    Examples:
        >>> from aidlib.edits import apply_edits
        >>> apply_edits("投入 6423 萬元 and more", spacing_edits("投入 6423 萬元 and more")).text
        '投入6423萬元 and more'
    """
    return [Edit(m.start(), m.end(), "", "spacing") for m in _SPACES.finditer(text)]


# ---- script -----------------------------------------------------------------
@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional Chinese to simplified with OpenCC (t2s).

    Examples:
        >>> to_simplified("廣州援疆")
        '广州援疆'
    """
    return _converter().convert(text)


def script_edits(text: str) -> list[Edit]:
    """Convert traditional characters to simplified, one edit per changed stretch."""
    simple = to_simplified(text)
    if len(simple) == len(text):
        # t2s almost always maps char for char: skip the quadratic diff.
        return [Edit(i, i + 1, s, "t2s") for i, (t, s) in enumerate(zip(text, simple, strict=True)) if t != s]
    edits = []
    matcher = difflib.SequenceMatcher(None, text, simple, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 == i2:  # a pure insertion joins the (equal) character before it
            i1, j1 = max(i1 - 1, 0), max(j1 - 1, 0)
            i2 = max(i2, 1)
        edits.append(Edit(i1, i2, simple[j1:j2], "t2s"))
    return edits
