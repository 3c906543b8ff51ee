"""Partial dates: a year, a month or a day, each standing for the interval it names.

A figure file writes dates as precisely as the document gives them:

- ``2025`` is 1 January to 31 December 2025;
- ``2025-10`` is 1 to 31 October 2025;
- ``2025-10-14`` is that day;
- ``unknown`` (or an omitted field) is not known, and nothing is invented;
- a leading ``~`` (``"~2025-08-30"``) marks a date the document implies but does not state.
  It is used like any date, and every explanation that rests on it says it was inferred.

Whether one period lies within another is decided on these intervals.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

_DATE_RE = re.compile(
    r"(?P<inferred>~)?(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?"
)

ACCEPTED_DATES = "2025, 2025-10, 2025-10-14, unknown, or an inferred date such as ~2025-08-30"

# The dates the reader accepts, as one JSON Schema pattern (ECMA 262): a year from 0001, a
# month from 1 to 12, a day that the month has (29 February in leap years only), an optional
# leading "~", spaces around; or "unknown" in any case.
_YEAR = r"(?!0000)\d{4}"
_LEAP_YEAR = r"(?!0000)(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY_OF_ANY_MONTH = r"(?:0?[1-9]|1\d|2[0-8])"
_DAY = (
    rf"(?:{_MONTH}-{_DAY_OF_ANY_MONTH}|(?:0?[13578]|1[02])-(?:29|3[01])|(?:0?[469]|11)-(?:29|30))"
)
DATE_PATTERN = (
    rf"^\s*(?:~?(?:{_YEAR}(?:-{_MONTH}|-{_DAY})?|{_LEAP_YEAR}-0?2-29)"
    r"|[Uu][Nn][Kk][Nn][Oo][Ww][Nn])\s*$"
)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, month or day; ``first`` and ``last`` bound the interval."""

    text: str
    first: dt.date | None
    last: dt.date | None
    inferred: bool = False

    @property
    def known(self) -> bool:
        return self.first is not None

    def __str__(self) -> str:
        return self.text

    @classmethod
    def unknown(cls) -> PartialDate:
        return cls("unknown", None, None)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read a date as YAML hands it over: an int year, a string, or a date object."""
        if type(value) is str:  # the commonest case, first
            return _parse_text(value)
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return _from_date(value)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return _parse_text(str(value))
        raise PydanticCustomError(
            "partial_date",
            "not a date: '{value}'; accepted: {accepted}",
            {"value": value, "accepted": ACCEPTED_DATES},
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "description": "A partial date: " + ACCEPTED_DATES,
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": DATE_PATTERN},
            ],
        }


@functools.lru_cache(maxsize=4096)
def _parse_text(raw: str) -> PartialDate:
    """Read a date written as text or a year; memoised, since files repeat their dates."""
    text = raw.strip()
    if text.lower() == "unknown":
        return PartialDate.unknown()
    match = _DATE_RE.fullmatch(text)
    if match is None:
        raise PydanticCustomError(
            "partial_date",
            "not a date: '{value}'; accepted: {accepted}",
            {"value": text, "accepted": ACCEPTED_DATES},
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    try:
        if month is None:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif day is None:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first = last = dt.date(year, month, day)
    except ValueError as err:
        raise PydanticCustomError(
            "partial_date",
            "impossible date '{value}' ({problem}); accepted: {accepted}",
            {"value": text, "problem": str(err), "accepted": ACCEPTED_DATES},
        ) from None
    return PartialDate(text, first, last, inferred=bool(match["inferred"]))


@functools.lru_cache(maxsize=4096)
def _from_date(value: dt.date) -> PartialDate:
    """A date YAML read as a date; memoised, as text is."""
    return PartialDate(value.isoformat(), value, value)
