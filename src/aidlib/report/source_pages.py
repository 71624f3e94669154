"""A page for every source, built from its data alone, and a page comparing the sources.

Any data folder gets these, whatever its sources: no id of any one study is named here.

- :func:`source_body`: what the source states, grouped by theme, with its quotes; the
  split of each total into its stated parts (a chart where the parts and the total are
  exact); its derived figures and the figures in context; its clean text and repairs.
- :func:`compare_body`: the metric ids two or more sources share, side by side with each
  source's period and basis; a chart only where the figures are alike (one unit, one
  basis, periods of one length), else a line saying why not; the derived figures the
  sources share.
"""

from __future__ import annotations

import contextlib
import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

esc = html.escape


def source_file(source_id: str) -> str:
    """The page of one source (ids are checked names: the file stays in the report folder)."""
    return f"source-{source_id}.html"


def source_name(record: dict[str, str]) -> str:
    """A source as a reader names it: its outlet and year (``南方农村报 (2023)``)."""
    return f"{record['outlet']} ({record['published'][:4]})" if record.get("published") else record["outlet"]


def source_names(records: list[dict[str, str]]) -> dict[str, str]:
    """Each source's name (:func:`source_name`), told apart where two would read the same.

    Two reports of one outlet in one year are named by their titles too (else their ids).

    Examples:
        >>> same = [{"source_id": "a", "outlet": "日报", "published": "2023", "title": "甲"},
        ...         {"source_id": "b", "outlet": "日报", "published": "2023", "title": ""}]
        >>> source_names(same)
        {'a': '日报 (2023): 甲', 'b': '日报 (2023): b'}
    """
    names = {r["source_id"]: source_name(r) for r in records}
    twice = {n for n in names.values() if list(names.values()).count(n) > 1}
    return {
        r["source_id"]: f"{names[r['source_id']]}: {r.get('title') or r['source_id']}"
        if names[r["source_id"]] in twice
        else names[r["source_id"]]
        for r in records
    }


def _theme_name(theme: str) -> str:
    return theme.replace("_", " ").capitalize()


def _period(period: str) -> str:
    from aidlib.analysis.reader_words import period_text

    return period_text(period)


def _periods(periods) -> str:
    """Periods in a sentence, each once: ``2023 and 2024``, ``cumulative (no dates stated) and 2024``."""
    from aidlib.analysis.reader_words import CUMULATIVE_TEXT

    shown = (_period(str(p)).replace(CUMULATIVE_TEXT, "cumulative (no dates stated)") for p in periods)
    return _listing(list(dict.fromkeys(shown)))


def _basis(basis: str) -> str:
    from aidlib.data.vocabulary import BASIS_NAMES

    return BASIS_NAMES.get(basis, basis)


@contextlib.contextmanager
def _themed():
    """Draw in aidlib's theme, with the CJK font the report embeds (sources are named in Chinese)."""
    import matplotlib as mpl

    from aidlib.analysis.plotting import find_cjk_font, set_theme

    mpl.use("Agg")
    with mpl.rc_context():
        set_theme()
        mpl.rcParams.update(
            {"font.sans-serif": [find_cjk_font(), "DejaVu Sans"], "axes.unicode_minus": False}
        )
        yield


def _table(frame, columns: dict[str, str]) -> str:
    from aidlib.analysis.reader_tables import reader_table

    return reader_table(frame, columns)._repr_html_()


