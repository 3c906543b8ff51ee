"""The command line as a user and a CI job see it: exit code, stdout and stderr."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

import pytest

from reconcile import __version__
from reconcile.model.schema import schema_text
from tests.conftest import BUNDLED, ROOT

DANGLING = textwrap.dedent(
    """\
    version: 1
    sources:
      paper: {title: "Rally draws crowds", kind: news}
    measures:
      crowd: {label: "People at the rally", unit: persons}
    claims:
      - id: paper-crowd
        measure: crowds
        source: paper
        value: "12,000"
    """
)

FORMULA = textwrap.dedent(
    """\
    version: 1
    sources:
      paper: {title: "Rally draws crowds", kind: news}
    measures:
      crowd: {label: "People at the rally", unit: persons}
    claims:
      - id: paper-crowd
        measure: crowd
        source: paper
        value: "12,000"
        quote: "=HYPERLINK(\\"http://example.com\\")"
        note: "+1 said the police"
    """
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"reconcile {__version__}\n", "")


def test_validate_bundled_file_passes(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "--format", "parsable", str(BUNDLED))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("valid: ")
    assert "claims" in result.stderr


def test_validate_parsable_names_file_line_column(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "figures.yaml", DANGLING)
    result = run("validate", "--format", "parsable", str(path))
    assert result.exit_code == 2
    assert result.stdout == (
        f"{path}:8:14: error E203 unknown measure 'crowds' (did you mean 'crowd'?)\n"
    )
    assert result.stderr == "1 problem in 1 file\n"


def test_validate_github_annotations(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "figures.yaml", DANGLING)
    result = run("validate", "--format", "github", str(path))
    assert result.exit_code == 2
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert result.stdout == (
        f"::group::{path}\n"
        f"::error file={escaped},line=8,col=14,title=E203 unknown reference::"
        "8:14 [E203] unknown measure 'crowds' (did you mean 'crowd'?)\n"
        "::endgroup::\n"
        "1 problem in 1 file\n"
    )


def test_validate_auto_picks_github_in_actions(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "figures.yaml", DANGLING)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("validate", str(path))
    assert result.stdout.startswith(f"::group::{path}\n::error file=")


def test_validate_json(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "figures.yaml", DANGLING)
    result = run("validate", "--format", "json", str(path))
    document = json.loads(result.stdout)
    assert result.exit_code == 2
    assert document["version"] == 1
    assert document["success"] is False
    assert document["findings"] == [
        {
            "file": str(path),
            "line": 8,
            "col": 14,
            "severity": "error",
            "code": "E203",
            "title": "unknown reference",
            "message": "unknown measure 'crowds' (did you mean 'crowd'?)",
        }
    ]


def test_missing_path_is_a_clear_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.yaml"
    result = run("validate", "--format", "parsable", str(missing))
    assert result.exit_code == 2
    assert result.stdout == f"{missing}:1:1: error E101 no such file or folder\n"


def test_a_folder_file_with_a_misspelt_version_is_reported_not_skipped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "main.yaml").write_text(DANGLING.replace("measure: crowds", "measure: crowd"))
    extra = DANGLING.replace("version: 1", "verison: 1").replace("paper-crowd", "extra-crowd")
    (folder / "extra.yaml").write_text(extra.replace("measure: crowds", "measure: crowd"))
    (folder / "mkdocs.yml").write_text("site_name: Figures\nnav: [index.md]\n")  # not figures
    result = run("validate", "--format", "parsable", str(folder))
    assert result.exit_code == 2
    extra_path = folder / "extra.yaml"
    assert result.stdout.splitlines()[:2] == [
        f"{extra_path}:1:1: error E200 version missing: start the file with 'version: 1'",
        f"{extra_path}:1:1: error E201 unknown key 'verison' (did you mean 'version'?); "
        "accepted here: version, topic, settings, sources, origins, measures, claims, reviews, "
        "publisher",
    ]
    assert "mkdocs.yml" not in result.stdout


def test_a_figure_file_can_come_through_standard_input(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    command = [sys.executable, "-m", "reconcile", "validate", "--format", "parsable", "-"]
    # through a pipe: source texts are named from the current folder
    shutil.copytree(BUNDLED.parent / "sources", tmp_path / "sources")
    piped = subprocess.run(
        command, input=BUNDLED.read_bytes(), capture_output=True, cwd=tmp_path, check=False
    )
    assert (piped.returncode, piped.stdout) == (0, b"")
    assert piped.stderr.startswith(b"valid: 20 claims")
    # redirected from a file: from the folder of that file
    with BUNDLED.open("rb") as stdin:
        redirected = subprocess.run(command, stdin=stdin, capture_output=True, cwd=ROOT.parent)
    assert redirected.returncode == 0, redirected.stdout
    # a pipe with no source texts beside it: the error names the file as standard input
    missing = subprocess.run(
        command, input=BUNDLED.read_bytes(), capture_output=True, cwd=tmp_path / "sources"
    )
    assert missing.returncode == 2
    assert missing.stdout.startswith(b"/dev/stdin:18:11: error E402 cannot read source text")


def test_compare_defaults_to_the_bundled_file(  # type: ignore[no-untyped-def]
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run("compare", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert [f["path"] for f in document["files"]] == ["data/figures.yaml"]


def test_compare_json_is_versioned_and_deterministic(run) -> None:  # type: ignore[no-untyped-def]
    first = run("compare", "--format", "json", str(BUNDLED))
    second = run("compare", "--format", "json", str(BUNDLED))
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    document = json.loads(first.stdout)
    assert document["version"] == 1
    assert set(document["summary"]) == {
        "claims",
        "comparisons",
        "consistent",
        "compatible",
        "conflict",
        "major",
        "minor",
        "reviewed",
    }
    summary = document["summary"]
    assert summary["comparisons"] == len(document["comparisons"])
    assert (
        summary["consistent"] + summary["compatible"] + summary["conflict"]
        == (summary["comparisons"])
    )
    conflicts = [c for c in document["comparisons"] if c["status"] == "conflict"]
    # the first reason is the likely one when it accounts for the gap (scores 0.5 or more);
    # otherwise the conflict is unexplained, and says which fields to check
    for c in conflicts:
        top = c["reasons"][0] if c["reasons"] else None
        if top is not None and top["score"] >= 0.5:
            assert (c["likely_reason"], c["unexplained"]) == (top["code"], None)
        else:
            assert c["likely_reason"] == "unexplained"
            assert c["unexplained"].startswith("no reason ")
            assert "; check " in c["unexplained"]
    others = [c for c in document["comparisons"] if c["status"] != "conflict"]
    assert all(c["likely_reason"] is None and c["gap"] is None for c in others)


@pytest.mark.parametrize("output_format", ["table", "markdown"])
def test_compare_views_show_the_conflicts(run, output_format: str) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", "--format", output_format, str(BUNDLED))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "tass-left-service" in result.stdout
    assert "likely" in result.stdout


def test_compare_filters(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "compare",
        "--format",
        "json",
        "--status",
        "conflict",
        "--min-severity",
        "major",
        "--reason",
        "definition",
        str(BUNDLED),
    )
    comparisons = json.loads(result.stdout)["comparisons"]
    assert comparisons
    for c in comparisons:
        assert (c["status"], c["severity"]) == ("conflict", "major")
        assert "definition" in [r["code"] for r in c["reasons"]]


def test_compare_refuses_a_severity_with_statuses_that_hold_no_conflict(run) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", "--status", "consistent", "--min-severity", "major", str(BUNDLED))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: --min-severity keeps only conflicts, and --status consistent keeps none: "
        "add --status conflict, or leave out one of the two\n"
    )
    both = run(
        "compare",
        "--status",
        "consistent",
        "--status",
        "conflict",
        "--min-severity",
        "major",
        "--format",
        "json",
        str(BUNDLED),
    )
    assert both.exit_code == 0
    assert {c["status"] for c in json.loads(both.stdout)["comparisons"]} == {"conflict"}


def test_compare_unknown_measure_filter(run) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", "--measure", "awoll", str(BUNDLED))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: --measure 'awoll' is not a measure in the files (did you mean 'awol'?)\n"
    )


def test_compare_invalid_input_goes_to_stderr(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "figures.yaml", DANGLING)
    result = run("compare", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{path}:8:14: error E203" in result.stderr
    assert "Traceback" not in result.stderr


def test_claims_csv_cannot_run_formulas(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "figures.yaml", FORMULA)
    result = run("claims", "--format", "csv", str(path))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["id"] == "paper-crowd"
    assert rows[0]["low"] == "12000"
    cells = [cell for row in rows for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_claims_json_fields(run) -> None:  # type: ignore[no-untyped-def]
    result = run("claims", "--format", "json", "--measure", "amnesty-returns", str(BUNDLED))
    claims = json.loads(result.stdout)["claims"]
    by_id = {c["id"]: c for c in claims}
    assert set(by_id) == {"aj-amnesty-returns", "tass-amnesty-returns"}
    limit = by_id["aj-amnesty-returns"]
    assert (limit["low"], limit["best"], limit["high"]) == (0, None, 30000)
    assert limit["hedge"] == "up to"
    assert limit["period"] == {"start": "2024-11-01", "end": None}
    count = by_id["tass-amnesty-returns"]
    assert count["period"] == {"start": None, "end": "2025-08-30"}
    assert count["inferred_dates"] is True
    assert count["framing"] == ["only"]
    assert isinstance(count["line"], int) and count["file"] == str(BUNDLED)
    text = BUNDLED.read_text(encoding="utf-8").splitlines()
    assert text[count["line"] - 1].strip() == "- id: tass-amnesty-returns"


def test_schema_file_is_current(run) -> None:  # type: ignore[no-untyped-def]
    committed = (ROOT / "schema" / "figures.schema.json").read_text(encoding="utf-8")
    assert schema_text() == committed, (
        "regenerate with: reconcile schema > schema/figures.schema.json"
    )
    assert run("schema").stdout == committed


def test_status_filter_shows_only_measures_with_such_comparisons(run) -> None:  # type: ignore[no-untyped-def]
    everything = run("compare", "--format", "markdown", str(BUNDLED)).stdout
    conflicts = run("compare", "--format", "markdown", "--status", "conflict", str(BUNDLED)).stdout
    assert "## abandoning-posts" in everything
    assert "## abandoning-posts" not in conflicts
    assert "## desertion-penalty" in conflicts


def test_the_hooks_read_the_whole_folder_not_each_changed_file() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        # a file of claims alone lacks the sources and measures of its sibling files
        assert hook["pass_filenames"] is False, hook["id"]
        assert hook["args"] == ["data/"], hook["id"]
        assert hook["entry"].startswith("reconcile "), hook["id"]
