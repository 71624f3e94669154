"""Core behaviours the mutation run found unasserted: interval arithmetic, indicators, offset maps."""

from __future__ import annotations

import math

import pytest

from aidlib.analysis.indicators import INF, Interval, compute
from aidlib.text.normalizer import normalize


# ---- intervals ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "product"),
    [
        (Interval(0, 5), Interval(3, INF), (0.0, INF)),  # 0 × ∞ = 0: a zero bound stays zero
        (Interval(0), Interval(-INF, INF), (0.0, 0.0)),
        (Interval(2, 3), Interval(4, 5), (8, 15)),
        (Interval(-2, 3), Interval(4, 5), (-10, 15)),  # the sign of a bound picks the extreme
        (Interval(-3, -2), Interval(-5, -4), (8, 15)),
    ],
)
def test_interval_products(a, b, product):
    p = a * b
    assert (p.low, p.high) == product and not math.isnan(p.low) and not math.isnan(p.high)


def test_is_exact():
    assert Interval(5).is_exact
    assert not Interval(5, 6).is_exact  # a span
    assert not Interval(5, 5, approx=True).is_exact  # about 5
    assert not Interval.from_qualifier(5, "about").is_exact
    assert Interval.from_qualifier(-3, "exact").is_exact


@pytest.mark.parametrize("op", ["add", "sub", "mul", "div"])
def test_approx_carries_through_every_operation(op):
    about, exact = Interval(10, 10, approx=True), Interval(2)
    for a, b in ((about, exact), (exact, about)):
        result = {"add": a + b, "sub": a - b, "mul": a * b, "div": a / b}[op]
        assert result.approx, (op, a, b)
    both = {"add": exact + exact, "sub": exact - exact, "mul": exact * exact, "div": exact / exact}[op]
    assert not both.approx


def test_difference_takes_opposite_bounds():
    d = Interval(10, 20) - Interval(1, 2)
    assert (d.low, d.high) == (8, 19)


def test_division_refuses_a_divisor_around_zero():
    with pytest.raises(ZeroDivisionError, match="contains zero"):
        Interval(1) / Interval(-1, 1)
    with pytest.raises(ZeroDivisionError, match="contains zero"):
        Interval(1) / Interval(0, 0)
    q = Interval(1) / Interval(0, 2)  # an at-most divisor (近: [0, 2]) leaves no upper bound
    assert (q.low, q.high) == (0.5, INF)
    q = Interval(10) / Interval(2, INF)
    assert (q.low, q.high) == (0.0, 5.0)


# ---- the per-project indicators, each pinned to the bundled metrics ------------------------
@pytest.fixture(scope="module")
def indicators():
    return {i.indicator_id: i for i in compute()}


@pytest.mark.parametrize(
    ("indicator_id", "inputs"),
    [
        ("spend.per_major_project", ("funding.aid_total", "funding.projects_major")),
        ("spend.per_minor_project", ("funding.aid_total", "funding.projects_minor")),
        ("spend.per_education_project", ("education.funds", "education.projects")),
        ("spend.per_funded_student", ("education.funds", "education.student_grants")),
        ("employment.jobs_per_factory",
         ("employment.satellite_factory_jobs", "employment.satellite_factories")),  # fmt: skip
    ],
)
def test_ratio_indicators_divide_their_inputs(indicators, indicator_id, inputs):
    from aidlib.data.metrics import load_metrics

    metrics = load_metrics().set_index("metric_id")
    i = indicators[indicator_id]
    assert i.inputs == inputs and i.formula == f"{inputs[0]} / {inputs[1]}"
    num, den = (Interval.from_qualifier(metrics.loc[m, "value"], metrics.loc[m, "qualifier"]) for m in inputs)
    expected = num / den
    assert i.interval.low == pytest.approx(expected.low) and i.interval.high == pytest.approx(expected.high)
    assert i.interval.low > 0 and i.caveat


# ---- offset maps: expand is exactly as wide as the repairs it must not cut ------------------
@pytest.mark.parametrize(
    ("raw", "start", "end", "expanded"),
    [
        ("落實(shí)黨的", 1, 2, (1, 2)),  # one clean char from a 7-char raw run: not wider
        ("落實(shí)黨的", 0, 1, (0, 1)),
        ("落實(shí)黨的", 0, 4, (0, 4)),
        ("abc", 1, 2, (1, 2)),  # nothing repaired: the span itself
    ],
)
def test_expand_is_exact(raw, start, end, expanded):
    n = normalize(raw)
    assert n.expand(start, end) == expanded


