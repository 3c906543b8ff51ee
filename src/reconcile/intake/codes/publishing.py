"""The E5xx codes: what ``reconcile export --format claimreview`` needs to publish the ratings.

Each code once: its title, what it means and how to fix it, a small file that gives it and
the line the command prints for that file. ``python -m reconcile.intake.codes`` writes
docs/errors.md from these.
"""

from __future__ import annotations

from reconcile.intake.codes.entry import ErrorCode, Example, File

PUBLISH_FIELD_MISSING = ErrorCode(
    "E501",
    "field needed to publish missing",
    help="""\
`reconcile export --format claimreview` writes a ClaimReview for each rated review, and a
ClaimReview cannot be published without its author and its address: the files have no
top-level `publisher` (reported at the top of the first file), or a review's `rating` has no
`url` (reported at the rating). Add the desk that publishes the fact-checks as `publisher`,
and each rating's `url`, the address of the published fact-check. Every missing field is
reported in one run, and nothing is written.
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
      claim: organisers-crowd
      label: "Exaggerated"
"""),
        ),
        command="export --format claimreview figures.yaml",
        output="""\
figures.yaml:1:1: error E501 publisher not set: a ClaimReview's author is the desk that publishes it; add 'publisher: {name: ..., url: https://...}' at the top level of one file
figures.yaml:13:5: error E501 rating.url not set in the review of police-crowd, organisers-crowd: a ClaimReview is published at the address of its fact-check; add 'url: https://...'
""",
    ),
)

ADDRESS_NOT_PUBLISHABLE = ErrorCode(
    "E502",
    "address cannot be published",
    help="""\
A rating's `url`, or the publisher's, is not a plain http or https address: another scheme
(`javascript:`, `ftp:`), a relative path, or an address with spaces, quotes or angle
brackets. Search engines read a ClaimReview only at a web address, and a page must not link
anything else; write the full `https://` address.
""",
    example=Example(
        files=(
            File("""\
version: 1
publisher: {name: "Riverside Fact Desk", url: "factdesk.example.org"}
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
    rating: {claim: organisers-crowd, label: "Exaggerated", url: "https://factdesk.example.org/checks/rally turnout"}
"""),
        ),
        command="export --format claimreview figures.yaml",
        output="""\
figures.yaml:2:42: error E502 publisher.url 'factdesk.example.org' is not an http or https address
figures.yaml:14:61: error E502 rating.url 'https://factdesk.example.org/checks/rally turnout' in the review of police-crowd, organisers-crowd is not an http or https address
""",
    ),
)
