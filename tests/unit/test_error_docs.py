"""docs/errors.md documents every error code, and only those; every code can be produced.

The page is generated from the registry, :mod:`reconcile.intake.codes`, and the committed
page must equal the generated one. Each code in :data:`reconcile.intake.problems.ERROR_CODES`
must have a ``## CODE title`` heading in docs/errors.md and a test input that produces it: a
file under tests/cases/invalid/ whose ``# expect:`` header names it, or a named test in
tests/unit/test_loader_limits.py for the codes that no single small file can give. Each
code's example in the registry is run, and must print exactly the line the page shows. The
E5xx codes are what an export needs, not what makes a file invalid: their examples run
``reconcile export`` (which prints the problems on standard error), and the example is the
test input that produces the code.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reconcile.intake.codes import ErrorCode
from reconcile.intake.codes.page import page
from reconcile.intake.problems import ERROR_CODES
from tests.conftest import CASES, ROOT, expected_problems
from tests.unit import test_loader_limits

DOCS = ROOT / "docs" / "errors.md"
CODES = list(ERROR_CODES)

# Codes that no file under tests/cases/invalid/ can give (a path that does not exist, a
# folder, a file of 100 MiB, nesting past the parser's limits, 500,001 items), each with the
# test in tests/unit/test_loader_limits.py that produces it.
PRODUCED_ELSEWHERE = {
    "E101": "test_missing_path_is_e101",
    "E103": "test_file_over_the_size_limit_is_e103",
    "E104": "test_empty_folder_is_e104",
    "E117": "test_very_deep_nesting_is_refused_without_crashing",
    "E207": "test_section_over_the_item_limit_is_e207",
}

# Examples that are described, not given in full (a file of 100 MiB, a section of 500,001
# items): their output was taken from real files of that size (``Example(run=False)``).
NOT_RUN = {code for code, entry in ERROR_CODES.items() if entry.example and not entry.example.run}
# Codes of what an export needs; their examples run this command.
EXPORT_CODES = {code for code in ERROR_CODES if code.startswith("E5")}
EXPORT_COMMAND = ["export", "--format", "claimreview"]

_HEADING = re.compile(r"^## (E\d{3}) (.+)$", re.MULTILINE)
_FENCE = re.compile(r"^```(\w+)(?: (\S+))?\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass
class Example:
    files: dict[str, str] = field(default_factory=dict)
    command: list[str] = field(default_factory=list)
    output: str = ""


def sections() -> dict[str, str]:
    """The text under each ``## CODE title`` heading, by code."""
    text = DOCS.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    matches = list(re.finditer(r"^## .*$", text, re.MULTILINE))
    for i, match in enumerate(matches):
        heading = _HEADING.match(match.group(0))
        if heading is None:
            continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        found[heading.group(1)] = text[match.end() : end]
    return found


def example(section: str) -> Example:
    """The files and the command of a section's example, and the output the page shows."""
    result = Example()
    for lang, name, body in _FENCE.findall(section):
        if lang == "console":
            command, *output = body.splitlines()
            assert command.startswith("$ reconcile "), command
            result.command = shlex.split(command.removeprefix("$ reconcile "))
            result.output = "".join(line + "\n" for line in output)
        else:
            result.files[name or "figures.yaml"] = body
    return result


def test_docs_errors_md_exists() -> None:
    assert DOCS.exists()


def test_docs_errors_md_is_generated_from_the_registry() -> None:
    assert DOCS.read_text(encoding="utf-8") == page(ERROR_CODES.values()), (
        "regenerate with: python -m reconcile.intake.codes > docs/errors.md"
    )


def test_the_codes_are_numbered_by_their_group() -> None:
    for code in CODES:
        assert re.fullmatch(r"E[1-5]\d\d", code), code
    assert {"E103", "E207"} == NOT_RUN


def _entry(code: str) -> ErrorCode:
    entry = ERROR_CODES[code]
    assert entry.example is not None, f"{code} has no example in the registry"
    return entry


