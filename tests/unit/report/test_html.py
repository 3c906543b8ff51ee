"""The HTML report: its order, and text from the file shown as inert text."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from reconcile.engine import CompareResult
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
    links = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert links == ["https://example.org/story?a=1&b=(2)|x"]
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
        'id="summary"',
        "The most serious conflicts",
        "sha256 ",
        'id="measures"',
        'data-measure="awol"',
        'id="claim-aj-awol-total"',
        'class="comparisons"',
        'data-measure="desertion"',
        'id="sources"',
        'id="origins"',
    ]
    places = [page.index(mark) for mark in marks]
    assert places == sorted(places)


def test_one_chart_per_measure(bundled: CompareResult) -> None:
    page = rendered(bundled, "html")
    measures = [m for m, records in bundled.dataset.by_measure.items() if records]
    assert page.count("<svg") == len(measures) == 15
    for measure in measures:
        assert page.count(f'data-measure="{measure}"') == 1


def test_the_summary_says_what_the_issue_asks(bundled: CompareResult) -> None:
    text = html.unescape(" ".join("".join(_parse(rendered(bundled, "html")).text).split()))
    for words in ("20 claims", "2 sources", "4 origins", "15 measures"):
        number, noun = words.split()
        assert f"{number} {noun}" in text
    assert "5 consistent 6 compatible 7 conflicting" in text
    assert "likely reason:" in text


def test_the_same_input_gives_the_same_page(bundled: CompareResult) -> None:
    assert rendered(bundled, "html") == rendered(bundled, "html")
