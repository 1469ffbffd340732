"""The source folders are importable only under their package names (see setup.cfg)."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["core", "plugins", "config"])
def test_source_folders_cannot_be_imported_under_their_folder_names(name):
    result = subprocess.run(
        [sys.executable, "-c", f"import {name}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "cyberorigen" in result.stderr


def test_setup_cfg_lists_every_package_folder():
    config = configparser.ConfigParser()
    config.read(REPO_ROOT / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    mapping = dict(
        line.split("=", 1) for line in config["options"]["package_dir"].strip().splitlines()
    )
    mapping = {name.strip(): folder.strip() for name, folder in mapping.items()}

    found = set()
    for package, folder in mapping.items():
        for init in (REPO_ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(REPO_ROOT / folder)
            parts = [part for part in relative.parts if part != "."]
            found.add(".".join([package, *parts]))

    assert found == listed


def test_the_version_is_the_package_version():
    from importlib.metadata import version

    import cyberorigen

    assert version("cyberorigen") == cyberorigen.__version__
