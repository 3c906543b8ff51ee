"""The E1xx codes: reading the files and their YAML.

Each code once: its title, what it means and how to fix it, a small file that gives it and
the line the command prints for that file. ``python -m reconcile.intake.codes`` writes
docs/errors.md from these.
"""

from __future__ import annotations

from reconcile.intake.codes.entry import ErrorCode, Example, File

PATH_NOT_FOUND = ErrorCode(
    "E101",
    "path not found",
    help="""\
A path given on the command line does not exist (with no path, `reconcile` reads
`data/figures.yaml` in the current folder, so running it elsewhere gives this error), or a
file exists but cannot be read, and the message then says why (`cannot read: Permission
denied`). Check the path, or run from the folder that holds `data/`. Missing paths are
reported before any file is read, all of them in one run.
""",
    example=Example(
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:1:1: error E101 no such file or folder
""",
    ),
)

NOT_UTF8 = ErrorCode(
    "E102",
    "file is not UTF-8",
    help="""\
The file is not UTF-8; the position is the first byte that is not. Save the file as UTF-8 (a
byte order mark is accepted and skipped). The example below was saved in Latin-1, where `é`
is the single byte 0xe9.
""",
    example=Example(
        files=(
            File(
                """\
version: 1
sources:
  city-paper:
    title: "Café owners count the crowd"
""",
                encoding="latin-1",
            ),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:4:16: error E102 byte 0xe9 is not valid UTF-8; save the file as UTF-8
""",
    ),
)

FILE_TOO_LARGE = ErrorCode(
    "E103",
    "file too large",
    help="""\
A file is larger than 104,857,600 bytes (100 MiB), and is refused before it is parsed. Split
it into several files in one folder and pass the folder: the files of a folder are merged
into one set of figures. The output below is for a file of 104,857,601 bytes.
""",
    example=Example(
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:1:1: error E103 file is 104,857,601 bytes; the limit is 104,857,600 bytes (split it into several files in one folder)
""",
        run=False,
    ),
)

NO_FIGURE_FILES = ErrorCode(
    "E104",
    "no figure files in folder",
    help="""\
A folder given on the command line holds no figure file. A figure file ends in `.yaml` or
`.yml` and has, within its first 64 KiB, one of the top-level keys that only figure files
have: `version`, `sources`, `origins`, `measures`, `claims` or `reviews`. Other YAML files in
the folder (a CI configuration, say) are left alone, and so are files and folders whose names
start with a dot. A file that has claims but a misspelt `version:` is read, and its errors
reported (E200, E201), rather than skipped. Add `version: 1` to the files, or pass the right
folder. In the example, `figures/` holds a note and a draft that has only a topic so far.
""",
    example=Example(
        files=(
            File(
                """\
# draft, no figures yet
topic: City budget
""",
                name="figures/budget.yaml",
            ),
            File(
                """\
Crowd figures to add.
""",
                name="figures/notes.txt",
                lang="text",
            ),
        ),
        command="validate --format parsable figures/",
        output="""\
figures:1:1: error E104 no figure files in this folder (a figure file ends in .yaml or .yml and has a top-level 'version:', 'sources:', 'origins:', 'measures:', 'claims:' or 'reviews:' key)
""",
    ),
)

YAML_SYNTAX = ErrorCode(
    "E110",
    "YAML syntax error",
    help="""\
The text is not valid YAML. The message is the YAML parser's, and the position is where it
noticed the problem, which can be after the mistake itself: here the line after a flow
mapping that is never closed. Fix the syntax near that place (an unclosed bracket or quote,
a missing `:` or a mis-indented line).
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper: {title: "Rally draws crowds"
measures: {}
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:4:1: error E110 YAML syntax error: did not find expected ',' or '}' while parsing a flow mapping
""",
    ),
)

TAB_INDENTATION = ErrorCode(
    "E111",
    "tab used for indentation",
    help="""\
A tab is used to indent a line. YAML indents with spaces only; replace the tab with spaces
(most editors can be set to insert spaces). The example indents `city-paper` with a tab.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
\tcity-paper:
    title: "Rally draws crowds"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:3:1: error E111 a tab is used for indentation here; YAML indents with spaces only
""",
    ),
)

DUPLICATE_KEY = ErrorCode(
    "E112",
    "duplicate mapping key",
    help="""\
The same key appears twice in one mapping, where a YAML parser would silently keep only the
later value. Remove one of the two, or rename it. The position is the second occurrence.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: "Rally draws crowds"
    title: "Rally draws record crowds"
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:5:5: error E112 duplicate key 'title' in this mapping (a later value would silently replace the earlier one)
""",
    ),
)

TAG_NOT_ALLOWED = ErrorCode(
    "E113",
    "YAML tag not allowed",
    help="""\
A YAML tag (`!include`, `!!python/object`, any `!name`) is used. A figure file holds only
plain data (mappings, lists, strings, numbers and dates), and tags that would build other
objects are refused. Remove the tag; if the text really starts with `!`, put it in quotes.
""",
    example=Example(
        files=(
            File("""\
version: 1
sources:
  city-paper:
    title: !include title.txt
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:4:12: error E113 YAML tag !include is not allowed: a figure file holds only plain data (mappings, lists, strings, numbers, dates)
""",
    ),
)

EXPANDS_TOO_LARGE = ErrorCode(
    "E114",
    "document too large once aliases are expanded",
    help="""\
YAML aliases (`*name`, which repeat the data of an anchor `&name`) expand the document to
more nodes than the limit: 10 nodes per line of text, and at least 100,000. This stops a
small file from expanding into billions of values (a "billion laughs" file). The position is
the first alias. Write the repeated data out, or use fewer aliases.
""",
    example=Example(
        files=(
            File("""\
version: 1
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:3:8: error E114 aliases expand the document to more than 100,000 nodes (the limit is 10 nodes per line of text, and at least 100,000); write the repeated data out or use fewer aliases
""",
    ),
)

EMPTY_FILE = ErrorCode(
    "E115",
    "empty file",
    help="""\
The file holds nothing but blank lines and comments. Write at least `version: 1`, or remove
the file.
""",
    example=Example(
        files=(
            File("""\
# crowd figures go here
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:1:1: error E115 the file is empty
""",
    ),
)

NOT_A_MAPPING = ErrorCode(
    "E116",
    "top level is not a mapping",
    help="""\
The top level of the file is not a mapping of sections (`version`, `sources`, `origins`,
`measures`, `claims`, ...) but a list or a single value. Remove the leading `- ` of each
section, so that the file is one mapping.
""",
    example=Example(
        files=(
            File("""\
- version: 1
- claims: []
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:1:1: error E116 the file holds a list, not a mapping of sections (version, sources, origins, measures, claims, ...)
""",
    ),
)

NESTING_TOO_DEEP = ErrorCode(
    "E117",
    "nesting too deep",
    help="""\
Mappings and lists are nested more than 64 levels deep. A figure file needs a handful of
levels; very deep nesting is refused before it can exhaust the parser. The problem is
reported where the first node too deep starts (the top-level mapping is level 0; a key counts
as a level below its mapping, as a value does). Flatten the data. The example nests 65 lists
in `topic`.
""",
    example=Example(
        files=(
            File("""\
version: 1
topic: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
"""),
        ),
        command="validate --format parsable figures.yaml",
        output="""\
figures.yaml:2:72: error E117 nesting deeper than 64 levels
""",
    ),
)
