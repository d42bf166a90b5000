"""The only code that touches SQLite. Everything goes through `Store`."""

from prep.store.errors import StoreBusyError, StoreError, StoreOpenError
from prep.store.location import default_db_path, resolve_db_path
from prep.store.opening import open_store
from prep.store.repository import Store

__all__ = [
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreOpenError",
    "default_db_path",
    "open_store",
    "resolve_db_path",
]
