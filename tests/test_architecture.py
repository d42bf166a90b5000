"""Imports point one way: tui -> store -> domain. Checked two ways."""

from __future__ import annotations

import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import prep

ROOT = Path(__file__).resolve().parents[1]


def modules_under(package: str) -> list[str]:
    module = __import__(package, fromlist=["_"])
    return [package] + [
        info.name for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")
    ]


def loaded_after_importing(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(output))


def test_domain_and_store_never_load_textual():
    loaded = loaded_after_importing(modules_under("prep.domain") + modules_under("prep.store"))
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_domain_never_loads_sqlite():
    loaded = loaded_after_importing(modules_under("prep.domain"))
    assert "sqlite3" not in loaded
    assert "sqlite_utils" not in loaded


def test_cli_without_the_app_never_loads_textual(tmp_path):
    code = (
        "import sys, json\n"
        "from prep.cli import main\n"
        f"main(['--db', {str(tmp_path / 'x.db')!r}, 'list'])\n"
        "print(json.dumps('textual' in sys.modules))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip().splitlines()[-1] == "false"


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_version_is_exposed():
    assert prep.__version__.count(".") == 2


# -- one clock -----------------------------------------------------------------

# Calls that read the machine's clock. Elapsed-time timers (time.monotonic,
# time.perf_counter) measure durations, not dates, and are allowed.
WALL_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
}
THE_ONE_CLOCK = ROOT / "src" / "prep" / "domain" / "clock.py"


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, call) for each read of the wall clock in `source`.

    A call is `X.now()` / `X.today()` / ... where X is the name or the last
    attribute of what it is called on (datetime.datetime.now, dt.date.today).
    A bare `localtime()` from `from time import localtime` counts too.
    """
    import ast

    found = []
    imported = set()
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in {"time", "datetime"}:
            for alias in node.names:
                if (node.module, alias.name) in WALL_CLOCK_CALLS:
                    imported.add(alias.asname or alias.name)
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            owner = func.value
            owner_name = (
                owner.id
                if isinstance(owner, ast.Name)
                else (owner.attr if isinstance(owner, ast.Attribute) else None)
            )
            if (owner_name, func.attr) in WALL_CLOCK_CALLS:
                found.append((node.lineno, f"{owner_name}.{func.attr}()"))
        elif isinstance(func, ast.Name) and func.id in imported:
            found.append((node.lineno, f"{func.id}()"))
    return found


def test_the_scan_finds_every_spelling():
    source = (
        "import datetime as dt, time\nfrom datetime import datetime, date\n"
        "from time import time as now_ts\n"
        "a = datetime.now()\nb = dt.date.today()\nc = time.time()\nd = now_ts()\n"
        "e = datetime.utcnow()\nf = time.monotonic()\n"
    )
    assert [line for line, _ in wall_clock_reads(source)] == [4, 5, 6, 7, 8]


def test_nothing_reads_the_wall_clock_but_the_clock():
    """Every "now" comes from the app's Clock, so the suite passes on any date."""
    offenders = []
    for path in sorted((ROOT / "src" / "prep").rglob("*.py")):
        if path == THE_ONE_CLOCK:
            continue
        for line, call in wall_clock_reads(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {call}")
    assert offenders == [], "use the app's Clock (prep.domain.clock) instead:\n" + "\n".join(
        offenders
    )


def test_no_module_imports_another_modules_private_names():
    """Shared helpers get public names in a module of their own (as the
    Markdown escaping did in prep.domain.markdown), not `_name` imports."""
    import ast

    offenders = []
    for path in sorted((ROOT / "src" / "prep").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("prep"):
                offenders += [
                    f"{path.relative_to(ROOT)}: {alias.name} from {node.module}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert offenders == []


def widget_reaches_beyond_itself(source: str) -> list[str]:
    """What in a widget module's `source` uses the store or its screen's
    own attributes: imports of prep.store, `.store`, `self.screen.<name>`
    where the name is not Textual's public Screen API (any screen has
    `active_bindings`, which a footer shows; prep's screens add `saver`)."""
    import ast

    from textual.screen import Screen

    textual_api = {name for name in dir(Screen()) if not name.startswith("_")}

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            modules += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            found += [f"{node.lineno}: imports {m}" for m in modules if m.startswith("prep.store")]
        elif isinstance(node, ast.Attribute):
            if node.attr == "store":
                found.append(f"{node.lineno}: .store")
            owner = node.value
            if (
                isinstance(owner, ast.Attribute)
                and owner.attr == "screen"
                and isinstance(owner.value, ast.Name)
                and owner.value.id == "self"
                and node.attr not in textual_api
            ):
                found.append(f"{node.lineno}: self.screen.{node.attr}")
    return found


def test_the_widget_scan_finds_each_reach():
    source = (
        "from prep.store import StoreError\nimport prep.store.lists\n"
        "x = self.app.store.items\ny = self.screen.saver.flush()\nz = self.screen\n"
        "b = self.screen.active_bindings\n"
    )
    assert [line.split(":")[0] for line in widget_reaches_beyond_itself(source)] == [
        "1",
        "2",
        "3",
        "4",
    ]


def test_widgets_post_messages_instead_of_calling_the_store():
    """Widgets report what changed in messages; their screen writes to the
    store, saves and reloads (issue 17), so a widget works on any screen."""
    widgets = ROOT / "src" / "prep" / "tui" / "widgets"
    offenders = [
        f"{path.name}:{where}"
        for path in sorted(widgets.glob("*.py"))
        for where in widget_reaches_beyond_itself(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "\n".join(offenders)
