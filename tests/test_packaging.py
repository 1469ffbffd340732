"""The source folders are importable only under their package names (see setup.cfg)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import zipfile
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


def test_the_package_builds_without_warnings_and_carries_its_data(tmp_path):
    """`make run` installs quietly, so that the admin's password is not lost in setuptools'
    warnings (it warned once per data folder when include_package_data was on); the data the
    code reads at run time is in the wheel all the same."""
    source = tmp_path / "source"
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / name, source / name)
    for folder in ("core", "plugins", "config"):
        shutil.copytree(
            REPO_ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )

    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert built.returncode == 0, built.stderr
    output = built.stdout + built.stderr
    assert "Warning:" not in output, output
    (wheel,) = tmp_path.glob("cyberorigen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cyberorigen/config/default.toml" in names
    assert "cyberorigen/reports/templates/macros.html" in names
    for data in ("controls", "soc2", "pci_dss", "vulns"):
        assert any(name.startswith(f"cyberorigen/plugins/{data}/data/") for name in names), data
