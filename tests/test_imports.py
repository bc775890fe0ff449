"""The import graph of the parley package, read from the source: no import cycle (module-level or
inside a function), and no package importing another package's private (underscore) names."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "parley"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def package_of(module: str, path: Path) -> str:
    """The package a module's relative imports start from."""
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


class Import:
    """One imported module, with the names taken from it and whether it is imported at load time."""

    def __init__(self, target: str, names: list[str], top: bool, line: int):
        self.target, self.names, self.top, self.line = target, names, top, line


def imports_of(module: str, path: Path, known: set[str]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    at_load = {id(n) for n in load_time_nodes(tree)}
    out = []
    for node in ast.walk(tree):
        top = id(node) in at_load
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "parley" or alias.name.startswith("parley."):
                    out.append(Import(alias.name, [], top, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_of(module, path).split(".")
                base = base[:len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if not (source == "parley" or source.startswith("parley.")):
                continue
            plain = []
            for alias in node.names:  # `from . import compiled` imports a module, not a name
                if f"{source}.{alias.name}" in known:
                    out.append(Import(f"{source}.{alias.name}", [], top, node.lineno))
                else:
                    plain.append(alias.name)
            if plain:
                out.append(Import(source, plain, top, node.lineno))
    return out


def load_time_nodes(tree: ast.Module) -> list[ast.AST]:
    """The statements run when the module is imported: not those inside functions, nor those
    under ``if TYPE_CHECKING:`` (never run)."""
    out: list[ast.AST] = []
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            todo.extend(node.orelse)
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def graph() -> dict[str, list[Import]]:
    mods = modules()
    return {m: imports_of(m, p, set(mods)) for m, p in mods.items()}


def stage(module: str) -> str:
    """The package of parley a module belongs to (parley.actors.kb -> parley.actors)."""
    parts = module.split(".")
    return ".".join(parts[:2])


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def edges(g: dict[str, list[Import]]) -> dict[str, set[str]]:
    """Module -> the parley modules it imports, at load time or inside a function: an import moved
    into a function to dodge a cycle is still a cycle (kb <-> compiled was one). Importing ``a.b.c``
    also runs ``a.b``'s ``__init__``, but a package's ``__init__`` importing its own modules is not a
    cycle with them, so only the named module counts."""
    return {m: {i.target for i in imps if i.target != m} for m, imps in g.items()}


def test_no_import_cycle() -> None:
    g = graph()
    found = cycles(edges(g))
    for comp in found:
        links = [f"{m}:{i.line} -> {i.target}{'' if i.top else ' (in a function)'}"
                 for m in comp for i in g[m] if i.target in comp]
        print("import cycle:", "; ".join(links))
    assert not found


def test_no_stage_imports_another_stages_private_names() -> None:
    offenders = []
    for module, imps in graph().items():
        for imp in imps:
            if stage(imp.target) == stage(module):
                continue
            private = [n for n in imp.names if n.startswith("_") and not (n.startswith("__") and n.endswith("__"))]
            if private or imp.target.rpartition(".")[2].startswith("_"):
                offenders.append(f"{module}:{imp.line} imports {', '.join(private) or '(module)'} from {imp.target}")
    for line in offenders:
        print(line)
    assert not offenders


def test_the_graph_sees_relative_function_level_and_aliased_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "parley" / "x"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\nfrom .b import thing as other\n"
                              "def f():\n    from ..y import _hidden\n")
    (pkg / "b.py").write_text("import parley.x.a\n")
    (tmp_path / "parley" / "y.py").write_text("")
    known = {"parley.x", "parley.x.a", "parley.x.b", "parley.y"}
    a = imports_of("parley.x.a", pkg / "a.py", known)
    assert [(i.target, i.names, i.top) for i in a] == [
        ("parley.x.b", [], True), ("parley.x.b", ["thing"], True), ("parley.y", ["_hidden"], False)]
    b = imports_of("parley.x.b", pkg / "b.py", known)
    assert cycles(edges({"parley.x.a": a, "parley.x.b": b})) == [["parley.x.a", "parley.x.b"]]
