"""The site navigation resolved once per build, marked for each page.

Themes render the whole book's table of contents on every page (furo builds its sidebar from
``toctree(collapse=False, titles_only=True, maxdepth=-1, includehidden=True)``).  Sphinx resolves
it anew for each page: it unpickles the root document, copies the table of contents of every
chapter -- every section of every session -- and then, for ``titles_only``, throws all but the
titles away.  In a book of hundreds of chapters that costs more than the page itself, and it
grows with the square of the book.

Without ``collapse`` the resolved tree is the same for every page but for two things: which
entries are marked ``current`` and the relative URIs.  So this module resolves it once per build
and set of arguments with the document names still in place (``internals.unmarked_toctree``),
and for each page copies that small tree, lets Sphinx's own ``_toctree_add_classes`` mark it for
the page, makes the URIs relative to the page as Sphinx does, and renders it.  The pages are
byte for byte what Sphinx would have written (tests/test_navigation.py compares every page of
the book under html and dirhtml).  Collapsed trees, other builders' own ``toctree`` (singlehtml)
and tables of contents holding ``{only}`` blocks are left to Sphinx.

Written by hand: no Sphinx option or theme setting shares the navigation between pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sphinx.builders.html import StandaloneHTMLBuilder

from . import internals, state

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def share(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
          doctree: nodes.document | None) -> None:
    """Give the page a ``toctree()`` that marks the build's resolved tree instead of resolving it.

    Connected before the theme's own ``html-page-context`` listener, which calls ``toctree()``.
    """
    compute: Callable[..., str] | None = context.get("toctree")
    builder = app.builder
    if compute is None or not isinstance(builder, StandaloneHTMLBuilder):
        return
    if type(builder)._get_local_toctree is not StandaloneHTMLBuilder._get_local_toctree:
        return  # a builder with a navigation of its own (singlehtml)

    def toctree(**kwargs: Any) -> str:
        # The arguments as StandaloneHTMLBuilder._get_local_toctree takes them.
        collapse = kwargs.pop("collapse", True)
        kwargs.setdefault("includehidden", False)
        if kwargs.get("maxdepth") == "":
            kwargs.pop("maxdepth")
        try:
            key = tuple(sorted(kwargs.items()))
            hash(key)
        except TypeError:
            key = None
        if collapse or key is None or internals.toctree_has_only(app.env, pagename):
            return compute(collapse=collapse, **kwargs)
        # Per build (state.py): a new build may have new titles or chapters.
        trees = state.of(app.env).navigation
        if key not in trees:
            trees[key] = internals.unmarked_toctree(app.env, builder, kwargs)
        tree = trees[key]
        if tree is None:
            return ""
        return builder.render_partial(internals.mark_toctree(tree, pagename, builder))["fragment"]

    context["toctree"] = toctree
