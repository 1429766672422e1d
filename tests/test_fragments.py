"""Generated lists and index rows are kept between builds: only what changed is built again,
and every page is what a clean build writes."""

from __future__ import annotations

import filecmp
import os
import shutil
import time
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import warnings
from summit import fragments
from summit.render import DEFERRED, Renderer

CHAPTER = "reports/2018-05-vancouver.md"
PAGES = ["glossary.html", "releases.html", "summit-projects.html", "summit-releases.html", "summit-speakers.html",
         "reports/2018-05-vancouver.html", "index.html"]


def build(src: Path, out: Path, monkeypatch: pytest.MonkeyPatch, builder: str = "html", freshenv: bool = False,
          **overrides: object) -> tuple[Counter[str], int]:
    """One build; the lists rendered from nodes (kind:target) and the index pages rendered anew."""
    rendered: Counter[str] = Counter()
    rows: list[str] = []
    content, keep = Renderer.content, fragments._IndexRows.keep

    def counting(self, kind, target):  # type: ignore[no-untyped-def]
        if kind in DEFERRED:  # the lists that grow with the book (the others are a line each)
            rendered[f"{kind}:{target}"] += 1
        return content(self, kind, target)

    def keeping(self, html):  # type: ignore[no-untyped-def]
        rows.append(self.page)
        return keep(self, html)

    monkeypatch.setattr(Renderer, "content", counting)
    monkeypatch.setattr(fragments._IndexRows, "keep", keeping)
    app = SphinxTestApp(builder, srcdir=src, builddir=out, confoverrides={"html_theme": "furo", **overrides},
                        status=StringIO(), warning=StringIO(), freshenv=freshenv)
    try:
        app.build()
        assert warnings(app) == []
    finally:
        app.cleanup()
    monkeypatch.undo()
    return rendered, len(rows)


def edit(src: Path, old: str, new: str) -> None:
    path = src / CHAPTER
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def same_pages(one: Path, two: Path, pages: list[str]) -> list[str]:
    return [p for p in pages if not filecmp.cmp(one / p, two / p, shallow=False)]


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_adding_a_project_renders_only_its_list(builder, rootdir, tmp_path, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    first, first_rows = build(src, tmp_path / "inc", monkeypatch, builder)
    assert first["project-sessions:neutron"] == 1 and first_rows == 3  # the first build renders all (three indices)
    again, again_rows = build(src, tmp_path / "inc", monkeypatch, builder)
    assert again == Counter() and again_rows == 0  # nothing written again, nothing rendered
    glossary = "glossary.html" if builder == "html" else "glossary/index.html"
    shutil.copy(tmp_path / "inc" / builder / glossary, tmp_path / "first-glossary.html")
    edit(src, ":projects: CellsV2, Nova", ":projects: CellsV2, Nova, Tacker")
    after, after_rows = build(src, tmp_path / "inc", monkeypatch, builder)
    # The glossary is written again, but only Tacker's list changed; of the three indices only
    # the project index did.
    assert set(after) == {"project-sessions:tacker"}, after
    assert after_rows == 1
    build(src, tmp_path / "clean", monkeypatch, builder)
    pages = PAGES if builder == "html" else [p.replace(".html", "/index.html").replace("index/index", "index")
                                             for p in PAGES]
    out = Path(tmp_path / "inc" / builder), Path(tmp_path / "clean" / builder)
    assert same_pages(*out, pages) == []
    assert (out[0] / pages[0]).read_text(encoding="utf-8").count("cern-cells-v1-to-v2") > \
        (tmp_path / "first-glossary.html").read_text(encoding="utf-8").count("cern-cells-v1-to-v2")
    # and taking it away again gives the pages of the first build back
    edit(src, ":projects: CellsV2, Nova, Tacker", ":projects: CellsV2, Nova")
    removed, _ = build(src, tmp_path / "inc", monkeypatch, builder)
    assert set(removed) == {"project-sessions:tacker"}, removed
    shutil.rmtree(tmp_path / "clean")
    build(src, tmp_path / "clean", monkeypatch, builder)
    assert same_pages(*out, pages) == []


def test_a_renamed_session_renders_every_list_showing_it(rootdir, tmp_path, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    build(src, tmp_path / "inc", monkeypatch)
    text = (src / CHAPTER).read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("### ") and "CERN" in line)
    edit(src, heading, heading + " 改題")
    after, _ = build(src, tmp_path / "inc", monkeypatch)
    assert {"project-sessions:cells-v2", "project-sessions:nova"} <= set(after), after
    assert "project-sessions:tacker" not in after
    build(src, tmp_path / "clean", monkeypatch)
    assert same_pages(tmp_path / "inc" / "html", tmp_path / "clean" / "html", PAGES) == []


def test_what_is_kept_is_dropped_with_a_fresh_environment(rootdir, tmp_path, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    build(src, tmp_path / "inc", monkeypatch)
    # A new environment (sphinx-build -E) with nothing else changed: nothing kept is reused.
    again, rows = build(src, tmp_path / "inc", monkeypatch, freshenv=True)
    assert again["project-sessions:neutron"] == 1 and rows == 3
    # A changed configuration: Sphinx reads everything again, and nothing kept is reused.
    again, rows = build(src, tmp_path / "inc", monkeypatch, html_title="別の題")
    assert again["project-sessions:neutron"] == 1 and rows == 3
    # The control: the same build again reuses every list and row.
    again, rows = build(src, tmp_path / "inc", monkeypatch, html_title="別の題")
    assert again["project-sessions:neutron"] == 0 and rows == 0


def test_a_damaged_cache_is_ignored(rootdir, tmp_path, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    build(src, tmp_path / "inc", monkeypatch)
    cache = tmp_path / "inc" / "doctrees" / "summit-fragments-html.pickle"
    assert cache.exists()
    cache.write_bytes(b"not a pickle")
    edit(src, ":projects: CellsV2, Nova", ":projects: CellsV2, Nova, Tacker")
    after, rows = build(src, tmp_path / "inc", monkeypatch)
    assert after["project-sessions:nova"] == 1 and rows == 3  # rendered anew, no error
    build(src, tmp_path / "clean", monkeypatch)
    assert same_pages(tmp_path / "inc" / "html", tmp_path / "clean" / "html", PAGES) == []


def test_other_code_does_not_reuse_it(rootdir, tmp_path, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    build(src, tmp_path / "inc", monkeypatch)
    edit(src, ":projects: CellsV2, Nova", ":projects: CellsV2, Nova, Tacker")
    monkeypatch.setattr(fragments, "CODE", "another version of the extension")
    after, _ = build(src, tmp_path / "inc", monkeypatch)
    # every list of the glossary built again
    assert sum(1 for name in after if name.startswith("project-sessions:")) >= 5, after


def test_a_newer_template_drops_what_was_kept(rootdir, tmp_path, monkeypatch):
    # Sphinx writes every page again when a template is newer than the pages (a theme upgraded, a
    # template edited); the kept rows are the theme's markup, so they must not be reused then.
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    (src / "_templates").mkdir()
    template = src / "_templates" / "unused.html"
    template.write_text("{# a template no page uses #}\n", encoding="utf-8")
    build(src, tmp_path / "inc", monkeypatch, templates_path=["_templates"])
    again, rows = build(src, tmp_path / "inc", monkeypatch, templates_path=["_templates"])
    assert again == Counter() and rows == 0  # the control: everything reused
    later = time.time() + 60
    os.utime(template, (later, later))
    again, rows = build(src, tmp_path / "inc", monkeypatch, templates_path=["_templates"])
    assert again["project-sessions:neutron"] == 1 and rows == 3
