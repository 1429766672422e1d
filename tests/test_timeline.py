"""The timeline: consecutive release cycles and the events at their dates, from the declarations;
inline SVG on the web, an SVG image in the e-book, TikZ in the booklet; it moves with the book."""

from __future__ import annotations

import re
import shutil
from datetime import date
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from helpers import html, warnings

RELEASES = [("rocky", "Rocky", "", "2018-08-30"), ("newton", "Newton", "", "2016-10-06"),
            ("queens", "Queens", "", "2018-02-28"), ("undated", "Undated", "", "")]
EVENTS = [("a", "Event A with a long name", "2017-05-08", "2017-05-11"),
          ("b", "Event B", "2017-06-01", ""), ("c", "Event C", "2018-11-13", "2018-11-15")]


def test_layout():
    from summit.timeline import layout

    plan = layout(RELEASES, EVENTS)
    # Consecutive cycles, each from the previous release to its own; undated releases are left out.
    assert [(c.name, c.start, c.end) for c in plan.cycles] == [
        ("Queens", date(2016, 10, 6), date(2018, 2, 28)), ("Rocky", date(2018, 2, 28), date(2018, 8, 30))]
    assert (plan.first, plan.last) == (date(2016, 1, 1), date(2019, 1, 1))
    lanes = {m.target: m.lane for m in plan.events}
    # B's label would run into A's: the next lane; A's long label still runs past C: the first free one.
    assert lanes == {"a": 0, "b": 1, "c": 1}
    assert plan.fraction(date(2017, 7, 2)) == (date(2017, 7, 2) - date(2016, 1, 1)).days / 1096


def build(src: Path, builder: str) -> SphinxTestApp:
    app = SphinxTestApp(builder, srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def book(rootdir: Path, tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    releases = src / "releases.md"
    releases.write_text(releases.read_text(encoding="utf-8").replace("# リリース一覧\n",
                                                                     "# リリース一覧\n\n```{summit-timeline}\n```\n"),
                        encoding="utf-8")
    return src


def test_web_epub_and_print(rootdir, tmp_path):
    src = book(rootdir, tmp_path)
    web = build(src, "html")
    assert warnings(web) == []
    page = html(web, "releases")
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'role="group"' in svg and "<title" in svg
    assert '<a href="#release-rocky">' in svg  # on its own page: an anchor
    assert '<a href="reports/2018-05-vancouver.html#event-vancouver-2018">' in svg
    assert ">OpenStack Summit Vancouver 2018</text>" in svg and ">Rocky</text>" in svg
    epub = build(src, "epub")
    assert warnings(epub) == []
    image = Path(epub.outdir) / "_images" / "summit-timeline.svg"
    assert image.exists() and 'role="img"' in image.read_text(encoding="utf-8")
    xhtml = (Path(epub.outdir) / "releases.xhtml").read_text(encoding="utf-8")
    assert 'src="_images/summit-timeline.svg"' in xhtml and "<svg" not in xhtml
    assert 'href="reports/2018-05-vancouver.xhtml#event-vancouver-2018"' in xhtml  # the events as links too
    latex = build(src, "latex")
    tex = "".join(p.read_text(encoding="utf-8") for p in Path(latex.outdir).glob("*.tex"))
    assert r"\begin{tikzpicture}" in tex
    assert r"\hyperref[\detokenize{reports/2018-05-vancouver:event-vancouver-2018}]" in tex
    text = build(src, "text")
    assert "OpenStack Summit Vancouver 2018" in (Path(text.outdir) / "releases.txt").read_text(encoding="utf-8")


def test_a_new_chapter_moves_it(rootdir, tmp_path):
    src = book(rootdir, tmp_path)
    build(src, "html")
    (src / "reports" / "2016-10-barcelona.md").write_text(
        "# Barcelona\n\n:::{event} barcelona-2016\n:name: Barcelona Summit\n:start: 2016-10-25\n:end: 2016-10-28\n"
        ":::\n", encoding="utf-8")
    app = build(src, "html")  # the releases page is not re-read: it is re-written
    page = html(app, "releases")
    assert '<a href="reports/2016-10-barcelona.html#event-barcelona-2016">' in page
    years = re.findall(r'class="year"[^>]*>(\d{4})<', page)
    assert years[0] == "2016"
