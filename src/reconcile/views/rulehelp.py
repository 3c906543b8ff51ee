"""What each code means, for the rules of the SARIF output: its description and its help.

A reason's help is its module docstring, the same text that docs/reasons.md is generated
from. An error code's help is its entry in the registry (:mod:`reconcile.intake.codes`): the
text of its section of docs/errors.md, which is generated from the same entries. The gate's
own codes are described in :mod:`reconcile.engine.gate`.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

_FENCE = re.compile(r"^```.*?^```\n?", re.MULTILINE | re.DOTALL)


class Help(NamedTuple):
    """A rule's ``fullDescription`` (plain text, one paragraph) and ``help`` (Markdown)."""

    description: str
    markdown: str


def first_paragraph(text: str) -> str:
    """The first paragraph of prose, on one line (code blocks skipped)."""
    prose = _FENCE.sub("", text).strip()
    return " ".join(prose.split("\n\n", 1)[0].split())


@functools.cache
def error_help() -> dict[str, Help]:
    """Each error code's help: its section of docs/errors.md, and that text's first paragraph."""
    from reconcile.intake.codes import ERROR_CODES

    found: dict[str, Help] = {}
    for code, entry in ERROR_CODES.items():
        text = entry.markdown()
        found[code] = Help(first_paragraph(text), text)
    return found


def reason_help(code: str) -> Help:
    """A reason's docstring, as docs/reasons.md shows it, without its opening line."""
    from reconcile.engine.reasons.__main__ import reason_body

    text = reason_body(code)
    return Help(first_paragraph(text), text)
