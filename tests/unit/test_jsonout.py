"""The JSON writer: one item a line, compact items, and numbers orjson cannot hold."""

from __future__ import annotations

import io
import json

import pytest

from reconcile.views.jsonout import write_json


def _written(document: dict[str, object]) -> str:
    stream = io.StringIO()
    write_json(document, stream)
    return stream.getvalue()


def test_one_key_a_line_and_one_item_a_line() -> None:
    text = _written({"version": 1, "items": [{"a": 1, "b": "é"}, {"a": 2, "b": None}]})
    assert text == (
        '{\n  "version": 1,\n  "items": [\n    {"a":1,"b":"é"},\n    {"a":2,"b":null}\n  ]\n}\n'
    )


def test_an_iterator_is_written_as_a_list_and_an_empty_one_as_brackets() -> None:
    text = _written({"items": iter([[1, 2], [3]]), "none": iter([])})
    assert json.loads(text) == {"items": [[1, 2], [3]], "none": []}
    assert '  "none": []\n' in text


def test_an_integer_beyond_64_bits_is_still_written() -> None:
    huge = 10**30
    text = _written({"items": [{"low": huge, "high": 1.5}]})
    assert json.loads(text) == {"items": [{"low": huge, "high": 1.5}]}
    assert '{"low":1000000000000000000000000000000,"high":1.5}' in text


def test_half_characters_are_written_as_the_stream_writes_them() -> None:
    # a file name of bytes that are not UTF-8 reaches Python as lone surrogates; standard
    # output under a C locale writes them back as the original bytes
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape")
    name = b"caf\xe9.yaml".decode("utf-8", "surrogateescape")
    write_json({"files": [{"path": name}]}, stream)
    stream.flush()
    assert b'{"path":"caf\xe9.yaml"}' in raw.getvalue()


def test_half_characters_are_refused_by_a_strict_stream() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    name = b"caf\xe9.yaml".decode("utf-8", "surrogateescape")
    with pytest.raises(UnicodeEncodeError):
        write_json({"files": [{"path": name}]}, stream)
