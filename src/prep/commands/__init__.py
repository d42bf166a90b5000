"""The `prep` sub-commands that are more than a few lines: each module takes
an open store and the parsed arguments, prints, and returns the exit status.

cli.py only wires them into argparse, so the parser and its input handling
stay in one small file.
"""

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
