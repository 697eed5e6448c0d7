"""Whether what ovlint prints may carry colour and bold, and a rich console for when it may."""
from __future__ import annotations

import os


def styled(stream) -> bool:
    """Only on a terminal, or anywhere with FORCE_COLOR; never with NO_COLOR (no-color.org), which
    rich alone would honour for colours but not for bold and underline."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def console(stream):
    """A rich console writing styles to `stream`; only for a stream that is `styled`."""
    from rich.console import Console

    return Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
