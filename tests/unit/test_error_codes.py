"""The registry of error codes is the one place a code is written.

Code that raises a problem names its code from :mod:`reconcile.intake.codes`
(``codes.UNKNOWN_KEY.code``), never as a string literal, so that adding a code is one entry
in the registry and renaming or retiring one cannot miss a raise site.
"""

from __future__ import annotations

import re

import pytest

from reconcile.intake import codes
from reconcile.intake.codes import ERROR_CODES, GROUPS, ErrorCode
from reconcile.intake.problems import ERROR_CODES as PROBLEMS_ERROR_CODES
from tests.conftest import ROOT

SRC = ROOT / "src"
REGISTRY = SRC / "reconcile" / "intake" / "codes"
_LITERAL = re.compile(r"""["']E\d{3}["']""")


def test_no_code_is_written_as_a_literal_outside_the_registry() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if REGISTRY not in path.parents
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _LITERAL.search(line)
    ]
    assert not found, "name the code from reconcile.intake.codes instead:\n" + "\n".join(found)


def test_problems_keeps_the_registry_under_its_old_name() -> None:
    assert PROBLEMS_ERROR_CODES is ERROR_CODES


def test_each_code_is_in_the_module_of_its_hundred() -> None:
    hundreds = {"reading": "E1", "structure": "E2", "values": "E3", "quotes": "E4"}
    hundreds["publishing"] = "E5"
    for module in GROUPS:
        prefix = hundreds[module.__name__.rsplit(".", 1)[1]]
        entries = [v for v in vars(module).values() if isinstance(v, ErrorCode)]
        assert entries, module.__name__
        assert all(e.code.startswith(prefix) for e in entries), module.__name__


def test_the_codes_are_in_order_and_each_name_is_exported() -> None:
    assert list(ERROR_CODES) == sorted(ERROR_CODES)
    for module in GROUPS:
        for name, entry in vars(module).items():
            if isinstance(entry, ErrorCode):
                assert getattr(codes, name) is entry, name
                assert ERROR_CODES[entry.code] is entry, name


def test_a_code_defined_twice_is_refused() -> None:
    import types

    twice = types.ModuleType("twice")
    twice.A = ErrorCode("E901", "one")  # type: ignore[attr-defined]
    twice.B = ErrorCode("E901", "other")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="E901 is defined twice"):
        codes._collect((twice,))
