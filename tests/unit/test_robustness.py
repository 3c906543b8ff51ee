"""Faults that must not cascade, crash or double count."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reconcile import cli
from reconcile.intake.problems import InputError
from reconcile.model.validate import load

CASCADE = textwrap.dedent(
    """\
    version: 1
    sources:
      herald: {title: "Rally", published: 2025-13}
    measures:
      crowd: {label: "People", unit: persons}
    claims:
      - {id: a, measure: crowd, value: "1,5", source: herald}
      - {id: b, measure: crowd, value: "2", source: herald, derived: {op: sum, of: [a, b]}}
    """
)


def test_an_invalid_item_is_not_reported_again_as_unknown(tmp_path: Path) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(CASCADE, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load([path])
    codes = [(p.code, p.line) for p in caught.value.problems]
    assert ("E310", 3) in codes and ("E301", 7) in codes
    assert not any(code == "E203" for code, _ in codes)


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    path = tmp_path / "figures.yaml"
    path.write_text(
        "version: 1\nsources: {herald: {title: Rally}}\nmeasures: {}\nclaims: []\n", "utf-8"
    )
    dataset = load([path, tmp_path / "sub" / ".." / "figures.yaml"])
    assert len(dataset.files) == 1


def test_a_fault_in_reconcile_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("reconcile: internal error: RuntimeError: boom\n")
    assert "Traceback" not in err


REVIEW_LAYOUTS = [
    """\
    version: 1
    reviews:
      - claims: [a, b]
        verdict: explained
      # a comment between items
      - {claims: [c, d], verdict: disputed}
    other: 1
    """,
    """\
    reviews:
    - claims: [a, b]
      note: >-
        - not an item, inside a folded note
    -   claims: [c, d]
    """,
    """\
    reviews: [{claims: [a, b]}]
    """,
    """\
    reviews:
      -
        claims: [a, b]
    """,
]


@pytest.mark.parametrize(
    ("text", "scanned"), list(zip(REVIEW_LAYOUTS, [True, True, False, False], strict=True))
)
def test_the_review_scan_agrees_with_the_parser_or_finds_nothing(text: str, scanned: bool) -> None:
    from reconcile.intake.loader import Locator, read_text

    source = textwrap.dedent(text)
    figure = read_text("figures.yaml", source.encode())
    found = figure.item_positions("reviews")
    import yaml

    reviews = yaml.safe_load(source)["reviews"]
    assert (len(found) == len(reviews)) == scanned
    if scanned:
        locator = Locator(source)
        assert found == [locator.find(("reviews", i)) for i in range(len(reviews))]


@pytest.mark.parametrize(
    "text",
    [
        'version: 1\ntopic: "été"\nx: a\x00b\n',  # read by libyaml, which counts bytes
        'version: 1\ntopic: "été"\nx: a\x00b\n' + "[" * 70 + "]" * 70,  # by pure Python
    ],
)
def test_a_character_yaml_refuses_is_placed_where_it_stands(tmp_path: Path, text: str) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load([path])
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.col) == ("E110", 3, 5)
    assert "\n" not in problem.message and "'\\x00'" in problem.message
