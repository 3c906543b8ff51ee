"""Files read together agree on their settings, topic and publisher (FORMAT.md): one given in
a single file holds for all; two files that give different ones are an error at the second."""

from __future__ import annotations

import textwrap

import pytest

from reconcile.intake.loader import read_text
from reconcile.intake.problems import InputError
from reconcile.model.dataset import Dataset
from reconcile.model.validate import build

CLAIMS = textwrap.dedent(
    """\
    version: 1
    sources:
      paper: {title: "Rally draws crowds", kind: news}
    measures:
      crowd: {label: "People at the rally", unit: persons}
    claims:
      - {id: police-crowd, measure: crowd, value: "12,000", source: paper}
    """
)


def _files(*texts: str) -> Dataset:
    return build([read_text(f"{i}.yaml", t.encode()) for i, t in enumerate(texts)])


def _problems(*texts: str) -> list[tuple[str, int, int, str, str]]:
    with pytest.raises(InputError) as caught:
        _files(*texts)
    return [(p.file, p.line, p.col, p.code, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("first", "second", "key"),
    [
        ('topic: "Rally"\n', 'topic: "Riverside rally"\n', "topic"),
        ("publisher: {name: Desk}\n", "publisher: {name: Other desk}\n", "publisher"),
        (
            "publisher: {name: Desk, url: https://desk.example.org}\n",
            "publisher: {name: Desk}\n",
            "publisher",
        ),
        ("settings: {minor_gap: 0.02}\n", "settings: {minor_gap: 0.05}\n", "settings"),
    ],
)
def test_two_files_that_disagree_are_an_error_at_the_second(
    first: str, second: str, key: str
) -> None:
    (problem,) = _problems(CLAIMS + first, "version: 1\n" + second)
    # at the second file's value (the files taken in the order of their names)
    assert problem[:4] == ("1.yaml", 2, len(key) + 3, "E205")
    assert f"in 0.yaml; files compared together must agree on their {key}" in problem[4]


def test_one_file_gives_them_for_all() -> None:
    dataset = _files(CLAIMS, 'version: 1\ntopic: "Rally"\npublisher: {name: Desk}\n')
    assert dataset.topic == "Rally"
    assert dataset.publisher is not None and dataset.publisher.name == "Desk"
    assert dataset.where[("publisher", "")].file == "1.yaml"


def test_files_that_give_the_same_agree() -> None:
    same = 'topic: "Rally"\npublisher: {name: Desk, url: https://desk.example.org}\n'
    dataset = _files(CLAIMS + same, "version: 1\n" + same)
    assert dataset.topic == "Rally"
    assert dataset.publisher is not None and dataset.publisher.url == "https://desk.example.org"


def test_an_empty_publisher_is_no_publisher() -> None:
    assert _files(CLAIMS + "publisher:\n").publisher is None


@pytest.mark.parametrize(
    ("publisher", "code", "line", "col"),
    [
        ("publisher: {url: https://desk.example.org}\n", "E202", 8, 12),
        ("publisher: {name: Desk, site: https://desk.example.org}\n", "E201", 8, 25),
        ("publisher: Desk\n", "E205", 8, 12),
    ],
)
def test_a_publisher_is_checked_where_it_stands(
    publisher: str, code: str, line: int, col: int
) -> None:
    (problem,) = _problems(CLAIMS + publisher)
    assert problem[1:4] == (line, col, code)


RATED = CLAIMS + textwrap.dedent(
    """\
      - {id: organisers-crowd, measure: crowd, value: "50,000", source: paper}
    reviews:
      - claims: [police-crowd, organisers-crowd]
        verdict: disputed
        reason: sourcing
        rating:
    """
)


@pytest.mark.parametrize(
    ("rating", "line", "col", "code", "words"),
    [
        ("{claim: police, label: Wrong}", 13, 21, "E208", "rate one of police-crowd"),
        ("{claim: police-crowd, label: Wrong, value: 0}", 13, 56, "E208", "outside its scale"),
        (
            "{claim: police-crowd, label: Wrong, value: 3, best: 3, worst: 3}",
            13,
            56,
            "E208",
            "best and worst are the same",
        ),
        ("{claim: police-crowd, label: Wrong, best: 10}", 13, 13, "E208", "go with a value"),
        ("{claim: police-crowd}", 13, 13, "E202", "label not set"),
        ("{claim: police-crowd, label: Wrong, value: .nan}", 13, 56, "E205", "finite"),
        ("{claim: police-crowd, label: Wrong, summary: " + "x" * 76 + "}", 13, 58, "E205", "75"),
    ],
)
def test_a_rating_is_checked_against_its_review_and_scale(
    rating: str, line: int, col: int, code: str, words: str
) -> None:
    (problem,) = _problems(RATED.rstrip("\n") + " " + rating + "\n")
    assert problem[1:4] == (line, col, code), problem
    assert words in problem[4]


def test_a_rating_with_its_scale() -> None:
    text = RATED.rstrip("\n") + " {claim: police-crowd, label: Mostly true, value: 4}\n"
    rating = _files(text).reviews[0].review.rating
    assert rating is not None
    assert (rating.value, rating.scale) == (4, (5, 1))
    ranked = " {claim: police-crowd, label: Top, value: 1, best: 1, worst: 9}\n"
    rating = _files(RATED.rstrip("\n") + ranked).reviews[0].review.rating
    assert rating is not None and rating.scale == (1, 9)
