"""The `ovlint` command: `check` (the default), `report`, `rules` and `rule`."""
from __future__ import annotations

import difflib
import os
import re
import sys

import click

from ovlint import __version__
from ovlint.app import reporters
from ovlint.app.reporters.safe_text import terminal
from ovlint.app.config import ConfigError, Resolver
from ovlint.app.session import EXIT_ERROR
from ovlint.app.statistics import FORMATS as STATISTICS_FORMATS
from ovlint.base import versions


class DefaultCheckGroup(click.Group):
    """`ovlint --fix src` means `ovlint check --fix src`, as `ruff` once allowed. A first word that
    is no path but looks like a mistyped subcommand is a usage error, as in ruff, not a path to lint."""

    def parse_args(self, ctx, args):
        first = args[0] if args else ""
        if first in self.commands or first in ("--help", "-h", "--version", "-V"):
            return super().parse_args(ctx, args)
        if re.fullmatch(r"[a-z][a-z-]*", first) and not os.path.lexists(first):
            close = difflib.get_close_matches(first, list(self.commands), n=1)
            if close:
                raise click.UsageError(f"unrecognized subcommand '{first}' (and no path of that name exists); "
                                       f"a similar subcommand exists: '{close[0]}'", ctx)
        return super().parse_args(ctx, ["check"] + list(args))


# options that ask for two different runs: as in ruff, naming both is a usage error, not a silent choice
CONFLICTS = (("diff", "show_fixes"), ("diff", "statistics"), ("add_noqa", "fix"), ("add_noqa", "diff"),
             ("add_noqa", "statistics"), ("add_noqa", "write_baseline"), ("write_baseline", "fix"),
             ("write_baseline", "diff"))


def _check_combination(ctx) -> None:
    def given(name):
        return ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE and ctx.params[name]

    def flag(name):
        return "--" + name.replace("_", "-")

    for first, second in CONFLICTS:
        if given(first) and given(second):
            raise click.UsageError(f"the option '{flag(first)}' cannot be used with '{flag(second)}'", ctx)
    if given("statistics") and ctx.params["output_format"] not in STATISTICS_FORMATS:
        raise click.UsageError(f"'--statistics' prints text or JSON: use --output-format "
                               f"{', '.join(STATISTICS_FORMATS)}", ctx)


def _fail(error) -> None:
    """A usage or configuration error that is no click usage error: one line, exit 2."""
    click.echo(f"ovlint: error: {terminal(str(error))}", err=True)
    sys.exit(EXIT_ERROR)


