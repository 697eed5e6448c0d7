"""JSON files, for the configuration rules (OpenVINO Model Server `config.json`). A file that is
not JSON (comments, trailing commas) is left to the tools that read it: no rule runs on it. One
nested too deeply to read is reported (OV001), since it may well be JSON."""
from __future__ import annotations

from ovlint.surfaces import FileKind, jsonspan, whole

JSON = "json"


def read(text: str):
    try:
        return whole(text, tree=jsonspan.parse(text))
    except jsonspan.TooDeep as exc:
        return whole(text, error=f"JSON {exc}; the file was not read")
    except jsonspan.JsonError:
        return whole(text)


KIND = FileKind(
    name="json", label="JSON", recognise=lambda path, name, suffix: suffix == ".json",
    read=read, facts=(JSON,), comment=None, rank=60, fence="json",
)
