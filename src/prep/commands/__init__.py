"""The `prep` sub-commands that are more than a few lines: each module takes
an open store and the parsed arguments, prints, and returns the exit status.

cli.py only wires them into argparse, so the parser and its input handling
stay in one small file.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def usage_error(args: argparse.Namespace, message: str) -> NoReturn:
    """Exit 2 with `message` under the sub-command's usage line, as argparse
    does for its own checks (cli.py puts the sub-parser on `args`)."""
    subparser: argparse.ArgumentParser = args.subparser
    subparser.error(message)
