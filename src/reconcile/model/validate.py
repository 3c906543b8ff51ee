"""From figure files to one checked :class:`Dataset`, or every problem in one run.

Each item of each section is validated on its own, so one bad claim does not hide the
problems of the others; then the files are merged and checked together: ids defined twice,
figures below zero on measures that are not ``signed`` (a measure may be defined in another
file than its claims), references to ids that do not exist, relations between measures,
units written in values against their measures', and quotes against the source texts.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reconcile.intake import codes, loader, yamlparse
from reconcile.intake.loader import FigureText
from reconcile.intake.problems import InputError, Problem
from reconcile.intake.values import canonical_unit
from reconcile.model import quotes
from reconcile.model.dataset import ClaimRecord, Dataset, Located, ReviewRecord
from reconcile.model.entries import (
    FORMAT_VERSION,
    SECTION_MODELS,
    Claim,
    FigureFile,
    Measure,
    Model,
    Origin,
    Publisher,
    Review,
    Settings,
    Source,
)
from reconcile.progress import SILENT, Steps

_T = TypeVar("_T")

MAX_ITEMS = 500_000  # items in one section of one file

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")

# pydantic error type (ours, raised in the models, or pydantic's own) -> error code
_ERROR_TYPES: dict[str, str] = {
    "extra_forbidden": codes.UNKNOWN_KEY.code,
    "missing": codes.REQUIRED_MISSING.code,
    "value_text": codes.UNREADABLE_VALUE.code,
    "value_order": codes.LOW_ABOVE_HIGH.code,
    "value_not_finite": codes.NOT_FINITE.code,
    "rate_period": codes.RATE_PERIOD_DISAGREES.code,
    "rate_not_typed": codes.RATE_NOT_A_RATE.code,
    "partial_date": codes.INVALID_DATE.code,
    "period_order": codes.PERIOD_REVERSED.code,
    "rating_claim": codes.RATING_MISFIT.code,
    "rating_scale": codes.RATING_MISFIT.code,
}

# pydantic's wording for wrong types, in the words of this file format
_PLAIN_WORDS: dict[str, str] = {
    "string_type": "must be text",
    "string_pattern_mismatch": "not a valid id: use letters, digits, '-', '_', '.' or ':', "
    "starting with a letter or digit",
    "string_too_long": "is too long (at most {max_length} characters)",
    "string_too_short": "must not be empty",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
    "dict_type": "must be a mapping (key: value)",
    "model_type": "must be a mapping (key: value)",
    "model_attributes_type": "must be a mapping (key: value)",
    "too_short": "needs at least {min_length} items",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be below {lt}",
}

# errors raised by a whole item that are about one of its fields: point at that field
_ERROR_FIELD: dict[str, tuple[str, ...]] = {
    "rate_period": ("per",),
    "rate_not_typed": ("value",),
    "period_and_as_of": ("as_of",),
    "superseded_rank": ("superseded_by",),
    "derived_arity": ("of",),
    "review_repeats": ("claims",),
    "rating_claim": ("rating", "claim"),
    "rating_scale": ("value",),
}


def suggest(name: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known name, or nothing."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _unwrap_model(arg)
        if found is not None:
            return found
    return None


def _model_at(model: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel]:
    """The model that holds the last key of ``loc`` (for suggesting known keys)."""
    for part in loc[:-1]:
        if isinstance(part, str) and part in model.model_fields:
            inner = _unwrap_model(model.model_fields[part].annotation)
            if inner is not None:
                model = inner
    return model


def _required(model: type[BaseModel], loc: Sequence[int | str]) -> bool:
    """True when ``loc`` names a required field of the model that holds it."""
    if not loc or not isinstance(loc[-1], str):
        return False
    field_info = _model_at(model, loc).model_fields.get(loc[-1])
    return field_info is not None and field_info.is_required()


class _Collector:
    """Gathers problems for one file, placing each at its line and column."""

    def __init__(self, figure: FigureText) -> None:
        self.figure = figure
        self.problems: list[Problem] = []

    def add(self, loc: Sequence[int | str], code: str, message: str, key: bool = False) -> None:
        line, col = self.figure.locate(loc, key=key)
        self.problems.append(Problem(self.figure.name, line, col, code, message))

    def pydantic(
        self, err: ValidationError, prefix: tuple[int | str, ...], model: type[BaseModel]
    ) -> None:
        errors = err.errors(include_url=False)
        suggested: set[tuple[int | str, ...]] = set()
        for item in errors:
            if item["type"] == "extra_forbidden":
                owner = _model_at(model, item["loc"])
                close = difflib.get_close_matches(str(item["loc"][-1]), owner.model_fields, 1, 0.6)
                suggested.update((*item["loc"][:-1], c) for c in close)
        for item in errors:
            loc = tuple(p for p in item["loc"] if isinstance(p, int | str))
            kind = item["type"]
            if kind == "missing" and loc in suggested:
                continue  # the unknown key that suggests this field says it already
            if kind.endswith("_type") and item.get("input", ...) is None and _required(model, loc):
                field_name = str(loc[-1])  # "measure:" left empty, as in an extracted stub
                self.add(
                    prefix + loc,
                    codes.REQUIRED_MISSING.code,
                    f"{field_name} not set: {field_name!r} is required",
                    key=True,
                )
                continue
            if kind in _ERROR_FIELD:
                loc = (*loc, *_ERROR_FIELD[kind])
            code = _ERROR_TYPES.get(kind, codes.WRONG_TYPE.code)
            name = ".".join(str(p) for p in loc)
            if kind == "extra_forbidden":
                owner = _model_at(model, loc)
                key = str(loc[-1])
                self.add(
                    prefix + loc,
                    code,
                    f"unknown key {key!r}{suggest(key, owner.model_fields)}; "
                    f"accepted here: {', '.join(owner.model_fields)}",
                    key=True,
                )
            elif kind == "missing":
                field_name = str(loc[-1])
                self.add(
                    prefix + loc[:-1], code, f"{field_name} not set: {field_name!r} is required"
                )
            elif code == codes.WRONG_TYPE.code:
                shown = _PLAIN_WORDS.get(kind, item["msg"]).format(**item.get("ctx", {}))
                if kind in ("literal_error", "enum"):
                    given = item.get("input")
                    shown = shown.replace("Input should be", "must be") + (
                        f", not {given!r}" if isinstance(given, str | int | float) else ""
                    )
                if kind in _ERROR_FIELD:
                    self.add(prefix + loc, code, shown)  # our own message names its field
                else:
                    self.add(prefix + loc, code, f"{name}: {shown}" if name else shown)
            else:
                message = item["msg"]
                message = message.removeprefix("Value error, ")
                self.add(prefix + loc, code, message)


def _validate_item(
    collector: _Collector,
    model: type[Model],
    raw: Any,
    loc: tuple[int | str, ...],
    context: dict[str, Any],
) -> Any:
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as err:
        collector.pydantic(err, loc, model)
        return None


@dataclass
class _FileContent:
    figure: FigureText
    settings: Settings | None  # None when the file does not set any
    items: dict[str, list[tuple[str, Any, tuple[int | str, ...]]]]
    topic: str | None = None
    publisher: Publisher | None = None


def _read_document(figure: FigureText, data: Any, collector: _Collector) -> _FileContent | None:
    if not isinstance(data, dict):
        collector.add(
            (),
            codes.NOT_A_MAPPING.code,
            f"the file holds a {type(data).__name__}, not a mapping of sections "
            "(version, sources, origins, measures, claims, ...)",
        )
        return None
    known = FigureFile.model_fields
    for key in data:
        if key not in known:
            collector.add(
                (key,),
                codes.UNKNOWN_KEY.code,
                f"unknown key {str(key)!r}{suggest(str(key), known)}; accepted here: "
                + ", ".join(known),
                key=True,
            )
    version = data.get("version")
    if "version" not in data:
        collector.add(
            (),
            codes.VERSION_UNSUPPORTED.code,
            f"version missing: start the file with 'version: {FORMAT_VERSION}'",
        )
    elif version != FORMAT_VERSION or isinstance(version, bool):
        collector.add(
            ("version",),
            codes.VERSION_UNSUPPORTED.code,
            f"version {version!r} is not supported; this reconcile reads version {FORMAT_VERSION}",
        )
    settings: Settings | None = None
    if data.get("settings") is not None:
        settings = _validate_item(collector, Settings, data["settings"], ("settings",), {})
    publisher: Publisher | None = None
    if data.get("publisher") is not None:
        publisher = _validate_item(collector, Publisher, data["publisher"], ("publisher",), {})
    topic = data.get("topic")
    if topic is not None and not isinstance(topic, str):
        collector.add(("topic",), codes.WRONG_TYPE.code, "topic must be text")
        topic = None
    items: dict[str, list[tuple[str, Any, tuple[int | str, ...]]]] = {}
    for section, model in SECTION_MODELS.items():
        raw = data.get(section)
        entries: list[tuple[str, Any, tuple[int | str, ...]]] = []
        items[section] = entries
        if raw is None:
            continue
        keyed = section in ("sources", "origins", "measures")
        if keyed and not isinstance(raw, dict):
            collector.add(
                (section,),
                codes.WRONG_TYPE.code,
                f"{section} must be a mapping of id to {model.__name__.lower()}",
            )
            continue
        if not keyed and not isinstance(raw, list):
            collector.add((section,), codes.WRONG_TYPE.code, f"{section} must be a list")
            continue
        if len(raw) > MAX_ITEMS:
            collector.add(
                (section,),
                codes.TOO_MANY_ITEMS.code,
                f"{len(raw):,} {section} in one file; the limit is {MAX_ITEMS:,} a section "
                "(split the file: a folder of figure files is read as one)",
            )
            continue
        if keyed:
            for key, value in raw.items():
                if not isinstance(key, str) or not _ID.match(key):
                    collector.add(
                        (section, key),
                        codes.WRONG_TYPE.code,
                        f"{key!r} is not a valid id: use letters, digits, '-', '_', '.' or ':'",
                        key=True,
                    )
                    continue
                entries.append((key, value, (section, key)))
        else:
            entries.extend((str(i), value, (section, i)) for i, value in enumerate(raw))
    return _FileContent(figure, settings, items, topic, publisher)


def load(
    paths: Sequence[Path], parser: yamlparse.Parser | None = None, steps: Steps = SILENT
) -> Dataset:
    """Read, validate and merge figure files; raise :class:`InputError` with every problem."""
    files = loader.discover(paths)
    texts: list[FigureText] = []
    problems: list[Problem] = []
    for path in files:
        try:
            texts.append(loader.read_file(path))
        except InputError as err:
            problems.extend(err.problems)
        except OSError as err:
            problems.append(
                Problem(str(path), 1, 1, codes.PATH_NOT_FOUND.code, f"cannot read: {err.strerror}")
            )
    return build(texts, problems, parser, steps=steps)


SourceReader = Callable[[Path], bytes]


def _size(text: str) -> int:
    """The size of a text in bytes of UTF-8 (counted only when it is not ASCII)."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def build(
    texts: Sequence[FigureText],
    problems: list[Problem] | None = None,
    parser: yamlparse.Parser | None = None,
    read_source: SourceReader = Path.read_bytes,
    steps: Steps = SILENT,
) -> Dataset:
    """Validate and merge already-read figure texts (from disk, or from git).

    ``read_source`` reads the source texts that quotes are checked against (from disk by
    default; from a git revision for ``reconcile diff --rev``)."""
    problems = list(problems or [])
    contents: list[tuple[_FileContent, _Collector]] = []
    sizes = [_size(figure.text) for figure in texts]
    steps.start("reading", sum(sizes), "bytes")
    for figure, size in zip(texts, sizes, strict=True):
        steps.advance(size)
        collector = _Collector(figure)
        try:
            data = loader.parse(figure, parser)
        except InputError as err:
            problems.extend(err.problems)
            continue
        content = _read_document(figure, data, collector)
        if content is not None:
            contents.append((content, collector))
        problems.extend(collector.problems)
        collector.problems = []
    settings, _ = _agreed(contents, "settings", "settings differ from those in {file}")
    dataset = Dataset(files=list(texts), settings=settings or Settings())
    dataset.topic, _ = _agreed(contents, "topic", "topic differs from the one in {file}")
    dataset.publisher, file = _agreed(
        contents, "publisher", "publisher differs from the one in {file}"
    )
    if file is not None:
        dataset.where[("publisher", "")] = Located(file, 0, ("publisher",))
    steps.start("validating", sum(len(c.items["claims"]) for c, _ in contents))
    _merge(dataset, contents, read_source, steps)
    for content, collector in contents:
        problems.extend(collector.problems)
        if content.figure.parsed is not None:
            content.figure.parsed.data = None  # the models hold it now; the raw tree goes
    del contents
    if problems:
        raise InputError(problems)
    return dataset


