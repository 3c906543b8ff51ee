"""The choices of an option, read from the registry that answers to them.

An option's choices are the keys of a registry (the renderers of a view, the reasons, the
statuses), so that adding a renderer or a reason adds its choice. The registry is imported
only when the choices are first needed, to check a value given on the command line or to
show a command's ``--help``: ``reconcile --help`` lists the commands without importing any
view or reason.

An option takes a :class:`Registered`'s ``check`` as its callback: it refuses a value that
is not a choice, saying which are, and ``--help`` lists the choices
(:mod:`reconcile.cli.helptext`).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import typer


class Registered:
    """The names of ``module.attribute`` (a dict, or a sequence of names), after ``first``;
    with no module, ``first`` alone."""

    def __init__(self, module: str | None, attribute: str = "", first: Sequence[str] = ()) -> None:
        self._where = (module, attribute)
        self._first = tuple(first)
        self._names: tuple[str, ...] | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        if self._names is None:
            module, attribute = self._where
            registry = getattr(importlib.import_module(module), attribute) if module else ()
            self._names = (*self._first, *registry)
        return self._names

    def check(self, value: Any) -> Any:
        """Check a value (or each of a repeated option's values) against the choices."""
        given = value if isinstance(value, list | tuple) else [value]
        for item in given:
            if item is not None and item not in self.choices:
                known = ", ".join(repr(name) for name in self.choices)
                raise typer.BadParameter(f"{item!r} is not one of {known}.")
        return value


def registered(callback: Any) -> Registered | None:
    """The :class:`Registered` whose ``check`` an option's callback is (Typer wraps it)."""
    found = getattr(getattr(callback, "__wrapped__", callback), "__self__", None)
    return found if isinstance(found, Registered) else None