def split_chart(total, parts: pd.DataFrame, record: dict[str, str], name: str = "") -> str:
    """A total as one bar split into its stated parts, largest first, and the unitemized rest.

    Drawn only where the total and every part are exact (or about): a bound leaves the
    rest unknown. Returns ``""`` otherwise.
    """
    import textwrap

    import pandas as pd

    from aidlib.analysis.numbers import interval_text, money_scale, value_text
    from aidlib.analysis.plotting import split_chart
    from aidlib.analysis.publish import render
    from aidlib.data.declarations import metric_name
    from aidlib.report.charts import rendered_chart_html

    hedges = {str(total["qualifier"]), *parts["qualifier"].astype(str)}
    if not hedges <= {"exact", "about"} or parts.empty:
        return ""
    parts = parts.sort_values("value", ascending=False, kind="stable")  # largest first, as every split bar
    unit = str(total["unit_en"])
    divisor, scaled = money_scale(float(total["value"]), unit)
    rest = float(total["value"]) - float(parts["value"].sum())
    names = [metric_name(m, r) for m, r in zip(parts["metric_id"], parts.to_dict("records"), strict=True)]
    frame = pd.DataFrame(
        {
            "label": [textwrap.fill(n, 24) for n in [*names, *(["not itemized"] if rest > 0 else [])]],
            "value": [v / divisor for v in [*parts["value"], *([rest] if rest > 0 else [])]],
            "shown": [
                *(value_text(v, "exact", unit) for v in parts["value"]),
                *([interval_text(rest, rest, False, unit)] if rest > 0 else []),  # derived: rounded
            ],
            "itemized": [True] * len(parts) + [False] * (rest > 0),
        }
    )
    shares = ", ".join(f"{' '.join(r.label.split())} {r.shown}" for r in frame.itertuples())
    caption = f"{total['label_en']}: the parts the source states"
    caption += ", and what it leaves unitemized" if rest > 0 else ""
    alt = f"One bar of {value_text(float(total['value']), 'exact', unit)}, split into {shares}."
    with _themed():
        ax = split_chart(frame, xlabel=scaled)
        return rendered_chart_html(render(ax, caption=caption, source=name or source_name(record), alt=alt))


_ID = re.compile(r"\b[a-z][a-z0-9_]*\.[a-z0-9_]+(?:\.[a-z0-9_]+)*\b")
_RAW_PERIOD = re.compile(r"\b\d{4}(?:-\d{2})?/\d{4}(?:-\d{2})?\b")


def in_words(note: str, labels: dict[str, str]) -> str:
    """A curator's note as a reader reads it: the source's metric ids as their labels, periods as dates.

    Examples:
        >>> in_words("The same as county.lectures, told twice.", {"county.lectures": "Lectures given"})
        'The same as “Lectures given”, told twice.'
        >>> in_words("十四五以来 in a 2024 report is 2021/2024; see x.y.", {})
        '十四五以来 in a 2024 report is 2021–2024; see x.y.'
    """
    from aidlib.analysis.reader_words import period_text
    from aidlib.data.periods import PeriodError

    def dates(m: re.Match) -> str:
        try:
            return period_text(m.group(0))
        except PeriodError:  # a ratio or a fraction that only looks like a period: as written
            return m.group(0)

    note = _ID.sub(lambda m: f"“{labels[m.group(0)]}”" if m.group(0) in labels else m.group(0), note)
    return _RAW_PERIOD.sub(dates, note)


