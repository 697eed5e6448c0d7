"""Modules imported and regular expressions compiled on first use: rules name LibCST at module
level, and the kinds of file declare their patterns there, while a run over files that mention no
OpenVINO never pays for importing LibCST or compiling the patterns of readers it does not use
(compiling them was a fifth of a one-file run)."""
from __future__ import annotations

import importlib
import re
from types import ModuleType


class LazyModule(ModuleType):
    def __init__(self, name: str):
        super().__init__(name)
        self.__dict__["_lazy_target"] = None

    def _load(self) -> ModuleType:
        target = self.__dict__["_lazy_target"]
        if target is None:
            target = importlib.import_module(self.__name__)
            self.__dict__["_lazy_target"] = target
        return target

    def __getattr__(self, attr: str):
        # kept, so that later reads of the name are plain attribute reads (rules read cst.X per node)
        value = self.__dict__[attr] = getattr(self._load(), attr)
        return value


cst = LazyModule("libcst")


class LazyPattern:
    """`re.compile(source, flags)` once one of its attributes is first read (`.search`, ...)."""

    def __init__(self, source, flags: int = 0):
        self._source = (source, flags)

    def __getattr__(self, attr: str):
        # kept, so that later reads are plain attribute reads: no cost per match over a compiled pattern
        value = self.__dict__[attr] = getattr(re.compile(*self._source), attr)
        return value


def pattern(source, flags: int = 0) -> re.Pattern:
    return LazyPattern(source, flags)  # type: ignore[return-value]
