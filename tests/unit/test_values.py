"""Reading a claim's ``value``: every documented form, the errors, and properties."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import pickle
import time
from decimal import Decimal
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from reconcile.intake.values import (
    ACCEPTED_FORMS,
    MAX_TEXT_LENGTH,
    Quantity,
    ValueTextError,
    canonical_unit,
    parse_value,
)

INF = math.inf
KINDS = {"exact", "approximate", "nearly", "at-least", "at-most", "range", "magnitude"}


def row(
    text: str,
    low: float,
    best: float | None,
    high: float,
    kind: str,
    precision: float | None,
    *,
    hedge: str | None = None,
    unit: str | None = None,
    per: str | None = None,
    framing: tuple[str, ...] = (),
) -> Any:
    expected = (low, best, high, kind, precision, hedge, unit, per, framing)
    return pytest.param(text, expected, id=text)


def exact(text: str, value: float, precision: float | None, **extra: Any) -> Any:
    return row(text, value, value, value, "exact", precision, **extra)


def bounds(text: str, low: float, high: float, kind: str, **extra: Any) -> Any:
    return row(text, low, None, high, kind, None, **extra)


DIGITS = [
    exact("235,000", 235_000, 1000),
    exact("235 000", 235_000, 1000),
    exact("235\u00a0000", 235_000, 1000),
    exact("235\u2009000", 235_000, 1000),
    exact("235\u202f000", 235_000, 1000),
    exact("235000", 235_000, 1000),
    exact("235,000.", 235_000, 1000),
    exact("  235,000  ", 235_000, 1000),
    exact("30,000", 30_000, 10_000),
    exact("29,000", 29_000, 1000),
    exact("235,646", 235_646, 1),
    exact("1,000,000", 1_000_000, 1_000_000),
    exact("4,81,486", 481_486, 1),
    exact("12,34,567", 1_234_567, 1),
    exact("1.234.567", 1_234_567, 1),
    exact("1.5000", 1.5, 0.0001),
    exact("1.50", 1.5, 0.01),
    exact("235,000.50", 235_000.5, 0.01),
    exact("1 234.5", 1234.5, 0.1),
    exact("5", 5, 1),
    exact("0", 0, 1),
    exact("0.1", 0.1, 0.1),
    exact("36", 36, 1),
    exact("100", 100, 100),
    exact("-3.5", -3.5, 0.1),
    exact("+2", 2, 1),
]

SCALES = [
    exact("235k", 235_000, 1000),
    exact("235K", 235_000, 1000),
    exact("235 k", 235_000, 1000),
    exact("235 thousand", 235_000, 1000),
    exact("0.235 million", 235_000, 1000),
    exact("0.235 MILLION", 235_000, 1000),
    exact("1.2 million", 1_200_000, 100_000),
    exact("1.2m", 1_200_000, 100_000),
    exact("1.2M", 1_200_000, 100_000),
    exact("1.2 mn", 1_200_000, 100_000),
    exact("1.50 million", 1_500_000, 10_000),
    exact("3 bn", 3e9, 1e9),
    exact("3 billion", 3e9, 1e9),
    exact("2 trillion", 2e12, 1e12),
    exact("2 tn", 2e12, 1e12),
    exact("32 lakh", 3_200_000, 100_000),
    exact("32 lakhs", 3_200_000, 100_000),
    exact("1.2 crore", 12_000_000, 1_000_000),
    exact("5 crores", 50_000_000, 10_000_000),
    exact("5 hundred", 500, 100),
    exact("2 dozen", 24, 1),
]

WORDS = [
    exact("two million", 2_000_000, 1_000_000),
    exact("Two Million", 2_000_000, 1_000_000),
    exact("thirty thousand", 30_000, 10_000),
    exact("a dozen", 12, 1),
    exact("half a dozen", 6, 1),
    exact("a million and a half", 1_500_000, 100_000),
    exact("half a million", 500_000, 100_000),
    exact("two and a half million", 2_500_000, 100_000),
    exact("two and a half", 2.5, 0.1),
    exact("one hundred and five", 105, 1),
    exact("a hundred", 100, 100),
    exact("a thousand", 1000, 1000),
    exact("twenty-five", 25, 1),
    exact("thirty-two lakh", 3_200_000, 100_000),
    exact("a thousand crore", 1e10, 1e10),
    exact("two million five hundred thousand", 2_500_000, 100_000),
    exact("one trillion", 1e12, 1e12),
    exact("two lakh crore", 2e12, 1e12),
    exact("zero", 0, 1),
]

MULTIPLES_AND_ORDINALS = [
    exact("twice", 2, 1),
    exact("thrice", 3, 1),
    exact("three times", 3, 1),
    exact("3 times", 3, 1),
    exact("1.5 times", 1.5, 0.1),
    exact("fifth", 5, 1),
    exact("5th", 5, 1),
    exact("1st", 1, 1),
    exact("21st", 21, 1),
    exact("22nd", 22, 1),
    exact("23rd", 23, 1),
    exact("11th", 11, 1),
    exact("112th", 112, 1),
    exact("twenty-first", 21, 1),
    exact("twenty first", 21, 1),
    exact("one hundred and fifth", 105, 1),
    exact("hundredth", 100, 1),
    exact("second", 2, 1),
]


def nearly(text: str, hedge: str) -> Any:
    return row(text, 51_300, 54_000, 54_000, "nearly", 1000, hedge=hedge)


def about(text: str, hedge: str) -> Any:
    return row(text, 475, 500, 525, "approximate", 100, hedge=hedge)


def at_least(text: str, hedge: str) -> Any:
    return row(text, 1_200_000, None, INF, "at-least", 100_000, hedge=hedge)


def up_to(text: str, hedge: str) -> Any:
    return row(text, 0, None, 10, "at-most", 1, hedge=hedge, unit="years")


HEDGES = [
    nearly("nearly 54,000", "nearly"),
    nearly("Nearly   54,000", "nearly"),
    nearly("almost 54,000", "almost"),
    nearly("just under 54,000", "just under"),
    nearly("close to 54,000", "close to"),
    nearly("nearly 54k", "nearly"),
    about("about 500", "about"),
    about("approximately 500", "approximately"),
    about("approx. 500", "approx."),
    about("approx 500", "approx"),
    about("around 500", "around"),
    about("roughly 500", "roughly"),
    about("some 500", "some"),
    about("an estimated 500", "an estimated"),
    about("estimated 500", "estimated"),
    about("circa 500", "circa"),
    about("c. 500", "c."),
    about("ca. 500", "ca."),
    about("~500", "~"),
    about("~ 500", "~"),
    about("ABOUT 500.", "about"),
    at_least("at least 1.2 million", "at least"),
    at_least("more than 1.2 million", "more than"),
    at_least("over 1.2 million", "over"),
    at_least("above 1.2 million", "above"),
    at_least("upwards of 1.2 million", "upwards of"),
    at_least("upward of 1.2 million", "upward of"),
    at_least("in excess of 1.2 million", "in excess of"),
    at_least("no fewer than 1.2 million", "no fewer than"),
    at_least("no less than 1.2 million", "no less than"),
    at_least("at minimum 1.2 million", "at minimum"),
    at_least("a minimum of 1.2 million", "a minimum of"),
    at_least("just over 1.2 million", "just over"),
    up_to("up to 10 years", "up to"),
    up_to("at most 10 years", "at most"),
    up_to("no more than 10 years", "no more than"),
    up_to("fewer than 10 years", "fewer than"),
    up_to("less than 10 years", "less than"),
    up_to("under 10 years", "under"),
    up_to("below 10 years", "below"),
    up_to("a maximum of 10 years", "a maximum of"),
    row("nearly twice", 1.9, 2, 2, "nearly", 1, hedge="nearly"),
    row("nearly -5", -5, -5, -4.75, "nearly", 1, hedge="nearly"),
    row("about -5%", -5.25, -5, -4.75, "approximate", 1, hedge="about", unit="percent"),
    row("up to -5", -INF, None, -5, "at-most", 1, hedge="up to"),
]

RANGES = [
    bounds("between 300,000 and 500,000", 300_000, 500_000, "range", hedge="between"),
    bounds("Between 300,000 and 500,000", 300_000, 500_000, "range", hedge="between"),
    bounds("300,000-500,000", 300_000, 500_000, "range"),
    bounds("300,000–500,000", 300_000, 500_000, "range"),
    bounds("300,000—500,000", 300_000, 500_000, "range"),
    bounds("300,000 - 500,000", 300_000, 500_000, "range"),
    bounds("300,000 to 500,000", 300_000, 500_000, "range"),
    bounds("300k-500k", 300_000, 500_000, "range"),
    bounds("between 300 000 and 500 000", 300_000, 500_000, "range", hedge="between"),
    bounds("from 5 to 12", 5, 12, "range", hedge="from"),
    bounds("5–12 years", 5, 12, "range", unit="years"),
    bounds("5 to 10 years", 5, 10, "range", unit="years"),
    bounds("5 years to 12 years", 5, 12, "range", unit="years"),
    bounds("10%-15%", 10, 15, "range", unit="percent"),
    bounds("10-15%", 10, 15, "range", unit="percent"),
    bounds("between 3.4 and 4.9 million", 3_400_000, 4_900_000, "range", hedge="between"),
    bounds("between three and four million", 3e6, 4e6, "range", hedge="between"),
    bounds("3.4 million to 5 billion", 3_400_000, 5e9, "range"),
    bounds("between 500 and 2 million", 500, 2_000_000, "range", hedge="between"),
    bounds("between one hundred and two hundred", 100, 200, "range", hedge="between"),
    bounds("between one hundred and five and two hundred", 105, 200, "range", hedge="between"),
    bounds("-5 to -3", -5, -3, "range"),
    bounds("5-5", 5, 5, "range"),
    bounds("20,000-30,000 a month", 20_000, 30_000, "range", per="month"),
]

MAGNITUDES = [
    bounds("dozens", 24, 99, "magnitude"),
    bounds("hundreds", 100, 999, "magnitude"),
    bounds("thousands", 1000, 9999, "magnitude"),
    bounds("Thousands", 1000, 9999, "magnitude"),
    bounds("tens of thousands", 10_000, 99_999, "magnitude"),
    bounds("hundreds of thousands", 100_000, 999_999, "magnitude"),
    bounds("millions", 1e6, 9_999_999, "magnitude"),
    bounds("tens of millions", 1e7, 99_999_999, "magnitude"),
    bounds("hundreds of millions", 1e8, 999_999_999, "magnitude"),
    bounds("billions", 1e9, 9_999_999_999, "magnitude"),
    bounds("thousands a day", 1000, 9999, "magnitude", per="day"),
]

UNITS = [
    exact("10%", 10, 1, unit="percent"),
    exact("10 %", 10, 1, unit="percent"),
    exact("10 percent", 10, 1, unit="percent"),
    exact("10 per cent", 10, 1, unit="percent"),
    exact("10 pct", 10, 1, unit="percent"),
    exact("4.5%", 4.5, 0.1, unit="percent"),
    exact("-3.5%", -3.5, 0.1, unit="percent"),
    exact("500 square kilometres", 500, 100, unit="km2"),
    exact("500 square kilometers", 500, 100, unit="km2"),
    exact("500 sq km", 500, 100, unit="km2"),
    exact("500 sq. km", 500, 100, unit="km2"),
    exact("500 km2", 500, 100, unit="km2"),
    exact("500 km²", 500, 100, unit="km2"),
    exact("500km²", 500, 100, unit="km2"),
    exact("12 km", 12, 1, unit="km"),
    exact("12 kilometres", 12, 1, unit="km"),
    exact("8 metres", 8, 1, unit="m"),
    exact("8 meters", 8, 1, unit="m"),
    exact("5 years", 5, 1, unit="years"),
    exact("1 year", 1, 1, unit="years"),
    exact("5 yrs", 5, 1, unit="years"),
    exact("6 months", 6, 1, unit="months"),
    exact("3 weeks", 3, 1, unit="weeks"),
    exact("2 days", 2, 1, unit="days"),
    exact("48 hours", 48, 1, unit="hours"),
    exact("100 people", 100, 100, unit="persons"),
    exact("100 persons", 100, 100, unit="persons"),
    exact("five years", 5, 1, unit="years"),
    exact("fifth year", 5, 1, unit="years"),
    row(
        "approximately 500 square kilometres",
        *(475, 500, 525, "approximate", 100),
        hedge="approximately",
        unit="km2",
    ),
]

RATES = [
    exact("30,000 a month", 30_000, 10_000, per="month"),
    exact("30,000 per month", 30_000, 10_000, per="month"),
    exact("30,000 monthly", 30_000, 10_000, per="month"),
    exact("30,000 every month", 30_000, 10_000, per="month"),
    exact("30,000 each month", 30_000, 10_000, per="month"),
    exact("30,000 a year", 30_000, 10_000, per="year"),
    exact("30,000 per year", 30_000, 10_000, per="year"),
    exact("30,000 annually", 30_000, 10_000, per="year"),
    exact("30,000 yearly", 30_000, 10_000, per="year"),
    exact("30,000 per annum", 30_000, 10_000, per="year"),
    exact("30,000 a week", 30_000, 10_000, per="week"),
    exact("30,000 weekly", 30_000, 10_000, per="week"),
    exact("30,000 a day", 30_000, 10_000, per="day"),
    exact("30,000 daily", 30_000, 10_000, per="day"),
    exact("30,000 per day", 30_000, 10_000, per="day"),
    exact("30,000 people a day", 30_000, 10_000, unit="persons", per="day"),
    exact("2% a year", 2, 1, unit="percent", per="year"),
]

FRAMING = [
    exact("a mere 10%", 10, 1, unit="percent", framing=("a mere",)),
    exact("mere 10", 10, 1, framing=("mere",)),
    exact("only 29,000", 29_000, 1000, framing=("only",)),
    exact("just 29,000", 29_000, 1000, framing=("just",)),
    exact("as many as 500", 500, 100, framing=("as many as",)),
    exact("as few as 500", 500, 100, framing=("as few as",)),
    exact("record 500", 500, 100, framing=("record",)),
    exact("a record 500", 500, 100, framing=("a record",)),
    exact("a staggering 500", 500, 100, framing=("a staggering",)),
    exact("staggering 500", 500, 100, framing=("staggering",)),
    exact("a whopping 500", 500, 100, framing=("a whopping",)),
    exact("Only  A Record 500", 500, 100, framing=("only", "a record")),
    row("only about 500", 475, 500, 525, "approximate", 100, hedge="about", framing=("only",)),
    row("about only 500", 475, 500, 525, "approximate", 100, hedge="about", framing=("only",)),
    row("just under 100", 95, 100, 100, "nearly", 100, hedge="just under"),
]

MINUS = [
    exact("-946", -946, 1),
    exact("−946", -946, 1),
    exact("-1,234", -1234, 1),
    exact("−1.5 million", -1_500_000, 100_000),
    exact("−3.5%", -3.5, 0.1, unit="percent"),
    row("about -40", -42, -40, -38, "approximate", 1, hedge="about"),
    row("about −40", -42, -40, -38, "approximate", 1, hedge="about"),
    bounds("-50 to 20", -50, 20, "range"),
    bounds("−50–20", -50, 20, "range"),
    bounds("-50-20", -50, 20, "range"),
    bounds("-50--20", -50, -20, "range"),
    bounds("-50 - -20", -50, -20, "range"),
    bounds("−50–−20", -50, -20, "range"),
    bounds("-50 to -20", -50, -20, "range"),
    bounds("between -50 and -20", -50, -20, "range", hedge="between"),
    bounds("from −5 to 5", -5, 5, "range", hedge="from"),
]

TABLE = [
    *DIGITS,
    *SCALES,
    *WORDS,
    *MULTIPLES_AND_ORDINALS,
    *HEDGES,
    *RANGES,
    *MAGNITUDES,
    *UNITS,
    *RATES,
    *FRAMING,
    *MINUS,
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_reads_every_documented_form(text: str, expected: tuple[Any, ...]) -> None:
    low, best, high, kind, precision, hedge, unit, per, framing = expected
    q = parse_value(text)
    assert (q.low, q.best, q.high) == (low, best, high)
    assert q.kind == kind
    assert q.precision == precision
    assert (q.hedge, q.unit, q.per, q.framing) == (hedge, unit, per, framing)
    assert q.text == text


@pytest.mark.parametrize(
    ("text", "lower_open", "upper_open"),
    [
        ("235,000", False, False),
        ("about 500", False, False),
        ("at least 5", False, True),
        ("more than 5", False, True),
        ("up to 10 years", True, False),
        ("5-12 years", False, False),
        ("tens of thousands", False, False),
    ],
)
def test_open_ends(text: str, lower_open: bool, upper_open: bool) -> None:
    q = parse_value(text)
    assert (q.lower_open, q.upper_open) == (lower_open, upper_open)


STRICT_ABOVE = ["more than", "over", "above", "in excess of", "just over"]
INCLUSIVE_ABOVE = ["at least", "upwards of", "upward of", "no fewer than", "no less than"]
STRICT_BELOW = ["fewer than", "less than", "under", "below"]
INCLUSIVE_BELOW = ["up to", "at most", "no more than", "a maximum of"]


@pytest.mark.parametrize(
    ("text", "low_strict", "high_strict"),
    [
        *[(f"{hedge} 600", True, False) for hedge in STRICT_ABOVE],
        *[(f"{hedge} 600", False, False) for hedge in INCLUSIVE_ABOVE],
        *[(f"{hedge} 600", False, True) for hedge in STRICT_BELOW],
        *[(f"{hedge} 600", False, False) for hedge in INCLUSIVE_BELOW],
        ("More Than 600", True, False),
        ("only just over 600", True, False),
        ("fewer than -20", False, True),
        ("at least 600", False, False),
        ("600", False, False),
        ("about 600", False, False),
        ("nearly 600", False, False),
        ("just under 600", False, False),  # a "nearly" hedge: its best, 600, is the figure
        ("between 500 and 600", False, False),
        ("500-600", False, False),
        ("hundreds", False, False),
    ],
)
def test_strict_bounds_exclude_their_bound(text: str, low_strict: bool, high_strict: bool) -> None:
    q = parse_value(text)
    assert (q.low_strict, q.high_strict) == (low_strict, high_strict)
    # the bound stays the figure as written: only the flag tells "more than" from "at least"
    if low_strict or high_strict:
        assert (q.low if low_strict else q.high) in (600, -20)


@pytest.mark.parametrize("raw", [600, {"low": 600}, {"high": "600"}, {"low": 1, "high": 2}])
def test_numbers_and_mappings_have_no_strict_bound(raw: Any) -> None:
    q = parse_value(raw)
    assert (q.low_strict, q.high_strict) == (False, False)


def test_a_strict_bound_is_kept_on_a_signed_measure() -> None:
    q = parse_value("fewer than 10").unbounded_below()
    assert (q.low, q.high, q.low_strict, q.high_strict) == (-INF, 10, False, True)


@pytest.mark.parametrize(
    "form", [form for form in ACCEPTED_FORMS if not form.startswith("{")], ids=str
)
def test_every_accepted_form_is_read(form: str) -> None:
    assert isinstance(parse_value(form), Quantity)


def test_the_mapping_form_is_read_from_yaml() -> None:
    (form,) = [form for form in ACCEPTED_FORMS if form.startswith("{")]
    q = parse_value(yaml.safe_load(form))
    assert (q.low, q.best, q.high, q.kind) == (300_000, 400_000, 500_000, "range")


def test_tolerances_come_from_the_settings() -> None:
    assert parse_value("about 500", approximate=0.1).low == 450.0
    assert parse_value("about 500", approximate=0.1).high == 550.0
    assert parse_value("nearly 54,000", nearly=0.1).low == 48_600.0
    assert parse_value("about 500", approximate=0).low == 500.0


@pytest.mark.parametrize("tolerance", [-0.1, 1.0, 2.0, math.nan, math.inf])
def test_a_bad_tolerance_is_a_programming_error(tolerance: float) -> None:
    with pytest.raises(ValueError, match="tolerance") as caught:
        parse_value("about 500", approximate=tolerance)
    assert not isinstance(caught.value, ValueTextError)


def test_figures_are_exact() -> None:
    assert parse_value("0.235 million").best == 235_000.0
    assert parse_value("1.2 crore").best == 12_000_000.0
    assert parse_value("0.1").best == 0.1
    assert parse_value("9,007,199,254,740,992").best == 2**53
    assert parse_value("about 0.3").low == 0.285


@pytest.mark.parametrize(
    ("raw", "text", "value"),
    [
        (235000, "235000", 235_000),
        (235646, "235646", 235_646),
        (2550, "2550", 2550),
        (0.1, "0.1", 0.1),
        (4.5, "4.5", 4.5),
        (4.50, "4.5", 4.5),
        (235000.0, "235000.0", 235_000),
        (10.0, "10.0", 10),
        (-3, "-3", -3),
        (-946.5, "-946.5", -946.5),
        (0, "0", 0),
        (2**53, str(2**53), 2**53),
        (10**21, str(10**21), 1e21),
    ],
)
def test_yaml_numbers_are_exact(raw: int | float, text: str, value: float) -> None:
    q = parse_value(raw)
    assert (q.low, q.best, q.high, q.kind) == (value, value, value, "exact")
    # a figure from a data table: no precision, so no rounding allowance
    assert (q.text, q.precision, q.rounding) == (text, None, 0.0)
    assert (q.hedge, q.unit, q.per, q.framing) == (None, None, None, ())


@pytest.mark.parametrize(("raw", "precision"), [("2550", 10), ("235000", 1000), ("0.1", 0.1)])
def test_the_same_figure_as_a_string_was_rounded(raw: str, precision: float) -> None:
    assert parse_value(raw).precision == precision
    assert parse_value(float(raw) if "." in raw else int(raw)).precision is None


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("up to 30,000", 10_000),
        ("up to 29,000", 1000),
        ("at least 1.2 million", 100_000),
        ("more than 600", 100),
        ("fewer than 600", 100),
        ("under 10%", 1),
        ("no more than 4.50", 0.01),
    ],
)
def test_the_stated_end_of_an_open_bound_has_a_precision(text: str, precision: float) -> None:
    assert parse_value(text).precision == precision
    assert parse_value(text).rounding == precision / 2


@pytest.mark.parametrize(
    ("raw", "low", "best", "high", "kind", "lower_open", "upper_open", "precision"),
    [
        ({"low": 300_000, "best": 400_000, "high": 500_000}, 3e5, 4e5, 5e5, "range", 0, 0, None),
        ({"low": 300_000, "best": "400,000", "high": 500_000}, 3e5, 4e5, 5e5, "range", 0, 0, 1e5),
        ({"low": "300,000", "high": "500,000"}, 3e5, None, 5e5, "range", 0, 0, None),
        ({"low": "1.2 million", "high": "2m"}, 1.2e6, None, 2e6, "range", 0, 0, None),
        ({"best": "1.50"}, 1.5, 1.5, 1.5, "exact", 0, 0, 0.01),
        ({"best": 2550}, 2550, 2550, 2550, "exact", 0, 0, None),
        ({"low": 5}, 5, None, INF, "at-least", 0, 1, None),
        ({"low": "1.2 million"}, 1.2e6, None, INF, "at-least", 0, 1, 1e5),
        ({"high": 5}, 0, None, 5, "at-most", 1, 0, None),
        ({"high": "30,000"}, 0, None, 30_000, "at-most", 1, 0, 10_000),
        ({"high": -5}, -INF, None, -5, "at-most", 1, 0, None),
        ({"low": 1, "best": 2}, 1, 2, INF, "at-least", 0, 1, None),
        ({"low": 1, "best": "2"}, 1, 2, INF, "at-least", 0, 1, 1),
        ({"best": 2, "high": 3}, 0, 2, 3, "at-most", 1, 0, None),
        ({"low": 5, "best": None, "high": 5}, 5, None, 5, "range", 0, 0, None),
        ({"low": -3, "high": "-1"}, -3, None, -1, "range", 0, 0, None),
    ],
)
def test_mappings(
    raw: dict[str, object],
    low: float,
    best: float | None,
    high: float,
    kind: str,
    lower_open: int,
    upper_open: int,
    precision: float | None,
) -> None:
    q = parse_value(raw)
    assert (q.low, q.best, q.high, q.kind) == (low, best, high, kind)
    assert (q.lower_open, q.upper_open) == (bool(lower_open), bool(upper_open))
    assert q.precision == precision
    assert q.hedge is None and q.framing == ()


def test_a_mapping_keeps_its_text() -> None:
    q = parse_value({"low": "300,000", "best": None, "high": 500000})
    assert q.text == "{low: 300,000, best: null, high: 500000}"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "unknown word 'abc'"),
        ("235,000 servicemen", "unknown word 'servicemen'"),
        ("milion", "did you mean 'million'?"),
        ("1e6", "unknown word 'e'"),
        ("1,5", "grouped in thousands"),
        ("1,2345", "grouped in thousands"),
        ("0,500", "grouped in thousands"),
        ("12,345,67", "grouped in thousands"),
        ("1.23.45", "grouped in thousands"),
        ("1.234,5", "after its decimal point"),
        ("1,234 567", "mixes commas and spaces"),
        ("5st", "write 5th"),
        ("12nd", "write 12th"),
        ("5.5th", "whole number"),
        ("nearly about 5", "two hedges"),
        ("about 5 to 10", "cannot qualify a range"),
        ("up to 5-10", "cannot qualify a range"),
        ("about thousands", "cannot qualify a magnitude"),
        ("500,000-300,000", "runs backwards"),
        ("between 5", "needs two figures"),
        ("5 to", "needs two figures"),
        ("between 5 or 6", "unknown word 'or'"),
        ("5 years to 12 km", "different units"),
        ("5 years-12 km", "different units"),
        ("%", "no number found"),
        ("only", "no number found"),
        ("a month", "no number found"),
        ("$5", "unexpected character '$'"),
        ("10**30", "unexpected character '*'"),
        ("5 5", "grouped in thousands"),
        ("5 million million", "one figure"),
        ("million 5", "one figure"),
        ("-five", "sign"),
        ("half", "number words"),
        ("million", "'million' needs a count"),
        ("thousand", "'thousand' needs a count"),
        ("hundred years", "'hundred' needs a count"),
        ("a", "number words"),
        ("one one", "number words"),
        ("zero hundred", "number words"),
        ("half a k", "number words"),
        ("10,000,000,000,000,000,000,001", "too large"),
        ("2 billion trillion", "one figure"),
        ("two billion trillion", "too large"),
        ("a thousand crore crore crore", "too large"),
        ("1" * MAX_TEXT_LENGTH, "too large"),
        ("1" * (MAX_TEXT_LENGTH + 1), "too long"),
        (True, "true/false"),
        (False, "true/false"),
        (math.nan, "NaN"),
        (math.inf, "infinity"),
        (-math.inf, "infinity"),
        (1e300, "too large"),
        (10**22, "too large"),
        (-(10**400), "too large"),
        pytest.param(10**5000, "too large", id="10**5000"),  # too long for repr()
        (None, "empty"),
        ([1], "list"),
        ({}, "at least one"),
        ({"low": None}, "at least one"),
        ({"low": 5, "high": 3}, "'low' above 'high'"),
        ({"best": 7, "low": 8}, "'best' outside 'low'..'high'"),
        ({"best": 9, "high": 8}, "'best' outside 'low'..'high'"),
        ({"other": 1}, "unknown key 'other'"),
        ({0: None}, "unknown key '0'"),
        ({"low": True}, "'low': true/false"),
        ({"low": math.nan}, "'low': NaN"),
        ({"best": "about 5"}, "'best': cannot read 'about 5'"),
        ({"best": "5 years"}, "'best': cannot read '5 years'"),
        ({"best": "5 to 6"}, "'best': cannot read '5 to 6'"),
        ({"best": [1]}, "'best': a list"),
        ({"best": "1" * (MAX_TEXT_LENGTH + 1)}, "too long"),
    ],
    ids=lambda value: repr(value)[:40],
)
def test_unreadable_values(raw: Any, reason: str) -> None:
    with pytest.raises(ValueTextError) as caught:
        parse_value(raw)
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    "text",
    [
        "20.000",
        "1.500",
        "about 235.000",
        "between 1.500 and 2.000",
        "1.000 years",
        {"best": "1.500"},
    ],
)
def test_a_dot_before_three_digits_is_refused_as_ambiguous(text: Any) -> None:
    # 20.000 is twenty in English and twenty thousand where a dot groups thousands
    with pytest.raises(ValueTextError) as caught:
        parse_value(text)
    assert "is ambiguous" in caught.value.reason
    assert "(a dot between thousands)" in caught.value.reason


def test_the_ambiguity_says_how_to_write_either_reading() -> None:
    with pytest.raises(ValueTextError) as caught:
        parse_value("20.000")
    assert caught.value.reason == (
        "'20.000' is ambiguous: 20,000 (a dot between thousands) or 20.000 (a decimal point)? "
        "Write '20,000' for thousands; for the decimal, give the value as a YAML number "
        "(value: 20.000) or add a fourth decimal ('20.0000')"
    )
    # both ways out are read as the message says
    assert parse_value("20,000").best == 20_000
    assert (parse_value(20.0).best, parse_value("20.0000").precision) == (20, 0.0001)


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("2.125 million", 2_125_000),
        ("0.235", 0.235),
        ("1.234.567", 1_234_567),
        ("12.3456", 12.3456),
        ("4.375%", 4.375),  # a percentage is never grouped in thousands
        ("1.125 per cent", 1.125),
    ],
)
def test_forms_with_a_dot_that_are_not_ambiguous(text: str, best: float) -> None:
    assert parse_value(text).best == best


def test_the_error_message_quotes_the_text_and_lists_the_forms() -> None:
    with pytest.raises(ValueTextError) as caught:
        parse_value("235,000 servicemen")
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.text == "235,000 servicemen"
    lines = str(error).splitlines()
    assert lines[0] == ("cannot read the value \"235,000 servicemen\": unknown word 'servicemen'")
    assert [line.strip() for line in lines[2:]] == list(ACCEPTED_FORMS)


def test_the_error_message_shortens_long_text_and_shows_control_characters() -> None:
    with pytest.raises(ValueTextError) as caught:
        parse_value("x" * 500)
    assert caught.value.text == "x" * 500
    assert '"' + "x" * 79 + '…"' in str(caught.value)
    with pytest.raises(ValueTextError) as caught:
        parse_value("5\x00")
    assert "'5\\x00'" in str(caught.value)


def test_errors_survive_pickling() -> None:
    with pytest.raises(ValueTextError) as caught:
        parse_value("abc")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.text, copy.reason, str(copy)) == ("abc", caught.value.reason, str(caught.value))


@pytest.mark.parametrize(
    "text",
    [
        "1," * 100,
        "1 " * 100,
        "1-" * 100,
        "1." * 100,
        "-" * MAX_TEXT_LENGTH,
        "~" * MAX_TEXT_LENGTH,
        "a " * 100,
        "and " * 50,
        "half " * 40,
        "crore " * 33,
        "one " * 50,
        "between " + "1 and " * 32,
        "between " + "one hundred and " * 12,
        "from " + "5 to " * 39,
        "1 000 " * 33,
        "about " * 33,
    ],
    ids=lambda text: text[:12],
)
def test_adversarial_text_is_read_quickly(text: str) -> None:
    assert len(text) <= MAX_TEXT_LENGTH
    started = time.perf_counter()
    with contextlib.suppress(ValueTextError):
        parse_value(text)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("word", "canonical"),
    [
        ("year", "years"),
        ("Years", "years"),
        ("yrs", "years"),
        ("month", "months"),
        ("square kilometres", "km2"),
        ("Square  Kilometers", "km2"),
        ("sq km", "km2"),
        ("km2", "km2"),
        ("km²", "km2"),
        ("kilometres", "km"),
        ("metres", "m"),
        ("%", "percent"),
        ("percent", "percent"),
        ("per cent", "percent"),
        ("pct", "percent"),
        ("person", "persons"),
        ("people", "persons"),
        ("persons", "persons"),
        ("Cases", "cases"),
        (" currency:UAH ", "currency:uah"),
        ("m", "m"),
    ],
)
def test_canonical_unit(word: str, canonical: str) -> None:
    assert canonical_unit(word) == canonical


def test_rounding_is_half_the_precision() -> None:
    assert parse_value("30,000").rounding == 5000.0
    assert parse_value("1.50").rounding == 0.005
    assert parse_value("5-12").rounding == 0.0


def test_quantities_are_frozen() -> None:
    q = parse_value("5")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.low = 4.0  # type: ignore[misc]


# --- properties -------------------------------------------------------------------------

SPACES = [" ", "\u00a0", "\u2009", "\u202f"]


def indian(number: int) -> str:
    digits = str(number)
    head, tail = digits[:-3], digits[-3:]
    groups = [tail]
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(groups)


def plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


@st.composite
def written_integers(draw: st.DrawFn) -> tuple[str, int]:
    """An integer and one of the ways a figure file may write it."""
    number = draw(st.integers(min_value=0, max_value=10**15))
    ways = [
        str(number),
        f"{number:,}",
        indian(number),
        f"{number:,}".replace(",", draw(st.sampled_from(SPACES))),
        f"{plain(Decimal(number).scaleb(-6))} million",
        f"{plain(Decimal(number).scaleb(-3))} thousand",
        f"{plain(Decimal(number).scaleb(-9))}bn",
        f"{plain(Decimal(number).scaleb(-5))} lakh",
    ]
    if number % 1000 == 0:
        ways += [f"{number // 1000}k", f"{number // 1000:,}K"]
    return draw(st.sampled_from(ways)), number


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
_LATE_TEENS = ("seventeen", "eighteen", "nineteen")
_UNDER_TWENTY = (*_ONES, *_TEENS, *_LATE_TEENS)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def spell(number: int) -> str:
    """English words for 0 <= number < 10**12, as a journalist writes them."""
    if number < 20:
        return _UNDER_TWENTY[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if number >= size:
            head, rest = divmod(number, size)
            return f"{spell(head)} {name}" + (f" {spell(rest)}" if rest else "")
    raise AssertionError(number)  # pragma: no cover


@given(written_integers())
def test_a_written_integer_reads_back(written: tuple[str, int]) -> None:
    text, number = written
    q = parse_value(text)
    assert (q.low, q.best, q.high, q.kind) == (number, number, number, "exact")


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_number_words_read_back(number: int) -> None:
    q = parse_value(spell(number))
    assert q.best == number
    assert q.precision == parse_value(str(number)).precision


@given(st.decimals(min_value=0, max_value=10**12, places=2))
def test_a_written_decimal_reads_back_with_its_precision(number: Decimal) -> None:
    for text in (f"{number:,f}", f"{number:f}", f"{number:f}%"):
        q = parse_value(text)
        assert q.best == float(number)
        assert q.precision == 0.01


@given(
    written_integers(),
    st.sampled_from(["about", "nearly", "at least", "up to", "only", "as many as"]),
    st.decimals(min_value=0, max_value="0.5", places=3),
)
def test_a_hedged_figure_reads_back(
    written: tuple[str, int], hedge: str, tolerance: Decimal
) -> None:
    text, number = written
    q = parse_value(f"{hedge} {text}", approximate=float(tolerance), nearly=float(tolerance))
    expected = {
        "about": (number * (1 - tolerance), number, number * (1 + tolerance)),
        "nearly": (number * (1 - tolerance), number, number),
        "at least": (number, None, INF),
        "up to": (0, None, number),
    }.get(hedge, (number, number, number))
    assert (q.low, q.best, q.high) == tuple(
        None if bound is None else float(bound) for bound in expected
    )
    assert q.precision == parse_value(text).precision


FRAGMENTS = [
    "about",
    "nearly",
    "at least",
    "up to",
    "between",
    "from",
    "and",
    "to",
    "-",
    "–",
    "only",
    "a mere",
    "235,000",
    "1.50",
    "12",
    "-3",
    "k",
    "million",
    "lakh",
    "two",
    "thousand",
    "a",
    "half",
    "dozen",
    "%",
    "years",
    "a month",
    "per cent",
    "tens of",
    "thousands",
    "twice",
    "times",
    "5th",
    "fifth",
]
fragment_texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map(" ".join)


def check_invariants(q: Quantity) -> None:
    assert q.kind in KINDS
    assert q.low <= q.high
    assert not math.isnan(q.low) and not math.isnan(q.high)
    if q.best is not None:
        assert q.low <= q.best <= q.high
    if not q.text.startswith("{"):  # a mapping may state a best within its bounds
        assert (q.best is None) == (q.kind in {"at-least", "at-most", "range", "magnitude"})
    assert q.precision is None or q.precision >= 0  # 0.0 only for a float like 5e-324
    assert q.upper_open == (q.high == INF)
    assert q.rounding >= 0


@given(st.one_of(fragment_texts, st.text(max_size=40)), st.floats(0, 0.99), st.floats(0, 0.99))
def test_what_is_read_is_a_sound_interval(text: str, approximate: float, nearly: float) -> None:
    try:
        q = parse_value(text, approximate=approximate, nearly=nearly)
    except ValueTextError:
        return
    check_invariants(q)


mapping_items = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    fragment_texts,
)
raw_values = st.one_of(
    st.text(),
    fragment_texts,
    st.floats(),
    st.integers(),
    st.integers(min_value=10**20, max_value=10**500),
    st.booleans(),
    st.none(),
    st.dictionaries(st.sampled_from(["low", "best", "high", "other"]), mapping_items),
    st.lists(st.integers(), max_size=2),
)


@given(raw_values)
def test_only_value_text_errors_escape(raw: Any) -> None:
    try:
        q = parse_value(raw)
    except ValueTextError as error:
        assert error.reason and error.reason in str(error)
        return
    assert isinstance(q, Quantity)
    check_invariants(q)


@given(st.integers(min_value=0, max_value=10**15), st.booleans())
def test_plain_digits_read_the_same_by_the_quick_path_and_the_full_reader(
    number: int, grouped: bool
) -> None:
    from reconcile.intake.values.text import Tolerances, parse_text

    text = f"{number:,}" if grouped else str(number)
    quick = parse_value(text)
    full = parse_text(text, Tolerances.of(0.05, 0.05))
    assert quick == full


def read_both(text: str, approximate: float = 0.05, nearly: float = 0.05) -> tuple[Any, Any]:
    """(the quick path's reading, the full reader's), each a Quantity's repr or the error."""
    from decimal import localcontext

    from reconcile.intake.values.quantity import Unreadable
    from reconcile.intake.values.quick import quick_text
    from reconcile.intake.values.text import Tolerances, parse_text

    tolerances = Tolerances.of(approximate, nearly)
    with localcontext() as context:
        context.prec = 4 * MAX_TEXT_LENGTH
        quick = quick_text(text, tolerances)
        try:
            full: Any = repr(parse_text(text, tolerances))
        except Unreadable as error:
            full = ("error", error.reason)
    return (None if quick is None else repr(quick)), full


