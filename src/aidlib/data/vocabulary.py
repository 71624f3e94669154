"""The words aidlib's data may use: units, themes, qualifiers, measures, bases, grades.

One entry per fact, read by every module that needs it (the metrics and cited
figures checks, the charts, the tables, the report) and by
``data/datapackage.json``, whose enums ``tests/test_vocabulary.py`` holds to
this module (``python -m aidlib.data.vocabulary`` prints them as the package
wants them).

The measure words the parser recognises stay in :data:`aidlib.quantities.chinese.UNITS`
(stage 2 cannot read stage 3); this module adds what the later stages need to
know about each: its English for one and for many, and its *family*, the
measure words that count the same thing (人, 名 and 位 all count people), so a
restatement may switch between them and a chart may put them on one axis.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidlib.quantities.chinese import UNITS as PARSER_UNITS


@dataclass(frozen=True)
class Unit:
    """A measure word: its English and the family of words that count the same thing.

    Attributes:
        word: the measure word as the data writes it (人, 元, %).
        en: its English after any number but one (people, yuan, percent).
        en_one: its English after the number one (person, yuan, percent).
        family: the measure word that stands for all words counting the same thing
            (名 and 位 are in 人's family); the word itself when it has no such peer.
        kind: what it measures: money, people, households, area, mass, length,
            volume, power, time, share, multiple or count (of things).
    """

    word: str
    en: str
    en_one: str
    family: str
    kind: str


# word: (English for one, family, kind). The English for many comes from the parser's
# table (``quantities.chinese.UNITS``); a test holds every parser unit to an entry here.
_UNIT_FACTS = {
    "元": ("yuan", "元", "money"), "美元": ("US dollar", "美元", "money"),
    "户": ("household", "户", "households"),
    # 人次 counts attendances (one person twice is 2人次), so it is not 人's family
    "人次": ("person-time", "人次", "count"),
    "人": ("person", "人", "people"), "名": ("person", "人", "people"), "位": ("person", "人", "people"),
    "吨": ("tonne", "吨", "mass"), "公斤": ("kg", "公斤", "mass"), "千克": ("kg", "公斤", "mass"),
    "斤": ("jin", "斤", "mass"),
    "个": ("unit", "个", "count"), "个月": ("month", "个月", "time"), "项": ("item", "项", "count"),
    "大项": ("major item", "大项", "count"), "小项": ("minor item", "小项", "count"),
    "家": ("establishment", "家", "count"),
    # a show staged 10 times is 10场 or 10场次: the report switches between them
    "场": ("event", "场", "count"), "场次": ("event session", "场", "count"),
    "批次": ("batch", "批", "count"), "批": ("batch", "批", "count"),
    "次": ("time", "次", "count"), "例": ("case", "例", "count"), "间": ("room", "间", "count"),
    "支": ("team", "支", "count"), "封": ("letter", "封", "count"), "所": ("institution", "所", "count"),
    "亩": ("mu", "亩", "area"), "瓶": ("bottle", "瓶", "count"), "台": ("machine", "台", "count"),
    "套": ("set", "套", "count"), "辆": ("vehicle", "辆", "count"), "座": ("structure", "座", "count"),
    "处": ("site", "处", "count"), "条": ("line", "条", "count"), "篇": ("article", "篇", "count"),
    "本": ("volume", "本", "count"), "册": ("volume", "本", "count"), "张": ("sheet", "张", "count"),
    "头": ("head", "头", "count"), "只": ("animal", "只", "count"), "株": ("plant", "株", "count"),
    "棵": ("tree", "棵", "count"), "公里": ("km", "公里", "length"),
    "平方米": ("square metre", "平方米", "area"), "立方米": ("cubic metre", "立方米", "volume"),
    "千瓦": ("kW", "千瓦", "power"), "天": ("day", "天", "time"), "小时": ("hour", "小时", "time"),
    "%": ("percent", "%", "share"), "个百分点": ("percentage point", "个百分点", "share"),
    "倍": ("times over", "倍", "multiple"), "番": ("times the base", "番", "multiple"),
    "平方公里": ("square km", "平方公里", "area"), "公顷": ("hectare", "公顷", "area"),
}  # fmt: skip

UNITS: dict[str, Unit] = {
    word: Unit(word, PARSER_UNITS[word], one, family, kind)
    for word, (one, family, kind) in _UNIT_FACTS.items()
    if word in PARSER_UNITS
}
"""Every measure word of the data, by word, in the parser's order where it has one."""

# English name → its family's English name (event sessions → events).
_FAMILY_OF_ENGLISH = {u.en: UNITS[u.family].en for u in UNITS.values()}
# Units aidlib writes that are not measure words of the source: counts of the curated
# facts themselves, and the larger units a chart rescales money to.
_OTHER_ENGLISH = {"facts": "fact", "items": "item", "events": "event", "units": "unit"}


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