def test_every_code_has_a_heading_in_order() -> None:
    documented = [code for code, _ in _HEADING.findall(DOCS.read_text(encoding="utf-8"))]
    missing = [code for code in CODES if code not in documented]
    assert not missing, f"docs/errors.md has no '## CODE title' heading for {missing}"
    assert documented == CODES, "docs/errors.md lists the codes in another order than the registry"


def test_no_code_is_documented_that_the_registry_lacks() -> None:
    documented = {code for code, _ in _HEADING.findall(DOCS.read_text(encoding="utf-8"))}
    unknown = sorted(documented - set(CODES))
    assert not unknown, f"docs/errors.md documents codes that are not in ERROR_CODES: {unknown}"


def test_headings_give_the_registered_titles() -> None:
    for code, title in _HEADING.findall(DOCS.read_text(encoding="utf-8")):
        if code in ERROR_CODES:
            assert title == ERROR_CODES[code].title, code


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_an_explanation_and_an_example(code: str) -> None:
    section = sections().get(code)
    assert section is not None, f"docs/errors.md has no section for {code}"
    entry = _entry(code)
    assert len(entry.help.split()) >= 10, f"{code}: say what it means and how to fix it"
    assert _FENCE.sub("", section).strip().startswith(entry.help.strip()), code
    shown = example(section)
    assert entry.example is not None
    assert shown.command == shlex.split(entry.example.command), code
    assert shown.output == entry.example.output, code
    assert shown.files == {f.path: f.text for f in entry.example.files}, code
    expected = EXPORT_COMMAND if code in EXPORT_CODES else ["validate", "--format", "parsable"]
    assert shown.command[:3] == expected, code
    lines = shown.output.splitlines()
    assert len(lines) >= 1 and all(f": error {code} " in line for line in lines), code


@pytest.mark.parametrize("code", [c for c in CODES if c not in NOT_RUN])
def test_example_prints_what_the_page_shows(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run
) -> None:  # type: ignore[no-untyped-def]
    shown = _entry(code).example
    assert shown is not None
    for file in shown.files:
        path = tmp_path / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.text.encode(file.encoding))
    monkeypatch.chdir(tmp_path)
    result = run(*shlex.split(shown.command))
    if code in EXPORT_CODES:  # the export refuses on standard error, and writes nothing
        assert (result.exit_code, result.stderr, result.stdout) == (2, shown.output, "")
    else:
        assert (result.exit_code, result.stdout) == (2, shown.output)


def _case_codes() -> dict[str, list[str]]:
    by_code: dict[str, list[str]] = {}
    for path in sorted((CASES / "invalid").glob("*.yaml")):
        for code, _, _ in expected_problems(path):
            by_code.setdefault(code, []).append(path.name)
    return by_code


def test_invalid_cases_expect_only_registered_codes() -> None:
    unknown = sorted(set(_case_codes()) - set(CODES))
    assert not unknown, f"tests/cases/invalid/ expects codes not in ERROR_CODES: {unknown}"


def test_every_code_is_produced_by_some_test_input() -> None:
    produced = set(_case_codes()) | set(PRODUCED_ELSEWHERE) | EXPORT_CODES
    missing = [code for code in CODES if code not in produced]
    assert not missing, (
        f"no test input produces {missing}: add a file under tests/cases/invalid/ with a "
        "'# expect: CODE LINE:COL' header, or a test in tests/unit/test_loader_limits.py"
    )


@pytest.mark.parametrize("code", sorted(PRODUCED_ELSEWHERE))
def test_codes_produced_elsewhere_name_a_real_test(code: str) -> None:
    assert code in ERROR_CODES
    name = PRODUCED_ELSEWHERE[code]
    assert callable(getattr(test_loader_limits, name, None)), f"{code}: no test {name}"
    source = Path(test_loader_limits.__file__).read_text(encoding="utf-8")
    body = source.split(f"def {name}(", 1)[1].split("\ndef ", 1)[0]
    assert code in body or code.lower() in name, f"{name} does not check for {code}"
