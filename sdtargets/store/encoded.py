"""Objects kept as the JSON they were stored as, for output that need not decode them."""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # what `json.dumps(str, ensure_ascii=False)` writes

#: Each key as `json.dumps` writes it, with the separator in front: made once per key name.
_KEYS: dict[str, str] = {}


def value(v: object) -> str:
    """``v`` as `json.dumps(v, ensure_ascii=False)` writes it; strings and whole numbers (most
    added values) without the encoder's set-up, a few microseconds each."""
    kind = type(v)
    if kind is str:
        return encode_basestring(v)
    if kind is int:
        return int.__repr__(v)
    return json.dumps(v, ensure_ascii=False)


class Encoded(str):
    """An object already encoded as compact JSON, exactly as `json.dumps` would write it (an
    item as stored in the database, with any keys added by splicing), with its ``id``.

    JSON output writes it unchanged; every other format decodes it. For a large answer this
    skips decoding and re-encoding every object: ~50 ms of `find 5G --json` on the 100× base.
    """

    id: str

    def __new__(cls, text: str, id: str) -> Encoded:  # noqa: A002 - the item's id
        obj = super().__new__(cls, text)
        obj.id = id
        return obj

    def adding(self, **keys: object) -> Encoded:
        """This object with ``keys`` added at its end (as `dict.update` then `json.dumps`)."""
        return Encoded(self[:-1] + pairs(keys) + "}", self.id)


def list_value(encoded: str, key: str) -> list:
    """The list under ``key`` in an object encoded as `json.dumps` writes it, decoded alone (the
    JSON decoder's own scanner, from where the key's value begins): for a key whose first
    `"key": [` is the object's own (the keys before it hold no object with that key; a quote in a
    string is escaped, so no string holds it)."""
    mark = f"{json.dumps(key)}: ["
    return _DECODER.raw_decode(encoded, encoded.index(mark) + len(mark) - 1)[0]


_DECODER = json.JSONDecoder()


def pairs(keys: dict[str, object]) -> str:
    """``keys`` as `json.dumps` writes them inside an object, each after a `, `: what splicing
    adds before an object's closing brace."""
    out = []
    for k, v in keys.items():
        head = _KEYS.get(k)
        if head is None:
            head = _KEYS[k] = f", {json.dumps(k)}: "
        out.append(head + value(v))
    return "".join(out)
