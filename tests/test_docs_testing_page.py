"""The example of docs/testing-admission-rules.md runs: its files, copied into an empty folder, pass pytest."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.paths import DOCS

PAGE = DOCS / "testing-admission-rules.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def files_of_the_page() -> dict[str, str]:
    """Each ```python block, gathered by the file its first line names (``# test_admission.py``)."""
    files: dict[str, str] = {}
    for block in BLOCK.findall(PAGE.read_text(encoding="utf-8")):
        first, _, body = block.partition("\n")
        assert re.fullmatch(r"# [a-z_]+\.py", first), f"a python block must start by naming its file: {first!r}"
        files[first[2:]] = files.get(first[2:], "") + body
    return files


def test_the_page_has_a_test_module_and_a_conftest():
    assert sorted(files_of_the_page()) == ["conftest.py", "test_admission.py"]


def test_the_example_tests_pass_when_copied_into_a_project(tmp_path):
    files = files_of_the_page()
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    tests = re.findall(r"^def (test_\w+)\(", files["test_admission.py"], flags=re.MULTILINE)
    assert len(tests) == 5
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.splitlines()[-1].startswith("5 passed"), result.stdout[-3000:]


def run_pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    """pytest as the user runs it: in their folder, with only the installed package, outside CI."""
    env = {name: value for name, value in os.environ.items() if name not in {"CI", "HYPOTHESIS_PROFILE"}}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error"],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        timeout=600,
        check=False,
    )


def test_the_documented_mistake_is_caught(tmp_path):
    # The page suggests leaving Degree.ACADEMIC_BACHELOR out of ACADEMIC_BACHELORS to see a failure: Hypothesis must
    # find it, and shrink it to a Dutch arts bachelor (comparable to a Flemish academic bachelor, Art. 11(2)).
    files = files_of_the_page()
    broken = files["test_admission.py"].replace(
        "{Degree.WO_BACHELOR, Degree.ACADEMIC_BACHELOR}", "{Degree.WO_BACHELOR}"
    )
    assert broken != files["test_admission.py"]
    (tmp_path / "test_admission.py").write_text(broken, encoding="utf-8")
    result = run_pytest(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("1 failed, 4 passed")
    assert "FAILED test_admission.py::test_a_dutch_hbo_bachelor_needs_a_bridge_in_flanders_unless_it_is_arts" in (
        result.stdout
    )
    assert "arts=True" in result.stdout
