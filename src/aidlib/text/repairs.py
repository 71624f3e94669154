"""The text repair steps other than GBK mojibake: HTML, pinyin, punctuation, script.

Each step is a function ``text -> list[Edit]``; :mod:`aidlib.text.normalizer` runs them in
order and keeps the offset map, through the lighter ``*_spans`` twins that
return ``(start, end, after)`` tuples. Every step is one linear scan. Steps are
conservative: they change only what matches the damage pattern and leave real
parentheticals, numbers and times alone.

HTML (:func:`html_edits`): tags of :data:`_TAGS` are removed, also a closing tag cut
before its ``>`` (``</p``) when the text or the line ends right after its name;
``<!-- ... -->`` comments and ``<script>``/``<style>`` blocks go with their contents
(an unclosed one is left). Named (``&amp;`` ...), decimal (``&#20013;``) and hex
(``&#x4E2D;``) references are decoded; one that names no character becomes U+FFFD.

Pinyin (:func:`pinyin_edits`): an annotation after a CJK character is removed. A
character annotated again, 中(zhōng)(zhōng) or 重(zhòng)(chóng), loses every
annotation when each further one is the first again or a reading of the character
(pypinyin, tones ignored). When one is not, 中(zhōng)(guó)国, the run is no
annotation we understand and is left whole, so a reader sees it (and a second pass
decides the same: the result stays a fixed point).

Spacing (:func:`spacing_edits`) also removes a byte-order mark U+FEFF and the
zero-width characters U+200B, U+200C, U+200D and U+2060, wherever they stand.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from aidlib.text.edits import Edit
from aidlib.text.hanzi import CJK_MARKS, HANZI, LOST, PINYIN, to_simplified

# ---- HTML -------------------------------------------------------------------
# Tags that web pages leave in copied text. A closing tag may have lost its "<"
# to a mojibake "?" (娊?/p>), so "<" is optional right after "?" or U+FFFD.
_TAGS = r"(?:p|br|div|span|a|b|i|em|strong|font|section|img|li|ul|ol|h[1-6]|table|tr|td|center|sup|sub)"
_HTML_TAG = re.compile(rf"(?:<|(?<=[?{LOST}]))/{_TAGS}\s*>|<{_TAGS}(?:\s[^<>\n]*)?/?>", re.IGNORECASE)
# A character reference, possibly escaped more than once (&amp;amp; is an
# escaped &amp;, &amp;lt; an escaped &lt;): the whole chain is one repair.
_ENTITY = re.compile(
    r"&(?:(?:amp|#0*38|#[xX]0*26);)*(?:(nbsp|amp|lt|gt|quot)|#([0-9]+)|#[xX]([0-9a-fA-F]+));"
)
# A closing tag cut before its ">" at the end of the text or of a line: "中国</p".
_CUT_TAG = re.compile(rf"</{_TAGS}(?=\n|\Z)", re.IGNORECASE)
# Blocks removed with their contents; the end is searched once (see _block_spans).
# re.ASCII: under Unicode case folding "ſ" (U+017F) matched "s", so "<ſcript>" was a
# block start with no end pattern (KeyError) whenever the text also held "<s".
_BLOCK_START = re.compile(r"<!--|<(script|style)(?=[\s>])[^<>]*>", re.IGNORECASE | re.ASCII)
_BLOCK_END = {
    None: re.compile("-->"),
    "script": re.compile(r"</script\s*>", re.IGNORECASE | re.ASCII),
    "style": re.compile(r"</style\s*>", re.IGNORECASE | re.ASCII),
}
_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"'}
# After these a line break is a real paragraph end; elsewhere a tag's line break
# split a sentence and is removed with the tag.
_SENTENCE_END = "。！？!?…”』」】：:" + "\n"


def _reference(number: str, base: int = 10) -> str:
    """The character a numeric reference names; U+FFFD for none (HTML's rule).

    A surrogate (&#55357;), zero or a number past U+10FFFF names no character.

    Examples:
        >>> _reference("38"), _reference("55357"), _reference("99999999"), _reference("4E2D", 16)
        ('&', '\ufffd', '\ufffd', '中')
    """
    digits = number.lstrip("0")
    if not digits or len(digits) > 7:
        return LOST
    code = int(digits, base)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return LOST
    return chr(code)


def _block_spans(text: str) -> list[tuple[int, int]]:
    """Comments and script/style blocks, in order; linear (each end is searched once per kind)."""
    blocks: list[tuple[int, int]] = []
    closed = set()  # kinds with no end left in the rest of the text
    pos = 0
    while (m := _BLOCK_START.search(text, pos)) is not None:
        kind = m[1].lower() if m[1] else None
        end = None if kind in closed else _BLOCK_END[kind].search(text, m.end())
        if end is None:
            closed.add(kind)  # no later block of this kind can close either
            pos = m.start() + 1
            if len(closed) == len(_BLOCK_END):
                break
            continue
        blocks.append((m.start(), end.end()))
        pos = end.end()
    return blocks


def _tag_matches(text: str):
    """Tags, cut closing tags and blocks, in order, as spans; tags inside a block go with it."""
    tags = [m.span() for m in _HTML_TAG.finditer(text)]
    if "</" in text:
        tags = sorted(tags + [m.span() for m in _CUT_TAG.finditer(text)])
    if "<" not in text or ("<!--" not in text and "<s" not in text.lower()):
        return tags
    blocks = _block_spans(text)
    if not blocks:
        return tags
    out, b = [], 0
    for start, end in tags:
        while b < len(blocks) and blocks[b][1] <= start:
            out.append(blocks[b])
            b += 1
        if b < len(blocks) and blocks[b][0] <= start:
            continue  # inside a block: removed with it
        out.append((start, end))
    out.extend(blocks[b:])
    return out


def html_spans(text: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, after)`` edits of :func:`html_edits`, in order."""
    spans = []
    for start, end in _tag_matches(text):
        i = start - 1
        while i >= 0 and text[i] == " ":  # the character before the tag, spaces skipped
            i -= 1
        # A tag that lost its "<" to the mojibake "?" sits mid-sentence by construction.
        split = text[start] != "<" or (i >= 0 and text[i] not in _SENTENCE_END)
        if text[end : end + 1] == "\n" and split:
            end += 1
        spans.append((start, end, ""))
    if "&" not in text:
        return spans
    tags, spans, t = spans, [], 0
    for m in _ENTITY.finditer(text):
        start = m.start()
        while t < len(tags) and tags[t][1] <= start:
            spans.append(tags[t])
            t += 1
        if t < len(tags) and tags[t][0] < m.end():
            continue  # inside a tag (<span title="&amp;">): removed with it
        after = _ENTITIES[m[1]] if m[1] else _reference(m[2]) if m[2] else _reference(m[3], 16)
        spans.append((start, m.end(), after))
    spans.extend(tags[t:])
    return spans


def html_edits(text: str) -> list[Edit]:
    r"""Remove stray HTML tags and character references; rejoin a sentence a tag split.

    A reference to no character (a surrogate such as ``&#55357;``, ``&#0;`` or
    past U+10FFFF) becomes U+FFFD, as an HTML parser reads it.

    Examples:
        >>> from aidlib.text.edits import apply_text
        >>> apply_text("群眾交</p>\n口稱贊", html_spans("群眾交</p>\n口稱贊"))
        '群眾交口稱贊'
        >>> apply_text("a&amp;b", html_spans("a&amp;b"))
        'a&b'
        >>> apply_text("投入&#55357;", html_spans("投入&#55357;"))
        '投入\ufffd'
    """
    return [Edit(s, e, a, "html") for s, e, a in html_spans(text)]


# ---- pinyin -----------------------------------------------------------------
# Mandarin syllables without tone: optional initial, then a final. Used to tell
# an annotation 實(shí) from a real parenthetical such as 组织(WHO) or (AB).
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er"
    r"|ia|ie|iu|in|ua|uo|ui|un|ve|ue|vn|a|o|e|i|u|v)"
)
# A CJK character and its annotation: 實(shí). More may follow, 中(zhōng)(zhōng),
# when the annotating tool ran twice.
_ANNOTATED = re.compile(rf"([{HANZI}])[(（]({PINYIN})[)）]")
_ANNOTATION = re.compile(rf"[(（]({PINYIN})[)）]")


@functools.lru_cache(maxsize=8192)
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


def _toneless(word: str) -> str:
    plain = unicodedata.normalize("NFD", word.lower().replace("ü", "v"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=4096)
def _char_readings(ch: str) -> frozenset[str]:
    """The readings of one character, without tones (pypinyin, every heteronym)."""
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=False)
    return frozenset(r.lower() for group in found for r in group)


def _skip_annotations(text: str, end: int) -> int:
    """The end of the run of pinyin annotations starting at ``end``."""
    while (again := _ANNOTATION.match(text, end)) is not None and is_pinyin(again[1]):
        end = again.end()
    return end


def pinyin_spans(text: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, after)`` edits of :func:`pinyin_edits`, in order."""
    spans = []
    done = 0
    for m in _ANNOTATED.finditer(text):
        start = m.start()
        if start < done or not is_pinyin(m[2]):
            continue
        end = m.end()
        first = _toneless(m[2])
        while text.startswith(("(", "（"), end):  # annotated again: drop those that are pinyin too
            again = _ANNOTATION.match(text, end)
            if again is None or not is_pinyin(again[1]):
                break
            reading = _toneless(again[1])
            if reading != first and reading not in _char_readings(m[1]):
                end = -1  # 中(zhōng)(guó): no annotation we understand, left whole
                break
            end = again.end()
        if end == -1:
            done = _skip_annotations(text, m.end())
            continue
        spans.append((start, end, m[1]))
        done = end
    return spans


def pinyin_edits(text: str) -> list[Edit]:
    """Drop pinyin annotations written right after a CJK character.

    A character annotated twice, 中(zhōng)(zhōng), loses both annotations.

    Examples:
        >>> from aidlib.text.edits import apply_text
        >>> apply_text("落實(shí)黨", pinyin_spans("落實(shí)黨"))
        '落實黨'
        >>> pinyin_edits("2023(中國)") + pinyin_edits("組織(WHO)")
        []
    """
    return [Edit(s, e, a, "pinyin") for s, e, a in pinyin_spans(text)]


# ---- punctuation ------------------------------------------------------------
# Marks that get doubled or written in ASCII: ",," ",。" ",、" ",;" and lone ",".
# A lone full-width mark is fine and is not even matched.
_PUNCT_RUN = re.compile(r"[,，、;；:：。]{2,}|[,;:]")
_FULL = {",": "，", ";": "；", ":": "："}
# When a run collapses, the strongest mark wins (",。" is a full stop).
_STRENGTH = "，、：；。"
_MARKS = frozenset(CJK_MARKS + LOST)


def _is_chinese(ch: str) -> bool:
    """Tell whether ``ch`` is a hanzi (see HANZI), U+FFFD or a full-width mark."""
    return (
        "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff" or ch in _MARKS
    )


def punctuation_spans(text: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, after)`` edits of :func:`punctuation_edits`, in order."""
    spans = []
    for m in _PUNCT_RUN.finditer(text):
        start, end = m.span()
        left = text[start - 1] if start else ""
        right = text[end : end + 1]
        if left.isdigit() and right.isdigit():
            continue
        run = m.group()
        if len(run) == 1:
            if _is_chinese(left) or _is_chinese(right):
                spans.append((start, end, _FULL[run]))
            continue
        strongest = max((_FULL.get(ch, ch) for ch in run), key=_STRENGTH.index)
        spans.append((start, end, strongest))
    return spans


def punctuation_edits(text: str) -> list[Edit]:
    """Collapse doubled punctuation and use full-width marks in Chinese text.

    Numbers (1,200.5) and times (10:13) keep their ASCII marks.

    Examples:
        >>> from aidlib.text.edits import apply_text
        >>> apply_text("深,。是,,的", punctuation_spans("深,。是,,的"))
        '深。是，的'
        >>> punctuation_edits("共1,200.5元 10:13")
        []
    """
    return [Edit(s, e, a, "punctuation") for s, e, a in punctuation_spans(text)]


# ---- spacing ----------------------------------------------------------------
# Chinese sets no spaces between words; web copies put them around numbers
# ("投入 6423 萬元"). Drop spaces that touch a hanzi on one side and a hanzi,
# digit or percent sign on the other; spaces between Latin words stay.
# A byte-order mark and the zero-width characters go wherever they stand.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_SPACES = re.compile(
    rf"(?<=[{HANZI}\d%])[ \u3000\u00a0]+(?=[{HANZI}])|(?<=[{HANZI}])[ \u3000\u00a0]+(?=\d)|[{_INVISIBLE}]+"
)


