"""What each code means, for the rules of the SARIF output: its description and its help.

A reason's help is its module docstring, the same text that docs/reasons.md is generated
from. An error code's help is its section of docs/errors.md; the page is not installed with
the package, so its sections are kept in ``error_help.json`` beside this module, generated
from the page
(``python -m reconcile.views.rulehelp docs/errors.md > src/reconcile/views/error_help.json``)
and held to it by a test. The gate's own codes are described in :mod:`reconcile.engine.gate`.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import NamedTuple

HELP_FILE = "error_help.json"

_SECTION = re.compile(r"^## (E\d{3}) [^\n]*\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
_FENCE = re.compile(r"^```.*?^```\n?", re.MULTILINE | re.DOTALL)


class Help(NamedTuple):
    """A rule's ``fullDescription`` (plain text, one paragraph) and ``help`` (Markdown)."""

    description: str
    markdown: str


def first_paragraph(text: str) -> str:
    """The first paragraph of prose, on one line (code blocks skipped)."""
    prose = _FENCE.sub("", text).strip()
    return " ".join(prose.split("\n\n", 1)[0].split())


def from_page(page: str) -> dict[str, dict[str, str]]:
    """Each error code's section of docs/errors.md: its first paragraph and its text."""
    found: dict[str, dict[str, str]] = {}
    for code, body in _SECTION.findall(page):
        text = body.strip()
        found[code] = {"description": first_paragraph(text), "markdown": text}
    return found


@functools.cache
def error_help() -> dict[str, Help]:
    raw = resources.files("reconcile.views").joinpath(HELP_FILE).read_text(encoding="utf-8")
    return {code: Help(h["description"], h["markdown"]) for code, h in json.loads(raw).items()}


def reason_help(code: str) -> Help:
    """A reason's docstring, as docs/reasons.md shows it, without its opening line."""
    from reconcile.engine.reasons.__main__ import reason_body

    text = reason_body(code)
    return Help(first_paragraph(text), text)


def page_json(page: str) -> str:
    return json.dumps(from_page(page), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> None:
    (path,) = argv
    sys.stdout.write(page_json(Path(path).read_text(encoding="utf-8")))


if __name__ == "__main__":
    main(sys.argv[1:])
