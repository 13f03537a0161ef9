"""The outline format as JSON Schema, for editor completion and validation."""

from __future__ import annotations

import json

from .model import FORMAT
from .shape import Fonts, Outline, Style

SCHEMA_ID = "https://debatekit.invalid/schema/outline-v1.json"


def outline_schema() -> dict:
    # The defaults of these sections were made without building their validators (see
    # shape.py); the schema writes those defaults out, which needs their serialisers.
    for section in (Fonts, Style):
        section.model_rebuild()
    schema = Outline.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"debatekit outline ({FORMAT})",
        "description": "One article's argument structure: strands of claims, figures and debates.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_json() -> str:
    return json.dumps(outline_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
