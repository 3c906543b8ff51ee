"""A claim as one flat row: the fields of ``claims --format json`` and ``csv``, and of
:meth:`reconcile.model.dataset.Dataset.claims_frame`.

Numbers are ints where they are whole and ``None`` for an unbounded end or a ``best`` the
text does not state; periods are ISO dates, ``None`` where not known.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from reconcile.intake.values import canonical_unit
from reconcile.model.entries import Claim, Period

if TYPE_CHECKING:
    import pandas as pd

    from reconcile.model.dataset import ClaimRecord, Dataset


def number(value: float | None) -> int | float | None:
    """A figure for output: an int when whole, None when unbounded or absent."""
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return round(float(value), 10)


def period_bounds(claim: Claim) -> tuple[str | None, str | None]:
    """The first and last day a claim covers, as ISO dates (None where not known)."""
    if claim.period is not None:
        start = claim.period.start.first if claim.period.start else None
        end = claim.period.end.last if claim.period.end else None
    elif claim.as_of is not None:
        start, end = None, claim.as_of.last
    else:
        start = end = None
    return (start.isoformat() if start else None, end.isoformat() if end else None)


def period_range(period: Period) -> str:
    """A period as written, an end not given shown as "…": '2022 – …'."""
    start = period.start.text if period.start else "…"
    end = period.end.text if period.end else "…"
    return f"{start} – {end}"


def period_text(claim: Claim) -> str:
    if claim.period is not None:
        return period_range(claim.period)
    if claim.as_of is not None and claim.as_of.known:
        return f"as of {claim.as_of.text}"
    return ""


def shown_unit(claim: Claim, dataset: Dataset) -> str:
    """The unit a claim counts in, as the file writes it (its own, else its measure's):
    case kept (``currency:EUR``), spaces folded, and a spelling that stands for a known unit
    in that unit's usual form (``%`` and ``per cent`` as ``percent``, ``people`` as
    ``persons``)."""
    written = " ".join((claim.unit or dataset.measures[claim.measure].unit).split())
    canonical = canonical_unit(written)
    return written if canonical == written.lower() else canonical


def claim_json(record: ClaimRecord, dataset: Dataset) -> dict[str, Any]:
    claim, value = record.claim, record.claim.value
    start, end = period_bounds(claim)
    return {
        "id": claim.id,
        "measure": claim.measure,
        "unit": shown_unit(claim, dataset),
        "low": number(value.low),
        "best": number(value.best),
        "high": number(value.high),
        "low_strict": value.low_strict,
        "high_strict": value.high_strict,
        "text": value.text,
        "hedge": value.hedge,
        "framing": list(value.framing),
        "precision": number(value.precision),
        "type": claim.type,
        "per": claim.effective_per,
        "period": {"start": start, "end": end},
        "inferred_dates": claim.inferred_dates,
        "source": claim.source,
        "origin": claim.origin,
        "via": list(claim.via),
        "file": record.where.file,
        "line": record.where.line,
    }


def claim_json_keys() -> tuple[str, ...]:
    return (
        "id",
        "measure",
        "unit",
        "low",
        "best",
        "high",
        "low_strict",
        "high_strict",
        "text",
        "hedge",
        "framing",
        "precision",
        "type",
        "per",
        "period",
        "inferred_dates",
        "source",
        "origin",
        "via",
        "file",
        "line",
    )


def claims_frame(records: list[ClaimRecord], dataset: Dataset) -> pd.DataFrame:
    """The claims as a DataFrame: the columns of ``claims --format csv`` in its order, with
    the period's first and last day as dates (``start``, ``end``) after ``period``."""
    import pandas as pd

    columns = list(claim_json_keys())
    at = columns.index("period")
    columns[at + 1 : at + 1] = ["start", "end"]
    columns.append("quote")
    rows = []
    for record in records:
        row = claim_json(record, dataset)
        bounds = row.pop("period")
        row["period"] = period_text(record.claim)
        row["start"], row["end"] = (
            None if b is None else dt.date.fromisoformat(b) for b in bounds.values()
        )
        row["framing"] = "; ".join(row["framing"])
        row["via"] = "; ".join(row["via"])
        row["quote"] = record.claim.quote
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    for name in ("low", "best", "high", "precision"):
        frame[name] = frame[name].astype("float64")
    for name in ("start", "end"):
        frame[name] = pd.to_datetime(frame[name])
    return frame
