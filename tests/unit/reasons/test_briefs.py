"""Every reason that fires has a brief: one sentence of at most BRIEF_WORDS words that names
no claim by its id, on every comparison of every figure file the repository holds.

The files are the bundled file and every file under tests/cases/ that loads (the invalid
cases do not; the real data, tests/cases/real/, does). An ``unexplained`` conflict's brief is
checked the same way.

What "one sentence" means here is kept simple: the brief ends with a full stop and holds no
full stop followed by a space, except in text it quotes from the file (in single quotes, as
the reasons quote a figure or a label) or after one of :data:`ABBREVIATIONS` ("St. Merrow").
A claim id counts as named when it appears, outside quoted text, as a whole token: a run of
the characters an id may hold (letters, digits, ``_ . : -``), with a final full stop or
colon set aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from reconcile.engine.compare import compare
from reconcile.engine.reasons import BRIEF_WORDS, REASONS, UNEXPLAINED, Reason
from reconcile.intake.problems import InputError
from reconcile.model.dataset import Dataset
from reconcile.model.validate import load
from tests.conftest import BUNDLED, CASES, ROOT

ABBREVIATIONS = ("St.", "Dr.", "Mr.", "Mrs.", "Ms.", "No.")
"""Words with a full stop that does not end a sentence."""

_QUOTED = re.compile(r"(?<!\w)'.*?'(?!\w)")  # 'tens of thousands'; an apostrophe is no quote
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")


def problems(brief: str, claim_ids: frozenset[str]) -> list[str]:
    """What is wrong with a brief, in words; empty when nothing is."""
    if not brief.strip():
        return ["empty"]
    found = []
    words = len(brief.split())
    if words > BRIEF_WORDS:
        found.append(f"{words} words, more than {BRIEF_WORDS}")
    if not brief.endswith("."):
        found.append("does not end with a full stop")
    bare = _QUOTED.sub("''", brief)
    for abbreviation in ABBREVIATIONS:
        bare = re.sub(rf"(?<!\w){re.escape(abbreviation)} ", abbreviation[:-1] + " ", bare)
    if ". " in bare:
        found.append("more than one sentence")
    tokens = set(_TOKEN.findall(bare))
    named = sorted((tokens | {t.rstrip(".:") for t in tokens}) & claim_ids)
    if named:
        found.append(f"names claims by id: {', '.join(named)}")
    return found


def _figure_files() -> list[Path]:
    cases = sorted(p for p in CASES.rglob("*.yaml") if p.name != "expect.yaml")
    return [BUNDLED, *cases]


@cache
def _loaded(path: Path) -> Dataset | None:
    try:
        return load([path])
    except InputError:
        return None


FILES = [path for path in _figure_files() if _loaded(path) is not None]


@cache
def _fired(path: Path) -> tuple[tuple[tuple[str, ...], Reason], ...]:
    """Every reason that fires on every comparison of a file, and the unexplained entries."""
    dataset = _loaded(path)
    assert dataset is not None
    return tuple(_reasons(dataset))


def _reasons(dataset: Dataset) -> Iterator[tuple[tuple[str, ...], Reason]]:
    for comparison in compare(dataset).comparisons:
        for reason in comparison.evaluate():
            yield comparison.claims, reason
        likely = comparison.likely_reason
        if likely is not None and likely.code == UNEXPLAINED:
            yield comparison.claims, likely


def test_the_files_include_the_bundled_file_the_conflict_cases_and_the_real_data() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in FILES}
    assert "data/figures.yaml" in names
    assert "tests/cases/real/excess-deaths-2020/figures.yaml" in names
    assert sum(name.startswith("tests/cases/conflict/") for name in names) >= 10
    assert not any(name.startswith("tests/cases/invalid/") for name in names)


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_every_fired_reason_has_a_short_brief_that_names_no_claim_id(path: Path) -> None:
    dataset = _loaded(path)
    assert dataset is not None
    claim_ids = frozenset(dataset.claims)
    bad = []
    for claims, reason in _fired(path):
        found = problems(reason.brief, claim_ids)
        if found:
            bad.append(f"{reason.code} on {sorted(claims)}: {'; '.join(found)}: {reason.brief!r}")
        assert reason.short == reason.brief
    assert not bad, "\n".join(bad[:20])


def test_the_files_make_every_reason_fire_and_a_conflict_unexplained() -> None:
    fired = {reason.code for path in FILES for _, reason in _fired(path)}
    assert fired == {*REASONS, UNEXPLAINED}


@pytest.mark.parametrize(
    ("brief", "problem"),
    [
        ("", "empty"),
        (" ".join(["word"] * BRIEF_WORDS) + " more.", f"{BRIEF_WORDS + 1} words"),
        ("The first covers 92 days", "does not end with a full stop"),
        ("The first is higher. The second is not.", "more than one sentence"),
        ("The lower figure is police-crowd's.", "names claims by id: police-crowd"),
        ("It falls short of police-crowd.", "names claims by id: police-crowd"),
    ],
)
def test_a_brief_that_breaks_a_rule_is_caught(brief: str, problem: str) -> None:
    assert any(p.startswith(problem) for p in problems(brief, frozenset({"police-crowd"})))


@pytest.mark.parametrize(
    "brief",
    [
        "'tens of thousands' is a manner of speaking, not a count, so it need not reach 235,000.",
        " ".join(["word"] * (BRIEF_WORDS - 1)) + " end.",
        "The two count 'Mr. Smith's tally. Revised' and 'Votes', measures often confused.",
        "Both figures come from one origin, St. Merrow Borough Council, so they are one account.",
        "The police-crowd-north figure is fine.",  # another id that merely starts with one
    ],
)
def test_a_brief_that_keeps_the_rules_passes(brief: str) -> None:
    assert problems(brief, frozenset({"police-crowd"})) == []
