"""The reasons are the modules of their package, one a code of the format, in its order."""

from __future__ import annotations

import re
from types import ModuleType
from typing import get_args

import pytest

from reconcile.engine.reasons import REASONS, in_order
from reconcile.model.entries import ReasonCode
from tests.conftest import ROOT


def _module(name: str, code: str) -> ModuleType:
    module = ModuleType(name)
    module.CODE = code  # type: ignore[attr-defined]
    return module


def test_every_code_a_review_may_name_has_its_reason_in_the_formats_order() -> None:
    assert tuple(REASONS) == get_args(ReasonCode)
    for code, module in REASONS.items():
        assert module.__name__.rsplit(".", 1)[1] == code.replace("-", "_")


def test_the_modules_are_ranked_by_the_codes_not_by_name() -> None:
    b, a = _module("b", "first"), _module("a", "second")
    assert in_order([a, b], ("first", "second")) == (b, a)


@pytest.mark.parametrize(
    ("modules", "says"),
    [
        ([_module("a", "first"), _module("z", "stray")], "reason code stray is not a ReasonCode"),
        ([_module("a", "first")], "no reason module has the code second"),
        (
            [_module("a", "first"), _module("b", "second"), _module("c", "first")],
            "reasons a and c share first",
        ),
    ],
)
def test_a_code_without_its_module_or_a_module_without_its_code_fails_at_import(
    modules: list[ModuleType], says: str
) -> None:
    with pytest.raises(ImportError, match=says):
        in_order(modules, ("first", "second"))


_LISTED = re.compile(r"`[a-z-]+`(?:,\s+`[a-z-]+`){3,}")


def _prose_lists() -> list[tuple[str, list[str]]]:
    """Every list of four or more reason codes written out in the README and docs (the
    generated docs/reasons.md aside)."""
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        if page.name == "reasons.md":
            continue
        for match in _LISTED.finditer(page.read_text(encoding="utf-8")):
            codes = re.findall(r"`([a-z-]+)`", match.group())
            if codes[0] in REASONS:
                found.append((page.name, codes))
    return found


def test_the_docs_list_every_reason_in_the_registrys_order() -> None:
    lists = _prose_lists()
    assert {page for page, _ in lists} >= {"README.md", "output.md"}
    for page, codes in lists:
        assert codes == list(REASONS), f"{page} lists the reasons as {codes}"
