"""Build ``src/aidlib/quantities/data/place_names.txt``: the Chinese place names that hold a numeral.

Source: jionlp's ``china_location`` dictionary (jionlp, Apache License 2.0,
https://github.com/dongrixinyu/JioNLP): China's administrative divisions over five
levels (province, prefecture, county, town, village), Bingtuan divisions and regiments
included. jionlp is a build-time input only, never a dependency of aidlib:

    pip download jionlp --no-deps -d /tmp/jio
    .venv/bin/python scripts/build_gazetteer.py /tmp/jio/jionlp-*.whl

The output keeps only what the quantity parser needs: every name that contains a Chinese
numeral or a digit (202所社区), with its suffix (五家渠市, 七个星镇, 三间房乡), and its
short form where the short form is in use — the alias jionlp gives provinces, prefectures
and counties, and a town without 镇/乡/街道/苏木 — when at least two characters
follow the numeral (五家渠, 六户地, 七个星). A shorter short form (三台 of 三台县,
五家 of 五家村) reads as a count (购置三台设备), so only its full name is kept. For the last character of
each short form, and of each name of the hand-kept list of landmarks and Bingtuan forms
(``place_names_extra.txt``, beside it, read with it at run time; rerun this script after
editing it), the file lists the characters that continue it into a common word (from
jionlp's idf word list: 房 → 房屋, 房子 ...): 维修三间房屋 is a count, 来到三间房考察 a name;
and for each continuing character, those that follow it in a more common word, which
leave the name whole (来到九成宫调研: 宫调 is a word, 调研 a commoner one).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "aidlib" / "quantities" / "data" / "place_names.txt"
EXTRA = OUT.with_name("place_names_extra.txt")
NUMERALS = "零〇一二两三四五六七八九十百千万亿廿卅0-9"
_RUN = re.compile(f"[{NUMERALS}]+")
# The parser reads full-width digits as ASCII: names are kept so (二九０场 → 二九0场).
_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Town and village suffixes whose short form (name without them) is in use in running text.
TOWN_SUFFIXES = ("街道办事处", "街道", "镇", "乡", "苏木", "民族乡")
HEADER = """\
# Chinese place names that contain a numeral: a numeral inside one is not a quantity.
# Built by scripts/build_gazetteer.py from jionlp's china_location dictionary
# (jionlp, https://github.com/dongrixinyu/JioNLP, Apache License 2.0; see NOTICE beside this file).
# One name a line; a short form is followed by a tab and "~". A line "~X<tab>chars" lists
# the characters that continue X into another word: a short form (or a name of
# place_names_extra.txt) ending in X and followed by one of them is no name (维修三间房屋),
# unless that character starts a more common word with the next: a line "^Y<tab>chars"
# lists those (来到九成宫调研: 调研).
"""


def _inner(wheel: Path, member_suffix: str) -> str:
    """Read the text file zipped inside the zip member of the wheel whose name ends so."""
    with zipfile.ZipFile(wheel) as whl:
        name = next(n for n in whl.namelist() if n.endswith(member_suffix))
        with zipfile.ZipFile(io.BytesIO(whl.read(name))) as inner:
            return inner.read(inner.namelist()[0]).decode("utf-8")


def _short_enough(short: str) -> bool:
    """A short form is kept when at least two characters follow its last numeral run."""
    runs = list(_RUN.finditer(short))
    return bool(runs) and len(short) - runs[-1].end() >= 2


def build(wheel: Path) -> tuple[set[str], set[str]]:
    """Return (full names, short forms) holding a numeral, from the wheel's dictionary."""
    full: set[str] = set()
    short: set[str] = set()
    for line in _inner(wheel, "dictionary/china_location.zip").splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        cells = line.strip().split("\t")
        name = cells[0].translate(_ASCII_DIGITS)
        if not name or not _RUN.search(name):
            continue
        full.add(name)
        alias = cells[2] if len(cells) >= 3 else None
        if alias is None and depth == 3:  # a town: strip its suffix
            alias = next((name[: -len(s)] for s in TOWN_SUFFIXES if name.endswith(s)), None)
        if alias and alias != name and _short_enough(alias):
            short.add(alias)
    return full, short


# A word of jionlp's idf list at or below this idf is common enough to count (房屋 6.6,
# 松树 8.4, 树苗 10.3); rarer pairs are left out so that a name is rarely undone by chance.
MAX_IDF = 10.5
# A continuing character that itself starts a word this common with the character after
# it leaves the name whole: 来到九成宫调研 (宫调 is a word, but 调研 a far more common one).
NEXT_IDF = 9.0


def _two_char_words(wheel: Path, max_idf: float) -> list[str]:
    """The two-character Chinese words of jionlp's idf list at or below ``max_idf``."""
    out = []
    for line in _inner(wheel, "dictionary/idf.zip").splitlines():
        word, _, idf = line.partition("\t")
        if len(word) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word) and float(idf) <= max_idf:
            out.append(word)
    return out


def continuations(wheel: Path, last_chars: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """For each character, those that follow it in a common two-character word (jionlp's idf list).

    Returns the continuations of each name's last character, and for each continuing
    character the characters that follow it in a more common word (NEXT_IDF).
    """
    out: dict[str, set[str]] = {ch: set() for ch in last_chars}
    for word in _two_char_words(wheel, MAX_IDF):
        if word[0] in out:
            out[word[0]].add(word[1])
    following = {ch for chars in out.values() for ch in chars}
    starts: dict[str, set[str]] = {ch: set() for ch in following}
    for word in _two_char_words(wheel, NEXT_IDF):
        if word[0] in starts:
            starts[word[0]].add(word[1])
    pack = lambda table: {ch: "".join(sorted(chars)) for ch, chars in table.items() if chars}  # noqa: E731
    return pack(out), pack(starts)


def main(argv: list[str]) -> int:
    """Build the file from the jionlp wheel named on the command line."""
    if len(argv) != 1:
        print("usage: build_gazetteer.py JIONLP_WHEEL", file=sys.stderr)
        return 2
    wheel = Path(argv[0])
    full, short = build(wheel)
    extra = [w for w in EXTRA.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    cont, starts = continuations(wheel, {w[-1] for w in (*short, *extra)})
    short -= full  # a short form that is itself a full name elsewhere is kept whole
    # the parser looks in simplified text: a name written with a traditional character
    # (五家輋村) is kept in its simplified form too
    from aidlib.text.repairs import to_simplified

    full |= {s for n in full if len(s := to_simplified(n)) == len(n)}
    short |= {s for n in short if len(s := to_simplified(n)) == len(n)} - full
    lines = [HEADER]
    lines += [f"{n}\n" for n in sorted(full)]
    lines += [f"{n}\t~\n" for n in sorted(short)]
    lines += [f"~{ch}\t{chars}\n" for ch, chars in sorted(cont.items()) if chars]
    lines += [f"^{ch}\t{chars}\n" for ch, chars in sorted(starts.items()) if chars]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(full)} full names, {len(short)} short forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
