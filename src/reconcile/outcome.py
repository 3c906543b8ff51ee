"""The exit-code policy, in one place.

- 0: success: the input is valid and, for ``check``, every conflict that fails the gate is
  covered by a review;
- 1: findings that fail the gate (``check``: an unreviewed conflict or a stale review);
- 2: invalid input or a usage error (the same code Typer uses for usage errors), or output
  that cannot be written (a full disk);
- 3: an internal error: a fault in reconcile itself, reported in one line, never a traceback.

``compare`` and ``claims`` are reports: they exit 0 whatever they find, 2 on invalid input.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    INVALID = 2
    INTERNAL = 3


def exit_code(*, invalid: bool = False, failing: int = 0) -> ExitCode:
    """Map what a command found to its exit code: invalid input wins over findings."""
    if invalid:
        return ExitCode.INVALID
    if failing:
        return ExitCode.FINDINGS
    return ExitCode.OK
