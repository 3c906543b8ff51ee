"""Compare a figure file written in a test, and assert one comparison by its claim ids.

A test writes its figure file as a ``textwrap.dedent`` string, or builds it with
:func:`figure_file` from :func:`claim`, :func:`measure` and :func:`origin` entries.
:func:`compare_yaml` reads it together with :data:`SOURCES`, a second file that defines two
neutral news sources, ``herald`` and ``courier``, published on the same day, so that a test
needs to define only what its case rests on (a file may be split; the sections of both are
merged). :func:`check` compares a file and asserts one comparison in one call.

:func:`example` reads the worked example of a reason's docstring the same way, and
:func:`documented` checks that a sentence the docstring quotes is what the reason says, so
that the documentation cannot drift from the code.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Iterable, Mapping

from reconcile.engine.compare import CompareResult, Comparison, compare
from reconcile.engine.reasons import Reason
from reconcile.engine.reasons.__main__ import docstring, literal_blocks
from reconcile.intake.loader import read_text
from reconcile.model.validate import build, load
from tests.conftest import BUNDLED

SOURCES = textwrap.dedent(
    """\
    version: 1
    sources:
      herald:
        title: "Morning report"
        outlet: "Daily Herald"
        published: 2025-06-01
        kind: news
      courier:
        title: "Evening report"
        outlet: "Evening Courier"
        published: 2025-06-01
        kind: news
    """
)


def compare_yaml(text: str) -> CompareResult:
    """Build a dataset from ``text`` (plus :data:`SOURCES`) and compare it."""
    files = [
        read_text("sources.yaml", SOURCES.encode()),
        read_text("figures.yaml", textwrap.dedent(text).encode()),
    ]
    return compare(build(files))


def _flow(fields: Mapping[str, str]) -> str:
    """A YAML flow mapping of ``fields``, whose values are written as given."""
    return "{" + ", ".join(f"{key}: {value}" for key, value in fields.items()) + "}"


def claim(id: str, measure: str, value: str, source: str, **fields: str) -> str:
    """A claim entry; ``value`` is quoted unless it is a ``{low, best, high}`` mapping, and
    ``fields`` (``origin``, ``type``, ``as_of``, ...) are YAML written as given."""
    written = value if value.startswith("{") else f'"{value}"'
    return _flow({"id": id, "measure": measure, "value": written, "source": source, **fields})


def measure(label: str, unit: str, **fields: str) -> str:
    """A measure entry; ``fields`` (``part_of``, ``sum_of``, ...) are YAML written as given."""
    return _flow({"label": f'"{label}"', "unit": f'"{unit}"', **fields})


def origin(name: str, kind: str, **fields: str) -> str:
    """An origin entry; ``fields`` (``party``, ``reliability``) are YAML written as given."""
    return _flow({"name": f'"{name}"', "kind": kind, **fields})


CHARGED_MEASURES = {
    "arrests": measure("Arrests", "persons", cumulative="true"),
    "summonses": measure("Summonses issued", "persons", cumulative="true"),
    "charged": measure(
        "People charged", "persons", sum_of="[arrests, summonses]", cumulative="true"
    ),
}
"""Measures of people charged, the sum of those arrested and those summonsed (running
totals: a count as of a date is the total so far)."""


def figure_file(
    *claims: str,
    measures: Mapping[str, str],
    origins: Mapping[str, str] | None = None,
    sources: Mapping[str, str] | None = None,
    settings: str | None = None,
) -> str:
    """A figure file of ``claims`` (from :func:`claim`) and the named entries of each section."""
    lines = ["version: 1"]
    if settings is not None:
        lines.append(f"settings: {settings}")
    for section, entries in (("sources", sources), ("origins", origins), ("measures", measures)):
        if entries:
            lines.append(f"{section}:")
            lines += [f"  {name}: {entry}" for name, entry in entries.items()]
    lines.append("claims:")
    lines += [f"  - {entry}" for entry in claims]
    return "\n".join(lines) + "\n"


def find(result: CompareResult, claims: Iterable[str]) -> Comparison:
    """The one comparison of exactly these claims, in any order."""
    wanted = frozenset(claims)
    found = [c for c in result.comparisons if frozenset(c.claims) == wanted]
    listed = [sorted(c.claims) for c in result.comparisons]
    assert found, f"{sorted(wanted)} not compared; comparisons: {listed}"
    assert len(found) == 1, f"{sorted(wanted)} compared {len(found)} times"
    return found[0]


def reason(comparison: Comparison, code: str) -> Reason:
    """The reason ``code`` of a comparison (it must have fired)."""
    for fired in comparison.reasons:
        if fired.code == code:
            return fired
    codes = [r.code for r in comparison.reasons]
    raise AssertionError(f"{code} did not fire for {list(comparison.claims)}; fired: {codes}")


def assert_comparison(
    result: CompareResult,
    claims: Iterable[str],
    status: str,
    severity: str | None = None,
    fires: Iterable[str] = (),
    not_fires: Iterable[str] = (),
    likely: str | None = None,
) -> Comparison:
    """Assert the comparison of ``claims`` and return it.

    ``status`` is always checked. A comparison that is not a conflict must have no severity;
    for a conflict, ``severity`` and ``likely`` (the code of the top reason) are checked when
    given. ``fires`` and ``not_fires`` list reason codes that must, or must not, fire.
    """
    comparison = find(result, claims)
    codes = [r.code for r in comparison.reasons]
    where = f"{sorted(comparison.claims)} (reasons: {codes})"
    assert comparison.status == status, f"{where}: status {comparison.status}, not {status}"
    if status != "conflict":
        assert comparison.severity is None, f"{where}: severity {comparison.severity}"
    elif severity is not None:
        assert comparison.severity == severity, f"{where}: severity {comparison.severity}"
    for code in fires:
        assert code in codes, f"{where}: {code} did not fire"
    for code in not_fires:
        assert code not in codes, f"{where}: {code} fired: {reason(comparison, code)}"
    if likely is not None:
        top = comparison.likely_reason
        assert top is not None and top.code == likely, f"{where}: likely reason is not {likely}"
    return comparison


def check(
    text: str,
    claims: Iterable[str],
    status: str,
    severity: str | None = None,
    fires: Iterable[str] = (),
    not_fires: Iterable[str] = (),
    likely: str | None = None,
) -> Comparison:
    """Compare the figure file ``text`` and assert the comparison of ``claims`` (see
    :func:`assert_comparison`)."""
    return assert_comparison(compare_yaml(text), claims, status, severity, fires, not_fires, likely)


def cites(comparison: Comparison, code: str, *texts: str) -> Reason:
    """The reason ``code``, after asserting that its explanation contains every text."""
    fired = reason(comparison, code)
    for text in texts:
        assert text in fired.explanation, f"{text!r} not in {code}: {fired.explanation!r}"
    return fired


_ELIDED = re.compile(r"\.\.\.(\s*\})")


def example(code: str, block: int = 0) -> str:
    """The figure file of a reason's worked example: the docstring's ``::`` block ``block``.

    A docstring example leaves out what its case does not rest on: ``version``, and the
    fields of a claim written as ``...`` (here ``source: herald``, of :data:`SOURCES`).
    """
    blocks = literal_blocks(docstring(code))
    assert len(blocks) > block, f"reason {code} has no example block {block}"
    return "version: 1\n" + _ELIDED.sub(r"source: herald\1", blocks[block]) + "\n"


def documented(comparison: Comparison, code: str, quote: str) -> Reason:
    """Assert that reason ``code``'s docstring quotes ``quote`` and that the reason says it.

    The quote is matched against the docstring with its line breaks taken as spaces; a "…"
    in it stands for words the docstring leaves out, so each piece between them must appear
    in the explanation, in order.
    """
    page = " ".join(docstring(code).split())
    assert quote in page, f"the docstring of {code} does not quote {quote!r}"
    fired = reason(comparison, code)
    rest = fired.explanation
    for piece in (p.strip() for p in quote.split("…")):
        at = rest.find(piece)
        assert at >= 0, f"{piece!r} not in {code}: {fired.explanation!r}"
        rest = rest[at + len(piece) :]
    return fired


def briefed(comparison: Comparison, code: str, brief: str) -> Reason:
    """The reason ``code``, after asserting that its brief is exactly ``brief``."""
    fired = reason(comparison, code)
    assert fired.brief == brief, f"{code}: {fired.brief!r}"
    return fired


@functools.cache
def bundled() -> CompareResult:
    """The comparisons of the bundled figure file, data/figures.yaml (compared once)."""
    return compare(load([BUNDLED]))
