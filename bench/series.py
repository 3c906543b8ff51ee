"""Generate a weekly series for benchmarks: ``python bench/series.py PLACES WEEKS SOURCES OUT``.

A long series is the shape of most real data: weekly deaths for many places, reported by
several sources. Each of PLACES places has WEEKS weeks of figures from each of SOURCES
sources, one claim a place, week and source (``PLACES x WEEKS x SOURCES`` claims; 50 x 500 x 4
is 100,000). Half the sources count weeks ending on Sunday and half on Wednesday, so their
weeks overlap by three or four days; one source in four revises its earlier vintage by a few
deaths; and half the claims are on a ``signed`` measure of excess deaths, some of them below
zero. Only accounts of one place in overlapping weeks are compared, so the comparisons grow
with the claims, not with their square. The same arguments give the same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

START = dt.date(2015, 1, 4)  # a Sunday


def series(places: int, weeks: int, sources: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = [
        "version: 1",
        'topic: "A weekly series: deaths and excess deaths by place (generated)"',
        "sources:",
    ]
    for s in range(sources):
        lines.append(
            f"  src{s}: {{title: 'Weekly deaths, dataset {s}', outlet: Outlet {s % 3}, "
            f"published: '{2020 + s % 4}-0{1 + s % 9}', kind: {('news', 'research')[s % 2]}}}"
        )
    lines += [
        "origins:",
        "  registry: {name: National registries, kind: statistics}",
        "measures:",
        "  deaths-week: {label: Deaths in one week, unit: deaths}",
        "  excess-week:",
        "    label: Deaths above the expected number in one week",
        "    unit: deaths",
        "    signed: true",
        "claims:",
    ]
    for p in range(places):
        base = rng.randrange(200, 20_000)
        for w in range(weeks):
            level = base * (1 + 0.3 * rng.random())
            for s in range(sources):
                shift = 0 if s % 2 == 0 else 3  # weeks ending on Sunday, or on Wednesday
                end = START + dt.timedelta(days=7 * w + shift)
                start = end - dt.timedelta(days=6)
                revised = 1 + (rng.randrange(-3, 4) / 1000 if s % 4 == 3 else 0)
                excess = (s // 2) % 2 == 1
                value = round(level * revised - base * 1.1) if excess else round(level * revised)
                measure = "excess-week" if excess else "deaths-week"
                lines.append(
                    f"  - {{id: p{p:03d}-w{w:04d}-s{s}, measure: {measure}, value: '{value}', "
                    f"period: {{start: '{start}', end: '{end}'}}, place: Place {p}, "
                    f"source: src{s}, origin: registry}}"
                )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("places", type=int, help="how many places (50 in the benchmark)")
    parser.add_argument("weeks", type=int, help="how many weeks a place (500)")
    parser.add_argument("sources", type=int, help="how many sources report each week (4)")
    parser.add_argument("out", type=Path, help="the figure file to write; its folder is made")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(series(args.places, args.weeks, args.sources), encoding="utf-8")


if __name__ == "__main__":
    main()
