"""The session finder, in Chromium: a URL with filters shows exactly the sessions summit.json says
it should, a change of filter updates the URL, back and forward restore the state; without
JavaScript the page is the whole list."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from browser_support import build_book, chromium, serve


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_book(tmp_path_factory.mktemp("finder-book"))


@pytest.fixture(scope="module")
def export(site) -> dict:
    return json.loads((site / "summit.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(site):
    with serve(site) as base, chromium(why="the finder runs in Debian's chromium") as browser:
        page = browser.new_page()
        page.base = base
        yield page


def shown(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('.summit-finder-list > li'))
        .filter(li => !li.hidden).map(li => li.id.slice('finder-'.length))""")


def descendants(export: dict, pid: str) -> set[str]:
    found, changed = {pid}, True
    while changed:
        changed = False
        for project in export["projects"]:
            if project["parent"] in found and project["id"] not in found:
                found.add(project["id"])
                changed = True
    return found


def test_without_javascript_every_session_is_listed(site, export):
    text = (site / "finder.html").read_text(encoding="utf-8")
    assert all(f'id="finder-{s["id"]}"' in text for s in export["sessions"])


def test_filters_from_the_url(page, export):
    page.goto(urljoin(page.base, "finder.html?project=neutron&release=liberty"))
    neutron = descendants(export, "neutron")
    expected = [s["id"] for s in export["sessions"] if neutron & set(s["projects"]) and "liberty" in s["releases"]]
    assert expected and shown(page) == expected
    assert page.input_value("#summit-finder-project") == "neutron"
    assert page.text_content(".summit-finder-count").startswith(f"{len(expected)} 件（全 {len(export['sessions'])} 件）")
    # A parent selects its sub-projects: Nova's includes the Cells v2 sessions.
    page.goto(urljoin(page.base, "finder.html?project=nova"))
    nova = descendants(export, "nova")
    assert "cells-v2" in nova
    assert shown(page) == [s["id"] for s in export["sessions"] if nova & set(s["projects"])]
    page.goto(urljoin(page.base, "finder.html?q=cern"))
    assert set(shown(page)) >= {"yvr18-cern-cells-v1-to-v2", "yvr18-keynote-cern-demo"}


def test_a_change_updates_the_url_and_history_restores_it(page, export):
    page.goto(urljoin(page.base, "finder.html"))
    assert len(shown(page)) == len(export["sessions"])
    page.select_option("#summit-finder-event", "vancouver-2018")
    assert page.url.endswith("finder.html?event=vancouver-2018")
    in_event = [s["id"] for s in export["sessions"] if s["event"] == "vancouver-2018"]
    assert shown(page) == in_event
    page.select_option("#summit-finder-track", "forum")
    assert "track=forum" in page.url
    forum = [s["id"] for s in export["sessions"] if s["event"] == "vancouver-2018" and s["track"] == "forum"]
    assert shown(page) == forum
    page.go_back()
    assert page.url.endswith("finder.html?event=vancouver-2018") and shown(page) == in_event
    assert page.input_value("#summit-finder-track") == ""
    page.go_forward()
    assert shown(page) == forum
    page.click(".summit-finder-clear")
    assert page.url.endswith("finder.html") and len(shown(page)) == len(export["sessions"])
