"""The one-page build: every link must land inside the page.

Sphinx 9.0's singlehtml builder makes a reference to an anchor in another document
``#document-<docname>#<anchor>`` (its ``fix_refuris`` is deprecated and no longer called), a
fragment no element has: the reader's click goes nowhere.  The anchor alone is unique in the
page, so the link keeps only that.  Written by hand: no extension does this.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


def in_page(uri: str) -> str:
    """``#document-glossary#project-nova`` -> ``#project-nova``; anything else unchanged."""
    if uri.startswith("#") and "#" in uri[1:]:
        return uri[uri.rindex("#"):]
    return uri


class InPageAnchors(SphinxPostTransform):
    """After references are resolved (priority 10), for Sphinx's links and ours."""

    default_priority = 900
    builders = ("singlehtml",)

    def run(self, **kwargs: Any) -> None:
        for ref in self.document.findall(nodes.reference):
            if "refuri" in ref:
                ref["refuri"] = in_page(ref["refuri"])
