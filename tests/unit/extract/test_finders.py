"""The finders: sentences keep their offsets, dates stay apart from figures, every figure
form is found and read, and labels, names and idioms are not figures."""

from __future__ import annotations

import textwrap

import pytest

from reconcile.extract.dates import find_dates
from reconcile.extract.document import Document
from reconcile.extract.propose import Proposal, id_slug, propose, unique_id
from reconcile.extract.sentences import MAX_SENTENCE, split
from reconcile.intake.values import parse_value


def proposals(text: str, kind: str = "text") -> list[Proposal]:
    return propose(Document("doc.txt", text, kind, None), "src")  # type: ignore[arg-type]


def values(text: str) -> list[str]:
    return [p.value for p in proposals(text)]


# --- sentences ---------------------------------------------------------------------------


def test_sentences_are_verbatim_spans() -> None:
    text = 'Mr. Lund said 5 people came. "It was 3 p.m. Then it rained," he said. U.S. data.\n'
    found = split(text)
    assert [text[s.start : s.end] for s in found] == [
        "Mr. Lund said 5 people came.",
        '"It was 3 p.m. Then it rained," he said.',
        "U.S. data.",
    ]


def test_blank_lines_list_markers_and_headings_start_new_sentences() -> None:
    text = "# Budget\nThe allocations are:\n- Transport: 96 million.\n* Schools: 18 million\n"
    assert [s.text(text) for s in split(text, "markdown")] == [
        "Budget",
        "The allocations are:",
        "Transport: 96 million.",
        "Schools: 18 million",
    ]


def test_hard_wrapped_text_joins_its_lines() -> None:
    line = "word " * 13
    text = "\n".join([line + "and the", "council said 500 people", *[line] * 5]) + "\n"
    assert "and the council said 500 people" in split(text)[0].text(text)


def test_fenced_code_is_skipped_in_markdown() -> None:
    text = "Intro with 5 cats.\n\n```\nx = 42\n```\n\nEnd with 7 dogs.\n"
    assert [p.value for p in proposals(text, "markdown")] == ["5", "7"]


def test_a_sentence_longer_than_the_limit_is_cut_at_clause_marks() -> None:
    text = ", ".join(f"clause {n} of the long sentence with 12 words in it" for n in range(40))
    found = split(text + ".")
    assert len(found) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in found)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened in 2023 with 40 staff.", ["40"]),
        ("In September 2024 there were 12 cases.", ["12"]),
        ("By August 30, 29,000 had returned.", ["29,000"]),
        ("The 2024-09 report counts 300 sites.", ["300"]),
        ("Between September 2024 and September 2025 alone, 176 were registered.", ["176"]),
        ("From 10 February to 30 June 2025, 2,880 soldiers died.", ["2,880"]),
        ("At 19:40 the 500 marchers left; at 3 pm only 20 remained.", ["500", "only 20"]),
        ("The 2026 budget and the 1990s are dates; about 2000 people came.", ["about 2000"]),
        ("2000 people came in 2000.", ["2000"]),
    ],
)
def test_dates_are_kept_apart_from_figures(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_dates_give_period_and_as_of_guesses() -> None:
    text = "Ministry, 3 July 2025. Since November 2024, 400 came; by 30 June, 1,350 had."
    found = {p.value: p for p in proposals(text)}
    since = found["400"].guess("period")
    by = found["1,350"].guess("as_of")
    assert since is not None and since.value == '{start: "2024-11"}'
    assert by is not None and by.value == '"~2025-06-30"'  # the year of the dateline


def test_a_date_without_any_year_in_the_text_asks_for_one() -> None:
    (proposal,) = proposals("By August 30, 29,000 soldiers had returned.")
    guess = proposal.guess("as_of")
    assert guess is not None and guess.value == '"~YYYY-08-30"'
    assert "replace YYYY" in guess.evidence


def test_date_ranges_and_leads() -> None:
    text = "between September 2024 and September 2025, at the end of March 2025, in May"
    guesses = [m.guess(2025) for m in find_dates(text, 0, len(text))]
    assert guesses == [
        ("period", '{start: "2024-09", end: "2025-09"}'),
        ("as_of", '"2025-03"'),
        ("period", '{start: "~2025-05", end: "~2025-05"}'),
    ]


def test_may_the_verb_is_not_a_date() -> None:
    text = "Going absent may result in 10 years in jail."
    assert find_dates(text, 0, len(text)) == []


# --- figures -----------------------------------------------------------------------------


FORMS = textwrap.dedent(
    """\
    It counted 235,000 people, then 4,81,486 and 1.2m and 3bn and 412 million.
    Some thirty thousand came, and a dozen left, and twenty-five stayed.
    Tens of thousands marched; hundreds watched.
    Between 300,000 and 500,000 fled, while 5–12 years and 4 to 10 years are terms.
    Nearly 54,000 left, about 500 stayed, more than 11,000 died and up to 30,000 may return.
    It holds 41% of its capacity, and 7.9 per cent are idle.
    It lost approximately 500 square kilometres and 2,400 per day.
    As the war enters its fifth year, he escaped twice.
    Fines run from €500 to €5,000, and grants of up to €1,200 are paid.
    """
)


def test_every_form_is_found_as_written() -> None:
    assert values(FORMS) == [
        "235,000",
        "4,81,486",
        "1.2m",
        "3bn",
        "412 million",
        "Some thirty thousand",
        "a dozen",
        "twenty-five",
        "Tens of thousands",
        "hundreds",
        "Between 300,000 and 500,000",
        "5–12 years",
        "4 to 10 years",
        "Nearly 54,000",
        "about 500",
        "more than 11,000",
        "up to 30,000",
        "41%",
        "7.9 per cent",
        "approximately 500 square kilometres",
        "2,400 per day",
        "fifth",
        "twice",
        "from 500 to 5,000",
        "up to 1,200",
    ]


def test_every_proposal_reads_as_the_value_reader_reads_it() -> None:
    for proposal in proposals(FORMS):
        read = parse_value(proposal.value)
        assert (read.low, read.best, read.high) == (
            proposal.quantity.low,
            proposal.quantity.best,
            proposal.quantity.high,
        )


@pytest.mark.parametrize(
    "text",
    [
        "Situation update no. 14 is out.",
        "Species listed in Schedule 1 or 2 are protected.",
        "The Covid-19 wave and 5G masts.",
        "He is one of many, and no one knew.",
        "The first attack came at dawn.",
        "See https://example.org/2024/05/report-100 for more.",
    ],
)
def test_labels_names_idioms_and_links_are_not_figures(text: str) -> None:
    assert values(text) == []


def test_a_point_in_time_is_not_a_rate() -> None:
    assert values("It holds 38%, down from 61% a year ago.") == ["38%", "61%"]


# --- guesses and ids ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Prosecutors said 235,000 servicemen left.", "persons"),
        ("It registered 176,000 open cases.", "cases"),
        ("A 36-year-old clerk.", "years"),
        ("A 3-metre-high wall.", "m"),
        ("Spending totals €412 million.", "currency:EUR"),
        ("Then 3,000 of our soldiers died.", "persons"),
        ("A rise of about 0.3 percentage points.", "percentage points"),
    ],
)
def test_unit_guess_from_the_noun_that_follows(text: str, unit: str) -> None:
    (proposal,) = proposals(text)
    guess = proposal.guess("unit")
    assert guess is not None and guess.value == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It carries 5–12 years in jail.", "years"),
        ("It receives 95 million euros.", "currency:eur"),
    ],
)
def test_a_unit_in_the_value_is_not_guessed(text: str, unit: str) -> None:
    (proposal,) = proposals(text)
    assert proposal.guess("unit") is None and proposal.quantity.unit == unit


