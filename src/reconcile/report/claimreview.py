"""schema.org ClaimReview JSON-LD for each conflict that a person has reviewed.

One ``ClaimReview`` per reviewed conflict, for the conflict's first claim (the broad or
derived claim, or the earlier claim of a pair): its quote is ``claimReviewed`` (its figure
as written when it has no quote), its source is ``itemReviewed.appearance``, its origin (or,
when it names none, the outlet) is ``itemReviewed.author``, and the review's verdict is
``reviewRating.alternateName``. The review's note and the other claims of the conflict make
up ``reviewBody``.

The document is meant to be pasted into a page's ``<script type="application/ld+json">``,
so ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``: no quote
can close the script element.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from reconcile.engine import CompareResult, Comparison
from reconcile.models import Claim
from reconcile.report.content import VERDICT_WORDS, safe_url, sides_text, who
from reconcile.validate import Dataset

# origin kinds that are people; every other kind is an organisation
_PEOPLE = frozenset({"witness", "expert"})


def _date(text: str | None) -> str | None:
    if not text or text == "unknown":
        return None
    return text.lstrip("~")


def _author(claim: Claim, dataset: Dataset) -> dict[str, Any]:
    if claim.origin is not None:
        origin = dataset.origins[claim.origin]
        kind = "Person" if origin.kind in _PEOPLE else "Organization"
        return {"@type": kind, "name": origin.name}
    source = dataset.sources[claim.source]
    return {"@type": "Organization", "name": source.outlet or source.title}


def _appearance(claim: Claim, dataset: Dataset) -> dict[str, Any]:
    source = dataset.sources[claim.source]
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title}
    url = safe_url(source.url)
    if url is not None:
        work["url"] = url
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    published = _date(source.published.text if source.published.known else None)
    if published:
        work["datePublished"] = published
    return work


def claim_review(comparison: Comparison, dataset: Dataset) -> dict[str, Any]:
    claim = dataset.claims[comparison.claims[0]].claim
    key = frozenset(comparison.claims)
    review = next(r.review for r in dataset.reviews if frozenset(r.review.claims) == key)
    body = f"Compared: {sides_text(comparison, dataset)}."
    if review.note:
        body = f"{review.note} {body}"
    document: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": claim.quote or claim.value.text,
        "itemReviewed": {
            "@type": "Claim",
            "author": _author(claim, dataset),
            "appearance": _appearance(claim, dataset),
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": VERDICT_WORDS[review.verdict],
        },
        "reviewBody": body,
        "about": {"@type": "Thing", "name": dataset.measures[claim.measure].label},
        "identifier": "+".join(comparison.claims),
    }
    reviewed = _date(review.reviewed.text if review.reviewed is not None else None)
    if reviewed:
        document["datePublished"] = reviewed
    source = dataset.sources[claim.source]
    if source.published.known:
        document["itemReviewed"]["datePublished"] = _date(source.published.text)
    document["itemReviewed"]["name"] = f"{who(claim, dataset)}: {claim.value.text}"
    return document


def claim_reviews(result: CompareResult) -> dict[str, Any]:
    reviewed = [c for c in result.comparisons if c.reviewed and c.status == "conflict"]
    return {
        "@context": "https://schema.org",
        "@graph": [claim_review(c, result.dataset) for c in reviewed],
    }


def render(result: CompareResult, stream: TextIO) -> None:
    text = json.dumps(claim_reviews(result), indent=2, ensure_ascii=False)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    stream.write(text + "\n")
