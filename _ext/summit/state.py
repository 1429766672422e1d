"""What one build knows about itself, apart from the declarations.

The domain's data is what Sphinx pickles with the environment and merges after parallel
reads: declarations only.  What a single build learns on its way (which documents it purged,
which were deleted, what its pages will show, the navigation it shares, what its exports wrote)
is made fresh at the start of each build and dropped with it, so a second build by the same
application (sphinx-autobuild, the tests) starts from nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx.environment import CONFIG_OK

from .log import take_recorded

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


@dataclass
class BuildState:
    #: documents deleted since the last build (their pages are removed after writing)
    removed: set[str] = field(default_factory=set)
    #: documents purged in this build, re-read or deleted: only they can change the tables
    cleared: set[str] = field(default_factory=set)
    #: what the pages of this build show, saved once the build is complete (incremental.py)
    written: dict[str, Any] | None = None
    #: the site navigation resolved once per set of toctree() arguments, marked per page (navigation.py)
    navigation: dict[Any, Any] = field(default_factory=dict)
    #: what the exports wrote in this build: path -> digest (export.py)
    exported: dict[str, str] = field(default_factory=dict)
    #: short URLs that are a document's page, found by checks.py and not written
    collisions: set[str] = field(default_factory=set)
    #: the HTML of generated lists kept between builds, loaded on first use (fragments.py)
    fragments: Any = None
    #: the warnings of each page written in this build (persistence.py)
    page_warnings: dict[str, list[Any]] = field(default_factory=dict)
    #: Sphinx made a new environment or found the configuration changed (it reads everything
    #: again): noted before reading, since Sphinx calls the configuration unchanged once it has read
    fresh_environment: bool = False


# Keyed by the environment: the one object every hook reaches (handlers as ``app.env``,
# transforms and the domain as ``self.env``, translators as ``builder.env``).
_STATES: WeakKeyDictionary[BuildEnvironment, BuildState] = WeakKeyDictionary()


def of(env: BuildEnvironment) -> BuildState:
    state = _STATES.get(env)
    if state is None:  # an environment used outside a build (a test calling a handler)
        state = _STATES[env] = BuildState()
    return state


def begin(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
          removed: set[str]) -> list[str]:
    """The first event of every build (``env-get-outdated``): start a new state."""
    _STATES[env] = BuildState(removed=set(removed), fresh_environment=env.config_status != CONFIG_OK)
    take_recorded()
    return []


def purged(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    of(env).cleared.add(docname)
