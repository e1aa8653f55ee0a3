"""The knowledge base as files: reading, checking and identifying the YAML in `data/`.

Owns: where the base and the cache live (`paths`), the JSON schemas (`schema/`), safe YAML
reading and writing (`yamlread`, `yamlfmt`), loading and normalising a folder into a
`KnowledgeBase` (`load`), the metric vocabulary (`metrics`), the bilingual glossary
(`glossary`), the rules every item must meet against its source (`checks`), `validate`
(schema, references and checks together) and the folder's content hash and stamp (`digest`).

May import: `text` and `sdtargets.errors` only; never `drafting`, `store` or `cli` (the base
does not depend on the screen, the drafter or the database).

Goes here: a new field of the YAML (schema, loader, normaliser), a new curation check (in
`checks`, run by `validate`), a new data file of the base.
"""
