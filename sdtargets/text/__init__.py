"""Chinese-text primitives shared by every layer: the bottom of the package.

Owns: folding text for matching (`fold`: NFKC, case, whitespace, traditional → simplified),
numbers as documents write them (`numbers`: units, unit prefixes and base units, comparison
words, years in a text, whitespace squashing, a number written back), the clause grammar
(`clauses`: who leads and who supports, as a sentence says it) and which years a target's
words state (`years`).

May import: the standard library and `sdtargets.errors` only; never `kb`, `drafting`, `store`
or `cli`.

Goes here: a rule about how Chinese plan text is written that more than one layer needs (a
new unit, a new comparison word, a new folding). A rule only the drafter uses stays in
`drafting`; a rule about the knowledge base's files goes to `kb`.
"""
