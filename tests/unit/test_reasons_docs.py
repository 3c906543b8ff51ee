"""docs/reasons.md is generated from the reason modules and kept current; every reason has
a worked example in its docstring and a test module of its own."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reconcile.engine.reasons import REASONS
from reconcile.engine.reasons.__main__ import docstring, literal_blocks, markdown, render
from tests.conftest import ROOT, TESTS

DOCS = ROOT / "docs" / "reasons.md"
CODES = list(REASONS)


def _test_module(code: str) -> Path:
    return TESTS / "unit" / "reasons" / f"test_{code.replace('-', '_')}.py"


def test_docs_reasons_md_is_current() -> None:
    assert DOCS.exists(), "run: python -m reconcile.engine.reasons > docs/reasons.md"
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "docs/reasons.md is stale; run: python -m reconcile.engine.reasons > docs/reasons.md"
    )


def test_render_is_deterministic() -> None:
    assert render() == render()


@pytest.mark.parametrize("code", CODES)
def test_reason_has_a_docstring_example(code: str) -> None:
    assert docstring(code).strip(), f"reason {code} has no module docstring"
    assert literal_blocks(docstring(code)), f"reason {code} has no example (a '::' block)"


@pytest.mark.parametrize("code", CODES)
def test_reason_has_a_test_module(code: str) -> None:
    module = _test_module(code)
    assert module.exists(), f"reason {code} has no tests: write {module.relative_to(ROOT)}"
    assert "def test_" in module.read_text(encoding="utf-8"), f"{module.name} holds no test"


@pytest.mark.parametrize("code", CODES)
def test_docs_have_a_section_per_reason(code: str) -> None:
    page = render()
    assert f"## `{code}`: {REASONS[code].TITLE}\n" in page
    assert f"| [`{code}`](#" in page


def test_markdown_fences_literal_blocks_and_single_backticks() -> None:
    text = textwrap.dedent(
        """\
        Uses ``period`` and ``as_of``.

        Example::

            claims:
              - {id: a, value: "1"}

        After the example.
        """
    )
    assert markdown(text) == textwrap.dedent(
        """\
        Uses `period` and `as_of`.

        Example:

        ```yaml
        claims:
          - {id: a, value: "1"}
        ```

        After the example."""
    )


def test_a_bare_double_colon_line_is_dropped() -> None:
    text = textwrap.dedent(
        """\
        Before.

        ::

            x: 1
        """
    )
    assert markdown(text) == "Before.\n\n```yaml\nx: 1\n```"
    assert literal_blocks(text) == ["x: 1"]
