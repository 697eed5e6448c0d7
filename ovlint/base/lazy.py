"""Modules imported on first use, so that rules can name LibCST at module level while a run
over files that mention no OpenVINO never pays for importing it."""
from __future__ import annotations

import importlib
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