def test_expand_widens_to_a_whole_repair():
    n = normalize("投入 6423 萬元,,")  # spacing, t2s and punctuation repairs
    for start in range(len(n.text)):
        for end in range(start + 1, len(n.text) + 1):
            s, e = n.expand(start, end)
            assert s <= start and e >= end
            rs, re_ = n.starts[s], n.ends[e - 1]
            # minimal: no clean char outside [s, e) maps inside the raw span it covers
            neighbours = [k for k in (s - 1, e) if 0 <= k < len(n.text)]
            assert all(not (n.starts[k] >= rs and n.ends[k] <= re_) for k in neighbours)


@pytest.mark.parametrize(("start", "end"), [(-1, 1), (0, 0), (2, 1), (0, 99)])
def test_expand_refuses_a_span_outside(start, end):
    with pytest.raises(ValueError, match="outside the clean text"):
        normalize("落實(shí)黨的").expand(start, end)


# ---- how an interval is written, and the indicators' own texts ------------------------------
@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(5), "5元"),  # exact: no sign
        (Interval(5, approx=True), "≈ 5元"),  # about, though not rounded
        (Interval(1234.5678), "≈ 1,235元"),  # rounded, though exact
        (Interval(5, INF), "≥ 5元"),
        (Interval(-INF, 5), "≤ 5元"),
        (Interval(0, 5), "≤ 5元"),  # a count at most 5
        (Interval(2, 3), "2–3元"),
    ],
)
def test_describe(interval, text):
    from aidlib.analysis.indicators import describe

    assert describe(interval, "元") == text


def test_str_of_an_interval():
    assert str(Interval(3)) == "3" and str(Interval(2, 3)) == "2–3"


def test_a_fall_over_a_size_is_an_exact_bound():
    iv = Interval.from_qualifier(-3, "over")  # 下降超过3%: at most -3, not "about"
    assert (iv.low, iv.high, iv.approx) == (-INF, -3, False)
    iv = Interval.from_qualifier(-3, "under")
    assert (iv.low, iv.high, iv.approx) == (-3, 0.0, False)


def test_indicator_texts(indicators):
    i = indicators["spend.per_household"]
    assert (i.text, i.unit_en) == ("≤ 1,606元/户", "yuan per household")
    assert i.text_en == "≤ 1,606 yuan per household"
    share = indicators["share.livelihood"]
    assert (share.interval.low, share.interval.high) == pytest.approx((23.26415, 56.22642), abs=1e-4)
    assert share.text == "23.2–56.3%"  # (housing + education) / total, up to all unitemized money


# ---- text helpers the repairs rely on ---------------------------------------------------------
def test_chinese_score_of_nothing_is_zero():
    from aidlib.text.mojibake import chinese_score

    assert chinese_score("") == 0.0 and chinese_score("中国") > chinese_score("abc")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<p>前<script>x</script>后<b>尾", "前后尾"),  # tags before and after a block go too
        ("<p>&amp;x", "&x"),  # an entity right where a tag ends
        ("a<br>&lt;b", "a<b"),
        ("x\ud83d\ude00y", "x😀y"),  # a surrogate pair joined
        ("a\ud800b", "a\ufffdb"),  # a lone surrogate marked lost
    ],
)
def test_html_and_surrogate_repairs(raw, clean):
    n = normalize(raw)
    assert n.text == clean and sum(n.counts().values()) >= 1


def test_apply_mapped_chains_two_offset_maps():
    from aidlib.text.edits import apply_mapped, identity_map

    text, starts, ends = apply_mapped("ab(x)c", [(1, 5, "b")], *identity_map(6))  # 'abc' from 'ab(x)c'
    assert (text, starts.tolist(), ends.tolist()) == ("abc", [0, 1, 5], [1, 5, 6])
    text, starts, ends = apply_mapped(text, [(0, 2, "X")], starts, ends)  # 'Xc' from 'abc' ('ab' → 'X')
    assert (text, starts.tolist(), ends.tolist()) == ("Xc", [0, 5], [5, 6])


def test_a_repair_record_is_immutable():
    import dataclasses

    from aidlib.text.normalizer import Repair

    r = normalize("實(shí)").repairs[0]
    assert isinstance(r, Repair)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.kind = "other"


@pytest.mark.parametrize(
    ("raw", "spans"),
    [
        ("<p>&amp;x", [(0, 3, ""), (3, 8, "&")]),  # an entity starting where a tag ends is its own edit
        ("a<br>&lt;b", [(1, 5, ""), (5, 9, "<")]),
    ],
)
def test_html_spans_of_a_tag_then_an_entity(raw, spans):
    from aidlib.text.repairs import html_spans

    assert html_spans(raw) == spans
