"""A rate written in the value ("some 15,000 a week") is accepted only on a claim of
``type: rate``: on any other type it is E307, at the value."""

from __future__ import annotations

import pytest

from reconcile.intake.loader import read_text
from reconcile.intake.problems import InputError
from reconcile.model.dataset import Dataset
from reconcile.model.validate import build

HEAD = """\
version: 1
sources:
  paper:
    title: "Visitors at the fair"
measures:
  visitors:
    label: "Visitors"
    unit: persons
claims:
  - id: a
    measure: visitors
    source: paper
"""


def dataset(fields: str) -> Dataset:
    return build([read_text("figures.yaml", (HEAD + fields).encode())])


def problems(fields: str) -> list[tuple[str, int, int, str]]:
    with pytest.raises(InputError) as caught:
        dataset(fields)
    return [(p.code, p.line, p.col, p.message) for p in caught.value.problems]


RATES = [
    ("some 15,000 a week", "week"),
    ("30,000 monthly", "month"),
    ("2,000 per day", "day"),
    ("five a year", "year"),
    ("20,000-30,000 a month", "month"),
    ("thousands a day", "day"),
    ("up to 500 each week", "week"),
]


@pytest.mark.parametrize(("value", "per"), RATES)
@pytest.mark.parametrize("claim_type", ["count", "estimate", "limit", "target", "share"])
def test_a_rate_in_the_value_of_another_type_is_e307(value: str, per: str, claim_type: str) -> None:
    ((code, line, col, message),) = problems(f'    value: "{value}"\n    type: {claim_type}\n')
    assert (code, line, col) == ("E307", 13, 12)
    assert message == (
        f"the value {value!r} is a rate (per {per}) but the claim's type is {claim_type}: a "
        "figure per period is accepted only with type: rate; set 'type: rate', or write the "
        "value without its period if the figure is a total"
    )


def test_the_default_type_is_a_count() -> None:
    ((code, *_, message),) = problems('    value: "some 15,000 a week"\n')
    assert code == "E307" and "the claim's type is count" in message


@pytest.mark.parametrize(("value", "per"), RATES)
def test_a_rate_in_the_value_of_a_rate_is_read(value: str, per: str) -> None:
    claim = dataset(f'    value: "{value}"\n    type: rate\n').claims["a"].claim
    assert claim.effective_per == per


def test_a_rate_that_disagrees_with_per_is_still_e306() -> None:
    ((code, line, col, _),) = problems('    value: "300 a day"\n    type: rate\n    per: month\n')
    assert (code, line, col) == ("E306", 15, 10)


def test_a_total_is_no_rate() -> None:
    assert dataset('    value: "15,000"\n').claims["a"].claim.value.per is None
