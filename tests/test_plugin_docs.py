"""docs/plugins.md is part of the plugin contract: it shows every hook of
``cyberorigen.plugin_api.hookspecs`` with its exact signature, and no hook that does not exist."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from cyberorigen.plugin_api import hookspecs

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
SPEC_MARK = f"{hookspecs.PROJECT_NAME}_spec"  # the attribute pluggy's HookspecMarker sets

#: Where the docs name a hook: a ``def cyberorigen_...(`` line, or a heading.
DOCUMENTED_DEF = re.compile(r"^\s*def (cyberorigen_\w+)\(", re.MULTILINE)
DOCUMENTED_HEADING = re.compile(r"^#+ .*?\b(cyberorigen_\w+)", re.MULTILINE)


class _AsWritten(str):
    """An annotation string that prints without quotes, as it is written in the source."""

    def __repr__(self) -> str:
        return str(self)


def _written(annotation: object) -> object:
    return _AsWritten(annotation) if isinstance(annotation, str) else annotation


def hook_functions() -> dict[str, object]:
    """Every ``cyberorigen_*`` function of the hookspecs module."""
    return {
        name: function
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("cyberorigen_")
    }


def signature_line(name: str, function: object) -> str:
    """``def <name><signature>`` with the annotations as written: the module uses
    ``from __future__ import annotations``, so they are strings, which inspect would quote."""
    signature = inspect.signature(function)
    parameters = [
        parameter.replace(annotation=_written(parameter.annotation))
        for parameter in signature.parameters.values()
    ]
    signature = signature.replace(
        parameters=parameters, return_annotation=_written(signature.return_annotation)
    )
    return f"def {name}{signature}"


def docs_text() -> str:
    assert DOCS.is_file(), f"{DOCS} is missing"
    return DOCS.read_text(encoding="utf-8")


HOOKS = hook_functions()


def test_every_hook_function_is_a_hookspec():
    assert HOOKS, "no cyberorigen_* function found in cyberorigen.plugin_api.hookspecs"
    undecorated = sorted(
        name for name, function in HOOKS.items() if not hasattr(function, SPEC_MARK)
    )
    assert undecorated == [], f"not decorated with @hookspec: {undecorated}"


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_the_signature_line_is_the_one_in_the_source(name):
    """signature_line() renders the hook as hookspecs.py writes it, character for character."""
    source = inspect.getsource(HOOKS[name])

    assert f"{signature_line(name, HOOKS[name])}:" in source


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_every_hook_is_documented_with_its_exact_signature(name):
    expected = signature_line(name, HOOKS[name])
    documented = expected in {line.strip() for line in docs_text().splitlines()}

    assert documented, f"docs/plugins.md lacks the line: {expected}"


def test_no_documented_hook_is_missing_from_the_hookspecs():
    text = docs_text()
    documented = set(DOCUMENTED_DEF.findall(text)) | set(DOCUMENTED_HEADING.findall(text))

    unknown = sorted(documented - set(HOOKS))

    assert unknown == [], f"docs/plugins.md documents hooks that do not exist: {unknown}"
    assert documented == set(HOOKS), "every hook needs its def line in docs/plugins.md"


def test_the_export_list_names_everything_the_plugin_api_exports():
    """The sentence "It exports ..." names exactly ``cyberorigen.plugin_api.__all__``."""
    import cyberorigen.plugin_api as plugin_api

    sentence = re.search(r"It exports\s+(.*?)\.\s", docs_text(), re.DOTALL)
    assert sentence, "docs/plugins.md no longer says what cyberorigen.plugin_api exports"
    named = set(re.findall(r"`(\w+)`", sentence.group(1)))
    assert named == set(plugin_api.__all__), (
        f"missing from the docs: {sorted(set(plugin_api.__all__) - named)}; "
        f"not exported: {sorted(named - set(plugin_api.__all__))}"
    )


def _documented_call(name: str, function: object) -> str:
    """``name(parameters)`` as the docs write a helper: no annotations, no ``self``."""
    signature = inspect.signature(function)
    parameters = [
        parameter.replace(annotation=inspect.Parameter.empty)
        for parameter in signature.parameters.values()
        if parameter.name != "self"
    ]
    written = f"{name}{signature.replace(parameters=parameters)}".split(" ->")[0]
    return written.replace("'", '"')


def test_the_test_appliance_is_documented_as_it_is():
    """Its constructor and each method with their exact parameters, and each attribute."""
    from cyberorigen.plugin_api.testing import TestAppliance

    text = " ".join(docs_text().split())
    assert _documented_call("TestAppliance", TestAppliance.__init__) in text
    methods = {
        name: function
        for name, function in vars(TestAppliance).items()
        if inspect.isfunction(function) and not name.startswith("_")
    }
    for name, function in methods.items():
        assert _documented_call(name, function) in text, name
    probe = inspect.getsource(TestAppliance.__init__)
    attributes = set(re.findall(r"self\.([a-z]\w*)(?::[^=]+)? = ", probe))
    assert attributes == {"appliance", "app", "client", "admin_email"}
    for name in attributes:
        assert f"`{name}`" in text, name
