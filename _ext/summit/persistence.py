"""Warnings that stay until their cause is fixed.

Sphinx warns while it reads a document (and while it resolves its links); a rebuild that
re-reads nothing says "build succeeded" over a book that still has unknown projects.  The
extension keeps its own warnings and gives them again:

- read-time warnings per document in the domain (purged with the document, merged after a
  parallel read), replayed on every build that does not re-read that document;
- write-time warnings (unknown names in links) per page, beside the environment, replayed on
  every build that does not re-write that page.  A page is re-written whenever what its links
  point to changes (incremental.py), so a warning is replayed only while its cause stands.

Sphinx's own warnings (MyST, docutils) are not kept: whether one still holds can depend on
other documents Sphinx does not track (a duplicate label fixed in the other file), so a
build that re-read nothing says that earlier warnings may be hidden, and how to see them all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from . import state
from .log import logger, replay, take_recorded

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import SummitDomain


def forget_recorded(*args: Any) -> None:
    """Warnings given outside any document's reading or writing belong to no document."""
    take_recorded()


def keep_read_warnings(env: BuildEnvironment, docname: str) -> None:
    """At the end of reading a document (the collect transform): what it was warned about."""
    env.domains["summit"].data["warnings"][docname] = tuple(take_recorded())


def replay_read_warnings(env: BuildEnvironment) -> None:
    """For the documents this build did not re-read (called from checks.py, every build)."""
    take_recorded()
    domain: SummitDomain = env.domains["summit"]
    cleared = state.of(env).cleared
    for docname in sorted(domain.data["warnings"]):
        if docname not in cleared and docname in env.all_docs:
            for recorded in domain.data["warnings"][docname]:
                replay(recorded)
    take_recorded()  # replays are kept where they are already


def keep_write_warnings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the page's links have just been resolved (and warned about)."""
    state.of(app.env).page_warnings[docname] = take_recorded()


def _store(app: Sphinx) -> Path:
    return Path(app.doctreedir) / f"summit-warnings-{app.builder.name}.json"


def finish(app: Sphinx, exception: Exception | None) -> None:
    """After a complete build: replay the page warnings of pages not re-written, keep them all."""
    if exception is not None:
        return
    build = state.of(app.env)
    try:
        before = json.loads(_store(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    kept = {docname: warnings for docname, warnings in build.page_warnings.items() if warnings}
    for docname in sorted(before if isinstance(before, dict) else {}):
        if docname in build.page_warnings or docname not in app.env.all_docs:
            continue
        for recorded in before[docname]:
            replay(tuple(recorded))
        kept[docname] = before[docname]
    take_recorded()
    _store(app).write_text(json.dumps(kept, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    if not build.cleared:
        logger.info("no document was re-read: the extension's warnings are repeated, Sphinx's own "
                    "(MyST, docutils) appear only when a document is read; `make clean html` shows them all")
