"""Fuzzing the command line with mutated and generated figure files: never a traceback,
every rejection a documented error code, every exit code a documented one."""

from __future__ import annotations

import re
import tempfile
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.intake.problems import ERROR_CODES
from tests.conftest import BUNDLED

SEED = BUNDLED.read_text(encoding="utf-8")
LINES = SEED.splitlines(keepends=True)
FINDING = re.compile(r"^.+?:(\d+):(\d+): error (E\d{3}) .+$")
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(text: str, *args: str) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "figures.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = CliRunner().invoke(app, [*args, str(path)], catch_exceptions=False)
        return result.exit_code, result.stdout


def _assert_documented(exit_code: int, stdout: str) -> None:
    assert exit_code in (0, 2)
    for line in stdout.splitlines():
        match = FINDING.match(line)
        assert match, line
        assert match[3] in ERROR_CODES, line
        assert int(match[1]) >= 1 and int(match[2]) >= 1


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The bundled file with lines deleted, repeated, cut or overwritten with odd text."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "cut", "replace", "insert"]))
        if action == "delete":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))] + "\n"
        else:
            junk = draw(
                st.text(
                    alphabet=st.sampled_from(list(" -:{}[]#&*!|>'\"\t,~0123456789abcxyz%é\\")),
                    max_size=30,
                )
            )
            if action == "replace":
                lines[i] = junk + "\n"
            else:
                lines.insert(i, junk + "\n")
    return "".join(lines)


@FUZZ
@given(mutated())
def test_mutated_files_never_give_a_traceback(text: str) -> None:
    code, stdout = _run(text, "validate", "--format", "parsable")
    _assert_documented(code, stdout)
    compare_code, _ = _run(text, "compare", "--format", "json")
    assert compare_code == (0 if code == 0 else 2)


_VALUE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "12,000",
            "about 500",
            "nearly 54,000",
            "up to 10 years",
            "5-12 years",
            "10%",
            "between 3 and 2",
            "tens of thousands",
            "-5",
            "1e400",
            "∞",
            "0",
            "NaN",
        ]
    ),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
)
_DATE = st.sampled_from(
    [
        "2025",
        "2025-10",
        "2025-10-14",
        "~2025-08-30",
        "unknown",
        "2025-13",
        "2025-02-30",
        "yesterday",
        "",
    ]
)


@st.composite
def generated(draw: st.DrawFn) -> str:
    """A figure file with two measures and random claims, values, dates and references."""
    claims = []
    for i in range(draw(st.integers(1, 6))):
        value = draw(_VALUE)
        shown = value if isinstance(value, int | float) else repr(str(value)).replace("\\\\", "\\")
        kind = draw(
            st.sampled_from(
                ["count", "estimate", "limit", "target", "legal-range", "rate", "share", "bogus"]
            )
        )
        measure = draw(st.sampled_from(["crowd", "arrests", "crowds"]))
        claims.append(
            textwrap.dedent(
                f"""\
                  - id: c{i}
                    measure: {measure}
                    value: {shown}
                    type: {kind}
                    source: {draw(st.sampled_from(["paper", "radio", "papr"]))}
                    as_of: "{draw(_DATE)}"
                """
            )
        )
    header = textwrap.dedent(
        """\
        version: 1
        sources:
          paper: {title: "Rally", kind: news, party: city}
          radio: {title: "Count", kind: news}
        measures:
          crowd: {label: "People", unit: persons, cumulative: true}
          arrests: {label: "Arrests", unit: persons, confusable_with: [crowd]}
        claims:
        """
    )
    return header + "".join(textwrap.indent(c, "") for c in claims)


@FUZZ
@given(generated())
def test_generated_files_never_give_a_traceback(text: str) -> None:
    code, stdout = _run(text, "validate", "--format", "parsable")
    _assert_documented(code, stdout)
    check_code, _ = _run(text, "check", "--format", "sarif")
    assert check_code in (0, 1, 2)
    assert (check_code == 2) == (code == 2)
