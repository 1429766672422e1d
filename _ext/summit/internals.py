"""Every use of another package's internals, in one place (tests/test_internals.py checks each).

Each is used only where no public API gives the same; when an upgrade changes one, its test
fails by name instead of the book silently losing a feature.  Elsewhere: ``search.py`` reads
the tables of Sphinx's Japanese splitter (its whole purpose; tests/test_search.py runs both),
``serializing.py`` works around the json/pickle builders' copies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# sphinx.builders.latex.nodes is not public: the node Sphinx collects every citation into.
from sphinx.builders.latex.nodes import thebibliography

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

__all__ = ["bibliography_documents", "label_owner", "thebibliography"]


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