QUICK_FORMS = [
    "0",
    "7",
    "251 648",
    "1 234 567",
    "2,000",
    "1,162,763",
    "0.5",
    "12.50",
    "9.9k",
    "1212 thousand",
    "0.235 million",
    "12 345 thousand",
    "1,234k",
    "about 2,000",
    "about 9",
    "nearly 54,000",
    "at least 1,162,763",
    "up to 2,129",
    "up to 0",
    "nearly 0.5",
    "about 1.2 million",
    "between 750,572 and 775,572",
    "between 1 000 and 2 000",
    "between 0.5 and 7",
    "between 7 and 7",
]


@pytest.mark.parametrize("text", QUICK_FORMS)
def test_the_quick_path_reads_common_forms_as_the_full_reader(text: str) -> None:
    quick, full = read_both(text)
    assert quick is not None
    assert quick == full


@pytest.mark.parametrize(
    "text",
    [
        *["between 9 and 7", "1234 567", "0,123", "About 2,000", "about  2,000", "2,000."],
        *["1e3", f"{10**22:,}", "10000000000000000 million", "between 1 and 10 million"],
    ],
)
def test_the_quick_path_leaves_other_texts_to_the_full_reader(text: str) -> None:
    quick, _ = read_both(text)
    assert quick is None


_QUICK_DIGITS = st.one_of(
    st.integers(min_value=0, max_value=10**24).map(str),
    st.integers(min_value=0, max_value=10**24).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**24).map(lambda n: f"{n:,}".replace(",", " ")),
    st.decimals(min_value=0, max_value=10**9, places=3).map(lambda d: f"{d:f}"),
    st.from_regex(r"[0-9][0-9 ,.]{0,12}", fullmatch=True),
)
_QUICK_HEDGE = st.sampled_from(["", "about ", "nearly ", "at least ", "up to ", "only ", "over "])
_QUICK_SCALE = st.sampled_from(["", "k", " thousand", " million", " m", "bn", " years", "%"])


