"""The output stage: exports only for the site builders, nothing deleted that we did not write,
collisions warned about, assets refreshed, dirhtml URLs with their slash.

Each test builds a fresh copy of test-basic, often twice, as an author would.
"""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import warnings

SHORT_FOLDERS = ("s", "p", "r", "e", "feeds", "feeds/p")


@pytest.fixture
def src(rootdir, tmp_path) -> Path:
    path = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", path)
    return path


def build(src: Path, builder: str = "html", **confoverrides) -> SphinxTestApp:
    """A new application each time, as a new ``sphinx-build`` run: same source, same output."""
    app = SphinxTestApp(builder, srcdir=src, status=StringIO(), warning=StringIO(),
                        confoverrides=confoverrides or None)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def exported(outdir: Path) -> set[str]:
    found = {p.relative_to(outdir).as_posix() for folder in SHORT_FOLDERS for p in (outdir / folder).glob("*")
             if p.is_file()}
    return found | {name for name in ("summit.json", "summit.schema.json", "sitemap.xml") if (outdir / name).exists()}


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "json", "pickle"])
def test_no_exports_outside_the_site_builders(src, builder):
    first = build(src, builder)
    second = build(src, builder)  # epub used to pack (and warn about) the first build's exports
    assert warnings(first) == [] and warnings(second) == []
    assert exported(Path(second.outdir)) == set()


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_exports_on_the_site_builders(src, builder):
    app = build(src, builder)
    assert warnings(app) == []
    files = exported(Path(app.outdir))
    assert {"summit.json", "summit.schema.json", "s/cern-cells-v1-to-v2.html", "p/nova.html",
            "r/rocky.html", "e/vancouver-2018.html"} <= files


def test_dirhtml_urls_end_in_a_slash(src):
    app = build(src, "dirhtml")
    out = Path(app.outdir)
    page = (out / "s" / "cern-cells-v1-to-v2.html").read_text(encoding="utf-8")
    assert 'url=../reports/2018-05-vancouver/#session-cern-cells-v1-to-v2"' in page
    assert 'href="../reports/2018-05-vancouver/#session-cern-cells-v1-to-v2"' in page
    data = json.loads((out / "summit.json").read_text(encoding="utf-8"))
    session = next(s for s in data["sessions"] if s["id"] == "cern-cells-v1-to-v2")
    assert session["url"] == "reports/2018-05-vancouver/#session-cern-cells-v1-to-v2"
    glossary = (out / "p" / "nova.html").read_text(encoding="utf-8")
    assert 'url=../glossary/#project-nova"' in glossary
    # the landing page's short URL goes to the folder itself, never to "index"
    event = (out / "e" / "vancouver-2018.html").read_text(encoding="utf-8")
    assert "url=../reports/2018-05-vancouver/#event-vancouver-2018" in event


def test_switched_off(src):
    build(src, "html")
    app = build(src, "html", summit_exports=False)  # switched off later: ours are taken back
    assert warnings(app) == []
    assert exported(Path(app.outdir)) == set()
    fresh = src.parent / "fresh"
    shutil.copytree(src, fresh, ignore=shutil.ignore_patterns("_build"))
    app = build(fresh, "html", summit_exports=False)
    assert exported(Path(app.outdir)) == set()


def _add_document(src: Path, docname: str, title: str) -> None:
    (src / f"{docname}.md").parent.mkdir(parents=True, exist_ok=True)
    (src / f"{docname}.md").write_text(f"# {title}\n\nAn author's own page.\n", encoding="utf-8")
    index = src / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("glossary\n", f"glossary\n{docname}\n"),
                     encoding="utf-8")


def test_a_document_in_a_short_url_folder_is_never_deleted(src):
    _add_document(src, "p/about", "About")
    for _ in range(2):  # first build (no manifest yet) and a rebuild
        app = build(src, "html")
        assert warnings(app) == []
        out = Path(app.outdir)
        assert "An author's own page." in (out / "p" / "about.html").read_text(encoding="utf-8")
        assert 'href="p/about.html"' in (out / "index.html").read_text(encoding="utf-8")
    # A project deleted since the last build: its short URL goes, the document stays.
    glossary = src / "glossary.md"
    glossary.write_text(re.sub(r":::\{project\} Tacker\n.*?:::\n", "", glossary.read_text(encoding="utf-8"),
                               flags=re.S), encoding="utf-8")
    app = build(src, "html")
    out = Path(app.outdir)
    assert not (out / "p" / "tacker.html").exists()
    assert (out / "p" / "about.html").exists() and (out / "p" / "nova.html").exists()
    # Switched off: only what the manifest lists is removed.
    app = build(src, "html", summit_exports=False)
    assert (out / "p" / "about.html").exists() and not (out / "p" / "nova.html").exists()


def test_a_file_we_did_not_write_survives(src):
    app = build(src, "html")
    out = Path(app.outdir)
    mine = out / "s" / "notes.html"
    mine.write_text("someone else's file", encoding="utf-8")
    (src / "reports" / "2018-05-vancouver.md").write_text(
        (src / "reports" / "2018-05-vancouver.md").read_text(encoding="utf-8").replace(
            "{session} japanese-session", "{session} japanese-session-renamed"), encoding="utf-8")
    build(src, "html")
    assert mine.read_text(encoding="utf-8") == "someone else's file"
    assert not (out / "s" / "japanese-session.html").exists()  # ours, stale: removed
    assert (out / "s" / "japanese-session-renamed.html").exists()


def test_a_document_at_a_short_url_is_warned_about_and_kept(src):
    _add_document(src, "p/nova", "Nova notes")
    for _ in range(2):  # on every build, not only when the glossary is read
        app = build(src, "html")
        lines = warnings(app)
        assert len(lines) == 1, lines
        assert re.search(r"glossary\.md:\d+: WARNING: the short URL p/nova\.html of project 'nova' is the page "
                         r"of document 'p/nova': the short URL is not written \(rename the document or the id\) "
                         r"\[summit\.export\]$", lines[0]), lines
        page = (Path(app.outdir) / "p" / "nova.html").read_text(encoding="utf-8")
        assert "An author's own page." in page and "http-equiv" not in page
    line = int(re.search(r"glossary\.md:(\d+):", lines[0]).group(1))
    assert (src / "glossary.md").read_text(encoding="utf-8").splitlines()[line - 1].startswith(":::{project} Nova")


def test_the_latex_package_is_refreshed(src, monkeypatch, tmp_path):
    from summit import latex

    package = tmp_path / "summit.sty"
    shutil.copy(latex.LATEX_PACKAGE, package)
    monkeypatch.setattr(latex, "LATEX_PACKAGE", package)
    build(src, "latex")
    package.write_text(package.read_text(encoding="utf-8") + "% edited\n", encoding="utf-8")
    app = build(src, "latex")
    assert warnings(app) == []
    assert (Path(app.outdir) / "summit.sty").read_text(encoding="utf-8").endswith("% edited\n")


def test_the_stylesheet_is_refreshed(src):
    (src / "_static").mkdir()
    (src / "_static" / "book.css").write_text("a { color: red }\n", encoding="utf-8")
    (src / "conf.py").write_text((src / "conf.py").read_text(encoding="utf-8")
                                 + 'html_static_path = ["_static"]\nhtml_css_files = ["book.css"]\n',
                                 encoding="utf-8")
    build(src, "html")
    (src / "_static" / "book.css").write_text("a { color: blue }\n", encoding="utf-8")
    app = build(src, "html")
    assert (Path(app.outdir) / "_static" / "book.css").read_text(encoding="utf-8") == "a { color: blue }\n"
