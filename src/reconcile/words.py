"""Small helpers for sentences about counts, and words that mark a number as a label."""

from __future__ import annotations

from typing import Final


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 claim', '2 claims'; irregular plurals given as ``plural``."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


# A number right after one of these is a label, not a quantity ("update no. 14"), in an
# article that extract reads as in a quote that validate holds to its value.
LABEL_WORDS: Final = frozenset(
    {
        "no",
        "nos",
        "number",
        "article",
        "art",
        "section",
        "sec",
        "chapter",
        "schedule",
        "page",
        "pp",
        "p",
        "clause",
        "annex",
        "appendix",
        "table",
        "figure",
        "fig",
        "item",
        "paragraph",
        "para",
        "route",
        "flight",
        "room",
        "platform",
        "phase",
        "stage",
        "level",
        "grade",
        "division",
        "brigade",
        "battalion",
        "regiment",
        "corps",
        "unit",
        "district",
        "ward",
        "act",
        "resolution",
        "version",
        "verse",
        "episode",
        "season",
        "vol",
        "volume",
        "issue",
        "tier",
        "zone",
        "line",
        "highway",
        "road",
        "gate",
        "terminal",
        "bus",
        "train",
        "covid",
    }
)
