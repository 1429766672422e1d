"""The HTML of generated lists, kept between builds: a list whose inputs did not change is not built again.

Adding a project to one session changes the glossary page, which lists every session under every
project: Sphinx must write the page again, but of its few hundred lists only one or two changed.
The same holds for the domain indices, which Sphinx renders on every build, a row per session.
So each list's HTML is kept, keyed by what it is made of -- the inputs its kind declares
(``kinds.py``: the same inputs the incremental build compares), the page, the builder, and the
writer's state where the list starts -- and written as it was when the key is the same.

The cache is a file per builder in the doctree folder; it is dropped when Sphinx makes a fresh
environment, when an option that changes HTML output changed (Sphinx's own fingerprint of them,
the one it writes to ``.buildinfo``), when a template is newer (Sphinx then writes every page
again), or when this extension's code, Sphinx or docutils changed.  Under
``-j N`` the lists written by worker processes are not kept (the next build renders them again).
Written by hand: Sphinx caches doctrees, not output.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docutils
import sphinx

from . import internals, state
from .accessibility import TEMPLATE_BUILDERS
from .digest import digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def _code_digest() -> str:
    """This package's source: an edited renderer must not reuse what the old one wrote."""
    sha = hashlib.sha1()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html") and "__pycache__" not in path.parts:
            sha.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


CODE = _code_digest()


class Fragments:
    """The kept HTML of one builder, as loaded at the start of this build, and what this build used."""

    def __init__(self, builder: Builder) -> None:
        self.path = Path(builder.doctreedir) / f"summit-fragments-{builder.name}.pickle"
        self.pid = os.getpid()
        self.kept: dict[str, dict[str, str]] = {}
        self.used: dict[str, dict[str, str]] = {}
        self.sources: Any = None  # incremental.Sources of this build's catalog, made by render.py
        # Sphinx's fingerprint of every option that changes HTML output, and of the tags; the
        # newest template, as Sphinx itself compares it to decide that every page is outdated
        # (a theme upgraded or a template edited: the index rows are the theme's markup).
        templates = getattr(builder, "templates", None)
        newest = templates.newest_template_mtime() if hasattr(templates, "newest_template_mtime") else 0
        self.config = f"{internals.output_options_digest(builder)}/{newest}/{sphinx.__version__}/{docutils.__version__}"
        if state.of(builder.env).fresh_environment:
            self.path.unlink(missing_ok=True)  # a fresh environment: nothing kept is trusted
            return
        try:
            with self.path.open("rb") as stream:
                saved = pickle.load(stream)
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            return
        if isinstance(saved, dict) and saved.get("code") == CODE and saved.get("config") == self.config:
            self.kept = saved["pages"]

    def get(self, page: str, key: str) -> str | None:
        html = self.kept.get(page, {}).get(key)
        if html is not None:
            self.used.setdefault(page, {})[key] = html
        return html

    def put(self, page: str, key: str, html: str) -> None:
        self.used.setdefault(page, {})[key] = html

    def save(self, pages: set[str]) -> None:
        """Pages written in this process keep only what they used; the others what they had."""
        if os.getpid() != self.pid:
            return
        result = {page: kept for page, kept in self.kept.items() if page in pages and page not in self.used}
        result |= self.used
        if result == self.kept:  # the same strings: compared by identity first
            return
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as stream:
            pickle.dump({"code": CODE, "config": self.config, "pages": result}, stream, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)


def of(builder: Builder) -> Fragments:
    """This build's cache, loaded on first use (in a worker process: its own copy)."""
    build = state.of(builder.env)
    if build.fragments is None or build.fragments.pid != os.getpid():
        build.fragments = Fragments(builder)
    return build.fragments


def key(*parts: Any) -> str:
    return digest(parts)


def save(app: Sphinx, exception: Exception | None) -> None:
    """At the end of a successful build: keep what this build wrote."""
    build = state.of(app.env)
    if exception is None and build.fragments is not None:
        build.fragments.save(set(app.env.all_docs) | our_index_pages(app))


def our_index_pages(app: Sphinx) -> set[str]:
    domain = app.env.domains["summit"]
    return {f"{domain.name}-{index.name}" for index in domain.indices}


class _IndexRows:
    """What the domain-index template calls: the kept rows, or keep the rows it just rendered."""

    def __init__(self, fragments: Fragments, page: str, key: str) -> None:
        self.fragments, self.page, self.key = fragments, page, key
        self.html = fragments.get(page, key)

    def keep(self, html: str) -> str:
        self.fragments.put(self.page, self.key, str(html))
        return html


def index_rows(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: Any) -> None:
    """Our domain indices: the template writes the kept rows when nothing they show changed
    (``templates/domainindex.html``)."""
    if (templatename != "domainindex.html" or pagename not in our_index_pages(app)
            or app.builder.name not in TEMPLATE_BUILDERS):
        return  # json and pickle render no template: they serialise the context
    made_of = (pagename, app.builder.name, app.config.html_theme, context.get("indextitle"),
               context.get("collapse_index"), context.get("content"))
    context["summit_rows"] = _IndexRows(of(app.builder), pagename, key(*made_of))
