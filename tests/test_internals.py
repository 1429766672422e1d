"""The internals of Sphinx and its extensions the book relies on (summit/internals.py and the
modules it names): each test fails by name when an upgrade changes one."""

from __future__ import annotations

import inspect

from sphinx.directives import ObjectDescription


def test_standard_domain_anonlabels(build_root):
    from summit.internals import label_owner

    app = build_root("basic", "html")
    assert label_owner(app.env, "session-cern-cells-v1-to-v2") == "reports/2018-05-vancouver"
    assert label_owner(app.env, "no-such-label") is None


def test_bibtex_bibliographies(build_root):
    from summit.internals import bibliography_documents

    app = build_root("basic", "html")
    assert bibliography_documents(app.env) == {"bibliography"}


def test_latex_bibliography_node():
    from sphinx.builders.latex.transforms import BibliographyTransform

    from summit.internals import thebibliography

    assert "thebibliography" in inspect.getsource(BibliographyTransform)
    assert thebibliography.__module__ == "sphinx.builders.latex.nodes"


def test_object_description_toc_hooks():
    from summit.internals import TOC_HOOKS

    for hook in TOC_HOOKS:
        assert callable(getattr(ObjectDescription, hook, None)), hook
    assert "self.indexnode" in inspect.getsource(ObjectDescription.run)


def test_epub_guide_titles():
    from sphinx.builders.epub3 import Epub3Builder

    assert Epub3Builder.guide_titles["toc"] == "Table of Contents"  # still English: epub.py still needed


def test_japanese_splitter_tables():
    from sphinx.search.ja import DefaultSplitter

    assert DefaultSplitter.patterns_ and isinstance(DefaultSplitter.BIAS__, int)
    assert any(name.endswith("__") and isinstance(value, dict) for name, value in vars(DefaultSplitter).items())


def test_singlehtml_document_anchors():
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    source = inspect.getsource(SingleFileHTMLBuilder.get_target_uri)
    assert "'#document-' + docname" in source  # singlehtml.py keeps only the last anchor


def test_search_index_entries(build_root):
    from summit.internals import search_index_entries

    from sphinx.search import IndexBuilder

    assert "_index_entries" in inspect.getsource(IndexBuilder.__init__)
    assert "indexentries" in inspect.getsource(IndexBuilder.freeze)
    assert "indexentries" not in inspect.getsource(IndexBuilder.load)  # still lost: search.py still needed
    app = build_root("basic", "html")
    assert search_index_entries(app.builder.indexer)["glossary"]


def test_latex_generate_indices():
    """latex.IndexRowsTranslator replaces this method with the subtype honoured."""
    from sphinx.writers.latex import LaTeXTranslator

    source = inspect.getsource(LaTeXTranslator.generate_indices)
    assert "sphinxstyleindexentry" in source and "entry[1]" not in source  # still ignores sub-entries
    assert list(inspect.signature(LaTeXTranslator.generate_indices).parameters) == ["self"]


def test_serializinghtml_still_copies_without_force():
    from sphinxcontrib.serializinghtml import SerializingHTMLBuilder

    for method in (SerializingHTMLBuilder.handle_page, SerializingHTMLBuilder.handle_finish):
        source = inspect.getsource(method)
        assert "copyfile(" in source and "force" not in source, "fixed upstream: drop summit/serializing.py"
    assert list(inspect.signature(SerializingHTMLBuilder.handle_page).parameters) == [
        "self", "pagename", "ctx", "templatename", "outfilename", "event_arg"]


def test_toctree_resolution_steps(build_root):
    """navigation.py resolves the global toctree once and marks it per page with Sphinx's own steps:
    the resolution asks the builder for nothing but relative URIs, and marking adds the classes."""
    from docutils import nodes
    from sphinx.environment.adapters import toctree

    from summit.internals import NOWHERE, mark_toctree, unmarked_toctree

    source = inspect.getsource(toctree._resolve_toctree)
    assert "_toctree_add_classes(newnode, 1, docname)" in source
    assert "builder.get_relative_uri(docname, refnode['refuri'])" in source
    assert [p for p in inspect.signature(toctree._toctree_add_classes).parameters] == ["node", "depth", "docname"]
    app = build_root("basic", "html")
    tree = unmarked_toctree(app.env, app.builder, {"titles_only": True, "includehidden": True, "maxdepth": -1})
    assert tree is not None and NOWHERE not in tree.astext()
    assert not any("current" in n["classes"] or any(c.startswith("toctree-l") for c in n["classes"])
                   for n in tree.findall(nodes.Element))
    marked = mark_toctree(tree, "glossary", app.builder)
    current = [n for n in marked.findall(nodes.reference) if "current" in n["classes"]]
    assert [n["refuri"] for n in current] == [""]  # the page itself
    assert all(n["refuri"].endswith(".html") for n in marked.findall(nodes.reference) if n not in current)


def test_html_build_info(build_root):
    from summit.internals import output_options_digest

    app = build_root("basic", "html")
    digest = output_options_digest(app.builder)
    assert "/" in digest and len(digest) > 10
    assert app.builder.build_info.config_hash in digest
