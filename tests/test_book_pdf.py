"""The real book as a PDF booklet: it builds cleanly, embeds its fonts and resolves every reference."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import need_tool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def booklet(tmp_path_factory) -> Path:
    need_tool("uplatex", "latexmk", "mendex", "dvipdfmx", why="the booklet is built with uplatex")
    need_tool("pdftotext", "pdffonts", why="the booklet is read back with poppler-utils")
    out = tmp_path_factory.mktemp("booklet")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(ROOT / "docs"), str(out), "-c", str(ROOT),
         "-n", "-W", "--keep-going", "-q"],
        capture_output=True, text=True, check=False,
    )
    sphinx_warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert sphinx_warnings == []
    pdf = out / "latex" / "openstack-reports.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    return out / "latex"


def pdf_text(latex_dir: Path) -> str:
    pdf = latex_dir / "openstack-reports.pdf"
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_every_font_is_embedded(booklet):
    fonts = subprocess.run(["pdffonts", str(booklet / "openstack-reports.pdf")], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]
    assert fonts
    not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
    assert not_embedded == []


def test_no_undefined_reference(booklet):
    log = (booklet / "openstack-reports.log").read_text(encoding="utf-8", errors="replace")
    assert "undefined references" not in log
    assert not re.search(r"Reference `[^']*' on page \d+ undefined", log)
    assert "??" not in pdf_text(booklet)


def test_chapters_are_in_the_booklet(booklet):
    text = re.sub(r"\s+", "", pdf_text(booklet))
    for chapter in sorted((ROOT / "docs" / "reports").glob("*.md")):
        title = chapter.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
        assert re.sub(r"\s+", "", title) in text, title


def catalog(latex_dir: Path):
    """The book's declarations, from the environment the LaTeX build pickled."""
    import pickle

    from summit.catalog import Catalog

    with open(latex_dir.parent / "doctrees" / "environment.pickle", "rb") as stream:
        env = pickle.load(stream)
    return Catalog(env.domaindata["summit"])


def comparable(text: str) -> str:
    """Whitespace, hyphenation and ligatures of the PDF's text layer do not count."""
    import unicodedata

    return re.sub(r"[\s\-‐]+", "", unicodedata.normalize("NFKC", text))


def test_every_session_title_and_glossary_term_is_printed(booklet):
    text = comparable(pdf_text(booklet))
    book = catalog(booklet)
    missing = [s.title for s in book.sessions.values() if comparable(s.title) not in text]
    missing += [p.name for p in book.projects.values() if comparable(p.name) not in text]
    missing += [r.name for r in book.releases.values() if comparable(r.name) not in text]
    assert len(book.sessions) > 80 and len(book.projects) > 100
    assert missing == []


def test_no_overfull_line_wider_than_5pt(booklet):
    log = (booklet / "openstack-reports.log").read_text(encoding="utf-8", errors="replace")
    widths = [float(w) for w in re.findall(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)", log)]
    assert [w for w in widths if w > 5] == []


def test_indices_and_bibliography_have_page_numbers(booklet):
    text = pdf_text(booklet)
    toc = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "4", str(booklet / "openstack-reports.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert "目次" in toc
    for title in ("参考文献", "プロジェクト索引", "リリース別索引", "索引"):
        assert re.search(rf"{title}\s+\d+", toc), title
    body = text[len(toc):]
    # Entries of the project index carry page numbers, e.g. "Cells v2, 80".
    assert re.search(r"Cells v2, \d+", body[body.index("プロジェクト索引"):])
    assert re.search(r"Rocky.*, \d+", body[body.index("リリース別索引"):])
    # The bibliography is a chapter of its own with the sources, before the indices.
    bib = body.index("参考文献")
    assert bib < body.index("プロジェクト索引")
    assert "emasaka" in body[bib:body.index("プロジェクト索引")]


def test_back_references_print_page_numbers(booklet):
    tex = (booklet / "openstack-reports.tex").read_text(encoding="utf-8")
    assert tex.count(r"\summitpageref{") > 300
    assert re.search(r"（p\.\s*\d+）", pdf_text(booklet))


def test_pdf_metadata_and_japanese_outline(booklet):
    info = subprocess.run(["pdfinfo", str(booklet / "openstack-reports.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"^Title:\s+OpenStack イベント参加報告集$", info, re.M)
    assert re.search(r"^Author:\s+OSS 技術チーム$", info, re.M)
    from pypdf import PdfReader

    reader = PdfReader(booklet / "openstack-reports.pdf")
    assert reader.trailer["/Root"]["/Lang"] == "ja"
    # The outline (bookmarks) is in Japanese, one entry per chapter, in order.
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "日本OpenStackユーザ会第7回勉強会に行ってきた"
    assert {"用語集", "リリース一覧", "参考文献"} <= set(titles)
    # The indices have bookmarks too.
    assert ["プロジェクト索引", "リリース別索引", "登壇者索引", "索引"] == titles[-4:]


def test_title_page_lists_the_events(booklet):
    first_page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(booklet / "openstack-reports.pdf"), "-"],
                                capture_output=True, text=True, check=True).stdout
    assert "OpenStack イベント参加報告集" in first_page
    assert re.search(r"\d{4}\s*年\s*\d+\s*月\s*\d+\s*日版", first_page)
    for name in ("OpenStack Summit Vancouver 2018", "OpenStack Summit Barcelona", "第 7 回勉強会"):
        assert name in first_page
    # The landing page's cards and links are for the web only.
    assert "調べる" not in pdf_text(booklet)
