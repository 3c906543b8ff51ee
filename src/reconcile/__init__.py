"""reconcile: reconcile numeric claims across documents.

The library API (:mod:`reconcile.api`) is imported when first used, so that importing the
package, as the command line does, stays fast::

    import reconcile
    dataset = reconcile.load("data/figures.yaml")
    dataset.claims_frame()                           # one row a claim
    reconcile.compare(dataset).comparisons_frame()   # one row a comparison
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reconcile.version import __version__

if TYPE_CHECKING:
    from reconcile.api import Chart, InputError, chart, check, compare, diff, load

_API = ("Chart", "InputError", "chart", "check", "compare", "diff", "load")
__all__ = ["Chart", "InputError", "__version__", "chart", "check", "compare", "diff", "load"]


def __getattr__(name: str) -> Any:
    if name in _API:
        from reconcile import api

        return getattr(api, name)
    raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
