"""The JSON Schema of the figure file, generated from the models, for editors and validators.

The schema should accept what ``reconcile validate`` accepts and refuse what it refuses,
wherever JSON Schema can say so. The models give most of it; this module adds what they do
not say in JSON Schema's words:

- the keys of ``sources``, ``origins`` and ``measures`` are ids, and no other key is allowed;
- a section, ``settings`` or ``publisher`` may be left empty (YAML reads ``reviews:`` with
  nothing under it as null, and the tool reads that as no reviews);
- a true-or-false field takes the forms the tool reads as one: ``true``, ``yes``, ``on``,
  ``y``, ``1`` and their opposites, in any case, as YAML 1.1 and the models read them (an
  editor that reads YAML 1.2 hands ``yes`` over as text);
- defaults are written as the file would write them (``published: unknown``).

What JSON Schema cannot express is listed, with the reason, in docs/format.md.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from reconcile.intake.dates import PartialDate
from reconcile.model.entries import FigureFile, Id

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"

KEYED_SECTIONS = ("sources", "origins", "measures")
# what may be left empty: null stands for the section's default
NULLABLE = ("settings", "sources", "origins", "measures", "claims", "reviews", "publisher")
# the strings the models read as true or false (pydantic, in any case), with 0 and 1
TRUE_OR_FALSE: dict[str, Any] = {
    "anyOf": [
        {"type": "boolean"},
        {"enum": [0, 1]},
        {
            "type": "string",
            "pattern": "^(?:[yY](?:[eE][sS])?|[tT](?:[rR][uU][eE])?|[oO][nN]|1"
            "|[nN][oO]?|[fF](?:[aA][lL][sS][eE])?|[oO][fF][fF]|0)$",
        },
    ]
}


class _Generator(GenerateJsonSchema):
    def encode_default(self, dft: Any) -> Any:
        if isinstance(dft, PartialDate):
            return dft.text  # as a file writes it, not as the dataclass it is read into
        return super().encode_default(dft)


def _id_pattern() -> str:
    metadata = Id.__metadata__[0]  # type: ignore[attr-defined]
    pattern: str = metadata.pattern
    return pattern


def _booleans(node: Any) -> Any:
    """Every ``{"type": "boolean"}`` of the schema, widened to the forms the tool reads."""
    if isinstance(node, list):
        return [_booleans(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _booleans(value) for key, value in node.items()}
    if node.get("type") == "boolean":
        rest = {k: v for k, v in node.items() if k != "type"}
        return {**rest, **TRUE_OR_FALSE}
    return node


def figure_file_schema() -> dict[str, Any]:
    schema = FigureFile.model_json_schema(mode="validation", schema_generator=_Generator)
    schema = _booleans(schema)
    properties = schema["properties"]
    for section in KEYED_SECTIONS:  # an id for every key, and no other key
        keyed = properties[section]
        assert list(keyed["patternProperties"]) == [_id_pattern()], section
        keyed["propertyNames"] = {**keyed.get("propertyNames", {}), "pattern": _id_pattern()}
        keyed["additionalProperties"] = False
    for key in NULLABLE:
        prop = properties[key]
        if "anyOf" in prop and {"type": "null"} in prop["anyOf"]:
            continue
        described = {k: prop.pop(k) for k in ("title", "description", "default") if k in prop}
        properties[key] = {"anyOf": [prop, {"type": "null"}], **described}
    return {"$schema": SCHEMA_URI, **schema}


def schema_text() -> str:
    return json.dumps(figure_file_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
