"""Link previews: what a wiki or chat shows when a link is pasted, read by a link-preview parser
that unfurl services use (open-graph-scraper, npm, pinned in tests/node/package-lock.json).

A page carries sphinxext-opengraph's tags with the page's own prose as description; a short URL
previews its object (a session's event, date, projects and first sentence; a project's
definition and session count), plain text, trimmed at a sentence boundary."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser_support import BASEURL, build_book

NODE_TOOLS = Path(__file__).resolve().parent / "node"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_book(tmp_path_factory.mktemp("previews"), baseurl=BASEURL)


def unfurl(page: Path) -> dict:
    if shutil.which("node") is None or not (NODE_TOOLS / "node_modules" / "open-graph-scraper").exists():
        message = "node or open-graph-scraper missing: npm ci --prefix tests/node"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must install it: {message}")
        pytest.skip(message)
    result = subprocess.run(["node", str(NODE_TOOLS / "preview.js"), str(page)], capture_output=True, text=True,
                            check=True, cwd=NODE_TOOLS)
    parsed = json.loads(result.stdout)
    assert parsed["error"] is False, parsed
    return parsed["result"]


def plain(text: str) -> bool:
    """No markup, no editorial brackets, no leftovers of field lists."""
    return not re.search(r"[<>*`{}]|〔|編注|::|,,", text)


def test_a_chapter_page(site):
    card = unfurl(site / "reports" / "2018-05-vancouver.html")
    assert card["ogTitle"] == "OpenStack Summit Vancouver 2018 レポート"
    assert card["ogSiteName"] == "OpenStack イベント参加報告集"
    assert card["ogLocale"] == "ja_JP" and card["ogType"] == "website"
    assert card["ogUrl"] == f"{BASEURL}reports/2018-05-vancouver.html"
    assert card["ogDescription"] == "OpenStack Summit が5月21日から24日までバンクーバーコンベンションセンターで開催された。"
    assert card["twitterCard"] == "summary"


def test_a_session_short_url_previews_the_session(site):
    card = unfurl(site / "s" / "yvr18-cern-cells-v1-to-v2.html")
    export = json.loads((site / "summit.json").read_text(encoding="utf-8"))
    session = next(s for s in export["sessions"] if s["id"] == "yvr18-cern-cells-v1-to-v2")
    assert card["ogTitle"] == session["title"]
    assert card["ogUrl"] == session["permalink"]
    description = card["ogDescription"]
    assert description.startswith("CERN が") and "OpenStack Summit Vancouver 2018" in description
    assert "プロジェクト: Cells" in description and plain(description) and len(description) <= 160


def test_a_project_short_url_previews_the_project(site):
    card = unfurl(site / "p" / "nova.html")
    assert card["ogTitle"] == "Nova"
    assert re.fullmatch(r"OpenStack の Compute サービス.*。（\d+ セッション）", card["ogDescription"]), card
    assert card["ogUrl"] == f"{BASEURL}p/nova.html"


def test_every_description_is_plain_and_short(site):
    for page in [*sorted((site / "s").glob("*.html")), *sorted((site / "p").glob("*.html")),
                 site / "index.html", site / "glossary.html", *sorted((site / "reports").glob("*.html"))]:
        text = page.read_text(encoding="utf-8")
        match = re.search(r'<meta property="og:description" content="([^"]*)"', text)
        assert match, page
        description = match.group(1)
        assert plain(description) and len(description) <= 160, (page.name, description)