def spacing_spans(text: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, after)`` edits of :func:`spacing_edits`, in order."""
    return [(*m.span(), "") for m in _SPACES.finditer(text)]


def spacing_edits(text: str) -> list[Edit]:
    """Remove spaces between Chinese words and numbers, and zero-width characters anywhere.

    Examples:
        >>> from aidlib.text.edits import apply_text
        >>> apply_text("投入 6423 萬元 and more", spacing_spans("投入 6423 萬元 and more"))
        '投入6423萬元 and more'
    """
    return [Edit(s, e, a, "spacing") for s, e, a in spacing_spans(text)]


# ---- script -----------------------------------------------------------------
def _changed_line(line: str, simple: str, offset: int) -> list[tuple[int, int, str]]:
    """One edit for the stretch of ``line`` that t2s changed (and changed in length).

    Never seen in practice (OpenCC maps every single character to one), so
    precision gives way to a linear bound: the stretch from the first to the last
    difference becomes one edit. An insertion joins a neighbouring character.
    """
    short = min(len(line), len(simple))
    p = 0
    while p < short and line[p] == simple[p]:
        p += 1
    q = 0
    while q < short - p and line[-1 - q] == simple[-1 - q]:
        q += 1
    start, end, after = p, len(line) - q, simple[p : len(simple) - q]
    if start == end:  # a pure insertion: take a neighbour along
        if start > 0:
            start, after = start - 1, line[start - 1] + after
        else:
            end, after = 1, after + line[0]
    return [(offset + start, offset + end, after)]


def script_spans(text: str, simple: str | None = None) -> list[tuple[int, int, str]]:
    """The ``(start, end, after)`` edits of :func:`script_edits`, in order."""
    if simple is None:
        simple = to_simplified(text)
    if len(simple) == len(text):
        # t2s almost always maps char for char: one edit per changed character.
        return [(i, i + 1, s) for i, (t, s) in enumerate(zip(text, simple, strict=True)) if t != s]
    # A phrase changed length. OpenCC matches no phrase across a line break, so
    # align line by line and keep the alignment local (and linear overall).
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        converted = to_simplified(line)
        if len(converted) == len(line):
            pairs = enumerate(zip(line, converted, strict=True))
            spans.extend((offset + i, offset + i + 1, s) for i, (t, s) in pairs if t != s)
        else:
            spans.extend(_changed_line(line, converted, offset))
        offset += len(line)
    return spans


def script_edits(text: str) -> list[Edit]:
    """Convert traditional characters to simplified, one edit per changed stretch."""
    return [Edit(s, e, a, "t2s") for s, e, a in script_spans(text)]
