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
