"""``reconcile diff`` against a git revision: a real repository built in a temporary folder.

Each test commits a figure file (and the source text its quotes are checked against), then
changes the working tree, and reads the committed version with :func:`load_revision`.
"""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from reconcile.engine.diff import diff, load_revision
from reconcile.intake.problems import InputError
from reconcile.intake.revisions import GitError
from reconcile.model.validate import load
from tests.acceptance.test_markdown_gfm import render, shown_text

FIGURES = textwrap.dedent(
    """\
    version: 1
    sources:
      herald:
        title: "Morning report"
        outlet: "Daily Herald"
        published: 2025-06-01
        kind: news
        text: sources/herald.txt
      courier: {title: "Evening report", outlet: "Evening Courier", published: 2025-06-01,
                kind: news}
    measures:
      visitors: {label: "Visitors to the fair", unit: persons}
    claims:
      - id: visitors-herald
        measure: visitors
        value: "{value}"
        source: herald
        quote: "{quote}"
      - {id: visitors-courier, measure: visitors, value: "500", source: courier}
    """
)

SOURCE = "The organisers said 500 people came to the fair on Saturday.\n"


def figures(value: str = "500", quote: str = "500 people came to the fair") -> str:
    return FIGURES.replace("{value}", value).replace("{quote}", quote)


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def commit(repo: Path, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one commit: the figure file and its source text."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    commit(
        root,
        {"data/figures.yaml": figures(), "data/sources/herald.txt": SOURCE},
        "Add the visitor figures",
    )
    return root