def test_rate_guess_from_the_same_clause() -> None:
    (first, second) = proposals("While 30,000 men are mobilised monthly, 70,000 are needed.")
    per = first.guess("per")
    assert per is not None and per.value == "month"
    assert second.guess("per") is None


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Prosecutors reported in October that 235,000 servicemen left.", "prosecutors"),
        ("About 12,000 came, according to the city police.", "city-police"),
        ('"We counted 5,000," the source stated.', "source"),
        ("The coalition, which organised the march, said 50,000 came.", "coalition"),
        ("Valdoria's defence ministry said 2,880 died.", "valdoria-defence-ministry"),
    ],
)
def test_origin_guess_from_attribution(text: str, origin: str) -> None:
    (proposal,) = proposals(text)
    guess = proposal.guess("origin")
    assert guess is not None and guess.value == origin


def test_a_pronoun_is_replaced_by_the_name_that_opens_the_sentence_before() -> None:
    text = "Tymon, a clerk, is one of them. He told the paper that he escaped twice."
    (proposal,) = proposals(text)
    guess = proposal.guess("origin")
    assert guess is not None and guess.value == "tymon"


def test_the_sentence_before_supplies_an_origin_when_the_sentence_has_none() -> None:
    text = "Prosecutors reported 100 cases. Another 25 were registered."
    second = proposals(text)[1]
    guess = second.guess("origin")
    assert guess is not None and guess.evidence.endswith("(sentence before)")


def test_ids_are_derived_from_source_and_figure_and_unique() -> None:
    assert id_slug("nearly 54,000") == "nearly-54000"
    assert id_slug("5–12 years") == "5-12-years"
    assert id_slug("a mere 10%") == "a-mere-10-percent"
    assert id_slug("5.2%") == "5.2-percent"
    taken = {"src-500"}
    assert unique_id("src", "500", taken) == "src-500-2"
    assert unique_id("src", "500", taken) == "src-500-3"
    found = proposals("It had 500 beds. It has 500 beds. It will have 500 beds.")
    assert [p.id for p in found] == ["src-500", "src-500-2", "src-500-3"]


def test_the_quote_is_the_whole_sentence_with_its_spaces_folded() -> None:
    (proposal,) = proposals("Intro.\n\nThe  level fell to\t3.2 metres this week. Next.")
    assert proposal.quote == "The level fell to 3.2 metres this week."
