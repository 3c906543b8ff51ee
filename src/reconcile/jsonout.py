"""Writing JSON documents quickly and diffably.

Each item is encoded by orjson, about fourteen times faster than the standard library's C
encoder on a comparison with its reasons, which mattered once outputs reached hundreds of
thousands of items. The document is laid out with one top-level key a line and one list item
(a claim, a comparison, a finding) a line, so a change to one item is a change to one line in
a diff. Items are written compactly (no spaces after ``,`` and ``:``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import orjson

# orjson refuses integers beyond 64 bits; the standard library writes them, in the same layout
_FALLBACK = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _encode(item: Any) -> str:
    try:
        return orjson.dumps(item).decode()
    except orjson.JSONEncodeError:
        return _FALLBACK(item)


def write_json(document: dict[str, Any], stream: TextIO) -> None:
    """Write a JSON object: top-level keys one a line, list items one a line.

    A value may be a list or an iterator (written as a list, item by item, so that a large
    output is never held in memory whole)."""
    stream.write("{\n")
    last = len(document) - 1
    for i, (key, value) in enumerate(document.items()):
        stream.write(f"  {_encode(key)}: ")
        if isinstance(value, list | Iterator):
            _write_items(value, stream)
        else:
            stream.write(_encode(value))
        stream.write(",\n" if i < last else "\n")
    stream.write("}\n")


def _write_items(items: Iterable[Any], stream: TextIO) -> None:
    lead = "[\n    "
    for item in items:
        stream.write(lead)
        stream.write(_encode(item))
        lead = ",\n    "
    stream.write("[]" if lead.startswith("[") else "\n  ]")
