"""Benchmark reconcile against the parse floor: ``python bench/run.py [--sizes 1000,10000,100000]``.

For each size it generates a figure file (bench/generate.py), then times, as whole processes
and in one run: the bare parse floor (rapidyaml parse; rapidyaml parse + JSON emission +
``json.loads``; PyYAML's C loader with the garbage collector on, as PyYAML runs by default,
and paused), ``reconcile validate``, ``reconcile compare`` (its table, piped), ``reconcile
compare --format json``, ``reconcile check --format json`` and ``reconcile report`` (HTML,
written to a file in the output folder), plus ``reconcile --help`` and ``--version``.
``--only report,compare`` runs only the commands whose names hold one of those words.
It reports the median of the repeats, each time's ratio to the floor (rapidyaml parse +
JSON + ``json.loads``), and the peak memory of each process. Output is thrown away while a
command is timed; one more, untimed run of compare and check reads the size of their output
and how many comparisons and conflicts it holds. ``--write`` puts the table, with the
machine it ran on, into docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ROOT = HERE.parent
OUT = HERE / "out"

# Runs a command with its output thrown away and prints its wall time, peak memory (of that
# process alone) and exit code.
_TIME = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps([elapsed, peak, code]))
"""

# Runs a command (untimed) and prints the bytes it wrote and its JSON "summary" line.
_COUNT = """
import json, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
size, summary, tail = 0, {}, b""
for chunk in iter(lambda: child.stdout.read(1 << 20), b""):
    size += len(chunk)
    lines = (tail + chunk).split(b"\\n")
    tail = lines.pop()
    for line in lines:
        if line.startswith(b'  "summary": '):
            summary = json.loads(line.split(b": ", 1)[1].rstrip(b","))
child.wait()
print(json.dumps([size, summary]))
"""

_FLOOR = {
    "rapidyaml parse": "import ryml,sys; ryml.parse_in_arena(open(sys.argv[1],'rb').read())",
    "rapidyaml parse + JSON + json.loads": (
        "import json,ryml,sys; t=ryml.parse_in_arena(open(sys.argv[1],'rb').read()); "
        "json.loads(ryml.emit_json_malloc(t, t.root_id()))"
    ),
    "PyYAML C loader (gc on)": (
        "import sys,yaml; yaml.load(open(sys.argv[1],'rb'), Loader=yaml.CSafeLoader)"
    ),
    "PyYAML C loader (gc paused)": (
        "import gc,sys,yaml; gc.disable(); "
        "yaml.load(open(sys.argv[1],'rb'), Loader=yaml.CSafeLoader)"
    ),
}
FLOOR = "rapidyaml parse + JSON + json.loads"


@dataclass
class Measured:
    seconds: float  # the median
    peak_mb: float  # the largest
    exit: int
    output_mb: float
    summary: dict[str, int]


