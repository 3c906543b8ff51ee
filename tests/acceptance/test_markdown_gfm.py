"""Every Markdown output of the hostile case file, rendered by GitHub's own renderer (cmarkgfm,
with GitHub's extensions and raw HTML let through): no text is struck through (but the words
a diff marks as deleted), no link and no element comes from the file's text, every table row
is as wide as its header, and the text reads as the file writes it."""

from __future__ import annotations

import html
import html.parser
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import BUNDLED, CASES, Run

Runner = Callable[..., Run]
HOSTILE = CASES / "report" / "hostile.yaml"
# the only address that becomes a link: the report's link to the one http(s) source
SOURCE_LINK = "https://example.org/story?a=1&b=%282%29%7Cx"
WORD_JOINER = "\u2060"  # what keeps "@" from making a mention or an e-mail link


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def render(markdown: str) -> _Page:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    page = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


def shown_text(page: _Page) -> str:
    """The text a reader sees, spaces folded, word joiners (which show as nothing) left out."""
    return " ".join("".join(page.texts).replace(WORD_JOINER, "").split())


def folded(text: str) -> str:
    return " ".join(text.split())


def _diff_inputs(tmp_path: Path) -> tuple[Path, Path]:
    """An older version of the hostile file, in a folder whose name is hostile too: one claim
    fewer, other quotes, values and notes."""
    old = tmp_path / "old ~~struck~~ www.evil.example" / "hostile.yaml"
    old.parent.mkdir()
    text = HOSTILE.read_text(encoding="utf-8")
    text = text.replace('value: "7,500"', 'value: "8,500"')
    text = text.replace('quote: "a line\\n-1+2 on the next"', 'quote: "~~old~~ \\\\ www.a.example"')
    text = re.sub(r"  - id: formula-at\n(?:    .*\n)+", "", text)
    old.write_text(text, encoding="utf-8")
    return old, HOSTILE


OUTPUTS: dict[str, Callable[[Path], list[str]]] = {
    "compare": lambda _: ["compare", "--format", "markdown", str(HOSTILE)],
    "claims": lambda _: ["claims", "--format", "markdown", str(HOSTILE)],
    "report": lambda _: ["report", "--format", "markdown", str(HOSTILE)],
    "diff": lambda tmp: ["diff", "--format", "markdown", *map(str, _diff_inputs(tmp))],
}


@pytest.fixture
def markdown_of(run: Runner, tmp_path: Path) -> Callable[[str], str]:
    def get(name: str) -> str:
        result = run(*OUTPUTS[name](tmp_path))
        assert result.exit_code == 0, result.stderr
        return result.stdout

    return get


def _file_texts() -> list[str]:
    """Every text of the hostile file that some output shows."""
    data = yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))
    texts = [data["topic"]]
    for section in ("sources", "origins", "measures"):
        for item in data[section].values():
            texts += [v for k, v in item.items() if isinstance(v, str) and k != "url"]
    for claim in data["claims"]:
        texts += [claim["id"], claim.get("quote") or "", claim.get("note") or ""]
    return [folded(t) for t in texts if t]


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_nothing_is_struck_linked_or_made_an_element(
    name: str, markdown_of: Callable[[str], str]
) -> None:
    document = markdown_of(name)
    page = render(document)
    tags = {tag for tag, _ in page.tags}
    struck = {"del"} if name == "diff" else set()
    assert tags <= {"h1", "h2", "h3", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr",
                    "th", "td", "strong", "em", "a", "br"} | struck, tags  # fmt: skip
    # the diff strikes through the words of the old quote, and nothing else
    deleted = [html.unescape(t) for t in re.findall(r"<del>(.*?)</del>", _html(document))]
    assert deleted == (["~~old~~ \\ www.a.example"] if name == "diff" else [])
    links = [attrs.get("href") for tag, attrs in page.tags if tag == "a"]
    assert links == ([SOURCE_LINK] if name == "report" else [])
    assert not page.comments
    # every tilde of the file's text is shown, none read as strike-through
    assert shown_text(page).count("~") == document.count("\\~")
    assert name == "claims" or "~~struck~~" in shown_text(page)


