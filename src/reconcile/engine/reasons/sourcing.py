"""``sourcing``: partisan, interested, anonymous or unattributed origins.

Looks at who each figure comes from: its ``origin``, or, when a claim names none, the
source that prints it (then the figure is unattributed). For a conflict it asks whether who
says what accounts for the gap in its direction, which it can only do where the file says
which way a party leans:

- an origin's ``interest`` (``higher`` or ``lower``) is the way its stake would push its
  figures. A voice with no interest of its own takes the one its ``party``'s origins state,
  when they state one and all the same (a party's stake is its side's). The evidence is
  strongest when the higher figure comes from a side that leans higher and the lower one
  from a side that leans lower; a stake that runs the way of one side's figure still
  accounts for the gap. A stake that runs against the figure it gave (a side leaning higher
  that gives the lower figure) accounts for nothing, and the reason says so;
- without any stated interest, different parties on the two sides are honest but weaker
  evidence: both are parties to the story, and the file does not say which way either leans;
  a party on one side only is weaker still;
- two sides that speak for the same party share its stake, which does not explain why their
  figures differ.

Other marks on an origin are weak evidence, and stay weak unless the origin's stake runs the
way of its figure: an ``advocacy`` origin with no stated interest (it has a stake, but which
way is not said); an ``anonymous`` origin (it cannot be checked); an Admiralty
``reliability`` of D (not usually reliable) or E (unreliable); a figure that a news outlet
(a ``news``, ``wire``, ``state-media``, ``blog`` or ``unknown`` source) gives without saying
where it comes from. A source of another kind (``official``, ``ngo``, ``research``) that names
no origin speaks in its own voice: that is not counted against it. Reliability F means the
reliability *cannot be judged*: it is named, never counted as low.

Figures from one origin relayed by several outlets (``via``) are one voice, not several.
When every figure on both sides is attributed to the same ``origin``, the reason says so,
naming the outlets that carried them, and what it means for the comparison: figures that
agree are no independent confirmation of each other, and for a conflict the difference lies
within one origin's own account, which sourcing cannot explain. Figures that only share an
outlet, with no origin named, are not counted as one voice.

For comparisons that are not conflicts there is no gap to account for: different parties,
a party on one side, an advocacy or anonymous origin, low reliability and a missing origin
are each reported, with the scores of the options.

Example::

    origins:
      police: {name: "City police", kind: official, party: city-government,
               interest: lower}
      organisers: {name: "March organisers", kind: advocacy, party: organisers,
                   interest: higher}
    measures:
      crowd: {label: "People at the march", unit: persons}
    claims:
      - {id: police-crowd, measure: crowd, value: "about 12,000", origin: police, ...}
      - {id: organisers-crowd, measure: crowd, value: "more than 50,000",
         origin: organisers, ...}

The two conflict, and ``sourcing`` is the likely reason: "organisers-crowd comes from March
organisers (advocacy, party organisers, interest higher); police-crowd comes from City police
(official, party city-government, interest lower): the higher figure (organisers-crowd) comes
from a side whose stake would push it higher, and the lower (police-crowd) from a side whose
stake would push it lower." Had the organisers given the lower figure, their stake
would run against it and the reason would say so, scoring too little to be the likely one.
"""

from __future__ import annotations

from pydantic import BaseModel

from reconcile.engine.reasons._brief import names, sentence
from reconcile.engine.reasons._evidence import LIKELY, WEAK, Evidence, higher_side
from reconcile.engine.reasons._facts import OUTLETS, Facts, Sides, Voice, ids, sides, voice
from reconcile.engine.subjects import Subject

CODE = "sourcing"
TITLE = "partisan, interested, anonymous or unattributed origin"

_UNRELIABLE = {"D": "not usually reliable", "E": "unreliable"}


class Options(BaseModel):
    interest_both: float = 0.75
    interest_one: float = 0.65
    parties_no_interest: float = 0.5
    interest_mixed: float = 0.3
    one_sided: float = 0.25
    interest_against: float = 0.15
    shared_party: float = 0.1
    advocacy: float = 0.2
    anonymous: float = 0.2
    unreliable: float = 0.15
    unattributed: float = 0.1
    one_voice: float = 0.1
    runs_with_stake: float = 0.1
    different_parties: float = 0.5  # when there is no gap to account for (not a conflict)


OPTIONS = Options()


