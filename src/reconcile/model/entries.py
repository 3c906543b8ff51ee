"""The figure file as typed, frozen models.

Each section of the file has a model here; unknown keys are rejected and every field is
checked where it is declared. Claim values are normalised into
:class:`~reconcile.intake.values.Quantity`
while the claim is validated, with the tolerances of the file's ``settings`` passed in as
validation context. Checks that need more than one item (references, duplicate ids, units
against measures, the sign of a figure against its measure's ``signed``, quotes) live in
:mod:`reconcile.model.validate`.
"""

from __future__ import annotations

import functools
import math
import re
import sys
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

from reconcile.intake.dates import PartialDate
from reconcile.intake.values import (
    MAX_MAGNITUDE,
    MAX_TEXT_LENGTH,
    Quantity,
    ValueTextError,
    parse_value,
)

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
    text: str | None = Field(
        None,
        description="local copy, relative to the figure file",
        json_schema_extra={"pattern": "^[^\\u0000]*$"},  # no path holds a NUL
    )
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
    signed: bool = Field(
        False,
        description="its figures may fall below zero (a deficit, a fall); without it a "
        "negative figure is an error",
    )


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


# a figure the reader takes: no larger than MAX_MAGNITUDE (which leaves out infinity), text
# no longer than MAX_TEXT_LENGTH
_NUMBER = {"type": "number", "minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE}
_NUMBER_OR_TEXT = {"anyOf": [_NUMBER, {"type": "string", "maxLength": MAX_TEXT_LENGTH}]}
VALUE_JSON_SCHEMA: dict[str, Any] = {
    "description": "The figure as written ('235,000', 'nearly 54,000', '5-12 years'), "
    "a number, or {low, best, high}.",
    "anyOf": [
        {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_LENGTH},
        _NUMBER,
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
        if self.value.per is not None and self.type != "rate":
            raise PydanticCustomError(
                "rate_not_typed",
                "the value {text} is a rate (per {per}) but the claim's type is {type}: a "
                "figure per period is accepted only with type: rate; set 'type: rate', or "
                "write the value without its period if the figure is a total",
                {"text": repr(self.value.text), "per": self.value.per, "type": self.type},
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


# Google's guideline for a ClaimReview's claimReviewed: short enough not to wrap on a phone
SUMMARY_LENGTH = 75
# a finite number, in JSON Schema's words: bounds that only infinity passes
_FINITE: dict[str, Any] = {"minimum": -sys.float_info.max, "maximum": sys.float_info.max}


class Rating(Model):
    """A published rating of one claim of a review: what ``export --format claimreview``
    writes as a ClaimReview."""

    claim: Id = Field(description="the claim the rating judges: one of the review's claims")
    summary: str | None = Field(
        None,
        min_length=1,
        max_length=SUMMARY_LENGTH,
        description="the claim in at most 75 characters, for claimReviewed",
    )
    label: str = Field(min_length=1, description="the rating as published ('Misattributed')")
    value: float | None = Field(
        None,
        allow_inf_nan=False,
        description="the rating on a numeric scale",
        json_schema_extra=_FINITE,
    )
    best: float | None = Field(
        None,
        allow_inf_nan=False,
        description="the best value of the scale (default 5)",
        json_schema_extra=_FINITE,
    )
    worst: float | None = Field(
        None,
        allow_inf_nan=False,
        description="the worst value of the scale (default 1)",
        json_schema_extra=_FINITE,
    )
    url: str | None = Field(None, description="the published fact-check, an http(s) address")

    @model_validator(mode="after")
    def _scale(self) -> Rating:
        if self.value is None and (self.best is not None or self.worst is not None):
            raise PydanticCustomError(
                "rating_scale", "best and worst go with a value: give the rating's value too", {}
            )
        best, worst = self.scale
        if (
            self.value is not None
            and not worst <= self.value <= best
            and not (best <= self.value <= worst)
        ):
            raise PydanticCustomError(
                "rating_scale",
                "the rating's value {value} lies outside its scale ({worst} to {best})",
                {"value": f"{self.value:g}", "worst": f"{worst:g}", "best": f"{best:g}"},
            )
        if self.value is not None and best == worst:
            raise PydanticCustomError(
                "rating_scale",
                "best and worst are the same ({best}): no scale",
                {"best": f"{best:g}"},
            )
        return self

    @property
    def scale(self) -> tuple[float, float]:
        """The best and worst values of the scale, schema.org's 5 and 1 when not given."""
        return (
            self.best if self.best is not None else 5.0,
            self.worst if self.worst is not None else 1.0,
        )


class Review(Model):
    """A conflict a person has looked at."""

    claims: tuple[Id, ...] = Field(min_length=2, json_schema_extra={"uniqueItems": True})
    verdict: Verdict
    reason: ReasonCode
    note: str | None = None
    reviewed: PartialDate | None = None
    rating: Rating | None = None

    @model_validator(mode="after")
    def _distinct(self) -> Review:
        repeated = sorted(c for c, n in Counter(self.claims).items() if n > 1)
        if repeated:
            raise PydanticCustomError(
                "review_repeats",
                "the review names {ids} more than once; list each claim of the comparison once",
                {"ids": ", ".join(repeated)},
            )
        if self.rating is not None and self.rating.claim not in self.claims:
            raise PydanticCustomError(
                "rating_claim",
                "the rating judges {claim}, which the review does not list; rate one of {ids}",
                {"claim": self.rating.claim, "ids": ", ".join(self.claims)},
            )
        return self


class Publisher(Model):
    """The desk that publishes the fact-checks: the author of every ClaimReview."""

    name: str = Field(min_length=1)
    url: str | None = Field(None, description="the desk's site, an http(s) address")


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
    publisher: Publisher | None = None


SECTION_MODELS: dict[str, type[Model]] = {
    "sources": Source,
    "origins": Origin,
    "measures": Measure,
    "claims": Claim,
    "reviews": Review,
}
