"""Every builder, every rebuild: the real book and the test roots under html, dirhtml, singlehtml,
epub, latex, text and json, built as ``make`` builds them (``-n -W --keep-going``): on a clean tree,
again with no change, and again after a one-paragraph edit. No warning, and right output each time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "json"]
#: (book, chapter to edit, a paragraph of it, a session id in it)
BOOKS = {
    "book": ("reports/2018-05-vancouver", "だいぶ落ちついてきたなと感じた。",
             "yvr18-cern-cells-v1-to-v2"),
    "basic": ("reports/2018-05-vancouver", "CERN は {project}`OVN` ではなく", "cern-cells-v1-to-v2"),
    "rst": ("reports/2018-06-rest", "CERN は :project:`Neutron` を使う。", "rest-cern"),
}
EDIT = "（編集して加えた一文。）"


def copy_book(name: str, to: Path) -> tuple[Path, Path]:
    """A private copy: (source folder, conf folder)."""
    if name == "book":
        for item in ("conf.py", "_ext", "_static", "docs"):
            (shutil.copytree if (ROOT / item).is_dir() else shutil.copy)(ROOT / item, to / item)
        return to / "docs", to
    shutil.copytree(ROOT / "tests" / "roots" / f"test-{name}", to / "src")
    if name == "rst":  # the warnings of this root are the point of test_rst.py: keep the good parts
        for path in (to / "src").rglob("*"):
            if path.suffix in (".md", ".rst"):
                text = path.read_text(encoding="utf-8")
                text = re.sub(r"^\s*:speaker: typo\n", "", text, flags=re.M)
                text = text.replace("Tacker,", "Tacker").replace("Quantum,", "Quantum").replace(
                    ":date: 2018-05-30", ":date: 2018-05-23")
                path.write_text(text, encoding="utf-8")
    return to / "src", to / "src"


def sphinx_build(builder: str, src: Path, conf: Path, out: Path) -> list[str]:
    """Run as the Makefile does; return the warnings (the build must also succeed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "_ext"), "SOURCE_DATE_EPOCH": "1764633600"}
    env.pop("SUMMIT_BASEURL", None)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, str(src), str(out / builder), "-c", str(conf),
         "-d", str(out / "doctrees" / builder), "-n", "-W", "--keep-going", "-q"],
        capture_output=True, text=True, check=False, env=env,
    )
    problems = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    assert result.returncode == 0 or problems, result.stderr
    return problems


def page_of(builder: str, out: Path, docname: str) -> str:
    folder = out / builder
    if builder == "html":
        return (folder / f"{docname}.html").read_text(encoding="utf-8")
    if builder == "dirhtml":
        return (folder / docname / "index.html").read_text(encoding="utf-8")
    if builder == "singlehtml":
        return (folder / "index.html").read_text(encoding="utf-8")
    if builder == "epub":
        return (folder / f"{docname}.xhtml").read_text(encoding="utf-8")
    if builder == "latex":
        return "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.tex"))
    if builder == "text":
        return (folder / f"{docname}.txt").read_text(encoding="utf-8")
    if builder == "json":
        return json.loads((folder / f"{docname}.fjson").read_text(encoding="utf-8"))["body"]
    raise ValueError(builder)


def check_output(builder: str, out: Path, chapter: str, session: str, edited: bool) -> None:
    folder = out / builder
    page = page_of(builder, out, chapter)
    exports = [p for p in ("s", "p", "r", "e", "summit.json", "feeds") if (folder / p).exists()]
    if builder in ("html", "dirhtml"):
        assert exports == ["s", "p", "r", "e", "summit.json", "feeds"], exports
        short = (folder / "s" / f"{session}.html").read_text(encoding="utf-8")
        slash = "/" if builder == "dirhtml" else ".html"
        assert f'url=../{chapter}{slash}#session-{session}"' in short, short
        assert f'id="session-{session}"' in page
        if builder == "dirhtml":  # every link to a page ends in "/" (or names a file)
            links = re.findall(r'<a [^>]*href="((?!https?:|mailto:|#)[^"]*)"', page)
            assert links and all(re.search(r"(/|\.html|\.txt|\.bib|\.json|\.png)(#[^\"]*)?$", link)
                                 for link in links), [link for link in links if ".html" in link][:5]
    else:
        assert exports == [], f"{builder} got the site's exports: {exports}"
    if builder == "singlehtml":
        # (a bare "#" is the theme's "back to top")
        links = [link for link in re.findall(r'<a [^>]*href="((?!https?:|mailto:)[^"]*)"', page) if link != "#"]
        outside = [link for link in links if not link.startswith("#") and not link.startswith("_static/")]
        assert outside == [], outside[:10]
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        missing = [link for link in links if link.startswith("#") and link[1:] not in ids]
        assert missing == [], missing[:10]
        assert f'href="#session-{session}"' in page
    if builder == "epub":
        assert len(list(folder.glob("*.epub"))) == 1
        assert f'id="session-{session}"' in page
    if builder == "latex":
        assert f"\\label{{\\detokenize{{{chapter.split('/')[-1]}:session-{session}}}}}" in page \
            or f"session-{session}" in page
        assert (folder / "summit.sty").exists()
    if builder == "text":  # the metadata block, as text
        assert "プロジェクト" in page and "リリース" in page
    if builder == "json":
        assert f'id="session-{session}"' in page and 'class="summit-session' in page
    assert (EDIT in page) == edited, f"{builder}: the edit is {'missing' if edited else 'there already'}"


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("book", list(BOOKS))
def test_clean_rebuild_and_edit(book, builder, tmp_path, record_property):
    chapter, paragraph, session = BOOKS[book]
    src, conf = copy_book(book, tmp_path)
    out = tmp_path / "_build"
    counts = []
    for step in ("clean", "no change", "after edit"):
        if step == "after edit":
            source = next(src.glob(f"{chapter}.*"))
            text = source.read_text(encoding="utf-8")
            assert paragraph in text, f"{book}: the paragraph to edit is gone from {source.name}"
            source.write_text(text.replace(paragraph, paragraph + EDIT, 1), encoding="utf-8")
        problems = sphinx_build(builder, src, conf, out)
        counts.append(len(problems))
        assert problems == [], f"{book}/{builder}/{step}:\n" + "\n".join(problems)
        check_output(builder, out, chapter, session, edited=step == "after edit")
    record_property("warnings", counts)