def _agreed(
    contents: list[tuple[_FileContent, _Collector]], key: str, differs: str
) -> tuple[Any, str | None]:
    """The ``settings``, ``topic`` or ``publisher`` of the files, and the file it is taken
    from: given in one file, or the same in each that gives it; a file that gives another is
    an error at its key (the files taken in the order of their names)."""
    chosen: tuple[Any, str] | None = None
    for content, collector in sorted(contents, key=lambda c: c[0].figure.name):
        value = getattr(content, key)
        if value is None:
            continue
        if chosen is None:
            chosen = (value, content.figure.name)
        elif value != chosen[0]:
            collector.add(
                (key,),
                codes.WRONG_TYPE.code,
                differs.format(file=chosen[1])
                + f"; files compared together must agree on their {key}",
            )
    return chosen if chosen else (None, None)


def _merge(
    dataset: Dataset,
    contents: list[tuple[_FileContent, _Collector]],
    read_source: SourceReader,
    steps: Steps,
) -> None:
    context = {"tolerance": dataset.settings.tolerance}
    claims_in_order: list[tuple[Claim, Located]] = []
    review_list: list[tuple[Review, Located]] = []
    keyed: dict[str, dict[str, Any]] = {
        "sources": dataset.sources,
        "origins": dataset.origins,
        "measures": dataset.measures,
    }
    collectors: dict[str, _Collector] = {}
    review_places: dict[str, list[tuple[int, int]]] = {}
    for content, collector in contents:
        figure = content.figure
        collectors[figure.name] = collector
        for section, model in SECTION_MODELS.items():
            for key, raw, loc in content.items[section]:
                item = _validate_item(collector, model, raw, loc, context)
                if item is None:
                    # defined, but invalid: its own problem is reported; references to it
                    # are not reported again as unknown
                    name = key if section in keyed else _raw_id(raw)
                    if name is not None:
                        dataset.invalid.add((section, name))
                    continue
                if section in keyed:
                    where = Located(figure.name, 0, loc)  # line found only when needed
                    if key in keyed[section]:
                        first = dataset.where[(section, key)]
                        first_line = dataset.position(first)[0]
                        collector.add(
                            loc,
                            codes.DUPLICATE_ID.code,
                            f"{section[:-1]} {key!r} is defined twice: also at "
                            f"{first.file}:{first_line}",
                            key=True,
                        )
                        continue
                    keyed[section][key] = item
                    dataset.where[(section, key)] = where
                elif section == "claims":
                    steps.advance()
                    place = functools.partial(figure.id_position, item.id, loc)
                    claims_in_order.append((item, Located(figure.name, 0, loc, find=place)))
                else:
                    places = review_places.setdefault(figure.name, figure.item_positions("reviews"))
                    index = int(loc[1])
                    # the cheap scan when it found every review, else found on demand
                    if len(places) == len(content.items["reviews"]):
                        line, col = places[index]
                        review_list.append((item, Located(figure.name, line, loc, col)))
                    else:
                        review_list.append((item, Located(figure.name, 0, loc)))
    for order, (claim, where) in enumerate(claims_in_order):
        if claim.id in dataset.claims:
            first = dataset.claims[claim.id].where
            collectors[where.file].add(
                (*where.loc, "id"),
                codes.DUPLICATE_ID.code,
                f"claim id {claim.id!r} is defined twice: also at {first.file}:{first.line}",
                key=True,
            )
            continue
        measure = dataset.measures.get(claim.measure)
        if measure is not None:  # an unknown measure is reported with the references
            claim = _signed(dataset, claim, measure, where, collectors[where.file])
        dataset.claims[claim.id] = ClaimRecord(claim, where, order)
    dataset.reviews = [ReviewRecord(r, w) for r, w in review_list]
    _check_references(dataset, collectors)
    _check_quotes(dataset, collectors, read_source)


