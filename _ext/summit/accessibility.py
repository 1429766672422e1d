"""What the web pages need to pass axe-core (wcag2a, wcag2aa, wcag21aa, best-practice).

Sphinx writes a toctree caption as ``<p class="caption" role="heading">`` without the
``aria-level`` a heading role requires; furo's two ``<aside>`` landmarks have no names to tell them
apart, and its page buttons (view source, theme) sit outside every landmark; a scrolling code
block cannot be reached with the keyboard.  None of that markup is in a
template block, so every page is rendered through ``summit-accessible.html``, which renders the
theme's own template and then fixes those few strings; the search page gets the level-one
heading furo leaves out (``templates/search.html``).  Colours are in ``_static/summit.css``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import labels

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).parent / "templates"
#: builders that render pages with the theme's templates (json and pickle render none)
TEMPLATE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml", "epub"})


def add_templates(app: Sphinx, config: Config) -> None:
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES))


def render_accessibly(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: nodes.document | None) -> str | None:
    if app.builder.name not in TEMPLATE_BUILDERS or templatename == "summit-accessible.html":
        return None
    context["summit_template"] = templatename
    context["summit_labels"] = {"navigation": labels.SITE_NAVIGATION, "page_contents": labels.PAGE_CONTENTS,
                                "page_tools": labels.PAGE_TOOLS}
    return "summit-accessible.html"
