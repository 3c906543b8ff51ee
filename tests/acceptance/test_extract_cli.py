"""reconcile extract end to end: what it writes, where, and what it refuses.

Every run is checked for its whole outcome: exit code, standard output, standard error and
the files it leaves. The runner does not catch exceptions, so a traceback fails the test.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from reconcile.intake.problems import InputError, Problem
from reconcile.intake.values import parse_value
from reconcile.model.validate import load
from tests.conftest import ROOT

SEEDS = {"aj-desertion": "aj-desertion.txt", "tass-desertion": "tass-desertion.txt"}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the bundled figure file and its source texts."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def without_claims(figures: Path) -> str:
    """The bundled file with its sources, origins and measures but no claims or reviews."""
    text = figures.read_text(encoding="utf-8")
    return text[: text.index("\nclaims:\n")] + "\nclaims:\n"


def problems(*paths: Path) -> list[Problem]:
    try:
        load(list(paths))
    except InputError as err:
        return err.problems
    return []


def only_pending(found: list[Problem]) -> bool:
    return all(p.code == "E202" and p.message.startswith("measure not set") for p in found)


def inserted_block(before: list[str], after: list[str]) -> list[str]:
    """The lines added to ``before``, when ``after`` is ``before`` with one block inserted."""
    added = len(after) - len(before)
    assert added >= 0
    start = 0
    while start < len(before) and before[start] == after[start]:
        start += 1
    assert after[start + added :] == before[start:], "an existing line was changed"
    return after[start : start + added]


def stub_count(text: str) -> int:
    return len(re.findall(r"^\s*measure:\s*$", text, re.MULTILINE))


def fill_measures(text: str, measure_of: dict[str, str]) -> str:
    """Set every empty measure, by the unit its value is written in."""
    data = yaml.safe_load(text)
    pending = [c for c in data["claims"] if c.get("measure") is None]
    for claim in pending:
        unit = parse_value(claim["value"]).unit or "count"
        measure_of.setdefault(unit, f"extracted-{unit}")
        text = re.sub(
            r"^(\s*)measure:[ \t]*$",
            rf"\g<1>measure: {measure_of[unit]}",
            text,
            count=1,
            flags=re.MULTILINE,
        )
    return text


def measures_file(path: Path, measure_of: dict[str, str]) -> Path:
    lines = ["version: 1", "measures:"]
    for unit, measure in sorted(measure_of.items()):
        shown = "things" if unit == "count" else unit
        lines.append(f"  {measure}: {{label: 'Extracted figures in {shown}', unit: {shown}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- proposals on standard output --------------------------------------------------------


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_stubs_fail_only_for_their_measure_one_error_each(run, data: Path, source: str) -> None:  # type: ignore[no-untyped-def]
    result = run("extract", str(data / "sources" / SEEDS[source]), "--source", source)
    assert result.exit_code == 0, result.stderr
    count = stub_count(result.stdout)
    assert count > 0
    assert result.stderr == f"{count} figures found in {data / 'sources' / SEEDS[source]}\n"
    part = data / "stubs.yaml"
    part.write_text(result.stdout, encoding="utf-8")
    found = problems(data / "figures.yaml", part)
    assert only_pending(found) and len(found) == count


def test_standalone_output_validates_alone_but_for_the_measures(
    run, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(data)
    result = run("extract", "sources/tass-desertion.txt", "-s", "tass", "--standalone")
    assert result.exit_code == 0
    assert (
        "  tass:\n" in result.stdout and "    text: sources/tass-desertion.txt\n" in result.stdout
    )
    assert "[untitled] Between 300,000 and 500,000" in result.stdout
    (data / "alone.yaml").write_text(result.stdout, encoding="utf-8")
    found = problems(data / "alone.yaml")
    assert only_pending(found) and len(found) == stub_count(result.stdout) == 6


def test_guesses_are_comments_never_values(run, data: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("extract", str(data / "sources" / "aj-desertion.txt"), "-s", "aj")
    stubs = yaml.safe_load(result.stdout)["claims"]
    assert {key for stub in stubs for key in stub} == {"id", "measure", "value", "source", "quote"}
    assert all(stub["measure"] is None for stub in stubs)
    assert "    # guess: unit: persons  # servicemen\n" in result.stdout
    assert "    # guess: origin: prosecutors  # Prosecutors reported\n" in result.stdout
    assert '    value: "nearly 54,000"  # hedge: nearly; reads 51,300 to 54,000\n' in result.stdout


def test_table_format_shows_the_proposals(run, data: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("extract", str(data / "sources" / "tass-desertion.txt"), "-s", "t", "-f", "table")
    assert result.exit_code == 0
    assert "t-between-300000-and-500000" in result.stdout
    assert "300,000 to 500,000" in result.stdout
    assert "measure:" not in result.stdout


def test_table_with_output_file_shows_first_and_writes_the_file(run, data: Path) -> None:  # type: ignore[no-untyped-def]
    out = data / "new.yaml"
    result = run(
        "extract",
        str(data / "sources" / "tass-desertion.txt"),
        "-s",
        "t",
        "-f",
        "table",
        "-o",
        str(out),
    )
    assert result.exit_code == 0
    assert "t-fifth" in result.stdout
    assert stub_count(out.read_text(encoding="utf-8")) == 6


# --- the round trip ----------------------------------------------------------------------


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_round_trip_append_fill_validate_compare(run, data: Path, source: str) -> None:  # type: ignore[no-untyped-def]
    figures = data / "figures.yaml"
    figures.write_text(without_claims(figures), encoding="utf-8")
    before = figures.read_text(encoding="utf-8")
    result = run(
        "extract", str(data / "sources" / SEEDS[source]), "-s", source, "--append", str(figures)
    )
    assert result.exit_code == 0, result.stderr
    after = figures.read_text(encoding="utf-8")
    inserted_block(before.splitlines(), after.splitlines())
    added = stub_count(after)
    assert added > 0
    found = problems(figures)
    assert only_pending(found) and len(found) == added

    measure_of: dict[str, str] = {}
    figures.write_text(fill_measures(after, measure_of), encoding="utf-8")
    extra = measures_file(data / "measures.yaml", measure_of)
    assert problems(figures, extra) == []
    assert run("validate", "-f", "parsable", str(figures), str(extra)).exit_code == 0
    compared = run("compare", "-f", "json", str(figures), str(extra))
    assert compared.exit_code == 0
    curated = yaml.safe_load((ROOT / "data" / "figures.yaml").read_text(encoding="utf-8"))
    values = {c["value"] for c in yaml.safe_load(figures.read_text(encoding="utf-8"))["claims"]}
    for claim in curated["claims"]:
        if claim["source"] == source:
            wanted = parse_value(claim["value"])
            assert any(
                (wanted.low, wanted.best, wanted.high) == (v.low, v.best, v.high)
                for v in map(parse_value, values)
            ), claim["id"]


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_round_trip_through_a_new_file(run, data: Path, source: str) -> None:  # type: ignore[no-untyped-def]
    out = data / "stubs.yaml"
    result = run("extract", str(data / "sources" / SEEDS[source]), "-s", source, "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    measure_of: dict[str, str] = {}
    out.write_text(fill_measures(out.read_text(encoding="utf-8"), measure_of), encoding="utf-8")
    extra = measures_file(data / "measures.yaml", measure_of)
    assert problems(data / "figures.yaml", out, extra) == []
    assert run("compare", str(data / "figures.yaml"), str(out), str(extra)).exit_code == 0


def test_html_round_trip_with_saved_text(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Rally</title><script>var x = '999 dead';</script></head><body>"
        "<nav>Home | 12 sections</nav><article><h1>Rally</h1>"
        "<p>Police put the crowd at about 12,000 people on Saturday.</p>"
        "<p>Organisers said more than 50,000 people joined.</p></article></body></html>",
        encoding="utf-8",
    )
    out, text = tmp_path / "rally.yaml", tmp_path / "rally.txt"
    result = run(
        "extract",
        str(page),
        "-s",
        "rally",
        "-o",
        str(out),
        "--standalone",
        "--save-text",
        str(text),
    )
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    assert "999" not in written and "999" not in text.read_text(encoding="utf-8")
    assert "    text: rally.txt\n" in written
    measure_of: dict[str, str] = {}
    out.write_text(fill_measures(written, measure_of), encoding="utf-8")
    assert problems(out, measures_file(tmp_path / "m.yaml", measure_of)) == []


# --- appending ---------------------------------------------------------------------------


def test_append_keeps_every_line_and_follows_the_file_layout(run, data: Path) -> None:  # type: ignore[no-untyped-def]
    figures = data / "figures.yaml"
    before = figures.read_bytes()
    result = run(
        "extract",
        str(data / "sources" / "aj-desertion.txt"),
        "-s",
        "aj-desertion",
        "-a",
        str(figures),
    )
    assert result.exit_code == 0
    after = figures.read_bytes()
    block = inserted_block(before.decode().splitlines(), after.decode().splitlines())
    items = [line for line in block if line.startswith("  - id: aj-desertion-")]
    assert len(items) == 2 and block.count("") == 2  # blank lines between claims, as in the file
    assert after.decode().rstrip().endswith("reviewed: 2026-11-22")
    assert result.stderr == (
        f"15 figures found in {data / 'sources' / 'aj-desertion.txt'}; 2 claim stubs appended "
        f"to {figures} (13 already there)\n"
    )


def test_append_twice_adds_nothing_the_second_time(run, data: Path) -> None:  # type: ignore[no-untyped-def]
    figures, doc = data / "figures.yaml", data / "sources" / "tass-desertion.txt"
    assert run("extract", str(doc), "-s", "tass-desertion", "-a", str(figures)).exit_code == 0
    once = figures.read_bytes()
    again = run("extract", str(doc), "-s", "tass-desertion", "-a", str(figures))
    assert again.exit_code == 0
    assert "0 claim stubs appended" in again.stderr
    assert figures.read_bytes() == once


def test_ids_stay_unique_against_the_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.txt"
    doc.write_text("It has 500 beds. Another sentence has 500 beds too.\n", encoding="utf-8")
    figures = tmp_path / "figures.yaml"
    figures.write_text(
        textwrap.dedent(
            """\
            version: 1
            sources:
              s: {title: "Doc", text: doc.txt}
            measures:
              beds: {label: "Beds", unit: beds}
            claims:
              - id: s-500
                measure: beds
                value: "500"
                source: s
                quote: "It has 500 beds."
            """
        ),
        encoding="utf-8",
    )
    result = run("extract", str(doc), "-s", "s", "-a", str(figures))
    assert result.exit_code == 0
    ids = [c["id"] for c in yaml.safe_load(figures.read_text(encoding="utf-8"))["claims"]]
    assert ids == ["s-500", "s-500-2"]  # the first figure is already there: skipped


@pytest.mark.parametrize(
    ("head", "expected_key_line"),
    [
        ("version: 1\nsources:\n  s: {title: Doc}\n", "claims:"),
        (
            "version: 1\nsources:\n  s: {title: Doc}\nclaims: []  # none yet\n",
            "claims:  # none yet",
        ),
        ("version: 1\nsources:\n  s: {title: Doc}\nclaims:\n", "claims:"),
        ("version: 1\r\nsources:\r\n  s: {title: Doc}\r\nclaims:\r\n", "claims:"),
    ],
)
def test_append_to_a_file_without_claims(
    run, tmp_path: Path, head: str, expected_key_line: str
) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.txt"
    doc.write_text("It has 500 beds.\n", encoding="utf-8")
    figures = tmp_path / "figures.yaml"
    figures.write_bytes(head.encode())
    result = run("extract", str(doc), "-s", "s", "-a", str(figures))
    assert result.exit_code == 0, result.stderr
    after = figures.read_bytes().decode()
    assert expected_key_line in after.splitlines()
    if "\r\n" in head:
        assert after.count("\r\n") == after.count("\n")
    assert only_pending(problems(figures)) and len(problems(figures)) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nclaims:\n  - id: x\n    mesure: y\n", "is not a valid figure file"),
        ("version: 1\nclaims: [\n", "is not a valid figure file"),
        ("version: 2\n", "is not a valid figure file"),
        (
            "version: 1\nsources: {s: {title: T}}\nmeasures: {m: {label: M, unit: u}}\n"
            "claims: [{id: a, measure: m, value: '1', source: s}]\n",
            "flow style",
        ),
    ],
)
def test_append_refuses_an_invalid_file_and_changes_nothing(
    run, tmp_path: Path, text: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.txt"
    doc.write_text("It has 500 beds.\n", encoding="utf-8")
    figures = tmp_path / "figures.yaml"
    figures.write_bytes(text.encode())
    result = run("extract", str(doc), "-s", "s", "-a", str(figures))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert figures.read_bytes() == text.encode()
    assert {p.name for p in tmp_path.iterdir()} == {"doc.txt", "figures.yaml"}


def test_append_warns_when_the_source_is_not_in_the_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.txt"
    doc.write_text("It has 500 beds.\n", encoding="utf-8")
    figures = tmp_path / "figures.yaml"
    figures.write_text("version: 1\nclaims:\n", encoding="utf-8")
    result = run("extract", str(doc), "-s", "paper", "-a", str(figures))
    assert result.exit_code == 0
    assert "warning: source 'paper' is not defined in" in result.stderr


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04", "looks binary"),
        ("latin.txt", "Caf\u00e9 5".encode("latin-1"), "is not UTF-8"),
    ],
)
def test_bad_documents_exit_2_and_write_nothing(
    run, tmp_path: Path, name: str, data: bytes, message: str
) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / name
    doc.write_bytes(data)
    out = tmp_path / "out.yaml"
    result = run("extract", str(doc), "-s", "s", "-o", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not out.exists()


def test_a_huge_document_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "huge.txt"
    with doc.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    result = run("extract", str(doc), "-s", "s")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the limit is 5,242,880 bytes" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-s", "not an id"], "is not an id"),
        (["-s", "s", "-o", "{out}", "-a", "{fig}"], "not both"),
        (["-s", "s", "--standalone", "-a", "{fig}"], "does not go with --append"),
        (["-s", "s", "-o", "{fig}"], "exists"),
        (["-s", "s", "-a", "{missing}"], "no such figure file"),
    ],
)
def test_usage_errors_exit_2(run, tmp_path: Path, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.txt"
    doc.write_text("It has 500 beds.\n", encoding="utf-8")
    figures = tmp_path / "figures.yaml"
    figures.write_text("version: 1\n", encoding="utf-8")
    names = {
        "out": str(tmp_path / "out.yaml"),
        "fig": str(figures),
        "missing": str(tmp_path / "no.yaml"),
    }
    result = run("extract", str(doc), *(a.format(**names) for a in args))
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr
    assert figures.read_text(encoding="utf-8") == "version: 1\n"
    assert not (tmp_path / "out.yaml").exists()


def test_no_figures_is_an_empty_list_not_an_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.txt"
    doc.write_text("Nothing is counted here.\n", encoding="utf-8")
    result = run("extract", str(doc), "-s", "s")
    assert result.exit_code == 0
    assert result.stdout.endswith("version: 1\nclaims: []\n")
    assert result.stderr == f"0 figures found in {doc}\n"


def test_save_text_into_a_folder_is_refused_without_a_fault(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.txt"
    doc.write_text("About 500 people came.\n", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run("extract", str(doc), "--source", "s1", "--save-text", str(folder))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {folder}: Is a directory\n"
