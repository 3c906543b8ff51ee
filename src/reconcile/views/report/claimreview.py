"""schema.org ClaimReview JSON-LD: one ClaimReview for each review that carries a ``rating``.

A review's ``rating`` judges one of the claims it lists. That claim is ``claimReviewed``
(the rating's ``summary``; else the claim's quote when it fits in 75 characters; else the
measure's label and the figure as written, the label shortened when needed), the file's
``publisher`` is the ``author``, the rating's ``url`` is the ClaimReview's ``url``, and its
``label``, ``value``, ``best`` and ``worst`` make up ``reviewRating``. ``itemReviewed`` is
the claim: who said it (a Person for a witness or an anonymous origin, an Organization for
every other kind, or the source's outlet when the claim names no origin), where it appeared
(its source, with ``url`` only for an http or https address) and when.

A ClaimReview without an author or an address cannot be published, so when the files have
no ``publisher``, or a rated review has no ``url`` (or an address that is not http or https),
nothing is written: :func:`claim_reviews` raises :class:`~reconcile.intake.problems.InputError`
with a problem for each missing field, at its line. Reviews without a rating are left out;
:func:`render` returns a summary that counts them.

The document is meant to be pasted into a page's ``<script type="application/ld+json">``,
so ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``: no quote
can close the script element.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from reconcile.engine.compare import CompareResult, Comparison
from reconcile.intake import codes
from reconcile.intake.problems import InputError, Problem
from reconcile.model.dataset import Dataset, Located, ReviewRecord
from reconcile.model.entries import SUMMARY_LENGTH, Claim, Rating
from reconcile.model.rows import number
from reconcile.views.report.comparisons import sides_text
from reconcile.views.report.names import safe_url, who
from reconcile.words import count

# origin kinds that are people; every other kind (expert included: a laboratory, an
# institute, as often as a person) is an organisation
PERSON_KINDS = frozenset({"witness", "anonymous"})


def _date(text: str | None) -> str | None:
    if not text or text == "unknown":
        return None
    return text.lstrip("~")


def _author(claim: Claim, dataset: Dataset) -> dict[str, Any]:
    if claim.origin is not None:
        origin = dataset.origins[claim.origin]
        kind = "Person" if origin.kind in PERSON_KINDS else "Organization"
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


def _shortened(text: str, room: int) -> str:
    """The text in at most ``room`` characters, cut at a space and ended with an ellipsis."""
    if len(text) <= room:
        return text
    cut = text[: room - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def claim_summary(claim: Claim, rating: Rating, dataset: Dataset) -> str:
    """``claimReviewed``: the rating's summary, else the quote when it is short enough,
    else the measure's label and the figure as written."""
    if rating.summary:
        return " ".join(rating.summary.split())
    quote = " ".join((claim.quote or "").split())
    if quote and len(quote) <= SUMMARY_LENGTH:
        return quote
    figure = " ".join(claim.value.text.split())
    label = " ".join(dataset.measures[claim.measure].label.split())
    room = SUMMARY_LENGTH - len(figure) - len(": ")
    if room < 10:  # a figure too long to leave room for its label
        return _shortened(figure, SUMMARY_LENGTH)
    return f"{_shortened(label, room)}: {figure}"


def _rating(rating: Rating) -> dict[str, Any]:
    shown: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label}
    if rating.value is not None:
        best, worst = rating.scale
        shown["ratingValue"] = number(rating.value)
        shown["bestRating"] = number(best)
        shown["worstRating"] = number(worst)
    return shown


