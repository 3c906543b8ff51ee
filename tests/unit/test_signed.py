"""Signed measures: a figure below zero is accepted on a measure marked ``signed: true`` and
refused on any other (E303, whatever the claim's type); on a signed measure a low end left
open is unbounded below, and every output copes with that end."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from reconcile.intake.loader import read_text
from reconcile.intake.problems import InputError
from reconcile.model.dataset import Dataset
from reconcile.model.entries import Measure
from reconcile.model.validate import build

HEAD = """\
version: 1
sources:
  paper:
    title: "Fewer visitors at the fair"
    published: 2024-05
  wire:
    title: "Fair numbers"
    published: 2024-06
measures:
  change:
    label: "Change in visitors on the year before"
    unit: persons
    signed: true
  visitors:
    label: "Visitors"
    unit: persons
claims:
"""


def claim(claim_id: str, measure: str, value: str, extra: str = "") -> str:
    return (
        f"  - id: {claim_id}\n    measure: {measure}\n    source: paper\n"
        f"    value: {value}\n{extra}"
    )


def dataset(*claims: str, head: str = HEAD) -> Dataset:
    return build([read_text("figures.yaml", (head + "".join(claims)).encode())])


def problems(*claims: str, head: str = HEAD) -> list[tuple[str, int, int, str]]:
    with pytest.raises(InputError) as caught:
        dataset(*claims, head=head)
    return [(p.code, p.line, p.col, p.message) for p in caught.value.problems]


def test_signed_is_a_measure_field_that_defaults_to_false() -> None:
    assert Measure(label="x", unit="persons").signed is False
    assert Measure(label="x", unit="persons", signed=True).signed is True


NEGATIVE_VALUES = [
    '"-946"',
    '"−946"',
    '"about -40"',
    '"about −40"',
    '"-50 to 20"',
    '"−50–20"',
    '"-50--20"',
    '"-50 to -20"',
    '"between -50 and -20"',
    "-946",
    "-9.5",
    "{low: -922, best: 972, high: 2866}",
    '{low: "−922", best: 972}',
    "{best: -3}",
    "{high: -5}",
    '"up to -5"',
    '"fewer than −5"',
]


@pytest.mark.parametrize("value", NEGATIVE_VALUES)
def test_a_negative_figure_is_read_on_a_signed_measure(value: str) -> None:
    record = dataset(claim("a", "change", value)).claims["a"]
    assert record.claim.value.low < 0


@pytest.mark.parametrize("value", NEGATIVE_VALUES)
def test_a_negative_figure_on_an_unsigned_measure_is_e303_at_its_value(value: str) -> None:
    ((code, line, col, message),) = problems(claim("a", "visitors", value))
    assert (code, line, col) == ("E303", 21, 12)
    assert "below zero" in message
    assert "measure 'visitors' (figures.yaml:14) is not signed" in message
    assert "add 'signed: true' to measure 'visitors' if its figures can fall below zero" in message


@pytest.mark.parametrize("claim_type", ["count", "estimate", "share", "rate", "legal-range"])
def test_the_measure_decides_not_the_claim_type(claim_type: str) -> None:
    extra = f"    type: {claim_type}\n" + ("    per: year\n" if claim_type == "rate" else "")
    assert dataset(claim("a", "change", '"-3"', extra)).claims["a"].claim.value.best == -3
    ((code, *_),) = problems(claim("a", "visitors", '"-3"', extra))
    assert code == "E303"


def test_zero_and_positive_figures_need_no_sign() -> None:
    data = dataset(claim("a", "visitors", '"0"'), claim("b", "visitors", '"-0"'))
    assert [r.claim.value.low for r in data.claims.values()] == [0, 0]


def test_the_message_names_the_file_that_defines_the_measure() -> None:
    measures = read_text(
        "measures.yaml",
        b"version: 1\nmeasures:\n  visitors:\n    label: Visitors\n    unit: persons\n",
    )
    claims = read_text(
        "claims.yaml",
        b'version: 1\nsources:\n  paper:\n    title: "Fair"\nclaims:\n'
        b'  - id: a\n    measure: visitors\n    source: paper\n    value: "-12"\n',
    )
    with pytest.raises(InputError) as caught:
        build([measures, claims])
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.col, problem.code) == ("claims.yaml", 9, 12, "E303")
    assert "measure 'visitors' (measures.yaml:3) is not signed" in problem.message
    # marked signed in its own file, the claim in the other file passes
    signed = read_text(
        "measures.yaml",
        b"version: 1\nmeasures:\n  visitors:\n    label: Visitors\n    unit: persons\n"
        b"    signed: true\n",
    )
    assert build([signed, claims]).claims["a"].claim.value.best == -12


def test_a_claim_on_an_unknown_measure_is_not_also_called_negative() -> None:
    found = problems(claim("a", "nowhere", '"-12"'))
    assert [code for code, *_ in found] == ["E203"]


@pytest.mark.parametrize(
    ("value", "low", "best", "high"),
    [
        ('"up to 10"', -math.inf, None, 10),
        ('"fewer than 10"', -math.inf, None, 10),
        ('"at most 0"', -math.inf, None, 0),
        ("{high: 5}", -math.inf, None, 5),
        ("{best: 2, high: 3}", -math.inf, 2, 3),
        ('"at least 5"', 5, None, math.inf),
        ('"5 to 10"', 5, None, 10),
        ('"about 500"', 475, 500, 525),
    ],
)
def test_open_below_is_unbounded_on_a_signed_measure(
    value: str, low: float, best: float | None, high: float
) -> None:
    data = dataset(claim("a", "change", value), claim("b", "visitors", value))
    signed, unsigned = data.claims["a"].claim.value, data.claims["b"].claim.value
    assert (signed.low, signed.best, signed.high) == (low, best, high)
    assert signed.lower_open == unsigned.lower_open
    if unsigned.lower_open:
        assert unsigned.low == 0  # on an unsigned measure an open low end is 0
        assert signed.text == unsigned.text and signed.precision == unsigned.precision
    else:
        assert signed == unsigned


# --- every output copes with an end unbounded below --------------------------------------

OUTPUTS_FILE = HEAD + "".join(
    [
        claim("up", "change", '"up to 10"'),
        claim("fewer", "change", '"fewer than -20"', "    source: wire\n").replace(
            "    source: paper\n", "", 1
        ),
        claim("deficit", "change", '"−946"'),
        claim("more", "change", '"more than 50"'),
        claim("range", "change", '"-50--30"'),
        claim("mapped", "change", "{low: -922, best: 972}"),
    ]
)


def strict_json(text: str) -> Any:
    """JSON as the standard defines it: no Infinity, -Infinity or NaN."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def outputs_file(tmp_path: Path) -> Path:
    path = tmp_path / "figures.yaml"
    path.write_text(OUTPUTS_FILE, encoding="utf-8")
    return path


