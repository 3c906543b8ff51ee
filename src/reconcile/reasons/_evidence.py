from __future__ import annotations

from typing import NamedTuple


class Evidence(NamedTuple):
    """What a reason found: how strongly it explains the difference (0 to 1), and why."""

    score: float
    explanation: str
