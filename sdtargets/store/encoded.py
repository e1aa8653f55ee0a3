"""Objects kept as the JSON they were stored as, for output that need not decode them."""

from __future__ import annotations

import json


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
        extra = "".join(f", {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in keys.items())
        return Encoded(self[:-1] + extra + "}", self.id)
