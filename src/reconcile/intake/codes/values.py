"""The E3xx codes: the values and dates of claims and sources.

Each code once: its title, what it means and how to fix it, a small file that gives it and
the line the command prints for that file. ``python -m reconcile.intake.codes`` writes
docs/errors.md from these.
"""

from __future__ import annotations

from reconcile.intake.codes.entry import ErrorCode, Example, File

UNREADABLE_VALUE = ErrorCode(
    "E301",
    "unreadable value",
    help="""\
A claim's `value` cannot be read as a figure. The message quotes the text and shows a sample
of the accepted forms; docs/format.md lists them all. Rewrite the value in one of them, or
give it as `{low: .., best: .., high: ..}`.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
measures:
  crowd:
    label: "People at the rally"
    unit: persons
claims:
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: "lots and lots"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:13:12: error E301 cannot read the value 'lots and lots': unknown word 'lots'; accepted forms include '235,000', '235k', '0.235 million', 'thirty thousand', 'nearly 54,000', 'about 500', 'at least 1.2 million', 'up to 10 years', 'between 300,000 and 500,000', '5–12 years', 'tens of thousands', '10%', '30,000 a month', 'fifth' (docs/format.md lists them all)
""",
    ),
)

LOW_ABOVE_HIGH = ErrorCode(
    "E302",
    "low above high",
    help="""\
The lower bound of a value is above its upper bound: in `{low: .., high: ..}`, or in a range
written backwards (`500-300`). Swap the bounds.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
measures:
  crowd:
    label: "People at the rally"
    unit: persons
claims:
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: {low: 15000, high: 12000}
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:13:12: error E302 cannot read the value '{low: 15000, high: 12000}': 'low' above 'high'; accepted forms include '235,000', '235k', '0.235 million', 'thirty thousand', 'nearly 54,000', 'about 500', 'at least 1.2 million', 'up to 10 years', 'between 300,000 and 500,000', '5–12 years', 'tens of thousands', '10%', '30,000 a month', 'fifth' (docs/format.md lists them all)
""",
    ),
)

NEGATIVE_FIGURE = ErrorCode(
    "E303",
    "negative figure",
    help="""\
A value goes below zero (`-12,000`, `−12,000`, `-5 to 2`, `{low: -10, best: 20}`) on a
measure that is not marked `signed: true`. Figures below zero are accepted only on a signed
measure, such as excess deaths (a deficit) or a change on the year before (a fall), whatever
the claim's `type`. The message names the measure and where it is defined, which may be
another file of a split dataset. Add `signed: true` to that measure if its figures can fall
below zero; otherwise correct the sign.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
measures:
  crowd:
    label: "People at the rally"
    unit: persons
claims:
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: "-12,000"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:13:12: error E303 the value '-12,000' is below zero, but measure 'crowd' (figures.yaml:6) is not signed; add 'signed: true' to measure 'crowd' if its figures can fall below zero, or correct the sign
""",
    ),
)

NOT_FINITE = ErrorCode(
    "E304",
    "not a finite number",
    help="""\
A value is infinite or not a number (`.inf`, `.nan`). A figure must be a finite number; for
a figure open above, write `at least ...`.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
measures:
  crowd:
    label: "People at the rally"
    unit: persons
claims:
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: .inf
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:13:12: error E304 inf is not a finite number
""",
    ),
)

UNIT_DISAGREES = ErrorCode(
    "E305",
    "unit does not agree",
    help="""\
The value is written in a unit (`2 to 3 months`) that is not the unit the claim counts in:
the claim's own `unit`, or else its measure's. Write the figure in that unit, or set the
claim's `unit` when the document counts in another unit than the measure.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Council approves new fines"
measures:
  fine-term:
    label: "Time allowed to pay a parking fine"
    unit: days
claims:
  - id: paper-fine-term
    measure: fine-term
    source: city-paper
    value: "2 to 3 months"
    type: legal-range
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:13:12: error E305 the value is written in months but the unit of measure 'fine-term' is days; write the figure in days or set the claim's unit
""",
    ),
)

RATE_PERIOD_DISAGREES = ErrorCode(
    "E306",
    "rate period does not agree",
    help="""\
The period of a rate is wrong: the value says one period (`300 a day`) and `per` another, or
a claim of `type: rate` has no period at all. Make the two agree, or give the rate its
period in `per` or in the value (`30,000 a month`).
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
measures:
  crowd:
    label: "People at the rally"
    unit: persons
claims:
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: "300 a day"
    type: rate
    per: month
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:15:10: error E306 the value says per day but per is month
""",
    ),
)

RATE_NOT_A_RATE = ErrorCode(
    "E307",
    "rate in the value of a claim that is not a rate",
    help="""\
The value is written as a rate (`some 15,000 a week`, `2,000 daily`, `30,000 per month`) but
the claim's `type` is not `rate`. A figure per period is not a total: held against totals as
if it were one, its comparisons would contradict each other. Set `type: rate` if the document
gives a rate, or write the value without its period if the figure is a total.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Record visitors at the summer fair"
measures:
  visitors:
    label: "Visitors to the fair"
    unit: persons
claims:
  - id: paper-visitors
    measure: visitors
    source: city-paper
    value: "some 15,000 a week"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:13:12: error E307 the value 'some 15,000 a week' is a rate (per week) but the claim's type is count: a figure per period is accepted only with type: rate; set 'type: rate', or write the value without its period if the figure is a total
""",
    ),
)

INVALID_DATE = ErrorCode(
    "E310",
    "invalid date",
    help="""\
A date cannot be read, or does not exist. Dates are written `2025`, `2025-10` or
`2025-10-14`, `unknown`, or with a leading `~` when the document implies the date without
stating it (`~2025-08-30`).
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
    published: 2025-02-30
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:5:16: error E310 impossible date '2025-02-30' (day is out of range for month); accepted: 2025, 2025-10, 2025-10-14, unknown, or an inferred date such as ~2025-08-30
""",
    ),
)

PERIOD_REVERSED = ErrorCode(
    "E311",
    "period ends before it starts",
    help="""\
A claim's `period` ends before it starts (a partial date stands for all its days, so
`2025-03` ends on 31 March). Swap `start` and `end`, or correct the date.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
measures:
  crowd:
    label: "People at the rally"
    unit: persons
claims:
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: "12,000"
    period: {start: 2025-06, end: 2025-03}
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:14:13: error E311 period ends (2025-03) before it starts (2025-06)
""",
    ),
)
