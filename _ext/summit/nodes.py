"""Placeholder nodes: directives leave them, later passes replace them with standard nodes."""

from __future__ import annotations

from docutils import nodes


class summit_session_meta(nodes.General, nodes.Element):
    """Left by ``{session}``; the collect transform binds it to its section, and it stays in the
    doctree until the page is written (render.SessionMetadata builds the block from it)."""


class summit_session_count(nodes.Inline, nodes.TextElement):
    """Left in the event block; filled with the chapter's session count once it is parsed."""


class summit_generated(nodes.General, nodes.Element):
    """Content computed from the whole book (back-references, sub-projects, cards, overview).

    ``kind`` says what, ``target`` whose.  Replaced on ``doctree-resolved``.
    """


PLACEHOLDERS = (summit_session_meta, summit_session_count, summit_generated)


class summit_deferred(nodes.General, nodes.Element):
    """Generated content the HTML writer builds only when it reaches it (see render.py).

    ``kind`` and ``target`` as for :class:`summit_generated`; ``docname`` is the page the links
    are made relative to.  Empty in the doctree.
    """


def metadata_fields() -> nodes.field_list:
    """The field list of a declaration's metadata: short values, always laid out compact.

    Said explicitly ("compact"): the HTML writer would otherwise inspect every field body,
    and cannot see into a :class:`summit_deferred` list before it is built.
    """
    return nodes.field_list(classes=["summit-fields", "compact"])


class summit_pageref(nodes.Inline, nodes.Element):
    """A page number for paper readers (LaTeX only): ``refdoc`` and ``refid`` name the target."""


def visit_pageref_latex(self: nodes.NodeVisitor, node: summit_pageref) -> None:
    target = self.idescape(f"{node['refdoc']}:{node['refid']}")  # type: ignore[attr-defined]
    self.body.append(r"\summitpageref{%s}" % target)  # type: ignore[attr-defined]
    raise nodes.SkipNode


def skip_node(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    """Other writers print no page numbers."""
    raise nodes.SkipNode