def source_body(
    record: dict[str, str],
    metrics: pd.DataFrame,
    indicators: pd.DataFrame,
    context: pd.DataFrame,
    repairs: dict[str, int],
    name: str = "",
) -> str:
    """The body of one source's page; every frame holds that source's rows only.

    ``name`` is how the pages name the source (:func:`source_names`); default its outlet and year.
    """
    from aidlib.analysis.tables import metric_view
    from aidlib.text.normalizer import REPAIR_NAMES

    sid = record["source_id"]
    name = name or source_name(record)
    view = metric_view(metrics, include_restated=True, quote=True, theme=True)
    by_id = metrics.set_index("metric_id")
    labels = by_id["label_en"].to_dict()
    view["period_shown"] = [
        _period(p) + (f"; {_basis(b)}" if b else "")
        for p, b in zip(view["period"], view["basis"], strict=True)
    ]
    notes = []
    for mid, restates in zip(view["metric_id"], view["duplicate_of"], strict=True):
        total = by_id.loc[mid, "part_of"]
        link = f"Restates: {labels.get(restates, restates)}." if restates else (
            f"Part of: {labels.get(total, total)}." if total else "")  # fmt: skip
        notes.append(" ".join(filter(None, [link, in_words(str(by_id.loc[mid, "note"]).strip(), labels)])))
    view["notes"] = notes
    facts = len(view) - int((view["duplicate_of"] != "").sum())
    title = f"{name}: {record['title']}" if record.get("title") and record["title"] not in name else name
    lede = []
    if record.get("author"):
        lede.append(f"By {record['author']}.")
    if record.get("period_covered"):
        lede.append(f"It covers {_period(record['period_covered'])}.")
    figures = "1 figure" if len(view) == 1 else f"{len(view)} figures"
    lede.append(f"It states {figures} ({facts} distinct; restatements are marked).")
    link = f" <a rel='external noopener' href='{esc(record['url'])}'>The published page</a>." if record.get(
        "url") else ""  # fmt: skip
    head = [f"<h1>{esc(title)}</h1>", f"<p class=lede>{esc(' '.join(lede))}{link}</p>"]
    if record.get("damage"):
        head.append(f"<p><small>The copy as published: {esc(record['damage'])}</small></p>")
    parts = []
    stated_ids = set(metrics["metric_id"])
    charts = []
    for total_id in [
        t for t in dict.fromkeys(metrics.loc[metrics["part_of"] != "", "part_of"]) if t in stated_ids
    ]:
        total = by_id.loc[total_id]
        stated = metrics[(metrics["part_of"] == total_id) & (metrics["duplicate_of"] == "")]
        chart = split_chart(total, stated, record, name)
        charts.append(
            chart or f"<p>{esc(total['label_en'])}: its parts are bounds, so the split is not drawn.</p>"
        )
    if charts:
        parts += ["<h2 id=splits>How its totals split</h2>", *charts]
    for heading, ident, frame in (
        ("Derived figures", "derived", indicators),
        ("In context", "context", context),
    ):
        if not frame.empty:
            parts += [f"<h2 id={ident}>{heading}</h2>",
                      _table(frame, {"label": "figure", "text_en": "value", "caveat": "caveat"})]  # fmt: skip
    parts.append("<h2 id=states>What it states</h2>")
    for theme in dict.fromkeys(view["theme"]):
        rows = view[view["theme"] == theme]
        parts.append(f"<h3>{esc(_theme_name(theme))}</h3>")
        columns = {"label": "figure", "shown": "value", "period_shown": "period", "quote": "in its words",
                   "notes": "note"}  # fmt: skip
        parts.append(_table(rows, columns))
    done = [f"{REPAIR_NAMES.get(kind, kind)} ({n})" for kind, n in repairs.items() if n]
    what = "; ".join(done) if done else "none was needed"
    parts.append(
        f"<h2 id=text>Its text</h2><p>The <a href='{esc(sid)}.clean.txt'>repaired text</a> every quote is "
        f"checked against, and the <a href='{esc(sid)}.repairs.csv'>list of repairs</a>: {esc(what)}.</p>"
    )
    return "".join(head + parts)


def _listing(items: list[str]) -> str:
    """Items in a sentence: ``a and b``, ``a, b and c``; with ``;`` when an item holds a comma.

    Examples:
        >>> _listing(["2023", "2021–2025"]), _listing(["cumulative, no dates stated", "2024"])
        ('2023 and 2021–2025', 'cumulative, no dates stated; 2024')
    """
    if len(items) == 1:
        return items[0]
    if any("," in i for i in items):
        return "; ".join(items)
    return ", ".join(items[:-1]) + f" and {items[-1]}"


def like_with_like(rows: pd.DataFrame) -> str:
    """Why a shared figure may not be drawn across sources on one axis, or ``""`` when it may.

    Alike means one unit (or one family of units), one basis (money counted the same way:
    a plan is not money put in), and periods of one length (a year against a year). The
    reason is a clause: the page writes "Not drawn, because …".

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"unit": ["元", "元"], "basis": ["invested", "plan"], "period": ["2023"] * 2})
        >>> like_with_like(rows)
        'the bases differ: put in (投入) and planned'
        >>> like_with_like(rows.assign(basis="invested", period=["2023", "2021/2025"]))
        'the periods differ in length: 2023 and 2021–2025'
        >>> like_with_like(rows.assign(basis="invested", period=["cumulative", "2024"]))
        'the periods differ in length: cumulative (no dates stated) and 2024'
    """
    from aidlib.data.periods import PeriodError, parse_period
    from aidlib.data.vocabulary import UNITS, unit_family

    units = {unit_family(str(u)) for u in rows["unit"]}
    if len(units) > 1:
        return f"the units differ: {_listing(sorted(units))}"
    money = all(str(u) in UNITS and UNITS[str(u)].kind == "currency" for u in rows["unit"])
    bases = list(dict.fromkeys(rows["basis"]))
    if len(bases) > 1 or (money and bases == [""]):
        named = [_basis(b) if b else "not stated" for b in bases]
        return f"the bases differ: {_listing(named)}" if len(bases) > 1 else "the basis is not stated"

    def length(text: str):
        try:
            p = parse_period(text)
        except PeriodError:
            return text
        if p.cumulative:
            return "cumulative"
        return (
            ("months", len(p.start), p.years, p.start[5:], p.end[5:])
            if len(p.start) == 7
            else ("years", p.years)
        )

    if len({length(str(p)) for p in rows["period"]}) > 1:
        return f"the periods differ in length: {_periods(rows['period'])}"
    return ""


