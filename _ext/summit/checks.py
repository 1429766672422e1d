"""Cross-document checks, in one place: what no single document can tell is wrong.

Connected to ``env-get-updated``, which Sphinx emits on every build, rather than implemented as
``Domain.check_consistency``: Sphinx calls that only when some document was read or is out of
date, so a rebuild with no change would stop reporting a mistake that is still in the sources.
Reported here: the catalog's problems (aliases that clash, unknown or cyclic parents, duplicate
ids across documents), the kept warnings of documents not re-read (persistence.py) and, for the site builders, documents whose page is an object's short
URL.  Unknown names in links are Sphinx's ``warn-missing-reference`` (references.py), reported
where the link is resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import export, state
from .log import warn
from .persistence import forget_recorded, replay_read_warnings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import SummitDomain


def check_consistency(app: Sphinx, env: BuildEnvironment) -> list[str]:
    replay_read_warnings(env)
    domain: SummitDomain = env.domains["summit"]
    catalog = domain.catalog
    for message, subtype, location in catalog.problems:
        warn(message, subtype, location)
    if export.wanted(app):
        state.of(env).collisions = export.collisions(app.builder, catalog)  # type: ignore[arg-type]
    forget_recorded()  # given on every build: not kept
    return []
