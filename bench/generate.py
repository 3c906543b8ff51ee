"""Generate realistic figure files for benchmarks: ``python bench/generate.py N OUT.yaml``.

The file has sources, origins with parties and kinds, measures with relations (sum_of,
part_of, confusable_with, cumulative) and N claims that use every value form, partial and
inferred dates, rates, derived shares and legal ranges; about one claim in twenty is placed
to conflict with its neighbours. The same N gives the same file.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

CLAIMS_PER_MEASURE = 5  # on average; a few measures hold many more
PARTIES = ("north", "south", None, None)
SOURCE_KINDS = ("news", "wire", "state-media", "official", "ngo", "research", "blog")
ORIGIN_KINDS = ("official", "statistics", "anonymous", "expert", "witness", "advocacy", "media")


def _count(n: int) -> str:
    return f"{n:,}"


def _value(rng: random.Random, base: int, conflict: bool) -> tuple[str, str]:
    """A value as written and its claim type."""
    figure = base * (3 if conflict else 1) + rng.randrange(0, max(base // 50, 1))
    form = rng.randrange(12)
    if form == 0:
        return f'"nearly {_count(figure)}"', "count"
    if form == 1:
        return f'"about {_count(round(figure, -3))}"', "estimate"
    if form == 2:
        return f'"between {_count(figure)} and {_count(figure + base // 10)}"', "estimate"
    if form == 3:
        return f'"up to {_count(figure + base // 20)}"', "limit"
    if form == 4:
        return f'"at least {_count(figure - base // 20)}"', "count"
    if form == 5:
        return f'"{figure / 1000:.1f}k"', "count"
    if form == 6:
        return f'"{figure // 1000} thousand"', "count"
    if form == 7:
        return f"{figure}", "count"
    if form == 8:
        return '"' + f"{figure:,}".replace(",", " ") + '"', "count"
    return f'"{_count(figure)}"', "count"


def _date(rng: random.Random) -> str:
    year = rng.randrange(2019, 2026)
    form = rng.randrange(4)
    if form == 0:
        return f'"{year}"'
    if form == 1:
        return f'"{year}-{rng.randrange(1, 13):02d}"'
    if form == 2:
        return f'"~{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"'
    return f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"


def generate(claims: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    n_measures = max(claims // CLAIMS_PER_MEASURE, 4)
    n_sources = max(claims // 10, 2)
    n_origins = max(claims // 50, 2)
    out = ["version: 1", f'topic: "Synthetic benchmark file, {claims:,} claims"', "sources:"]
    for i in range(n_sources):
        out += [
            f"  src-{i}:",
            f'    title: "Report number {i} on the counted figures"',
            f'    outlet: "Outlet {i % 97}"',
            f"    published: {_date(rng)}",
            f"    kind: {SOURCE_KINDS[i % len(SOURCE_KINDS)]}",
        ]
        party = PARTIES[i % len(PARTIES)]
        if party:
            out.append(f"    party: {party}")
    out.append("origins:")
    for i in range(n_origins):
        out += [
            f"  org-{i}:",
            f'    name: "Origin {i}"',
            f"    kind: {ORIGIN_KINDS[i % len(ORIGIN_KINDS)]}",
        ]
        party = PARTIES[(i + 1) % len(PARTIES)]
        if party:
            out.append(f"    party: {party}")
        if i % 7 == 0:
            out.append("    reliability: F")
    out.append("measures:")
    bases: list[int] = []
    for i in range(n_measures):
        base = rng.choice((500, 2_000, 30_000, 250_000, 1_200_000))
        bases.append(base)
        out += [f"  m-{i}:", f'    label: "Counted thing {i}"', "    unit: persons"]
        if i % 10 == 9:
            out.append(f"    sum_of: [m-{i - 2}, m-{i - 1}]")
        elif i % 10 == 4:
            out.append(f"    confusable_with: [m-{i - 1}]")
        else:
            out.append("    cumulative: true")
    out.append("claims:")
    for i in range(claims):
        # most measures hold a handful of claims; one in fifty gathers many (a busy story)
        m = i % n_measures if rng.random() < 0.9 else rng.randrange(0, n_measures, 50)
        conflict = rng.random() < 0.05
        value, kind = _value(rng, bases[m], conflict)
        out += [
            f"  - id: c-{i}",
            f"    measure: m-{m}",
            f"    value: {value}",
            f"    type: {kind}",
            f"    source: src-{i % n_sources}",
        ]
        if i % 3:
            out.append(f"    origin: org-{i % n_origins}")
        if i % 4 == 0:
            start, end = sorted((_date(rng).strip('"~'), _date(rng).strip('"~')))
            out.append(f'    period: {{start: "{start}", end: "{end}"}}')
        elif i % 4 == 1:
            out.append(f"    as_of: {_date(rng)}")
        out.append(f'    quote: "Officials said the figure for item {i} was as stated."')
    out.append("reviews: []")
    return "\n".join(out) + "\n"


def main() -> None:
    claims, target = int(sys.argv[1]), Path(sys.argv[2])
    target.write_text(generate(claims), encoding="utf-8")


if __name__ == "__main__":
    main()
