"""Incremental builds stay right: pages showing book-wide content are re-written, nothing else."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import entry, html, project_index_counts, warnings

CHAPTER = "reports/2018-05-vancouver"
#: Sphinx itself re-writes the pages whose toctree lists a re-read page (its title may change).
TOCTREE_PARENT = "index"


class Book:
    """A copy of the basic root built again and again in one place, like `make html`."""

    def __init__(self, rootdir: Path, tmp_path: Path) -> None:
        self.src = tmp_path / "src"
        shutil.copytree(rootdir / "test-basic", self.src)
        self.out = tmp_path / "out"
        self.read: list[str] = []
        self.written: list[str] = []
        self.app = self.build()

    def build(self) -> SphinxTestApp:
        self.read, self.written = [], []
        app = SphinxTestApp("html", srcdir=self.src, builddir=self.out, status=StringIO(), warning=StringIO())
        app.connect("env-before-read-docs", lambda app, env, docnames: self.read.extend(docnames))
        app.connect("doctree-resolved", lambda app, doctree, docname: self.written.append(docname))
        try:
            app.build()
        finally:
            app.cleanup()
        self.app = app
        return app

    def edit(self, docname: str, old: str, new: str) -> None:
        path = self.src / f"{docname}.md"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    def page(self, docname: str) -> str:
        return html(self.app, docname)


@pytest.fixture
def book(rootdir, tmp_path) -> Book:
    return Book(rootdir, tmp_path)


def test_no_change_rewrites_nothing(book):
    assert sorted(book.written) == ["bibliography", "glossary", "index", "releases", CHAPTER]
    book.build()
    assert book.read == []
    assert book.written == []


def test_adding_a_project_to_a_session(book):
    assert "session-japanese-session" not in entry(book.page("glossary"), "project-nova")
    nova = project_index_counts(book.page("summit-projects"), "nova")
    book.edit(CHAPTER, ":projects: Tacker", ":projects: Tacker, Nova")
    book.build()
    assert book.read == [CHAPTER]
    assert sorted(book.written) == sorted([CHAPTER, "glossary", TOCTREE_PARENT])
    assert warnings(book.app) == []
    assert "#session-japanese-session" in entry(book.page("glossary"), "project-nova")
    assert project_index_counts(book.page("summit-projects"), "nova") == [n + 1 for n in nova]
    assert "#session-japanese-session" in book.page("summit-projects")


def test_editing_a_paragraph_rewrites_only_that_chapter(book):
    book.edit(CHAPTER, "詳細は", "詳しくは")
    book.build()
    assert book.read == [CHAPTER]
    assert sorted(book.written) == sorted([CHAPTER, TOCTREE_PARENT])


def test_deleting_a_session(book):
    book.edit(CHAPTER, ":::{session} japanese-session\n:projects: Tacker\n:::\n", "")
    book.build()
    assert book.read == [CHAPTER]
    assert "glossary" in book.written
    assert "0 件" in entry(book.page("glossary"), "project-tacker")
    assert project_index_counts(book.page("summit-projects"), "tacker") == [0]
    assert "japanese-session" not in book.page("summit-projects")


def test_deleting_a_chapter_removes_its_sessions_everywhere(book):
    (book.src / f"{CHAPTER}.md").unlink()
    book.build()
    assert set(book.written) >= {"glossary", "releases"}
    assert "cern-cells-v1-to-v2" not in book.page("glossary")
    assert "cern-cells-v1-to-v2" not in book.page("releases")
    assert project_index_counts(book.page("summit-projects"), "cells-v2") == [0]
    assert "cern-cells-v1-to-v2" not in book.page("summit-projects")
    assert "cern-cells-v1-to-v2" not in book.page("summit-releases")
    assert "vancouver-2018" not in entry(book.page("releases"), "release-rocky")


def test_renaming_a_glossary_entry_rewrites_the_chapters_that_show_it(book):
    book.edit("glossary", ":::{project} Tacker\n", ":::{project} OpenStack Tacker\n:id: tacker\n:aliases: Tacker\n")
    book.build()
    assert book.read == ["glossary"]
    assert CHAPTER in book.written  # its badge shows the new name
    assert "releases" not in book.written
    assert ">OpenStack Tacker<" in book.page(CHAPTER)


def test_removing_a_release_entry_rewrites_the_chapter_that_links_it(book):
    book.edit("releases", ":::{release} Queens\n:released: 2018-02-28\n:::\n", "")
    book.build()
    assert book.read == ["releases"]
    assert CHAPTER in book.written
    assert any("unknown release 'Queens'" in line for line in warnings(book.app))
    assert "glossary" not in book.written


def test_exports_follow_the_declarations(book):
    """summit.json and the short-URL pages are skipped when no declaration changed, and follow
    every change that there is."""
    out = Path(book.app.outdir)

    def session(sid: str) -> dict:
        data = json.loads((out / "summit.json").read_text(encoding="utf-8"))
        return next(s for s in data["sessions"] if s["id"] == sid)

    short = out / "s" / "japanese-session.html"
    other = out / "s" / "cern-cells-v1-to-v2.html"
    before = {path: path.stat().st_mtime_ns for path in (out / "summit.json", other)}
    assert "nova" not in session("japanese-session")["projects"]
    # The session's first sentence is its short URL's preview: that page follows the edit, the
    # export and the other short URLs are not rewritten.
    book.edit(CHAPTER, "詳細は", "詳しくは")
    book.build()
    assert {path: path.stat().st_mtime_ns for path in before} == before
    assert "詳しくは" in short.read_text(encoding="utf-8")
    book.edit(CHAPTER, ":projects: Tacker", ":projects: Tacker, Nova")
    book.build()
    assert session("japanese-session")["projects"] == ["tacker", "nova"]
    short.unlink()  # a page lost from the output folder is written again
    book.build()
    assert short.exists()
    book.edit(CHAPTER, ":::{session} japanese-session\n:projects: Tacker, Nova\n:::\n", "")
    book.build()
    assert not short.exists()
    assert not any(s["id"] == "japanese-session" for s in
                   json.loads((out / "summit.json").read_text(encoding="utf-8"))["sessions"])
