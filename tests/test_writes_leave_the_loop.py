"""The TUI never writes on its event loop: every call of a service method that writes
goes through the writer (`ArchiveScreen.write` / `tui/writes.py`).

Which service methods write is worked out from the services' own code (a method that
calls the store's writing methods, or another method that does), so a new mutating
method is covered without anyone listing it. A screen that calls one outside a
function handed to `write(...)` fails here; anything that must stay goes in ALLOWED
with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "nuit_tui"


def _parse_all() -> dict[Path, ast.Module]:
    """Every module of services/ and tui/, parsed once when the tests are collected: CPython
    3.11's AST constructor is not safe beside another thread compiling (an app's warm-up
    thread importing modules that have no bytecode yet), and collection runs before any app."""
    paths = [*(SRC / "services").glob("*.py"), *(SRC / "tui").rglob("*.py")]
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in paths}


_TREES = _parse_all()


def _parsed(path: Path) -> ast.Module:
    return _TREES[path]
# The store's methods that take the write lock.
STORE_WRITES = {"write", "insert", "update", "delete", "write_positions", "move_in_order", "set_meta", "load",
                "save_calendar_event_states", "transaction"}
# Calls whose function arguments run on the writer thread: `write` (tui/writes.py and
# ArchiveScreen.write), a form's `OnWriter(job)`, the registers' `delete_after_asking`
# (which hands its `delete` to `write`), the attendance screen's `_write`.
WRITE_PATHS = {"write", "_write", "submit_write", "OnWriter", "delete_after_asking"}
# (file under tui/, "service.method") that may stay on the loop, with why.
ALLOWED: dict[tuple[str, str], str] = {
    ("widgets/people_field.py", "members.person_by_name"): "without create=True it only reads",
}


def _service_classes() -> dict[str, str]:
    """archive.<attr> -> the class Archive.__init__ builds it from."""
    tree = _parsed(SRC / "services" / "archive.py")
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
            target = node.targets[0]
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                found[target.attr] = node.value.func.id
    return found


def mutating_methods() -> dict[str, set[str]]:
    """service attribute -> its public methods that write (directly or through another that does)."""
    attrs = _service_classes()
    classes: dict[str, dict[str, ast.FunctionDef]] = {}
    for path in (SRC / "services").glob("*.py"):
        for node in _parsed(path).body:
            if isinstance(node, ast.ClassDef):
                classes[node.name] = {f.name: f for f in node.body if isinstance(f, ast.FunctionDef)}
    writes: dict[str, set[str]] = {name: set() for name in classes}
    changed = True
    while changed:  # to a fixed point: a method calling a writing method writes
        changed = False
        for cls, methods in classes.items():
            for name, fn in methods.items():
                if name in writes[cls]:
                    continue
                for call in ast.walk(fn):
                    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
                        continue
                    owner, method = call.func.value, call.func.attr
                    on_self = isinstance(owner, ast.Name) and owner.id == "self"
                    on_attr = isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name) and owner.value.id == "self"
                    if (
                        (on_self and method in writes[cls])
                        or (on_attr and owner.attr == "store" and method in STORE_WRITES)
                        or (on_attr and method in writes.get(attrs.get(owner.attr, ""), ()))
                    ):
                        writes[cls].add(name)
                        changed = True
                        break
    return {attr: {m for m in writes.get(cls, ()) if not m.startswith("_")} for attr, cls in attrs.items()}


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _handed_to_writer(tree: ast.AST) -> tuple[set[ast.AST], set[str]]:
    """Lambdas handed to a write path, and names of functions handed to one."""
    lambdas, names = set(), set()
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        args = list(call.args) if _call_name(call) in WRITE_PATHS else []
        args += [k.value for k in call.keywords if k.arg == "write"]  # VersionedForm(write=…)
        for arg in args:
            if isinstance(arg, ast.Lambda):
                lambdas.add(arg)
                # A local function the lambda calls runs on the writer too: `lambda: save(text)`.
                names.update(n.func.id for n in ast.walk(arg) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name))
            elif isinstance(arg, ast.Name):
                names.add(arg.id)
            elif isinstance(arg, ast.Attribute):
                names.add(arg.attr)
    return lambdas, names


def _is_archive(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "archive") or (isinstance(node, ast.Name) and node.id == "archive")


def _aliases(tree: ast.AST) -> dict[str, str]:
    """Local names bound to a service: `undo = self.archive.undo`, `a, b = x.archive.a, x.archive.b`."""
    found = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            pairs = (
                zip(target.elts, node.value.elts, strict=False)
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                else [(target, node.value)]
            )
            for name, value in pairs:
                if isinstance(name, ast.Name) and isinstance(value, ast.Attribute) and _is_archive(value.value):
                    found[name.id] = value.attr
    return found


def _service_use(node: ast.AST, aliases: dict[str, str]) -> tuple[str, str] | None:
    """(service, method) of `….archive.<service>.<method>` or `<alias of a service>.<method>`,
    called or taken as a value."""
    if not isinstance(node, ast.Attribute):
        return None
    owner = node.value
    if isinstance(owner, ast.Attribute) and _is_archive(owner.value):
        return owner.attr, node.attr
    if isinstance(owner, ast.Name) and owner.id in aliases:
        return aliases[owner.id], node.attr
    return None


def loop_writes() -> list[str]:
    mutating = mutating_methods()
    found = []
    for path in sorted((SRC / "tui").rglob("*.py")):
        tree = _parsed(path)
        parents = _parents(tree)
        lambdas, names = _handed_to_writer(tree)
        aliases = _aliases(tree)
        for call in ast.walk(tree):
            if (target := _service_use(call, aliases)) is None:
                continue
            service, method = target
            if method not in mutating.get(service, ()):
                continue
            node: ast.AST | None = call
            on_writer = False
            while node is not None:
                if node in lambdas or (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in names):
                    on_writer = True
                    break
                node = parents.get(node)
            where = str(path.relative_to(SRC / "tui"))
            if not on_writer and (where, f"{service}.{method}") not in ALLOWED:
                found.append(f"{where}:{call.lineno} archive.{service}.{method}")
    return found


def test_the_guard_knows_which_service_methods_write():
    mutating = mutating_methods()
    assert {"add_remark", "update_remark", "take_up_item", "move_remark"} <= mutating["minutes"]
    assert {"set_status", "update", "create"} <= mutating["meetings"]
    assert "restore" in mutating["undo"]
    assert not mutating["search"] and "remarks" not in mutating["minutes"]


def test_no_screen_writes_on_the_event_loop():
    assert loop_writes() == []


if __name__ == "__main__":
    print("\n".join(loop_writes()))
