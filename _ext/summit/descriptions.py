"""What a pasted link says about its target: plain-text descriptions for link previews.

sphinxext-opengraph writes each page's Open Graph tags; the description it would take from the
page's first text is, in a chapter, the event block's field list.  The page's own prose is
taken here instead (no metadata blocks, no editorial notes or brackets, no headings), trimmed at
a sentence boundary, and handed over as the page's ``og:description`` field.  Sessions and
projects keep the first sentence of their own text for the short URLs' previews (export.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: blocks that are not the author's prose
_SKIP = {"summit-session", "summit-event", "summit-editorial", "summit-ednote", "no-search"}
LIMIT = 120  # characters: what preview cards show of a Japanese description
_SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])\s")


def _skipped(node: nodes.Node, stop: nodes.Node | None = None) -> bool:
    parent: nodes.Node | None = node
    while parent is not None and parent is not stop:
        if isinstance(parent, (nodes.title, nodes.literal_block, nodes.comment, nodes.raw,
                               nodes.field_list, nodes.system_message)):
            return True
        # notes and warnings, not object descriptions (Sphinx's desc is an Admonition too)
        if isinstance(parent, nodes.Admonition) and not isinstance(parent, addnodes.desc):
            return True
        if isinstance(parent, nodes.Element) and _SKIP & set(parent.get("classes", ())):
            return True
        parent = parent.parent
    return False


def prose(root: nodes.Node, exclude: set[nodes.Node] | None = None) -> str:
    """The first paragraph of the author's text under ``root``, as plain text."""
    exclude = exclude or set()
    for paragraph in root.findall(nodes.paragraph):
        if _skipped(paragraph) or any(_inside(paragraph, other) for other in exclude):
            continue
        text = " ".join("".join(t.astext() for t in paragraph.findall(nodes.Text) if not _skipped(t, paragraph)
                                ).split())
        if len(text) >= 8:
            return text
    return ""


def _inside(node: nodes.Node, container: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is container:
            return True
        parent = parent.parent
    return False


def trim(text: str, limit: int = LIMIT) -> str:
    """At most ``limit`` characters, cut after the last sentence that fits (or at a word, with …)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = [m.start() for m in _SENTENCE_END.finditer(text) if 0 < m.start() <= limit]
    if cut:
        return text[:cut[-1]].strip()
    space = text.rfind(" ", 0, limit)
    return text[:space if space > limit // 2 else limit].rstrip() + "…"


def first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return trim(text[:match.start()] if match and match.start() > 0 else text)


def note_page_description(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the page's description, as the ``og:description`` field opengraph uses."""
    env = app.env
    text = prose(doctree)
    if text:
        env.metadata[env.docname].setdefault("og:description", trim(text))


def meta_description(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                     doctree: nodes.document | None) -> None:
    """The same text as ``<meta name="description">`` (before opengraph, which then keeps it)."""
    description = (context.get("meta") or {}).get("og:description")
    if description and 'name="description"' not in context.get("metatags", ""):
        from html import escape

        context["metatags"] = context.get("metatags", "") + \
            f'<meta name="description" content="{escape(description)}" />\n'
