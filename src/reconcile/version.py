"""The version of reconcile, for output that names it (SARIF, JSON, --version)."""

__version__ = "0.1.0"
