"""Our index pages reuse the site navigation already rendered for Sphinx's own index pages.

Themes render the whole book's table of contents on every page (furo builds its sidebar from
``toctree()``), and in a book of hundreds of chapters that costs more than the page itself.
Pages that are not documents (the general index, the search page, the domain indices) sit
outside the tree: nothing in it is marked as theirs, so at the same folder depth they all get
the same navigation.  Sphinx writes its general index first; our two domain indices take the
navigation it got instead of computing it twice more on every build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import state

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def our_index_pages(app: Sphinx) -> set[str]:
    domain = app.env.domains["summit"]
    return {f"{domain.name}-{index.name}" for index in domain.indices}


def share(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
          doctree: nodes.document | None) -> None:
    """Record the navigation of pages outside the tree; hand it to our index pages.

    Connected before the theme's own ``html-page-context`` listener, which calls ``toctree()``.
    """
    compute: Callable[..., str] | None = context.get("toctree")
    if compute is None or doctree is not None or pagename in app.env.all_docs:
        return  # documents mark their own place in the tree
    # Per build (state.py): a new build may have new titles or chapters.
    store = state.of(app.env).navigation
    reuse = pagename in our_index_pages(app)
    folder = posixpath.dirname(pagename)

    def toctree(**kwargs: Any) -> str:
        try:
            key = (folder, tuple(sorted(kwargs.items())))
            hash(key)
        except TypeError:
            return compute(**kwargs)
        if reuse and key in store:
            return store[key]
        result = compute(**kwargs)
        store.setdefault(key, result)
        return result

    context["toctree"] = toctree
