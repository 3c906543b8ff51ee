"""The command line: Typer options in, one core call, one exit code out.

Each command parses its options, calls one function of the core and hands the result to
:func:`reconcile.outcome.exit_code`. Heavy modules (pandas, the engine) are imported inside
the commands that use them, so ``reconcile --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import gc
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from reconcile.cli.helptext import Command, Group
from reconcile.outcome import ExitCode
from reconcile.progress import terminal_steps
from reconcile.version import __version__
from reconcile.views.findings import REPORTERS, FindingsReport, write_step_summary
from reconcile.words import count

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

FindingsFormat = enum.Enum(  # type: ignore[misc]
    "FindingsFormat", {name: name for name in ("auto", *REPORTERS)}, type=str
)
CompareFormat = enum.Enum(  # type: ignore[misc]
    "CompareFormat", {name: name for name in ("table", "json", "markdown")}, type=str
)
StatusChoice = enum.Enum(  # type: ignore[misc]
    "StatusChoice", {name: name for name in ("consistent", "compatible", "conflict")}, type=str
)
SeverityChoice = enum.Enum(  # type: ignore[misc]
    "SeverityChoice", {name: name for name in ("minor", "major")}, type=str
)
ReasonChoice = enum.Enum(  # type: ignore[misc]
    "ReasonChoice",
    {
        name: name
        for name in (
            "definition",
            "unit",
            "timeframe",
            "sourcing",
            "method",
            "precision",
            "claim-type",
            "arithmetic",
        )
    },
    type=str,
)
ClaimsFormat = enum.Enum(  # type: ignore[misc]
    "ClaimsFormat", {name: name for name in ("table", "csv", "json", "markdown")}, type=str
)

# formats read by programs: their summary goes to standard error, keeping standard output clean
MACHINE_FORMATS = ("parsable", "json", "sarif")

FindingsFormatOption = Annotated[
    FindingsFormat,
    typer.Option(
        "--format",
        "-f",
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


def _fail_on_input(err: Exception) -> NoReturn:
    """Report input problems on stderr (for commands whose findings are something else)."""
    from reconcile.intake.problems import InputError
    from reconcile.views.findings import resolve

    assert isinstance(err, InputError)
    report = FindingsReport("load", [], err.problems, summary=_problem_summary(err.problems))
    REPORTERS[resolve("auto", sys.stderr)](report, sys.stderr)
    raise typer.Exit(ExitCode.INVALID)


def _problem_summary(problems: Sequence[object]) -> str:
    files = {getattr(p, "file", "") for p in problems}
    return f"{count(len(problems), 'problem')} in {count(len(files), 'file')}"


@app.command(cls=Command)
def validate(
    paths: Paths = None,
    output_format: FindingsFormatOption = FindingsFormat.auto,  # type: ignore[attr-defined]
) -> None:
    """Check figure files: structure, values, dates, references and quotes.

    Exit 0 when valid, 2 when not.
    """
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.outcome import exit_code
    from reconcile.views.findings import resolve

    files: list[tuple[str, str]] = []
    try:
        with terminal_steps() as steps:
            dataset = load(_paths(paths), steps=steps)
        files = [(f.name, f.sha256) for f in dataset.files]
        problems = []
        summary = (
            f"valid: {count(len(dataset.claims), 'claim')}, "
            f"{count(len(dataset.sources), 'source')}, {count(len(dataset.origins), 'origin')}, "
            f"{count(len(dataset.measures), 'measure')} in {count(len(files), 'file')}"
        )
    except InputError as err:
        problems = err.problems
        summary = _problem_summary(list(problems))
    chosen = resolve(output_format.value)
    report = FindingsReport("validate", files, problems, summary=summary)
    _report(chosen, report)
    raise typer.Exit(exit_code(invalid=bool(problems)))


@app.command(cls=Command)
def compare(
    paths: Paths = None,
    output_format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="How to show the comparisons.")
    ] = CompareFormat.table,  # type: ignore[attr-defined]
    measure: Annotated[
        list[str] | None,
        typer.Option(
            "--measure", "-m", metavar="ID", help="Only comparisons that involve this measure."
        ),
    ] = None,
    status: Annotated[
        list[StatusChoice] | None,
        typer.Option("--status", help="Only comparisons with this status."),
    ] = None,
    min_severity: Annotated[
        SeverityChoice | None,
        typer.Option(
            "--min-severity", metavar="SEVERITY", help="Only conflicts at least this severe."
        ),
    ] = None,
    reason: Annotated[
        list[ReasonChoice] | None,
        typer.Option("--reason", help="Only comparisons for which this reason fires."),
    ] = None,
) -> None:
    """Compare the claims: where documents agree, differ for an exact reason, or conflict.

    A report: exit 0 whatever it finds, 2 on invalid input (`reconcile check` is the gate).
    """
    from reconcile.engine.compare import compare as run_compare
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.views.compare import RENDERERS as COMPARE_RENDERERS
    from reconcile.views.compare import Selection

    if min_severity is not None and status and "conflict" not in {s.value for s in status}:
        shown = ", ".join(s.value for s in status)
        typer.echo(
            f"Error: --min-severity keeps only conflicts, and --status {shown} keeps none: "
            "add --status conflict, or leave out one of the two",
            err=True,
        )
        raise typer.Exit(ExitCode.INVALID)
    with terminal_steps() as steps:
        try:
            dataset = load(_paths(paths), steps=steps)
        except InputError as err:
            _fail_on_input(err)
        _check_known("measure", measure or [], dataset.measures)
        result = run_compare(dataset, steps)
    selection = Selection(
        measures=tuple(measure or ()),
        statuses=tuple(s.value for s in status or ()),
        min_severity=min_severity.value if min_severity else None,
        reasons=tuple(r.value for r in reason or ()),
    )
    COMPARE_RENDERERS[output_format.value](result, selection, sys.stdout)


@app.command(cls=Command)
def check(
    paths: Paths = None,
    output_format: FindingsFormatOption = FindingsFormat.auto,  # type: ignore[attr-defined]
    fail_on: Annotated[
        SeverityChoice,
        typer.Option(
            "--fail-on", metavar="SEVERITY", help="Which unreviewed conflicts fail the check."
        ),
    ] = SeverityChoice.minor,  # type: ignore[attr-defined]
) -> None:
    """Gate for CI: validate, compare, and hold every conflict against the reviews.

    Exit 0 when every conflict at or above --fail-on is reviewed, 1 when a conflict has no
    review or a review no longer matches a conflict, 2 on invalid input.
    """
    from reconcile.engine.compare import compare as run_compare
    from reconcile.engine.gate import check as run_check
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.outcome import exit_code
    from reconcile.views.compare import result_json
    from reconcile.views.findings import resolve

    chosen = resolve(output_format.value)
    with terminal_steps() as steps:
        try:
            dataset = load(_paths(paths), steps=steps)
        except InputError as err:
            report = FindingsReport("check", [], err.problems, _problem_summary(err.problems))
            _report(chosen, report)
            raise typer.Exit(ExitCode.INVALID) from None
        gate = run_check(run_compare(dataset, steps, list_consistent=False), fail_on.value, steps)
    files = [(f.name, f.sha256) for f in dataset.files]
    extra = {}
    if chosen == "json":
        extra = result_json(gate.result)
        extra.pop("version")
        extra.pop("files")
        extra["reviews"] = [
            {
                "claims": list(s.review.review.claims),
                "verdict": s.review.review.verdict,
                "reason": s.review.review.reason,
                "state": s.state,
                "status": s.status,
                "file": s.review.where.file,
                "line": dataset.position(s.review.where)[0],
            }
            for s in gate.reviews
        ]
    conflicts = gate.result.count("conflict")
    reviewed = sum(1 for c in gate.result.comparisons if c.reviewed)
    fail = "fails" if gate.failing == 1 else "fail"
    summary = (
        f"{count(conflicts, 'conflict')}, {reviewed} reviewed; "
        f"{count(gate.failing, 'finding')} {fail} the check"
    )
    report = FindingsReport("check", files, gate.findings, summary, extra)
    _report(chosen, report)
    raise typer.Exit(exit_code(failing=gate.failing))


def _report(chosen: str, report: FindingsReport) -> None:
    """Findings to standard output in the chosen format; the machine-readable formats keep
    their summary line on standard error, and the github format also writes the step's
    summary under GitHub Actions."""
    REPORTERS[chosen](report, sys.stdout)
    if chosen in MACHINE_FORMATS:
        typer.echo(report.summary, err=True)
    if chosen == "github":
        write_step_summary(report, sys.stderr)


DiffFormat = enum.Enum(  # type: ignore[misc]
    "DiffFormat", {name: name for name in ("text", "json", "markdown")}, type=str
)
DiffGate = enum.Enum("DiffGate", {"new-conflicts": "new-conflicts"}, type=str)


@app.command(cls=Command)
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
        DiffFormat,
        typer.Option(
            "--format", "-f", help="How to show what moved (markdown: for a pull-request comment)."
        ),
    ] = DiffFormat.text,  # type: ignore[attr-defined]
    fail_on: Annotated[
        DiffGate | None,
        typer.Option(
            "--fail-on",
            metavar="WHAT",
            help="Exit 1 when the change brings a conflict that no review covers.",
        ),
    ] = None,
) -> None:
    """What moved between two versions: claims added, removed and changed, conflicts that
    appeared or went away, reviews made stale.

    Exit 0, or 1 with --fail-on new-conflicts when a conflict appeared that no review covers;
    2 on invalid input.
    """
    from reconcile.engine.diff import DIFF_RENDERERS, GitError, load_revision
    from reconcile.engine.diff import diff as run_diff
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.outcome import exit_code

    given = list(paths or [])
    try:
        if rev is not None:
            working = given or [DEFAULT_FILE]
            old = load_revision(rev, working)
            new = load(working)
            labels = (rev, "working tree")
        else:
            if len(given) != 2:
                typer.echo(
                    "Error: give OLD and NEW figure files or folders, or --rev REV [PATHS...]",
                    err=True,
                )
                raise typer.Exit(ExitCode.INVALID)
            old, new = load([given[0]]), load([given[1]])
            labels = (str(given[0]), str(given[1]))
    except GitError as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(ExitCode.INVALID) from None
    except InputError as err:
        _fail_on_input(err)
    result = run_diff(old, new, old_label=labels[0], new_label=labels[1])
    DIFF_RENDERERS[output_format.value](result, sys.stdout)
    failing = result.new_conflicts if fail_on is not None else 0
    raise typer.Exit(exit_code(failing=failing))


@app.command(cls=Command)
def claims(
    paths: Paths = None,
    output_format: Annotated[
        ClaimsFormat, typer.Option("--format", "-f", help="How to show the claims.")
    ] = ClaimsFormat.table,  # type: ignore[attr-defined]
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
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.views.claims import RENDERERS, select

    try:
        dataset = load(_paths(paths))
    except InputError as err:
        _fail_on_input(err)
    _check_known("measure", measure or [], dataset.measures)
    _check_known("source", source or [], dataset.sources)
    records = select(dataset, measure or [], source or [])
    RENDERERS[output_format.value](records, dataset, sys.stdout)


def _check_known(option: str, given: list[str], known: Mapping[str, object]) -> None:
    from reconcile.model.validate import suggest

    for name in given:
        if name not in known:
            typer.echo(
                f"Error: --{option} {name!r} is not a {option} in the files{suggest(name, known)}",
                err=True,
            )
            raise typer.Exit(ExitCode.INVALID)


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of the figure file, generated from the models."""
    from reconcile.model.schema import schema_text

    sys.stdout.write(schema_text())


