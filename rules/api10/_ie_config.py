"""API 1.0 keys in DL Streamer's `ie-config` property (`gvadetect model=m.xml
ie-config=CPU_BIND_THREAD=NO,CPU_THROUGHPUT_STREAMS=4`), which DL Streamer hands to OpenVINO, for the
rules that read GStreamer pipelines in commands (OV117) and in Python strings (OV118)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ovlint.rulekit.deprecation import Deprecation
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10.legacy_config_key import lookup
from ovlint.rules.cpu_pinning._pinning import KEYS as PINNING_KEYS, message as pinning_message, pinning

CONFIG_KEYS = DEPRECATIONS["api-1-config-keys"]
# the property's value: KEY=VALUE items separated by commas, up to a blank or the next pipeline link
IE_CONFIG = re.compile(r"\bie-config=([^\s!\"'`]*)")
KEY = re.compile(r"[A-Z][A-Z0-9_]*")
EXPANDED = re.compile(r"[${]")  # a value a shell variable or an f-string field gives


@dataclass(frozen=True)
class Change:
    start: int  # the KEY=VALUE item, in the text searched
    end: int
    message: str
    replacement: Optional[str]  # the item as API 2.0 spells it; None: no rewrite
    unsafe: bool
    deprecation: Deprecation


def changes(text: str) -> list[Change]:
    """What each API 1.0 item of every `ie-config=` property in `text` becomes."""
    found = []
    for match in IE_CONFIG.finditer(text):
        position = match.start(1)
        for item in match.group(1).split(","):
            key, equals, value = item.partition("=")
            change = _change(key, value, position, position + len(item)) if equals and KEY.fullmatch(key) else None
            if change is not None:
                found.append(change)
            position += len(item) + 1
    return found


def _change(key: str, value: str, start: int, end: int) -> Optional[Change]:
    if key in PINNING_KEYS:
        setting = pinning(value)
        return Change(start, end, pinning_message(key, value, setting),
                      f"ENABLE_CPU_PINNING={setting.word}" if setting else None,
                      setting is not None and not setting.exact, PINNING_KEYS[key])
    known = lookup(key)
    if known is None:
        return None
    if known.new is None:
        return Change(start, end, f"`{key}` is not an API 2.0 key: {known.note}", None, False, CONFIG_KEYS)
    message = f"`{key}` is `{known.new}` in API 2.0" + (f"; {known.note}" if known.note else "")
    if known.values is not None and value in known.values:
        new_value = known.values[value]
    elif known.keep_other_values and (known.values is None or not EXPANDED.search(value)):
        new_value = value  # a count, kept (a variable may hold `CPU_THROUGHPUT_AUTO`: not rewritten)
    else:
        return Change(start, end, message, None, False, CONFIG_KEYS)
    return Change(start, end, message, f"{known.new}={new_value}", known.unsafe, CONFIG_KEYS)