def claim_review(
    record: ReviewRecord, dataset: Dataset, comparison: Comparison | None = None
) -> dict[str, Any]:
    """The ClaimReview of one rated review (of files whose publisher is set), with the
    comparison the review covers when there is one."""
    review = record.review
    rating = review.rating
    publisher = dataset.publisher
    assert rating is not None and rating.url is not None and publisher is not None
    claim = dataset.claims[rating.claim].claim
    body = [review.note] if review.note else []
    if comparison is not None:
        body.append(f"Compared: {sides_text(comparison, dataset)}.")
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
    if publisher.url is not None:
        author["url"] = publisher.url
    item: dict[str, Any] = {
        "@type": "Claim",
        "name": f"{who(claim, dataset)}: {claim.value.text}",
        "author": _author(claim, dataset),
        "appearance": _appearance(claim, dataset),
    }
    source = dataset.sources[claim.source]
    published = _date(source.published.text if source.published.known else None)
    if published:
        item["datePublished"] = published
    document: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": rating.url,
        "claimReviewed": claim_summary(claim, rating, dataset),
        "author": author,
        "reviewRating": _rating(rating),
        "itemReviewed": item,
    }
    if body:
        document["reviewBody"] = " ".join(body)
    document["about"] = {"@type": "Thing", "name": dataset.measures[claim.measure].label}
    ids = comparison.claims if comparison is not None else review.claims
    document["identifier"] = "+".join(ids)
    reviewed = _date(review.reviewed.text if review.reviewed is not None else None)
    if reviewed:
        document["datePublished"] = reviewed
    return document


def _problem(dataset: Dataset, where: Located, code: str, message: str) -> Problem:
    line, col = dataset.position(where)
    return Problem(where.file, line, col, code, message)


def refusals(dataset: Dataset) -> list[Problem]:
    """Every field that publishing the rated reviews needs and the files lack."""
    problems: list[Problem] = []
    rated = [r for r in dataset.reviews if r.review.rating is not None]
    publisher = dataset.publisher
    if publisher is None:
        first = dataset.files[0].name if dataset.files else "-"
        problems.append(
            Problem(
                first,
                1,
                1,
                codes.PUBLISH_FIELD_MISSING.code,
                "publisher not set: a ClaimReview's author is the desk that publishes it; "
                "add 'publisher: {name: ..., url: https://...}' at the top level of one file",
            )
        )
    elif publisher.url is not None and safe_url(publisher.url) != publisher.url:
        where = dataset.where[("publisher", "")]
        problems.append(
            _problem(
                dataset,
                Located(where.file, 0, ("publisher", "url")),
                codes.ADDRESS_NOT_PUBLISHABLE.code,
                f"publisher.url {publisher.url!r} is not an http or https address",
            )
        )
    for record in rated:
        rating = record.review.rating
        assert rating is not None
        listed = ", ".join(record.review.claims)
        if rating.url is None:
            problems.append(
                _problem(
                    dataset,
                    Located(record.where.file, 0, (*record.where.loc, "rating")),
                    codes.PUBLISH_FIELD_MISSING.code,
                    f"rating.url not set in the review of {listed}: a ClaimReview is "
                    "published at the address of its fact-check; add 'url: https://...'",
                )
            )
        elif safe_url(rating.url) != rating.url:
            problems.append(
                _problem(
                    dataset,
                    Located(record.where.file, 0, (*record.where.loc, "rating", "url")),
                    codes.ADDRESS_NOT_PUBLISHABLE.code,
                    f"rating.url {rating.url!r} in the review of {listed} is not an http or "
                    "https address",
                )
            )
    return problems


def claim_reviews(result: CompareResult) -> dict[str, Any]:
    """The JSON-LD document; raises InputError when something it needs is missing."""
    problems = refusals(result.dataset)
    if problems:
        raise InputError(problems)
    dataset = result.dataset
    covered = {frozenset(c.claims): c for c in result.comparisons if c.reviewed}
    rated = [r for r in dataset.reviews if r.review.rating is not None]
    return {
        "@context": "https://schema.org",
        "@graph": [
            claim_review(r, dataset, covered.get(frozenset(r.review.claims))) for r in rated
        ],
    }


def summary(result: CompareResult) -> str:
    """How many ClaimReviews there are, and how many reviews have no rating."""
    reviews = result.dataset.reviews
    rated = sum(1 for r in reviews if r.review.rating is not None)
    unrated = len(reviews) - rated
    left_out = f"{count(unrated, 'review')} without a rating left out"
    return f"{count(rated, 'ClaimReview')}; {left_out}"


def render(result: CompareResult, stream: TextIO) -> str:
    text = json.dumps(claim_reviews(result), indent=2, ensure_ascii=False)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    stream.write(text + "\n")
    return summary(result)
