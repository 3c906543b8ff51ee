"""ClaimReview JSON-LD: one review per reviewed conflict, safe to paste into a page."""

from __future__ import annotations

import json

from reconcile.engine import CompareResult
from tests.unit.report.conftest import rendered


def test_one_claim_review_per_reviewed_conflict(bundled: CompareResult) -> None:
    document = json.loads(rendered(bundled, "claimreview"))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert len(reviews) == len(bundled.dataset.reviews) == 7
    reviewed = [c for c in bundled.comparisons if c.reviewed]
    assert [r["identifier"] for r in reviews] == ["+".join(c.claims) for c in reviewed]
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"] in ("Explained", "Disputed", "Source error")
        assert review["datePublished"] in ("2026-11-22", "2026-12-02")


def test_fields_map_quote_source_origin_and_verdict(bundled: CompareResult) -> None:
    reviews = json.loads(rendered(bundled, "claimreview"))["@graph"]
    first = next(r for r in reviews if r["identifier"].startswith("tass-left-service+aj-awol"))
    claim = bundled.dataset.claims["tass-left-service"].claim
    source = bundled.dataset.sources[claim.source]
    assert claim.origin is not None
    origin = bundled.dataset.origins[claim.origin]
    assert first["claimReviewed"] == claim.quote
    assert first["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "headline": source.title,
        "publisher": {"@type": "Organization", "name": source.outlet},
    }
    assert first["itemReviewed"]["author"] == {"@type": "Organization", "name": origin.name}
    assert first["reviewRating"]["alternateName"] == "Disputed"
    assert "aj-awol-total" in first["reviewBody"]


def test_a_witness_is_a_person_and_a_claim_without_origin_is_its_outlet(
    bundled: CompareResult,
) -> None:
    from reconcile.report.claimreview import _author

    dataset = bundled.dataset
    assert _author(dataset.claims["aj-tymofey-escapes"].claim, dataset)["@type"] == "Person"
    assert _author(dataset.claims["tass-exodus"].claim, dataset) == {
        "@type": "Organization",
        "name": dataset.sources["tass-desertion"].outlet,
    }


def test_no_quote_can_close_a_script_element(hostile: CompareResult) -> None:
    text = rendered(hostile, "claimreview")
    assert "<" not in text and ">" not in text and "&" not in text
    review = json.loads(text)["@graph"][0]
    first = hostile.dataset.claims[review["identifier"].split("+")[0]].claim
    assert review["claimReviewed"] == first.quote
    assert review["claimReviewed"] in (
        "<script>alert(1)</script>",
        "</td></tr></table> \"double\" & 'single' quotes",
    )
    assert review["reviewBody"].startswith("</script><script>alert('review')</script> & more")


def test_only_http_addresses_are_kept(hostile: CompareResult) -> None:
    from reconcile.report.claimreview import _appearance

    dataset = hostile.dataset
    unsafe = _appearance(dataset.claims["script-quote"].claim, dataset)  # javascript: address
    assert "url" not in unsafe
    safe = _appearance(dataset.claims["cell-quote"].claim, dataset)
    assert safe["url"] == "https://example.org/story?a=1&b=(2)|x"
