"""``summit``: declare the events, sessions, projects and releases of OpenStack event reports.

Chapters declare what they talk about; the build turns the declarations into cross-references,
a glossary with back-references, a releases page and two domain indices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import fragments, garbage, navigation, state
from . import nodes as summit_nodes
from .accessibility import add_templates, render_accessibly
from .checks import check_consistency
from .copylinks import CopyLinkButtons, add_script, copy_script
from .collect import CollectSessions, name_blank_titles
from .directives import (
    EditorialDirective,
    EventDirective,
    GeneratedDirective,
    ProjectDirective,
    ReleaseDirective,
    SessionDirective,
)
from .domain import OBJTYPES, SummitDomain
from .epub import japanese_navigation
from .descriptions import meta_description, note_page_description
from .export import write_exports
from .feeds import add_autodiscovery
from .incremental import finish, outdated_pages
from .latex import BibliographyInPlace, CompactFields, IndexRowsTranslator, copy_latex_package, write_events
from .persistence import finish as keep_warnings
from .persistence import forget_recorded, keep_write_warnings
from .references import warn_missing
from .render import SessionMetadata, depart_deferred, resolve_generated, visit_deferred
from .roles import RestoredRole, SummitXRefRole
from .search import QuerySplittingJapanese, keep_index_entries, restore_index_entries
from .serializing import JSONBuilder, PickleBuilder
from .singlehtml import InPageAnchors
from .suggest import SuggestBuilder
from .templatecache import keep_compiled_templates

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("summit_chapter_dirs", ["reports"], "env", types=[list])
    # Short URLs and summit.json for the site builders (html, dirhtml); False writes neither
    # and removes what an earlier build exported.
    app.add_config_value("summit_exports", True, "", types=[bool])
    # The intersphinx name wikis give this book (the MyST and reST links the copy buttons write).
    app.add_config_value("summit_intersphinx_name", "reports", "html", types=[str])
    # Other spellings of one speaker organisation: {"日本HP": "HP"} (README, "Writing a chapter").
    app.add_config_value("summit_speaker_aliases", {}, "env", types=[dict])
    # Names written alone in :speakers: that are organisations, not people: ["AT&T", "Google"].
    app.add_config_value("summit_organisations", [], "env", types=[list, tuple])

    app.add_domain(SummitDomain)
    app.add_directive_to_domain("summit", "event", EventDirective)
    app.add_directive_to_domain("summit", "session", SessionDirective)
    app.add_directive_to_domain("summit", "project", ProjectDirective)
    app.add_directive_to_domain("summit", "release", ReleaseDirective)
    # Short names, so MyST authors write {session} rather than {summit:session}.
    app.add_directive("event", EventDirective)
    app.add_directive("session", SessionDirective)
    app.add_directive("project", ProjectDirective)
    app.add_directive("release", ReleaseDirective)
    for objtype in OBJTYPES:
        app.add_role(objtype, SummitXRefRole(warn_dangling=True))
    app.add_directive("editorial", EditorialDirective)
    for name in GeneratedDirective.kinds:
        app.add_directive(name, GeneratedDirective)
    app.add_role("restored", RestoredRole())

    for node in summit_nodes.PLACEHOLDERS:
        app.add_node(node)
    app.add_node(
        summit_nodes.summit_pageref,
        latex=(summit_nodes.visit_pageref_latex, None),
        html=(summit_nodes.skip_node, None),
        text=(summit_nodes.skip_node, None),
        man=(summit_nodes.skip_node, None),
        texinfo=(summit_nodes.skip_node, None),
    )

    app.add_node(summit_nodes.summit_deferred, html=(visit_deferred, depart_deferred))

    app.add_builder(SuggestBuilder)
    app.add_builder(JSONBuilder, override=True)
    app.add_builder(PickleBuilder, override=True)
    app.add_search_language(QuerySplittingJapanese)
    app.connect("builder-inited", japanese_navigation)
    app.connect("html-collect-pages", restore_index_entries)
    app.connect("build-finished", keep_index_entries)
    app.add_latex_package("summit")
    app.set_translator("latex", IndexRowsTranslator)
    app.connect("build-finished", copy_latex_package)
    app.connect("build-finished", write_events)
    app.add_post_transform(SessionMetadata)
    app.add_post_transform(CompactFields)
    app.add_post_transform(BibliographyInPlace)
    app.add_post_transform(InPageAnchors)
    app.add_post_transform(CopyLinkButtons)
    app.connect("html-page-context", add_script)
    app.connect("builder-inited", copy_script)
    app.connect("builder-inited", keep_compiled_templates)

    app.add_transform(CollectSessions)
    app.connect("doctree-read", name_blank_titles, priority=600)  # after Sphinx's title collector
    app.connect("env-get-outdated", state.begin, priority=100)  # first: a new build starts
    app.connect("config-inited", garbage.pause, priority=1000)  # Sphinx loads the environment next
    app.connect("env-get-outdated", garbage.freeze_loaded)
    app.connect("build-finished", garbage.unfreeze, priority=1000)  # after every other listener
    app.connect("env-purge-doc", state.purged)
    app.connect("env-get-updated", check_consistency, priority=400)  # before outdated_pages
    app.connect("env-get-updated", outdated_pages)
    app.connect("build-finished", finish)
    app.connect("doctree-resolved", keep_write_warnings, priority=100)  # links resolved, warned about
    app.connect("doctree-resolved", resolve_generated)
    app.connect("source-read", forget_recorded)
    app.connect("build-finished", keep_warnings)
    app.connect("warn-missing-reference", warn_missing)
    app.connect("build-finished", write_exports)
    app.connect("html-page-context", navigation.share, priority=400)
    app.connect("html-page-context", fragments.index_rows)
    app.connect("build-finished", fragments.save)
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", add_autodiscovery)
    app.connect("doctree-read", note_page_description)
    app.connect("html-page-context", meta_description, priority=400)  # before opengraph's
    app.connect("html-page-context", render_accessibly, priority=900)  # last: wraps whatever was chosen
    return {
        "version": __version__,
        "env_version": SummitDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
