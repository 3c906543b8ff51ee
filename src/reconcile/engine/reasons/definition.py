"""``definition``: the claims count different things.

Fires when the two sides are on different measures (their labels are quoted), when a broad
figure is compared with the sum of its parts, and most strongly when a claim's value matches
a claim on a measure it is ``confusable_with`` but none on its own measure: equal figures,
or, for ranges, a stated bound that the claims on its own measure do not have. That is the
mark of a figure quoted for the wrong thing. ``confusable_with`` joins two measures
whichever of them declares it.

What the evidence accounts for:

- measures that are ``confusable_with`` each other count different things, so their figures
  may differ either way and by any amount;
- a broad figure against the sum of its parts may differ either way: the broad measure may
  count what its parts leave out, or its parts may count some people or events twice;
- a part larger than its whole (a ``part_of`` measure, or one of a ``sum_of``) is *not*
  explained by what the measures count: by the file's own definitions the part is the
  smaller. The reason names the measures, with a score too low to be the likely one;
- except where the lower figure is a magnitude ("tens of thousands", "hundreds"): a
  magnitude that falls short of a figure for its own measure, or for a part of it, is a
  manner of speaking rather than a count of all its measure counts, and that accounts for
  the gap.

The "shares its figure" test looks only at claims that could be compared with the claim:
for the same place (or one that states none) and for times that may overlap, as pairing
decides (a figure that matches one for another country or week is a coincidence). Among
accounts that trace to one ``origin``, a shared figure under two measures means one account
relabelled it: the reason names the relay that did (the outlets in its ``via``, else the
outlet that printed it), and the account closer to the origin is not blamed for it.

Example::

    measures:
      sentence-theft: {label: "Prison term for theft", unit: years,
                       confusable_with: [sentence-fraud]}
      sentence-fraud: {label: "Prison term for fraud", unit: years}
    claims:
      - {id: code-theft, measure: sentence-theft, value: "2-8 years", type: legal-range, ...}
      - {id: paper-theft, measure: sentence-theft, value: "2 to 5 years", type: legal-range, ...}
      - {id: code-fraud, measure: sentence-fraud, value: "up to 5 years", type: legal-range, ...}

``paper-theft`` conflicts with ``code-theft`` (the stated upper bounds 5 and 8 differ), and
``definition`` is the likely reason: "paper-theft ('2 to 5 years') shares its upper bound 5
with code-fraud ('up to 5 years') on sentence-fraud, a measure often confused with
sentence-theft, and no other claim on sentence-theft that could be compared with it has it:
it may be the figure for sentence-fraud."

A relay that relabelled a figure::

    origins:
      survey-team: {name: "National household survey team", kind: expert}
    sources:
      survey-report: {title: "Household survey report", kind: research}
    measures:
      violent-deaths: {label: "Violent deaths", unit: deaths,
                       confusable_with: [excess-deaths]}
      excess-deaths: {label: "Deaths above the pre-war rate", unit: deaths}
    claims:
      - {id: survey-violent, measure: violent-deaths, value: "104,000",
         origin: survey-team, source: survey-report}
      - {id: radio-excess, measure: excess-deaths, value: "104,000",
         origin: survey-team, ...}
      - {id: lab-excess, measure: excess-deaths, value: "471,000", ...}

"radio-excess ('104,000') is the figure that National household survey team gives for
violent-deaths (survey-violent); Daily Herald relayed it as excess-deaths ('Deaths above the
pre-war rate'): it may be the figure for violent-deaths." In the comparisons of
``survey-violent`` the shared figure is not held against it: the survey report is the
origin's own account.
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.engine.pairing import Slot, comparable
from reconcile.engine.reasons._brief import fitting, text
from reconcile.engine.reasons._evidence import Evidence
from reconcile.engine.reasons._facts import Facts, Sides, depth, facts_of, sides
from reconcile.engine.subjects import Subject, fmt, quoted
from reconcile.model.dataset import ClaimRecord, Dataset
from reconcile.model.entries import Claim

CODE = "definition"
TITLE = "the claims count different things"


class Options(BaseModel):
    different_measures: float = 0.45
    confusable_measures: float = 0.6
    part_above_whole: float = 0.3
    magnitude_short: float = 0.55
    broad_against_parts: float = 0.6
    confusable_match: float = 0.9


OPTIONS = Options()


def _shared(claim: Claim, other: Claim) -> list[str]:
    """What two figures share: an equal figure, or stated range bounds."""
    a, b = claim.value, other.value
    if a.best is not None and b.best is not None and a.best == b.best:
        return [f"figure {fmt(a.best)}"]
    shared = []
    if a.kind in ("range", "at-most", "at-least") or b.kind in ("range", "at-most", "at-least"):
        if not a.lower_open and not b.lower_open and a.low == b.low:
            shared.append(f"lower bound {fmt(a.low)}")
        if not a.upper_open and not b.upper_open and a.high == b.high:
            shared.append(f"upper bound {fmt(a.high)}")
    return shared


def _figures(claim: Claim) -> list[float]:
    """The numbers a claim's figure may be matched on: its best, and its stated bounds."""
    value = claim.value
    found = [value.best] if value.best is not None else []
    if not value.lower_open:
        found.append(value.low)
    if not value.upper_open:
        found.append(value.high)
    return found


