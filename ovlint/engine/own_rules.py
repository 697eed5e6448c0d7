"""ovlint's own diagnostics (OV0xx): problems with the input or the run, not with OpenVINO use."""
from __future__ import annotations

from ovlint.rulekit.rule import Rule


class EngineRule(Rule):
    surface = "engine"


class FileNotParsed(EngineRule):
    code = "OV001"
    name = "file-not-parsed"
    summary = "File could not be parsed; it was not linted"
    rationale = (
        "A file with a syntax error (or a notebook, TOML or JSON file that is not well formed) cannot "
        "be analysed. ovlint reports it and goes on with the other files; nothing is written to it."
    )


class FixBrokeFile(EngineRule):
    code = "OV002"
    name = "fix-broke-file"
    summary = "A fix produced code that does not parse; the file was left unchanged"
    rationale = (
        "Every fixed file is parsed again before it is written. If the result does not parse, or "
        "cannot be encoded in the file's encoding, the original is kept and this is reported."
    )


class FileNotReadable(EngineRule):
    code = "OV003"
    name = "file-not-readable"
    summary = "File could not be read as text, or its fix could not be written"
    rationale = (
        "Binary files, files that are not valid in their encoding, unreadable files and paths that "
        "do not exist are reported once and skipped; the other files are still linted. A file `--fix` "
        "must not replace (read-only, also for root; hard-linked; owned by someone ovlint cannot give "
        "a new file to; reached through a link) keeps its content, its findings stay reported, and "
        "this says why."
    )


class InternalError(EngineRule):
    code = "OV004"
    name = "internal-error"
    summary = "ovlint failed on this file"
    rationale = "A rule raised an exception. The file is left unchanged; please report the bug."


class FixDidNotConverge(EngineRule):
    code = "OV005"
    name = "fix-did-not-converge"
    summary = "Fixes kept changing the file; the last stable result was kept"
    rationale = "ovlint re-lints after each round of fixes; more than 10 rounds means two fixes disagree."


class InvalidConfiguration(EngineRule):
    code = "OV006"
    name = "invalid-configuration"
    summary = "The ovlint configuration of this folder is invalid; the files it governs were not linted"
    rationale = (
        "A configuration file that is not valid TOML, or whose ovlint settings are not valid, could "
        "have said to skip or ignore anything, so the files it governs are neither linted nor fixed. "
        "The other folders are, and the run exits with code 2."
    )


ENGINE_RULES = (FileNotParsed, FixBrokeFile, FileNotReadable, InternalError, FixDidNotConverge,
                InvalidConfiguration)
