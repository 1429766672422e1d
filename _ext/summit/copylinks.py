"""Copy-as-wiki-link buttons beside each session, glossary and release entry and event block.

The button copies a link to the object's permanent short URL in the syntax the reader chose once
(plain URL, Markdown, MediaWiki, Confluence, and MyST or reST ``{ref}`` with the intersphinx name),
remembered in the browser; where the clipboard is refused, the text is shown selected instead.
Web pages only: print and the e-book have nothing to click.  A ``<button>`` has no docutils node,
so it is raw HTML, written by an HTML-only post-transform; ``static/summit-copy.js`` does the rest.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file

from . import labels
from .export import SHORT
from .records import label

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SCRIPT = Path(__file__).parent / "static" / "summit-copy.js"
#: the builders whose pages have them
BUILDERS = ("html", "dirhtml", "singlehtml")


def button(config: Any, objtype: str, ident: str, title: str) -> nodes.raw:
    data = {
        "short": f"{SHORT[objtype]}/{ident}.html",
        "base": f"{config.html_baseurl.rstrip('/')}/" if config.html_baseurl else "",
        "title": title,
        "label": label(objtype, ident),
        "inventory": config.summit_intersphinx_name,
        "done": labels.COPY_DONE,
        "refused": labels.COPY_REFUSED,
        "fallback-label": labels.COPY_FALLBACK,
        "chooser": labels.COPY_CHOOSER,
        "syntaxes": json.dumps(list(labels.COPY_SYNTAXES.items()), ensure_ascii=False),
    }
    attributes = " ".join(f'data-summit-{key}="{html.escape(value)}"' for key, value in data.items())
    markup = (f'<span class="summit-copy-box"><button type="button" class="summit-copy" hidden '
              f'aria-label="{html.escape(labels.copy_label(title))}" {attributes}>{labels.COPY}</button>'
              f'<span class="summit-copy-status" role="status" aria-live="polite"></span></span>')
    return nodes.raw("", markup, format="html")


class CopyLinkButtons(SphinxPostTransform):
    """After the session blocks are built (SessionMetadata, priority 5)."""

    default_priority = 6
    builders = BUILDERS

    def run(self, **kwargs: Any) -> None:
        catalog = self.env.domains["summit"].catalog
        for block in list(self.document.findall(nodes.container)):
            classes = block.get("classes", [])
            if "summit-session" in classes:
                section = block.parent
                while section is not None and not isinstance(section, nodes.section):
                    section = section.parent
                ident = next((i.removeprefix("session-") for i in (section["ids"] if section else [])
                              if i.startswith("session-") and i.removeprefix("session-") in catalog.sessions), None)
                if ident:
                    block.insert(0, nodes.paragraph("", "", button(self.config, "session", ident,
                                                                   catalog.title("session", ident))))
            elif "summit-event" in classes:
                target = next((t for t in block.findall(nodes.target) if any(
                    i.startswith("event-") for i in t["ids"])), None)
                ident = next((i.removeprefix("event-") for i in target["ids"] if i.startswith("event-")), None) \
                    if target is not None else None
                if ident in catalog.events:
                    heading = next(iter(block.findall(nodes.paragraph)), None)
                    if heading is not None:
                        heading += button(self.config, "event", ident, catalog.title("event", ident))
        for desc in self.document.findall(addnodes.desc):
            objtype = desc.get("objtype")
            if desc.get("domain") != "summit" or objtype not in ("project", "release"):
                continue
            signature = desc.next_node(addnodes.desc_signature)
            if signature is None:  # an entry without a name (warned about when it was read)
                continue
            prefix = f"{objtype}-"
            ident = next((i.removeprefix(prefix) for i in signature["ids"] if i.startswith(prefix)), None)
            if ident in catalog.table(objtype):
                signature += button(self.config, objtype, ident, catalog.title(objtype, ident))


FINDER_SCRIPT = Path(__file__).parent / "static" / "summit-finder.js"


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name in BUILDERS and doctree is not None:
        app.add_js_file("summit-copy.js")
        if any("summit-finder-list" in node.get("classes", ()) for node in doctree.findall(nodes.bullet_list)):
            app.add_js_file("summit-finder.js")


def copy_script(app: Sphinx) -> None:
    """``builder-inited``: the scripts beside Sphinx's own, refreshed when they change.

    Before any page is written: Sphinx stamps a script's URL with its checksum (``?v=``) only when
    the file is already there, and a first build must write the pages a rebuild writes.
    """
    if app.builder.name in BUILDERS:
        static = Path(app.builder.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)  # else copy_asset_file writes a file named _static
        for script in (SCRIPT, FINDER_SCRIPT):
            copy_asset_file(script, static, force=True)
