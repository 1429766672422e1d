"""``:status:`` of a project: what became of it, shown in the glossary, the project index,
the overview and summit.json, and warned about when malformed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import entry, html, warnings


@pytest.fixture(scope="module")
def built(build_root):
    return build_root("basic", "html")


def test_glossary_shows_state_since_and_source(built):
    assert warnings(built) == []
    page = html(built, "glossary")
    cells = entry(page, "project-cells-v2")
    assert "現状" in cells and "summit-status-deprecated" in cells and ">非推奨<" in cells
    assert 'href="releases.html#release-rocky"' in cells  # a release name links to its entry
    assert 'href="https://example.org/cells-notes">出典</a>' in cells
    ovs = entry(page, "project-open-vswitch")
    assert ">移管<" in ovs and "2016年8月1日〜" in ovs
    assert ">開発中<" in entry(page, "project-tacker")
    assert "現状" not in entry(page, "project-nova")  # not known: nothing said


def test_project_index_and_export(built):
    index = html(built, "summit-projects")
    assert "<em>(非推奨 Rocky〜)</em>" in index and "<em>(移管 2016年8月1日〜)</em>" in index
    data = json.loads((Path(built.outdir) / "summit.json").read_text(encoding="utf-8"))
    projects = {p["id"]: p for p in data["projects"]}
    assert projects["cells-v2"]["status"] == {"state": "deprecated", "since": "Rocky",
                                              "source": "https://example.org/cells-notes"}
    assert projects["tacker"]["status"] == {"state": "active", "since": "", "source": ""}
    assert projects["nova"]["status"] is None


def test_overview_badge(build_root, rootdir, tmp_path):
    import shutil
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    (src / "overview.md").write_text("# Overview\n\n```{summit-overview}\n```\n", encoding="utf-8")
    index = src / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("glossary\n", "glossary\noverview\n"),
                     encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    page = html(app, "overview")
    row = page[page.index('href="glossary.html#project-cells-v2"'):]
    row = row[:row.index("</tr>")]
    assert "summit-status-deprecated" in row
    assert "summit-status" not in page[page.index('href="glossary.html#project-tacker"'):][:300]  # active: quiet


@pytest.mark.parametrize(("value", "message"), [
    ("gone", "unknown :status: 'gone' (one of: active, deprecated, retired, moved)"),
    ("retired 2025-07-18", ":status: retired needs the URL of the source that says so"),
    ("retired https://a.example/ https://b.example/", ":status: has two source URLs"),
    ("retired 2025-07-18 Epoxy https://a.example/", ":status: 'retired 2025-07-18 Epoxy https://a.example/': "
     "write STATE [DATE or RELEASE] [URL]"),
    ("retired javascript://x", ":status: source 'javascript://x' is not an http(s) URL"),
])
def test_malformed_status(rootdir, tmp_path, value, message):
    import shutil
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    glossary = src / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        ":::{project} Nova\n", f":::{{project}} Nova\n:status: {value}\n"), encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    lines = warnings(app)
    line = glossary.read_text(encoding="utf-8").splitlines().index(":::{project} Nova") + 1
    assert len(lines) == 1 and f"glossary.md:{line}: WARNING: {message}" in lines[0], lines
    assert lines[0].endswith("[summit.option]")
