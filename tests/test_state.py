"""The extension's state: declarations in the domain, what one build knows in a state made by
that build, and one registry of generated kinds that every consumer reads."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from helpers import warnings


def test_each_build_starts_a_new_state(rootdir, tmp_path):
    """Two builds by one application (sphinx-autobuild, the tests): the second knows only itself."""
    from summit import state

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build()
        first = state.of(app.env)
        assert {"reports/2018-05-vancouver", "glossary", "index"} <= first.cleared
        chapter = src / "reports" / "2018-05-vancouver.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
        app.build()
        second = state.of(app.env)
        assert second is not first
        assert second.cleared == {"reports/2018-05-vancouver"}  # not everything any build ever read
        assert second.removed == set()
        assert second.written is not None and second.written["pages"].keys() == app.env.all_docs.keys()
    finally:
        app.cleanup()


def test_the_domain_holds_declarations_only(build_root):
    from summit.domain import TABLES

    app = build_root("basic", "html")
    domain = app.env.domains["summit"]
    assert set(domain.data) == {*TABLES, "stamp", "version"}
    # Nothing of one build hangs on the domain (the catalog is derived from the tables alone).
    import inspect

    from sphinx.domains import Domain

    sphinx_own = set(re.findall(r"self\.(\w+)\s*[:=]", inspect.getsource(Domain.__init__)))
    assert set(vars(domain)) - sphinx_own == {"_catalog"}


def test_every_kind_renders_and_says_what_it_shows(build_root):
    from summit.incremental import Sources
    from summit.kinds import DIRECTIVES, KINDS
    from summit.render import DEFERRED, Renderer

    app = build_root("basic", "html")
    catalog = app.env.domains["summit"].catalog
    renderer, sources = Renderer(app.builder, "index", catalog), Sources(catalog)
    targets = {"project": "cells-v2", "release": "rocky"}
    for name, kind in KINDS.items():
        target = targets.get(name.split("-")[0], "")
        kind.render(renderer, target)
        assert isinstance(kind.depends(sources, target), tuple), name
    assert DEFERRED == {"project-sessions", "release-sessions"}
    # The entries' fields and the directives place exactly the registered kinds.
    source = (Path(__file__).resolve().parent.parent / "_ext" / "summit" / "directives.py").read_text(encoding="utf-8")
    placed = set(re.findall(r'generated_field\("\w+", "([a-z-]+)"\)', source)) | set(DIRECTIVES.values())
    assert placed == set(KINDS)


def test_a_kinds_dependencies_move_its_pages(build_root, rootdir, tmp_path):
    """A changed event name re-writes the landing page's title page in the e-book."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    (src / "index.md").write_text((src / "index.md").read_text(encoding="utf-8")
                                  + "\n```{summit-titlepage}\n```\n", encoding="utf-8")

    def build() -> SphinxTestApp:
        app = SphinxTestApp("epub", srcdir=src, status=StringIO(), warning=StringIO())
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    app = build()
    assert warnings(app) == []
    assert "OpenStack Summit Vancouver 2018" in (Path(app.outdir) / "index.xhtml").read_text(encoding="utf-8")
    chapter = src / "reports" / "2018-05-vancouver.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        ":name: OpenStack Summit Vancouver 2018", ":name: Vancouver Summit"), encoding="utf-8")
    app = build()
    page = (Path(app.outdir) / "index.xhtml").read_text(encoding="utf-8")
    assert "Vancouver Summit" in page and "OpenStack Summit Vancouver 2018" not in page
