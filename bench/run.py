"""Benchmark reconcile against the parse floor: ``python bench/run.py [--sizes 1000,10000,100000]``.

For each size it generates a figure file (bench/generate.py), then times, as whole processes
and in one run: the bare parse floor (rapidyaml parse; rapidyaml parse + JSON emission +
``json.loads``; PyYAML's C loader with the garbage collector on, as PyYAML runs by default,
and paused), ``reconcile validate``, ``reconcile compare --format json`` and ``reconcile check
--format json``, plus ``reconcile --help`` and ``--version``. It reports the median of the
repeats, each time's ratio to the floor (rapidyaml parse + JSON + ``json.loads``), and the
peak memory of each process. ``--write`` puts the table, with the machine it ran on, into
docs/performance.md.
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
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
OUT = HERE / "out"

# Runs a command and prints its wall time and peak memory (of that process alone).
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak, code)
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


def measure(argv: list[str], repeats: int) -> tuple[float, float, int]:
    """Median wall time (s), peak memory (MB) and the exit code of a command."""
    times, peaks, code = [], [], 0
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
        peaks.append(int(out[1]) / 1024)
        code = int(out[2])
    return statistics.median(times), max(peaks), code


def reconcile(*args: str) -> list[str]:
    return [sys.executable, "-m", "reconcile", *args]


def run(sizes: list[int], repeats: int) -> list[dict[str, object]]:
    OUT.mkdir(exist_ok=True)
    rows: list[dict[str, object]] = []
    for size in sizes:
        path = OUT / f"f{size}.yaml"
        if not path.exists():
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), str(size), str(path)], check=True
            )
        megabytes = path.stat().st_size / 1e6
        reps = repeats if size <= 10_000 else max(1, repeats // 3)
        results: dict[str, tuple[float, float, int]] = {}
        for label, code in _FLOOR.items():
            results[label] = measure([sys.executable, "-c", code, str(path)], reps)
        results["reconcile validate"] = measure(
            reconcile("validate", "-f", "parsable", str(path)), reps
        )
        results["reconcile compare --format json"] = measure(
            reconcile("compare", "--format", "json", str(path)), reps
        )
        results["reconcile check --format json"] = measure(
            reconcile("check", "--format", "json", str(path)), reps
        )
        floor = results[FLOOR][0]
        for label, (seconds, peak, exit_code) in results.items():
            rows.append(
                {
                    "claims": size,
                    "MB": round(megabytes, 1),
                    "what": label,
                    "seconds": round(seconds, 2),
                    "ratio to floor": round(seconds / floor, 2),
                    "peak MB": round(peak),
                    "exit": exit_code,
                }
            )
        print(f"{size:,} claims done", file=sys.stderr)
    for args in (["--help"], ["--version"]):
        seconds, peak, exit_code = measure(reconcile(*args), repeats)
        rows.append(
            {
                "claims": "",
                "MB": "",
                "what": "reconcile " + args[0],
                "seconds": round(seconds, 3),
                "ratio to floor": "",
                "peak MB": round(peak),
                "exit": exit_code,
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
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = run([int(s) for s in args.sizes.split(",")], args.repeats)
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
