"""The knowledge base's JSON Schemas, and a small validator for them.

The schemas (`targets.schema.json`, `agencies.schema.json`) are what editors use to validate and
autocomplete the YAML. The loader checks the same files with the subset of JSON Schema they use
(type, required, properties, additionalProperties, items, enum, pattern, bounds, local $ref),
which keeps the `jsonschema` package and its dependency tree off the install.

Each schema is compiled once into nested checking functions (`_compile`): every node's `$ref`
resolved, its pattern compiled, its keywords looked up, once, not at every value; and a value's
path is made only when it is wrong. Interpreting the schema at every value was a third of
loading a large base (at 100× the real one, 105,200 items: ~12 s of the ~36 s).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent

#: JSON Schema's types as Python's (true and false are not numbers: `bool` is let through only
#: where "boolean" is named)
_TYPES = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "object": (dict,),
    "array": (list,),
}

#: A value's place while it is checked: (the parent's place, key or index), () at the top; made
#: into a list of keys (`_keys`) only for a value that is wrong.
Place = tuple
Errors = list[tuple[list, str]]
Check = Callable[[object, Place, Errors], None]


@cache
def load_schema(name: str) -> dict:
    """`targets` or `agencies` → its parsed schema."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


#: Compiled schemas, by the identity of the schema object (kept here, so the identity stays its).
_COMPILED: dict[int, tuple[dict, Check]] = {}


def validate(value: object, schema: dict) -> list[tuple[list, str]]:
    """Every violation of ``schema`` by ``value``, as (path, sentence); empty when valid."""
    entry = _COMPILED.get(id(schema))
    if entry is None or entry[0] is not schema:
        entry = _COMPILED[id(schema)] = (schema, _compile(schema, schema, {}))
    errors: Errors = []
    entry[1](value, (), errors)
    return errors


def _keys(place: Place) -> list:
    out = []
    while place:
        place, key = place
        out.append(key)
    out.reverse()
    return out


def _resolve(node: dict, root: dict) -> dict:
    if "$ref" not in node:
        return node
    target: dict = root
    for part in node["$ref"].lstrip("#/").split("/"):
        target = target[part]
    return {**target, **{k: v for k, v in node.items() if k != "$ref"}}


def _compile(node: dict, root: dict, memo: dict[int, Check]) -> Check:
    """One function that checks a value against ``node`` and appends its violations, in the
    order the keywords were always checked: type (and nothing more if it fails), enum, a
    string's length and pattern, a number's bounds, a mapping's required keys then its keys in
    their order, a list's length then its entries."""
    if id(node) in memo:
        return memo[id(node)]
    # a recursive schema reaches this node again while it is compiled: the stub calls the
    # finished function
    done: list[Check] = []
    memo[id(node)] = lambda value, place, errors: done[0](value, place, errors)
    spec = _resolve(node, root)
    kinds = spec.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    types = None if kinds is None else tuple({t for k in kinds for t in _TYPES[k]})
    bools = kinds is not None and "boolean" in kinds
    wanted = None if kinds is None else " or ".join(kinds)
    enum = spec.get("enum")
    min_length = spec.get("minLength", 0)
    pattern = spec.get("pattern")
    search = re.compile(pattern).search if pattern is not None else None
    minimum, maximum = spec.get("minimum"), spec.get("maximum")
    required = spec.get("required", [])
    props = {k: _compile(sub, root, memo) for k, sub in spec.get("properties", {}).items()}
    closed = spec.get("additionalProperties") is False
    min_items, max_items = spec.get("minItems", 0), spec.get("maxItems")
    entries = _compile(spec["items"], root, memo) if "items" in spec else None

    def check(value: object, place: Place, errors: Errors) -> None:
        if types is not None and not (isinstance(value, types) and (bools or value.__class__ is not bool)):
            errors.append((_keys(place), f"should be {wanted}, not {_describe(value)}"))
            return
        if enum is not None and value not in enum:
            errors.append((_keys(place), f"{value!r} is not one of {', '.join(map(str, enum))}"))
        if isinstance(value, str):
            if len(value) < min_length:
                errors.append((_keys(place), "should not be empty"))
            if search is not None and not search(value):
                errors.append((_keys(place), f"{value!r} does not match {pattern}"))
        elif isinstance(value, dict):
            for key in required:
                if key not in value:
                    errors.append((_keys(place), f"is missing '{key}'"))
            for key, sub in value.items():
                test = props.get(key)
                if test is not None:
                    test(sub, (place, key), errors)
                elif closed:
                    errors.append((_keys(place), f"has an unknown key '{key}'"))
        elif isinstance(value, list):
            if len(value) < min_items:
                errors.append((_keys(place), f"should have at least {min_items} entries"))
            if max_items is not None and len(value) > max_items:
                errors.append((_keys(place), f"should have at most {max_items} entries"))
            if entries is not None:
                for i, sub in enumerate(value):
                    entries(sub, (place, i), errors)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if minimum is not None and value < minimum:
                errors.append((_keys(place), f"{value} is below {minimum}"))
            if maximum is not None and value > maximum:
                errors.append((_keys(place), f"{value} is above {maximum}"))

    done.append(check)
    memo[id(node)] = check
    return check


def _describe(value: object) -> str:
    if value is None:
        return "empty"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
