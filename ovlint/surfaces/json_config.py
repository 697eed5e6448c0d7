"""JSON files, for the configuration rules (OpenVINO Model Server `config.json`). A file that
does not parse (a trailing comma) is reported (OV001): it is read only when it holds a configuration
rule's words (`model_config_list`, `plugin_config`), and the Model Server, which reads strict JSON,
would reject it too. A file with comments is JSON for other tools (`devcontainer.json`): no rule
runs on it."""
from __future__ import annotations


from ovlint.base.lazy import pattern
from ovlint.surfaces import FileKind, jsonspan, whole

JSON = "json"


def read(text: str):
    try:
        return whole(text, tree=jsonspan.parse(text))
    except jsonspan.TooDeep as exc:
        return whole(text, error=f"JSON {exc}; the file was not read")
    except jsonspan.JsonError as exc:
        if _COMMENT.search(text):  # JSON with comments (`devcontainer.json`): for the tools that allow them
            return whole(text)
        return whole(text, error=f"not JSON ({exc}); the file was not read")


_COMMENT = pattern(r"(?m)^[ \t]*//|/\*")


KIND = FileKind(
    name="json", label="JSON", recognise=lambda path, name, suffix: suffix == ".json",
    read=read, facts=(JSON,), comment=None, rank=60, fence="json",
)
