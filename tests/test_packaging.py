"""The distribution: a name that is ours, a licence, bounded dependencies, and
no message telling people to install someone else's package."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_the_distribution_is_prep_meetings_with_the_prep_command():
    project = _project()
    assert project["name"] == "prep-meetings"
    assert project["scripts"] == {"prep": "prep.cli:main"}
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert project["license-files"] == ["LICENSE"]
    assert any(
        c.startswith("Programming Language :: Python :: 3.11") for c in project["classifiers"]
    )


def test_every_dependency_has_an_upper_bound():
    for requirement in _project()["dependencies"]:
        assert "<" in requirement, requirement


def test_no_message_names_the_other_prep():
    pattern = re.compile(r"pip(x)? install( -U)? prep(?![-\w])")
    offenders = [
        str(p.relative_to(ROOT))
        for p in [*(ROOT / "src").rglob("*.py"), ROOT / "README.md"]
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_readme_documents_pipx_and_uv():
    readme = (ROOT / "README.md").read_text()
    assert "pipx install ." in readme and "uv tool install ." in readme
