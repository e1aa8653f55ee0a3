"""Safe YAML parsing that builds Python objects straight from the parser's events.

`yaml.load` (even with libyaml's CSafeLoader) first composes a node object for every scalar of
the file and only then constructs the dicts and lists. For a 40 MB knowledge base (100x the real
one) that node graph alone takes ~700 MB and most of the parse time. Building objects from the
event stream gives the same result as `yaml.safe_load` for the YAML a knowledge base uses, in a
fraction of the memory, and lets anchors and aliases (the "billion laughs" bomb, and a way to
make two items silently share data) be refused the moment they appear, with their line.

Plain scalars are resolved exactly as SafeLoader resolves them (`25` → int, `null` → None,
`2023-01-19` → date); an explicit tag is constructed by SafeConstructor, which refuses any tag it
does not know. Every problem is raised as a `yaml.MarkedYAMLError`, carrying line and column.

`read_yaml` is the one door for a knowledge-base file: it refuses an oversized file before
parsing and turns every YAML problem into an `SdError` naming the file, line and column.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import yaml
from yaml import events

from ..errors import SdError

_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_NO_KEY = object()
#: Strings up to this length are interned: mapping keys, plan ids, agency names, units and
#: comparison words repeat tens of thousands of times in a large base, one object each otherwise.
_INTERN_MAX = 32


class KnowledgeBaseYAMLError(yaml.MarkedYAMLError):
    """A construct the knowledge base does not allow (anchors, aliases, unusual tags)."""


def parse(text: str | bytes) -> object:
    """The single document in ``text`` (str, or UTF-8 bytes) as Python objects; an empty
    document is None."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolve = yaml.resolver.Resolver().resolve
    construct = yaml.constructor.SafeConstructor().construct_object
    stack: list[list] = []  # [container, pending mapping key or _NO_KEY]
    result: list[object] = []

    def put(value: object, event: events.Event) -> None:
        if not stack:
            result.append(value)
            return
        top = stack[-1]
        if isinstance(top[0], list):
            top[0].append(value)
        elif top[1] is _NO_KEY:
            try:
                hash(value)
            except TypeError:
                raise KnowledgeBaseYAMLError(
                    None, None, "a mapping key must be a plain value", event.start_mark
                ) from None
            top[1] = value
        else:
            top[0][top[1]] = value
            top[1] = _NO_KEY

    # the parser's events read straight from it (`yaml.parse` wraps each in a generator step and
    # a second call), and a short plain scalar resolved and made once (keys, units, plan ids,
    # years and line numbers repeat tens of thousands of times in a large base)
    get_event = loader(text).get_event
    plain: dict[str, object] = {}
    scalar, mapping, sequence = events.ScalarEvent, events.MappingStartEvent, events.SequenceStartEvent
    ends = (events.MappingEndEvent, events.SequenceEndEvent)
    while (event := get_event()) is not None:
        kind = type(event)
        if kind is scalar or kind is mapping or kind is sequence:
            if event.anchor is not None:
                raise KnowledgeBaseYAMLError(
                    None, None, "anchors (&name) are not allowed in the knowledge base", event.start_mark
                )
        if kind is scalar:
            value = event.value
            if event.tag in (None, "!") and event.implicit[0] and len(value) <= _INTERN_MAX:
                # a short plain scalar: its value made once (a string, or a number, date, bool
                # or null, all immutable, so one object may stand in every place)
                made = plain.get(value, _NO_KEY)
                if made is _NO_KEY:
                    tag = resolve(yaml.ScalarNode, value, (True, False))
                    if tag == _STR:
                        made = sys.intern(value)
                    else:
                        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
                        made = construct(node)
                    plain[value] = made
                put(made, event)
                continue
            if event.tag in (None, "!"):
                tag = resolve(yaml.ScalarNode, value, (True, False)) if event.implicit[0] else _STR
            else:
                tag = event.tag
            if tag == _STR:
                put(sys.intern(value) if len(value) <= _INTERN_MAX else value, event)
            else:
                node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
                put(construct(node), event)
        elif kind is mapping or kind is sequence:
            if event.tag not in _COLLECTION_TAGS:
                raise KnowledgeBaseYAMLError(
                    None, None, f"the tag {event.tag} is not allowed", event.start_mark
                )
            stack.append([{} if kind is mapping else [], _NO_KEY])
        elif kind in ends:
            put(stack.pop()[0], event)
        elif kind is events.AliasEvent:
            raise KnowledgeBaseYAMLError(
                None, None, "aliases (*name) are not allowed in the knowledge base", event.start_mark
            )
    if len(result) > 1:
        raise KnowledgeBaseYAMLError(None, None, "the file holds more than one YAML document", None)
    return result[0] if result else None


#: Files larger than this are refused before parsing (the real base is 1.2 MB; the 100x
#: benchmark base about 115 MB).
MAX_FILE_BYTES = 256 * 1024 * 1024


def read_yaml(path: Path) -> object:
    """Parse one YAML file safely; syntax errors name the file, line and column."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SdError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if size > MAX_FILE_BYTES:
        raise SdError(f"{path} is {size // 2**20} MB, over the {MAX_FILE_BYTES // 2**20} MB limit.")
    # bytes, not str: libyaml decodes them itself, and a decoded copy of a large file would
    # cost more memory than the objects built from it
    try:
        data = path.read_bytes()
    except OSError as exc:  # a folder where the file should be, a file without read permission
        raise SdError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    try:
        return parse(data)
    except yaml.reader.ReaderError as exc:
        what = "is not UTF-8 text" if "UTF-8" in exc.reason else f"has an unreadable character ({exc.reason})"
        raise SdError(f"{path} {what} at byte {exc.position}.") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise SdError(f"{where}: invalid YAML: {exc.problem or exc.context}.") from None
    except yaml.YAMLError as exc:
        raise SdError(f"{path}: invalid YAML: {exc}.") from None


@cache
def _compose(path: Path) -> object:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError:
        return None


def node_line(path: Path, keys: list) -> int | None:
    """The 1-based line of the node at ``keys`` in ``path`` (used only to report errors)."""
    node = _compose(path)
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if k.value == key]
            if not found:
                break
            node = found[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1 if node is not None else None
