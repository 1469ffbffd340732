"""CyberOrigen: a self-hosted security scanning and compliance appliance.

The source lives in ``core/`` but is only importable as ``cyberorigen`` (see setup.cfg
``package_dir``). Importing it under another name would create a second copy of every
module, with its own registries and database proxy, so it is refused outright.
"""

if __name__ != "cyberorigen":
    raise ImportError(
        f"this package must be imported as 'cyberorigen', not {__name__!r}: "
        "install it with `pip install -e .` and use `import cyberorigen`"
    )

__version__ = "0.1.0"
