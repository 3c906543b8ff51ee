"""The E4xx codes: quotes checked against the text of their sources.

Each code once: its title, what it means and how to fix it, a small file that gives it and
the line the command prints for that file. ``python -m reconcile.intake.codes`` writes
docs/errors.md from these.
"""

from __future__ import annotations

from reconcile.intake.codes.entry import ErrorCode, Example, File

QUOTE_NOT_FOUND = ErrorCode(
    "E401",
    "quote not found in source text",
    help="""\
A claim's `quote` is not in the text of its source (the `text:` file of the source, relative
to the figure file). White space, curly and straight quotes and the several dashes are
folded before the search; everything else must match. The message shows the closest passage
of the text and how similar it is. Copy the quote again from the text, or fix the figure. In
the example, `sources/rally.txt` says "joined the march" where the quote says "joined the
rally".
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
    text: sources/rally.txt
measures:
  crowd:
    label: "People at the rally"
    unit: persons
claims:
  - id: paper-crowd
    measure: crowd
    source: city-paper
    value: "about 12,000"
    quote: "Police said about 12,000 people joined the rally"
"""),
            File(
                """\
Police said about 12,000 people joined the march through the old town.
""",
                name="sources/rally.txt",
                lang="text",
            ),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:15:12: error E401 quote not found in sources/rally.txt; closest passage (95% similar): 'Police said about 12,000 people joined the ma'
""",
    ),
)

SOURCE_TEXT_UNREADABLE = ErrorCode(
    "E402",
    "source text unreadable",
    help="""\
A source's `text:` file cannot be read: it does not exist, or it is not UTF-8. The path is
relative to the figure file. Correct the path, add the file, or save it as UTF-8. Quotes
from that source are not checked.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
    text: sources/rally.txt
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:5:11: error E402 cannot read source text 'sources/rally.txt': No such file or directory
""",
    ),
)

VALUE_NOT_IN_QUOTE = ErrorCode(
    "E403",
    "value not in its quote",
    help="""\
A claim's `value` is written in digits, and its `quote` gives one figure in digits that lies
outside the value's interval, within a factor of two of it or exactly ten times it or a tenth
of it: the value was most likely copied wrong from its own quote (or the quote from the
text), or lost or gained a zero. Figures match however they are
written (`235k`, `235 thousand` and `235,000` are one figure), and a figure inside the value's
interval matches (`about 20,000` takes in 19,500). Only a quote that gives a single figure in
digits is held to its value (years and labels such as "item 14" or "Article 12" aside): a
quote with numbers in words (the value may be one of them), several figures, a decimal comma
or a time is not. Correct the value, or the quote. In the example, the quote says 176,000 and the value 186,000.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Cases registered"
measures:
  cases:
    label: "Cases registered"
    unit: cases
claims:
  - id: paper-cases
    measure: cases
    source: city-paper
    value: "186,000"
    quote: "The courts registered more than 176,000 cases"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:13:12: error E403 the value '186,000' is not what its quote gives (176,000); correct the value, or the quote
""",
    ),
)