_MEANING = {
    "conflict": "the difference lies within one origin's own account",
    "compatible": "they are one account, not two independent ones",
    "consistent": "their agreement is no independent confirmation",
}


# who a figure comes from, by its kind, in a brief's plain words
_WHO = {
    "official": "an official body",
    "statistics": "a statistics office",
    "international": "an international body",
    "ngo": "an NGO",
    "anonymous": "an anonymous source",
    "expert": "experts",
    "witness": "a witness",
    "advocacy": "an advocacy group",
    "media": "the media",
    "research": "researchers",
    "news": "a news outlet",
    "wire": "a news agency",
    "state-media": "state media",
    "blog": "a blog",
}


def _who(v: Voice) -> str:
    """A voice by its kind, for a brief: "an anonymous source", "state media naming no
    origin"."""
    who = _WHO.get(v.kind, "an origin of unknown kind" if v.attributed else "an unknown outlet")
    return who + (" naming no origin" if not v.attributed and v.kind in OUTLETS else "")


def _verb(name: str, singular: str, plural: str) -> str:
    return f"{name} {plural if name == 'its parts' else singular}"


def _joined(ids: list[str]) -> str:
    return ", ".join(ids)


def _lean_words(v: Voice) -> str:
    """Where a voice's lean comes from: "interest higher", or its party's lean and the
    origins that state it."""
    if v.interest:
        return f"interest {v.interest}"
    return f"its party {v.party} leans {v.lean}, by the interest of {_joined(list(v.lean_from))}"


class _Marks:
    """The weak marks on the claims of a comparison, gathered in one pass."""

    def __init__(self, everyone: tuple[Facts, ...]) -> None:
        self.advocacy: list[str] = []
        self.anonymous: list[str] = []
        self.unreliable: list[tuple[str, str]] = []
        self.unjudged: list[str] = []
        self.unattributed: list[str] = []
        for known in everyone:
            v = known.voice
            if v.kind == "advocacy" and v.lean is None:
                self.advocacy.append(known.id)
            elif v.kind == "anonymous":
                self.anonymous.append(known.id)
            if v.reliability in _UNRELIABLE:
                self.unreliable.append((known.id, _UNRELIABLE[v.reliability]))
            elif v.reliability == "F":
                self.unjudged.append(known.id)
            # an outlet giving a figure with no origin named: unattributed (any other kind of
            # source stating a figure speaks in its own voice)
            if not v.attributed and v.kind in OUTLETS:
                self.unattributed.append(known.id)

    def notes(self) -> list[str]:
        notes = []
        if self.advocacy:
            notes.append(
                f"{_joined(self.advocacy)} comes from an advocacy origin with a stake in it, "
                "though the file does not say which way"
            )
        if self.anonymous:
            notes.append(f"{_joined(self.anonymous)} cannot be checked (anonymous origin)")
        if self.unreliable:
            notes.append(
                "low reliability: " + _joined([f"{i} ({words})" for i, words in self.unreliable])
            )
        if self.unjudged:
            notes.append(f"the reliability of {_joined(self.unjudged)} cannot be judged (F)")
        if self.unattributed:
            notes.append(f"{_joined(self.unattributed)} given by the outlet without an origin")
        return notes

    def brief(self, named: dict[str, str], everyone: int) -> str:
        """The strongest weak mark in plain words, or "" when there is none."""
        if self.advocacy:
            return sentence(
                _verb(_side(self.advocacy, named), "comes", "come")
                + " from an advocacy group with a stake in it, though the file does not say "
                "which way"
            )
        if self.anonymous:
            return sentence(
                _verb(_side(self.anonymous, named), "comes", "come")
                + " from an anonymous source, which cannot be checked"
            )
        if self.unreliable:
            side = _side([i for i, _ in self.unreliable], named)
            return sentence(
                _verb(side, "comes", "come") + f" from an origin rated {self.unreliable[0][1]}"
            )
        if len(self.unattributed) == everyone:
            which = "Neither figure says" if everyone == 2 else "No figure says"
            return f"{which} where it comes from: the outlets give them without an origin."
        if self.unattributed:
            return sentence(
                _verb(_side(self.unattributed, named), "is", "are")
                + " given by the outlet without saying where it comes from"
            )
        return ""

    def weights(self, options: Options) -> list[tuple[list[str], float]]:
        """Each kind of weak mark found: the claims that carry it, and its score."""
        found = [
            (self.advocacy, options.advocacy),
            (self.anonymous, options.anonymous),
            ([i for i, _ in self.unreliable], options.unreliable),
            (self.unattributed, options.unattributed),
        ]
        return [(ids, weight) for ids, weight in found if ids]


