"""Shipped configuration files (package data of ``cyberorigen.config``)."""

if __name__ != "cyberorigen.config":
    raise ImportError("the shipped configuration is read as package data of 'cyberorigen.config'")