def _compare_chart(label: str, rows: pd.DataFrame, names: dict[str, str]) -> str:
    """The shared figure across sources, one bar each (only for rows :func:`like_with_like` allows)."""
    from aidlib.analysis.numbers import money_scale
    from aidlib.analysis.plotting import bar_chart
    from aidlib.analysis.publish import render
    from aidlib.analysis.tables import rescale
    from aidlib.analysis.unit_names import count_noun
    from aidlib.report.charts import rendered_chart_html

    view = rows.assign(label=[names[s] for s in rows["source_id"]], unit=rows["unit_en"]).drop(
        columns="period"
    )
    divisor, scaled = money_scale(float(view["value"].abs().max()), str(view["unit"].iloc[0]))
    if divisor != 1:
        view = rescale(view, divisor, scaled)
    periods = _periods(rows["period"])
    basis = f"; counted as {_basis(str(rows['basis'].iloc[0]))}" if rows["basis"].iloc[0] else ""
    caption = f"{label}, by source: {periods}{basis}"
    alt = f"{label} by source: " + "; ".join(
        f"{n} {s}" for n, s in zip(view["label"], view["shown"], strict=True)
    )
    source = "; ".join(dict.fromkeys(names[s] for s in rows["source_id"]))
    with _themed():  # sources are named by their outlets, in Chinese
        ax = bar_chart(view, xlabel=count_noun(str(view["unit"].iloc[0]), str(rows["label"].iloc[0])))
        return rendered_chart_html(render(ax, caption=caption, source=source, alt=alt + "."))


def shared_label(indicator_id: str, labels: list[str]) -> str:
    """The heading of a derived figure several sources share: its name for any source, no one's own.

    aidlib's generic declaration names it when it declares the id (``share.{part}`` too, the part
    said in words); else the sources' labels, if they agree; else the first.

    Examples:
        >>> shared_label("spend.per_household", ["Housing funds per benefiting household", "x"])
        'Housing funds per household'
        >>> shared_label("share.housing", ["Share of the 2023 aid total: housing", "y"])
        'Share of the aid total: housing'
        >>> shared_label("share.itemized", ["Itemized share of the 2023 aid total", "z"])
        'Itemized share of the aid total'
        >>> shared_label("county.lectures_per_school", ["Lectures per school"] * 2)
        'Lectures per school'
    """
    from aidlib.data.declarations import PART, generic_declarations

    declared = generic_declarations()
    for d in declared:  # an id of its own before a pattern it also matches (share.itemized, share.{part})
        if d.indicator_id == indicator_id:
            return d.label_en
    for d in declared:
        head, _, tail = d.indicator_id.partition(PART)
        if PART in d.indicator_id and indicator_id.startswith(head) and indicator_id.endswith(tail):
            part = indicator_id[len(head) : len(indicator_id) - len(tail)]
            return d.label_en.replace(PART, part.replace("_", " "))
    return labels[0]


