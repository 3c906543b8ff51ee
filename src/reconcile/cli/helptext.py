"""``--help`` as plain, wrapped text: usage, what the command does, its arguments and options.

Typer's own help draws a column of Python types (``<bool>``, ``<list[Path]>``), folds a long
list of choices into it wherever the column ends (``ti meframe``), and keeps the line breaks
of a docstring in the middle of a sentence. This help is made from the same Typer options,
so they stay the one definition of each: each option with a placeholder for its value
(``--format FORMAT``), its help, its choices written as words, whether it may be repeated
and its default; each docstring paragraph joined into one and wrapped to the terminal
between words, never inside one. The commands use it through :class:`Command` and
:class:`Group`.
"""

from __future__ import annotations

import enum
import inspect
import shutil
import textwrap
from collections.abc import Iterable
from typing import Any

import typer.core

WIDEST = 100  # columns of help at most, however wide the terminal
NAMES = 30  # columns for an option's names before its help goes to the next line


def width() -> int:
    """The terminal's width (``COLUMNS`` when set), at most :data:`WIDEST`."""
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, WIDEST))


def paragraphs(text: str | None) -> list[str]:
    """A docstring's paragraphs, each on one line."""
    cleaned = inspect.cleandoc(text or "")
    return [" ".join(p.split()) for p in cleaned.split("\n\n") if p.strip()]


def _wrap(text: str, columns: int, indent: int = 0, first: int | None = None) -> list[str]:
    """Text in lines of at most ``columns`` (indents included), cut between words only."""
    return textwrap.wrap(
        text,
        width=columns,
        initial_indent=" " * (indent if first is None else first),
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _value(value: Any) -> str:
    return str(value.value if isinstance(value, enum.Enum) else value)


def _choices(param: Any) -> list[str]:
    from reconcile.cli.choices import registered

    choice = registered(param.callback)
    if choice is not None:
        return list(choice.choices)
    descriptor = getattr(param, "type_descriptor", None)
    found = getattr(descriptor, "choices", None) or getattr(
        getattr(param, "type", None), "choices", None
    )
    return [_value(c) for c in found or ()]


def _flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False))


def _placeholder(param: Any) -> str:
    """What stands for an option's value: its metavar, else its long name in capitals."""
    if getattr(param, "metavar", None):
        return str(param.metavar)
    longest: str = max(param.opts, key=len)
    return longest.lstrip("-").upper()


def _argument(param: Any) -> str:
    name = str(param.metavar or param.name).upper()
    many = "..." if param.nargs == -1 else ""
    return f"{name}{many}" if param.required else f"[{name}]{many}"


def _option_help(param: Any) -> str:
    parts = [str(param.help or "").strip()]
    choices = _choices(param)
    if choices:
        parts.append(f"Choices: {', '.join(choices)}.")
    if getattr(param, "multiple", False):
        parts.append("May be given more than once.")
    default = getattr(param, "default", None)
    shown = getattr(param, "show_default", False)
    if shown and default is not None and not _flag(param) and not callable(default):
        parts.append(f"Default: {_value(default)}.")
    return " ".join(p for p in parts if p)


def _terms(rows: Iterable[tuple[str, str]], columns: int) -> list[str]:
    """Names and help side by side; a name wider than :data:`NAMES` has its help below."""
    rows = list(rows)
    names = min(max((len(name) for name, _ in rows), default=0), NAMES)
    indent = 2 + names + 2
    lines: list[str] = []
    for name, text in rows:
        wrapped = _wrap(text, columns - indent) if text else []
        if len(name) <= names and wrapped:
            lines.append(f"  {name.ljust(names)}  {wrapped[0]}")
            wrapped = wrapped[1:]
        else:
            lines.append(f"  {name}")
        lines.extend(" " * indent + line for line in wrapped)
    return lines


def command_help(command: Any, ctx: Any, columns: int) -> str:
    """The help of one command, or of the group of them, as text of ``columns`` columns."""
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if getattr(p, "param_type_name", "") == "argument"]
    options = [p for p in params if getattr(p, "param_type_name", "") == "option"]
    usage = [ctx.command_path, "[OPTIONS]", *(_argument(p) for p in arguments)]
    subcommands = getattr(command, "commands", None)
    if subcommands:
        usage += ["COMMAND", "[ARGS]..."]
    lines = _wrap(f"Usage: {' '.join(usage)}", columns, 4, first=0)
    for paragraph in paragraphs(command.help):
        lines += ["", *_wrap(paragraph, columns, 2)]
    if arguments:
        rows = [(_argument(p), str(p.help or "")) for p in arguments]
        lines += ["", "Arguments:", *_terms(rows, columns)]
    if options:
        rows = []
        for p in options:
            given = [*p.opts, *getattr(p, "secondary_opts", [])]
            names = ", ".join(sorted(given, key=lambda o: (o.startswith("--"), o)))
            term = names if _flag(p) else f"{names} {_placeholder(p)}"
            rows.append((term, _option_help(p)))
        lines += ["", "Options:", *_terms(rows, columns)]
    if subcommands:
        rows = [
            (name, (paragraphs(sub.help) or [""])[0])
            for name in command.list_commands(ctx)
            if (sub := subcommands[name]) is not None and not getattr(sub, "hidden", False)
        ]
        lines += ["", "Commands:", *_terms(rows, columns)]
    return "\n".join(lines) + "\n"


class Command(typer.core.TyperCommand):
    """A command whose ``--help`` is :func:`command_help`."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(command_help(self, ctx, width()))


class Group(typer.core.TyperGroup):
    """The group of commands, with the same help."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(command_help(self, ctx, width()))
