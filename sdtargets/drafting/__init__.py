"""Drafting new documents: `sdtargets import` turns a plan's text into YAML items to review.

Owns: reading a source (`sources`: UTF-8 text, an HTML page, a PDF's text layer), finding the
items, their clauses and years (`extract`), drafting targets from the quantities in the text
(`quantities`), and the draft with its summary for the reviewer (`draft`: agency names
resolved against the registry, numbers to check).

May import: `kb`, `text` and `sdtargets.errors`; never `store` or `cli`.

Goes here: a new source format (a reader in `sources.read_source`), a new drafting rule
(`extract` for items and sections, `quantities` for numbers). Rules the knowledge base also
needs (units, comparison words) belong in `text.numbers`.
"""
