"""The knowledge base's JSON Schemas, and a small validator for them.

The schemas (`targets.schema.json`, `agencies.schema.json`) are what editors use to validate and
autocomplete the YAML. The loader checks the same files with the subset of JSON Schema they use
(type, required, properties, additionalProperties, items, enum, pattern, bounds, local $ref),
which keeps the `jsonschema` package and its dependency tree off the install.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent

_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


@cache
def load_schema(name: str) -> dict:
    """`targets` or `agencies` → its parsed schema."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def validate(value: object, schema: dict) -> list[tuple[list, str]]:
    """Every violation of ``schema`` by ``value``, as (path, sentence); empty when valid."""
    errors: list[tuple[list, str]] = []
    _check(value, schema, schema, [], errors)
    return errors


def _check(value: object, node: dict, root: dict, path: list, errors: list) -> None:
    if "$ref" in node:
        target: dict = root
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    kinds = node.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_TYPES[k](value) for k in kinds):
            errors.append((path, f"should be {' or '.join(kinds)}, not {_describe(value)}"))
            return
    if "enum" in node and value not in node["enum"]:
        errors.append((path, f"{value!r} is not one of {', '.join(map(str, node['enum']))}"))
    if isinstance(value, str):
        if len(value) < node.get("minLength", 0):
            errors.append((path, "should not be empty"))
        if "pattern" in node and not re.search(node["pattern"], value):
            errors.append((path, f"{value!r} does not match {node['pattern']}"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in node and value < node["minimum"]:
            errors.append((path, f"{value} is below {node['minimum']}"))
        if "maximum" in node and value > node["maximum"]:
            errors.append((path, f"{value} is above {node['maximum']}"))
    if isinstance(value, dict):
        for key in node.get("required", []):
            if key not in value:
                errors.append((path, f"is missing '{key}'"))
        props = node.get("properties", {})
        for key, sub in value.items():
            if key in props:
                _check(sub, props[key], root, [*path, key], errors)
            elif node.get("additionalProperties") is False:
                errors.append((path, f"has an unknown key '{key}'"))
    if isinstance(value, list):
        if len(value) < node.get("minItems", 0):
            errors.append((path, f"should have at least {node['minItems']} entries"))
        if "maxItems" in node and len(value) > node["maxItems"]:
            errors.append((path, f"should have at most {node['maxItems']} entries"))
        if "items" in node:
            for i, sub in enumerate(value):
                _check(sub, node["items"], root, [*path, i], errors)


def _describe(value: object) -> str:
    if value is None:
        return "empty"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
