"""The exit-code policy, in one place.

- 0: success: the input is valid and, for ``check``, every conflict that fails the gate is
  covered by a review;
- 1: findings that fail the gate (``check``: an unreviewed conflict or a stale review;
  ``diff --fail-on new-conflicts``: a conflict that appeared and no review covers);
- 2: invalid input or a usage error (the same code Typer uses for usage errors), or output
  that cannot be written (a full disk);
- 3: an internal error: a fault in reconcile itself, reported in one line, never a traceback.

``compare`` and ``claims`` are reports: they exit 0 whatever they find, 2 on invalid input.

A command returns its :class:`Outcome` (or nothing, for a report), or raises
:class:`Refused` for a usage it cannot carry out; :func:`exit_code` is the one mapping from
either to the process's exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    INVALID = 2
    INTERNAL = 3


@dataclass(frozen=True)
class Outcome:
    """What a command found, as far as its exit code goes."""

    invalid: bool = False  # the input was refused
    failing: int = 0  # findings that fail the command's gate


class Refused(Exception):
    """A usage the command refuses (options that contradict, a file it cannot write): one
    line on standard error, and exit 2."""


def exit_code(outcome: Outcome | ExitCode | None = None) -> ExitCode:
    """Map what a command found to its exit code: invalid input wins over findings."""
    if outcome is None:
        return ExitCode.OK
    if isinstance(outcome, ExitCode):
        return outcome
    if outcome.invalid:
        return ExitCode.INVALID
    if outcome.failing:
        return ExitCode.FINDINGS
    return ExitCode.OK