def _python(script: str, argv: list[str]) -> Any:
    out = subprocess.run(
        [sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def measure(argv: list[str], repeats: int, count: bool = False) -> Measured:
    """Median wall time, peak memory and exit code of a command (its output thrown away, as
    the floor's is); with ``count``, one more run reads its output's size and summary."""
    runs = [_python(_TIME, argv) for _ in range(repeats)]
    size, summary = _python(_COUNT, argv) if count else (0, {})
    return Measured(
        statistics.median(r[0] for r in runs),
        max(r[1] for r in runs) / 1024,
        runs[-1][2],
        size / 1e6,
        summary,
    )


def reconcile(*args: str) -> list[str]:
    return [sys.executable, "-m", "reconcile", *args]


def generated(size: int, out: Path) -> Path:
    """The generated file of ``size`` claims, made again when the generator changed."""
    path = out / f"f{size}.yaml"
    generator = HERE / "generate.py"
    if not path.exists() or path.stat().st_mtime < generator.stat().st_mtime:
        subprocess.run([sys.executable, str(generator), str(size), str(path)], check=True)
    return path


def series(spec: str, out: Path) -> Path:
    """The weekly series ``PLACESxWEEKSxSOURCES`` (bench/series.py), made again when the
    generator changed."""
    path = out / f"series-{spec}.yaml"
    generator = HERE / "series.py"
    if not path.exists() or path.stat().st_mtime < generator.stat().st_mtime:
        subprocess.run([sys.executable, str(generator), *spec.split("x"), str(path)], check=True)
    return path


def commands(path: Path, out: Path) -> dict[str, tuple[list[str], bool]]:
    """What is timed on one file: a label, the command, and whether its output is counted."""
    timed: dict[str, tuple[list[str], bool]] = {
        label: ([sys.executable, "-c", code, str(path)], False) for label, code in _FLOOR.items()
    }
    page = out / f"{path.stem}-report.html"
    timed.update(
        {
            "reconcile validate": (reconcile("validate", "-f", "parsable", str(path)), False),
            "reconcile compare": (reconcile("compare", str(path)), False),
            "reconcile compare --format json": (
                reconcile("compare", "--format", "json", str(path)),
                True,
            ),
            "reconcile check --format json": (
                reconcile("check", "--format", "json", str(path)),
                True,
            ),
            "reconcile report -o report.html": (
                reconcile("report", str(path), "-o", str(page)),
                False,
            ),
        }
    )
    return timed


def run(
    sizes: list[int],
    repeats: int,
    out: Path = OUT,
    series_spec: str = "",
    only: tuple[str, ...] = (),
) -> list[dict[str, object]]:
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    cases: list[tuple[int | str, Path]] = [(size, generated(size, out)) for size in sizes]
    if series_spec:
        places, weeks, sources = (int(n) for n in series_spec.split("x"))
        cases.append((f"{places * weeks * sources:,} (series)", series(series_spec, out)))
    for size, path in cases:
        megabytes = path.stat().st_size / 1e6
        reps = repeats if isinstance(size, int) and size <= 10_000 else max(1, repeats // 3)
        results: dict[str, Measured] = {}
        for label, (argv, counted) in commands(path, out).items():
            if label == FLOOR or not only or any(word in label for word in only):
                results[label] = measure(argv, reps, count=counted)
        floor = results[FLOOR].seconds
        for label, m in results.items():
            rows.append(
                {
                    "claims": size,
                    "MB": round(megabytes, 1),
                    "what": label,
                    "seconds": round(m.seconds, 2),
                    "ratio to floor": round(m.seconds / floor, 2),
                    "peak MB": round(m.peak_mb),
                    "exit": m.exit,
                    "output MB": round(m.output_mb, 1) if m.output_mb else "",
                    "comparisons (conflicts)": (
                        f"{m.summary['comparisons']:,} ({m.summary['conflict']:,})"
                        if m.summary
                        else ""
                    ),
                }
            )
        print(f"{size} claims done", file=sys.stderr)
    for args in (["--help"], ["--version"]):
        if only and not any(word in args[0] for word in only):
            continue
        m = measure(reconcile(*args), repeats)
        rows.append(
            {
                "claims": "",
                "MB": "",
                "what": "reconcile " + args[0],
                "seconds": round(m.seconds, 3),
                "ratio to floor": "",
                "peak MB": round(m.peak_mb),
                "exit": m.exit,
                "output MB": "",
                "comparisons (conflicts)": "",
            }
        )
    return rows


def table(rows: list[dict[str, object]]) -> str:
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(row[h]) for h in header) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    versions = {}
    for name in ("pydantic", "pyyaml", "rapidyaml"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:
            versions[name] = "missing"
    libs = ", ".join(f"{k} {v}" for k, v in versions.items())
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {libs}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--series",
        default="50x500x4",
        help="a weekly series PLACESxWEEKSxSOURCES (bench/series.py); '' for none",
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--out", type=Path, default=OUT, help="where generated files are kept")
    parser.add_argument(
        "--only",
        default="",
        help="time only the commands whose names hold one of these comma-separated words "
        "(the floor is always timed)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    only = tuple(word for word in args.only.split(",") if word)
    rows = run(sizes, args.repeats, args.out, args.series, only)
    text = table(rows)
    print(json.dumps(rows, indent=2) if args.json else text)
    if args.write:
        doc = ROOT / "docs" / "performance.md"
        current = doc.read_text(encoding="utf-8") if doc.exists() else ""
        begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
        block = f"{begin}\nMachine: {machine()}\n\n{text}{end}"
        if begin in current and end in current:
            head, rest = current.split(begin, 1)
            current = head + block + rest.split(end, 1)[1]
        else:
            current += "\n" + block + "\n"
        doc.write_text(current, encoding="utf-8")
    print(f"benchmark took {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
