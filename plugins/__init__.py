"""Built-in plugins of CyberOrigen (import package ``cyberorigen.plugins``)."""

if __name__ != "cyberorigen.plugins":
    raise ImportError("built-in plugins are imported as 'cyberorigen.plugins'")
