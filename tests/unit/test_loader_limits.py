"""The error codes that no single figure file under tests/cases/invalid/ can produce.

Paths that do not exist, folders without figure files, files over the size limit, nesting
beyond the limit and sections with too many items are produced here through the public API
(:func:`reconcile.model.validate.load`), with the limits made small where a real input would be
huge. Each test asserts codes and places, not message wording.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reconcile.intake import loader, yamlparse
from reconcile.intake.problems import InputError, Problem
from reconcile.model import validate
from reconcile.model.validate import load
from tests.conftest import CASES

CROWD = textwrap.dedent(
    """\
    version: 1
    sources:
      city-paper:
        title: "Rally draws crowds"
    measures:
      crowd:
        label: "People at the rally"
        unit: persons
    claims:
      - {id: first, measure: crowd, source: city-paper, value: "12,000"}
      - {id: second, measure: crowd, source: city-paper, value: "about 12,000"}
      - {id: third, measure: crowd, source: city-paper, value: "nearly 13,000"}
    """
)


def problems(*paths: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load(list(paths))
    return caught.value.problems


def places(found: list[Problem]) -> set[tuple[str, str, int, int]]:
    return {(p.file, p.code, p.line, p.col) for p in found}


def test_missing_path_is_e101(tmp_path: Path) -> None:
    missing = tmp_path / "figures.yaml"
    assert places(problems(missing)) == {(str(missing), "E101", 1, 1)}


def test_every_missing_path_is_reported_in_one_run(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b"
    assert places(problems(a, b)) == {(str(a), "E101", 1, 1), (str(b), "E101", 1, 1)}


def test_empty_folder_is_e104(tmp_path: Path) -> None:
    assert places(problems(tmp_path)) == {(str(tmp_path), "E104", 1, 1)}


def test_folder_of_files_without_version_line_is_e104(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Crowd figures to add.\n")
    (tmp_path / "draft.yaml").write_text("topic: City budget\n")
    hidden = tmp_path / ".drafts"
    hidden.mkdir()
    (hidden / "figures.yaml").write_text(CROWD)
    assert places(problems(tmp_path)) == {(str(tmp_path), "E104", 1, 1)}


def test_folder_with_a_figure_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "figures.yml").write_text(CROWD)
    assert list(load([tmp_path]).claims) == ["first", "second", "third"]


def test_file_over_the_size_limit_is_e103(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(CROWD)
    size = path.stat().st_size
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", size)
    assert len(load([path]).claims) == 3  # exactly at the limit is fine
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", size - 1)
    found = problems(path)
    assert places(found) == {(str(path), "E103", 1, 1)}
    assert f"{size:,} bytes" in found[0].message


def test_an_endless_device_is_refused_at_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /dev/zero never ends: it is read up to the limit and a byte, then refused
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1_000)
    found = problems(Path("/dev/zero"))
    assert places(found) == {("/dev/zero", "E103", 1, 1)}
    assert found[0].message.startswith("file is more than 1,000 bytes; the limit is 1,000 bytes")


def test_section_over_the_item_limit_is_e207(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(CROWD)
    monkeypatch.setattr(validate, "MAX_ITEMS", 3)
    assert len(load([path]).claims) == 3  # exactly at the limit is fine
    monkeypatch.setattr(validate, "MAX_ITEMS", 2)
    # placed at the section's first item, line 10
    assert places(problems(path)) == {(str(path), "E207", 10, 3)}


def test_nesting_just_over_the_limit_is_e117(tmp_path: Path) -> None:
    depth = yamlparse.MAX_NESTING + 1
    path = tmp_path / "figures.yaml"
    path.write_text(f"version: 1\ntopic: {'[' * depth}{']' * depth}\n")
    assert {p.code for p in problems(path)} == {"E117"}


def test_nesting_at_the_limit_is_not_e117(tmp_path: Path) -> None:
    depth = yamlparse.MAX_NESTING  # lists inside the top-level mapping
    path = tmp_path / "figures.yaml"
    path.write_text(f"version: 1\ntopic: {'[' * depth}{']' * depth}\n")
    assert {p.code for p in problems(path)} == {"E205"}  # topic must be text, nothing worse


# Where the first node too deep starts: "topic: " takes 7 columns, and level k (the
# top-level mapping is level 0) opens k brackets in; in flow mappings each level is "{a: ",
# and the key "a" of the mapping at level 64 is the first node at level 65.
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("version: 1\ntopic: " + "[" * 100_000 + "]" * 100_000 + "\n", "2:72"),
        ("version: 1\ntopic: " + "[" * 100_000 + "\n", "2:72"),
        ("version: 1\ntopic: " + "{a: " * 50_000 + "}" * 50_000 + "\n", f"2:{7 + 4 * 63 + 2}"),
        ("version: 1\ntopic:\n" + "- " * 5_000 + "x\n", f"3:{2 * 65 - 1}"),
    ],
    ids=["flow-sequences", "unclosed", "flow-mappings", "block-sequences"],
)
def test_very_deep_nesting_is_refused_without_crashing(
    tmp_path: Path, text: str, place: str
) -> None:
    # In a separate interpreter: a C-level stack overflow would kill it, not the test run.
    path = tmp_path / "figures.yaml"
    path.write_text(text)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "validate", "--format", "parsable", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 2, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{path}:{place}: error E117 ")
    assert "Traceback" not in result.stderr
    assert elapsed < 30


def test_alias_bomb_is_refused_in_under_a_second() -> None:
    path = CASES / "invalid" / "alias-bomb.yaml"
    started = time.perf_counter()
    found = problems(path)
    elapsed = time.perf_counter() - started
    assert {p.code for p in found} == {"E114"}
    assert elapsed < 1.0, f"the alias bomb took {elapsed:.2f} s to refuse"


def test_an_id_defined_in_two_files_names_the_first_place(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("version: 1\nsources:\n  paper: {title: A, kind: news}\n")
    second.write_text("version: 1\n\nsources:\n  paper: {title: B, kind: news}\n")
    with pytest.raises(InputError) as caught:
        load([first, second])
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.code) == (str(second), 4, "E204")
    assert problem.message == f"source 'paper' is defined twice: also at {first}:3"


def test_a_source_text_that_is_a_device_is_refused_not_read(tmp_path: Path) -> None:
    # /dev/zero never ends: it is refused as a source text before any read (E402)
    path = tmp_path / "figures.yaml"
    path.write_text("version: 1\nsources:\n  s: {title: A, kind: news, text: /dev/zero}\n")
    with pytest.raises(InputError) as caught:
        load([path])
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("E402", 3)
    assert problem.message == "cannot read source text '/dev/zero': not a regular file"
