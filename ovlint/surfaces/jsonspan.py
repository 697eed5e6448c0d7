"""A JSON parser that keeps the span of every value, so a fix can rewrite one value in place
and leave the rest of the file, formatting included, byte for byte as it was."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ovlint.base.lazy import pattern

_WS = pattern(r"[ \t\r\n]*")
_NUMBER = pattern(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_STRING = pattern(r'"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"')


class JsonError(ValueError):
    def __init__(self, message: str, offset: int):
        super().__init__(f"{message} at offset {offset}")
        self.offset = offset


class TooDeep(JsonError):
    """Valid JSON, perhaps, but nested deeper than ovlint reads."""


MAX_DEPTH = 500


@dataclass
class Node:
    value: Any  # plain Python value (dict/list/str/...) for scalars; children below for containers
    start: int
    end: int
    items: list["Node"] = field(default_factory=list)  # array elements
    members: dict[str, tuple["Node", "Node"]] = field(default_factory=dict)  # key -> (key node, value)

    def get(self, key: str) -> "Node | None":
        pair = self.members.get(key)
        return pair[1] if pair else None


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.i = 0

    def ws(self) -> None:
        self.i = _WS.match(self.text, self.i).end()

    def value(self, depth: int = 0) -> Node:
        if depth > MAX_DEPTH:
            raise TooDeep(f"nested more than {MAX_DEPTH} levels deep", self.i)
        self.ws()
        text, start = self.text, self.i
        if start >= len(text):
            raise JsonError("unexpected end of data", start)
        ch = text[start]
        if ch == "{":
            return self.obj(depth)
        if ch == "[":
            return self.array(depth)
        if ch == '"':
            match = _STRING.match(text, start)
            if not match:
                raise JsonError("invalid string", start)
            self.i = match.end()
            return Node(json.loads(match.group()), start, self.i)
        for literal, val in (("true", True), ("false", False), ("null", None)):
            if text.startswith(literal, start):
                self.i = start + len(literal)
                return Node(val, start, self.i)
        match = _NUMBER.match(text, start)
        if match and match.end() > start:
            self.i = match.end()
            return Node(json.loads(match.group()), start, self.i)
        raise JsonError(f"unexpected character {ch!r}", start)

    def obj(self, depth: int) -> Node:
        node = Node({}, self.i, self.i)
        self.i += 1
        self.ws()
        if self.text.startswith("}", self.i):
            self.i += 1
            node.end = self.i
            return node
        while True:
            self.ws()
            key = self.value(depth + 1)
            if not isinstance(key.value, str) or key.items or key.members:
                raise JsonError("object key must be a string", key.start)
            self.ws()
            if not self.text.startswith(":", self.i):
                raise JsonError("expected ':'", self.i)
            self.i += 1
            val = self.value(depth + 1)
            node.members[key.value] = (key, val)
            node.value[key.value] = val.value
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
                continue
            if self.text.startswith("}", self.i):
                self.i += 1
                node.end = self.i
                return node
            raise JsonError("expected ',' or '}'", self.i)

    def array(self, depth: int) -> Node:
        node = Node([], self.i, self.i)
        self.i += 1
        self.ws()
        if self.text.startswith("]", self.i):
            self.i += 1
            node.end = self.i
            return node
        while True:
            item = self.value(depth + 1)
            node.items.append(item)
            node.value.append(item.value)
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
                continue
            if self.text.startswith("]", self.i):
                self.i += 1
                node.end = self.i
                return node
            raise JsonError("expected ',' or ']'", self.i)


def parse(text: str) -> Node:
    parser = _Parser(text)
    try:
        node = parser.value()
    except RecursionError:
        raise TooDeep("nested too deeply", parser.i) from None
    parser.ws()
    if parser.i != len(text):
        raise JsonError("extra data after the document", parser.i)
    return node
