"""Reading documents: limits, encodings, binary files and HTML, each a clear refusal or a
documented behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.extract.document import MAX_BYTES, DocumentError, read_document

HTML = """<!doctype html><html><head><title>Budget passes</title>
<script>var planted = "999,999 soldiers"; document.write("777 people");</script>
<style>.x { width: 888px }</style></head>
<body><nav><a href="/">Home</a> | 12 sections</nav>
<article><h1>Budget passes</h1>
<p>The council approved spending of 412 million euros on Tuesday, up 3.1% on last year.</p>
<p>Transport receives 95 million euros. Schools get about 44% of the total.</p>
<script>alert("555 dead")</script></article>
<footer>5 related stories</footer></body></html>
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\n", "is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("latin.txt", "Caf\u00e9 with 5 tables".encode("latin-1"), "is not UTF-8"),
        ("controls.txt", b"\x01\x02\x03\x04 12 cats" * 3, "looks binary"),
    ],
)
def test_bad_documents_are_refused_with_a_reason(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(DocumentError, match=message):
        read_document(write(tmp_path, name, data))


def test_non_utf8_names_the_byte_and_how_to_convert(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", "Caf\u00e9".encode("latin-1"))
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert "byte 0xe9 at offset 3" in str(caught.value)
    assert "iconv -f WINDOWS-1252 -t UTF-8" in str(caught.value)


def test_a_document_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no need to write 5 MB
    with pytest.raises(DocumentError, match="the limit is 5,242,880 bytes"):
        read_document(path)


def test_missing_files_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nothing.txt")
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(tmp_path)


def test_utf8_with_a_byte_order_mark_and_crlf_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfHeadline\r\n\r\nIt has 5 cats.\r\n")
    document = read_document(path)
    assert document.text == "Headline\n\nIt has 5 cats.\n"
    assert document.title == "Headline"


def test_html_keeps_the_article_and_never_its_scripts(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "page.html", HTML.encode()))
    assert document.kind == "html"
    assert document.title == "Budget passes"
    assert "412 million euros" in document.text
    for planted in ("999,999", "777", "888", "555", "Home", "related stories"):
        assert planted not in document.text


def test_html_is_recognised_by_its_content_too(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "page.txt", HTML.encode()))
    assert document.kind == "html"


def test_markdown_by_suffix(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "notes.md", b"# Title\n\n- 5 cats\n"))
    assert (document.kind, document.title) == ("markdown", "Title")


def test_a_web_address_is_refused_with_how_to_save_the_page() -> None:
    with pytest.raises(DocumentError) as caught:
        read_document(Path("https://example.com/x.html"))
    assert str(caught.value).startswith(
        "https://example.com/x.html: extract reads a saved document, not a web address"
    )