def _index(dataset: Dataset, measure: str) -> dict[float, list[ClaimRecord]]:
    """The claims of a measure by each number they may be matched on (kept per dataset)."""

    def work() -> dict[float, list[ClaimRecord]]:
        index: dict[float, list[ClaimRecord]] = {}
        for record in dataset.by_measure.get(measure, []):
            for number in dict.fromkeys(_figures(record.claim)):
                index.setdefault(number, []).append(record)
        return index

    return dataset.memo(("figures", measure), work)


def _slot(known: Facts) -> Slot[str]:
    return Slot(known.id, known.place, known.when)


def _candidates(dataset: Dataset, known: Facts, measure: str) -> list[Facts]:
    """The claims of ``measure`` that share a number with the claim and could be compared
    with it (same place or none stated, times that may overlap), in the file's order."""
    index = _index(dataset, measure)
    seen: dict[str, Facts] = {}
    mine = _slot(known)
    for number in _figures(known.claim):
        for record in index.get(number, []):
            if record.id == known.id or record.id in seen:
                continue
            other = facts_of(record.claim, dataset)
            if comparable(mine, _slot(other)):
                seen[record.id] = other
    return sorted(seen.values(), key=lambda f: dataset.claims[f.id].order)


def _by_place(dataset: Dataset, measure: str) -> dict[str | None, list[ClaimRecord]]:
    """The claims of a measure by place as compared (kept per dataset)."""

    def work() -> dict[str | None, list[ClaimRecord]]:
        index: dict[str | None, list[ClaimRecord]] = {}
        for record in dataset.by_measure.get(measure, []):
            index.setdefault(facts_of(record.claim, dataset).place, []).append(record)
        return index

    return dataset.memo(("places", measure), work)


def _has_comparable_own(dataset: Dataset, known: Facts) -> bool:
    """Another claim on the claim's own measure could be compared with it."""
    places = _by_place(dataset, known.claim.measure)
    if known.place is None:
        groups = list(places.values())
    else:
        groups = [places.get(known.place, []), places.get(None, [])]
    mine = _slot(known)
    return any(
        r.id != known.id and comparable(mine, _slot(facts_of(r.claim, dataset)))
        for group in groups
        for r in group
    )


