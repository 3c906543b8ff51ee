"""The command line: Typer options in, one core call, one exit code out.

Each command parses its options, calls the core and a view, and returns its
:class:`~reconcile.outcome.Outcome` (or nothing, for a report); :func:`command` maps that, a
:class:`~reconcile.outcome.Refused` usage or files that do not load, to the exit code through
:func:`reconcile.outcome.exit_code`, the one policy. Every ``--format`` and ``--reason``
choice is read from the registry that answers to it (:mod:`reconcile.cli.choices`). Heavy
modules (pandas, the engine, the views) are imported inside the commands that use them, so
``reconcile --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar, cast

import typer

from reconcile.cli.choices import Registered
from reconcile.cli.helptext import Command, Group
from reconcile.outcome import ExitCode, Outcome, Refused, exit_code
from reconcile.progress import terminal_steps
from reconcile.version import __version__
from reconcile.views.findings import REPORTERS, FindingsReport, write_step_summary

if TYPE_CHECKING:
    from reconcile.engine.subjects import Severity

DEFAULT_FILE = Path("data/figures.yaml")

app = typer.Typer(
    name="reconcile",
    cls=Group,
    help="Reconcile numeric claims across documents: where figures agree, where they differ "
    "for an exact reason, and where they conflict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def command(fn: F) -> F:
    """A command of :data:`app` whose function returns its outcome or raises
    :class:`Refused`, or lets the loader's :class:`InputError` through (reported on standard
    error); the one place a command's exit code is decided."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        from reconcile.intake.problems import InputError

        try:
            outcome = fn(*args, **kwargs)
        except Refused as refusal:
            typer.echo(f"Error: {refusal}", err=True)
            outcome = ExitCode.INVALID
        except InputError as err:
            _problems_to_stderr(err)
            outcome = ExitCode.INVALID
        raise typer.Exit(exit_code(outcome))

    app.command(cls=Command)(run)
    return fn


def _choices(registry: str, attribute: str, first: tuple[str, ...] = ()) -> Callable[[Any], Any]:
    """Choices read from ``reconcile.<registry>.<attribute>`` when first needed."""
    return Registered(f"reconcile.{registry}", attribute, first).check


def _formats(view: str, attribute: str = "RENDERERS") -> Callable[[Any], Any]:
    """The ``--format`` choices of a view: the names its renderers are registered by."""
    return _choices(f"views.{view}", attribute)


STATUSES = _choices("engine.compare", "STATUSES")
SEVERITIES = _choices("engine.compare", "SEVERITIES")

# formats read by programs: their summary goes to standard error, keeping standard output clean
MACHINE_FORMATS = ("parsable", "json", "sarif")

FindingsFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        callback=_choices("views.findings", "REPORTERS", ("auto",)),
        help="auto: github in GitHub Actions, text on a terminal, parsable otherwise.",
    ),
]
Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Figure files or folders of them. Default: data/figures.yaml in this folder.",
        show_default=False,
        readable=False,  # an unreadable file is reported as E101, with the other problems
    ),
]


