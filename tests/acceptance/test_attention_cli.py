"""What a desk reads first: `compare` puts the conflicts that need a person first, each
under one headline; `--sort measure` keeps the measure-by-measure listing; JSON keeps the
engine's order; `explain` tells one comparison's whole story."""

from __future__ import annotations

import json
import re

import pytest

import reconcile
from tests.conftest import BUNDLED, CASES

DISPUTED = "Unnamed source in Russian security services, via TASS: “Between 300,000 and 500,000”"


def _first_conflict(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "CONFLICT" in line)
    return [line.strip() for line in lines[start : start + 6]]


def test_the_first_conflict_compare_shows_is_the_disputed_one(run) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", str(BUNDLED))
    assert result.exit_code == 0
    head = _first_conflict(result.stdout)
    assert head[0] == (
        "1. CONFLICT (major), disputed  left-service: Servicemen who left their units by any route"
    )
    assert head[1].startswith(DISPUTED)
    joined = " ".join(" ".join(head[2:]).split())
    assert joined.startswith(
        "against the sum of Office of the Prosecutor General of Ukraine, via Al Jazeera: "
        "“235,000” (awol) + “nearly 54,000” (desertion) The first is 1.04 to 1.75 times the "
        "other; likely reason: sourcing."
    )


def test_markdown_puts_the_disputed_conflict_first_too(run) -> None:  # type: ignore[no-untyped-def]
    text = run("compare", "--format", "markdown", str(BUNDLED)).stdout
    section = text.index("## Conflicts, those that need a person first")
    first = text.index("1. **CONFLICT (major), disputed**", section)
    assert text.index("## ", section + 3) > first  # before the first measure's heading
    assert "2. **CONFLICT (major), explained**" in text


def test_sort_measure_lists_conflicts_in_their_measures(run) -> None:  # type: ignore[no-untyped-def]
    text = run("compare", "--sort", "measure", str(BUNDLED)).stdout
    assert "Conflicts, those that need a person first" not in text
    head = _first_conflict(text)
    assert head[0] == "CONFLICT (major), explained  aj-awol-total · tass-exodus"  # awol first


def test_in_attention_order_a_measure_points_to_its_conflicts_above(run) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(run("compare", str(BUNDLED)).stdout.split())
    pointers = re.findall(r"\(conflict (\d) above\)", text)
    assert sorted(pointers) == list("1234567")  # one for each conflict, under its measure


def test_json_keeps_the_engine_order_whatever_the_sort(run) -> None:  # type: ignore[no-untyped-def]
    one = run("compare", "--format", "json", "--sort", "attention", str(BUNDLED)).stdout
    two = run("compare", "--format", "json", "--sort", "measure", str(BUNDLED)).stdout
    assert one == two
    claims = [c["claims"] for c in json.loads(one)["comparisons"]]
    assert claims == sorted(claims, key=lambda ids: claims.index(ids))  # unchanged order
    assert claims[0] == ["aj-amnesty-returns", "tass-amnesty-returns"]


def test_an_unknown_sort_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", "--sort", "size", str(BUNDLED))
    assert result.exit_code == 2
    assert "'attention', 'measure'" in result.stderr


def test_explain_tells_the_whole_story(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "explain", "tass-left-service", "aj-awol-total", "aj-desertion-total", "-F", str(BUNDLED)
    )
    assert result.exit_code == 0
    text = result.stdout
    lines = text.splitlines()
    assert lines[0] == (
        "CONFLICT (major), disputed: left-service: Servicemen who left their units by any route"
    )
    # both sides with their quotes, times and sources
    assert "  quote: “Between 300,000 and 500,000 Ukrainian military personnel" in text
    assert "  quote: “Prosecutors reported in October that 235,000 servicemen went AWOL" in text
    assert "  said by Office of the Prosecutor General of Ukraine, via Al Jazeera" in lines
    assert "  time: 2022 – ~2025-10" in lines
    assert "  time: no period or date given" in lines
    # every reason with its evidence, the likely one first, then the review
    reasons = [
        line.split(" (")[0] for line in lines if line.startswith(("likely reason:", "also:"))
    ]
    assert reasons == [
        "likely reason: sourcing",
        "also: definition",
        "also: unit",
        "also: timeframe",
    ]
    assert lines[-1].startswith("reviewed 2026-11-22: disputed, sourcing: The anonymous Russian")


