"""Bad input: one precise warning each, at file:line, with a subtype; the rest still builds."""

from __future__ import annotations

import re

import pytest

from helpers import html, warnings

EXPECTED = [
    ("notes.md:3", "event 'not-a-chapter' outside the chapter folders (reports)", "structure"),
    ("releases.md:7", ":released: '2019-13-01' has no month 13", "date"),
    ("reports/2018-05-a.md:11", "unknown kind 'conference' (one of: summit, design-summit,", "option"),
    ("reports/2018-05-a.md:11", "second event 'second-event' in one chapter (the first is 'vancouver-2018' at line 3)",
     "structure"),
    ("reports/2018-05-a.md:15", "session 'under-title' is directly under the chapter title", "structure"),
    ("reports/2018-05-a.md:22", "session date 2018-06-01 is outside its event (2018-05-21 to 2018-05-24)", "date"),
    ("reports/2018-05-a.md:22", "unknown project 'Nvoa' (プロジェクト) (did you mean 'Nova'?)", "unknown"),
    ("reports/2018-05-a.md:22", "unknown release 'Rokcy' (リリース) (did you mean 'Rocky'?)", "unknown"),
    ("reports/2018-05-a.md:28", "unknown session 'talk-too' (セッション) (did you mean 'talk-two'", "unknown"),
    ("reports/2018-05-a.md:28", "unknown event 'vancuver-2018' (イベント) (did you mean 'vancouver-2018'?)", "unknown"),
    ("reports/2018-05-a.md:28", "unknown project 'Neutorn' (プロジェクト) (did you mean 'Neutron'?)", "unknown"),
    ("reports/2018-05-a.md:32", ":date: '2018-02-30' is impossible: 2018-02 has 28 days", "date"),
    ("reports/2018-05-a.md:38", "invalid session id 'Talk Three!': use lower-case ASCII letters, digits and hyphens, "
     "e.g. 'talk-three'", "id"),
    ("reports/2018-05-a.md:38", ":date: '18-5-21' is not an ISO 8601 date", "date"),
    ("reports/2018-05-a.md:44", "duplicate session id 'talk-one': also declared at line 22", "duplicate"),
    ("reports/2018-06-b.md:5", "duplicate session id 'talk-two': also declared at reports/2018-05-a:32", "duplicate"),
    ("reports/2018-07-c.md:5", "1 session(s) in a document without an {event} (first: 'eventless-talk')",
     "structure"),
    ("reports/2018-06-b.md:10", "event ends (2018-05-21) before it starts (2018-05-24)", "date"),
    ("untitled.md:1", "session 'no-section' is outside any section", "structure"),
    ("glossary.md:14", "duplicate project id 'nova': also declared at glossary:3", "duplicate"),
    ("glossary.md:10", "project alias 'quantum' of 'Quantum Networking' is already the alias of 'Neutron' (glossary:6)",
     "alias"),
    ("glossary.md:17", "unknown parent 'Nvoa' of project 'Placement' (did you mean 'Nova'?)", "parent"),
    ("glossary.md:21", "parent cycle: Alpha -> Beta -> Alpha", "parent"),
    ("conf.py:4", "summit_organisations names 'Nobody Inc', which no session's speakers include", "organisation"),
]


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("warnings", "html")


@pytest.mark.parametrize(("where", "text", "subtype"), EXPECTED, ids=[f"{e[2]}-{e[0]}" for e in EXPECTED])
def test_warning(app, where, text, subtype):
    lines = warnings(app)
    matching = [line for line in lines if f"{where}: WARNING: " in line and text in line]
    assert matching, f"no warning {where}: {text}\n" + "\n".join(lines)
    assert all(line.endswith(f"[summit.{subtype}]") for line in matching), matching


def test_every_warning_is_ours_and_expected(app):
    """Nothing vaguer (Sphinx's own duplicate label, MyST option warnings) doubles our messages."""
    lines = warnings(app)
    assert all("[summit." in line for line in lines), lines
    unexpected = [line for line in lines if not any(f"{w}: WARNING: " in line and t in line for w, t, _ in EXPECTED)]
    # The parent-less cycle member warns too (Beta -> Alpha -> Beta); nothing else is unaccounted for.
    assert [line for line in unexpected if "parent cycle: Beta" not in line] == []


def test_rest_of_book_still_builds(app):
    page = html(app, "reports/2018-05-a")
    # The mistaken session keeps its text and its heading; the good one keeps its anchor.
    assert '<section id="session-talk-two">' in page
    assert "Talk three" in page
    assert '<section id="session-talk-three">' in page  # the proposed slug is used
    # The second event is shown (its text is the author's) but registered nowhere: no anchor,
    # no object; the first keeps both.
    assert '<p class="summit-event-name"><strong>second-event</strong></p>' in page
    assert 'id="event-second-event"' not in page and 'id="summit-event-second-event"' not in page
    assert 'id="event-vancouver-2018"' in page
    assert "second-event" not in app.env.domains["summit"].catalog.events
    # Unknown names stay visible as text, never dropped.
    assert "Nvoa" in page and "Rokcy" in page and "Neutorn" in page


def test_readme_lists_every_subtype():
    from pathlib import Path

    from summit.log import SUBTYPES

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    warnings_part = readme[readme.index("## Warnings"):]
    listed = set(re.findall(r"^\| `summit\.([a-z]+)` \|", warnings_part, flags=re.M))
    assert listed == set(SUBTYPES)
