"""The E2xx codes: the structure of the file: keys, required fields, types and choices, ids and
the references between them.

Each code once: its title, what it means and how to fix it, a small file that gives it and
the line the command prints for that file. ``python -m reconcile.intake.codes`` writes
docs/errors.md from these.
"""

from __future__ import annotations

from reconcile.intake.codes.entry import ErrorCode, Example, File

VERSION_UNSUPPORTED = ErrorCode(
    "E200",
    "missing or unsupported version",
    help="""\
The `version` field is missing, or is not a version this `reconcile` reads (only `1`). Start
the file with `version: 1`. A missing version is reported at the start of the document; a
wrong one at its value.
""",
    example=Example(
        files=(
            File("""\
version: 2
sources: {}
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:1:10: error E200 version 2 is not supported; this reconcile reads version 1
""",
    ),
)

UNKNOWN_KEY = ErrorCode(
    "E201",
    "unknown key",
    help="""\
A key is not one the format knows at this place (often a typo). The message names the
closest known key, when one is close, and lists every key accepted there.
""",
    example=Example(
        files=(
            File("""\
version: 1
measures:
  crowd:
    lable: "People at the rally"
    unit: persons
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:4:5: error E201 unknown key 'lable' (did you mean 'label'?); accepted here: label, unit, definition, cumulative, sum_of, part_of, confusable_with, signed
""",
    ),
)

REQUIRED_MISSING = ErrorCode(
    "E202",
    "required field missing",
    help="""\
A required field is missing, or written with nothing after it (`measure:`, as in the claim
stubs that `reconcile extract` writes until a person chooses their measure). The required
fields are `title` for a source, `name` for an origin, `label` and `unit` for a measure, `id`,
`measure`, `value` and `source` for a claim, `op` and `of` for `derived`, and `claims`,
`verdict` and `reason` for a review. The position is the item that lacks the field, or the
empty key; fill it in.
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
    source: city-paper
    value: "12,000"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:10:5: error E202 measure not set: 'measure' is required
""",
    ),
)

UNKNOWN_REFERENCE = ErrorCode(
    "E203",
    "unknown reference",
    help="""\
An id refers to something that is not defined in any of the files read together: a claim's
`measure`, `source`, `origin`, `superseded_by` or `derived.of`, a measure's `sum_of`,
`part_of` or `confusable_with`, or a review's `claims`. The message suggests the closest
defined id. Fix the spelling, or define the item.
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
    measure: crowds
    source: city-paper
    value: "12,000"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:11:14: error E203 unknown measure 'crowds' (did you mean 'crowd'?)
""",
    ),
)

DUPLICATE_ID = ErrorCode(
    "E204",
    "id defined twice",
    help="""\
An id is defined twice: a key under `sources`, `origins` or `measures`, or a claim's `id`,
anywhere in the files read together. The message gives the place of the other definition.
Rename one of the two, or remove the copy.
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
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: "13,000"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:14:5: error E204 claim id 'paper-crowd' is defined twice: also at figures.yaml:10
""",
    ),
)

WRONG_TYPE = ErrorCode(
    "E205",
    "wrong type or choice",
    help="""\
A field has the wrong type (a list where text is expected, text where a number is) or a
value that is not one of its choices (`kind`, `type`, `rank`, `per`, `verdict`, `reason`,
`reliability`); the message lists the accepted choices. The same code covers an id that is
not a valid id (letters, digits, `-`, `_`, `.` and `:`), a section of the wrong shape, a
setting out of range, files read together whose `settings`, `topic` or `publisher` differ
(at the value in the file whose name sorts later), a claim with both
`period` and `as_of`, `superseded_by` without `rank: deprecated`, and a `ratio` or
`difference` that is not derived from exactly two claims.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
    kind: newspaper
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:5:11: error E205 kind: must be 'news', 'wire', 'state-media', 'official', 'ngo', 'research', 'blog' or 'unknown', not 'newspaper'
""",
    ),
)

INVALID_RELATION = ErrorCode(
    "E206",
    "invalid relation",
    help="""\
A relation cannot hold: a measure related to itself (in its own `sum_of`, `part_of` or
`confusable_with`), measures that are, through `sum_of`, parts of themselves, or a claim
derived from itself. Remove the relation that loops back.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-budget:
    title: "City budget 2025"
measures:
  spending:
    label: "City spending"
    unit: currency:EUR
claims:
  - id: schools
    measure: spending
    source: city-budget
    value: "1.5 million"
  - id: total
    measure: spending
    source: city-budget
    value: "4.2 million"
    derived: {op: sum, of: [schools, total]}
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:18:38: error E206 claim 'total' is derived from itself
""",
    ),
)

TOO_MANY_ITEMS = ErrorCode(
    "E207",
    "too many items in a section",
    help="""\
A section of one file (`claims`, `sources`, `origins`, `measures` or `reviews`) has more
than 500,000 items; the section is not checked further. Split the file into several in one
folder and pass the folder, which is read as one. The output below is for a file whose
`claims` list has 500,001 items.
""",
    example=Example(
        files=(
            File(
                """\
version: 1
claims:
  - {id: c1, measure: crowd, source: city-paper, value: "12,000"}
  - {id: c2, measure: crowd, source: city-paper, value: "12,000"}
  # ... 500,001 claims in all
""",
                lang="text",
            ),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:3:3: error E207 500,001 claims in one file; the limit is 500,000 a section (split the file: a folder of figure files is read as one)
""",
        run=False,
    ),
)

RATING_MISFIT = ErrorCode(
    "E208",
    "rating does not fit its review",
    help="""\
A review's `rating` judges a claim that the review does not list, or its numeric `value`
lies outside the scale from `worst` to `best` (1 to 5 when they are not given), or the scale
has no length (`best` equal to `worst`), or `best` and `worst` are given without a `value`.
Rate one of the claims the review lists, and give the value on the scale the fact-check
published.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  paper: {title: "Rally draws crowds", kind: news}
measures:
  crowd: {label: "People at the rally", unit: persons}
claims:
  - {id: police-crowd, measure: crowd, value: "12,000", source: paper}
  - {id: organisers-crowd, measure: crowd, value: "50,000", source: paper}
reviews:
  - claims: [police-crowd, organisers-crowd]
    verdict: disputed
    reason: sourcing
    rating:
      claim: organisers-count
      label: "Exaggerated"
      url: https://factdesk.example.org/checks/rally
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:14:14: error E208 the rating judges organisers-count, which the review does not list; rate one of police-crowd, organisers-crowd
""",
    ),
)