def _side(marked: list[str], named: dict[str, str]) -> str:
    """The side that carries a mark, in plain words ("both sides" when each does)."""
    sides = list(dict.fromkeys(named[i] for i in marked))
    return sides[0] if len(sides) == 1 else "both sides"


def _one_voice_brief(subject: Subject, everyone: tuple[Facts, ...]) -> str:
    which = "Both figures come" if len(everyone) == 2 else "All the figures come"
    return f"{which} from one origin, {everyone[0].voice.name}, so {_MEANING[subject.status]}."


def _one_voice(subject: Subject, everyone: tuple[Facts, ...]) -> str | None:
    """The words for figures that all come from one origin, else None."""
    first = everyone[0].voice
    if not first.attributed or any(k.voice.key != first.key for k in everyone):
        return None
    dataset = subject.dataset
    claims = [k.claim for k in everyone]
    relays = sorted(
        {o for c in claims for o in c.via}
        | {dataset.sources[c.source].outlet or c.source for c in claims}
    )
    ids = ", ".join(c.id for c in claims)
    return (
        f"{ids} all come from {first.words}, published by {', '.join(relays)}: one voice, "
        f"so {_MEANING[subject.status]}"
    )


def _parties(side: tuple[Facts, ...]) -> set[str]:
    return {k.voice.party for k in side if k.voice.party}


def _directed(
    high: tuple[Facts, ...], low: tuple[Facts, ...], options: Options
) -> tuple[float, str, set[str], str]:
    """Whether the stated interests account for a conflict's direction: the score, the
    sentence, the claims whose figure lies the way their stake runs, and the brief."""
    parties_high, parties_low = _parties(high), _parties(low)
    everyone = high + low
    shared = parties_high | parties_low
    if len(shared) == 1 and all(k.voice.party for k in everyone):
        return (
            options.shared_party,
            f"both sides speak for party {next(iter(shared))}: a stake they share does not "
            "explain why their figures differ",
            set(),
            f"Both sides speak for one party ({next(iter(shared))}), so a stake in common does not "
            "explain the gap.",
        )
    up = [k for k in high if k.voice.lean == "higher"]
    down = [k for k in low if k.voice.lean == "lower"]
    matches = up + down
    contrary = [k for k in high if k.voice.lean == "lower"]
    contrary += [k for k in low if k.voice.lean == "higher"]
    runs_with = {k.id for k in matches}
    if matches and not contrary:
        if up and down:
            return (
                options.interest_both,
                f"the higher figure ({ids(up)}) comes from a side whose stake would push "
                f"it higher, and the lower ({ids(down)}) from a side whose stake would "
                "push it lower",
                runs_with,
                f"The higher figure comes from {_who(up[0].voice)}, whose side's stake pushes "
                f"it higher; the lower from {_who(down[0].voice)}, whose side's pushes it lower.",
            )
        pushed = "higher" if up else "lower"
        other, rest = ("lower", low) if up else ("higher", high)
        return (
            options.interest_one,
            f"{ids(up or down)} is the {pushed} figure, and comes from a side whose stake "
            f"would push it {pushed} ({_lean_words((up or down)[0].voice)})",
            runs_with,
            f"The {pushed} figure comes from {_who((up or down)[0].voice)} on the side whose "
            f"stake would push it {pushed}; the {other} from {_who(rest[0].voice)}.",
        )
    if contrary and not matches:
        against = "; ".join(
            f"{k.id}'s stake would push its figure {k.voice.lean} ({_lean_words(k.voice)}), yet "
            f"it gives the {'lower' if k.voice.lean == 'higher' else 'higher'} figure"
            for k in sorted(contrary, key=lambda k: k.id)
        )
        if len({k.voice.lean for k in contrary}) == 1:
            lean = contrary[0].voice.lean
            given = "lower" if lean == "higher" else "higher"
            brief = (
                f"The {given} figure comes from a side whose stake would push it {lean}, so "
                "the stakes stated do not account for the gap."
            )
        else:
            brief = (
                "Each side's stake would push its figure the other way, so the stakes stated "
                "do not account for the gap."
            )
        return (
            options.interest_against,
            f"{against}: the stakes stated do not account for the gap",
            set(),
            brief,
        )
    if matches and contrary:
        return (
            options.interest_mixed,
            f"the stakes stated point both ways: {ids(matches)} lies the way its stake "
            f"runs, {ids(contrary)} against it",
            runs_with,
            "The stakes stated point both ways: one figure lies the way its side's stake runs, "
            "another against it.",
        )
    if parties_high and parties_low and parties_high != parties_low:
        both = sorted(parties_high | parties_low)
        return (
            options.parties_no_interest,
            f"both are parties to the story ({', '.join(both)}), and the file does not say "
            "which way either leans (no interest stated)",
            set(),
            f"Both sides are parties to the story ({', '.join(both)}), and the file does not "
            "say which way either leans.",
        )
    if parties_high or parties_low:
        partisan = [f"{k.id} ({k.voice.party})" for k in everyone if k.voice.party]
        return (
            options.one_sided,
            f"{_joined(partisan)} speaks for a party to the story, the other side for none, "
            "and the file does not say which way it leans",
            set(),
            f"Only the {'higher' if parties_high else 'lower'} figure speaks for a party to the "
            f"story ({', '.join(sorted(parties_high or parties_low))}), and the file does not "
            "say which way it leans.",
        )
    return 0.0, "", set(), ""


