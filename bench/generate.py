"""Generate figure files for benchmarks: ``python bench/generate.py N OUT.yaml [--seed S]``.

The file has sources, origins with parties and kinds, measures with relations (sum_of,
confusable_with, cumulative) and N claims that use every common value form, partial and
inferred dates, places, relays (``via``), quotes and notes: about 365 bytes a claim, as in
newsroom files. The same N gives the same file.

Each measure has one reported figure, and two in five have a second, rival figure (8 to 30%
away); a claim restates one of them in its own words ("nearly 251,648", "251.6k", "about
250,000", "252 thousand"), and one claim in twenty is placed to conflict.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

CLAIMS_PER_MEASURE = 5  # on average; a few measures hold many more
PARTIES = ("north", "south", None, None)
SOURCE_KINDS = ("news", "wire", "state-media", "official", "ngo", "research", "blog")
ORIGIN_KINDS = ("official", "statistics", "anonymous", "expert", "witness", "advocacy", "media")


def _count(n: int) -> str:
    return f"{n:,}"


def _value(rng: random.Random, figure: int, base: int) -> tuple[str, str]:
    """A figure as a document might write it, and its claim type."""
    form = rng.randrange(12)
    digits = len(str(figure))
    if form == 0:
        return f'"nearly {_count(figure)}"', "count"
    if form == 1:
        return f'"about {_count(round(figure, 2 - digits))}"', "estimate"
    if form == 2:
        return f'"between {_count(figure)} and {_count(figure + base // 10)}"', "estimate"
    if form == 3:
        return f'"up to {_count(figure + base // 20)}"', "limit"
    if form == 4:
        return f'"at least {_count(figure - base // 20)}"', "count"
    if form == 5 and figure >= 1000:
        return f'"{figure / 1000:.1f}k"', "count"
    if form == 6 and figure >= 10_000:
        return f'"{round(figure, -3) // 1000} thousand"', "count"
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


_VERBS = ("reported", "said", "told reporters", "estimated", "confirmed", "wrote")
_PLACES = ("North district", "South district", "the capital", "the coast", "the border region")


def _figures(rng: random.Random, base: int) -> list[int]:
    """The figures a measure's documents report: one, sometimes a rival one."""
    first = base + rng.randrange(0, max(base // 50, 1))
    if rng.random() >= 0.4:
        return [first]
    return [round(first * rng.uniform(1.08, 1.3)), first]


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
    reported: list[list[int]] = []
    for i in range(n_measures):
        base = rng.choice((500, 2_000, 30_000, 250_000, 1_200_000))
        bases.append(base)
        reported.append(_figures(rng, base))
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
        base = bases[m]
        figures = reported[m]
        figure = figures[-1] if rng.random() < 0.75 else figures[0]
        if conflict:
            figure *= 3
        value, kind = _value(rng, figure, base)
        out += [
            f"  - id: c-{i}",
            f"    measure: m-{m}",
            f"    value: {value}",
            f"    type: {kind}",
            f"    source: src-{i % n_sources}",
        ]
        if i % 3:
            out.append(f"    origin: org-{i % n_origins}")
            if i % 11 == 0:
                out.append(f"    via: [Outlet {(i + 1) % 97}]")
        if i % 4 == 0:
            start, end = sorted((_date(rng).strip('"~'), _date(rng).strip('"~')))
            out.append(f'    period: {{start: "{start}", end: "{end}"}}')
        elif i % 4 == 1:
            out.append(f"    as_of: {_date(rng)}")
        if i % 2:
            out.append(f'    place: "{_PLACES[i % len(_PLACES)]}"')
        written = value.strip('"')
        verb = _VERBS[i % len(_VERBS)]
        out.append(
            f'    quote: "Officials {verb} on Tuesday that {written} people were counted for'
            f' item {i} in the latest figures, up from the previous report, a statement said."'
        )
        if i % 5 == 0:
            out.append(f'    note: "Figure {i} checked against the outlet\'s earlier report."')
    out.append("reviews: []")
    return "\n".join(out) + "\n"


def _claims(text: str) -> int:
    try:
        claims = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if claims < 1:
        raise argparse.ArgumentTypeError(f"at least one claim, not {claims}")
    return claims


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a synthetic figure file of N claims, for benchmarks. "
        + __doc__.split("\n\n")[1].replace("\n", " "),
        epilog="Example: python bench/generate.py 10000 bench/out/f10000.yaml",
    )
    parser.add_argument(
        "claims",
        type=_claims,
        metavar="N",
        help="how many claims the file holds (1 or more; 10000, 10,000 and 10_000 are the same)",
    )
    parser.add_argument(
        "target",
        type=Path,
        metavar="OUT.yaml",
        help="the file to write (its folder is made when missing; a file there is replaced)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=7,
        help="the seed of the random choices: another seed, another file of the same shape "
        "(default: 7)",
    )
    args = parser.parse_args(argv)
    target: Path = args.target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(generate(args.claims, args.seed), encoding="utf-8")
    except OSError as err:
        print(f"generate.py: cannot write {target}: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
