"""The command line writes its choices out (so that ``--help`` imports no engine); they must
be the names the engine, the reasons and the views answer to."""

from __future__ import annotations

from reconcile import cli
from reconcile.engine.compare import SEVERITIES, STATUSES
from reconcile.engine.reasons import REASONS
from reconcile.views.claims import RENDERERS as CLAIMS_RENDERERS
from reconcile.views.compare import RENDERERS as COMPARE_RENDERERS


def _names(choice: type) -> list[str]:
    return [member.value for member in choice]


def test_choices_are_the_registries_names() -> None:
    assert _names(cli.StatusChoice) == list(STATUSES)
    assert _names(cli.SeverityChoice) == list(SEVERITIES)
    assert _names(cli.ReasonChoice) == list(REASONS)
    assert _names(cli.CompareFormat) == list(COMPARE_RENDERERS)
    assert _names(cli.ClaimsFormat) == list(CLAIMS_RENDERERS)
