"""A project that depends on OpenVINO but still allows a Python the target release has no wheels for."""
from __future__ import annotations

from ovlint.base.versions import at_least
from ovlint.rulekit.rule import Example, RequirementRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.surfaces.requirement import as_pep440

OPENVINO_PACKAGES = {"openvino", "openvino-dev", "openvino-genai", "openvino-tokenizers"}
PYTHON_3_8, PYTHON_3_9 = DEPRECATIONS["python-3-8"], DEPRECATIONS["python-3-9"]
# (the Python that went, the oldest Python the releases from then on have wheels for), newest first;
# from the wheel tags on PyPI
PYTHON_FLOORS = ((PYTHON_3_9, 10), (PYTHON_3_8, 9))


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
        f"OpenVINO publishes wheels for a window of Python versions: 3.8 was dropped in {PYTHON_3_8.removed} and "
        f"3.9 in {PYTHON_3_9.removed} (its wheels are tagged cp310 to cp314). A project whose `requires-python` (or "
        "`python_requires`, or Poetry's `python`) still admits the older Python cannot install the target "
        "release there: pip either fails or quietly picks an older OpenVINO. Raise the lower bound, or keep "
        "the older Pythons on an older OpenVINO with an environment marker."
    )
    deprecated_in = PYTHON_3_8.removed
    needles = ("requires-python", "python_requires", "python =", "python=")
    context_needles = ("(?i)openvino",)  # the project depends on an OpenVINO package
    examples = (
        Example("[project]\nname = \"app\"\nrequires-python = \">=3.8\"\n"
                "dependencies = [\"openvino>=2025.0\"]\n", filename="pyproject.toml",
                message=("OpenVINO 2026.4 has wheels for Python 3.10 and newer (3.9 was dropped in 2025.4), "
                         "but this allows Python 3.8: require `>=3.10`, or limit OpenVINO on older Pythons "
                         'with a `python_version < "3.10"` marker')),
        Example("[options]\npython_requires = >=3.9\ninstall_requires =\n    openvino==2026.0.0\n",
                filename="setup.cfg",
                message=("OpenVINO 2026.4 has wheels for Python 3.10 and newer (3.9 was dropped in 2025.4), "
                         "but this allows Python 3.9: require `>=3.10`, or limit OpenVINO on older Pythons "
                         'with a `python_version < "3.10"` marker')),
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
        floor = next(((gone, minor) for gone, minor in PYTHON_FLOORS
                      if at_least(self.ctx.target_version, gone.removed)), None)
        lowest = lowest_minor(req.specifier)
        if floor is None or lowest is None or lowest >= floor[1]:
            return
        gone, minor = floor
        self.report(req, f"OpenVINO {self.ctx.target_version} has wheels for Python 3.{minor} and newer "
                         f"(3.{minor - 1} was dropped in {gone.removed}), but this allows Python 3.{lowest}: require "
                         f"`>=3.{minor}`, or limit OpenVINO on older Pythons with a "
                         f"`python_version < \"3.{minor}\"` marker", deprecation=gone)
