"""A value copied wrong from its own quote is caught; a quote that does not give the figure in
digits, or gives only far-off numbers, is not held to it."""

from __future__ import annotations

import pytest

from reconcile.quotes import missing_from_quote, numbers_in


@pytest.mark.parametrize(
    ("value", "quote", "near"),
    [
        ("186,000", "there were 176,000 AWOL cases", ["176,000"]),
        ("54,000", "nearly 45,000 deserted", ["45,000"]),
        ("only 35,000", "with only 29,000 soldiers returning", ["29,000"]),
        ("1.5 million", "about 1.2 million people", ["1.2 million"]),
    ],
)
def test_a_figure_near_the_value_but_not_it_is_reported(
    value: str, quote: str, near: list[str]
) -> None:
    assert missing_from_quote(value, quote) == near


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("nearly 54,000", "nearly 54,000 desertions"),
        ("235k", "235 thousand men"),
        ("0.235 million", "235,000 men"),
        ("235\u202f000", "235,000"),
        ("5–12 years", "5 to 12 years"),
        ("5–12 years", "from 5 to 10 years"),  # one figure of the value is there: enough
        ("a mere 10%", "a mere 10 per cent"),
        ("between 1.5 and 2 million", "1.5 million to 2 million"),
        ("30,000", "thirty thousand people"),  # in words: not held to it
        ("30,000", "In 2024, thirty thousand people"),  # a year is not the figure
        ("2,000", "In 2024 some two thousand"),
        ("5,000", "under Article 12 of the code"),  # far from the value
        ("tens of thousands", "some 20,000"),  # no digits in the value
    ],
)
def test_a_quote_that_gives_the_value_or_nothing_near_it_passes(value: str, quote: str) -> None:
    assert missing_from_quote(value, quote) is None


def test_numbers_are_read_with_their_scale_and_as_written() -> None:
    # "12,34" is not grouped in thousands: its "12" is read, the "34" after a comma is not
    assert numbers_in("235k and 1.5 million, 12,34 and 1 234 567") == {
        235: "235k",
        235_000: "235k",
        1.5: "1.5 million",
        1_500_000: "1.5 million",
        12: "12",
        1_234_567: "1 234 567",
    }


@pytest.mark.parametrize(
    ("value", "quote", "near"),
    [
        ("54", "54.5 left", ["54.5"]),  # not the start of a longer figure
        ("100", "1.100 and 100.5", ["100.5"]),  # nor the end of one
        ("54,000", "154,000 left", None),  # more than twice the value: not held to it
        ("100", "100", None),  # the whole quote
        ("120", "about 100", ["100"]),
    ],
)
def test_the_value_as_written_counts_only_as_a_whole_figure(
    value: str, quote: str, near: list[str] | None
) -> None:
    assert missing_from_quote(value, quote) == near
