"""The page docs/errors.md: its opening, a section for each code, and what follows them.

``python -m reconcile.intake.codes > docs/errors.md`` writes it; a test holds the committed
page to it. The sections come from the registry; only the text around them is here.
"""

from __future__ import annotations

from collections.abc import Iterable

from reconcile.intake.codes.entry import ErrorCode

# Before the first code: what the codes are and how they are grouped.
INTRO = """\
# Error codes

`reconcile validate` checks figure files and reports every problem it finds in one run,
each with its file, line and column and a stable code. `claims` and `compare` refuse
invalid input with the same problems, printed on standard error. A code never changes
meaning; the messages may be reworded, so scripts should match codes, not words.

The codes are grouped by hundreds:

- **E1xx**: reading the files and their YAML. A file with one of these problems is not
  checked further (the other files still are); E101 and E104 are reported before any file
  is read.
- **E2xx**: the structure of the file: keys, required fields, types and choices, ids and
  the references between them.
- **E3xx**: the values and dates of claims and sources.
- **E4xx**: quotes checked against the text of their sources.
- **E5xx**: what `reconcile export --format claimreview` needs to publish the ratings: a
  valid file may lack them, so only the export reports these, on standard error, and writes
  nothing. Their examples show the export's lines.

Each code below has what it means and how to fix it, a small file that gives it, and the
line that `reconcile validate --format parsable` prints for that file
(`FILE:LINE:COL: SEVERITY CODE message`; the summary line, `1 problem in 1 file`, goes to
standard error). Every problem is an error: there are no warnings.

Problems are listed in the order of file, line, column and code, whatever the output
format.

"""

# After the last code: the exit codes and the output formats of ``validate``.
OUTRO = """\
## Exit codes

| code | meaning |
| --- | --- |
| 0 | success: the input is valid (`validate`), or the report was printed (`claims`, `compare`, `export`) |
| 1 | findings that fail a gate: reserved for the gate command (`reconcile check`, unreviewed conflicts and stale reviews); `validate`, `claims` and `compare` never exit 1 |
| 2 | invalid input (any problem on this page) or a usage error: an unknown option or choice, or a `--measure` or `--source` that no file defines; also output that cannot be written (`reconcile: cannot write the output: No space left on device`) |
| 3 | an internal error: a fault in reconcile itself, reported in one line on standard error (never a traceback); please report it |

Invalid input wins over findings: a command that cannot read its input exits 2, whatever
else it would have found. `claims` and `compare` are reports: they exit 0 whatever they
find.

## Output formats of `validate`

`reconcile validate --format FORMAT` (or `-f FORMAT`) chooses how problems are printed.
Problems go to standard output, in the same order in every format; the same input gives
byte-identical output. Each example below is the file from
[E203](#e203-unknown-reference).

### `text`

For a person at a terminal: problems grouped under their file, then a summary line
(`✓` when valid, `✗` otherwise).

```text
figures.yaml
  11:14  error  E203  unknown measure 'crowds' (did you mean 'crowd'?)

✗ 1 problem in 1 file
```

### `sarif`

SARIF 2.1.0, for GitHub code scanning: one rule per error code (and, with `reconcile check`,
per reason code), each problem a result at its file, line and column. See
[ci.md](ci.md).

### `parsable`

One line a problem, `FILE:LINE:COL: SEVERITY CODE message`, for editors, `grep` and
scripts. Lines and columns count from 1. Nothing else is printed on standard output, so a
valid file prints nothing there; the summary (`valid: 20 claims, 2 sources, ...` or
`1 problem in 1 file`) goes to standard error.

```text
figures.yaml:11:14: error E203 unknown measure 'crowds' (did you mean 'crowd'?)
```

### `json`

A versioned document for programs, described field by field in
[output.md](output.md#reconcile-validate---format-json). The summary goes to standard error,
as with `parsable`.

```json
{
  "version": 1,
  "command": "validate",
  "success": false,
  "files": [],
  "findings": [
    {
      "file": "figures.yaml",
      "line": 11,
      "col": 14,
      "severity": "error",
      "code": "E203",
      "title": "unknown reference",
      "message": "unknown measure 'crowds' (did you mean 'crowd'?)"
    }
  ]
}
```

### `github`

[GitHub Actions workflow commands](https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions):
each problem becomes an annotation on its line in the pull request, grouped by file, and the
summary follows on its own line. `%`, `:`, `,` and line breaks in file names and messages are
escaped as the workflow commands require.

```text
::group::figures.yaml
::error file=figures.yaml,line=11,col=14,title=E203 unknown reference::11:14 [E203] unknown measure 'crowds' (did you mean 'crowd'?)
::endgroup::
1 problem in 1 file
```

### `auto` (the default)

`--format auto` picks `github` when the environment variable `GITHUB_ACTIONS` is `true`,
`text` when standard output is a terminal, and `parsable` otherwise (piped or redirected).
So `reconcile validate` in a GitHub Actions step annotates the pull request with no option,
and `reconcile validate > problems.txt` writes one line a problem.

When `claims` or `compare` refuse invalid input, they print the problems on standard error,
in the format that `auto` picks for standard error, and exit 2.
"""


def page(codes: Iterable[ErrorCode]) -> str:
    """The whole of docs/errors.md for these codes."""
    return INTRO + "".join(code.section() for code in codes) + OUTRO
