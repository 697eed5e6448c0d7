"""A project that depends on OpenVINO but still allows a Python the target release has no wheels for."""
from __future__ import annotations

from ovlint.rulekit.rule import Example, RequirementRule, Valid
from ovlint.surfaces.requirement import as_pep440
from ovlint.base.versions import at_least

OPENVINO_PACKAGES = {"openvino", "openvino-dev", "openvino-genai", "openvino-tokenizers"}
# (first release without it, the oldest Python it has wheels for), newest first; from the wheel
# tags on PyPI: cp38 last in 2024.4, cp39 last in 2025.3
PYTHON_FLOORS = (("2025.4", 10), ("2024.5", 9))


def lowest_minor(specifier: str):
    """The lowest Python 3 minor version `specifier` admits (Poetry's `^`/`~` included), or None."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        allowed = SpecifierSet(as_pep440(specifier))
    except InvalidSpecifier:
        return None
    return next((minor for minor in range(0, 20)
                 if any(allowed.contains(f"3.{minor}.{patch}", prereleases=True) for patch in (0, 99))), None)


class PythonSupport(RequirementRule):
    code = "OV509"
    name = "python-support"
    summary = "The project allows a Python version the target OpenVINO release has no wheels for"
    rationale = (
        "OpenVINO publishes wheels for a window of Python versions: 3.8 was dropped in 2024.5 and 3.9 in "
        "2025.4 (its wheels are tagged cp310 to cp314). A project whose `requires-python` (or "
        "`python_requires`, or Poetry's `python`) still admits the older Python cannot install the target "
        "release there: pip either fails or quietly picks an older OpenVINO. Raise the lower bound, or keep "
        "the older Pythons on an older OpenVINO with an environment marker."
    )
    deprecated_in = "2024.5"
    needles = ("requires-python", "python_requires", "python =", "python=")
    examples = (
        Example("[project]\nname = \"app\"\nrequires-python = \">=3.8\"\n"
                "dependencies = [\"openvino>=2025.0\"]\n", filename="pyproject.toml"),
        Example("[options]\npython_requires = >=3.9\ninstall_requires =\n    openvino==2026.0.0\n",
                filename="setup.cfg"),
    )
    valid = (
        Valid("[project]\nname = \"app\"\nrequires-python = \">=3.10\"\ndependencies = [\"openvino\"]\n",
              filename="pyproject.toml"),
        Valid("[project]\nname = \"tool\"\nrequires-python = \">=3.8\"\ndependencies = [\"numpy\"]\n",
              filename="pyproject.toml"),
        Valid("[options]\npython_requires = >=3.9\ninstall_requires =\n    openvino==2024.6.0\n",
              filename="setup.cfg", target="2024.6"),
    )

    def check_requirement(self, req) -> None:
        if req.name != "python" or not req.listed_with & OPENVINO_PACKAGES:
            return
        floor = next(((release, minor) for release, minor in PYTHON_FLOORS
                      if at_least(self.ctx.target_version, release)), None)
        lowest = lowest_minor(req.specifier)
        if floor is None or lowest is None or lowest >= floor[1]:
            return
        self.report(req, f"OpenVINO {self.ctx.target_version} has wheels for Python 3.{floor[1]} and newer "
                         f"(3.{floor[1] - 1} was dropped in {floor[0]}), but this allows Python 3.{lowest}: require "
                         f"`>=3.{floor[1]}`, or limit OpenVINO on older Pythons with a "
                         f"`python_version < \"3.{floor[1]}\"` marker")