def _paths(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [DEFAULT_FILE]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reconcile {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Reconcile numeric claims across documents."""


def _problems_to_stderr(err: Exception) -> None:
    """Input problems on standard error (for commands whose findings are something else)."""
    from reconcile.views.findings import resolve
    from reconcile.views.gate import problems_report

    report = problems_report("load", getattr(err, "problems", []))
    REPORTERS[resolve("auto", sys.stderr)](report, sys.stderr)


@command
def validate(
    paths: Paths = None,
    output_format: FindingsFormatOption = "auto",
) -> Outcome:
    """Check figure files: structure, values, dates, references and quotes.

    Exit 0 when valid, 2 when not.
    """
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.views.findings import resolve
    from reconcile.views.gate import problems_report, valid_report

    try:
        with terminal_steps() as steps:
            report = valid_report(load(_paths(paths), steps=steps))
    except InputError as err:
        report = problems_report("validate", err.problems)
    _report(resolve(output_format), report)
    return Outcome(invalid=bool(report.findings))


@command
def compare(
    paths: Paths = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", callback=_formats("compare"), help="How to show the comparisons."
        ),
    ] = "table",
    measure: Annotated[
        list[str] | None,
        typer.Option(
            "--measure", "-m", metavar="ID", help="Only comparisons that involve this measure."
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", callback=STATUSES, help="Only comparisons with this status."),
    ] = None,
    min_severity: Annotated[
        str | None,
        typer.Option(
            "--min-severity",
            metavar="SEVERITY",
            callback=SEVERITIES,
            help="Only conflicts at least this severe.",
        ),
    ] = None,
    reason: Annotated[
        list[str] | None,
        typer.Option(
            "--reason",
            callback=_choices("engine.reasons", "REASONS"),
            help="Only comparisons for which this reason fires.",
        ),
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            callback=_formats("compare", "ORDERS"),
            help="attention: conflicts that need a person first; measure: measure by measure. "
            "JSON keeps the engine's order.",
        ),
    ] = "attention",
) -> None:
    """Compare the claims: where documents agree, differ for an exact reason, or conflict.

    A report: exit 0 whatever it finds, 2 on invalid input (`reconcile check` is the gate).
    """
    from reconcile.engine.compare import compare as run_compare
    from reconcile.model.validate import load
    from reconcile.views.compare import RENDERERS as COMPARE_RENDERERS
    from reconcile.views.compare import Listing, Selection

    if min_severity is not None and status and "conflict" not in status:
        raise Refused(
            f"--min-severity keeps only conflicts, and --status {', '.join(status)} keeps "
            "none: add --status conflict, or leave out one of the two"
        )
    with terminal_steps() as steps:
        dataset = load(_paths(paths), steps=steps)
        _check_known("measure", measure or [], dataset.measures)
        result = run_compare(dataset, steps)
    selection = Selection(
        measures=tuple(measure or ()),
        statuses=tuple(status or ()),
        min_severity=min_severity,
        reasons=tuple(reason or ()),
        order=sort,
    )
    COMPARE_RENDERERS[output_format](Listing(result, selection), sys.stdout)


@command
def explain(
    ids: Annotated[
        list[str],
        typer.Argument(
            metavar="CLAIM",
            help="The claims of one comparison: one claim shows every comparison it is in.",
            show_default=False,
        ),
    ],
    files: Annotated[
        list[Path] | None,
        typer.Option(
            "--file",
            "-F",
            metavar="PATH",
            help="A figure file or folder of them. Default: data/figures.yaml in this folder.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Tell one comparison's whole story: both claims with their quotes, dates and sources,
    every reason with its evidence, and the review.

    A report: exit 0, 2 on invalid input or claims that are not compared.
    """
    from reconcile.engine.compare import compare as run_compare
    from reconcile.model.validate import load, suggest
    from reconcile.views.story import write_stories

    with terminal_steps() as steps:
        dataset = load(_paths(files), steps=steps)
        for name in ids:
            if name not in dataset.claims:
                raise Refused(
                    f"{name!r} is not a claim in the files{suggest(name, dataset.claims)}"
                )
        result = run_compare(dataset, steps)
    wanted = set(ids)
    found = [c for c in result.comparisons if wanted <= set(c.claims)]
    exact = [c for c in found if set(c.claims) == wanted]
    if not found:
        raise Refused(
            f"{' and '.join(ids)} are not compared with each other: they are on measures that "
            "the file does not relate, or for places or times that differ; "
            "reconcile compare lists the comparisons"
            if len(ids) > 1
            else f"{ids[0]} is in no comparison: no other claim states its measure for its "
            "place and time"
        )
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    write_stories(exact or found, dataset, sys.stdout, width)


@command
def check(
    paths: Paths = None,
    output_format: FindingsFormatOption = "auto",
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="SEVERITY",
            callback=SEVERITIES,
            help="Which unreviewed conflicts fail the check.",
        ),
    ] = "minor",
) -> Outcome:
    """Gate for CI: validate, compare, and hold every conflict against the reviews.

    Exit 0 when every conflict at or above --fail-on is reviewed, 1 when a conflict has no
    review or a review no longer matches a conflict, 2 on invalid input.
    """
    from reconcile.engine.compare import compare as run_compare
    from reconcile.engine.gate import check as run_check
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.views.findings import resolve
    from reconcile.views.gate import check_report, problems_report

    chosen = resolve(output_format)
    with terminal_steps() as steps:
        try:
            dataset = load(_paths(paths), steps=steps)
        except InputError as err:
            _report(chosen, problems_report("check", err.problems))
            return Outcome(invalid=True)
        gate = run_check(
            run_compare(dataset, steps, list_consistent=False), cast("Severity", fail_on), steps
        )
    _report(chosen, check_report(gate, dataset, with_json=chosen == "json"))
    return Outcome(failing=gate.failing)


