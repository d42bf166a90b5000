"""`prep backup [PATH]`: a consistent copy of the database, safe while the app is open."""

from __future__ import annotations

import argparse
import sys

from prep.commands import EXIT_FAILED, EXIT_OK


def run_backup(store, args: argparse.Namespace) -> int:
    from prep.store import StoreError
    from prep.store.backup import KEEP, backups_folder

    try:
        target = store.backup(args.path)
    except StoreError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Backed up {store.path} to {target}.")
    if args.path is None:
        print(f"prep keeps the last {KEEP} backups in {backups_folder(store.path)}.")
    return EXIT_OK
