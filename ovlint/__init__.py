"""ovlint: a deprecation and migration linter for code that uses OpenVINO."""
__version__ = "0.1.0"
__all__ = ["__version__", "fix_source", "lint_source"]


def __getattr__(name: str):
    """`ovlint.lint_source` and `ovlint.fix_source`, imported on first use (the CLI never needs them)."""
    if name in ("lint_source", "fix_source"):
        from ovlint.app import api

        return getattr(api, name)
    raise AttributeError(f"module 'ovlint' has no attribute {name!r}")
