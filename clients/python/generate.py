"""Regenerate the Python SDK from the appliance's OpenAPI document.

    python clients/python/generate.py            # dump openapi.json, regenerate the code
    python clients/python/generate.py --check    # exit 1 when the committed files differ

The document is taken from the appliance of this checkout, in-process (no server, no
database connection): an app built on default settings with only the built-in plugins, so a
plugin installed in the environment (the example plugin, in the test setup) does not leak
into the SDK. The generator is ``openapi-python-client`` at the version pinned in
``pyproject.toml`` (the ``generate`` extra); its output lands in
``cyberorigen_client/generated``, and the package version follows the document's
``info.version``.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCUMENT = HERE / "openapi.json"
GENERATED = HERE / "cyberorigen_client" / "generated"
CONFIG = HERE / "generator.yaml"
PYPROJECT = HERE / "pyproject.toml"


def openapi_document() -> dict:
    """The document the appliance serves at /openapi.json, built in this process."""
    from cyberorigen.app import create_app
    from cyberorigen.appliance import build_appliance
    from cyberorigen.plugin_registry import builtin_points
    from cyberorigen.settings import load_settings

    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(
            {"instance_dir": folder, "secret_key": "x" * 64, "redis_url": ""}, env={}
        )
        appliance = build_appliance(settings, entry_points=builtin_points())
        try:
            app = create_app(appliance)
            response = app.test_client().get("/openapi.json")
            assert response.status_code == 200, response.status_code
            return response.get_json()
        finally:
            appliance.close()


def generator() -> list[str]:
    """The generator's command line (the one installed beside this Python)."""
    script = Path(sys.executable).parent / "openapi-python-client"
    if not script.exists():
        sys.exit("openapi-python-client is not installed: pip install './clients/python[generate]'")
    return [str(script)]


def generate(document: dict, out: Path) -> None:
    """Write ``document`` as ``out/openapi.json`` and the generated package as
    ``out/generated``."""
    text = json.dumps(document, indent=2, sort_keys=False) + "\n"
    (out / "openapi.json").write_text(text, encoding="utf-8")
    subprocess.run(  # noqa: S603
        [
            *generator(),
            "generate",
            "--path",
            str(out / "openapi.json"),
            "--meta",
            "none",
            "--config",
            str(CONFIG),
            "--output-path",
            str(out / "generated"),
            "--overwrite",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two trees (relative paths)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        for name in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files:
            found.append(prefix + name)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return sorted(found)


def set_version(version: str) -> bool:
    """Make pyproject.toml's version the document's; True when it changed."""
    text = PYPROJECT.read_text(encoding="utf-8")
    new = re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text, count=1)
    PYPROJECT.write_text(new, encoding="utf-8")
    return new != text


def package_version() -> str:
    text = PYPROJECT.read_text(encoding="utf-8")
    return re.search(r'(?m)^version = "(.*)"$', text).group(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    document = openapi_document()
    version = document["info"]["version"]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        generate(document, out)
        if args.check:
            problems = []
            if not DOCUMENT.exists() or not filecmp.cmp(DOCUMENT, out / "openapi.json", False):
                problems.append("openapi.json")
            if not GENERATED.exists():
                problems.append("cyberorigen_client/generated (missing)")
            else:
                problems += [
                    f"cyberorigen_client/generated/{name}"
                    for name in differences(GENERATED, out / "generated")
                ]
            if package_version() != version:
                problems.append(f"pyproject.toml version (document says {version})")
            if problems:
                print("The Python SDK is out of date; run `make clients-python`:")
                print("\n".join(f"  {name}" for name in problems))
                return 1
            print("The Python SDK matches the OpenAPI document.")
            return 0
        shutil.copyfile(out / "openapi.json", DOCUMENT)
        if GENERATED.exists():
            shutil.rmtree(GENERATED)
        shutil.copytree(out / "generated", GENERATED)
    set_version(version)
    print(f"Regenerated the Python SDK ({version}) in {GENERATED.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