def test_emphasis_is_only_the_reports_own(markdown_of: Callable[[str], str]) -> None:
    page = _html(markdown_of("report"))
    strong = re.findall(r"<strong>(.*?)</strong>", page)
    starts = ("Likely reason:", "Unexplained:", "Reviewed")
    assert strong and all(s.startswith(starts) for s in strong), strong
    emphasised = [
        html.unescape(t)
        for t in re.findall(r"<em>(.*?)</em>", page)
        if not html.unescape(t).startswith("The review's reason differs")  # the report's words
    ]
    definitions = {
        folded(m.get("definition", ""))
        for m in yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))["measures"].values()
    }
    assert set(emphasised) == definitions  # each measure's definition, and nothing else


def _html(markdown: str) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_every_table_row_is_as_wide_as_its_header(
    name: str, markdown_of: Callable[[str], str]
) -> None:
    document = markdown_of(name)
    tables = [
        [line for line in block.splitlines() if line.startswith("|")]
        for block in document.split("\n\n")
    ]
    tables = [rows for rows in tables if rows]
    assert tables
    for rows in tables:
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows
    page = render(document)
    rows = [tag for tag, _ in page.tags if tag == "tr"]
    assert len(rows) == sum(len(t) - 1 for t in tables)  # every row is a row of a table


@pytest.mark.parametrize("name", ["compare", "report", "claims"])
def test_the_files_text_reads_as_written(name: str, markdown_of: Callable[[str], str]) -> None:
    text = shown_text(render(markdown_of(name)))
    shown = [t for t in _file_texts() if t in text]
    ids = [c["id"] for c in yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))["claims"]]
    assert set(ids) <= set(shown)  # every claim id, "www.evil.example" too, as written
    if name == "compare":
        label = next(t for t in _file_texts() if t.startswith("Tally"))
        # reasons quote a label as written: no backslash doubled, no quotes switched
        assert f"and '{label}', measures often confused" in text
    if name == "report":
        assert set(_file_texts()) - set(shown) <= {
            folded(c.get("note", "")) for c in yaml.safe_load(HOSTILE.read_text())["claims"]
        } | {""}


def test_the_diff_shows_old_and_new_text_as_written(markdown_of: Callable[[str], str]) -> None:
    text = shown_text(render(markdown_of("diff")))
    assert "old ~~struck~~ www.evil.example" in text
    assert "~~old~~ \\ www.a.example" in text and "a line -1+2 on the next" in text
    assert "formula-at" in text


@pytest.mark.parametrize("view", ["compare", "report"])
def test_sentences_are_joined_as_sentences(run: Runner, view: str) -> None:
    """Reasons in one cell follow each other as sentences: never ".;" or ".," between two."""
    for path in (BUNDLED, *sorted((CASES / "conflict").iterdir())):
        document = run(view, "--format", "markdown", str(path)).stdout
        assert ".;" not in document and ".," not in document, path


def test_the_diff_marks_the_changed_words_of_a_quote(run: Runner, tmp_path: Path) -> None:
    head = (
        "version: 1\n"
        "sources: {s: {title: T, outlet: O, published: 2025-06-01, kind: news}}\n"
        "measures: {m: {label: L, unit: persons}}\n"
        "claims:\n"
        "  - {id: a, measure: m, value: '500', source: s, quote: 'QUOTE'}\n"
    )
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(head.replace("QUOTE", "so *500* ~~came~~ to_the `fair` on Saturday"), "utf-8")
    new.write_text(head.replace("QUOTE", "so *500* ~~came~~ to_the [fair] on Sunday"), "utf-8")
    result = run("diff", "--format", "markdown", str(old), str(new))
    assert result.exit_code == 0, result.stderr
    page = _html(result.stdout)
    cells = re.findall(r"<td>(.*?)</td>", page)
    assert [html.unescape(c) for c in cells[-3:-1]] == ["`fair` … Saturday", "[fair] … Sunday"]
    marked = cells[-1]
    assert re.findall(r"<del>(.*?)</del>", marked) == ["`fair`", "Saturday"]
    assert re.findall(r"<strong>(.*?)</strong>", marked) == ["[fair]", "Sunday"]
    # the words kept read as written: none of their marks is read as Markdown
    kept = re.sub(r"<(del|strong)>.*?</\1>", "", marked).split()
    assert [html.unescape(w) for w in kept] == ["so", "*500*", "~~came~~", "to_the", "on"]
