"""ClaimReview JSON-LD: one review per rated review, publishable, and safe to paste into a page."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reconcile.engine.compare import CompareResult, compare
from reconcile.intake.loader import read_text
from reconcile.intake.problems import InputError
from reconcile.model.validate import build
from reconcile.views.report.claimreview import claim_summary, summary
from tests.unit.report.conftest import REPORT_CASES, rendered

FACT_CHECK = REPORT_CASES / "fact-check.yaml"


@pytest.fixture(scope="module")
def rated(results: Callable[[Path], CompareResult]) -> CompareResult:
    return results(FACT_CHECK)


def _graph(result: CompareResult) -> list[dict[str, object]]:
    document = json.loads(rendered(result, "claimreview"))
    assert document["@context"] == "https://schema.org"
    graph: list[dict[str, object]] = document["@graph"]
    return graph


def test_one_claim_review_per_rated_review(rated: CompareResult) -> None:
    reviews = _graph(rated)
    assert [r["identifier"] for r in reviews] == [
        "organisers-crowd+police-crowd",
        "marcher-crowd+police-crowd",
    ]
    assert [r["url"] for r in reviews] == [
        "https://factdesk.example.org/checks/rally-turnout",
        "https://factdesk.example.org/checks/a-million-marchers",
    ]
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Riverside Fact Desk",
            "url": "https://factdesk.example.org",
        }
        assert review["datePublished"] == "2024-05-21"
    assert summary(rated) == "2 ClaimReviews; 1 review without a rating left out"


def test_the_rating_is_the_review_rating(rated: CompareResult) -> None:
    scaled, worded = _graph(rated)
    assert scaled["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Exaggerated",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert worded["reviewRating"] == {"@type": "Rating", "alternateName": "False"}


def test_the_rated_claim_is_reviewed_not_the_first_one(rated: CompareResult) -> None:
    scaled, worded = _graph(rated)
    # organisers-crowd's quote is too long: its measure's label and its figure stand for it
    assert scaled["claimReviewed"] == "People at the rally at its peak: 50,000"
    assert worded["claimReviewed"] == "A million people joined the Riverside Park rally"
    item = scaled["itemReviewed"]
    assert item == {
        "@type": "Claim",
        "name": "Park for All: 50,000",
        "author": {"@type": "Organization", "name": "Park for All"},
        "appearance": {
            "@type": "CreativeWork",
            "headline": "Press release: a record turnout",
            "publisher": {"@type": "Organization", "name": "Park for All"},
            "datePublished": "2024-05-18",
        },
        "datePublished": "2024-05-18",
    }
    assert worded["itemReviewed"]["author"] == {  # type: ignore[index]
        "@type": "Person",
        "name": "A marcher interviewed on air",
    }
    body = scaled["reviewBody"]
    assert body == (
        "Aerial photographs support neither count. Compared: organisers-crowd “50,000” "
        "against police-crowd “about 12,000”."
    )


def test_who_said_it_is_typed_by_the_origin_kind(rated: CompareResult) -> None:
    from reconcile.views.report.claimreview import _author

    dataset = rated.dataset
    kinds = {c: _author(dataset.claims[c].claim, dataset)["@type"] for c in dataset.claims}
    assert kinds == {
        "police-crowd": "Organization",  # official
        "organisers-crowd": "Organization",  # advocacy
        "lab-crowd": "Organization",  # expert: a laboratory is no person
        "marcher-crowd": "Person",  # witness
    }


def test_an_appearance_has_a_url_only_when_it_is_http(rated: CompareResult) -> None:
    from reconcile.views.report.claimreview import _appearance

    dataset = rated.dataset
    assert _appearance(dataset.claims["police-crowd"].claim, dataset)["url"] == (
        "https://courier.example.org/rally"
    )
    assert "url" not in _appearance(dataset.claims["marcher-crowd"].claim, dataset)


FILE = textwrap.dedent(
    """\
    version: 1
    sources:
      paper: {title: "Rally draws crowds", kind: news}
    measures:
      crowd: {label: "People at the rally at the height of the afternoon march", unit: persons}
    claims:
      - {id: a, measure: crowd, value: "12,000", source: paper, quote: "QUOTE"}
      - {id: b, measure: crowd, value: "between 40,000 and 50,000", source: paper}
    reviews:
      - claims: [a, b]
        verdict: disputed
        reason: sourcing
        rating: {claim: a, label: Wrong, url: "https://desk.example.org/1"}
    """
)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("Police counted 12,000", "Police counted 12,000"),
        ("  Police   counted\n12,000 ", "Police counted 12,000"),
        ("x" * 75, "x" * 75),
        ("x" * 76, "People at the rally at the height of the afternoon march: 12,000"),
    ],
)
def test_claim_reviewed_is_the_quote_when_it_is_short(quote: str, expected: str) -> None:
    dataset = build([read_text("f.yaml", FILE.replace("QUOTE", quote).encode())])
    rating = dataset.reviews[0].review.rating
    assert rating is not None
    assert claim_summary(dataset.claims["a"].claim, rating, dataset) == expected


def test_a_long_label_is_shortened_at_a_word_and_the_figure_kept() -> None:
    text = FILE.replace("QUOTE", "q" * 80).replace("at the height", "at the very height")
    text = text.replace("afternoon march", "afternoon march through the old town")
    dataset = build([read_text("f.yaml", text.encode())])
    rating = dataset.reviews[0].review.rating
    assert rating is not None
    shown = claim_summary(dataset.claims["a"].claim, rating, dataset)
    assert shown == "People at the rally at the very height of the afternoon march…: 12,000"
    assert len(shown) <= 75


def _refusals(text: str) -> list[tuple[int, int, str, str]]:
    result = compare(build([read_text("f.yaml", text.encode())]))
    with pytest.raises(InputError) as caught:
        rendered(result, "claimreview")
    return [(p.line, p.col, p.code, p.message) for p in caught.value.problems]


def test_without_a_publisher_or_a_url_nothing_is_written() -> None:
    text = FILE.replace('url: "https://desk.example.org/1"', "summary: S")
    found = _refusals(text)
    assert [f[:3] for f in found] == [(1, 1, "E501"), (13, 5, "E501")]
    assert found[0][3].startswith("publisher not set")
    assert found[1][3].startswith("rating.url not set in the review of a, b")


def test_an_address_that_is_not_http_is_refused() -> None:
    text = FILE.replace("https://desk.example.org/1", "javascript:alert(1)")
    text = "publisher: {name: Desk, url: desk.example.org}\n" + text
    assert [f[:3] for f in _refusals(text)] == [(1, 25, "E502"), (14, 38, "E502")]


def test_a_publisher_without_ratings_writes_an_empty_graph() -> None:
    text = "publisher: {name: Desk}\n" + FILE.split("    rating:")[0]
    text = text.replace("        rating:", "")
    result = compare(build([read_text("f.yaml", text.encode())]))
    assert json.loads(rendered(result, "claimreview")) == {
        "@context": "https://schema.org",
        "@graph": [],
    }
    assert summary(result) == "0 ClaimReviews; 1 review without a rating left out"


def test_no_quote_can_close_a_script_element(hostile: CompareResult) -> None:
    text = rendered(hostile, "claimreview")
    assert "<" not in text and ">" not in text and "&" not in text
    (review,) = json.loads(text)["@graph"]
    assert review["claimReviewed"] == "<script>alert(1)</script>"
    assert review["reviewRating"]["alternateName"] == "</script><b>Misleading</b> ~~no~~"
    assert review["author"]["name"] == '<b>Desk</b> & "Partners"'
    assert review["url"] == "https://desk.example.org/checks/1?a=1&b=2"
    assert review["reviewBody"].startswith("</script><script>alert('review')</script> & more")


def test_only_http_addresses_are_kept(hostile: CompareResult) -> None:
    from reconcile.views.report.claimreview import _appearance

    dataset = hostile.dataset
    unsafe = _appearance(dataset.claims["script-quote"].claim, dataset)  # javascript: address
    assert "url" not in unsafe
    safe = _appearance(dataset.claims["cell-quote"].claim, dataset)
    assert safe["url"] == "https://example.org/story?a=1&b=(2)|x"


def _page(json_ld: str) -> str:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Fact-checks</title>'
        f'<script type="application/ld+json">{json_ld}</script></head>'
        "<body><p>Our fact-checks.</p></body></html>"
    )


@pytest.mark.parametrize("case", ["fact-check", "hostile"])
def test_extruct_reads_every_claim_review_back_from_a_page(
    case: str, results: Callable[[Path], CompareResult]
) -> None:
    """What a crawler sees: the export pasted into a page as it is, read back by extruct,
    with every field Google requires of a ClaimReview."""
    import extruct

    result = results(REPORT_CASES / f"{case}.yaml")
    written = rendered(result, "claimreview")
    found = extruct.extract(_page(written), syntaxes=["json-ld"], uniform=True)["json-ld"]
    (document,) = found
    reviews = [n for n in document["@graph"] if n["@type"] == "ClaimReview"]
    assert reviews == json.loads(written)["@graph"]  # the page holds what was written
    assert len(reviews) == sum(1 for r in result.dataset.reviews if r.review.rating)
    for review in reviews:
        assert review["url"].startswith("https://")
        assert 0 < len(review["claimReviewed"]) <= 75
        assert review["reviewRating"]["alternateName"]
        assert review["author"]["@type"] == "Organization" and review["author"]["name"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["author"]["@type"] in ("Person", "Organization")
