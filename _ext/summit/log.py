"""One warning type, ``summit``, with documented subtypes users can silence one by one.

Every warning is also recorded, so that it can be given again on later builds that do not
re-read (or re-write) the document it is about: Sphinx only warns while it reads a document,
and a second ``make html`` would otherwise report a book with broken links as clean
(persistence.py keeps and replays them).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger("summit")

#: subtype -> what it reports (listed in the README; tests check the two agree).
SUBTYPES: dict[str, str] = {
    "unknown": "a project, release, event or session name that is not declared",
    "duplicate": "an id, name or alias declared twice",
    "alias": "an alias that equals another entry's name or alias",
    "organisation": "a name in summit_organisations that no session's speakers include",
    "parent": "a :parent: that is unknown or makes a cycle",
    "id": "an id that is empty or not lower-case ASCII, digits and hyphens",
    "structure": "a directive in the wrong place (session outside a section, second event, ...)",
    "date": "a malformed or impossible date, an end before the start, a session outside its event",
    "option": "an unknown, repeated, empty or malformed option value",
    "content": "body content in a directive that takes none (kept and shown)",
    "restored": "a malformed {restored} role",
    "export": "an object whose short URL is the page of a document (the short URL is not written)",
}

#: A warning as kept between builds: message, subtype, location (a ``(docname, line)`` pair
#: or the ``path:line`` string Sphinx shows for a node).
Recorded = tuple[str, str, Any]
_recorded: list[Recorded] = []


def warn(message: str, subtype: str, location: Any, **kwargs: Any) -> None:
    assert subtype in SUBTYPES, subtype
    logger.warning(message, location=location, type="summit", subtype=subtype, **kwargs)
    if isinstance(location, nodes.Node):
        location = logging.get_node_location(location)
    _recorded.append((message, subtype, location))


def take_recorded() -> list[Recorded]:
    """The warnings given since the last call (one process reads one document at a time)."""
    taken = list(_recorded)
    _recorded.clear()
    return taken


def replay(recorded: Recorded) -> None:
    """Give a kept warning again, with its text and location exactly as the first time."""
    message, subtype, location = recorded
    logger.warning(message, location=tuple(location) if isinstance(location, list) else location,
                   type="summit", subtype=subtype)
