"""The registry of error codes: each code once, with its title, help and example.

The codes are grouped by hundreds, one module a group: E1xx reading and YAML
(:mod:`.reading`), E2xx structure and references (:mod:`.structure`), E3xx values and dates
(:mod:`.values`), E4xx quotes (:mod:`.quotes`), E5xx what an export needs to be published
(:mod:`.publishing`). Each code is a frozen :class:`ErrorCode` bound to a name the raising
code uses (``codes.UNKNOWN_KEY.code``), so no code is written as a bare string elsewhere.

Adding a code is adding one entry to its group's module: :data:`ERROR_CODES` collects every
entry, docs/errors.md is generated from them (``python -m reconcile.intake.codes >
docs/errors.md``) and the SARIF rules read their help from them. Codes never change meaning.
"""

from __future__ import annotations

from types import ModuleType

from reconcile.intake.codes import publishing, quotes, reading, structure, values
from reconcile.intake.codes.entry import ErrorCode as ErrorCode
from reconcile.intake.codes.entry import Example as Example
from reconcile.intake.codes.entry import File as File
from reconcile.intake.codes.publishing import *  # noqa: F403
from reconcile.intake.codes.quotes import *  # noqa: F403
from reconcile.intake.codes.reading import *  # noqa: F403
from reconcile.intake.codes.structure import *  # noqa: F403
from reconcile.intake.codes.values import *  # noqa: F403

GROUPS: tuple[ModuleType, ...] = (reading, structure, values, quotes, publishing)


def _collect(groups: tuple[ModuleType, ...]) -> dict[str, ErrorCode]:
    found: dict[str, ErrorCode] = {}
    for module in groups:
        for entry in vars(module).values():
            if isinstance(entry, ErrorCode):
                if entry.code in found:
                    raise ValueError(f"error code {entry.code} is defined twice")
                found[entry.code] = entry
    return dict(sorted(found.items()))


# Every code, in the order of their numbers.
ERROR_CODES: dict[str, ErrorCode] = _collect(GROUPS)
