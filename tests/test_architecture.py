"""The house stays readable (docs/architecture.md): layer folders, imports only downwards, no circle, small modules."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter

import pytest

from tests.paths import ROOT

PACKAGE = ROOT / "nvao_equivalence"
# From the bottom up; a module may import from its own layer and those below it.
LAYERS = (
    ("_language",),
    ("exceptions",),
    ("_vocabulary",),
    ("_files",),
    ("_credentials",),
    ("_case",),
    ("_rulebook",),
    ("_registers",),
    ("_decide",),
    ("_drawing",),
    ("_tables",),
    ("__init__", "registers", "credentials", "strategies", "frames", "_hypothesis_plugin"),
    ("_cli",),
    ("__main__",),
)
LAYER = {name: index for index, names in enumerate(LAYERS) for name in names}
MODULES = sorted(path for path in PACKAGE.rglob("*.py"))


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def layer_of(module):
    parts = module.split(".")
    return LAYER["__init__" if len(parts) == 1 else parts[1]]


def imports_of(path):
    """Every module of the package that ``path`` imports, wherever the import stands (also deferred or typing)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "nvao_equivalence":
            if node.module == "nvao_equivalence":
                found.update(f"nvao_equivalence.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "nvao_equivalence")
    return found


GRAPH = {module_name(path): imports_of(path) for path in MODULES}


def test_every_private_module_lives_in_a_layer_folder():
    loose = [path.name for path in PACKAGE.glob("*.py") if path.name.startswith("_") and path.stem not in LAYER]
    assert loose == []
    folders = sorted(path.parent.name for path in PACKAGE.glob("_*/__init__.py"))
    assert all(folder in LAYER for folder in folders), folders
    assert len(folders) >= 4


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_run_only_downwards(module):
    upward = sorted(name for name in GRAPH[module] if layer_of(name) > layer_of(module))
    assert upward == []


def test_there_is_no_import_circle():
    try:
        tuple(TopologicalSorter(GRAPH).static_order())
    except CycleError as error:
        pytest.fail(f"import circle: {' -> '.join(error.args[1])}")


@pytest.mark.parametrize("path", MODULES, ids=[module_name(path) for path in MODULES])
def test_no_module_is_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_layer_folders_keep_their_init_empty_so_that_importing_stays_cheap():
    assert [path for path in PACKAGE.glob("_*/__init__.py") if path.read_text(encoding="utf-8")] == []
