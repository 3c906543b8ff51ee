"""Small helpers for sentences about counts."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 claim', '2 claims'; irregular plurals given as ``plural``."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"
