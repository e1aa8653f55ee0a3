"""The SQLite store built from the knowledge base, and every query a command asks of it.

Owns: building it (`build`: one pass, a loaded `KnowledgeBase` in, every table's rows out,
one writer), opening and caching it (`db`: named by the YAML's digest, rebuilt atomically
when it changes), searching (`search`), filtering and listing (`query`), agencies and their
duties (`agencies`), `stats` and `timeline` (`overview`), making the verdicts (`progress`:
rows as data, written by `build`) and reading them (`verdicts`), and pre-encoded JSON
(`encoded`).

May import: `kb`, `text` and `sdtargets.errors`; never `drafting` or `cli`. The store has no
terminal: a slow build reports progress through `db.report_build`, which the CLI sets.

Goes here: a new table (declared in `tables.TABLES`, written in `build`), a new question
(a function over a `sqlite3.Connection`), a new verdict rule (`progress.assess` and the rules
it calls). Bump `build.SCHEMA_VERSION` when a table changes.
"""
