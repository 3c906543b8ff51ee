"""The figure file as typed, frozen models.

Each section of the file has a model here; unknown keys are rejected and every field is
checked where it is declared. Claim values are normalised into :class:`~reconcile.values.Quantity`
while the claim is validated, with the tolerances of the file's ``settings`` passed in as
validation context. Checks that need more than one item (references, duplicate ids, units
against measures, quotes) live in :mod:`reconcile.validate`.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from reconcile.dates import PartialDate
from reconcile.values import Quantity, ValueTextError, parse_value

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", min_length=1, max_length=200),
]
SourceKind = Literal[
    "news", "wire", "state-media", "official", "ngo", "research", "blog", "unknown"
]
OriginKind = Literal[
    "official",
    "statistics",
    "international",
    "ngo",
    "anonymous",
    "expert",
    "witness",
    "advocacy",
    "media",
    "unknown",
]
ClaimType = Literal["count", "estimate", "limit", "target", "rate", "legal-range", "share"]
Rank = Literal["preferred", "normal", "deprecated"]
Per = Literal["day", "week", "month", "year"]
ReasonCode = Literal[
    "definition",
    "unit",
    "timeframe",
    "sourcing",
    "method",
    "precision",
    "claim-type",
    "arithmetic",
]
Interest = Literal["higher", "lower"]
Verdict = Literal["explained", "disputed", "source-error"]

# Claim types whose figures are counts of things and so cannot be negative.
NON_NEGATIVE_TYPES = frozenset({"count", "estimate", "limit", "target", "legal-range"})


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class Tolerance(Model):
    """How far a hedge widens a figure, as a fraction of it."""

    approximate: float = Field(0.05, ge=0, lt=1, description='"about 500" -> 475..525')
    nearly: float = Field(0.05, ge=0, lt=1, description='"nearly 54,000" -> 51,300..54,000')


_DEFAULT_TOLERANCE = Tolerance()


class Settings(Model):
    tolerance: Tolerance = Tolerance()
    minor_gap: float = Field(
        0.02, ge=0, lt=1, description="a conflict whose relative gap is below this is minor"
    )
    list_limit: int = Field(
        50,
        ge=2,
        description="a measure with more claims than this lists its conflicts and positions, "
        "not every consistent pair",
    )


class Source(Model):
    """A document that prints figures."""

    title: str
    outlet: str | None = None
    published: PartialDate = PartialDate.unknown()
    url: str | None = None
    text: str | None = Field(None, description="local copy, relative to the figure file")
    language: str | None = None
    party: str | None = None
    kind: SourceKind = "unknown"


class Origin(Model):
    """Who a figure is attributed to."""

    name: str
    kind: OriginKind = "unknown"
    party: str | None = None
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = Field(
        None,
        description="Admiralty scale: A completely reliable .. E unreliable; F reliability "
        "cannot be judged (unknown, not low)",
    )
    interest: Interest | None = Field(
        None,
        description="the way this origin's stake would push its figures: higher (march "
        "organisers) or lower (the authorities they oppose)",
    )


class Measure(Model):
    """What is counted."""

    label: str
    unit: str
    definition: str | None = None
    cumulative: bool = False
    sum_of: tuple[Id, ...] = ()
    part_of: Id | None = None
    confusable_with: tuple[Id, ...] = ()


class Period(Model):
    start: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if (
            self.start is not None
            and self.end is not None
            and self.start.first is not None
            and self.end.last is not None
            and self.end.last < self.start.first
        ):
            raise PydanticCustomError(
                "period_order",
                "period ends ({end}) before it starts ({start})",
                {"start": self.start.text, "end": self.end.text},
            )
        return self


class Derived(Model):
    op: Literal["ratio", "sum", "difference"]
    of: tuple[Id, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _arity(self) -> Derived:
        if self.op in ("ratio", "difference") and len(self.of) != 2:
            raise PydanticCustomError(
                "derived_arity",
                "a {op} is derived from exactly 2 claims, not {n}",
                {"op": self.op, "n": len(self.of)},
            )
        return self


_NUMBER_OR_TEXT = {"anyOf": [{"type": "number"}, {"type": "string"}]}
VALUE_JSON_SCHEMA: dict[str, Any] = {
    "description": "The figure as written ('235,000', 'nearly 54,000', '5-12 years'), "
    "a number, or {low, best, high}.",
    "anyOf": [
        {"type": "string", "minLength": 1, "maxLength": 200},
        {"type": "number"},
        {
            "type": "object",
            "properties": {
                "low": _NUMBER_OR_TEXT,
                "best": _NUMBER_OR_TEXT,
                "high": _NUMBER_OR_TEXT,
            },
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
}


# A sample of the accepted forms, for one-line error messages (docs/format.md lists all).
VALUE_EXAMPLES = (
    "235,000",
    "235k",
    "0.235 million",
    "thirty thousand",
    "nearly 54,000",
    "about 500",
    "at least 1.2 million",
    "up to 10 years",
    "between 300,000 and 500,000",
    "5–12 years",
    "tens of thousands",
    "10%",
    "30,000 a month",
    "fifth",
)


def _value_error(err: ValueTextError) -> PydanticCustomError:
    # a mapping's reasons name the entry first ("'best': NaN is not a number")
    reason = re.sub(r"^'(?:low|best|high)': ", "", err.reason).lower()
    if reason.startswith(("'low' above", "the range runs backwards")):
        kind = "value_order"
    elif reason in ("nan is not a number", "infinity is not a figure", "not a finite number"):
        kind = "value_not_finite"
    else:
        kind = "value_text"
    shown = err.text if len(err.text) <= 80 else err.text[:79] + "…"
    message = (
        f"cannot read the value {shown!r}: {err.reason}; accepted forms include "
        + ", ".join(repr(e) for e in VALUE_EXAMPLES)
        + " (docs/format.md lists them all)"
    )
    return PydanticCustomError(kind, "{message}", {"message": message})


class Claim(Model):
    """One figure as a document states it."""

    id: Id
    measure: Id
    value: Annotated[Quantity, WithJsonSchema(VALUE_JSON_SCHEMA)]
    type: ClaimType = "count"
    period: Period | None = None
    as_of: PartialDate | None = None
    unit: str | None = None
    per: Per | None = None
    place: str | None = None
    method: str | None = Field(
        None,
        description="how the figure was counted or estimated ('household survey', "
        "'aerial photo density', '2015-19 average baseline')",
    )
    source: Id
    origin: Id | None = None
    via: tuple[str, ...] = ()
    quote: str | None = None
    derived: Derived | None = None
    rank: Rank = "normal"
    superseded_by: Id | None = None
    note: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _normalise(cls, raw: object, info: ValidationInfo) -> Quantity:
        tolerance = (info.context or {}).get("tolerance", _DEFAULT_TOLERANCE)
        if isinstance(raw, Quantity):
            return raw
        if isinstance(raw, float) and not math.isfinite(raw):
            raise PydanticCustomError(
                "value_not_finite", "{value} is not a finite number", {"value": raw}
            )
        if raw is None or isinstance(raw, bool) or not isinstance(raw, str | int | float | dict):
            shown = (
                "empty"
                if raw is None
                else str(raw).lower()
                if isinstance(raw, bool)
                else (f"a {type(raw).__name__}")
            )
            raise PydanticCustomError(
                "value_text",
                "{message}",
                {
                    "message": "value must be the figure as written, a number or a mapping "
                    f"with low, best and high; it is {shown}"
                },
            )
        try:
            return parse_value(raw, approximate=tolerance.approximate, nearly=tolerance.nearly)
        except ValueTextError as err:
            raise _value_error(err) from None

    @model_validator(mode="after")
    def _coherent(self) -> Claim:
        if self.period is not None and self.as_of is not None:
            raise PydanticCustomError(
                "period_and_as_of", "give either period or as_of, not both", {}
            )
        if self.type in NON_NEGATIVE_TYPES and self.value.low < 0:
            raise PydanticCustomError(
                "negative_figure",
                "a {type} cannot be negative ('{text}'); negative figures are accepted only "
                "for types share and rate",
                {"type": self.type, "text": self.value.text},
            )
        if self.per is not None and self.value.per is not None and self.per != self.value.per:
            raise PydanticCustomError(
                "rate_period",
                "the value says per {written} but per is {per}",
                {"written": self.value.per, "per": self.per},
            )
        if self.type == "rate" and self.effective_per is None:
            raise PydanticCustomError(
                "rate_period",
                "a rate needs a period: set per (day, week, month, year) or write it in the "
                "value ('30,000 a month')",
                {},
            )
        if self.superseded_by is not None and self.rank != "deprecated":
            raise PydanticCustomError(
                "superseded_rank", "superseded_by goes with rank: deprecated", {}
            )
        return self

    @property
    def effective_per(self) -> str | None:
        return self.per or self.value.per

    @functools.cached_property
    def inferred_dates(self) -> bool:
        dates = [self.as_of]
        if self.period is not None:
            dates += [self.period.start, self.period.end]
        return any(d is not None and d.inferred for d in dates)


class Review(Model):
    """A conflict a person has looked at."""

    claims: tuple[Id, ...] = Field(min_length=2)
    verdict: Verdict
    reason: ReasonCode
    note: str | None = None
    reviewed: PartialDate | None = None

    @model_validator(mode="after")
    def _distinct(self) -> Review:
        repeated = sorted(c for c, n in Counter(self.claims).items() if n > 1)
        if repeated:
            raise PydanticCustomError(
                "review_repeats",
                "the review names {ids} more than once; list each claim of the comparison once",
                {"ids": ", ".join(repeated)},
            )
        return self


class FigureFile(Model):
    """A whole figure file, version 1."""

    model_config = ConfigDict(title="reconcile figure file")

    version: Literal[1]
    topic: str | None = None
    settings: Settings = Settings()
    sources: dict[Id, Source] = {}
    origins: dict[Id, Origin] = {}
    measures: dict[Id, Measure] = {}
    claims: list[Claim] = []
    reviews: list[Review] = []


SECTION_MODELS: dict[str, type[Model]] = {
    "sources": Source,
    "origins": Origin,
    "measures": Measure,
    "claims": Claim,
    "reviews": Review,
}