def _signed(
    dataset: Dataset, claim: Claim, measure: Measure, where: Located, collector: _Collector
) -> Claim:
    """The claim as its measure reads it: on a signed measure a low end left open is
    unbounded below; on any other a figure below zero is an error (E303)."""
    value = claim.value
    if measure.signed:
        if value.lower_open and value.low != -math.inf:
            return claim.model_copy(update={"value": value.unbounded_below()})
        return claim
    if value.low < 0 or (value.high_strict and value.high <= 0):  # "-5", or "fewer than 0"
        first = dataset.where[("measures", claim.measure)]
        line = dataset.position(first)[0]
        collector.add(
            (*where.loc, "value"),
            codes.NEGATIVE_FIGURE.code,
            f"the value {value.text!r} {'reaches' if value.high > 0 else 'is'} below zero, "
            f"but measure {claim.measure!r} "
            f"({first.file}:{line}) is not signed; add 'signed: true' to measure "
            f"{claim.measure!r} if its figures can fall below zero, or correct the sign",
        )
    return claim


def _raw_id(raw: Any) -> str | None:
    value = raw.get("id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) else None


def _check_references(dataset: Dataset, collectors: dict[str, _Collector]) -> None:
    sections = {"measure": "measures", "source": "sources", "origin": "origins", "claim": "claims"}

    def ref(
        where: Located,
        field_loc: tuple[int | str, ...],
        kind: str,
        name: str,
        known: dict[str, Any],
    ) -> bool:
        if name in known:
            return True
        if (sections[kind], name) in dataset.invalid:
            return False  # it exists but is invalid, which is reported where it stands
        collectors[where.file].add(
            (*where.loc, *field_loc),
            codes.UNKNOWN_REFERENCE.code,
            f"unknown {kind} {name!r}{suggest(name, known)}",
        )
        return False

    for measure_id, measure in dataset.measures.items():
        where = dataset.where[("measures", measure_id)]
        for i, part in enumerate(measure.sum_of):
            ref(where, ("sum_of", i), "measure", part, dataset.measures)
        if measure.part_of is not None:
            ref(where, ("part_of",), "measure", measure.part_of, dataset.measures)
        for i, other in enumerate(measure.confusable_with):
            ref(where, ("confusable_with", i), "measure", other, dataset.measures)
        for field_name in ("sum_of", "part_of", "confusable_with"):
            value = getattr(measure, field_name)
            items = list(value) if isinstance(value, tuple) else [value]
            if measure_id in items:
                field_loc: tuple[int | str, ...] = (field_name,)
                if isinstance(value, tuple):
                    field_loc += (items.index(measure_id),)
                collectors[where.file].add(
                    (*where.loc, *field_loc),
                    codes.INVALID_RELATION.code,
                    f"measure {measure_id!r} is related to itself in {field_name}",
                )
    _check_sum_cycles(dataset, collectors)
    measures, sources, origins = dataset.measures, dataset.sources, dataset.origins
    for record in dataset.claims.values():
        claim, where = record.claim, record.where
        # known names, the common case, are settled here; ref() reports the others
        known = claim.measure in measures or ref(
            where, ("measure",), "measure", claim.measure, measures
        )
        if known and claim.value.unit is not None:
            _check_unit(dataset, record, collectors[where.file])
        if claim.source not in sources:
            ref(where, ("source",), "source", claim.source, sources)
        if claim.origin is not None and claim.origin not in origins:
            ref(where, ("origin",), "origin", claim.origin, origins)
        if claim.derived is not None:
            for i, other in enumerate(claim.derived.of):
                if ref(where, ("derived", "of", i), "claim", other, dataset.claims) and (
                    other == claim.id
                ):
                    collectors[where.file].add(
                        (*where.loc, "derived", "of", i),
                        codes.INVALID_RELATION.code,
                        f"claim {claim.id!r} is derived from itself",
                    )
        if claim.superseded_by is not None:
            ref(where, ("superseded_by",), "claim", claim.superseded_by, dataset.claims)
    for review in dataset.reviews:
        for i, claim_id in enumerate(review.review.claims):
            ref(review.where, ("claims", i), "claim", claim_id, dataset.claims)


def _check_sum_cycles(dataset: Dataset, collectors: dict[str, _Collector]) -> None:
    def parts(measure_id: str) -> list[str]:
        measure = dataset.measures.get(measure_id)
        return list(measure.sum_of) if measure else []

    for measure_id in dataset.measures:
        seen: set[str] = set()
        stack = parts(measure_id)
        while stack:
            current = stack.pop()
            if current == measure_id:
                where = dataset.where[("measures", measure_id)]
                collectors[where.file].add(
                    (*where.loc, "sum_of"),
                    codes.INVALID_RELATION.code,
                    f"measure {measure_id!r} is, through sum_of, a part of itself",
                )
                break
            if current not in seen:
                seen.add(current)
                stack.extend(parts(current))


def _check_unit(dataset: Dataset, record: ClaimRecord, collector: _Collector) -> None:
    claim = record.claim
    written = claim.value.unit
    assert written is not None  # the caller checks for a written unit
    expected = dataset.unit_of(claim)
    if canonical_unit(written) != expected:
        whose = "the claim's unit" if claim.unit else f"the unit of measure {claim.measure!r}"
        collector.add(
            (*record.where.loc, "value"),
            codes.UNIT_DISAGREES.code,
            f"the value is written in {written} but {whose} is {expected}; write the figure "
            f"in {expected} or set the claim's unit",
        )


def _check_quotes(
    dataset: Dataset, collectors: dict[str, _Collector], read_source: SourceReader
) -> None:
    texts: dict[str, quotes.SourceText | None] = {}
    for source_id, source in sorted(dataset.sources.items()):
        if source.text is None:
            continue
        where = dataset.where[("sources", source_id)]
        path = loader.source_folder(where.file) / source.text
        try:
            if path.exists() and not path.is_file():
                raise ValueError("not a regular file")  # a device or a pipe may never end
            if path.is_file() and path.stat().st_size > loader.MAX_FILE_BYTES:
                raise ValueError(f"larger than {loader.MAX_FILE_BYTES:,} bytes")
            texts[source_id] = quotes.SourceText.of(str(path), read_source(path))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            texts[source_id] = None
            if isinstance(err, UnicodeDecodeError):
                detail = "not UTF-8"
            elif isinstance(err, OSError):
                detail = err.strerror or "unreadable"
            else:
                detail = str(err)  # an impossible path (a NUL byte) or a file too large
            collectors[where.file].add(
                (*where.loc, "text"),
                codes.SOURCE_TEXT_UNREADABLE.code,
                f"cannot read source text {str(path)!r}: {detail}",
            )
    for record in dataset.claims.values():
        claim = record.claim
        if claim.quote is None:
            continue
        # a value copied wrong from its own quote is the commonest slip
        value = claim.value
        quoted = (
            quotes.misquoted(value.low, value.best, value.high, claim.quote)
            if any(c.isdigit() for c in value.text)
            else None
        )
        if quoted is not None:
            collectors[record.where.file].add(
                (*record.where.loc, "value"),
                codes.VALUE_NOT_IN_QUOTE.code,
                f"the value {value.text!r} is not what its quote gives ({quoted}); correct "
                "the value, or the quote",
            )
        text = texts.get(claim.source)
        if text is None:
            continue
        miss = text.find(claim.quote)
        if miss is not None:
            collectors[record.where.file].add(
                (*record.where.loc, "quote"),
                codes.QUOTE_NOT_FOUND.code,
                f"quote not found in {text.name}; closest passage ({miss.score:.0f}% similar): "
                f"{miss.passage!r}",
            )


__all__ = [
    "ClaimRecord",
    "Dataset",
    "Located",
    "Measure",
    "Origin",
    "ReviewRecord",
    "Source",
    "build",
    "load",
    "suggest",
]
