"""What `--fix` applies in a run: safe fixes, and unsafe ones in the files linted with unsafe fixes
on (`--unsafe-fixes`, or `unsafe-fixes = true` in their configuration). The `[*]` and `[-]`
markers, `--statistics` and the summary all ask it, so each says what `--fix` will do."""
from __future__ import annotations

from dataclasses import dataclass

from ovlint.base.diagnostics import Applicability


@dataclass(frozen=True)
class Fixability:
    unsafe_paths: frozenset = frozenset()  # the reported paths of files linted with unsafe fixes on

    def applies(self, diag) -> bool:
        """Whether `--fix`, with this run's settings, applies the finding's fix."""
        return diag.fix is not None and (diag.fix.applicability is Applicability.SAFE or diag.path in self.unsafe_paths)

    def needs_unsafe(self, diag) -> bool:
        """Whether the finding has a fix that only `--unsafe-fixes` would apply."""
        return diag.fix is not None and not self.applies(diag)

    def marker(self, diag) -> str:
        if diag.fix is None:
            return ""
        return "[*] " if self.applies(diag) else "[-] "
