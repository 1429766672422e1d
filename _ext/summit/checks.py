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

from pathlib import Path
from typing import TYPE_CHECKING

from . import export, state
from .log import warn
from .speakers import alias_problems, unused_organisations
from .persistence import forget_recorded, replay_read_warnings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import SummitDomain


def _config_line(app: Sphinx, name: str) -> str:
    """``path/conf.py:N`` where ``name`` is set (Sphinx shows a location without a line as a document)."""
    conf = Path(app.confdir) / "conf.py"
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except OSError:
        return f"{conf}:0"
    line = next((n for n, text in enumerate(lines, start=1) if text.lstrip().startswith(name)), 0)
    return f"{conf}:{line}"


def check_consistency(app: Sphinx, env: BuildEnvironment) -> list[str]:
    replay_read_warnings(env)
    domain: SummitDomain = env.domains["summit"]
    catalog = domain.catalog
    for message, subtype, location in catalog.problems:
        warn(message, subtype, location)
    for message in alias_problems(app.config.summit_speaker_aliases):
        warn(message, "alias", _config_line(app, "summit_speaker_aliases"))
    declared = app.config.summit_organisations
    if declared:
        found = catalog.speakers(app.config.summit_speaker_aliases, declared)
        for message in unused_organisations(declared, found, app.config.summit_speaker_aliases):
            warn(message, "organisation", _config_line(app, "summit_organisations"))
    if export.wanted(app):
        state.of(env).collisions = export.collisions(app.builder, catalog)  # type: ignore[arg-type]
    forget_recorded()  # given on every build: not kept
    return []
