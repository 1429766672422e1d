"""Every use of another package's internals, in one place (tests/test_internals.py checks each).

Each is used only where no public API gives the same; when an upgrade changes one, its test
fails by name instead of the book silently losing a feature.  Elsewhere: ``search.py`` reads
the tables of Sphinx's Japanese splitter (its whole purpose; tests/test_search.py runs both),
``serializing.py`` works around the json/pickle builders' copies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

# sphinx.builders.latex.nodes is not public: the node Sphinx collects every citation into.
from sphinx.builders.latex.nodes import thebibliography

# The steps of Sphinx's toctree resolution (navigation.py): global_toctree_for_doc is the public
# entry point; _toctree_add_classes marks a resolved tree for a page, _get_toctree_ancestors says
# which documents' tables of contents Sphinx copies differently for that page; url_re tells
# external entries, whose URIs Sphinx leaves alone.
from sphinx.environment.adapters.toctree import (
    _get_toctree_ancestors,
    _toctree_add_classes,
    global_toctree_for_doc,
)
from sphinx.util import url_re

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

__all__ = ["bibliography_documents", "label_owner", "mark_toctree", "output_options_digest", "thebibliography", "toctree_has_only",
           "unmarked_toctree"]

#: a document name no toctree entry has: the tree resolved for it marks nothing as current
NOWHERE = "\x00summit-navigation"


class _DocumentNames:
    """Stands in for the builder while the tree is resolved: every target stays a document name."""

    def __init__(self, builder: StandaloneHTMLBuilder) -> None:
        self.tags = builder.tags

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return to


def unmarked_toctree(env: BuildEnvironment, builder: StandaloneHTMLBuilder,
                     kwargs: dict[str, Any]) -> nodes.Element | None:
    """The global toctree (not collapsed) as Sphinx resolves it, before it is marked for a page.

    Resolved for a page no entry points to, with document names for URIs; then the depth classes
    ``_toctree_add_classes`` added are taken off again, since ``mark_toctree`` runs it anew.
    """
    tree = global_toctree_for_doc(env, NOWHERE, _DocumentNames(builder),  # type: ignore[arg-type]
                                  tags=builder.tags, collapse=False, **kwargs)
    if tree is None:
        return None
    for node in tree.findall(nodes.Element):
        if any(c.startswith("toctree-l") for c in node["classes"]):
            node["classes"] = [c for c in node["classes"] if not c.startswith("toctree-l")]
    for ref in tree.findall(nodes.reference):
        anchor = ref["anchorname"]
        if anchor and url_re.match(ref["refuri"]) is None:
            ref["refuri"] = ref["refuri"][:-len(anchor)]  # Sphinx appended it to the target
    return tree


def mark_toctree(tree: nodes.Element, pagename: str, builder: StandaloneHTMLBuilder) -> nodes.Element:
    """A copy of ``tree`` as ``global_toctree_for_doc(pagename)`` would have returned it."""
    copy = tree.deepcopy()
    _toctree_add_classes(copy, 1, pagename)
    for ref in copy.findall(nodes.reference):
        if url_re.match(ref["refuri"]) is None:
            ref["refuri"] = builder.get_relative_uri(pagename, ref["refuri"]) + ref["anchorname"]
    return copy


def toctree_has_only(env: BuildEnvironment, pagename: str) -> bool:
    """Sphinx copies the page's own and its ancestors' tables of contents whole, ``{only}`` blocks
    included, where it filters them for every other entry: such pages are left to Sphinx."""
    return any(next(env.tocs[d].findall(addnodes.only), None) is not None
               for d in _get_toctree_ancestors(env.toctree_includes, pagename) if d in env.tocs)


def label_owner(env: BuildEnvironment, name: str) -> str | None:
    """The document holding std label ``name``; ``StandardDomain.anonlabels`` is undocumented."""
    found = env.domains.standard_domain.anonlabels.get(name)
    return found[0] if found is not None else None


def bibliography_documents(env: BuildEnvironment) -> set[str]:
    """Documents with a ``{bibliography}``: sphinxcontrib-bibtex's ``BibtexDomain.bibliographies``
    (keys with a ``docname``) is the only record of them."""
    cite: Any = env.domains.get("cite")
    if cite is None:
        return set()
    return {key.docname for key in cite.bibliographies}


#: Sphinx's hooks for an object's table-of-contents entry (documented, underscored):
#: ``ObjectDescription._object_hierarchy_parts`` and ``._toc_entry_name`` (directives.py).
TOC_HOOKS = ("_object_hierarchy_parts", "_toc_entry_name")


def search_index_entries(indexer: Any) -> dict[str, list[tuple[str, str, str]]]:
    """``IndexBuilder._index_entries``: docname -> its index entries, as the search index has them."""
    return indexer._index_entries


def output_options_digest(builder: Any) -> str:
    """``StandaloneHTMLBuilder.build_info`` (undocumented): the hashes of the options and tags
    that change HTML output, which Sphinx writes to ``.buildinfo``; "" for other builders."""
    info = getattr(builder, "build_info", None)
    return f"{info.config_hash}/{info.tags_hash}" if info is not None else ""
