"""Dates and times in a sentence: kept apart from figures, and offered as a claim's period.

A date is never proposed as a figure. What is found:

- a day, month and year in any common order: ``30 June 2025``, ``June 30, 2025``,
  ``2025-06-30``; a day and month (``30 June``, ``August 30``); a month and year
  (``September 2024``, ``2024-09``); a month alone (``in October``; "May" only after a
  word such as "in" or "by", since it is also a verb);
- a year: a number from 1800 to 2099 written without separators, unless what surrounds it
  makes it a count: a hedge before it ("about 2000"), or a unit, a scale word, a percent
  sign or a plural noun after it ("2000 people"). A year followed by a singular noun ("the
  2026 budget") stays a year;
- ranges of these: ``between September 2024 and September 2025``, ``10 February to 30 June
  2025``, ``2022-2025``;
- times of day (``19:40``, ``3 pm``) and decades (``the 1990s``), which are masked but offer
  no date.

A date whose year the sentence does not give takes the latest year written anywhere in the
document and is marked as inferred (``~2025-10``); when the document gives no year at all,
the guess says so with ``YYYY``, which the curator must replace.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Final

from reconcile.extract.vocabulary import (
    IRREGULAR_PLURALS,
    MONTHS,
    PREFIX_PHRASES,
    SCALE_WORDS,
    UNIT_PHRASES,
)

_FULL_MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_SHORT_MONTHS: Final = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH: Final = rf"(?:{_FULL_MONTHS}|{_FULL_MONTHS.upper()}|(?:{_SHORT_MONTHS})\.?)"
_YEAR: Final = r"(?:1[89]|20)\d{2}"
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])"

_PATTERNS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(pattern)
    for pattern in (
        # 2025-06-30, 2025-06
        rf"(?<![\w-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>[0-3]\d))?(?![\w-])",
        # 30 June 2025, 30th of June, 30 June
        rf"(?<![\w.,])(?P<d>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?![\w])"
        rf"(?:,?\s+(?P<y>{_YEAR})(?![\w]))?",
        # June 30, 2025; June 30
        rf"(?<![\w])(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?(?![\w])(?![.,]\d)"
        rf"(?:,?\s+(?P<y>{_YEAR})(?![\w]))?",
        # September 2024
        rf"(?<![\w])(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})(?![\w])",
        # 2022-2025, 2022–25
        rf"(?<![\w.,-])(?P<y>{_YEAR})\s*[-–—]\s*(?P<y2>{_YEAR}|\d{{2}})(?![\w%])",
        # a month alone
        rf"(?<![\w])(?P<m>{_FULL_MONTHS}|{_FULL_MONTHS.upper()})(?![\w])",
        # a year, or a decade
        rf"(?<![\w.,$€£¥₹₴₽-])(?:mid-)?(?P<y>{_YEAR})(?P<s>'?s)?(?![\w%])(?![.,]\d)",
    )
)
_TIMES: Final = re.compile(
    r"(?<![\w:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?(?![\w:])"
    r"|(?<![\w])(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]m(?![\w]))"
)
_RANGE_JOIN: Final = re.compile(r"\s*(?:and|to|until|till|through|thru|[-–—])\s*", re.IGNORECASE)
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Words before a date that make it the date a figure stands at, not a span it covers.
_AS_OF_LEADS: Final = (
    "by the end of",
    "at the end of",
    "as of",
    "as at",
    "by",
    "on",
    "until",
    "till",
    "end of",
)
_START_LEADS: Final = ("since", "from", "starting", "beginning")
_MAY_LEADS: Final = frozenset(
    {
        "in",
        "by",
        "since",
        "from",
        "until",
        "till",
        "of",
        "early",
        "late",
        "mid",
        "during",
        "last",
        "next",
        "this",
        "through",
        "before",
        "after",
        "to",
        "and",
        "between",
        "end",
    }
)
_HEDGE_WORDS: Final = frozenset(word for phrase in PREFIX_PHRASES for word in phrase) - {
    "from",
    "between",
    "by",
    "to",
    "of",
    "in",
}
_UNIT_FIRST_WORDS: Final = frozenset(phrase[0] for phrase, _ in UNIT_PHRASES)


@dataclass(frozen=True, slots=True)
class Day:
    """A date known to the year, month or day; the year may be missing from the text."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def text(self, default_year: int | None) -> str:
        """The date as a figure file writes it; ``~`` when the year was not in the text."""
        inferred = self.year is None
        year = self.year if self.year is not None else default_year
        shown = "YYYY" if year is None else f"{year:04d}"
        if self.month is not None:
            shown += f"-{self.month:02d}"
            if self.day is not None:
                shown += f"-{self.day:02d}"
        return f"~{shown}" if inferred else shown


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, a range of dates, or a time found in the text (offsets into the document)."""

    start: int
    end: int
    first: Day | None  # None for times and decades: masked, but no date to offer
    last: Day | None = None  # the end of a range
    lead: str = ""  # the words just before it, lowercased ("by", "since", "in", ...)

    def guess(self, default_year: int | None) -> tuple[str, str] | None:
        """The field and the YAML text of a candidate ``period`` or ``as_of``."""
        if self.first is None:
            return None
        first = self.first.text(default_year)
        if self.last is not None:
            return "period", f'{{start: "{first}", end: "{self.last.text(default_year)}"}}'
        if self.lead.endswith(_START_LEADS):
            return "period", f'{{start: "{first}"}}'
        if self.lead.endswith(_AS_OF_LEADS):
            return "as_of", f'"{first}"'
        return "period", f'{{start: "{first}", end: "{first}"}}'


def _month(name: str) -> int:
    return int(name) if name.isdigit() else MONTHS[name.lower().rstrip(".")]


def _valid(day: Day) -> bool:
    if day.day is None or day.month is None:
        return True
    year = day.year if day.year is not None else 2000  # a leap year: 29 February stays
    return day.day <= calendar.monthrange(year, day.month)[1]


def _lead(text: str, start: int, floor: int) -> str:
    """Up to four words before ``start`` (not before ``floor``), lowercased."""
    words = _WORD.findall(text[max(floor, start - 40) : start])
    return " ".join(words[-4:]).lower()


def _next_word(text: str, end: int, ceiling: int) -> str:
    match = re.match(r"\s*([^\W\d_]+|%)", text[end:ceiling])
    return match.group(1).lower() if match else ""


def _year_is_count(text: str, start: int, end: int, floor: int, ceiling: int) -> bool:
    """A year-like number that its neighbours show to be a count ("about 2000 people")."""
    before = _lead(text, start, floor).split()
    if before and before[-1] in _HEDGE_WORDS:
        return True
    after = _next_word(text, end, ceiling)
    if after == "%" or after in SCALE_WORDS or after in _UNIT_FIRST_WORDS:
        return True
    if after.lower() in MONTHS or not after:
        return False
    return after in IRREGULAR_PLURALS or (after.endswith("s") and not after.endswith("ss"))


def find_dates(text: str, start: int, end: int) -> list[DateMention]:
    """Dates, ranges of dates and times in ``text[start:end]``, in order, not overlapping."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for match in _TIMES.finditer(text, start, end):
        found.append(DateMention(match.start(), match.end(), None))
        taken.append(match.span())
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            a, b = match.span()
            if not free(a, b):
                continue
            groups = match.groupdict()
            lead = _lead(text, a, start)
            if groups.get("y2") is not None:
                first_year = int(groups["y"])
                second = groups["y2"]
                last_year = (
                    int(second) if len(second) == 4 else first_year // 100 * 100 + int(second)
                )
                if last_year <= first_year:
                    continue  # "2022-15" is no range of years
                mention = DateMention(a, b, Day(first_year), Day(last_year), lead)
            elif groups.get("m") is None:  # a year or a decade
                if groups.get("s"):
                    mention = DateMention(a, b, None)
                elif _year_is_count(text, a, b, start, end):
                    continue
                else:
                    mention = DateMention(a, b, Day(int(groups["y"])), None, lead)
            else:
                alone = groups.get("d") is None and not groups.get("y")
                last_lead = lead.split()[-1] if lead else ""
                if groups["m"].lower() == "may" and alone and last_lead not in _MAY_LEADS:
                    continue  # "may", the verb
                year = int(groups["y"]) if groups.get("y") else None
                day_text = groups.get("d")
                day = Day(year, _month(groups["m"]), int(day_text) if day_text else None)
                if not _valid(day):
                    continue
                mention = DateMention(a, b, day, None, lead)
            found.append(mention)
            taken.append((a, b))
    found.sort(key=lambda mention: mention.start)
    return _join_ranges(text, found)


def _join_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """Join "X to Y", "X - Y" and "between X and Y" into one range."""
    joined: list[DateMention] = []
    index = 0
    while index < len(found):
        mention = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            following is not None
            and mention.first is not None
            and following.first is not None
            and mention.last is None
            and following.last is None
            and (join := _RANGE_JOIN.fullmatch(text, mention.end, following.start)) is not None
            and (join.group().strip().lower() != "and" or "between" in mention.lead.split())
        ):
            first, last = mention.first, following.first
            if first.year is None and last.year is not None:
                first = Day(last.year, first.month, first.day)  # "10 February to 30 June 2025"
            joined.append(DateMention(mention.start, following.end, first, last, mention.lead))
            index += 2
            continue
        joined.append(mention)
        index += 1
    return joined


def stated_years(mentions: list[DateMention]) -> list[int]:
    """The years the text states, in any of its dates."""
    years: list[int] = []
    for mention in mentions:
        for day in (mention.first, mention.last):
            if day is not None and day.year is not None:
                years.append(day.year)
    return years


__all__ = ["DateMention", "Day", "find_dates", "stated_years"]
