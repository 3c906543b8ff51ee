"""Writing JSON documents quickly and diffably.

``json.dump`` with an indent runs the pure-Python encoder, which dominated the time of large
outputs. Here the standard library's C encoder writes each item; the document is laid out
with one top-level key a line and one list item (a claim, a comparison, a finding) a line,
so a change to one item is a change to one line in a diff.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def write_json(document: dict[str, Any], stream: TextIO) -> None:
    """Write a JSON object: top-level keys one a line, list items one a line."""
    stream.write("{\n")
    last = len(document) - 1
    for i, (key, value) in enumerate(document.items()):
        stream.write(f"  {_ENCODE(key)}: ")
        if isinstance(value, list) and value:
            stream.write("[\n")
            stream.write(",\n".join(f"    {_ENCODE(item)}" for item in value))
            stream.write("\n  ]")
        else:
            stream.write(_ENCODE(value))
        stream.write(",\n" if i < last else "\n")
    stream.write("}\n")
