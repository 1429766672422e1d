"""The site navigation is resolved once per build and marked per page: pages unchanged, fewer resolutions."""

from __future__ import annotations

import filecmp
import shutil
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment.adapters import toctree as toctree_adapter
from sphinx.testing.util import SphinxTestApp

from helpers import warnings
from summit import navigation

ROOT = Path(__file__).resolve().parent.parent


def build(src: Path, out: Path, builder: str, monkeypatch: pytest.MonkeyPatch, *, share: bool) -> Counter[str]:
    """Build ``src`` with the book's theme; count the global toctrees Sphinx resolves, per page."""
    resolved: Counter[str] = Counter()
    original = toctree_adapter.global_toctree_for_doc

    def counting(env, docname, builder, **kwargs):  # type: ignore[no-untyped-def]
        resolved[docname] += 1
        return original(env, docname, builder, **kwargs)

    monkeypatch.setattr(toctree_adapter, "global_toctree_for_doc", counting)
    monkeypatch.setattr("sphinx.builders.html.global_toctree_for_doc", counting)
    monkeypatch.setattr("summit.internals.global_toctree_for_doc", counting)
    app = SphinxTestApp(builder, srcdir=src, builddir=out, confoverrides={"html_theme": "furo"},
                        status=StringIO(), warning=StringIO(), freshenv=True)
    try:
        if not share:
            for listener in list(app.events.listeners["html-page-context"]):
                if listener.handler is navigation.share:
                    app.disconnect(listener.id)
        app.build()
        assert warnings(app) == []
    finally:
        app.cleanup()
    monkeypatch.undo()
    return resolved


def differing(one: Path, two: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(one, two, ignore=["doctrees", ".doctrees", ".buildinfo"]), "")
    return found


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
@pytest.mark.parametrize("root", ["test-navigation", "test-basic"])
def test_pages_are_what_sphinx_writes(root, builder, rootdir, tmp_path, monkeypatch):
    """Nested toctrees, sub-folders, an external entry, genindex, a hidden toctree, ``self``, an
    ``{only}`` section: every file is byte for byte the one Sphinx writes resolving every page."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / root, src)
    shared = build(src, tmp_path / "shared", builder, monkeypatch, share=True)
    alone = build(src, tmp_path / "alone", builder, monkeypatch, share=False)
    assert differing(tmp_path / "shared" / builder, tmp_path / "alone" / builder) == []
    pages = sorted(alone)
    assert len(pages) >= 6 and all(alone[p] >= 1 for p in pages), alone
    # One resolution for the whole build, plus the pages whose tables of contents hold {only}.
    only = {"part/deep/three"} if root == "test-navigation" else set()
    assert shared.pop(navigation.internals.NOWHERE) == 1
    assert set(shared) == only, shared
    sidebar = (tmp_path / "shared" / builder / ("one.html" if builder == "html" and root == "test-navigation"
                                                else "index.html")).read_text(encoding="utf-8")
    assert 'class="sidebar-tree"' in sidebar


BOOK = """
import json, sys
from collections import Counter
from io import StringIO
from pathlib import Path
from sphinx.application import Sphinx
from sphinx.builders import html
from summit import internals, navigation
root, out, share = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "on"
resolved = Counter()
original = internals.global_toctree_for_doc
def counting(env, docname, builder, **kwargs):
    resolved[docname] += 1
    return original(env, docname, builder, **kwargs)
html.global_toctree_for_doc = internals.global_toctree_for_doc = counting
app = Sphinx(root / "docs", root, out, out / ".doctrees", "html", status=StringIO(), warning=StringIO(),
             freshenv=True)
if not share:
    for listener in list(app.events.listeners["html-page-context"]):
        if listener.handler is navigation.share:
            app.disconnect(listener.id)
app.build()
print(json.dumps(resolved))
"""


def test_the_whole_book_is_unchanged(tmp_path):
    """The real book, html: every file as Sphinx would write it, one navigation resolved.
    (In a process of its own: a Sphinx application on the real book registers nodes globally.)"""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "_ext"), "SOURCE_DATE_EPOCH": "1764633600"}
    counts = {}
    for mode in ("on", "off"):
        result = subprocess.run([sys.executable, "-c", BOOK, str(ROOT), str(tmp_path / mode), mode], check=True,
                                capture_output=True, text=True, env=env)
        counts[mode] = json.loads(result.stdout.splitlines()[-1])
    assert differing(tmp_path / "on", tmp_path / "off") == []
    assert counts["on"] == {navigation.internals.NOWHERE: 1}
    assert len(counts["off"]) > 15


def test_collapsed_trees_are_left_to_sphinx(rootdir, tmp_path, monkeypatch):
    """A theme asking for a collapsed tree (the basic theme's globaltoc) gets Sphinx's own."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-navigation", src)
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + 'html_sidebars = {"**": ["globaltoc.html"]}\n', encoding="utf-8")
    resolved: Counter[str] = Counter()
    original = StandaloneHTMLBuilder._get_local_toctree

    def counting(self, docname, collapse=True, **kwargs):  # type: ignore[no-untyped-def]
        resolved[docname, collapse] += 1
        return original(self, docname, collapse, **kwargs)

    monkeypatch.setattr(StandaloneHTMLBuilder, "_get_local_toctree", counting)
    app = SphinxTestApp("html", srcdir=src, confoverrides={"html_theme": "alabaster"},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    # (theme options come as strings: collapse="true")
    assert sum(n for (page, collapse), n in resolved.items() if page == "one" and collapse) == 1, resolved
    assert "第二部の一" in (Path(app.outdir) / "part" / "two.html").read_text(encoding="utf-8")


def test_a_second_build_sees_new_titles(rootdir, tmp_path):
    """The resolved navigation lives for one build: a renamed chapter shows in the next one."""
    src = tmp_path / "book"
    shutil.copytree(rootdir / "test-basic", src)
    app = SphinxTestApp("html", srcdir=src, confoverrides={"html_theme": "furo"},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
        chapter = src / "reports" / "2018-05-vancouver.md"
        text = chapter.read_text(encoding="utf-8")
        title = text.splitlines()[0]
        assert title.startswith("# ")
        chapter.write_text(text.replace(title, "# 改題した章", 1), encoding="utf-8")
        app.build()
        for page in ("summit-projects.html", "index.html"):  # pages this build writes
            html = (Path(app.outdir) / page).read_text(encoding="utf-8")
            start = html.index('class="sidebar-tree"')
            sidebar = html[start:html.index("</div>", start)]
            assert "改題した章" in sidebar, page
            assert f">{title[2:]}<" not in sidebar, page
    finally:
        app.cleanup()