def _report(chosen: str, report: FindingsReport) -> None:
    """Findings to standard output in the chosen format; the machine-readable formats keep
    their summary line on standard error, and the github format also writes the step's
    summary under GitHub Actions."""
    REPORTERS[chosen](report, sys.stdout)
    if chosen in MACHINE_FORMATS:
        typer.echo(report.summary, err=True)
    if chosen == "github":
        write_step_summary(report, sys.stderr)


@command
def diff(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="OLD NEW figure files or folders; with --rev, the working files to compare "
            "with the revision (default: data/figures.yaml).",
            show_default=False,
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev", metavar="REV", help="Compare the working files with this git revision."
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            callback=_formats("diff"),
            help="How to show what moved (markdown: for a pull-request comment).",
        ),
    ] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="WHAT",
            callback=Registered(None, first=("new-conflicts",)).check,
            help="Exit 1 when the change brings a conflict that no review covers.",
        ),
    ] = None,
) -> Outcome:
    """What moved between two versions: claims added, removed and changed, conflicts that
    appeared or went away, reviews added, removed, changed or made stale.

    Exit 0, or 1 with --fail-on new-conflicts when a conflict appeared that no review covers;
    2 on invalid input.
    """
    from reconcile.engine.diff import diff as run_diff
    from reconcile.engine.diff import load_revision
    from reconcile.intake.revisions import GitError
    from reconcile.model.validate import load
    from reconcile.views.diff import RENDERERS

    given = list(paths or [])
    if rev is not None:
        working = given or [DEFAULT_FILE]
        try:
            old = load_revision(rev, working)
        except GitError as err:
            raise Refused(str(err)) from None
        new = load(working)
        labels = (rev, "working tree")
    else:
        if len(given) != 2:
            raise Refused("give OLD and NEW figure files or folders, or --rev REV [PATHS...]")
        old, new = load([given[0]]), load([given[1]])
        labels = (str(given[0]), str(given[1]))
    result = run_diff(old, new, old_label=labels[0], new_label=labels[1])
    RENDERERS[output_format](result, sys.stdout)
    return Outcome(failing=result.new_conflicts if fail_on is not None else 0)


@command
def claims(
    paths: Paths = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", callback=_formats("claims"), help="How to show the claims."),
    ] = "table",
    measure: Annotated[
        list[str] | None,
        typer.Option("--measure", "-m", metavar="ID", help="Only claims on this measure."),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", "-s", metavar="ID", help="Only claims from this source."),
    ] = None,
) -> None:
    """Show every claim as reconcile understood it: low, best and high, hedge, period."""
    from reconcile.model.validate import load
    from reconcile.views.claims import RENDERERS, select

    dataset = load(_paths(paths))
    _check_known("measure", measure or [], dataset.measures)
    _check_known("source", source or [], dataset.sources)
    RENDERERS[output_format](select(dataset, measure or [], source or []), sys.stdout)


def _check_known(option: str, given: list[str], known: Mapping[str, object]) -> None:
    from reconcile.model.validate import suggest

    for name in given:
        if name not in known:
            raise Refused(
                f"--{option} {name!r} is not a {option} in the files{suggest(name, known)}"
            )


@command
def schema() -> None:
    """Print the JSON Schema of the figure file, generated from the models."""
    from reconcile.model.schema import schema_text

    sys.stdout.write(schema_text())


Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file (replaced in one step). Default: standard output.",
        dir_okay=False,
    ),
]


def _write_out(text: str, output: Path | None) -> None:
    from reconcile.views.report import write_atomically

    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomically(output, text)
    except OSError as err:
        raise Refused(f"cannot write {output}: {err.strerror or err}") from None
    typer.echo(f"wrote {output}", err=True)


