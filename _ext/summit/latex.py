"""Print-only adjustments, as LaTeX post-transforms and files next to the .tex."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.texescape import escape

from .dates import event_dates
from .internals import bibliography_documents, thebibliography

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .domain import SummitDomain

EVENTS_FILE = "summit-events.dat"
LATEX_PACKAGE = Path(__file__).parent / "latex" / "summit.sty"


def copy_latex_package(app: Sphinx, exception: Exception | None) -> None:
    """summit.sty next to the .tex: how our nodes look in print (page references, boxes)."""
    if exception is None and app.builder.format == "latex":
        copy_asset_file(LATEX_PACKAGE, app.outdir, force=True)  # an edited .sty replaces the old one


class CompactFields(SphinxPostTransform):
    """Wrap our field lists in a class container, so summit.sty can set label and value on one line."""

    default_priority = 700
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for fields in list(self.document.findall(nodes.field_list)):
            if "summit-fields" in fields["classes"]:
                wrapper = nodes.container(classes=["summit-fields"])
                fields.replace_self(wrapper)
                wrapper += fields


class BibliographyInPlace(SphinxPostTransform):
    """Put the collected references where the bibliography chapter is, not after the last chapter.

    Sphinx moves every citation into one ``thebibliography`` at the end (priority 750), which
    leaves the bibliography chapter empty; that list prints its own 参考文献 chapter heading.
    """

    default_priority = 760
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        bibliography = next(iter(self.document.findall(thebibliography)), None)
        docnames = bibliography_documents(self.env)
        if bibliography is None or not docnames:
            return
        for start in self.document.findall(addnodes.start_of_file):
            if start["docname"] in docnames:
                section = start.next_node(nodes.section)
                if section is not None and not list(section.findall(nodes.citation)):
                    bibliography.parent.remove(bibliography)
                    section.replace_self(bibliography)
                return


def write_events(app: Sphinx, exception: Exception | None) -> None:
    """The list of events for the title page (``\\summitevents``), in date order."""
    if exception is not None or app.builder.format != "latex":
        return
    domain: SummitDomain = app.env.domains["summit"]
    catalog = domain.catalog
    engine = app.config.latex_engine
    lines = []
    for ident in catalog.event_order:
        event = catalog.events[ident]
        fields = (event.name, event_dates(event), event.location)
        lines.append(r"\summitevent{%s}{%s}{%s}" % tuple(escape(f, engine) for f in fields))
    path = Path(app.outdir) / EVENTS_FILE
    text = "\n".join(lines) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
