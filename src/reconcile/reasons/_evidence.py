from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a reason found: how strongly it explains the difference (0 to 1), and why."""

    score: float
    explanation: str
