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
