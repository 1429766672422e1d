"""Page templates are compiled once and kept: a rebuild compiles none, writes the same pages,
and an edited template is compiled again."""

from __future__ import annotations

import filecmp
import shutil
from io import StringIO
from pathlib import Path

import jinja2
import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import warnings
from summit.templatecache import PREFIX

PAGE = """{% extends "!page.html" %}
{% block content %}{{ super() }}<!-- MARK -->{% endblock %}
"""


def build(src: Path, out: Path, monkeypatch: pytest.MonkeyPatch, builder: str = "html",
          freshenv: bool = False) -> list[str]:
    """One build; the templates Jinja compiled in it (by name)."""
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        if name is not None:  # from_string() templates have no name and are never cached
            compiled.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    app = SphinxTestApp(builder, srcdir=src, builddir=out, freshenv=freshenv,
                        confoverrides={"html_theme": "furo", "templates_path": ["_templates"]},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
        assert warnings(app) == []
    finally:
        app.cleanup()
    monkeypatch.undo()
    return compiled


@pytest.fixture
def src(rootdir, tmp_path) -> Path:
    path = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", path)
    (path / "_templates").mkdir()
    (path / "_templates" / "page.html").write_text(PAGE.replace("MARK", "first"), encoding="utf-8")
    return path


def test_a_rebuild_compiles_no_template_and_writes_the_same_pages(src, tmp_path, monkeypatch):
    first = build(src, tmp_path / "out", monkeypatch)
    assert "page.html" in first and "summit-accessible.html" in first, first
    kept = list((tmp_path / "out" / "doctrees").glob(f"{PREFIX}*/*"))
    assert len(kept) >= len(set(first)), kept
    shutil.copytree(tmp_path / "out" / "html", tmp_path / "before")
    again = build(src, tmp_path / "out", monkeypatch, freshenv=True)  # every page written again
    assert again == []
    cmp = filecmp.dircmp(tmp_path / "before", tmp_path / "out" / "html", ignore=[".buildinfo"])
    assert cmp.diff_files == [] and cmp.left_only == [] and cmp.right_only == []
    page = (tmp_path / "out" / "html" / "glossary.html").read_text(encoding="utf-8")
    assert "<!-- first -->" in page


def test_an_edited_template_is_compiled_again(src, tmp_path, monkeypatch):
    build(src, tmp_path / "out", monkeypatch)
    (src / "_templates" / "page.html").write_text(PAGE.replace("MARK", "second"), encoding="utf-8")
    again = build(src, tmp_path / "out", monkeypatch)  # Sphinx writes every page: a template changed
    assert again == ["page.html"]
    page = (tmp_path / "out" / "html" / "glossary.html").read_text(encoding="utf-8")
    assert "<!-- second -->" in page and "<!-- first -->" not in page


def test_other_versions_folders_are_removed_and_latex_keeps_none(src, tmp_path, monkeypatch):
    stale = tmp_path / "out" / "doctrees" / f"{PREFIX}000000000000"
    stale.mkdir(parents=True)
    (stale / "__jinja2_old.cache").write_bytes(b"old")
    build(src, tmp_path / "out", monkeypatch)
    assert not stale.exists()
    assert len(list((tmp_path / "out" / "doctrees").glob(f"{PREFIX}*"))) == 1
    build(src, tmp_path / "latex", monkeypatch, builder="latex")
    assert list((tmp_path / "latex" / "doctrees").glob(f"{PREFIX}*")) == []


def test_epub_uses_it_too(src, tmp_path, monkeypatch):
    build(src, tmp_path / "out", monkeypatch, builder="epub")
    assert build(src, tmp_path / "out", monkeypatch, builder="epub", freshenv=True) == []