def test_explain_with_one_claim_tells_every_comparison_it_is_in(run) -> None:  # type: ignore[no-untyped-def]
    text = run("explain", "tass-exodus", "-F", str(BUNDLED)).stdout
    heads = [line for line in text.splitlines() if line.startswith(("CONFLICT", "CONSISTENT"))]
    assert len(heads) == 6  # 4 conflicts and 2 consistent pairs name tass-exodus


def test_explain_refuses_claims_that_are_not_compared(run) -> None:  # type: ignore[no-untyped-def]
    result = run("explain", "aj-awol-total", "tass-amnesty-returns", "-F", str(BUNDLED))
    assert result.exit_code == 2
    assert "are not compared with each other" in result.stderr
    unknown = run("explain", "aj-awol-totl", "-F", str(BUNDLED))
    assert unknown.exit_code == 2
    assert "'aj-awol-totl' is not a claim in the files (did you mean 'aj-awol-total'?)" in (
        unknown.stderr
    )
    assert unknown.stdout == ""


def _reason_sentences(text: str) -> list[str]:
    """Each reason line under a conflict's headline, its wrapped lines joined."""
    sentences: list[str] = []
    in_reason = False
    for line in text.splitlines():
        if line.startswith("      - "):
            sentences.append(line.strip())
            in_reason = True
        elif in_reason and line.startswith("        ") and not line.startswith("         "):
            sentences[-1] += " " + line.strip()
        else:
            in_reason = False
    return sentences


@pytest.mark.parametrize(
    "path",
    [BUNDLED, *sorted(p for p in (CASES / "conflict").iterdir() if p.is_dir())],
    ids=lambda p: p.name if p != BUNDLED else "bundled",
)
def test_every_reason_under_a_headline_is_one_sentence_of_at_most_30_words(run, path) -> None:  # type: ignore[no-untyped-def]
    text = run("compare", str(path)).stdout
    sentences = _reason_sentences(text)
    assert sentences or "CONFLICT" not in text
    for sentence in sentences:
        _, words = sentence[2:].split(": ", 1)
        assert len(words.split()) <= 30, sentence
        assert words.endswith("."), sentence


def test_each_conflict_ends_with_the_command_that_tells_its_story(run) -> None:  # type: ignore[no-untyped-def]
    lines = [line.strip() for line in run("compare", str(BUNDLED)).stdout.splitlines()]
    commands = [line for line in lines if line.startswith("reconcile explain ")]
    assert commands[0] == "reconcile explain tass-left-service aj-awol-total aj-desertion-total"
    assert len(commands) == 7


def test_explain_of_a_comparison_that_is_no_conflict_ranks_no_reason_likely(run) -> None:  # type: ignore[no-untyped-def]
    lines = run("explain", "tass-left-service", "aj-awol-total", "-F", str(BUNDLED)).stdout
    lines = lines.splitlines()
    assert lines[0].startswith("COMPATIBLE: awol:")
    assert [line.split(" (")[0] for line in lines if line.startswith("reason:")] == [
        "reason: sourcing",
        "reason: definition",
        "reason: claim-type",
        "reason: timeframe",
    ]
    assert not any(line.startswith(("likely reason:", "also:")) for line in lines)
    assert "  place: not given" in lines
    assert lines[-1] == "not reviewed"


def test_explain_wraps_to_the_terminal_under_each_line_start() -> None:
    import io

    from reconcile.views.story import write_stories

    dataset = reconcile.load(BUNDLED)
    (c,) = [c for c in reconcile.compare(dataset).comparisons if c.claims[0] == "tass-left-service"
            and len(c.claims) == 3]  # fmt: skip
    stream = io.StringIO()
    write_stories([c], dataset, stream, width=80)
    lines = stream.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    quote = next(i for i, line in enumerate(lines) if line.startswith("  quote: "))
    assert lines[quote + 1].startswith("    ") and not lines[quote + 1].startswith("     ")


def test_a_headline_names_the_place_of_each_figure(run) -> None:  # type: ignore[no-untyped-def]
    text = run("compare", str(CASES / "real" / "excess-deaths-2020")).stdout
    head = " ".join(" ".join(_first_conflict(text)).split())
    assert "“5” (United Kingdom)" in head
    assert "“96” (United Kingdom)" in head