@st.composite
def quick_like_texts(draw: st.DrawFn) -> str:
    """Texts of the quick path's forms, and texts close to them that it must leave alone."""
    if draw(st.booleans()):
        return draw(_QUICK_HEDGE) + draw(_QUICK_DIGITS) + draw(_QUICK_SCALE)
    joiner = draw(st.sampled_from([" and ", " to ", "-", " and  "]))
    return f"between {draw(_QUICK_DIGITS)}{joiner}{draw(_QUICK_DIGITS)}{draw(_QUICK_SCALE)}"


@given(quick_like_texts(), st.floats(0, 0.99), st.floats(0, 0.99))
def test_the_quick_path_reads_what_it_reads_as_the_full_reader(
    text: str, approximate: float, nearly: float
) -> None:
    quick, full = read_both(text, approximate, nearly)
    if quick is not None:
        assert quick == full


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("100 to 500 euros", "currency:eur", 100, 500),
        ("500 EUR", "currency:eur", 500, 500),
        ("2 million USD", "currency:usd", 2_000_000, 2_000_000),
        ("15,000 hryvnias", "currency:uah", 15_000, 15_000),
        ("300 pounds sterling", "currency:gbp", 300, 300),
        ("1,000 roubles", "currency:rub", 1_000, 1_000),
    ],
)
def test_a_currency_named_after_the_figure_is_its_unit(
    text: str, unit: str, low: float, high: float
) -> None:
    value = parse_value(text)
    assert (value.unit, value.low, value.high) == (unit, low, high)
    assert canonical_unit(unit.upper().replace("CURRENCY", "currency")) == unit


def test_digits_of_another_script_are_not_read_as_plain_digits() -> None:
    with pytest.raises(ValueTextError):
        parse_value("1\u0662\u0663")  # "1" and two Arabic-Indic digits
