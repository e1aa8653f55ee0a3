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
"""

from __future__ import annotations

import sys

import yaml
from yaml import events

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

    for event in yaml.parse(text, Loader=loader):
        kind = type(event)
        if kind in (events.ScalarEvent, events.MappingStartEvent, events.SequenceStartEvent):
            if event.anchor is not None:
                raise KnowledgeBaseYAMLError(
                    None, None, "anchors (&name) are not allowed in the knowledge base", event.start_mark
                )
        if kind is events.ScalarEvent:
            if event.tag in (None, "!"):
                tag = resolve(yaml.ScalarNode, event.value, (True, False)) if event.implicit[0] else _STR
            else:
                tag = event.tag
            if tag == _STR:
                value = event.value
                put(sys.intern(value) if len(value) <= _INTERN_MAX else value, event)
            else:
                node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
                put(construct(node), event)
        elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
            if event.tag not in _COLLECTION_TAGS:
                raise KnowledgeBaseYAMLError(
                    None, None, f"the tag {event.tag} is not allowed", event.start_mark
                )
            stack.append([{} if kind is events.MappingStartEvent else [], _NO_KEY])
        elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
            put(stack.pop()[0], event)
        elif kind is events.AliasEvent:
            raise KnowledgeBaseYAMLError(
                None, None, "aliases (*name) are not allowed in the knowledge base", event.start_mark
            )
    if len(result) > 1:
        raise KnowledgeBaseYAMLError(None, None, "the file holds more than one YAML document", None)
    return result[0] if result else None
