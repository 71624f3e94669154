"""The curator's workflow for a new report: start a data folder, record the source, draft its metrics.

0. :func:`init_data` writes an empty, valid data package into a new folder
   (``aidlib init``): ``datapackage.json`` with every resource and its schema
   (:func:`aidlib.data.vocabulary.datapackage_resources`), each table as its header
   alone, and ``raw/``. It never writes into a folder that holds anything.
1. :func:`add_source` copies a file into ``data/raw/`` byte for byte and records its
   SHA-256 and metadata in ``data/sources.csv`` (``aidlib add-source``). It never
   overwrites: an existing source id or raw file is refused. A text byte-identical
   to one already recorded is recorded all the same, with a :class:`DuplicateTextWarning`
   naming the other id.
2. :func:`draft_rows` writes one draft row of ``metrics.csv`` per quantity found in
   the normalized text (``aidlib draft``): the clause holding the number as
   ``quote``; value, unit, qualifier and high as parsed; a period guessed from the
   nearest date expression; a theme guessed from keywords (:data:`THEME_KEYWORDS`);
   a suggested ``metric_id``; and a note marking the row a draft. The curator fills
   ``label_en`` and ``label_zh`` (``aidlib check`` refuses a row without them), fixes
   what the guesses got wrong, and keeps or drops each row.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import hashlib
import io
import math
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from aidlib.data import paths
from aidlib.data.csvfile import NAME_RULE, is_name, path_inside, read_table, spreadsheet_safe

_YEAR = re.compile(r"\d{4}")
# BCP 47, the common shapes: language, then script, region or variant subtags (zh, zh-Hans, en-GB).
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-[A-Za-z0-9]{5,8})*", re.ASCII)
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
    "consumption_aid": ("消费帮扶", "销售额", "助销", "展会", "广交会", "消费"),
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
    and every resource with its schema (:func:`aidlib.data.vocabulary.datapackage_resources`);
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
    from aidlib.data.vocabulary import datapackage_resources

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

    Returns:
        The record written (the columns of :data:`aidlib.data.sources.SOURCE_COLUMNS`).

    Raises:
        ValueError: a bad id or year, an id already recorded, a raw file already
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
    if not is_name(source_id):
        raise ValueError(f"--id {source_id!r}: use {NAME_RULE}")
    for flag, value in (("--outlet", outlet), ("--published", published)):
        if not value.strip():
            raise ValueError(f"{flag} is empty; every source has one")
    for flag, value in (("--published", published), ("--period", period_covered)):
        if value and not _YEAR.fullmatch(value):
            raise ValueError(f"{flag} {value!r} is not a year (YYYY)")
    if not _LANGUAGE.fullmatch(language):
        raise ValueError(f"--language {language!r} is not a BCP 47 language tag (e.g. zh, zh-Hans, en)")
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
        "published": published, "period_covered": period_covered or published, "language": language,
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
        _write_atomic(sources, (text + sep + line.getvalue()).encode("utf-8"), mode)
        records, problems, _ = read_sources(folder)
        if problems or source_id not in records:
            raise ValueError(
                str(problems[0]) if problems else f"{source_id!r} did not read back from {sources}"
            )
    except BaseException:
        dest.unlink(missing_ok=True)
        _write_atomic(sources, before, mode)
        raise
    return same


def _write_atomic(path: Path, blob: bytes, mode: int) -> None:
    """Replace ``path`` by ``blob`` in one rename, with the file mode ``mode``; no temporary file left."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode | stat.S_IWUSR)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        tmp.chmod(mode)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
        self.years = [(m.start(), m.end(), m["y"]) for m in _YEAR_IN_TEXT.finditer(text)]
        self.year_starts = [y[0] for y in self.years]
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

    def last_year_before(self, s0: int, start: int) -> str | None:
        """The last year (2023年) lying wholly within ``[s0, start)``."""
        k = bisect.bisect_right(self.year_starts, start) - 1
        while k >= 0 and self.years[k][1] > start:
            k -= 1
        return self.years[k][2] if k >= 0 and self.years[k][0] >= s0 else None

    def counts(self, a: int, b: int) -> dict[str, int]:
        """Keyword hits per theme in ``text[a:b]``."""
        return self.once(("theme", a, b), lambda: {
            theme: sum(self.text.count(w, a, b) for w in words) for theme, words in THEME_KEYWORDS.items()
        })  # fmt: skip


