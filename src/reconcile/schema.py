"""The JSON Schema of the figure file, generated from the models."""

from __future__ import annotations

import json

from reconcile.models import FigureFile

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def schema_text() -> str:
    schema = FigureFile.model_json_schema(mode="validation")
    document = {"$schema": SCHEMA_URI, **schema}
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
