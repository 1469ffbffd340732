"""A plugin whose import fails."""

PLUGIN_API = "~=1.0"

raise ImportError("this plugin needs a module that is not installed (test fixture)")