@command
def report(
    paths: Paths = None,
    output: Output = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            callback=_formats("report"),
            help="Default: from the suffix of --output (.html, .md), else markdown.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """A report for people: summary, range charts, claims, comparisons, sources and origins.

    HTML is one self-contained page that opens offline; Markdown carries the same content
    with tables in place of charts. Exit 0, or 2 on invalid input (nothing is written).
    """
    from reconcile.engine.compare import compare as run_compare
    from reconcile.model.validate import load
    from reconcile.views.report import RENDERERS as REPORT_RENDERERS
    from reconcile.views.report import SUFFIXES, format_of, write_report

    if output_format is not None:
        chosen = output_format
    elif output is None:
        chosen = "markdown"
    else:
        found = format_of(output)
        if found is None:
            known = ", ".join(s for suffixes in SUFFIXES.values() for s in suffixes)
            raise Refused(
                f"cannot tell the format from {output.name!r}: name the file with "
                f"{known}, or give --format {' or '.join(SUFFIXES)}"
            )
        chosen = found
    renderer = REPORT_RENDERERS[chosen]
    with terminal_steps() as steps:
        result = run_compare(load(_paths(paths), steps=steps), steps)
        if output is not None:
            try:
                write_report(renderer, result, output, steps)
            except OSError as err:
                raise Refused(f"cannot write {output}: {err.strerror or err}") from None
    if output is None:  # once the bar is gone: standard output may be the same terminal
        renderer(result, sys.stdout)
        return
    typer.echo(f"wrote {output}", err=True)


@command
def export(
    paths: Paths = None,
    output: Output = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            callback=_formats("report", "EXPORTERS"),
            help="claimreview: schema.org ClaimReview JSON-LD.",
        ),
    ] = "claimreview",
) -> None:
    """Data for other tools: ClaimReview JSON-LD for each review with a rating.

    Exit 0, or 2 on invalid input or when the files lack what a ClaimReview needs (a
    publisher, a rating's url): nothing is written then.
    """
    import io

    from reconcile.engine.compare import compare as run_compare
    from reconcile.model.validate import load
    from reconcile.views.report import EXPORTERS

    dataset = load(_paths(paths))
    buffer = io.StringIO()
    summary = EXPORTERS[output_format](run_compare(dataset), buffer)
    _write_out(buffer.getvalue(), output)
    typer.echo(summary, err=True)


@command
def extract(
    document: Annotated[
        Path, typer.Argument(help="The article: plain text, Markdown or HTML.", show_default=False)
    ],
    source: Annotated[
        str,
        typer.Option("--source", "-s", metavar="ID", help="The id of the source the article is."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the stubs to this new file."),
    ] = None,
    append: Annotated[
        Path | None,
        typer.Option(
            "--append",
            "-a",
            metavar="FILE",
            help="Add the stubs to this figure file, keeping its lines.",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            callback=_choices("extract.run", "FORMATS"),
            help="yaml: claim stubs; table: a table to review them first.",
        ),
    ] = "yaml",
    standalone: Annotated[
        bool,
        typer.Option("--standalone", help="Write the source too, so the file stands on its own."),
    ] = False,
    save_text: Annotated[
        Path | None,
        typer.Option(
            "--save-text", metavar="FILE", help="Save the text read from an HTML page to this file."
        ),
    ] = None,
) -> ExitCode:
    """Propose a claim stub for every figure in an article, with its quote and guesses.

    Each stub has an empty measure, so it fails validation until a person has curated it.
    Exit 0 when done, 2 when the input or an option is refused (nothing is written then).
    """
    from reconcile.extract.run import ExtractOptions, execute

    options = ExtractOptions(
        document=document,
        source=source,
        output=output,
        append=append,
        format=output_format,
        standalone=standalone,
        save_text=save_text,
    )
    return ExitCode(execute(options, sys.stdout, sys.stderr))


def _leave(code: int) -> NoReturn:
    """End the process at once, once its output is flushed.

    Freeing the objects of a large run one by one only costs time (half a second for
    100,000 claims) when the process ends anyway. Under a tracer, a profiler or coverage
    the process ends normally, so that their data is written."""
    if sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        raise SystemExit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has gone: nothing more can be written to it
        pass
    except OSError as err:
        code = _unwritable(err)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


# A write that fails for want of room or a broken device: the environment, not reconcile
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _unwritable(err: OSError) -> ExitCode:
    """Standard output cannot take the output (a full disk, say): said in one line, exit 2."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"reconcile: cannot write the output: {err.strerror or err}\n")
    return ExitCode.INVALID


def main() -> None:
    # A command is one short run that builds many objects and frees few: the cyclic garbage
    # collector only costs time here (a third of a large compare), so it stays off.
    gc.disable()
    try:
        app()
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            _leave(done.code or 0)
        raise
    except OSError as err:
        if err.errno not in _NO_ROOM:
            _fault(err)
        raise SystemExit(_unwritable(err)) from None
    except Exception as err:
        _fault(err)
    finally:
        gc.enable()


def _fault(err: Exception) -> NoReturn:
    """A fault in reconcile itself, never an answer to bad input: one line, exit 3."""
    sys.stderr.write(
        f"reconcile: internal error: {type(err).__name__}: {err}\n"
        "This is a fault in reconcile, not in your files; please report it with the "
        "command and the files that caused it.\n"
    )
    raise SystemExit(ExitCode.INTERNAL) from None
