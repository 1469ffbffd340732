"""Helpers shared by the test modules: local servers, throw-away certificates, and a
receiver's own Standard Webhooks check.

``pyproject.toml`` puts ``tests/`` on ``sys.path`` (``pythonpath``), so test modules import
them as ``from support.pki import ...`` under ``--import-mode=importlib``.
"""