def guess_period(text: str, start: int, end: int, default: str, index: _Index | None = None) -> str:
    """Guess a metric's period from the date expressions nearest the number.

    A year in the clause wins (2023年累计投入 is 2023); else 累计 (cumulative) in the
    clause; else a month range in the sentence (1-9月 → 2023-01/2023-09); else the
    nearest year before the number in its sentence; else ``default``. ``index``
    (of this ``text``) makes many calls linear in all.

    Examples:
        >>> guess_period("1-9月完成外贸进出口额11.83亿元", 12, 19, "2023")
        '2023-01/2023-09'
        >>> guess_period("今年累计培训1700余人次", 6, 13, "2023")
        'cumulative'
    """
    index = index or _Index(text)
    c0, c1 = index.span(start, end, _CLAUSE_END)
    s0, s1 = index.span(start, end, _SENTENCE_END)
    year = index.once(("year", c0, c1), lambda: _YEAR_IN_TEXT.search(text, c0, c1))
    if year:
        return year["y"]
    if index.once(("cumulative", c0, c1), lambda: text.find("累计", c0, c1) != -1):
        return "cumulative"
    months = index.once(("months", s0, s1), lambda: _MONTHS.search(text, s0, s1))
    if months and 1 <= int(months["a"]) <= int(months["b"]) <= 12:
        y = months["y"] or default
        return f"{y}-{int(months['a']):02d}/{y}-{int(months['b']):02d}"
    return index.last_year_before(s0, start) or default


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


def _number_cell(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{x:.10g}" if not float(x).is_integer() else str(int(x))


def draft_rows(
    source_id: str, data: str | os.PathLike[str] | None = None
) -> list[tuple[dict[str, str], object]]:
    """Draft one ``metrics.csv`` row per quantity of a source.

    Returns:
        ``(row, quantity)`` pairs in text order; ``row`` has the columns of
        :data:`aidlib.data.metrics.COLUMNS`, labels empty for the curator.
    """
    from aidlib.data.metrics import COLUMNS
    from aidlib.data.sources import source_record, source_text
    from aidlib.quantities.chinese import QuantityError, find_quantities, parse_quantity

    record = source_record(source_id, data)
    default = next((v for v in (record["period_covered"], record["published"]) if _YEAR.fullmatch(v)), "")
    text = source_text(source_id, data=data)
    found = find_quantities(text)
    index = _Index(text)
    out, ids, theme = [], set(), None
    counters: dict[str, int] = {}  # base → last suffix tried: each base counts up once in all (linear)
    for i, q in enumerate(found):
        quote = _quote(text, found, i, index)
        notes = [DRAFT_NOTE]
        value, high = q.value, q.high
        if q.damaged:
            try:  # the surviving digits, as aidlib check reads them
                survived = parse_quantity(quote.strip("\ufffd?").replace("\ufffd", ""))
                value, high = survived.value, survived.high
            except QuantityError:
                pass
            notes.append("Damaged: U+FFFD next to the number; a digit may be lost.")
        try:
            again = parse_quantity(quote)
            if (again.unit, again.qualifier) != (q.unit, q.qualifier):
                raise QuantityError("reads differently")
        except QuantityError:
            notes.append("The quote does not read back as this one quantity: edit it.")
        if spreadsheet_safe(quote) != quote:
            notes.append("The quote starts with ' so that a spreadsheet shows it as text: remove the '.")
        theme = guess_theme(text, q.start, q.end, theme, index)
        base = f"{theme}.{_slug(q.unit_en)}"
        mid, n = base, counters.get(base, 1)
        while mid in ids:
            n += 1
            mid = f"{base}_{n}"
        counters[base] = n
        ids.add(mid)
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            metric_id=mid,
            source_id=source_id,
            theme=theme,
            value=_number_cell(value),
            unit=q.unit,
            unit_en=q.unit_en,
            qualifier=q.qualifier,
            high=_number_cell(high) if q.qualifier == "range" else "",
            period=guess_period(text, q.start, q.end, default or "cumulative", index),
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
