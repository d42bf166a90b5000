"""`prep completion bash|zsh|fish`: a static completion script for the shell.

shtab writes the script from prep's own argparse parser, so a new command or
option completes without anyone editing a script. It is imported here only:
`prep` itself never loads it, and completing costs the shell nothing at run
time (no Python is started on tab).
"""

from __future__ import annotations

import argparse
import sys

from prep.commands import EXIT_OK

SHELLS = ("bash", "zsh", "fish")
# Options and arguments that name a file or folder on disk complete as paths.
PATH_DESTS = {"db", "out", "path", "file"}


def run_completion(parser: argparse.ArgumentParser, shell: str) -> int:
    import shtab

    _complete_paths(parser, shtab.FILE)
    sys.stdout.write(shtab.complete(parser, shell=shell))
    return EXIT_OK


def _complete_paths(parser: argparse.ArgumentParser, file_completion: dict) -> None:
    for action in parser._actions:
        if action.dest in PATH_DESTS:
            action.complete = file_completion  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for subparser in set(action.choices.values()):
                _complete_paths(subparser, file_completion)
