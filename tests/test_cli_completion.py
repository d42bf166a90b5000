"""`prep completion bash|zsh|fish`: scripts from the real parser, run as a process;
and `prep` itself never imports shtab."""

from __future__ import annotations

import subprocess
import sys

import pytest

COMMANDS = [
    "add",
    "list",
    "due",
    "brief",
    "debrief",
    "review",
    "backup",
    "search",
    "export",
    "import-json",
    "demo",
    "completion",
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_naming_every_command(run, shell):
    result = run("completion", shell)
    assert result.returncode == 0, result.stderr
    missing = [c for c in COMMANDS if c not in result.stdout]
    print(f"{shell}: {len(result.stdout.splitlines())} lines")
    assert missing == []
    assert "Traceback" not in result.stderr


def test_the_bash_script_completes_commands_choices_and_paths(run, tmp_path):
    script = tmp_path / "prep.bash"
    script.write_text(run("completion", "bash").stdout)
    (tmp_path / "notes.db").write_text("")

    def complete(*words: str, typing: str = "") -> list[str]:
        """What tab offers after WORDS with TYPING under the cursor."""
        line = " ".join([*words, typing])
        bash = (
            f'source "{script}"; cd "{tmp_path}"; COMP_WORDS=({" ".join(words)} "{typing}"); '
            f'COMP_CWORD={len(words)}; COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; '
            '_shtab_prep; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        out = subprocess.run(["bash", "-c", bash], capture_output=True, text=True, timeout=30)
        return sorted(filter(None, out.stdout.splitlines()))

    assert complete("prep", typing="ex") == ["export"]
    assert complete("prep", "export", "--format") == ["csv", "json", "md"]
    assert complete("prep", "completion") == ["bash", "fish", "zsh"]
    assert "notes.db" in complete("prep", "list", "--db")


def test_an_unknown_shell_is_a_usage_error(run):
    result = run("completion", "tcsh")
    assert result.returncode == 2
    assert "invalid choice: 'tcsh'" in result.stderr


def test_prep_list_does_not_import_shtab(env, db):
    # -X importtime lists every module the process imported, on stderr.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "prep", "list", "--db", db],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    print(f"prep list imported {len(imported)} modules")
    assert "shtab" not in {name.split(".")[0] for name in imported}
