"""The words aidlib's data may use: units, themes, qualifiers, subjects, measures, bases, grades.

One entry per fact, read by every module that needs it (the metrics and cited
figures checks, the charts, the tables, the report) and by every
``datapackage.json``: its resources are ``aidlib/data/schema.json`` (the one place
the tables' schemas are written, :mod:`aidlib.data.schema`) with the enums of this
module (:func:`datapackage_enums`); ``aidlib init`` writes them into a new data folder,
``python -m aidlib.data.schema data/datapackage.json`` rewrites the project's, and
``tests/test_vocabulary.py`` holds both to them.

The measure words are described once, in stage 2 (:data:`aidlib.quantities.units.BASE_UNITS`,
each a :class:`~aidlib.quantities.units.Unit`: its English for one and for many, its kind and
its *family*, the measure words that count the same thing: 人, 名 and 位 all count people, so a
restatement may switch between them and a chart may put them on one axis); this module reads
that table (:data:`UNITS`) for the checks, the enums and the English a reader sees.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aidlib.quantities.units import BASE_UNITS, GENERIC_COUNTERS, Unit

# Themes of the curated metrics (metrics.csv ``theme``).
THEMES = (
    "funding", "housing", "agriculture", "health", "education", "security", "industry",
    "investment", "trade", "employment", "consumption_aid", "talent_exchange", "culture",
    "ethnic_exchange", "tourism",
)  # fmt: skip
# How a stated value bounds the true one. over = at least, under = at most, both of the
# *size* (a fall is negative: 下降超过3% is value -3, over, i.e. at most -3); range runs
# from value (the low end) to high. A cited figure is never a range.
QUALIFIERS = ("exact", "over", "about", "under", "range")
FIGURE_QUALIFIERS = ("exact", "over", "about", "under")
# How each qualifier reads in English.
QUALIFIER_NAMES = {
    "exact": "exact", "over": "at least", "about": "about", "under": "at most", "range": "range",
}  # fmt: skip

# Who or where a cited figure is about (cited_figures.tsv ``subject``).
SUBJECTS = (
    "19 provinces→Xinjiang", "19 provinces→Bingtuan", "Guangdong→Kashgar",
    "Guangdong→Kashgar & 3rd Division", "Guangdong(+Shenzhen)→Kashgar & 3rd Division",
    "Guangdong→3rd Division", "Guangdong→Jiashi", "Foshan→Jiashi", "Shenzhen→Kashgar City & Tashkurgan",
    "Dongguan→3rd Division/Tumxuk", "Guangzhou→Shufu", "Shufu County", "Kashgar Prefecture",
    "Kashgar Comprehensive Bonded Zone", "Xinjiang (region)",
)  # fmt: skip
# What a cited figure measures, and the unit it is measured in.
MEASURES = {
    "aid_funds": "元", "housing_aid_funds": "元", "industry_aid_funds": "元", "aid_and_investment": "元",
    "investment_attracted": "元", "gdp": "元", "budget_revenue": "元",
    "fixed_asset_investment": "元", "foreign_trade": "元", "trade_growth": "%", "population": "人",
    "working_age_population": "人", "jobs": "人", "poverty_exits": "人", "housing_units": "套",
    "livelihood_share": "%", "county_level_share": "%",
}  # fmt: skip
# Plain names of the cited figures' measures, for generated caveats ("Compares 2023 aid with
# 2022 GDP."); others read as the measure with spaces.
MEASURE_NAMES = {"gdp": "GDP", "aid_funds": "aid", "jobs": "new jobs", "foreign_trade": "trade",
                 "working_age_population": "working-age population",
                 "fixed_asset_investment": "fixed-asset investment"}  # fmt: skip
# The English of a measure's unit where it says more than the measure word's own
# English (套 counts sets in general; housing_units counts housing units).
MEASURE_ENGLISH = {"housing_units": "housing units"}
# The basis of a figure (cited_figures.tsv ``basis``, metrics.csv ``basis``) and the
# periods a cited figure of that basis allows: "year" = 2023, "span" = a start/end
# period, "months:N" = January to month N of one year, "any" = any period. The first
# group says what a period covers; the second how money was counted, which is what
# must agree before two totals are compared (a plan is not money put in).
BASES = {
    "annual": "year", "plan": "year_or_span", "cumulative": "span", "five_year": "span",
    "census": "year", "point_in_time": "year", "guideline": "year", "half_year": "months:6",
    "jan_may": "months:5", "jan_jul": "months:7", "jan_sep": "months:9", "jan_oct": "months:10",
    "jan_nov": "months:11",
    "invested": "any",  # 投入: money put in
    "arranged": "any",  # 安排: money arranged (allocated) for a purpose
    "delivered": "any",  # 落实: money delivered to projects
    "arrived": "any",  # 到位, 到疆, 拨付: money that arrived or was disbursed
    "signed": "any",  # 签约: amounts signed (investment agreements), not yet arrived
}  # fmt: skip
# The verb before a money amount says how it was counted (the basis); 计划投入, 拟安排: planned.
BASIS_VERBS = {
    "投入": "invested", "安排": "arranged", "落实": "delivered", "到位": "arrived", "拨付": "arrived",
    "到疆": "arrived", "签约": "signed", "计划": "plan", "规划": "plan",
}  # fmt: skip
PLANNED_WORDS = ("计划", "规划", "拟")


def basis_in(text: str, end: int) -> str:
    """The basis the last basis verb before ``end`` in ``text`` says, or ``""`` when there is none.

    Examples:
        >>> basis_in("累计投入5.3亿元", 4), basis_in("计划投入3亿元", 4), basis_in("共3亿元", 1)
        ('invested', 'plan', '')
    """
    found = [(m, w) for w in BASIS_VERBS for m in [text.rfind(w, 0, end)] if m != -1 and m + len(w) <= end]
    if not found:
        return ""
    at, word = max(found)
    return "plan" if text[max(0, at - 2) : at].endswith(PLANNED_WORDS) else BASIS_VERBS[word]


# What each basis means, in words: for the pages that set totals of several sources side by side.
BASIS_NAMES = {
    "annual": "a calendar year", "plan": "planned", "cumulative": "cumulative", "five_year": "five years",
    "census": "census", "point_in_time": "at one date", "guideline": "a guideline",
    "half_year": "first half-year", "jan_may": "January–May", "jan_jul": "January–July",
    "jan_sep": "January–September", "jan_oct": "January–October", "jan_nov": "January–November",
    "invested": "put in (投入)", "arranged": "arranged (安排)", "delivered": "delivered (落实)",
    "arrived": "arrived or disbursed (到位, 拨付)", "signed": "signed (签约)",
}  # fmt: skip
# The operations an indicator declaration (indicators.csv ``operation``) may name: a
# closed set, never an expression. name: (fewest inputs, most inputs (None: any number),
# the inputs in order, what it computes). "Stated parts" are the rows whose part_of is the
# total, in the same source. Every one is computed on intervals (aidlib.analysis.indicators).
OPERATIONS = {
    "share": (1, None, "parts…; total (the total alone: all its stated parts)",
              "the parts' sum ÷ the total × 100, in %"),
    "share_bounds": (2, None, "parts…; total",
                     "from the parts' share to the parts' plus the total's unitemized remainder (the total "
                     "less all its stated parts), ÷ the total × 100, in %"),
    "part_shares": (1, 1, "total", "for each stated part of the total, its share, in %; {part} in the id and "
                    "the label names the part"),
    "percent": (2, 2, "a; b", "a ÷ b × 100, in %: a set against b, which is not a share"),
    "per_unit": (2, 2, "a; b", "a ÷ b, in a's unit per b's unit"),
    "difference": (2, 2, "a; b", "a − b, in a's unit"),
    "sum": (2, None, "a; b; …", "a + b + …, in a's unit"),
    "remainder": (1, None, "total; parts… (the total alone: all its stated parts)",
                  "the total less the sum of its parts, in its unit"),
    "growth_base": (2, 2, "value; growth rate (%)", "value ÷ (1 + rate ÷ 100): the base the rate grew from"),
    "growth_increase": (2, 2, "value; growth rate (%)", "value − value ÷ (1 + rate ÷ 100): the rise"),
    "above_yearly_average": (2, 2, "a; b (b over a span of years)",
                             "(a ÷ (b ÷ the years b spans) − 1) × 100, in %"),
    "distinct_facts": (0, 0, "none", "the source's rows that restate nothing, counted"),
}  # fmt: skip
# When a declaration applies (indicators.csv ``requires``): "" always; same_period only where
# every input states the same period.
REQUIREMENTS = ("", "same_period")
# Reliability grades of a cited figure's page.
RELIABILITY = {
    "A": "the original page of a government or state outlet",
    "B": "a named outlet's piece reposted elsewhere",
    "C": "unattributed, wiki, Q&A or aggregator",
}
# What a reference (references.csv ``topic``) is cited for.
TOPICS = {
    "labour_programmes": "independent assessments of the labour-transfer and related employment programmes",
}


UNITS: dict[str, Unit] = BASE_UNITS
"""Every measure word of the data, by word, in the parser's order: the parser's one table."""
# The English of the measure words that say nothing of what they count (个 is "units"): a
# reader's count names its thing by the label instead (aidlib.analysis.unit_names.count_noun).
GENERIC_UNITS = tuple(UNITS[w].en for w in GENERIC_COUNTERS)

# English name → its family's English name (event sessions → events).
_FAMILY_OF_ENGLISH = {u.en: UNITS[u.family].en for u in UNITS.values()}
# Units aidlib writes that are not measure words of the source: counts of the curated
# facts themselves, and the larger units a chart rescales money to.
_OTHER_ENGLISH = {"facts": "fact", "projects": "project", "housing units": "housing unit"}


@dataclass(frozen=True)
class SharedMetric:
    """A metric id that names the same concept in every source (``aidlib/data/shared_metrics.csv``).

    Reports compare by these ids (each report's ``funding.aid_total``); ``aidlib draft``
    proposes them where the text says so, and aidlib's generic indicators read them.

    Attributes:
        metric_id: the id, e.g. ``funding.aid_total``.
        theme: its theme.
        name_en: what it is in plain words, for generated caveats (``aid``).
        label_en: a label for a draft row.
        label_zh: the same in Chinese.
        units: the measure words it may be stated in.
        keywords: words of the text that name it (援疆资金), for drafting.
    """

    metric_id: str
    theme: str
    name_en: str
    label_en: str
    label_zh: str
    units: tuple[str, ...]
    keywords: tuple[str, ...]


@cache
def shared_metrics() -> dict[str, SharedMetric]:
    """The shared metric ids, by id, in file order.

    Examples:
        >>> shared_metrics()["funding.aid_total"].name_en, shared_metrics()["funding.projects"].units
        ('aid', ('个', '项'))
    """
    text = resources.files("aidlib.data").joinpath("shared_metrics.csv").read_text(encoding="utf-8")
    out = {}
    for row in csv.DictReader(text.splitlines()):
        out[row["metric_id"]] = SharedMetric(
            row["metric_id"], row["theme"], row["name_en"], row["label_en"], row["label_zh"],
            tuple(filter(None, row["units"].split(";"))), tuple(filter(None, row["keywords"].split(";"))),
        )  # fmt: skip
    return out


def unit(word: str) -> Unit:
    """Look up a measure word; an unknown one names the known ones.

    Examples:
        >>> unit("名").family, unit("名").en, unit("名").en_one
        ('人', 'people', 'person')
    """
    try:
        return UNITS[word]
    except KeyError:
        raise KeyError(f"unknown unit {word!r}; expected one of {', '.join(UNITS)}") from None


def unit_family(name: str) -> str:
    """Name the family of a unit, by its measure word or its English; other text is its own family.

    Units of one family count the same thing and share a chart axis: 人, 名 and 位
    are all ``people``; so are their English names.

    Examples:
        >>> unit_family("名") == unit_family("人") == unit_family("people")
        True
        >>> unit_family("场次"), unit_family("event sessions")
        ('events', 'events')
        >>> unit_family("人次") == unit_family("人"), unit_family("million yuan")
        (False, 'million yuan')
    """
    if name in UNITS:
        return UNITS[UNITS[name].family].en
    return _FAMILY_OF_ENGLISH.get(name, name)


def measure_english(measure: str) -> str:
    """The English unit of a cited figure's measure.

    Examples:
        >>> measure_english("gdp"), measure_english("housing_units"), measure_english("trade_growth")
        ('yuan', 'housing units', 'percent')
    """
    return MEASURE_ENGLISH.get(measure) or UNITS[MEASURES[measure]].en


# The English of a cited figure's unit, as its measures name it, where the measure word
# alone would mislead (a 套 of the housing figures is a dwelling): unit → English.
CITED_UNIT_ENGLISH = {unit: measure_english(m) for m, unit in MEASURES.items()}


def same_measure(a: str, b: str) -> bool:
    """Tell whether two measure words count the same thing (one family).

    Examples:
        >>> same_measure("场", "场次"), same_measure("人", "位"), same_measure("户", "元")
        (True, True, False)
    """
    return a == b or (a in UNITS and b in UNITS and UNITS[a].family == UNITS[b].family)


def same_measure_groups() -> tuple[frozenset[str], ...]:
    """The families of more than one measure word (人 名 位; 场 场次 ...).

    Examples:
        >>> frozenset({"人", "名", "位"}) in same_measure_groups(), len(same_measure_groups())
        (True, 5)
    """
    groups: dict[str, set[str]] = {}
    for u in UNITS.values():
        groups.setdefault(u.family, set()).add(u.word)
    return tuple(frozenset(g) for g in groups.values() if len(g) > 1)


def singular(english: str) -> str:
    """The English of a unit after the number one (``1 fact``, ``1 household``).

    Examples:
        >>> singular("facts"), singular("people"), singular("kg"), singular("yuan")
        ('fact', 'person', 'kg', 'yuan')
    """
    return _SINGULAR.get(english, english)


# English for many → English for one; where two words share an English name their
# English for one is the same (checked by the tests).
_SINGULAR = {**{u.en: u.en_one for u in UNITS.values()}, **_OTHER_ENGLISH}


def english(word: str, count: float | None = None) -> str:
    """Write a measure word in English, for one when ``count`` is 1.

    Other text (an English unit, a compound like ``元/户``) is returned as it is.

    Examples:
        >>> english("户"), english("户", 1), english("%"), english("people")
        ('households', 'household', 'percent', 'people')
    """
    if word not in UNITS:
        return word
    return UNITS[word].en_one if count == 1 else UNITS[word].en


# (resource, field) of data/datapackage.json → the values its enum lists, in this order.
def datapackage_enums() -> dict[tuple[str, str], list[str]]:
    """The enums ``data/datapackage.json`` must list, by resource and field.

    A cited figure's subject has none: it is one of :data:`SUBJECTS` or of the folder's
    ``subjects.csv`` (:mod:`aidlib.data.subjects`), a list no descriptor of aidlib's can hold.

    Examples:
        >>> enums = datapackage_enums()
        >>> "平方公里" in enums["metrics", "unit"], enums["cited_figures", "reliability"]
        (True, ['A', 'B', 'C'])
    """
    return {
        ("metrics", "theme"): list(THEMES),
        ("metrics", "unit"): list(UNITS),
        ("metrics", "qualifier"): list(QUALIFIERS),
        ("metrics", "basis"): list(BASES),
        ("indicators", "operation"): list(OPERATIONS),
        ("indicators", "requires"): [r for r in REQUIREMENTS if r],
        ("cited_figures", "measure"): list(MEASURES),
        ("cited_figures", "basis"): list(BASES),
        ("cited_figures", "unit"): list(dict.fromkeys(MEASURES.values())),
        ("cited_figures", "qualifier"): list(FIGURE_QUALIFIERS),
        ("cited_figures", "reliability"): list(RELIABILITY),
        ("references", "topic"): list(TOPICS),
    }


def write_enums(package: dict) -> dict:
    """Set the enums of a data package descriptor (a parsed ``datapackage.json``) from this module.

    Raises:
        KeyError: a resource or field the vocabulary describes is missing from the package.
    """
    fields = {
        (resource["name"], field["name"]): field
        for resource in package["resources"]
        for field in resource.get("schema", {}).get("fields", [])
    }
    for key, values in datapackage_enums().items():
        if key not in fields:
            raise KeyError(f"datapackage.json has no field {key[1]!r} in resource {key[0]!r}")
        fields[key].setdefault("constraints", {})["enum"] = values
    return package
