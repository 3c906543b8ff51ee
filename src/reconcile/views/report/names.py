"""How a report names what it shows: sources, who says a figure, dates, figures and units.

Also which addresses a report turns into links (:func:`safe_url`). Every text is plain text,
exactly as the figure file gives it; each renderer makes it inert for its own format.
"""

from __future__ import annotations

import math

from reconcile.engine.subjects import fmt
from reconcile.intake.dates import PartialDate
from reconcile.model.dataset import Dataset
from reconcile.model.entries import Claim
from reconcile.views.compare import spread_text
from reconcile.views.story import voice_name


def safe_url(url: str | None) -> str | None:
    """The address when it is a plain http(s) link, else None (it is then shown as text).

    Anything else (``javascript:``, ``data:``, a relative path, an address with spaces,
    control characters, quotes or angle brackets) is never turned into a link.
    """
    if url is None:
        return None
    candidate = url.strip()
    if not candidate.lower().startswith(("http://", "https://")):
        return None
    if any(ord(ch) <= 0x20 or ch in '"<>\\`' or ord(ch) == 0x7F for ch in candidate):
        return None
    if len(candidate) <= len("https://") or candidate.split("//", 1)[1].startswith("/"):
        return None
    return candidate


def source_name(dataset: Dataset, source_id: str) -> str:
    source = dataset.sources[source_id]
    return source.outlet or source.title


def who(claim: Claim, dataset: Dataset) -> str:
    """Who says a figure, in words: the origin via the outlet, or the outlet alone."""
    return voice_name(claim, dataset)


def _date_words(date: PartialDate) -> str:
    return f"{date.text.lstrip('~')} (inferred)" if date.inferred else date.text


def period_words(claim: Claim) -> str:
    """A claim's period or as-of date in words; an inferred date says so."""
    period = claim.period
    if period is not None:
        start = _date_words(period.start) if period.start and period.start.known else None
        end = _date_words(period.end) if period.end and period.end.known else None
        if start and end:
            return start if start == end else f"{start} to {end}"
        if start:
            return f"since {start}"
        if end:
            return f"until {end}"
    if claim.as_of is not None and claim.as_of.known:
        return f"as of {_date_words(claim.as_of)}"
    return ""


def claim_date(claim: Claim, dataset: Dataset) -> str:
    """The claim's period or as-of date, else its source's date of publication."""
    text = period_words(claim)
    if text:
        return text
    published = dataset.sources[claim.source].published
    return f"published {_date_words(published)}" if published.known else "no date"


def run_words(low: float, high: float, unit: str) -> str:
    """How the figures of several claims run, from the lowest low to the highest high."""
    if low == high:
        return f"run all at {fmt(low)} {unit}"
    if math.isinf(low) or math.isinf(high):
        return f"are {spread_text(low, high, unit)}"
    return f"run from {fmt(low)} to {fmt(high)} {unit}"


def figure_words(low: float, best: float | None, high: float) -> str:
    if best is not None and low == high == best:
        return fmt(best)
    if math.isinf(high):
        return f"{fmt(low)} or more"
    if math.isinf(low):  # open below on a signed measure
        return f"{fmt(high)} or less"
    if low == high:
        return fmt(low)
    words = f"{fmt(low)} to {fmt(high)}"
    return f"{words}, stated {fmt(best)}" if best is not None else words


def unit_words(unit: str) -> str:
    return "percentage points" if unit == "percent" else unit


def quoted(claim: Claim) -> str:
    return f"“{claim.value.text}”"
