"""The real book, built as `make html` builds it: clean, complete, and faithful to its seeds."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIDELITY = ROOT / "tests" / "fidelity"
CHAPTERS = sorted(p.stem for p in (DOCS / "reports").glob("*.md"))


def sphinx_build(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    """Exactly what the Makefile runs: nitpicky, warnings are errors, keep going to list them all."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", builder, str(DOCS), str(out), "-c", str(ROOT),
         "-n", "-W", "--keep-going", "-q"],
        capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="module")
def html_book(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book")
    result = sphinx_build("html", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
    return out / "html"


@pytest.fixture(scope="module")
def inventory(html_book):
    return InventoryFile.loads((html_book / "objects.inv").read_bytes(), uri="").data


def test_five_chapters():
    assert len(CHAPTERS) == 5
    assert all(re.fullmatch(r"\d{4}-\d{2}-[a-z0-9-]+", name) for name in CHAPTERS)


def test_each_chapter_declares_one_event(inventory):
    events = inventory["summit:event"]
    chapters = sorted(item.uri.split("#")[0] for item in events.values())
    assert chapters == [f"reports/{name}.html" for name in CHAPTERS]
    for name, item in events.items():
        assert inventory["std:label"][f"event-{name}"].uri == item.uri.replace("summit-event-", "event-")


def test_every_session_is_in_the_inventory_and_the_page(inventory, html_book):
    sessions = inventory["summit:session"]
    assert len(sessions) >= 80
    for ident, item in sessions.items():
        page = (html_book / item.uri.split("#")[0]).read_text(encoding="utf-8")
        assert f'<section id="session-{ident}">' in page


def test_every_project_and_release_is_reachable_from_the_indices(inventory, html_book):
    projects = (html_book / "summit-projects.html").read_text(encoding="utf-8")
    for ident in inventory["summit:project"]:
        assert f'href="glossary.html#project-{ident}"' in projects, ident
    releases = (html_book / "summit-releases.html").read_text(encoding="utf-8")
    for ident in inventory["summit:release"]:
        assert f'href="releases.html#release-{ident}"' in releases, ident


def test_required_glossary_entries(inventory):
    projects = inventory["summit:project"]
    for ident in ("cells-v2", "ovn", "tacker", "neutron", "nova"):
        assert ident in projects


def test_releases_from_austin_on(inventory):
    releases = inventory["summit:release"]
    assert {"austin", "bexar", "kilo", "liberty", "rocky", "antelope"} <= set(releases)


# -- fidelity ------------------------------------------------------------------------------

_ROLE = re.compile(r"\{restored\}`([^`]*)`")
#: List markers and markup of the seeds' plain-text export: structure, not text.
_MARKERS = re.compile(r"(?:^|\s|(?<=。))[-–•・*]+\s|^[-–•・]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def restorations_in(chapter: str) -> list[tuple[str, str]]:
    from summit.roles import parse_restored

    text = (DOCS / "reports" / f"{chapter}.md").read_text(encoding="utf-8")
    return [parse_restored(m.group(1)) for m in _ROLE.finditer(text)]  # type: ignore[misc]


def fidelity_list(chapter: str) -> dict:
    return tomllib.loads((FIDELITY / f"{chapter}.toml").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_view(html_book: Path, chapter: str) -> str:
    """The chapter's rendered text with each reviewed restoration undone, notes removed.

    Every sentence of the seed must then appear in it: nothing the authors wrote is lost.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((html_book / "reports" / f"{chapter}.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    for link in article.select(".headerlink"):
        link.decompose()
    notes = article.select(".summit-ednote")
    listed = fidelity_list(chapter).get("restored", [])
    assert len(notes) == len(listed)
    for note, item in zip(notes, listed, strict=True):
        restored = note.find_previous_sibling(class_="summit-restored") if item["new"] else None
        if restored is not None:
            assert restored.get_text() == item["new"]
            restored.replace_with(item["old"])
        else:
            note.insert_before(item["old"])
        note.decompose()
    return article.get_text()


def seed_sentences(chapter: str) -> list[str]:
    """The seed as sentences and list items, without the reviewed omissions."""
    seed = (FIDELITY / f"{chapter}.txt").read_text(encoding="utf-8")
    for omitted in fidelity_list(chapter).get("omitted", []):
        assert omitted["text"] in seed, omitted
        seed = seed.replace(omitted["text"], "\n", 1)
    seed = _AUTOLINK.sub(r"\1", seed).replace("`", "")
    sentences = []
    for line in seed.splitlines():
        for item in _MARKERS.split(line):
            for piece in re.split(r"(?<=[。！？])", item):
                if squash(piece):
                    sentences.append(piece.strip())
    return sentences


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_restorations_are_reviewed(chapter):
    """Every {restored} mark is in the reviewed list, and the list has nothing else."""
    listed = [(item["new"], item["old"]) for item in fidelity_list(chapter).get("restored", [])]
    assert restorations_in(chapter) == listed


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_seed_sentence_is_in_the_chapter(chapter, html_book):
    rendered = squash(seed_view(html_book, chapter))
    missing = [sentence for sentence in seed_sentences(chapter) if squash(sentence) not in rendered]
    assert missing == []


def test_fidelity_check_notices_a_dropped_sentence(html_book):
    chapter = "2016-10-barcelona"
    view = squash(seed_view(html_book, chapter))
    sentence = squash(seed_sentences(chapter)[5])
    assert sentence in view
    assert sentence not in view.replace(sentence, "", 1)
