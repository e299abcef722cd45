"""The layout a newcomer relies on (CONTRIBUTING.md): commands only in kg/cli, which no other module imports;
no two modules that import each other."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kg"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path) -> set[str]:
    """The kg modules PATH imports, wherever the import statement stands (inside functions too)."""
    known = modules()
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & known.keys()
            names |= submodules
            if len(submodules) < len(node.names):  # names defined in the module itself
                names.add(node.module)
    return {name for name in names if name in known}


def test_no_module_outside_the_commands_imports_them():
    offenders = {
        name: sorted(m for m in imported(path) if m == "kg.cli" or m.startswith("kg.cli."))
        for name, path in modules().items()
        if not (name == "kg.cli" or name.startswith("kg.cli."))
    }
    assert {name: found for name, found in offenders.items() if found and name not in ("kg.__main__",)} == {}


def test_no_two_modules_import_each_other():
    graph = {name: imported(path) - {name} for name, path in modules().items()}
    pairs = sorted((a, b) for a, found in graph.items() for b in found if a < b and a in graph.get(b, ()))
    assert pairs == []


# About 300 lines, as formatted: a module a newcomer can read whole.
MAX_LINES = 320


def test_no_module_is_over_about_300_lines():
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


# The build's flow, read → extract → resolve → map → check → write, read in one sitting; its stages live elsewhere.
PIPELINE_MAX_LINES = 200


def test_the_build_flow_is_short():
    lines = len((PACKAGE / "pipeline" / "__init__.py").read_text(encoding="utf-8").splitlines())
    assert lines <= PIPELINE_MAX_LINES


def test_kg_starts_without_the_build():
    """`import kg` (every command does) imports neither spaCy, rdflib nor the build."""
    import subprocess
    import sys

    code = (
        "import sys, kg; print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'rdflib', 'pyoxigraph')"
        " or m.startswith('kg.') and m not in ('kg.model', 'kg.errors')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.splitlines()[-1] == "[]", done.stderr
