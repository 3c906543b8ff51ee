"""Every choice the command line offers is read from the registry that answers to it, and
only when a command needs it: listing the commands imports no view, engine or reason."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reconcile.cli import app
from reconcile.cli.choices import registered
from reconcile.engine.compare import SEVERITIES, STATUSES
from reconcile.engine.reasons import REASONS
from reconcile.extract.run import FORMATS as EXTRACT_FORMATS
from reconcile.views import report
from reconcile.views.claims import RENDERERS as CLAIMS_RENDERERS
from reconcile.views.compare import RENDERERS as COMPARE_RENDERERS
from reconcile.views.findings import REPORTERS
from tests.conftest import ROOT


def _choices(command: str, option: str) -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    params = group.commands[command].params  # type: ignore[attr-defined]
    (param,) = [p for p in params if option in p.opts]
    found = registered(param.callback)
    assert found is not None, f"{command} {option} has no registered choices"
    return list(found.choices)


@pytest.mark.parametrize(
    ("command", "option", "names"),
    [
        ("compare", "--format", list(COMPARE_RENDERERS)),
        ("compare", "--status", list(STATUSES)),
        ("compare", "--min-severity", list(SEVERITIES)),
        ("compare", "--reason", list(REASONS)),
        ("claims", "--format", list(CLAIMS_RENDERERS)),
        ("validate", "--format", ["auto", *REPORTERS]),
        ("check", "--format", ["auto", *REPORTERS]),
        ("check", "--fail-on", list(SEVERITIES)),
        ("report", "--format", list(report.RENDERERS)),
        ("export", "--format", list(report.EXPORTERS)),
        ("extract", "--format", list(EXTRACT_FORMATS)),
    ],
)
def test_choices_are_the_registries_names(command: str, option: str, names: list[str]) -> None:
    assert _choices(command, option) == names


def test_a_renderer_added_to_a_registry_becomes_a_choice(
    monkeypatch: pytest.MonkeyPatch,
    run,  # type: ignore[no-untyped-def]
) -> None:
    """The choice is the registry's: a new renderer is offered, and runs, with no CLI edit."""

    def render_lines(shown, stream) -> None:  # type: ignore[no-untyped-def]
        stream.write(f"{len(shown.result.comparisons)} comparisons\n")

    monkeypatch.setitem(COMPARE_RENDERERS, "lines", render_lines)
    done = run("compare", "--format", "lines")
    assert (done.exit_code, done.stdout) == (0, "18 comparisons\n")


def test_an_unknown_choice_is_refused_with_the_choices() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", "compare", "--reason", "nope"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2
    assert "'nope' is not one of 'definition', 'unit', 'timeframe'" in done.stderr
    assert done.stdout == ""


def test_listing_the_commands_imports_no_view_engine_or_reason() -> None:
    code = (
        "import sys\n"
        "from reconcile.cli import app\n"
        "import typer.main\n"
        "group = typer.main.get_command(app)\n"
        "heavy = [m for m in sys.modules if m.startswith(('reconcile.engine', "
        "'reconcile.views.compare', 'reconcile.views.claims', 'reconcile.extract', 'pandas'))]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout == "[]\n", done.stderr
