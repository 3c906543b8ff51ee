"""A value copied wrong from its own quote is caught; a quote that may give the figure some
other way (in words, among several numbers, with a decimal comma) is not held to it."""

from __future__ import annotations

import pytest

from reconcile.intake.values import parse_value
from reconcile.model.quotes import figures_in, misquoted


def _misquoted(value: str, quote: str) -> str | None:
    read = parse_value(value)
    return misquoted(read.low, read.best, read.high, quote)


@pytest.mark.parametrize(
    ("value", "quote", "figure"),
    [
        ("186,000", "there were 176,000 AWOL cases", "176,000"),
        ("54,000", "nearly 45,000 deserted", "45,000"),
        ("only 35,000", "with only 29,000 soldiers returning", "29,000"),
        ("1.5 million", "about 1.2 million people", "1.2 million"),
        ("186,000", "In 2024, 176,000 cases were opened", "176,000"),  # a year aside
        ("120", "about 100", "100"),
        ("80%", "about 8% of those arrested", "8"),  # a zero too many
        ("3.5", "a rate of 35 per cent", "35"),  # a slipped decimal point
    ],
)
def test_a_figure_near_the_value_but_not_it_is_reported(
    value: str, quote: str, figure: str
) -> None:
    assert _misquoted(value, quote) == figure


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("nearly 54,000", "nearly 54,000 desertions"),
        ("235k", "235 thousand men"),
        ("0.235 million", "235,000 men"),
        ("235\u202f000", "235,000"),
        ("a mere 10%", "a mere 10 per cent"),
        ("about 20,000", "some 19,500 people"),  # inside the value's own interval
        ("more than 45,000", "50,000 came"),
        ("30,000", "thirty thousand people"),  # in words
        ("9", "Nine people were killed and 12 injured"),  # AP style: the value may be in words
        ("15", "On 12 May, fifteen people were killed"),
        ("8", "At 10:30, eight trains were stopped"),
        ("12.5", "a rise of 12,5%"),  # a decimal comma
        ("1.2 million", "1,2 million people"),
        ("at least 3,400,000", "between 3.4 and 4.9 million"),  # two figures
        ("5–12 years", "from 5 to 10 years"),
        ("5,000", "under Article 12 of the code"),  # far from the value
        ("54,000", "154,000 left"),  # more than twice away
        ("tens of thousands", "some 20,000"),
        ("2014", "2014 people were counted for item 1125"),  # the value, though year-like
        ("1,500", "under Article 1,200 of the code"),  # a label, not a count
        ("40", "No. 45 was closed"),
        ("1,000", "<script>alert(1)</script>"),  # a thousand times: not a slip of one zero
    ],
)
def test_a_quote_that_gives_the_value_or_may_give_it_otherwise_passes(
    value: str, quote: str
) -> None:
    assert _misquoted(value, quote) is None


def test_figures_are_read_scaled_and_kept_as_written() -> None:
    # "12,34" is not grouped in thousands: its "12" is read, the "34" after a comma is not;
    # "10:30" is a time, read as no figure
    text = "235k and 1.5 million, 12,34 and 1 234 567 at 10:30"
    assert [(number, written) for number, written, _ in figures_in(text)] == [
        (235_000, "235k"),
        (1_500_000, "1.5 million"),
        (12, "12"),
        (1_234_567, "1 234 567"),
    ]
