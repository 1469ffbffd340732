"""An example CyberOrigen plugin. The entry point is :mod:`cyberorigen_example.plugin`."""

__version__ = "0.1.0"