def alike_groups(rows: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows split into groups that :func:`like_with_like` allows on one axis, largest first.

    Examples:
        >>> import pandas as pd
        >>> rows = pd.DataFrame({"unit": ["元"] * 3, "basis": ["invested", "arranged", "invested"],
        ...                      "period": ["2023"] * 3})
        >>> [list(g.index) for g in alike_groups(rows)]
        [[0, 2], [1]]
    """
    groups: list[list] = []
    for i in rows.index:
        home = next((g for g in groups if not like_with_like(rows.loc[[*g, i]])), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return sorted((rows.loc[g] for g in groups), key=len, reverse=True)


def _shared_block(label: str, rows: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """One shared id: its rows side by side, a chart of each alike group of two or more, why not the rest."""
    columns = {"source": "source", "shown": "value", "period_shown": "period", "basis_shown": "basis",
               "label": "as the source labels it"}  # fmt: skip
    out = [f"<h3>{esc(label)}</h3>", _table(rows, columns)]
    why = like_with_like(rows)
    if not why:
        return [*out, _compare_chart(label, rows, names)]
    drawn = [g for g in alike_groups(rows) if len(g) > 1]
    out += [_compare_chart(label, g, names) for g in drawn]
    where = "Not all drawn together" if drawn else "Not drawn"
    return [*out, f"<p><small>{where}, because {esc(why)}.</small></p>"]


def compare_body(records: list[dict[str, str]], metrics: pd.DataFrame, indicators: pd.DataFrame) -> str:
    """The body of the comparison page: the ids the sources share, side by side, with period and basis."""
    from aidlib.analysis.reader_words import periods_text
    from aidlib.analysis.tables import metric_view
    from aidlib.data.vocabulary import shared_metrics

    names = source_names(records)
    view = metric_view(metrics)  # restatements left out: one row per fact
    units = metrics.set_index(["source_id", "metric_id"])["unit"].astype(str)
    keys = list(zip(view["source_id"], view["metric_id"], strict=True))
    view = view.assign(source=[names.get(s, s) for s in view["source_id"]], unit_en=view["unit"],
                       unit=units.loc[keys].to_numpy())  # fmt: skip
    view["period_shown"] = [_period(p) for p in view["period"]]
    view["basis_shown"] = [_basis(b) if b else "not stated" for b in view["basis"]]
    counts = view.groupby("metric_id", sort=False)["source_id"].nunique()
    shared = [m for m, n in counts.items() if n > 1]
    items = "".join(f"<li><a href='{esc(source_file(r['source_id']))}'>{esc(names[r['source_id']])}</a></li>"
                    for r in records)  # fmt: skip
    out = [
        "<h1>The sources compared</h1>",
        f"<p class=lede>{len(records)} sources. Where two or more state the same figure, their values stand "
        "side by side here, each with its period and the basis it was counted on. A chart is drawn only "
        "where the figures are alike; otherwise a line says why not.</p>",
        f"<ul>{items}</ul>",
    ]
    if not shared:
        out.append("<p>No figure is stated by more than one source: nothing to set side by side.</p>")
    else:
        out.append("<h2 id=shared>What the sources share</h2>")
    for mid in shared:
        rows = view[view["metric_id"] == mid]
        label = shared_metrics()[mid].label_en if mid in shared_metrics() else str(rows["label"].iloc[0])
        out += _shared_block(label, rows, names)
    derived = indicators.groupby("indicator_id", sort=False)["source_id"].nunique()
    common = [i for i, n in derived.items() if n > 1]
    if common:
        out.append("<h2 id=derived>Derived figures they share</h2>")
        out.append("<p>Each source's figure is computed from its own inputs; the period column gives "
                   "theirs.</p>")  # fmt: skip
        periods = dict(zip(keys, view["period"], strict=True))
        table = indicators[indicators["indicator_id"].isin(common)]
        table = table.assign(
            source=[names.get(s, s) for s in table["source_id"]],
            inputs_period=[
                periods_text([periods[(sid, i)] for i in inputs.split(", ") if (sid, i) in periods]) if any(
                    (sid, i) in periods for i in inputs.split(", ")) else ""
                for sid, inputs in zip(table["source_id"], table["inputs"], strict=True)
            ],
        )  # fmt: skip
        for iid in common:
            rows = table[table["indicator_id"] == iid]
            heading = shared_label(iid, list(rows["label"]))  # a name for every source, no one's own
            columns = {"source": "source", "text_en": "value", "inputs_period": "period",
                       "label": "as declared",
                       "caveat": "caveat"}  # fmt: skip
            out += [f"<h3>{esc(heading)}</h3>", _table(rows, columns)]
    return "".join(out)
