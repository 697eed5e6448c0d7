"""JSON files, for the configuration rules (OpenVINO Model Server `config.json`). A file that
does not parse (comments, trailing commas) is reported (OV001): it is read only when it holds a
configuration rule's words (`model_config_list`, `plugin_config`), and the Model Server, which reads
strict JSON, would reject it too; other JSON-like files (`tsconfig.json`) never get that far."""
from __future__ import annotations

from ovlint.surfaces import FileKind, jsonspan, whole

JSON = "json"


def read(text: str):
    try:
        return whole(text, tree=jsonspan.parse(text))
    except jsonspan.TooDeep as exc:
        return whole(text, error=f"JSON {exc}; the file was not read")
    except jsonspan.JsonError as exc:
        return whole(text, error=f"not JSON ({exc}); the file was not read")


KIND = FileKind(
    name="json", label="JSON", recognise=lambda path, name, suffix: suffix == ".json",
    read=read, facts=(JSON,), comment=None, rank=60, fence="json",
)
