"""make new: a new chapter and its bibliography stub from validated values; the book still
builds with no warning; bad input writes nothing and says why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = {"ID": "denver-2019", "NAME": "Open Infrastructure Summit Denver 2019", "KIND": "summit",
        "START": "2019-04-29", "END": "2019-05-01", "PLACE": "denver", "LOCATION": "デンバー", "CYCLE": "Stein"}


@pytest.fixture
def book(tmp_path) -> Path:
    for item in ("conf.py", "_ext", "_static", "docs"):
        (shutil.copytree if (ROOT / item).is_dir() else shutil.copy)(ROOT / item, tmp_path / item)
    return tmp_path


def make_new(book: Path, **values: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    return subprocess.run(["make", "-s", "-C", str(ROOT), "new", f"SOURCEDIR={book / 'docs'}",
                           *(f"{key}={value}" for key, value in values.items())],
                          capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)


def snapshot(book: Path) -> dict[str, bytes]:
    return {str(p.relative_to(book)): p.read_bytes() for p in (book / "docs").rglob("*") if p.is_file()}


def test_new_chapter_builds_cleanly(book):
    result = make_new(book, **GOOD)
    assert result.returncode == 0, result.stderr
    chapter = book / "docs" / "reports" / "2019-04-denver.md"
    text = chapter.read_text(encoding="utf-8")
    assert ":::{event} denver-2019\n:name: Open Infrastructure Summit Denver 2019\n:kind: summit\n" in text
    assert ":cycle: Stein\n:source: report-denver-2019\n" in text
    assert ":::{session} denver-2019-first" in text
    assert "@misc{report-denver-2019," in (book / "docs" / "references.bib").read_text(encoding="utf-8")
    assert "次にすること" in result.stdout and "make livehtml" in result.stdout
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "html", str(book / "docs"), str(book / "_build"), "-c", str(book),
         "-n", "-W", "--keep-going", "-q"],
        capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(book / "_ext")})
    assert build.returncode == 0 and build.stderr.strip() == "", build.stderr
    page = (book / "_build" / "html" / "reports" / "2019-04-denver.html").read_text(encoding="utf-8")
    assert 'id="event-denver-2019"' in page and 'id="session-denver-2019-first"' in page
    # Again: refused, nothing touched.
    before = snapshot(book)
    again = make_new(book, **GOOD)
    assert again.returncode != 0 and "exists already: nothing written" in again.stderr
    assert snapshot(book) == before


@pytest.mark.parametrize(("change", "message"), [
    ({"ID": "Denver 2019"}, "id 'Denver 2019': use lower-case ASCII letters, digits and hyphens, e.g. 'denver-2019'"),
    ({"KIND": "conference"}, "unknown kind 'conference' (one of: summit, design-summit,"),
    ({"START": "2019-02-30"}, "start: '2019-02-30' is impossible: 2019-02 has 28 days"),
    ({"END": "2019-04-01"}, "the event ends (2019-04-01) before it starts (2019-04-29)"),
    ({"PLACE": "Denver!"}, "place 'Denver!': use lower-case ASCII letters, digits and hyphens, e.g. 'denver'"),
    ({"CYCLE": "Stine"}, "unknown release 'Stine' for the cycle (declared in docs/releases.md)"),
    ({"ID": "vancouver-2018", "START": "2018-06-01", "END": "2018-06-02", "PLACE": "again"},
     "event id 'vancouver-2018' is taken by another chapter: nothing written"),
])
def test_bad_input_writes_nothing(book, change, message):
    before = snapshot(book)
    result = make_new(book, **{**GOOD, **change})
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    assert snapshot(book) == before


def test_missing_values_are_asked_for(book):
    """Interactive: what the command line leaves out is read from the terminal."""
    from summit.new import main

    answers = iter(["nyc-2020", "Some Summit", "forum", "2020-03-01", "", "nyc", "", ""])
    assert main(["--docs", str(book / "docs")], read=lambda prompt: next(answers)) == 0
    assert (book / "docs" / "reports" / "2020-03-nyc.md").exists()
