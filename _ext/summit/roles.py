"""Roles for running text: cross-references by name, and the editorial ``{restored}`` mark."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util.docutils import SphinxRole

from . import labels
from .log import warn

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message


class SummitXRefRole(XRefRole):
    """``{project}`Cells v2``` and ``summit:project`` alike land in the summit domain."""

    innernodeclass = nodes.inline

    def run(self) -> tuple[list[Node], list[system_message]]:
        self.refdomain, self.reftype = "summit", self.name.rpartition(":")[2]
        self.classes = ["xref", "summit", f"summit-{self.reftype}"]
        return self.create_xref_node()


_RESTORED = re.compile(r"^(?P<new>.*?)\s*<(?P<old>[^<>]*)>$", re.DOTALL)


def parse_restored(text: str) -> tuple[str, str] | None:
    """``NEW <OLD>`` -> (NEW, OLD); ``NEW`` -> (NEW, ""); ``<OLD>`` -> ("", OLD)."""
    match = _RESTORED.match(text)
    new, old = (match["new"], match["old"]) if match else (text, "")
    if not new and not old:
        return None
    return new, old


class RestoredRole(SphinxRole):
    """Text an editor restored, followed by a visible note of what the seed had.

    Rendered with standard inline nodes (classes ``summit-restored``/``summit-ednote``) so every
    writer shows the note; the note keeps ``summit_old``/``summit_new`` for the fidelity check.
    """

    def run(self) -> tuple[list[Node], list[system_message]]:
        parsed = parse_restored(self.text)
        if parsed is None:
            warn("empty {restored} role: write NEW, NEW <OLD> or <OLD>", "restored",
                 self.get_location())
            return [nodes.inline(self.rawtext, self.text)], []
        new, old = parsed
        result: list[Node] = []
        if new:
            result.append(nodes.inline(new, new, classes=["summit-restored"]))
        note = labels.ednote(new, old)
        result.append(nodes.inline(note, note, classes=["summit-ednote"], summit_old=old, summit_new=new))
        return result, []
