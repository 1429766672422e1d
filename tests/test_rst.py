"""A chapter in reST works exactly like one in MyST: options recognised, values as written,
the same warnings at the directive's line (the root holds the same chapter in both)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import html, warnings


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("rst", "html")


def _line_of(app, path: str, needle: str) -> int:
    lines = (Path(app.srcdir) / path).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def _unprefixed(record):
    """A record with what differs between the twins taken out (docname, line, id prefix)."""
    fields = record._asdict()
    fields.pop("docname"), fields.pop("lineno")
    fields["id"] = fields["id"].split("-", 1)[1]
    if "event" in fields:
        fields["event"] = fields["event"].split("-", 1)[1]
    return fields


def test_same_declarations(app):
    catalog = app.env.domains["summit"].catalog
    myst = sorted((_unprefixed(s) for s in catalog.sessions.values() if s.id.startswith("myst-")),
                  key=lambda f: f["id"])
    rest = sorted((_unprefixed(s) for s in catalog.sessions.values() if s.id.startswith("rest-")),
                  key=lambda f: f["id"])
    assert len(myst) == 2 and myst == rest
    # Values exactly as written, in both: quotes and " #" are text.
    assert catalog.sessions["rest-cern"].speakers == ("CERN", '"Tim" Bell # host')
    assert _unprefixed(catalog.events["myst-2018"]) == _unprefixed(catalog.events["rest-2018"])
    assert catalog.events["rest-2018"].name == "OpenStack Summit Vancouver 2018"


def test_rst_entries_and_continuation_lines(app):
    catalog = app.env.domains["summit"].catalog
    cells = catalog.projects["cells-v2"]
    assert cells.aliases == ("CellsV2", "Nova cells v2") and cells.parent == "Nova"
    assert cells.url == "https://docs.openstack.org/nova/latest/admin/cells.html"
    page = html(app, "glossary-rst")
    assert "Nova のセル機能の第 2 版。" in page and 'id="project-tacker"' in page


def test_same_warnings_at_the_directive_line(app):
    lines = warnings(app)
    per_file: dict[str, list[str]] = {}
    for line in lines:
        match = re.match(r".*?reports/(2018-05-myst\.md|2018-06-rest\.rst):(\d+): WARNING: (.*)$", line)
        if match:
            per_file.setdefault(match.group(1), []).append((int(match.group(2)), match.group(3)))
    myst, rest = per_file["2018-05-myst.md"], per_file["2018-06-rest.rst"]
    assert [text for _, text in myst] == [text for _, text in rest]
    assert {text for _, text in myst} == {
        "unknown option :speaker: of {session} (allowed: :projects:, :releases:, :speakers:, :track:, :date:, "
        ":links:) [summit.option]",
        "empty item in :projects: (a doubled or trailing comma?) [summit.option]",
        "session date 2018-05-30 is outside its event (2018-05-21 to 2018-05-24) [summit.date]",
    }
    assert {n for n, _ in myst} == {_line_of(app, "reports/2018-05-myst.md", "{session} myst-japanese")}
    assert {n for n, _ in rest} == {_line_of(app, "reports/2018-06-rest.rst", "session:: rest-japanese")}


def test_one_warning_per_bad_list(app):
    """``:aliases: Quantum,`` is read once: one warning, not two."""
    lines = [line for line in warnings(app) if "glossary.md" in line]
    assert len(lines) == 1 and "empty item in :aliases:" in lines[0], lines
    assert len(warnings(app)) == 7, warnings(app)


def test_rst_session_rendered_like_myst(app):
    page = html(app, "reports/2018-06-rest")
    assert '<section id="session-rest-cern">' in page
    assert "CERN、&quot;Tim&quot; Bell # host" in page
    assert 'href="../glossary.html#project-neutron"' in page
