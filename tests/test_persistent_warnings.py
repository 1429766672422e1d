"""Warnings that stay until fixed: a rebuild with no change reports the same warnings (text,
file:line, subtype) and fails under -W; after the fix the next incremental build is clean.
The reproduction is the one an author met: a new Denver chapter with two projects the glossary
lacks, a misspelt one, and a session dated after the event."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

DENVER = """\
# Denver 2019

:::{event} denver-2019
:name: Open Infrastructure Summit Denver 2019
:kind: summit
:start: 2019-04-29
:end: 2019-05-01
:::

## Placement

:::{session} denver-placement
:projects: Placment, Nova
:date: 2019-05-03
:::

Placement が Nova から独立した。

## Edge

:::{session} denver-edge
:projects: StarlingX, Airship
:::

エッジの話。
"""

EXPECTED = [
    ("reports/2019-04-denver.md:12", "session date 2019-05-03 is outside its event (2019-04-29 to 2019-05-01)",
     "date"),
    ("reports/2019-04-denver.md:12", "unknown project 'Placment' (プロジェクト)", "unknown"),
    ("reports/2019-04-denver.md:21", "unknown project 'StarlingX' (プロジェクト)", "unknown"),
    ("reports/2019-04-denver.md:21", "unknown project 'Airship' (プロジェクト)", "unknown"),
]


def build(src: Path, out: Path, *extra: str) -> tuple[int, list[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", str(src), str(out / "html"), "-d", str(out / "doctrees"),
         "-n", "-W", "--keep-going", *extra],
        capture_output=True, text=True, check=False, env=env,
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr)
    lines = sorted(line.replace(f"{src}/", "") for line in text.splitlines() if "WARNING" in line)
    return result.returncode, lines, result.stdout


def expected_lines() -> list[str]:
    return sorted(f"{where}: WARNING: {text}" for where, text, _ in EXPECTED)


def matches(lines: list[str]) -> bool:
    wanted = expected_lines()
    return len(lines) == len(wanted) and all(
        line.startswith(w) and line.endswith(f"[summit.{subtype}]")
        for line, w, (*_, subtype) in zip(lines, wanted, sorted(EXPECTED, key=lambda e: f"{e[0]}: WARNING: {e[1]}"),
                                          strict=True))


@pytest.fixture
def book(rootdir, tmp_path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    (src / "reports" / "2019-04-denver.md").write_text(DENVER, encoding="utf-8")
    return src


@pytest.mark.parametrize("jobs", [[], ["-j", "2"]], ids=["serial", "parallel"])
def test_denver_warnings_stay_until_fixed(book, tmp_path, jobs):
    out = tmp_path / "_build"
    first_rc, first, _ = build(book, out, *jobs)
    assert first_rc != 0 and matches(first), first
    again_rc, again, stdout = build(book, out, *jobs)  # nothing changed: nothing re-read
    assert again == first, again
    assert again_rc != 0
    assert "no document was re-read" in stdout
    # The fix: the projects declared, the name corrected, the date inside the event.
    glossary = book / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        + "\n:::{project} StarlingX\nエッジ向けの基盤。\n:::\n\n:::{project} Airship\nデプロイ。\n:::\n",
                        encoding="utf-8")
    chapter = book / "reports" / "2019-04-denver.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("Placment, Nova", "Nova").replace(
        "2019-05-03", "2019-04-30"), encoding="utf-8")
    fixed_rc, fixed, _ = build(book, out, *jobs)
    assert fixed == [] and fixed_rc == 0
    still_rc, still, _ = build(book, out, *jobs)
    assert still == [] and still_rc == 0


def test_a_glossary_edit_breaks_and_fixes_an_unread_chapter(book, tmp_path):
    """Cross-document: the chapter is not re-read; its warning follows the glossary."""
    chapter = book / "reports" / "2019-04-denver.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("Placment, Nova", "Nova").replace(
        "2019-05-03", "2019-04-30").replace("StarlingX, Airship", "Tacker"), encoding="utf-8")
    out = tmp_path / "_build"
    assert build(book, out)[:2] == (0, [])
    glossary = book / "glossary.md"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(re.sub(r":::\{project\} Tacker\n.*?:::\n", "", text, flags=re.S), encoding="utf-8")
    broken = build(book, out)
    assert broken[0] != 0 and any("reports/2019-04-denver.md:21: WARNING: unknown project 'Tacker'" in line
                                  for line in broken[1]), broken[1]
    assert any("reports/2018-05-vancouver.md" in line and "'Tacker'" in line for line in broken[1]), broken[1]
    assert build(book, out)[1] == broken[1]  # and again, with nothing changed
    glossary.write_text(text, encoding="utf-8")
    assert build(book, out)[:2] == (0, [])
    assert build(book, out)[:2] == (0, [])


def test_suppressed_warnings_stay_suppressed(book, tmp_path):
    out = tmp_path / "_build"
    extra = ["-D", "suppress_warnings=summit.unknown"]
    first = build(book, out, *extra)[1]
    assert [line for line in first if "[summit.unknown]" in line] == [] and len(first) == 1
    assert build(book, out, *extra)[1] == first