def _codes(values) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@click.group(cls=DefaultCheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ovlint", message="%(prog)s %(version)s")
def main():
    """Find removed and deprecated OpenVINO APIs and tools, and migrate them."""


@main.command(short_help="Lint PATHS; with --fix, migrate them.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--fix/--no-fix", default=False, help="Apply safe fixes.")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None, help="Also apply fixes that may change behaviour.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--select", multiple=True, help="Rule codes or prefixes to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to disable.")
@click.option("--extend-select", multiple=True, help="Codes to enable on top of the selection.")
@click.option("--output-format", type=click.Choice(list(reporters.FORMATS)), default="full", show_default=True)
@click.option("--statistics", is_flag=True, help="Print how often each rule fired instead of each finding.")
@click.option("--show-fixes", is_flag=True, help="List the fixes that were applied.")
@click.option("--exit-zero", "-e", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when a fix was applied, even if nothing remains.")
@click.option("--target-version", help=f"OpenVINO release to migrate to (default: the newest known, {versions.NEWEST}). "
              "A project's own pin never changes it: the pin is the oldest release fixes must also run on.")
@click.option("--config", "config_file", type=click.Path(), help="Use this config file for every path.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--no-cache", "-n", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--silent", "-s", is_flag=True, help="Print nothing; the exit code still says whether findings remain.")
@click.option("--verbose", "-v", is_flag=True, help="Print the config file and file counts.")
@click.option("--stdin-filename", help="The name of the file read from standard input (`-`, implied without PATHS).")
@click.option("--add-noqa", is_flag=True, help="Add a `noqa` comment for every finding, in place.")
@click.option("--baseline", type=click.Path(), help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(), help="Write every current finding to this baseline file.")
@click.option("--output-file", "-o", type=click.Path(), help="Write the findings (or diff) here instead of to stdout.")
@click.option("--report", "report_file", type=click.Path(),
              help="Also write a migration report here (Markdown, or HTML for .html), with what --fix applied.")
@click.pass_context
def check(ctx, paths, fix, unsafe_fixes, diff, select, ignore, extend_select, output_format, statistics,
          show_fixes, exit_zero, exit_non_zero_on_fix, target_version, config_file, jobs, no_cache,
          quiet, silent, verbose, stdin_filename, add_noqa, baseline, write_baseline, output_file, report_file):
    """Lint PATHS (default: the current folder); with --fix, migrate them."""
    from ovlint.app.session import CheckOptions, run_check

    _check_combination(ctx)
    for path in paths:  # `ovlint -n rules`: options went before a subcommand, which cannot take them
        if path in main.commands and not os.path.lexists(path):
            raise click.UsageError(f"'{path}' is a subcommand, not a path: write `ovlint {path}` first, then "
                                   "its options", ctx)
    if stdin_filename and not paths:  # as ruff: a name for standard input means standard input is linted
        paths = ("-",)

    overrides = {
        "select": _codes(select) or None,
        "ignore": _codes(ignore) or None,
        "extend_select": _codes(extend_select) or None,
        "target_version": target_version,
        "unsafe_fixes": unsafe_fixes,
    }
    try:
        resolver = Resolver({k: v for k, v in overrides.items() if v is not None}, config_file)
        here = resolver.for_directory(os.getcwd())
        if here.error:  # it governs the whole run (and its cache); a deeper folder's is reported alone
            raise ConfigError(here.error)
    except ConfigError as exc:
        _fail(exc)
    options = CheckOptions(
        paths=list(paths) or ["."], mode="diff" if diff else ("fix" if fix else "check"),
        unsafe_fixes=unsafe_fixes, output_format=output_format, statistics=statistics,
        show_fixes=show_fixes, exit_zero=exit_zero, exit_non_zero_on_fix=exit_non_zero_on_fix,
        jobs=jobs or os.cpu_count() or 1, use_cache=not no_cache, quiet=quiet, silent=silent, verbose=verbose,
        stdin_filename=stdin_filename, add_noqa=add_noqa, baseline=baseline, write_baseline=write_baseline,
        output_file=output_file, report_file=report_file,
    )
    from ovlint.app.baseline import BaselineError
    from ovlint.engine.writer import WriteError

    try:
        sys.exit(run_check(options, resolver))
    except (ConfigError, BaselineError, WriteError) as exc:  # WriteError: an output or report file
        _fail(exc)


@main.command("report", short_help="Write a migration report for PATHS.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["markdown", "html"]), default="markdown", show_default=True)
@click.option("--output", "-o", type=click.Path(), help="Write the report here (default: standard output).")
@click.option("--target-version", help="OpenVINO release to migrate to.")
@click.option("--config", "config_file", type=click.Path(), help="Use this config file for every path.")
def report_command(paths, fmt, output, target_version, config_file):
    """Write a migration report for PATHS: counts, what the fixes change, and a checklist."""
    from ovlint.app.session import CheckOptions, collect

    try:
        resolver = Resolver({"target_version": target_version} if target_version else {}, config_file)
        diagnostics, target = collect(CheckOptions(paths=list(paths) or ["."], use_cache=False,
                                                   jobs=os.cpu_count() or 1), resolver)
    except ConfigError as exc:
        _fail(exc)
    from ovlint.app import report

    text = report.markdown(diagnostics, target) if fmt == "markdown" else report.html_page(diagnostics, target)
    if not output:
        click.echo(text, nl=False)
        return
    from ovlint.app.session import projects
    from ovlint.engine.writer import WriteError, write_output

    try:
        write_output(output, text.encode("utf-8"), projects(list(paths) or ["."]))
    except WriteError as exc:
        _fail(exc)


def _docs_page():
    """The rules' documentation page, as this folder's configuration sets it (for JSON's `url`)."""
    from ovlint.app import links

    try:
        return links.page(Resolver({}).for_directory(os.getcwd()))
    except ConfigError as exc:
        _fail(exc)


@main.command("rules")
@click.option("--output-format", type=click.Choice(["full", "json"]), default="full", show_default=True)
def rules_command(output_format):
    """List every rule."""
    from ovlint.app import ruledocs

    ruledocs.print_table(output_format, _docs_page() if output_format == "json" else None)


@main.command("rule")
@click.argument("code")
@click.option("--output-format", type=click.Choice(["full", "json"]), default="full", show_default=True)
def rule_command(code, output_format):
    """Explain one rule (a code such as OV101, or a name)."""
    from ovlint.engine import registry
    from ovlint.app import ruledocs

    rule = registry.find(code)
    if rule is None:
        _fail(f"unknown rule {code!r} (see `ovlint rules`)")
    ruledocs.print_rule(rule, output_format, _docs_page() if output_format == "json" else None)
