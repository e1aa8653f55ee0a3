"""The command line: the top of the package; nothing else imports it.

Owns: the entry point (`main`: `sdtargets` and `python -m sdtargets`), the error boundary and
the way to an answer (`dispatch`: the fast path, then Typer), the fast path for plain queries
(`fast`, with `argv` for root options anywhere on the line), the Typer app (`app`) with its
commands (`queries`, `tools`) and shared options (`options`), the command bodies both paths
run (`commands`), help and usage wording (`usage`), output (`render`: formats and paging;
`views`: columns and sections; `termtable`: table layout), the interactive shell (`shell`,
opened through `handoff`) and the progress bar (`busy`).

May import: every layer. Start-up matters: Typer, Rich, sqlite-utils, YAML and prompt_toolkit
stay off the fast path (import them inside the function that needs them).

Goes here: a new command (its function in `queries` or `tools`, registered in `app`, examples
in `usage.EXAMPLES`; its body in `commands` if the fast path serves it), a new output format
(`render.FORMATS` and `render.emit`), a new table or section layout (`views`).
"""
