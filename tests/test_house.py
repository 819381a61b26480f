"""The house stays as issue 30 left it: small modules, a short top level, data flowing one way."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules(package):
    return sorted((ROOT / package).rglob("*.py"))


def test_no_module_over_300_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules("copycheck") + _modules("claimrules")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}


def test_copycheck_top_level_has_at_most_eight_modules():
    top = [p.name for p in (ROOT / "copycheck").glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(top) <= 8, top


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names)


def test_claimrules_imports_nothing_of_copycheck():
    found = {str(p.relative_to(ROOT)): m for p in _modules("claimrules") for m in _imports(p)
             if m == "copycheck" or m.startswith("copycheck.")}
    assert found == {}


def _modules_imported(path):
    """The copycheck modules path imports, relative imports resolved."""
    package = path.relative_to(ROOT).with_suffix("").parts
    package = package[:-1] if package[-1] != "__init__" else package[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package[:len(package) - node.level + 1]
                base = ".".join(parts + ((base,) if base else ()))
            yield from ([base] + [f"{base}.{a.name}" for a in node.names])
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names)


def test_the_server_sits_at_the_top_beside_the_command_line():
    """Nothing below the server imports it (only the `server` command does), and it imports no CLI."""
    up = {str(p.relative_to(ROOT)): m for p in _modules("copycheck") for m in _modules_imported(p)
          if m.startswith("copycheck.server") and "server" not in p.relative_to(ROOT).parts
          and p.relative_to(ROOT).as_posix() != "copycheck/cli/commands.py"}
    assert up == {}
    sideways = {str(p.relative_to(ROOT)): m for p in _modules("copycheck/server") for m in _modules_imported(p)
                if m.startswith("copycheck.cli")}
    assert sideways == {}
    found = {m for m in _modules_imported(ROOT / "copycheck/server/checks.py") if m.startswith("copycheck")}
    assert "copycheck.configured" in found  # settings built as the command line builds them


def test_readme_test_command_is_what_ci_runs():
    """README.md's second command is exactly what .ci/run runs (and both install Neovim for the editor test)."""
    import re

    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert commands[1] == ci
    assert "bash .ci/editor" in ci and "bash .ci/browser" in ci
