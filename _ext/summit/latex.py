"""Print-only adjustments, as LaTeX post-transforms and files next to the .tex."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.texescape import escape
from sphinx.writers.latex import LaTeXTranslator

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


class IndexRowsTranslator(LaTeXTranslator):
    """Domain indices in print as an index of a book: a project, release or speaker in bold sans
    (``\\summitindexname``), the sessions under it as ``\\subitem`` rows, indented, with their date.

    Sphinx's ``generate_indices`` writes every row as ``\\item`` in monospace, ignoring the
    subtype that marks sub-entries; this is its loop with the subtype honoured (the method is
    checked by tests/test_internals.py).
    """

    def generate_indices(self) -> str:
        ret: list[str] = []
        indices_config = self.config.latex_domain_indices
        if not indices_config:
            return ""
        names = None if isinstance(indices_config, bool) else frozenset(indices_config)
        for domain in self.builder.env.domains.sorted():
            for index_cls in domain.indices:
                if names is not None and f"{domain.name}-{index_cls.name}" not in names:
                    continue
                content, _ = index_cls(domain).generate(self.builder.docnames)
                if not content:
                    continue
                ret.append(r"\renewcommand{\indexname}{%s}" % index_cls.localname + "\n")
                ret.append(r"\begin{sphinxtheindex}" + "\n")
                ret.append(r"\let\bigletter\sphinxstyleindexlettergroup" + "\n")
                for i, (letter, entries) in enumerate(content):
                    if i > 0:
                        ret.append(r"\indexspace" + "\n")
                    ret.append(r"\bigletter{%s}" % self.escape(letter) + "\n")
                    for entry in entries:
                        if not entry[3]:
                            continue
                        name = self.encode(entry[0])
                        if entry[1] == 2:
                            ret.append(r"\subitem\relax %s" % name)
                        else:
                            ret.append(r"\item\relax\summitindexname{%s}" % name)
                        if entry[4]:
                            ret.append(r"\sphinxstyleindexextra{%s}" % self.encode(entry[4]))
                        ret.append(r"\sphinxstyleindexpageref{%s:%s}" % (entry[2], self.idescape(entry[3])) + "\n")
                ret.append(r"\end{sphinxtheindex}" + "\n")
        return "".join(ret)
