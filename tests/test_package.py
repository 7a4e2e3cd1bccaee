"""The package as users meet it: its public names, a cheap import, and the README's promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import nvao_equivalence
from tests.paths import ROOT


def test_all_lists_exactly_the_public_names():
    # Public means: importable from the package root and not a module other than `exceptions`. Some names load on
    # first use, so they are listed by dir(), not yet by vars(); resolving them may import submodules.
    for name in nvao_equivalence.__all__:
        getattr(nvao_equivalence, name)
    modules = {name for name in dir(nvao_equivalence) if isinstance(getattr(nvao_equivalence, name), ModuleType)}
    public = {name for name in dir(nvao_equivalence) if not name.startswith("_")} - {
        "annotations",
        "TYPE_CHECKING",
        "Any",
    }
    assert set(nvao_equivalence.__all__) == public - (modules - {"exceptions"})
    assert sorted(nvao_equivalence.__all__) == nvao_equivalence.__all__
    for name in nvao_equivalence.__all__:
        assert getattr(nvao_equivalence, name) is not None


def test_contract_names_are_exported():
    contract = {"Diploma", "Accreditation", "Decision", "Outcome", "Period", "Rule", "RuleSet"}
    contract |= {"check_equivalence", "timeline", "exceptions"}
    assert contract <= set(nvao_equivalence.__all__)


def test_exceptions_module_lists_its_errors():
    from nvao_equivalence import exceptions

    assert exceptions.__all__ == [
        "CredentialError",
        "EquivalenceError",
        "InvalidAssessmentError",
        "InvalidDiplomaError",
        "InvalidInputError",
        "RegisterDataError",
        "RuleDataError",
    ]
    assert issubclass(exceptions.InvalidDiplomaError, ValueError)
    assert issubclass(exceptions.InvalidAssessmentError, ValueError)
    assert issubclass(exceptions.RuleDataError, exceptions.EquivalenceError)
    assert issubclass(exceptions.CredentialError, exceptions.InvalidInputError)
    assert issubclass(exceptions.RegisterDataError, exceptions.EquivalenceError)
    assert not issubclass(exceptions.RegisterDataError, ValueError)


_PROBE = """
import json, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
import nvao_equivalence
after_import = {
    "toml_opened": [path for path in opened if path.endswith(".toml")],
    "modules": [
        name
        for name in ("dateutil.parser", "tomllib", "importlib.metadata", "hypothesis", "csv", "defusedxml")
        if name in sys.modules
    ],
}
from datetime import date
d = nvao_equivalence.Diploma(awarded_by="NL", degree="wo-bachelor", awarded_on=date(2016, 7, 1), accredited=True)
for _ in range(3):
    nvao_equivalence.check_equivalence(d, target="VL", on=date(2017, 1, 1))
after_use = [path for path in opened if path.endswith(".toml")]
print(json.dumps({"import": after_import, "use": after_use}))
"""


def test_import_reads_no_file_and_rules_load_once_on_first_use():
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, cwd=ROOT)
    report = json.loads(result.stdout)
    assert report["import"] == {"toml_opened": [], "modules": []}
    assert [Path(path).name for path in report["use"]] == ["packs.toml", "nvao-treaty.toml"]


def test_the_readme_test_command_is_the_one_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line.strip() for line in ci.splitlines() if line.startswith("python3 -m venv .venv && "))
    assert command in readme
