"""Small helpers for reading Sphinx output in tests."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util.inventory import InventoryFile


def html(app, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


def warnings(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def inventory(app) -> dict:
    """objects.inv loaded back: {"std:label": {name: item with .uri, .display_name}, ...}."""
    content = (Path(app.outdir) / "objects.inv").read_bytes()
    return InventoryFile.loads(content, uri="https://example.org").data


def section(text: str, element_id: str, end_marker: str = "</section>") -> str:
    """The HTML from the element with ``id`` to the end marker."""
    start = text.index(f'id="{element_id}"')
    return text[start:text.index(end_marker, start)]


def entry(text: str, element_id: str) -> str:
    """A glossary or release entry: from its ``<dt id>`` to the end of its ``<dl>``."""
    start = text.index(f'id="{element_id}"')
    return text[start:text.index("</dd></dl>", start)]


def project_index_counts(text: str, project_id: str) -> list[int]:
    """The session counts the project index shows for a project, one per row linking to its
    glossary entry (one row, unless the page is broken)."""
    row = re.compile(rf'href="glossary\.html#project-{re.escape(project_id)}">.*?</a>(?: <em>\([^<]*\)</em>)?'
                     r"</td><td>\s*<em>(\d+) セッション</em>", re.S)
    return [int(n) for n in row.findall(text)]
