"""The curator's workflow for a new report: start a data folder, record the source, draft its metrics.

0. :func:`init_data` writes an empty, valid data package into a new folder
   (``aidlib init``): ``datapackage.json`` with every resource and its schema
   (:func:`aidlib.data.schema.datapackage_resources`), each table as its header
   alone, and ``raw/``. It never writes into a folder that holds anything.
1. :func:`add_source` copies a file into ``data/raw/`` byte for byte and records its
   SHA-256 and metadata in ``data/sources.csv`` (``aidlib add-source``). It never
   overwrites: an existing source id or raw file is refused. A text byte-identical
   to one already recorded is recorded all the same, with a :class:`DuplicateTextWarning`
   naming the other id.
2. :func:`draft_rows` writes one draft row of ``metrics.csv`` per quantity found in
   the normalized text (``aidlib draft``): the clause holding the number as
   ``quote``; value, unit, qualifier, high and a multiple's ratio as parsed (a damaged
   number as the lower bound its surviving digits allow, with a note saying what was
   lost); a period guessed from the nearest date expression (plan names 十三五, "since"
   2016年以来, never a founding year: :func:`guess_period`); for money, a basis guessed
   from the verb before it (投入 invested, 到位 arrived: :func:`guess_basis`); a theme
   guessed from keywords (:data:`THEME_KEYWORDS`); a shared ``metric_id`` where the text
   says so (:func:`propose_shared`, from the keywords and units of
   ``aidlib/data/shared_metrics.csv``, once per source), else an id of the source's
   own; and a note marking the row a draft. The curator fills ``label_en`` and
   ``label_zh`` (``aidlib check`` refuses a row without them), fixes what the guesses
   got wrong, and keeps or drops each row.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from aidlib.data import paths
from aidlib.data.csvfile import number_cell, path_inside, read_table, spreadsheet_safe
from aidlib.data.schema import cell_problem
from aidlib.data.vocabulary import BASIS_VERBS, PLANNED_WORDS
from aidlib.storage import write_atomic

_YEAR = re.compile(r"\d{4}")
# The lock file beside sources.csv: add-source runs one at a time, however many start at once.
LOCK_FILE = ".sources.lock"

# Words that point to a theme; a clause's hits count three times its sentence's.
THEME_KEYWORDS = {
    "funding": ("援疆资金", "援疆项目", "资金投入", "民生援疆"),
    "housing": ("住房", "安居", "房屋", "保障设施"),
    "agriculture": ("农业", "农产品", "农副产品", "农户", "种植", "养殖", "合作社", "科技特派员",
                    "试验示范", "农民增收", "农技"),
    "health": ("医疗", "义诊", "手术", "患者", "医院", "结核", "白内障", "卫生", "健康", "医生"),
    "education": ("教育", "教师", "学校", "大学生", "教室", "课堂", "校长"),
    "security": ("监控", "安全", "平安", "治安", "警务"),
    "industry": ("产业", "工业", "落户", "二手车", "园区"),
    "investment": ("招商", "投资", "到位资金", "引资"),
    "trade": ("外贸", "进出口", "出口", "进口"),
    "employment": ("就业", "卫星工厂", "岗位", "务工", "国语培训", "技术型人才", "吸纳"),
    "consumption_aid": ("消费帮扶", "消费援疆", "销售额", "助销", "展会", "广交会", "消费"),
    "talent_exchange": ("干部", "跟岗", "挂职", "选派", "人才交流"),
    "culture": ("文化", "宣讲", "演出", "非遗", "醒狮", "爱国主义", "红色", "社团", "文艺"),
    "ethnic_exchange": ("民族团结", "交往交流", "少数民族", "书信", "互访", "考察", "结对"),
    "tourism": ("旅游", "观光", "游客", "专列", "包机", "景区"),
}  # fmt: skip

# Clause and sentence ends in normalized text.
_CLAUSE_END = "，。；！？：\n"
_SENTENCE_END = "。；！？\n"
_LIST_MARKS = "、，,"
_MONTHS = re.compile(r"(?:(?P<y>\d{4})年)?(?P<a>\d{1,2})\s*[-—~～至到]\s*(?P<b>\d{1,2})月")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})年")
# A founding year is never a period: 2015年成立的合作社, 合作社于2015年成立，…, 始建于1958年, 创建于2010年.
_FOUNDED_BEFORE = re.compile(r"(?:始建|创建|创办|组建|成立|建成|落成|设立|建)于$")
_FOUNDED_AFTER = re.compile(
    r"(?:\d{1,2}月(?:份)?(?:\d{1,2}日)?)?(?:正式)?(?:成立|创建|创办|组建|建立|始建|注册|挂牌|设立|落成)"
    r"(?=的|以来|[，。；、,;！？\n]|$)"
)
# Since a date: 2016年以来 (and 自2023年8月起) runs from that year to the year the report covers.
_SINCE_YEAR = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})年(?:\d{1,2}月(?:份)?(?:\d{1,2}日)?)?(?:以来|起(?![草步来]))"
)
# Five-year plans by their ordinal, and the year each begins: 十三五 is 2016/2020.
_PLAN = re.compile(r"十(?P<n>[一二三四五])五(?:[”’\"']?)(?P<how>规划期间|期间|时期|以来)?")
PLAN_START = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}

# The verb before a money amount, and the basis it states (metrics.csv ``basis``, vocabulary.BASES);
# 计划, 规划 or 拟 just before another verb make the amount a plan (计划投入).
_BASIS_VERB = re.compile("|".join(BASIS_VERBS))
# Words that narrow an aid keyword (援疆…, 对口支援…) to a part when written just before it: 教育援疆项目
# is not every aid project, 产业援疆资金 not all aid. The keywords of other themes (THEME_KEYWORDS) do too.
SECTOR_WORDS = ("科技", "智力", "民生", "商贸", "文旅", "社会")
_NARROWED = ("援疆", "对口")  # the keywords a sector word narrows: compound nouns of aid

DRAFT_NOTE = (
    "DRAFT (aidlib draft): check value, unit, qualifier, period and theme; fill the labels; keep or drop."
)


#: The data package version a folder starts at (the curator's own numbering from then on).
INITIAL_VERSION = "0.1.0"
_PACKAGE_NAME = re.compile(r"[^a-z0-9._-]+")


def init_data(
    folder: str | os.PathLike[str], *, title: str | None = None, name: str | None = None
) -> list[str]:
    """Write an empty, valid data package into ``folder``, a new or empty folder (``aidlib init``).

    ``datapackage.json`` gets ``name`` (default: the folder's name, lowercased to
    the characters a package name allows), ``title`` (default: one naming the folder),
    version :data:`INITIAL_VERSION`, an empty ``licenses`` list for the curator to fill
    and every resource with its schema (:func:`aidlib.data.schema.datapackage_resources`);
    each table it lists is written as its header alone, and ``raw/`` is made for the
    sources. ``aidlib check --data FOLDER`` passes on the result.

    Returns:
        The paths written, relative to ``folder`` (``raw/`` last).

    Raises:
        FileExistsError: ``folder`` exists and holds anything, or is not a folder
            (nothing is ever overwritten).
        ValueError: ``name`` or ``title`` is empty or ``name`` not a package name.
        OSError: the folder cannot be written (whatever was written is removed).
    """
    import json

    from aidlib.data.package import DESCRIPTOR
    from aidlib.data.schema import datapackage_resources

    path = Path(folder).expanduser().absolute()
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            raise FileExistsError(f"{path}: exists and is not a folder; aidlib init writes a new folder")
        if next(path.iterdir(), None) is not None:
            raise FileExistsError(
                f"{path}: exists and is not empty; aidlib init writes only into a new or empty folder "
                "(nothing is overwritten)"
            )
    if name is None:
        name = _PACKAGE_NAME.sub("-", path.name.lower()).strip("-._") or "aidlib-data"
    if not name or _PACKAGE_NAME.search(name):
        raise ValueError(f"--name {name!r}: a package name is lowercase letters, digits, '.', '_' and '-'")
    if title is None:
        title = f"{path.name}: every number of its reports, curated with aidlib"
    if not title.strip():
        raise ValueError("--title is empty; give the package a title, or leave --title out")
    resources = datapackage_resources()
    package = {
        "name": name,
        "title": title,
        "description": "Curated quantitative statements of reports: each row of metrics.csv quotes the "
        "normalized text of its source (sources.csv, raw/), and aidlib check verifies that the quote is "
        "there and states the row's value.",
        "version": INITIAL_VERSION,
        "licenses": [],  # the curator's to choose: the curation's licence, and the sources' rights
        "resources": resources,
    }
    files = {DESCRIPTOR: json.dumps(package, ensure_ascii=False, indent=2) + "\n"}
    for resource in resources:
        header = io.StringIO()
        delimiter = resource.get("dialect", {}).get("delimiter", ",")
        csv.writer(header, delimiter=delimiter, lineterminator="\n").writerow(
            f["name"] for f in resource["schema"]["fields"]
        )
        files[resource["path"]] = header.getvalue()
    made_folder = not path.exists()
    written: list[Path] = []
    try:
        path.mkdir(parents=True, exist_ok=True)
        for rel, text in files.items():
            target = path_inside(path, rel)
            with target.open("x", encoding="utf-8", newline="") as fh:  # x: never overwrite, even in a race
                written.append(target)
                fh.write(text)
        (path / "raw").mkdir()
        written.append(path / "raw")
    except BaseException:
        for done in reversed(written):
            if done.is_dir():
                done.rmdir()
            else:
                done.unlink(missing_ok=True)
        if made_folder:
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    return [*files, "raw/"]


class DuplicateTextWarning(UserWarning):
    """The text added is byte for byte one already recorded under another id (recorded all the same)."""


def add_source(
    file: str | os.PathLike[str],
    source_id: str,
    *,
    outlet: str,
    published: str,
    url: str = "",
    title: str = "",
    author: str = "",
    period_covered: str = "",
    language: str = "zh",
    script: str = "",
    licence: str = "",
    damage: str = "",
    data: str | os.PathLike[str] | None = None,
) -> dict[str, str]:
    """Copy ``file`` into ``data/raw/`` byte for byte and record it in ``sources.csv``.

    A text whose bytes (SHA-256) are already recorded under another id is recorded
    all the same, with a :class:`DuplicateTextWarning` naming that id (``aidlib
    add-source`` prints it as a warning line): the same report may be two sources on
    purpose (two outlets), but mostly it is a slip.

    The arguments keep the rules of ``sources.csv`` as ``aidlib check`` reads them
    (:func:`aidlib.data.schema.cell_problem`): ``published`` is a date (2023, 2023-11 or
    2023-11-13), ``period_covered`` a year or a span of years (2021/2023; by default the year of
    ``published``), the id
    a name, ``language`` a BCP 47 tag, ``url`` http(s).

    Returns:
        The record written (the columns of :data:`aidlib.data.sources.SOURCE_COLUMNS`).

    Raises:
        ValueError: an argument the schema refuses, an id already recorded, a raw file already
            there, a file that is not UTF-8 text, or a ``sources.csv`` that does not
            validate afterwards (nothing is left changed then).
        OSError: the file cannot be read or the data folder written.
    """
    folder = paths.data_dir(data)
    if paths.is_shipped(folder):
        raise ValueError(
            f"{folder} is the data shipped inside the installed aidlib, never edited: copy it "
            "(or use a checkout's data/) and give --data FOLDER"
        )
    src = Path(file)
    period_covered = period_covered or published[:4]  # the year of a date 2023-11-13
    given = (("--id", "source_id", source_id), ("--outlet", "outlet", outlet),
             ("--published", "published", published), ("--period", "period_covered", period_covered),
             ("--language", "language", language), ("--url", "url", url))  # fmt: skip
    for flag, column, value in given:  # the schema's rules for sources.csv, as aidlib check reads them
        problem = cell_problem("sources", column, value)
        if problem:
            raise ValueError(f"{flag} {problem}")
    start, span, end = period_covered.partition("/")
    if span and end <= start:
        raise ValueError(f"--period {period_covered!r} ends before it starts (or is one year: write {start})")
    if not src.is_file():
        raise FileNotFoundError(f"{src}: no such file" if not src.exists() else f"{src}: is not a file")
    blob = src.read_bytes()
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"{src}: not UTF-8 (byte {err.start}); convert the text to UTF-8 first") from None
    if "\x00" in text:
        raise ValueError(f"{src}: holds a NUL byte (byte {blob.index(0)}); not a text file")
    digest = hashlib.sha256(blob).hexdigest()
    record = {
        "source_id": source_id, "title": title, "outlet": outlet, "author": author,
        "published": published, "period_covered": period_covered, "language": language,
        "script": script, "path": f"raw/{source_id}.txt", "sha256": digest, "licence": licence,
        "damage": damage, "url": url,
    }  # fmt: skip
    with _locked(folder):  # read, check and write sources.csv as one step: concurrent runs lose nothing
        same = _record_source(folder, record, blob)
    if same:
        import warnings

        ids = ", ".join(repr(s) for s in same)
        warnings.warn(
            f"{src} is byte for byte the text already recorded as {ids} (sha256 {digest[:12]}…); "
            f"recorded as {source_id!r} all the same",
            DuplicateTextWarning,
            stacklevel=2,
        )
    return record


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the data folder's lock (``fcntl.flock`` on :data:`LOCK_FILE`) while curating it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, the atomic writes still hold
        yield
        return
    with (folder / LOCK_FILE).open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _record_source(folder: Path, record: dict[str, str], blob: bytes) -> list[str]:
    """Copy the raw file and append the record, under the lock; undo both on any failure.

    Returns:
        The ids already recorded with the same SHA-256 (a byte-identical text).
    """
    from aidlib.data.sources import SOURCE_COLUMNS, SOURCES_FILE, read_sources, sha256_of

    source_id = record["source_id"]
    sources = folder / SOURCES_FILE
    records, problems, rejected = read_sources(folder)
    if problems:
        raise ValueError(f"{problems[0]} (fix sources.csv before adding a source)")
    if source_id in records or source_id in rejected:
        raise ValueError(f"--id {source_id!r} is already in {sources}; sources are never overwritten")
    same = [sid for sid, r in records.items() if r["sha256"] == record["sha256"]]
    mode = stat.S_IMODE(sources.stat().st_mode)
    if not mode & stat.S_IWUSR:
        raise PermissionError(f"{sources} is read-only; make it writable to add a source (its mode is kept)")
    dest = path_inside(folder, record["path"])  # raw/ may be a link: the copy must land in the folder
    if dest.exists() or dest.is_symlink():
        raise FileExistsError(f"{dest} already exists; raw sources are never overwritten")
    before = sources.read_bytes()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("xb") as out:  # x: fail rather than overwrite, even in a race
        out.write(blob)
    try:
        if sha256_of(dest) != record["sha256"]:
            raise OSError(f"{dest}: the copy differs from the source file")
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow([record[c] for c in SOURCE_COLUMNS])
        text = before.decode("utf-8")
        sep = "" if not text or text.endswith(("\n", "\r")) else "\n"
        write_atomic(sources, (text + sep + line.getvalue()).encode("utf-8"), mode)
        records, problems, _ = read_sources(folder)
        if problems or source_id not in records:
            raise ValueError(
                str(problems[0]) if problems else f"{source_id!r} did not read back from {sources}"
            )
    except BaseException:
        dest.unlink(missing_ok=True)
        write_atomic(sources, before, mode)
        raise
    return same


class _Index:
    """Where the clauses and sentences of one text end, and what each holds, worked out once.

    Drafting asks, for every quantity, for its clause and sentence and the dates and
    keywords in them. A text of one endless sentence would make each question scan
    the whole text again (quadratic); here each boundary is a binary search and each
    clause or sentence is scanned once, however many quantities it holds.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        kinds = (_CLAUSE_END, _SENTENCE_END)
        self.stops = {kind: [i for i, ch in enumerate(text) if ch in kind] for kind in kinds}
        self.markers = _period_markers(text)  # (start, end, kind, year): since a date, a plan
        self.marker_starts = [m[0] for m in self.markers]
        self.framing = [m for m in self.markers if m[2] != "plan_bare"]  # what dates a whole sentence
        self.framing_starts = [m[0] for m in self.framing]
        since = {m[0] for m in self.markers if m[2] == "since_year"}  # 2016年以来 is a span, not 2016
        self.years = [
            (m.start(), m.end(), m["y"]) for m in _YEAR_IN_TEXT.finditer(text)
            if m.start() not in since and not _founded(text, m) and not _compared(text, m)
        ]  # fmt: skip
        self.year_starts = [y[0] for y in self.years]
        self.verbs = [(m.start(), m.group()) for m in _BASIS_VERB.finditer(text)]
        self.verb_starts = [v[0] for v in self.verbs]
        self.memo: dict[tuple, object] = {}

    def span(self, start: int, end: int, stops: str) -> tuple[int, int]:
        """The run around ``[start, end)`` between two stop characters (the last before, the first after)."""
        pos = self.stops[stops]
        i = bisect.bisect_left(pos, start)
        j = bisect.bisect_left(pos, end)
        return (pos[i - 1] + 1 if i else 0), (pos[j] if j < len(pos) else len(self.text))

    def once(self, key: tuple, compute):
        """``compute()``, worked out once per key."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def last_year_before(self, s0: int, start: int) -> tuple[int, str] | None:
        """The last year (2023年, never a founding year) wholly within ``[s0, start)``: (its start, it)."""
        k = bisect.bisect_right(self.year_starts, start) - 1
        while k >= 0 and self.years[k][1] > start:
            k -= 1
        return (self.years[k][0], self.years[k][2]) if k >= 0 and self.years[k][0] >= s0 else None

    def first_year_in(self, a: int, b: int) -> str | None:
        """The first year (not a founding year) starting in ``[a, b)``."""
        k = bisect.bisect_left(self.year_starts, a)
        return self.years[k][2] if k < len(self.years) and self.years[k][0] < b else None

    def clause_marker(self, c0: int, c1: int, start: int) -> tuple[int, int, str, int] | None:
        """The period marker of the clause ``[c0, c1)``: the last before ``start``, else the first after."""
        starts = self.marker_starts
        k = bisect.bisect_left(starts, start) - 1
        if k >= 0 and starts[k] >= c0:
            return self.markers[k]
        k = bisect.bisect_left(starts, c0)
        return self.markers[k] if k < len(starts) and starts[k] < c1 else None

    def framing_before(self, s0: int, start: int) -> tuple[int, int, str, int] | None:
        """The last plan or "since" (not a bare plan name) lying wholly within ``[s0, start)``."""
        k = bisect.bisect_left(self.framing_starts, start) - 1
        while k >= 0 and self.framing[k][1] > start:
            k -= 1
        return self.framing[k] if k >= 0 and self.framing[k][0] >= s0 else None

    def last_verb(self, a: int, b: int) -> tuple[int, str] | None:
        """The last basis verb (:data:`BASIS_VERBS`) lying wholly within ``[a, b)``."""
        k = bisect.bisect_right(self.verb_starts, b) - 1
        while k >= 0 and self.verbs[k][0] + len(self.verbs[k][1]) > b:
            k -= 1
        return self.verbs[k] if k >= 0 and self.verbs[k][0] >= a else None

    def counts(self, a: int, b: int) -> dict[str, int]:
        """Keyword hits per theme in ``text[a:b]``."""
        return self.once(("theme", a, b), lambda: {
            theme: sum(self.text.count(w, a, b) for w in words) for theme, words in THEME_KEYWORDS.items()
        })  # fmt: skip


def _compared(text: str, m: re.Match) -> bool:
    """Whether the year ``m`` is the base a change is measured from: 比2015年增长, 较2015年, 与2015年相比.

    Examples:
        >>> _compared("2020年比2015年增长2倍", _YEAR_IN_TEXT.search("2020年比2015年增长2倍", 6))
        True
    """
    before = text[max(0, m.start() - 1) : m.start()]
    return before in ("比", "较") or (before == "与" and "相比" in text[m.end() : m.end() + 4])


def _founded(text: str, m: re.Match) -> bool:
    """Whether the year ``m`` (2015年) is a founding year: 2015年成立的, 成立于2015年, 始建于1958年."""
    return bool(_FOUNDED_BEFORE.search(text, max(0, m.start() - 4), m.start())) or bool(
        _FOUNDED_AFTER.match(text, m.end())
    )


def _period_markers(text: str) -> list[tuple[int, int, str, int]]:
    """Every expression of the text that sets a period, in text order: ``(start, end, kind, year)``.

    Kinds: ``since_year`` (2016年以来: ``year`` 2016), ``plan`` (十三五期间, 十三五时期; ``year``
    the plan's first), ``plan_bare`` (十三五 alone: counted only in the number's clause),
    ``plan_since`` (十四五以来), ``since_this_year`` (今年以来), ``since_last_year`` (去年以来)
    and ``since`` (援疆以来: an unstated start, so cumulative; ``year`` 0). A founding year
    (2015年成立以来) is never one: its 以来 is an unstated start.
    """
    out = []
    taken: set[int] = set()  # where the 以来 of a marker already read starts (it ends the marker)
    for m in _SINCE_YEAR.finditer(text):
        out.append((m.start(), m.end(), "since_year", int(m["y"])))
        taken.add(m.end() - 2)
    for m in _PLAN.finditer(text):
        if m.start() and text[m.start() - 1] in "0123456789一二三四五六七八九十百千万两":
            continue  # 三十五五: a numeral, not a plan
        first = PLAN_START[m["n"]]
        kind = {"以来": "plan_since", None: "plan_bare"}.get(m["how"], "plan")
        out.append((m.start(), m.end(), kind, first))
        taken.add(m.end() - 2)
    for m in re.finditer("以来", text):
        if m.start() in taken:
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        kind = {"今年": "since_this_year", "去年": "since_last_year"}.get(before, "since")
        out.append((m.start() - (2 if kind != "since" else 0), m.end(), kind, 0))
    return sorted(out)


def _marker_period(kind: str, year: int, default: str) -> str:
    """The period a marker sets, in a report covering ``default`` (a year, or cumulative)."""
    covered = int(default) if _YEAR.fullmatch(default) else None
    if kind == "since":
        return "cumulative"
    if kind in ("plan", "plan_bare"):
        return f"{year}/{year + 4}"
    if kind == "since_this_year":
        return default
    if kind == "since_last_year":
        return f"{covered - 1}/{covered}" if covered else "cumulative"
    if covered is None:  # since a year, in a report of no known year: the span has no end
        return "cumulative"
    if kind == "plan_since":
        return f"{year}/{covered}" if covered > year else f"{year}/{year + 4}"
    return f"{year}/{covered}" if covered > year else str(year)  # since_year


def guess_period(text: str, start: int, end: int, default: str, index: _Index | None = None) -> str:
    """Guess a metric's period from the date expressions nearest the number.

    In order: a plan or a "since" in the clause (十三五期间 → 2016/2020, 十四五以来 →
    2021/``default``, 2016年以来 → 2016/``default``, 援疆以来 → cumulative, 今年以来 →
    ``default``); a year in the clause (2023年累计投入 is 2023); the nearest period
    expression before the number in its sentence when it is a plan or a "since" (a
    year nearer the number wins); 累计 (cumulative) in the clause; a month range in the
    sentence (1-9月 → 2023-01/2023-09); the nearest year before the number in its
    sentence; else ``default``, the year the report covers. A founding year (2015年成立的,
    始建于1958年) is never a period, nor the base of a change (比2015年增长2倍 is of 2020, not
    2015). ``index`` (of this ``text``) makes many calls linear in all.

    Examples:
        >>> guess_period("1-9月完成外贸进出口额11.83亿元", 12, 19, "2023")
        '2023-01/2023-09'
        >>> guess_period("今年累计培训1700余人次", 6, 13, "2023")
        'cumulative'
        >>> guess_period("“十三五”期间，累计投入援疆资金30亿元", 16, 20, "2023")
        '2016/2020'
        >>> guess_period("2015年成立的合作社带动200户", 13, 17, "2023")
        '2023'
    """
    index = index or _Index(text)
    c0, c1 = index.span(start, end, _CLAUSE_END)
    s0, s1 = index.span(start, end, _SENTENCE_END)
    marker = index.clause_marker(c0, c1, start)
    if marker:
        return _marker_period(marker[2], marker[3], default)
    year = index.first_year_in(c0, c1)
    if year:
        return year
    framing = index.framing_before(s0, start)
    nearest_year = index.last_year_before(s0, start)
    if framing and (nearest_year is None or nearest_year[0] < framing[0]):
        return _marker_period(framing[2], framing[3], default)
    if index.once(("cumulative", c0, c1), lambda: text.find("累计", c0, c1) != -1):
        return "cumulative"
    months = index.once(("months", s0, s1), lambda: _MONTHS.search(text, s0, s1))
    if months and 1 <= int(months["a"]) <= int(months["b"]) <= 12:
        y = months["y"] or default
        return f"{y}-{int(months['a']):02d}/{y}-{int(months['b']):02d}"
    return nearest_year[1] if nearest_year else default


def guess_basis(text: str, start: int, index: _Index | None = None) -> str:
    """Guess how a money amount was counted from the last verb before it in its clause.

    投入 invested, 安排 arranged, 落实 delivered, 到位, 拨付 or 到疆 arrived, 签约 signed,
    计划 or 规划 plan (and 计划投入, 拟安排: plan); empty where the clause has none.

    Examples:
        >>> guess_basis("累计到位资金20.43亿元", 6), guess_basis("计划投入3亿元", 4)
        ('arrived', 'plan')
        >>> guess_basis("共3亿元", 1)
        ''
    """
    index = index or _Index(text)
    c0, _ = index.span(start, start, _CLAUSE_END)
    verb = index.last_verb(c0, start)
    if verb is None:
        return ""
    at, word = verb
    if text[max(c0, at - 2) : at].endswith(PLANNED_WORDS):
        return "plan"
    return BASIS_VERBS[word]


def guess_theme(
    text: str, start: int, end: int, previous: str | None = None, index: _Index | None = None
) -> str:
    """Guess a theme from :data:`THEME_KEYWORDS` in the clause and sentence of a number.

    With no keyword nearby, the previous row's theme (reports run in sections), else ``funding``.
    """
    index = index or _Index(text)
    clause = index.counts(*index.span(start, end, _CLAUSE_END))
    sentence = index.counts(*index.span(start, end, _SENTENCE_END))
    scores = {theme: 3 * clause[theme] + sentence[theme] for theme in THEME_KEYWORDS}
    best = max(scores, key=lambda t: scores[t])
    if scores[best] == 0:
        return previous or "funding"
    return best


def _quote(text: str, found: list, i: int, index: _Index | None = None) -> str:
    """The clause holding quantity ``i``, cut back to it where the clause holds others."""
    q = found[i]
    c0, c1 = (index or _Index(text)).span(q.start, q.end, _CLAUSE_END)
    if i > 0 and found[i - 1].end > c0:  # cut after the last list mark between the two, if any
        gap = text[found[i - 1].end : q.start]
        c0 = found[i - 1].end + max((gap.rfind(ch) + 1 for ch in _LIST_MARKS), default=0)
    if i + 1 < len(found) and found[i + 1].start < c1:  # cut at the first list mark between them
        gap = text[q.end : found[i + 1].start]
        cuts = [j for j in (gap.find(ch) for ch in _LIST_MARKS) if j != -1]
        c1 = q.end + min(cuts) if cuts else found[i + 1].start
    quote = text[c0:c1]
    lead = len(quote) - len(quote.lstrip("、，,和及与 "))
    quote = quote.strip("、，,和及与 ")
    c0 += lead
    return quote if q.start >= c0 and q.end <= c0 + len(quote) else text[q.start : q.end]


def _slug(unit_en: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", unit_en.lower()).strip("_") or "value"


def _shared_hits(text: str) -> tuple[list[int], list[tuple[str, str]]]:
    """Where the text names a shared metric (a keyword of ``shared_metrics.csv``), sorted.

    Returns the positions, and for each the metric id and the keyword. An aid keyword
    (援疆资金, 援疆项目, …) directly after a word that narrows it to a part (教育援疆项目,
    产业援疆资金: a keyword of another theme, or one of :data:`SECTOR_WORDS`) does not
    name the metric; other keywords are not narrowed (合作社带动就业 is still jobs).
    """
    from aidlib.data.vocabulary import shared_metrics

    hits = []
    for metric in shared_metrics().values():
        narrowing = tuple(
            w for theme, words in THEME_KEYWORDS.items() if theme != metric.theme for w in words
        ) + SECTOR_WORDS
        for keyword in metric.keywords:
            narrowed = keyword.startswith(_NARROWED)
            for m in re.finditer(re.escape(keyword), text):
                if not (narrowed and text[max(0, m.start() - 6) : m.start()].endswith(narrowing)):
                    hits.append((m.start(), metric.metric_id, keyword))
    hits.sort()
    return [h[0] for h in hits], [(h[1], h[2]) for h in hits]


def propose_shared(
    text: str, q, taken: set[str], index: _Index | None = None, claimed: dict[int, set[str]] | None = None
) -> tuple[str | None, list[str]]:
    """The shared metric id a quantity states, if the text says so (``aidlib/data/shared_metrics.csv``).

    A shared metric fits when its unit is the quantity's (or counts the same thing) and
    one of its keywords is in the quantity's clause; else in the clause just before or
    after it in the sentence, if that clause holds no number of its own or its number
    took a shared id by the same keyword (现有卫星工厂131家，吸纳就业2846人: the jobs of
    the satellite factories). A keyword of another clause's number stays that number's
    (外贸进出口额下降3.2%，引进投资3万元: the 3万元 is no trade). Ids in ``taken``
    (proposed already: once per source) are passed over. Where two or more fit, none
    is proposed: they are returned for the note.

    Args:
        text: the normalized text.
        q: a quantity found in it (:class:`aidlib.quantities.chinese.Quantity`).
        taken: ids given already in this source.
        index: the text's :class:`_Index`, to make many calls linear in all.
        claimed: for every clause that holds a quantity (by its start), the shared ids
            its quantities were given so far; None: no clause holds another number.

    Returns:
        The id proposed (or None), and the ids that fit equally (when none is proposed).

    Examples:
        >>> from aidlib.quantities.chinese import find_quantities
        >>> text = "累计投入援疆资金5亿元，实施援疆项目30个"
        >>> [propose_shared(text, q, set()) for q in find_quantities(text)]
        [('funding.aid_total', []), ('funding.projects', [])]
    """
    from aidlib.data.vocabulary import same_measure, shared_metrics

    index = index or _Index(text)
    claimed = claimed or {}
    positions, hits = index.once(("shared",), lambda: _shared_hits(text))
    metrics = shared_metrics()

    def named(a: int, b: int) -> list[tuple[str, str]]:
        return hits[bisect.bisect_left(positions, a) : bisect.bisect_left(positions, b)]

    def fitting(found: Iterable[str]) -> list[str]:
        return [
            mid for mid in dict.fromkeys(found)
            if mid not in taken and any(same_measure(q.unit, u) for u in metrics[mid].units)
        ]  # fmt: skip

    s0, s1 = index.span(q.start, q.end, _SENTENCE_END)
    if bisect.bisect_left(positions, s0) == bisect.bisect_left(positions, s1):
        return None, []  # the sentence names no shared metric
    c0, c1 = index.span(q.start, q.end, _CLAUSE_END)
    levels = [fitting(mid for mid, _ in named(c0, c1))]
    near = []
    for at in ((c0 - 1,) if c0 > s0 else ()) + ((c1 + 1,) if c1 < s1 else ()):
        a, b = index.span(at, at, _CLAUSE_END)
        owner = claimed.get(a)  # None: the clause holds no number
        near += [
            mid for mid, keyword in named(a, b)
            if owner is None or any(keyword in metrics[o].keywords for o in owner)
        ]  # fmt: skip
    levels.append(fitting(near))
    for fits in levels:
        if len(fits) == 1:
            return fits[0], []
        if fits:
            return None, fits
    return None, []


def _damage_note(quote: str, least) -> str:
    """Say what was lost from a damaged number, and which bound the row states (``least``, or None)."""
    from aidlib.quantities.chinese import QuantityError, parse_quantity

    lost = "U+FFFD" + (" and ?" if "?" in quote else "")
    if least is None:
        return f"Damaged: {lost} next to the number and no number survives; list the quote in exclusions.csv."
    try:
        survived = parse_quantity(quote).text.lstrip("\ufffd?")
    except QuantityError:  # pragma: no cover - damaged_bound read it
        survived = least.text
    if survived.startswith("0"):
        what = "the surviving digits start with 0, so a digit before them was lost"
    else:
        what = "a character next to the number was lost; if it was a digit the number is larger"
    return (f"Damaged: {lost} in the source before {survived!r}: {what}. The row states the bound the "
            f"surviving digits allow: at least {number_cell(least.value)} {least.unit}.")  # fmt: skip


def draft_rows(
    source_id: str, data: str | os.PathLike[str] | None = None
) -> list[tuple[dict[str, str], object]]:
    """Draft one ``metrics.csv`` row per quantity of a source.

    Each row gets: a shared metric id where the text says so (:func:`propose_shared`,
    each at most once per source), else an id of this source's own (``theme.unit``,
    numbered); the period (:func:`guess_period`) and, for money, the basis
    (:func:`guess_basis`); a multiple's ``ratio``; and, for a damaged number, the lower
    bound its surviving digits allow (:func:`aidlib.data.metrics.damaged_bound`) with a
    note saying what was lost. Labels stay empty: the curator fills them.

    Returns:
        ``(row, quantity)`` pairs in text order; ``row`` has the columns of
        :data:`aidlib.data.metrics.COLUMNS`, labels empty for the curator.
    """
    from aidlib.data.metrics import COLUMNS, damaged_bound
    from aidlib.data.sources import source_record, source_text
    from aidlib.data.vocabulary import UNITS, shared_metrics
    from aidlib.quantities.chinese import QuantityError, find_quantities, parse_quantity

    record = source_record(source_id, data)
    covered = record["period_covered"].rpartition("/")[2]  # a report of 2021/2023: its last year
    default = next((v for v in (covered, record["published"][:4]) if _YEAR.fullmatch(v)), "")
    text = source_text(source_id, data=data)
    found = find_quantities(text)
    index = _Index(text)
    shared = shared_metrics()
    out, ids, theme = [], set(), None
    # the shared ids given to the numbers of each clause that holds one (by the clause's start)
    claimed: dict[int, set[str]] = {index.span(q.start, q.end, _CLAUSE_END)[0]: set() for q in found}
    counters: dict[str, int] = {}  # base → last suffix tried: each base counts up once in all (linear)
    for i, q in enumerate(found):
        quote = _quote(text, found, i, index)
        notes = [DRAFT_NOTE]
        value, high, qualifier, ratio = q.value, q.high, q.qualifier, q.ratio
        try:
            again = parse_quantity(quote)  # as aidlib check reads the row
            if (again.unit, again.qualifier) != (q.unit, q.qualifier):
                raise QuantityError("reads differently")
            ratio = again.ratio
        except QuantityError:
            again = None
            notes.append("The quote does not read back as this one quantity: edit it.")
        if q.damaged or (again is not None and again.damaged):
            try:
                least = damaged_bound(quote)
                value, high, qualifier, ratio = least.value, None, "over", None
            except QuantityError:
                least = None
            notes.append(_damage_note(quote, least))
        if spreadsheet_safe(quote) != quote:
            notes.append("The quote starts with ' so that a spreadsheet shows it as text: remove the '.")
        theme = guess_theme(text, q.start, q.end, theme, index)
        mid, alike = propose_shared(text, q, ids, index, claimed)
        if mid is not None:
            claimed[index.span(q.start, q.end, _CLAUSE_END)[0]].add(mid)
            metric = shared[mid]
            theme = metric.theme
            notes.append(f"Shared id {mid} ({metric.label_en} / {metric.label_zh}): the same concept in "
                         "every source, so reports compare by it; keep it only if the quote states that.")
        else:
            if alike:
                notes.append(f"The text names several shared ids here ({', '.join(alike)}): if one fits, "
                             "use it as metric_id.")  # fmt: skip
            # an id of this source's own (its id in it): never the same as another source's by accident,
            # since the same id in two sources names the same concept; the curator names it better
            base = f"{theme}.{_slug(q.unit_en)}_{source_id}"
            mid, n = base, counters.get(base, 1)
            while mid in ids or mid in shared:  # a shared id is given only where the text says so
                n += 1
                mid = f"{base}_{n}"
            counters[base] = n
        ids.add(mid)
        money = q.unit in UNITS and UNITS[q.unit].kind == "currency"
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            metric_id=mid,
            source_id=source_id,
            theme=theme,
            value=number_cell(value),
            unit=q.unit,
            unit_en=q.unit_en,
            qualifier=qualifier,
            high=number_cell(high) if qualifier == "range" else "",
            ratio=number_cell(ratio) if q.unit == "倍" and ratio is not None else "",
            period=guess_period(text, q.start, q.end, default or "cumulative", index),
            basis=guess_basis(text, q.start, index) if money else "",
            quote=spreadsheet_safe(quote),  # a spreadsheet must not run it; check then asks to edit it
            note=" ".join(notes),
        )
        out.append((row, q))
    return out


def write_draft(source_id: str, out: str | os.PathLike[str] | None = None,
                data: str | os.PathLike[str] | None = None) -> str:  # fmt: skip
    """Write the draft rows as CSV to ``out`` (refusing to overwrite) or return them as text.

    A written file is read back with :func:`aidlib.data.csvfile.read_table` against the
    metrics columns, so a draft always has the schema ``aidlib check`` expects.
    """
    from aidlib.data.metrics import COLUMNS

    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for row, _ in draft_rows(source_id, data))
    if out is None:
        return buf.getvalue()
    path = Path(out)
    if path.exists():
        raise FileExistsError(f"--out {path} already exists; choose a new file (a draft never overwrites)")
    with path.open("x", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    table, problems = read_table(path, COLUMNS)
    if problems:
        raise ValueError(f"{problems[0]} (the draft did not read back)")
    return buf.getvalue()
