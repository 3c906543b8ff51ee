"""A review is shown beside the tool's likely reason, in compare (text and JSON), check and
the report, and each says when the review's reason and the tool's differ. Before, compare
showed only "[reviewed]", and no output set the review's reason against the tool's."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.conftest import BUNDLED

# The police (interest lower) say 12,000 and the organisers (interest higher) 50,000: the
# tool's likely reason is `sourcing`. One reviewer agrees; the other puts it down to
# `method` (each side counted its own way).
FIGURES = textwrap.dedent(
    """\
    version: 1
    sources:
      herald: {title: "Rally draws crowds", outlet: "Herald", kind: news}
      courier: {title: "Thousands march", outlet: "Courier", kind: news}
    origins:
      police: {name: "City police", kind: official, party: city, interest: lower}
      organisers: {name: "March organisers", kind: advocacy, party: movement, interest: higher}
    measures:
      crowd: {label: "People at the rally", unit: persons}
    claims:
      - {id: police-crowd, measure: crowd, value: "12,000", source: herald, origin: police}
      - {id: organisers-crowd, measure: crowd, value: "50,000", source: courier,
         origin: organisers}
    reviews:
      - claims: [organisers-crowd, police-crowd]
        verdict: disputed
        reason: REASON
        note: "Police count at the peak;
          organisers count everyone who came."
        reviewed: 2025-06-02
    """
)


def write(tmp_path: Path, reason: str) -> Path:
    path = tmp_path / "figures.yaml"
    path.write_text(FIGURES.replace("REASON", reason), encoding="utf-8")
    return path


def comparison(document: dict[str, object], *claims: str) -> dict[str, object]:
    found = [c for c in document["comparisons"] if sorted(c["claims"]) == sorted(claims)]  # type: ignore[attr-defined,index]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


PAIR = ("organisers-crowd", "police-crowd")


def test_compare_json_gives_the_review_and_whether_it_differs(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    differing = json.loads(
        run("compare", "--format", "json", str(write(tmp_path, "method"))).stdout
    )
    shown = comparison(differing, *PAIR)
    assert shown["likely_reason"] == "sourcing"
    assert shown["review"] == {
        "verdict": "disputed",
        "reason": "method",
        "note": "Police count at the peak; organisers count everyone who came.",
        "reviewed": "2025-06-02",
        "reason_differs": True,
    }
    agreeing = json.loads(
        run("compare", "--format", "json", str(write(tmp_path, "sourcing"))).stdout
    )
    assert comparison(agreeing, *PAIR)["review"]["reason_differs"] is False  # type: ignore[index]


def test_compare_text_shows_the_review_under_the_likely_reason(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", str(write(tmp_path, "method")))
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines()]
    gist = next(i for i, line in enumerate(lines) if "likely reason: sourcing." in line)
    likely = next(i for i, line in enumerate(lines) if line.startswith("- sourcing:"))
    assert gist < likely
    review = next(i for i, line in enumerate(lines) if line.startswith("reviewed 2025-06-02:"))
    assert review > likely
    words = " ".join(lines[review:])
    assert words.startswith(
        "reviewed 2025-06-02: disputed, method: Police count at the peak; organisers count "
        "everyone who came. (the tool's likely reason is sourcing: the two differ)"
    )
    same = run("compare", str(write(tmp_path, "sourcing"))).stdout
    assert "(the tool's likely reason too)" in " ".join(same.split())


def test_check_gives_the_review_beside_the_likely_reason_and_still_passes(
    run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "method")
    result = run("check", "--format", "parsable", str(path))
    assert result.exit_code == 0  # a difference is information, not a failure
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{path}:12:6: note sourcing reviewed major conflict: ")
    assert (
        "; reviewed 2025-06-02: disputed, method: Police count at the peak; organisers count "
        "everyone who came. (the tool's likely reason is sourcing: the two differ) (other "
        "claims: police-crowd at line 11)"
    ) in line
    document = json.loads(run("check", "--format", "json", str(path)).stdout)
    assert comparison(document, *PAIR)["review"]["reason_differs"] is True  # type: ignore[index]


def test_the_report_says_when_the_review_differs(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "method")
    for name in ("report.html", "report.md"):
        out = tmp_path / name
        result = run("report", str(path), "--output", str(out))
        assert result.exit_code == 0, result.stderr
        page = out.read_text(encoding="utf-8")
        assert "The review's reason differs from the tool's: sourcing." in page, name
    agreeing = write(tmp_path, "sourcing")
    out = tmp_path / "agreeing.html"
    assert run("report", str(agreeing), "--output", str(out)).exit_code == 0
    assert "differs from the tool's" not in out.read_text(encoding="utf-8")


def test_on_the_bundled_file_every_likely_reason_is_the_reviewers(run) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(run("compare", "--format", "json", str(BUNDLED)).stdout)
    conflicts = [c for c in document["comparisons"] if c["status"] == "conflict"]
    assert len(conflicts) == 7 and all(c["reviewed"] for c in conflicts)
    pairs = sorted((c["claims"], c["likely_reason"], c["review"]["reason"]) for c in conflicts)
    assert pairs == [
        (["aj-awol-penalty", "aj-desertion-penalty"], "definition", "definition"),
        (["aj-awol-total", "tass-exodus"], "definition", "definition"),  # a magnitude
        (["aj-awol-year", "tass-exodus"], "definition", "definition"),
        (["aj-desertion-penalty", "tass-desertion-penalty"], "definition", "definition"),
        (["tass-exodus", "aj-awol-total", "aj-desertion-total"], "definition", "definition"),
        (["tass-exodus", "tass-left-service"], "definition", "definition"),
        (["tass-left-service", "aj-awol-total", "aj-desertion-total"], "sourcing", "sourcing"),
    ]
    assert not any(c["review"]["reason_differs"] for c in conflicts)
