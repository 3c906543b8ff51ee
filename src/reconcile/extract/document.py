"""Reading the article to extract from: plain text, Markdown or HTML, within firm limits.

- **Size**: at most :data:`MAX_BYTES` (5 MB); a larger file is refused before it is read.
  Only regular files are read.
- **Binary**: a file with a NUL byte, or with more than 1% control characters, is refused.
- **Encoding**: UTF-8 (a byte-order mark is dropped). Anything else is refused with the
  position of the first bad byte and the command that converts it: the quotes that extract
  writes are checked against the source text, and ``reconcile validate`` reads source texts
  as UTF-8 only, so a guessed decoding would produce quotes that cannot be checked.
- **Empty**: a file with nothing but white space is refused.
- **HTML** (``.html``, ``.htm``, ``.xhtml``, or text that opens with ``<!doctype html`` or
  ``<html``) is turned into text by trafilatura, which keeps the article and drops
  navigation, headers, footers, comments and boilerplate. Scripts and styles are removed
  with the rest of the markup and never run. When trafilatura finds no article, its plain
  conversion of the whole page is used and a note says so. Quotes from an HTML page are
  verbatim in that extracted text, not in the HTML: save it with ``--save-text`` and make it
  the source's ``text``.
- **Markdown** (``.md``, ``.markdown``) is read as it is written: list markers, heading marks
  and block-quote marks start a new sentence and are left out of quotes, fenced code is
  skipped, and inline markup stays in the quote, since the quote must be found verbatim in
  the file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reconcile.extract.sentences import TextKind

MAX_BYTES: Final = 5 * 1024 * 1024
"""Largest document read, in bytes."""

_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
_MARKDOWN_SUFFIXES: Final = frozenset({".md", ".markdown"})
_CONTROL: Final = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r", "\f"}


class DocumentError(Exception):
    """A document that cannot be read; the message says why, in plain words."""


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    kind: TextKind
    title: str | None
    note: str | None = None  # something the user should know about how it was read


def _kind(path: Path, text: str) -> TextKind:
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def _decode(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DocumentError(
            f"{name} is not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            f"convert it first, for example: iconv -f WINDOWS-1252 -t UTF-8 {name} > "
            f"{Path(name).stem}.utf8{Path(name).suffix}"
        ) from None


def _html_text(name: str, html: str) -> tuple[str, str | None, str | None]:
    import trafilatura

    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True
    )
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata is not None and metadata.title else None
    note = None
    if not text or not text.strip():
        text = trafilatura.html2txt(html)
        note = f"{name}: no article found in the HTML; read the text of the whole page instead"
    if not text or not text.strip():
        raise DocumentError(f"{name} holds no text once its HTML markup is removed")
    return text, title, note


def _title(text: str) -> str | None:
    """The first line, when it reads like a headline: short, and not a sentence."""
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if not stripped:
            continue
        if len(stripped) <= 200 and not stripped.endswith((".", "!", "?", ":", ";", ",")):
            return stripped
        return None
    return None


def read_document(path: Path) -> Document:
    """Read and decode a document; raise :class:`DocumentError` with the reason when it can't."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        if name.startswith(("http:/", "https:/")):  # a path keeps one slash of "//"
            raise DocumentError(
                f"{name.replace(':/', '://', 1)}: extract reads a saved document, not a web "
                "address; save the page first (for example with curl -o page.html) and give "
                "its path"
            ) from None
        raise DocumentError(f"{name}: no such file") from None
    except OSError as err:
        raise DocumentError(f"{name}: cannot read: {err.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"{name} is not a regular file")
    if info.st_size > MAX_BYTES:
        raise DocumentError(
            f"{name} is {info.st_size:,} bytes; the limit is {MAX_BYTES:,} bytes (5 MB): "
            "split the document and extract from each part"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise DocumentError(f"{name}: cannot read: {err.strerror}") from None
    if len(data) > MAX_BYTES:  # grew while being read
        raise DocumentError(f"{name} is larger than the limit of {MAX_BYTES:,} bytes (5 MB)")
    if b"\x00" in data:
        raise DocumentError(f"{name} looks binary (it holds NUL bytes); give a text document")
    text = _decode(name, data)
    if not text.strip():
        raise DocumentError(f"{name} is empty: there is nothing to extract")
    controls = sum(1 for char in text if char in _CONTROL)
    if controls > len(text) / 100:
        raise DocumentError(f"{name} looks binary ({controls:,} control characters)")
    kind = _kind(path, text)
    if kind == "html":
        body, title, note = _html_text(name, text)
        return Document(name, body.replace("\r\n", "\n"), kind, title or _title(body), note)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(name, text, kind, _title(text))


def display_path(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` when it can be, with forward slashes."""
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


__all__ = ["MAX_BYTES", "Document", "DocumentError", "display_path", "read_document"]