def _undirected(
    everyone: tuple[Facts, ...], named: dict[str, str], options: Options
) -> tuple[float, str, str]:
    """What the parties say when there is no direction to account for, and its brief."""
    first = everyone[0]
    rest = everyone[1:]
    if first.voice.party:
        others = {k.voice.party for k in rest if k.voice.party}
        if others and others != {first.voice.party}:
            both = ", ".join(sorted(others | {first.voice.party}))
            return (
                options.different_parties,
                "different parties, each may have a stake in it",
                f"They come from different parties ({both}), each of which may have a stake in "
                "the figure.",
            )
    partisan = [f"{k.id} ({k.voice.party})" for k in everyone if k.voice.party]
    if partisan and len(partisan) < len(everyone):
        party_side = _side([k.id for k in everyone if k.voice.party], named)
        parties = ", ".join(sorted({k.voice.party for k in everyone if k.voice.party}))
        return (
            options.one_sided,
            f"{_joined(partisan)} speaks for a party to the story, the other side for none",
            sentence(
                _verb(party_side, "speaks", "speak")
                + f" for a party to the story ({parties}), the other side for none"
            ),
        )
    return 0.0, "", ""


def evaluate(
    subject: Subject, options: Options = OPTIONS, *, facts: Sides | None = None
) -> Evidence | None:
    side_a, side_b = facts or sides(subject)
    everyone = (side_a[0], *side_b)
    marks = _Marks(everyone)
    weak = marks.weights(options)
    one_voice = _one_voice(subject, everyone)
    higher = higher_side(subject)
    runs_with: set[str] = set()
    name_a, name_b = names(subject)
    named = {k.id: name_b for k in side_b} | {side_a[0].id: name_a}
    if one_voice is not None:
        main, words, brief = options.one_voice, "", _one_voice_brief(subject, everyone)
    elif higher is not None:
        high, low = (side_a[:1], side_b) if higher == "a" else (side_b, side_a[:1])
        main, words, runs_with, brief = _directed(high, low, options)
    else:
        main, words, brief = _undirected(everyone, named, options)
    notes = ([words] if words else []) + marks.notes()
    if main >= LIKELY:
        # a mark counts only on a claim whose figure lies the way its stake runs
        bonus = [w for ids, w in weak if runs_with.intersection(ids)]
        score = min(main + options.runs_with_stake * len(bonus), 1.0)
    elif subject.status == "conflict":
        score = min(main + sum(w for _, w in weak), WEAK)
    else:
        score = min(main + sum(w for _, w in weak), 1.0)
    if one_voice is not None:
        return Evidence(score, one_voice + (f"; {'; '.join(notes)}" if notes else "") + ".", brief)
    if score == 0:
        return None
    who = "; ".join([f"{k.id} comes from {k.voice.words}" for k in everyone])
    brief = brief or marks.brief(named, len(everyone))
    return Evidence(round(score, 3), f"{who}: {'; '.join(notes)}.", brief)


__all__ = ["CODE", "OPTIONS", "TITLE", "Options", "evaluate", "voice"]