def test_claims_json_writes_an_end_unbounded_below_as_null(outputs_file: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("claims", "--format", "json", str(outputs_file))
    assert result.exit_code == 0
    claims = {c["id"]: c for c in strict_json(result.stdout)["claims"]}
    assert (claims["up"]["low"], claims["up"]["high"]) == (None, 10)
    assert (claims["more"]["low"], claims["more"]["high"]) == (50, None)
    assert (claims["deficit"]["low"], claims["deficit"]["best"]) == (-946, -946)
    assert (claims["range"]["low"], claims["range"]["high"]) == (-50, -30)


def test_claims_table_markdown_and_csv_show_an_end_unbounded_below(outputs_file: Path, run) -> None:  # type: ignore[no-untyped-def]
    table = run("claims", str(outputs_file)).stdout
    up = next(line for line in table.splitlines() if " up " in line)
    assert "−∞" in up and "10" in up
    markdown = run("claims", "--format", "markdown", str(outputs_file)).stdout
    assert "| up | change | persons | −∞ |  | 10 |" in markdown
    csv = run("claims", "--format", "csv", str(outputs_file)).stdout
    assert "\nup,change,persons,,,10,False,False,up to 10," in csv


@pytest.mark.parametrize(
    "args",
    [
        ("compare",),
        ("compare", "--format", "json"),
        ("compare", "--format", "markdown"),
        ("check", "--format", "json"),
        ("check", "--format", "sarif"),
        ("report", "--format", "markdown"),
        ("report", "--format", "html"),
    ],
    ids=" ".join,
)
def test_every_output_copes_with_an_end_unbounded_below(
    outputs_file: Path, run, args: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    result = run(*args, str(outputs_file))
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "unbounded to" not in result.stdout  # a low end without bound is not a figure
    if "json" in args or "sarif" in args:
        strict_json(result.stdout)


def test_summaries_say_how_far_the_figures_run(outputs_file: Path, run) -> None:  # type: ignore[no-untyped-def]
    compare = run("compare", str(outputs_file)).stdout
    assert "spread unbounded both ways (persons)" in compare
    report = run("report", "--format", "markdown", str(outputs_file)).stdout
    assert "the figures are unbounded both ways (persons)." in report
    assert "up to 10 (10 or less)" in report


def test_fewer_than_zero_is_below_zero() -> None:
    # nothing is fewer than 0 on an unsigned measure: the figure is a negative one
    ((code, _, _, message),) = problems(claim("a", "visitors", '"fewer than 0"'))
    assert code == "E303"
    assert "the value 'fewer than 0' is below zero" in message
    value = dataset(claim("a", "change", '"fewer than 0"')).claims["a"].claim.value
    assert (value.low, value.high, value.high_strict) == (-math.inf, 0, True)
    assert dataset(claim("a", "visitors", '"up to 0"')).claims["a"].claim.value.high == 0


def test_claims_json_shows_strict_bounds(outputs_file: Path, run) -> None:  # type: ignore[no-untyped-def]
    claims = {
        c["id"]: c
        for c in strict_json(run("claims", "--format", "json", str(outputs_file)).stdout)["claims"]
    }
    strict = {key: (c["low_strict"], c["high_strict"]) for key, c in claims.items()}
    assert strict == {
        "up": (False, False),
        "fewer": (False, True),
        "deficit": (False, False),
        "more": (True, False),
        "range": (False, False),
        "mapped": (False, False),
    }
