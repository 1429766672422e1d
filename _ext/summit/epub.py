"""The e-book: what Sphinx's EPUB builder needs told to make a Japanese book of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import labels

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def japanese_navigation(app: Sphinx) -> None:
    """Title the navigation document 目次: Sphinx's EPUB builder keeps its guide titles in
    English (``guide_titles``, a public class attribute), whatever the book's language."""
    if app.builder.name == "epub" and app.config.language == "ja":
        app.builder.guide_titles = {**app.builder.guide_titles, "toc": labels.CONTENTS}  # type: ignore[attr-defined]
