"""What became of a project (``:status:``), shown the same way wherever the project is listed."""

from __future__ import annotations

from docutils import nodes
from sphinx_design.badges_buttons import create_bdg_classes

from . import labels
from .dates import PartialDate
from .text import is_iso_date

#: sphinx-design colours of the status badges
COLOURS = {"active": "success", "deprecated": "warning", "retired": "secondary", "moved": "info"}


def since_text(since: str) -> str:
    """A date as the book writes dates; a release name as written."""
    return PartialDate.parse(since).japanese() if since and is_iso_date(since) else since


def status_text(status: tuple[str, str, str]) -> str:
    """``開発終了 2025年7月18日〜``, for the indices and the overview; empty when not known."""
    state, since, _ = status
    return labels.status(state, since_text(since)) if state else ""


def badge(state: str) -> nodes.inline:
    return nodes.inline(labels.STATUS[state], labels.STATUS[state], classes=[
        "summit-status", f"summit-status-{state}", *create_bdg_classes(COLOURS[state], outline=False)])