def _report_choices(registry: str) -> dict[str, str]:
    from reconcile.views import report

    return {name: name for name in getattr(report, registry)}


ReportFormat = enum.Enum("ReportFormat", _report_choices("RENDERERS"), type=str)  # type: ignore[misc]
ExportFormat = enum.Enum("ExportFormat", _report_choices("EXPORTERS"), type=str)  # type: ignore[misc]
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
        typer.echo(f"Error: cannot write {output}: {err.strerror or err}", err=True)
        raise typer.Exit(ExitCode.INVALID) from None
    typer.echo(f"wrote {output}", err=True)


@app.command(cls=Command)
def report(
    paths: Paths = None,
    output: Output = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
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
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.views.report import RENDERERS as REPORT_RENDERERS
    from reconcile.views.report import SUFFIXES, format_of, write_report

    if output_format is not None:
        chosen = output_format.value
    elif output is None:
        chosen = "markdown"
    else:
        found = format_of(output)
        if found is None:
            known = ", ".join(s for suffixes in SUFFIXES.values() for s in suffixes)
            typer.echo(
                f"Error: cannot tell the format from {output.name!r}: name the file with "
                f"{known}, or give --format {' or '.join(SUFFIXES)}",
                err=True,
            )
            raise typer.Exit(ExitCode.INVALID)
        chosen = found
    renderer = REPORT_RENDERERS[chosen]
    with terminal_steps() as steps:
        try:
            dataset = load(_paths(paths), steps=steps)
        except InputError as err:
            _fail_on_input(err)
        result = run_compare(dataset, steps)
        if output is not None:
            try:
                write_report(renderer, result, output, steps)
            except OSError as err:
                typer.echo(f"Error: cannot write {output}: {err.strerror or err}", err=True)
                raise typer.Exit(ExitCode.INVALID) from None
    if output is None:  # once the bar is gone: standard output may be the same terminal
        renderer(result, sys.stdout)
        return
    typer.echo(f"wrote {output}", err=True)


@app.command(cls=Command)
def export(
    paths: Paths = None,
    output: Output = None,
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="claimreview: schema.org ClaimReview JSON-LD."),
    ] = ExportFormat.claimreview,  # type: ignore[attr-defined]
) -> None:
    """Data for other tools: ClaimReview JSON-LD for each review with a rating.

    Exit 0, or 2 on invalid input or when the files lack what a ClaimReview needs (a
    publisher, a rating's url): nothing is written then.
    """
    import io

    from reconcile.engine.compare import compare as run_compare
    from reconcile.intake.problems import InputError
    from reconcile.model.validate import load
    from reconcile.views.report import EXPORTERS

    try:
        dataset = load(_paths(paths))
    except InputError as err:
        _fail_on_input(err)
    buffer = io.StringIO()
    try:
        summary = EXPORTERS[output_format.value](run_compare(dataset), buffer)
    except InputError as err:
        _fail_on_input(err)
    _write_out(buffer.getvalue(), output)
    typer.echo(summary, err=True)


ExtractFormat = enum.Enum(  # type: ignore[misc]
    "ExtractFormat", {name: name for name in ("yaml", "table")}, type=str
)


@app.command(cls=Command)
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
        ExtractFormat,
        typer.Option(
            "--format", "-f", help="yaml: claim stubs; table: a table to review them first."
        ),
    ] = ExtractFormat.yaml,  # type: ignore[attr-defined]
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
) -> None:
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
        format=output_format.value,
        standalone=standalone,
        save_text=save_text,
    )
    raise typer.Exit(execute(options, sys.stdout, sys.stderr))


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
