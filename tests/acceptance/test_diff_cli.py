"""reconcile diff on the command line: formats, the new-conflicts gate and its errors."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import BUNDLED


def _moved_copy(tmp_path: Path) -> Path:
    """The bundled file with TASS's desertion penalty moved from 5 to 10 years to 5 to 12
    (and the quote that says 10 taken out, as E403 asks), and its source texts: the reviewed
    conflict with Al Jazeera's 5 to 12 years goes, and one with the AWOL penalty's "up to 10
    years" appears."""
    shutil.copytree(BUNDLED.parent / "sources", tmp_path / "sources")
    moved = tmp_path / "figures.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    quote = (
        '    quote: "the Supreme Rada has since refused to extend the amnesty, now making '
        'desertion a criminal offense punishable by 5 to 10 years in prison"\n'
    )
    assert text.count('value: "5 to 10 years"') == 1 and text.count(quote) == 1
    text = text.replace('value: "5 to 10 years"', 'value: "5 to 12 years"').replace(quote, "")
    moved.write_text(text, "utf-8")
    return moved


def test_markdown_reports_the_move_and_the_new_conflict(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    moved = _moved_copy(tmp_path)
    result = run("diff", "--format", "markdown", str(BUNDLED), str(moved))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "| aj-awol-penalty, tass-desertion-penalty | major |" in result.stdout
    assert (
        "| tass-desertion-penalty | value | 5 to 10 years (5 to 10) | 5 to 12 years (5 to 12) |"
        in (result.stdout)
    )
    assert "### Reviews made stale" in result.stdout


def test_fail_on_new_conflicts(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    moved = _moved_copy(tmp_path)
    gated = run("diff", "--fail-on", "new-conflicts", str(BUNDLED), str(moved))
    unchanged = run("diff", "--fail-on", "new-conflicts", str(BUNDLED), str(BUNDLED))
    assert gated.exit_code == 1
    assert unchanged.exit_code == 0


def test_a_new_conflict_reviewed_in_the_same_change_passes_the_gate(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    moved = _moved_copy(tmp_path)
    review = (
        "  - claims: [aj-awol-penalty, tass-desertion-penalty]\n"
        "    verdict: disputed\n"
        "    reason: sourcing\n"
    )
    text = moved.read_text(encoding="utf-8")
    assert text.count("\nreviews:\n") == 1
    moved.write_text(text.replace("\nreviews:\n", "\nreviews:\n" + review), "utf-8")
    gated = run("diff", "--fail-on", "new-conflicts", str(BUNDLED), str(moved))
    assert gated.exit_code == 0
    # the conflict is still reported as one that appeared, with its review
    assert "1 conflict appeared" in gated.stdout
    assert run("check", str(moved)).exit_code == 1  # the stale review still fails check


def test_rev_outside_a_repository_is_a_clear_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    moved = _moved_copy(tmp_path)
    result = run("diff", "--rev", "HEAD", str(moved))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert "not inside a git repository" in result.stderr


def test_diff_needs_two_paths_without_rev(run) -> None:  # type: ignore[no-untyped-def]
    result = run("diff", str(BUNDLED))
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: give OLD and NEW figure files or folders, or --rev REV [PATHS...]\n"
    )
