"""Who presented: the people and organisations of ``:speakers:``, one entry each.

The rule authors follow (README): each item of ``:speakers:`` is ``Person (Organisation)``,
``Person`` or ``Organisation``.  ``Person (Organisation)`` gives the person an entry that names
the organisation, and lists the session under the organisation too.  Spellings of one
organisation are made one entry by ``summit_speaker_aliases`` in conf.py (``{"日本HP": "HP"}``).
An organisation written alone is told from a person by being someone's organisation somewhere
in the book, or by ``summit_organisations`` in conf.py (``["AT&T"]``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .text import fold

_PERSON_OF = re.compile(r"^(?P<person>.+?)\s*[(（](?P<org>[^()（）]+)[)）]$")


class Speaker(NamedTuple):
    name: str
    organisation: str  # for a person written "Person (Organisation)"; "" otherwise


def parse(item: str, aliases: Mapping[str, str]) -> Speaker:
    """``Morgan Fainberg (HP)`` -> Speaker("Morgan Fainberg", "HP"), organisation names through ``aliases``."""
    return _parse(item, _folded(aliases))


def _folded(aliases: Mapping[str, str]) -> dict[str, str]:
    return {fold(alias): target for alias, target in aliases.items()}


def _canonical(name: str, folded: Mapping[str, str]) -> str:
    """An organisation's name as ``summit_speaker_aliases`` (folded by ``_folded``) says to write it."""
    return folded.get(fold(name), name)


def _parse(item: str, folded: Mapping[str, str]) -> Speaker:
    match = _PERSON_OF.match(item.strip())
    if match:
        return Speaker(match["person"].strip(), _canonical(match["org"].strip(), folded))
    return Speaker(_canonical(item.strip(), folded), "")


def alias_problems(aliases: Mapping[str, str]) -> list[str]:
    """An alias that is also the target of another alias would make two entries of one name."""
    targets = {fold(target) for target in aliases.values()}
    return [f"speaker alias {alias!r} -> {target!r}: {alias!r} is itself an alias target (write the final name)"
            for alias, target in sorted(aliases.items()) if fold(alias) in targets and fold(alias) != fold(target)]


class SpeakerEntry(NamedTuple):
    name: str
    organisation: str  # a person's organisation; "" for organisations and people without one
    is_organisation: bool
    sessions: tuple[str, ...]


def entries(sessions: Iterable[tuple[str, tuple[str, ...]]], aliases: Mapping[str, str],
            declared: Iterable[str] = ()) -> list[SpeakerEntry]:
    """One entry per person and per organisation, sessions in book order; sorted by folded name.

    ``sessions``: (session id, its speakers as written), in the order the book lists sessions.
    A name that is some person's organisation anywhere in the book, or one of ``declared``
    (``summit_organisations``), is an organisation everywhere.
    """
    folded = _folded(aliases)
    seen: dict[str, Speaker] = {}  # a name is written once per session it presented, often in many
    parsed = [(sid, [seen.get(item) or seen.setdefault(item, _parse(item, folded)) for item in items])
              for sid, items in sessions]
    organisations = {fold(s.organisation) for _, speakers in parsed for s in speakers if s.organisation}
    organisations |= {fold(_canonical(name, folded)) for name in declared}
    shown: dict[tuple[str, str], str] = {}
    of_person: dict[tuple[str, str], str] = {}
    # sessions per entry as an ordered set: an organisation can have hundreds of them
    listed: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)

    def add(key: tuple[str, str], name: str, sid: str) -> None:
        shown.setdefault(key, name)
        listed[key][sid] = None

    for sid, speakers in parsed:
        for speaker in speakers:
            if speaker.organisation:
                key = ("person", fold(speaker.name))
                add(key, speaker.name, sid)
                of_person.setdefault(key, speaker.organisation)
                add(("organisation", fold(speaker.organisation)), speaker.organisation, sid)
            elif fold(speaker.name) in organisations:
                add(("organisation", fold(speaker.name)), speaker.name, sid)
            else:
                add(("person", fold(speaker.name)), speaker.name, sid)
    return sorted(
        (SpeakerEntry(shown[key], of_person.get(key, ""), key[0] == "organisation", tuple(sids))
         for key, sids in listed.items()),
        key=lambda e: (fold(e.name), e.is_organisation),
    )


def unused_organisations(declared: Iterable[str], found: Iterable[SpeakerEntry],
                         aliases: Mapping[str, str]) -> list[str]:
    """A name in ``summit_organisations`` that no session names is most likely misspelt."""
    written = {fold(entry.name) for entry in found if entry.is_organisation}
    folded = _folded(aliases)
    return [f"summit_organisations names {name!r}, which no session's speakers include"
            for name in declared if fold(_canonical(name, folded)) not in written]
