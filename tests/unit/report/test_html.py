"""The HTML report: its order, and text from the file shown as inert text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from reconcile.engine.compare import CompareResult
from tests.unit.report.conftest import rendered


class _Page(HTMLParser):
    """Every start tag with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_quotes_with_markup_stay_text(hostile: CompareResult) -> None:
    page = rendered(hostile, "html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt; &#34;double&#34; &amp; &#39;single&#39;" in page
    assert "</td></tr></table>" not in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(&#39;origin&#39;)&gt;" in page
    parsed = _parse(page)
    assert not [t for t, _ in parsed.tags if t in ("script", "img", "iframe", "object", "em", "i")]
    assert not [a for _, attrs in parsed.tags for a in attrs if a.startswith("on")]
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text  # shown to the reader as written
    assert "</td></tr></table> \"double\" & 'single' quotes" in text


def test_only_http_addresses_are_links(hostile: CompareResult) -> None:
    page = rendered(hostile, "html")
    parsed = _parse(page)
    links = [attrs.get("href") or "" for tag, attrs in parsed.tags if tag == "a"]
    outside = [link for link in links if not link.startswith("#")]
    assert outside == ["https://example.org/story?a=1&b=(2)|x"]
    assert 'href="javascript' not in page.lower()
    assert "javascript:alert(&#39;url&#39;) (not linked: not an http or https address)" in page
    assert "data:text/html,&lt;script&gt;" in page


def test_no_resource_is_loaded_from_anywhere(bundled: CompareResult) -> None:
    page = rendered(bundled, "html")
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "xlink:href", "srcset", "poster", "data"):
            value = attrs.get(name)
            if value is None or value.startswith("#"):
                continue
            assert tag == "a", (tag, name, value)  # only links the reader may follow
    assert not [t for t, _ in parsed.tags if t in ("script", "link", "img", "iframe")]
    assert "@import" not in page and "url(http" not in page
    csp = next(a for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    assert (csp.get("content") or "").startswith("default-src 'none'")


def test_sections_come_in_the_order_of_the_issue(bundled: CompareResult) -> None:
    page = rendered(bundled, "html")
    marks = [
        'id="contents"',
        'id="summary"',
        "The conflicts that need a person first",
        "sha256 ",
        'id="measures"',
        'data-measure="awol"',
        'id="claim-aj-awol-total"',
        'class="comparisons stack"',
        'data-measure="desertion"',
        'id="single-claims"',
        'id="measure-abandoning-posts"',
        'id="sources"',
        'id="origins"',
    ]
    places = [page.index(mark) for mark in marks]
    assert places == sorted(places)


def _anchors(parsed: _Page) -> list[str]:
    return [attrs["id"] or "" for _, attrs in parsed.tags if attrs.get("id")]


def test_the_contents_link_every_measure_and_section(shapes: CompareResult) -> None:
    parsed = _parse(rendered(shapes, "html"))
    anchors = _anchors(parsed)
    assert len(anchors) == len(set(anchors))  # each id once
    links = [
        attrs.get("href") or ""
        for tag, attrs in parsed.tags
        if tag == "a" and (attrs.get("href") or "").startswith("#")
    ]
    assert {link[1:] for link in links} <= set(anchors)  # every link lands somewhere
    measures = {f"#measure-{m}" for m in shapes.dataset.measures}
    assert {link for link in links if link.startswith("#measure-")} == measures
    sections = {"#summary", "#measures", "#single-claims", "#no-claims", "#sources", "#origins"}
    assert sections <= set(links)


def test_each_serious_conflict_links_to_its_measure(bundled: CompareResult) -> None:
    page = rendered(bundled, "html")
    start = page.index('<ol class="serious">')
    serious = page[start : page.index("</ol>", start)]
    links = re.findall(r'<li><a href="#measure-([^"]+)">([^<]+)</a>: ', serious)
    assert [measure for measure, _ in links] == ["left-service"] * 3
    assert links[0][1] == "Servicemen who left their units by any route"


def test_measures_with_more_than_one_row_have_a_chart(bundled: CompareResult) -> None:
    page = rendered(bundled, "html")
    charts = re.findall(r'<figure class="chart" data-measure="([^"]+)"', page)
    # two claims or more, or one claim and a figure computed for it (returned-share)
    assert charts == [
        "awol",
        "desertion",
        "left-service",
        "desertion-penalty",
        "amnesty-returns",
        "returned-share",
    ]
    records = bundled.dataset.by_measure
    assert all(len(records[m]) > 1 or m == "returned-share" for m in charts)


def test_measures_with_a_single_claim_share_one_compact_table(bundled: CompareResult) -> None:
    page = rendered(bundled, "html")
    table = page[page.index('<table class="singles stack">') : page.index('id="sources"')]
    rows = re.findall(r'<tr id="measure-([^"]+)">', table)
    assert rows == [
        "abandoning-posts",
        "mobilisation-rate",
        "mobilisation-need",
        "territory-occupied",
        "war-year",
        "tymofey-age",
        "tymofey-escapes",
        "training-centre-wall",
    ]
    assert all(len(bundled.dataset.by_measure[m]) == 1 for m in rows)
    assert 'id="claim-aj-tymofey-age"' in table and "Age of the deserter Tymofey" in table
    # a single claim with a comparison keeps a section of its own, without a chart
    section = page[page.index('id="measure-awol-penalty"') :]
    section = section[: section.index("</section>")]
    assert '<table class="comparisons stack">' in section and "<figure" not in section


def test_a_measure_with_no_claim_is_listed_apart(shapes: CompareResult) -> None:
    page = rendered(shapes, "html")
    listed = page[page.index('<section id="no-claims">') :]
    listed = listed[: listed.index("</section>")]
    assert re.findall(r'<li id="measure-([^"]+)">', listed) == ["stalls", "empty"]


def test_on_a_narrow_screen_each_table_row_stacks_with_its_labels(bundled: CompareResult) -> None:
    page = rendered(bundled, "html")
    tables = re.findall(r'<table class="([^"]+)">', page)
    assert len(tables) > 10 and all(t.endswith(" stack") for t in tables)
    assert "@media (max-width: 640px)" in page
    cells = re.findall(r"<td\b[^>]*>", page)
    assert cells and all("data-label=" in cell for cell in cells)  # each says what it holds
    assert page.count('<td data-label="quote">') == len(bundled.dataset.claims)


def test_the_summary_says_what_the_issue_asks(bundled: CompareResult) -> None:
    text = html.unescape(" ".join("".join(_parse(rendered(bundled, "html")).text).split()))
    for words in ("20 claims", "2 sources", "4 origins", "15 measures"):
        number, noun = words.split()
        assert f"{number} {noun}" in text
    assert "5 consistent 6 compatible 7 conflicting" in text
    assert "likely reason:" in text


def test_the_same_input_gives_the_same_page(bundled: CompareResult) -> None:
    assert rendered(bundled, "html") == rendered(bundled, "html")
