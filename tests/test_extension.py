"""The summit extension on a small book: anchors, metadata, back-references, indices, inventory."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import entry, html, inventory, project_index_counts, section, warnings


@pytest.fixture(scope="module")
def built(build_root):
    return build_root("basic", "html")


def test_clean_build(built):
    assert warnings(built) == []


def test_session_section_carries_stable_anchor(built):
    page = html(built, "reports/2018-05-vancouver")
    assert '<section id="session-cern-cells-v1-to-v2">' in page
    # The Japanese-titled session gets the same kind of anchor, not "id3".
    assert '<section id="session-japanese-session">' in page
    assert '<span id="summit-session-japanese-session"></span>' in page


def test_session_metadata_block(built):
    block = section(html(built, "reports/2018-05-vancouver"), "session-cern-cells-v1-to-v2", "</dl>")
    # Badges show the declared name even where the author wrote an alias (CellsV2).
    assert re.search(r'href="../glossary.html#project-cells-v2"[^>]*><span class="summit-badge[^"]*">Cells v2<', block)
    assert 'href="../releases.html#release-rocky"' in block
    # Option values are text, exactly as written: quotes and " #" survive.
    assert "CERN、&quot;Tim&quot; Bell # host" in block
    assert "講演" in block and "2018年5月22日" in block
    assert 'href="https://example.org/slides"' in block


def test_event_block(built):
    page = html(built, "reports/2018-05-vancouver")
    block = section(page, "event-vancouver-2018", "</dl>")
    assert "2018年5月21日〜24日" in block
    assert "バンクーバー (Vancouver Convention Centre)" in block
    assert "サミット" in block
    assert 'href="../releases.html#release-rocky"' in block
    assert "bibliography.html#" in block  # the source is cited
    assert "2 セッション" in block


def test_glossary_back_references(built):
    page = html(built, "glossary")
    cells = entry(page, "project-cells-v2")
    assert "1 件" in cells
    assert 'href="reports/2018-05-vancouver.html#session-cern-cells-v1-to-v2"' in cells
    assert 'href="reports/2018-05-vancouver.html#event-vancouver-2018"' in cells
    assert "（2018年5月22日）" in cells
    # A {project} role inside the session's section makes it concern Neutron too.
    assert "#session-cern-cells-v1-to-v2" in entry(page, "project-neutron")
    # Open vSwitch is named nowhere: zero sessions, said plainly.
    assert "0 件" in entry(page, "project-open-vswitch")
    # Sub-projects are listed under their parent.
    assert 'href="#project-cells-v2"' in entry(page, "project-nova")
    assert 'href="#project-ovn"' in entry(page, "project-open-vswitch")


def test_entries_sorted_and_anchored(built):
    page = html(built, "glossary")
    ids = re.findall(r'<dt class="sig sig-object summit" id="project-([a-z0-9-]+)"', page)
    assert ids == ["cells-v2", "neutron", "nova", "ovn", "open-vswitch", "tacker"]


def test_release_page(built):
    page = html(built, "releases")
    rocky = entry(page, "release-rocky")
    assert 'href="reports/2018-05-vancouver.html#event-vancouver-2018"' in rocky  # cycle of the event
    assert "#session-cern-cells-v1-to-v2" in rocky
    queens = entry(page, "release-queens")  # named only through a role in the session's text
    assert "#session-cern-cells-v1-to-v2" in queens
    assert "2018年2月28日" in queens


def test_domain_indices(built):
    projects = html(built, "summit-projects")
    # Every project once under its initial with its session count, then its sessions.
    assert project_index_counts(projects, "tacker") == [1]
    assert project_index_counts(projects, "cells-v2") == [1]
    assert project_index_counts(projects, "open-vswitch") == [0]
    tacker = projects.index("#project-tacker")
    following = projects.find("glossary.html#project-", tacker + 1)
    rows = projects[tacker:following if following > 0 else None]
    assert rows.count("#session-") == 1 and "reports/2018-05-vancouver.html#session-japanese-session" in rows
    releases = html(built, "summit-releases")
    assert 'href="releases.html#release-newton"' in releases
    assert releases.index("Newton") < releases.index("Queens") < releases.index("Rocky")


def test_general_index(built):
    genindex = html(built, "genindex")
    assert "Cells v2 (プロジェクト)" in genindex
    assert "Moving from CellsV1 to CellsV2 at CERN (セッション)" in genindex
    assert "OpenStack Summit Vancouver 2018 (イベント)" in genindex


def test_roles_resolve_to_titles(built):
    page = html(built, "reports/2018-05-vancouver")
    assert re.search(r'href="#session-cern-cells-v1-to-v2"[^>]*><span[^>]*>Moving from CellsV1 to CellsV2 at CERN<', page)
    assert re.search(r'href="#event-vancouver-2018"[^>]*><span[^>]*>OpenStack Summit Vancouver 2018<', page)


def test_inventory_has_objects_and_labels(built):
    inv = inventory(built)
    label = inv["std:label"]["session-japanese-session"]
    assert label.uri.endswith("reports/2018-05-vancouver.html#session-japanese-session")
    assert label.display_name == "日本語のセッション"
    assert inv["std:label"]["project-cells-v2"].display_name == "Cells v2"
    assert inv["std:label"]["event-vancouver-2018"].display_name == "OpenStack Summit Vancouver 2018"
    assert inv["std:label"]["release-rocky"].uri.endswith("releases.html#release-rocky")
    session = inv["summit:session"]["cern-cells-v1-to-v2"]
    assert session.uri.endswith("#summit-session-cern-cells-v1-to-v2")
    assert set(inv["summit:project"]) == {"cells-v2", "neutron", "nova", "ovn", "open-vswitch", "tacker"}
    assert set(inv["summit:release"]) == {"newton", "queens", "rocky"}
    assert set(inv["summit:event"]) == {"vancouver-2018"}


def test_search_index_anchor_lands_on_session(built):
    """The search index keeps our anchor whole; a '-' would be rebuilt from the Japanese title."""
    text = (Path(built.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    docnames = index["docnames"]
    anchors = {}
    for entries in index["objects"].values():
        for doc, _type, _prio, anchor, name in entries:
            anchors[name] = (docnames[doc], anchor)
    assert anchors["日本語のセッション"] == ("reports/2018-05-vancouver", "summit-session-japanese-session")
    page = html(built, "reports/2018-05-vancouver")
    assert 'id="summit-session-japanese-session"' in page


@pytest.fixture(scope="module")
def latex(build_root):
    app = build_root("basic", "latex")
    return app, next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")


def test_latex_labels_and_page_references(latex):
    app, tex = latex
    assert warnings(app) == []
    for target in ("reports/2018-05-vancouver:session-cern-cells-v1-to-v2",
                   "reports/2018-05-vancouver:event-vancouver-2018",
                   "glossary:project-cells-v2", "releases:release-rocky"):
        assert r"\label{\detokenize{%s}}" % target in tex
    # Back-references print page numbers for paper readers.
    assert r"\summitpageref{\detokenize{reports/2018-05-vancouver:session-cern-cells-v1-to-v2}}" in tex
    assert r"\hyperref[\detokenize{glossary:project-cells-v2}]" in tex
    assert r"\index{Cells v2 (プロジェクト)" in tex
