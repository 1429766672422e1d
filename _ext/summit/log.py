"""One warning type, ``summit``, with documented subtypes users can silence one by one."""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

logger = logging.getLogger("summit")

#: subtype -> what it reports (listed in the README; tests check the two agree).
SUBTYPES: dict[str, str] = {
    "unknown": "a project, release, event or session name that is not declared",
    "duplicate": "an id, name or alias declared twice",
    "alias": "an alias that equals another entry's name or alias",
    "parent": "a :parent: that is unknown or makes a cycle",
    "id": "an id that is empty or not lower-case ASCII, digits and hyphens",
    "structure": "a directive in the wrong place (session outside a section, second event, ...)",
    "date": "a malformed or impossible date, an end before the start, a session outside its event",
    "option": "an unknown, repeated, empty or malformed option value",
    "content": "body content in a directive that takes none (kept and shown)",
    "restored": "a malformed {restored} role",
    "export": "an object whose short URL is the page of a document (the short URL is not written)",
}


def warn(message: str, subtype: str, location: Any, **kwargs: Any) -> None:
    assert subtype in SUBTYPES, subtype
    logger.warning(message, location=location, type="summit", subtype=subtype, **kwargs)
