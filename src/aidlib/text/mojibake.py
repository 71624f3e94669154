"""Repair byte-shifted GBK (GB18030) mojibake next to a literal ``?``.

How the damage arises: a page in GB18030 lost one byte, so a decoder read the
following bytes out of step, pairing each character's trail byte with the next
character's lead byte. It produced plausible-looking but wrong characters
(当地群众 in traditional script, ``AE94 B5D8 C8BA B18A``, read from ``94`` on as
``94B5 D8C8 BAB1 8A..`` = 數厝罕...) until an ASCII byte broke the pairing, where
the orphaned byte became a literal ``?``. A later tool then added pinyin to the
mis-read characters, so a ``?`` is often followed by ``shù)``: the reading of the
mis-read character whose ``(`` the ``?`` swallowed.

The repair, for each ``?`` followed by a run of CJK characters:

1. re-encode the run as GB18030 and decode it shifted by one byte; accept the
   result only when it reads as Chinese better than the run did
   (:func:`chinese_score`);
2. the first byte of the run is the trail of a lost character. Its lead byte is
   the trail of the mis-read character ``M`` named by the pinyin after ``?``;
   ``M``'s own lead byte is the trail of the intact character before the ``?``.
   When exactly one character fits, the lost character is rebuilt;
3. the last byte left dangling is the lead of the next character, whose trail
   was swallowed by the ``?`` that ends the run; a pinyin annotation after that
   ``?`` (``?guó)``) names it when one character with that lead byte reads so.

Whatever the bytes and annotations do not determine becomes U+FFFD: nothing is
guessed. A ``?`` with damage evidence (an orphan reading ``?shù)``, or a
confirmed last character) whose run does not read as shifted Chinese becomes
U+FFFD too, run left as is: the character is lost, and the run must not be tried
again after t2s changed its script and so its bytes (``億元`` read as GB18030 is
not ``亿元``), which is what kept a second normalize from agreeing with the first.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from aidlib.text.edits import Edit
from aidlib.text.hanzi import LOST, PINYIN, gb2312, to_simplified

# A reading that lost its opening parenthesis to the ``?``: ``shù)``.
_ORPHAN_READING = re.compile(rf"({PINYIN})\)")
# A complete annotation: ``(dāng)``.
_ANNOTATION = re.compile(rf"\(({PINYIN})\)")
# Full-width punctuation is legitimate text, never part of a mis-decoded run.
_CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】『』「」…—·～")
# A shifted reading is accepted only when at least this share of it is common hanzi.
MIN_SCORE = 0.6
# ASCII punctuation that a split byte pair can leave between ``?`` and a run.
_STRAY_ASCII = set(";,:.")


def _gb_bytes(ch: str) -> bytes | None:
    """Return the 2-byte GB18030 encoding of ``ch``, or None."""
    try:
        raw = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return raw if len(raw) == 2 else None


def _is_run_char(ch: str) -> bool:
    """Tell whether ``ch`` can be a mis-paired GB18030 character.

    Pinyin letters (í, ǎ) are 2-byte GB18030 too, but they belong to annotations.
    """
    return (
        ord(ch) > 0x7F
        and ch not in _CJK_PUNCT
        and not unicodedata.name(ch, "LATIN").startswith("LATIN")
        and _gb_bytes(ch) is not None
    )


def _decode_pair(lead: int, trail: int) -> str | None:
    """Decode two bytes as one GB18030 character, or None when invalid."""
    try:
        ch = bytes([lead, trail]).decode("gb18030")
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 and ch.isprintable() else None


def chinese_score(text: str) -> float:
    """Share of characters that are common hanzi (in either script).

    Examples:
        >>> chinese_score("群眾")
        1.0
        >>> chinese_score("厝罕娊") < 0.5
        True
    """
    if not text:
        return 0.0
    simple = to_simplified(text)
    common = gb2312()
    return sum(ch in common for ch in simple) / len(text)


@functools.cache
def _readings(ch: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore")
    return frozenset(r.lower() for group in found for r in group)


def _normalise_reading(reading: str) -> str:
    return reading.lower().replace("v", "ü").replace("u:", "ü")


def chars_reading(reading: str, lead: int | None = None) -> list[str]:
    """List the GB18030 characters (with this lead byte, if given) read ``reading``.

    Rare variant forms are set aside when a standard character fits: of
    囯囶囻圀國 (all ``87xx``, all guó) only 國 simplifies to a GB2312 character.

    Examples:
        >>> chars_reading("guó", lead=0x87)
        ['國']
    """
    return list(_chars_reading(_normalise_reading(reading), lead))


@functools.lru_cache(maxsize=4096)
def _chars_reading(reading: str, lead: int | None) -> tuple[str, ...]:
    leads = [lead] if lead is not None else range(0x81, 0xFF)
    found = []
    for lb in leads:
        for trail in range(0x40, 0xFF):
            ch = _decode_pair(lb, trail)
            if ch and "\u4e00" <= ch <= "\u9fff" and reading in _readings(ch):
                found.append(ch)
    standard = gb2312(0xF7)
    common = [ch for ch in found if to_simplified(ch) in standard]
    return tuple(common or found)


_ANNOTATED_END = re.compile(rf"\({PINYIN}\)$")


def _previous_char(text: str, pos: int) -> int | None:
    """The offset of the CJK character before ``pos``, skipping its annotation."""
    # An annotation is at most 10 characters ("(" + 7 letters + ")" + a newline
    # that "$" may stand before): search only that far back, not from offset 0.
    m = _ANNOTATED_END.search(text, max(0, pos - 10), pos)
    at = (m.start() if m else pos) - 1
    return at if at >= 0 and _is_run_char(text[at]) else None


def _first_lost(text: str, prev: int | None, reading: str | None, first_byte: int) -> str:
    """Rebuild the character whose trail byte opens the run (step 2)."""
    if reading is None:
        return LOST
    lead = _gb_bytes(text[prev])[1] if prev is not None else None
    misread = chars_reading(reading, lead)
    rebuilt = {_decode_pair(_gb_bytes(m)[1], first_byte) for m in misread}
    rebuilt.discard(None)
    return rebuilt.pop() if len(rebuilt) == 1 else LOST


def _last_lost(text: str, end: int, dangling: int) -> tuple[str, int, bool]:
    """Rebuild the character whose lead byte closes the run (step 3).

    Returns the character (or U+FFFD), the offset where the damage ends, and
    whether a pinyin annotation confirms the damage there.
    """
    nxt = text[end : end + 1]
    if nxt and 0x40 <= ord(nxt) <= 0x7E and nxt not in "?()":
        # The trail byte survived as an ASCII letter (醫 = E1 74 = "\xe1t").
        ch = _decode_pair(dangling, ord(nxt))
        annotation = _ANNOTATION.match(text, end + 1)
        confirmed = bool(ch and annotation and _normalise_reading(annotation[1]) in _readings(ch))
        if ch and (annotation is None or confirmed):
            return ch, end + 1, confirmed
    if nxt == "?":
        orphan = _ORPHAN_READING.match(text, end + 1)
        if orphan:
            fits = chars_reading(orphan[1], dangling)
            return (fits[0] if len(fits) == 1 else LOST), orphan.end(), True
        return LOST, end + 1, False
    return LOST, end, False


def find_shift_edits(text: str) -> list[Edit]:
    """Find the byte-shifted GBK spans in ``text`` and the edits that repair them.

    A ``?`` that starts no shifted run (a real question mark) is left alone, and
    so is a run without a pinyin reading that marks it as damaged.

    Examples:
        >>> [e.after for e in find_shift_edits("當(dāng)?shù)厝罕娊?/p>")]
        ['當地群眾\ufffd']
    """
    edits: list[Edit] = []
    pos = 0
    while (q := text.find("?", pos)) != -1:
        pos = q + 1
        if edits and q < edits[-1].end:
            continue
        cursor = q + 1
        orphan = _ORPHAN_READING.match(text, cursor)
        reading = orphan[1] if orphan else None
        if orphan:
            cursor = orphan.end()
        elif text[cursor : cursor + 1] in _STRAY_ASCII:
            cursor += 1  # a split full-width mark: its bytes are part of the loss
        run_end = cursor
        while run_end < len(text) and _is_run_char(text[run_end]):
            run_end += 1
        run = text[cursor:run_end]
        if not run:
            if orphan:  # "?shù)" with nothing after: the character is lost
                edits.append(Edit(q, cursor, LOST, "gbk_shift"))
            continue
        raw = b"".join(_gb_bytes(ch) for ch in run)
        body, dangling = raw[1:], None
        if len(body) % 2:
            body, dangling = body[:-1], body[-1]
        decoded = body.decode("gb18030", errors="replace")
        last, end, confirmed = ("", run_end, False)
        if dangling is not None:
            last, end, confirmed = _last_lost(text, run_end, dangling)
        # Repair only with evidence of damage (an orphan reading such as "shù)"
        # or an annotation that fits the rebuilt last character) and a clear
        # gain: the shifted reading must look like Chinese. Clean text carries
        # no such evidence, which keeps normalize idempotent.
        score = chinese_score(decoded + last.replace(LOST, ""))
        if not (reading or confirmed) or score < MIN_SCORE or score <= chinese_score(run):
            if reading or confirmed:
                # Damage evidence, but the run does not read as shifted Chinese:
                # the "?" (with its orphan reading) stands for a lost character.
                # Marking it keeps a second pass from trying the run again once
                # later steps changed its script (億 → 亿) and bytes.
                edits.append(Edit(q, cursor if reading else q + 1, LOST, "gbk_shift"))
            continue
        prev = _previous_char(text, q)
        first = _first_lost(text, prev, reading, raw[0])
        # The edit starts at the intact character whose bytes fed the rebuild, so
        # the repaired span normalizes the same on its own (see Normalized.raw_span).
        start = q
        if reading is not None and prev is not None and (not edits or prev >= edits[-1].end):
            start = prev
        edits.append(Edit(start, end, text[start] * (start < q) + first + decoded + last, "gbk_shift"))
    return edits
