"""Problems found in figure files, and the registry of their stable codes.

A problem is a frozen value with a natural sort order (file, line, column, code), so every
output format lists problems in the same order. Codes never change meaning; ``docs/errors.md``
documents each one with an example, and a test fails when a code is missing from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class ErrorCode(NamedTuple):
    code: str
    title: str


# One entry per code. The numbering groups: E1xx reading and YAML, E2xx structure and
# references, E3xx values and dates, E4xx quotes, E5xx what an export needs to be published.
ERROR_CODES: dict[str, ErrorCode] = {
    c.code: c
    for c in (
        ErrorCode("E101", "path not found"),
        ErrorCode("E102", "file is not UTF-8"),
        ErrorCode("E103", "file too large"),
        ErrorCode("E104", "no figure files in folder"),
        ErrorCode("E110", "YAML syntax error"),
        ErrorCode("E111", "tab used for indentation"),
        ErrorCode("E112", "duplicate mapping key"),
        ErrorCode("E113", "YAML tag not allowed"),
        ErrorCode("E114", "document too large once aliases are expanded"),
        ErrorCode("E115", "empty file"),
        ErrorCode("E116", "top level is not a mapping"),
        ErrorCode("E117", "nesting too deep"),
        ErrorCode("E200", "missing or unsupported version"),
        ErrorCode("E201", "unknown key"),
        ErrorCode("E202", "required field missing"),
        ErrorCode("E203", "unknown reference"),
        ErrorCode("E204", "id defined twice"),
        ErrorCode("E205", "wrong type or choice"),
        ErrorCode("E206", "invalid relation"),
        ErrorCode("E207", "too many items in a section"),
        ErrorCode("E208", "rating does not fit its review"),
        ErrorCode("E301", "unreadable value"),
        ErrorCode("E302", "low above high"),
        ErrorCode("E303", "negative figure"),
        ErrorCode("E304", "not a finite number"),
        ErrorCode("E305", "unit does not agree"),
        ErrorCode("E306", "rate period does not agree"),
        ErrorCode("E307", "rate in the value of a claim that is not a rate"),
        ErrorCode("E310", "invalid date"),
        ErrorCode("E311", "period ends before it starts"),
        ErrorCode("E401", "quote not found in source text"),
        ErrorCode("E402", "source text unreadable"),
        ErrorCode("E403", "value not in its quote"),
        ErrorCode("E501", "field needed to publish missing"),
        ErrorCode("E502", "address cannot be published"),
    )
}


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about the input: where it is, its code and a message in plain words."""

    file: str
    line: int
    col: int
    code: str
    message: str

    @property
    def title(self) -> str:
        return ERROR_CODES[self.code].title

    @property
    def severity(self) -> str:
        return "error"


class InputError(Exception):
    """Raised when input cannot be used at all; carries the problems that say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)