def test_a_move_and_a_new_conflict(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path("data/figures.yaml")
    (repo / path).write_text(figures(value="1,500"), encoding="utf-8")
    # the working tree's source text no longer holds the old quote: the old version's quotes
    # are checked against the text at the revision
    (repo / "data/sources/herald.txt").write_text("Rewritten.\n", encoding="utf-8")
    old = load_revision("HEAD", [path], cwd=repo)
    assert [f.name for f in old.files] == ["data/figures.yaml"]
    assert old.claims["visitors-herald"].claim.value.text == "500"

    (repo / "data/sources/herald.txt").write_text(SOURCE, encoding="utf-8")
    monkeypatch.chdir(repo)
    result = diff(old, load([path]))
    (change,) = result.claims_changed
    assert change.id == "visitors-herald"
    assert change.value is not None
    assert (change.value.direction, change.value.move) == ("up", 1_000)
    assert result.new_conflicts == 1
    (appeared,) = result.appeared
    assert appeared.claims == ("visitors-courier", "visitors-herald")
    assert appeared.old is not None and appeared.old.status == "consistent"
    assert appeared.new is not None and appeared.new.severity == "major"


def test_an_earlier_revision_and_a_folder(repo: Path) -> None:
    commit(
        repo,
        {
            "data/figures.yaml": figures(value="1,500"),
            "data/notes.yaml": "not: a figure file\n",
            "data/.drafts/draft.yaml": "version: 1\nclaims: [nonsense]\n",
        },
        "Raise the herald's figure",
    )
    old = load_revision("HEAD~1", [Path("data")], cwd=repo)
    new = load_revision("HEAD", [Path("data")], cwd=repo)
    assert [f.name for f in new.files] == ["data/figures.yaml"]
    result = diff(old, new)
    assert [c.id for c in result.claims_changed] == ["visitors-herald"]
    assert result.new_conflicts == 1


def test_a_file_deleted_from_the_working_tree(repo: Path) -> None:
    (repo / "data/figures.yaml").unlink()
    old = load_revision("HEAD", [Path("data/figures.yaml")], cwd=repo)
    assert set(old.claims) == {"visitors-herald", "visitors-courier"}


def test_an_absolute_path(repo: Path) -> None:
    path = repo / "data" / "figures.yaml"
    old = load_revision("HEAD", [path])
    assert [f.name for f in old.files] == [str(path)]


def test_not_a_repository(tmp_path: Path, repo: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "figures.yaml").write_text(figures(), encoding="utf-8")
    with pytest.raises(GitError) as caught:
        load_revision("HEAD", [plain / "figures.yaml"])
    assert str(caught.value) == f"{str(plain / 'figures.yaml')!r} is not inside a git repository"


@pytest.mark.parametrize("rev", ["nope", "--output=x", ""])
def test_unknown_revision(repo: Path, rev: str) -> None:
    with pytest.raises(GitError) as caught:
        load_revision(rev, [Path("data/figures.yaml")], cwd=repo)
    assert str(caught.value) == f"unknown revision {rev!r}"
    assert not (repo / "x").exists()


def test_path_absent_at_the_revision(repo: Path) -> None:
    (repo / "data/later.yaml").write_text(figures(), encoding="utf-8")
    for name in ("data/later.yaml", "data/never.yaml"):
        with pytest.raises(GitError) as caught:
            load_revision("HEAD", [Path(name)], cwd=repo)
        assert str(caught.value) == f"{name} does not exist at revision HEAD"


def test_invalid_at_the_revision(repo: Path) -> None:
    commit(repo, {"data/figures.yaml": figures(value="lots of")}, "Break the value")
    commit(repo, {"data/figures.yaml": figures()}, "Fix the value")
    load_revision("HEAD", [Path("data/figures.yaml")], cwd=repo)
    with pytest.raises(InputError) as caught:
        load_revision("HEAD~1", [Path("data/figures.yaml")], cwd=repo)
    (problem,) = caught.value.problems
    assert (problem.file, problem.code) == ("data/figures.yaml", "E301")
    assert problem.message.startswith("at revision HEAD~1: ")


def test_quote_checked_at_the_revision(repo: Path) -> None:
    commit(repo, {"data/figures.yaml": figures(quote="500 people came to the show")}, "Misquote")
    commit(repo, {"data/figures.yaml": figures()}, "Quote again")
    with pytest.raises(InputError) as caught:
        load_revision("HEAD~1", [Path("data/figures.yaml")], cwd=repo)
    (problem,) = caught.value.problems
    assert problem.code == "E401"
    assert problem.message.startswith("at revision HEAD~1: quote not found in ")


def test_source_text_absent_at_the_revision(repo: Path) -> None:
    git(repo, "rm", "-q", "data/sources/herald.txt")
    git(repo, "commit", "-q", "-m", "Drop the source text")
    (repo / "data/sources").mkdir(exist_ok=True)
    (repo / "data/sources/herald.txt").write_text(SOURCE, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_revision("HEAD", [Path("data/figures.yaml")], cwd=repo)
    (problem,) = caught.value.problems
    assert problem.code == "E402"
    assert problem.message.endswith("does not exist at revision HEAD")


REVIEW = (
    "reviews:\n"
    "  - claims: [visitors-herald, visitors-courier]\n"
    "    verdict: explained\n"
    "    reason: precision\n"
    "    reviewed: 2025-06-02\n"
)


def test_reviews_and_a_quote_through_the_command_line(
    repo: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    path = repo / "data/figures.yaml"
    path.write_text(figures() + REVIEW, encoding="utf-8")
    only_reviews = run("diff", "--rev", "HEAD", "--fail-on", "new-conflicts", "data/figures.yaml")
    assert only_reviews.exit_code == 0, only_reviews.stderr
    assert only_reviews.stdout.splitlines()[:3] == [
        "Reviews changed: HEAD → working tree",
        "0 conflicts appeared, 0 resolved, 0 changed status; 0 claims changed, 0 added, 0 removed",
        "1 review added, 0 removed, 0 changed, 0 made stale",
    ]
    assert "  visitors-courier, visitors-herald: explained, precision, reviewed 2025-06-02\n" in (
        only_reviews.stdout
    )

    commit(repo, {"data/figures.yaml": figures() + REVIEW}, "Review the visitor figures")
    quote = "500 people came to the fair on Saturday"
    path.write_text(figures(quote=quote) + REVIEW.replace("precision", "method"), "utf-8")
    shown = run("diff", "--rev", "HEAD~1", "--format", "markdown", "data/figures.yaml")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.startswith("## Figures and reviews changed: HEAD\\~1 → working tree\n")
    assert (
        "| visitors-herald | quote |  | on Saturday | "
        "500 people came to the fair **on Saturday** |\n"
    ) in shown.stdout
    assert (
        "| visitors-courier, visitors-herald | explained | method | 2025-06-02 |  |\n"
    ) in shown.stdout
    page = render(shown.stdout)
    assert "500 people came to the fair on Saturday" in shown_text(page)
    assert ("strong", {}) in page.tags and ("del", {}) not in page.tags

    changed = run("diff", "--rev", "HEAD", "--format", "json", "data/figures.yaml")
    document = json.loads(changed.stdout)
    assert document["reviews_changed"] == [
        {
            "claims": ["visitors-courier", "visitors-herald"],
            "fields": [{"field": "reason", "old": "precision", "new": "method", "words": None}],
            "file": "data/figures.yaml",
            "line": figures().count("\n") + 2,  # the "- claims:" line under "reviews:"
        }
    ]
    (claim,) = document["claims_changed"]
    assert claim["fields"][0]["words"] == [
        {"op": "equal", "text": "500 people came to the fair"},
        {"op": "insert", "text": "on Saturday"},
    ]
