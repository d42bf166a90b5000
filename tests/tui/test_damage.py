"""A database damaged deep inside opens fast, and the app says so once it has looked."""

from __future__ import annotations

from prep.store import open_store
from tests.store.test_opening import _damaged_inside


async def test_the_app_warns_about_a_damaged_database(tmp_path):
    from prep.tui.app import PrepApp

    path = tmp_path / "deep.db"
    _damaged_inside(path)
    store = open_store(path)
    app = PrepApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(40):
                await pilot.pause(0.05)
                if any(n.title == "Database damaged" for n in app._notifications):
                    break
            assert any(
                n.title == "Database damaged" and "Restore it from a backup" in n.message
                for n in app._notifications
            )
    finally:
        store.close()