def _measures(dataset: Dataset, *measures: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ways a brief may name some measures, in the order it tries them: by their labels,
    quoted, then, when the labels make the brief too long, by their ids."""
    return tuple(quoted(dataset.measures[m].label) for m in measures), measures


def _relay(known: Facts, dataset: Dataset) -> str:
    via = known.claim.via
    if via:
        return ", ".join(via)
    source = dataset.sources[known.claim.source]
    return source.outlet or known.claim.source


def _confusable_match(dataset: Dataset, known: Facts) -> tuple[str, str] | None:
    return dataset.memo(("confusable", known.id), lambda: _find_confusable(dataset, known))


def _find_confusable(dataset: Dataset, known: Facts) -> tuple[str, str] | None:
    """The explanation and the brief of a figure that matches one on a confusable measure."""
    claim = known.claim
    if not _has_comparable_own(dataset, known):
        return None
    # what the claim shares with comparable claims on its own measure (found once)
    own = {w for m in _candidates(dataset, known, claim.measure) for w in _shared(claim, m.claim)}
    for other_measure in known.confusable:
        for other in _candidates(dataset, known, other_measure):
            for what in _shared(claim, other.claim):
                if what in own:
                    continue
                one_origin = known.voice.attributed and known.voice.key == other.voice.key
                if one_origin:
                    mine, theirs = depth(known, dataset), depth(other, dataset)
                    if mine < theirs:
                        continue  # the other account relabelled the origin's figure
                    named = _measures(dataset, other_measure, claim.measure)
                    if mine > theirs:
                        label = dataset.measures[claim.measure].label
                        return (
                            f"{claim.id} ({quoted(claim.value.text)}) is the figure that "
                            f"{known.voice.name} gives for {other_measure} ({other.id}); "
                            f"{_relay(known, dataset)} relayed it as {claim.measure} "
                            f"({quoted(label)}): it may be the figure for {other_measure}",
                            fitting(
                                lambda theirs, ours: (
                                    f"{known.text} is the figure its origin "
                                    f"gives for {theirs}; a relay labelled it {ours}."
                                ),
                                *named,
                            ),
                        )
                    return (
                        f"{claim.id} ({quoted(claim.value.text)}) and {other.id} "
                        f"({quoted(other.claim.value.text)}) give one figure of "
                        f"{known.voice.name}'s as {claim.measure} and as {other_measure}: "
                        f"{_relay(known, dataset)} or {_relay(other, dataset)} relabelled it",
                        fitting(
                            lambda theirs, ours: (
                                f"One origin's figure is given for {ours} and "
                                f"for {theirs}: one of its relays relabelled it."
                            ),
                            *named,
                        ),
                    )
                return (
                    f"{claim.id} ({quoted(claim.value.text)}) shares its {what} with {other.id} "
                    f"({quoted(other.claim.value.text)}) on {other_measure}, a measure often "
                    f"confused with {claim.measure}, and no other claim on {claim.measure} "
                    f"that could be compared with it has it: it may be the figure for "
                    f"{other_measure}",
                    fitting(
                        lambda theirs, what=what: (
                            f"{known.text} shares its {what} with a figure for {theirs}, "
                            "a measure often confused with its own: it may be that figure."
                        ),
                        *_measures(dataset, other_measure),
                    ),
                )
    return None


def _magnitude_short(dataset: Dataset, subject: Subject) -> tuple[str, str] | None:
    """A magnitude ("tens of thousands") below a figure for the same measure or a part of it:
    a manner of speaking, not a count of all the measure counts."""
    for loose, other in ((subject.a, subject.b), (subject.b, subject.a)):
        claim, against = loose.claim, other.claim
        if claim.value.kind != "magnitude" or loose.high >= other.low:
            continue
        if against.measure == claim.measure:
            where = "on the same measure"
        elif dataset.is_part(against.measure, claim.measure):
            where = f"on {against.measure}, a part of {claim.measure}"
        else:
            continue
        return (
            f"{claim.id} ({quoted(claim.value.text)}) is a magnitude, a manner of speaking "
            f"rather than a count: it falls short of {against.id}'s {fmt(other.low)} {where}.",
            f"{text(loose)} is a manner of speaking, not a count, so it need not reach "
            f"{fmt(other.low)}.",
        )
    return None


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    dataset = subject.dataset
    side_a, side_b = facts or sides(subject)
    for side in (side_a, side_b):
        for known in side:
            # only a claim on a measure confusable with another can match a claim on it
            found = _confusable_match(dataset, known) if known.confusable else None
            if found:
                return Evidence(options.confusable_match, found[0] + ".", found[1])
    a = side_a[0].claim
    if subject.kind == "sum":
        parts = dataset.measures[a.measure].sum_of
        if subject.status == "conflict" and subject.a.high <= subject.b.low:
            how = (
                "the broad figure is below the sum of its parts: its parts may count some "
                "people or events twice, or it may not count all they do"
            )
            brief = (
                "The broad figure is below the sum of its parts, which may count some people "
                "or events twice, or it may leave out some they count."
            )
        elif subject.status == "conflict":
            how = "the broad figure is above the sum of its parts: it may count what they leave out"
            brief = (
                "The broad figure is above the sum of its parts: it may count what they leave out."
            )
        else:
            how = (
                "the broad figure is compared with the sum of its parts, and it may count "
                "people or events the parts leave out, or the reverse"
            )
            brief = (
                "The broad figure may count people or events its parts leave out, or the "
                "reverse, so the two need not match."
            )
        return Evidence(
            options.broad_against_parts,
            f"{a.id} is on {a.measure} ({quoted(dataset.measures[a.measure].label)}), which is "
            f"sum_of [{', '.join(parts)}]: {how}.",
            brief,
        )
    if subject.kind != "pair":
        return None
    b = side_b[0].claim
    short = _magnitude_short(dataset, subject) if subject.status == "conflict" else None
    if short:
        return Evidence(options.magnitude_short, *short)
    if b.measure == a.measure:
        return None
    words = (
        f"{a.id} counts {a.measure} ({quoted(dataset.measures[a.measure].label)}) while "
        f"{b.id} counts {b.measure} ({quoted(dataset.measures[b.measure].label)})"
    )
    names = _measures(dataset, a.measure, b.measure)
    if b.measure in dataset.confusable[a.measure]:
        return Evidence(
            options.confusable_measures,
            f"{words}: measures often confused, which count different things.",
            fitting(
                lambda one, other: (
                    f"The two count {one} and {other}, measures often confused, "
                    "which count different things."
                ),
                *names,
            ),
        )
    if subject.status == "conflict":
        for part, whole in ((subject.a, subject.b), (subject.b, subject.a)):
            pm, wm = part.claim.measure, whole.claim.measure
            if dataset.is_part(pm, wm) and part.low >= whole.high:
                return Evidence(
                    options.part_above_whole,
                    f"{words}; but {part.claim.id}, on the part, is above {whole.claim.id}, "
                    "on its whole: what the measures count does not explain a part larger "
                    "than its whole.",
                    "The higher figure counts only a part of what the lower counts, so what "
                    "the measures count cannot explain the gap.",
                )
    return Evidence(
        options.different_measures,
        f"{words}.",
        fitting(lambda one, other: f"The two count different things: {one} and {other}.", *names),
    )
