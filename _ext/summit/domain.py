"""The ``summit`` domain: the book's events, sessions, projects and releases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from . import labels
from .catalog import Catalog
from .indices import ProjectIndex, ReleaseIndex, SpeakerIndex
from .records import EventRecord, ProjectRecord, ReleaseRecord, SessionRecord, label, object_anchor
from .roles import SummitXRefRole

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

OBJTYPES = ("event", "session", "project", "release")
#: tables keyed by docname; "events" holds one record per document, the others a list
TABLES = ("events", "sessions", "projects", "releases", "refs", "generated", "warnings")


class SummitDomain(Domain):
    name = "summit"
    label = labels.DOMAIN
    data_version = 6
    object_types: ClassVar[dict[str, ObjType]] = {
        objtype: ObjType(labels.OBJECT_TYPES[objtype], objtype) for objtype in OBJTYPES
    }
    roles: ClassVar[dict[str, Any]] = {objtype: SummitXRefRole(warn_dangling=True) for objtype in OBJTYPES}
    indices = [ProjectIndex, ReleaseIndex, SpeakerIndex]
    #: the tables, and "stamp": changed whenever they are (see incremental.py)
    initial_data: ClassVar[dict[str, Any]] = {**{table: {} for table in TABLES}, "stamp": None}

    #: the book-wide view of the tables, derived from them alone and dropped whenever they
    #: change (per-build state lives in state.py, not here)
    _catalog: Catalog | None = None

    # -- tables -----------------------------------------------------------------------

    @property
    def events(self) -> dict[str, EventRecord]:
        return self.data["events"]

    @property
    def sessions(self) -> dict[str, tuple[SessionRecord, ...]]:
        return self.data["sessions"]

    @property
    def projects(self) -> dict[str, list[ProjectRecord]]:
        return self.data["projects"]

    @property
    def releases(self) -> dict[str, list[ReleaseRecord]]:
        return self.data["releases"]

    @property
    def refs(self) -> dict[str, frozenset[tuple[str, str]]]:
        """Per document, the (objtype, name) pairs it links to: its rendering depends on them."""
        return self.data["refs"]

    @property
    def generated(self) -> dict[str, frozenset[tuple[str, str]]]:
        """Per document, the (kind, target) pairs of book-wide content it shows."""
        return self.data["generated"]

    @property
    def warnings(self) -> dict[str, tuple[Any, ...]]:
        """Per document, the warnings its reading gave (persistence.py gives them again)."""
        return self.data["warnings"]

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog(self.data)
        return self._catalog

    def _changed(self) -> None:
        self._catalog = None

    # -- noting -----------------------------------------------------------------------

    def note_event(self, record: EventRecord) -> None:
        self.events[record.docname] = record
        self._changed()

    def note_project(self, record: ProjectRecord) -> None:
        self.projects.setdefault(record.docname, []).append(record)
        self._changed()

    def note_release(self, record: ReleaseRecord) -> None:
        self.releases.setdefault(record.docname, []).append(record)
        self._changed()

    def set_document(
        self,
        docname: str,
        sessions: Iterable[SessionRecord],
        refs: Iterable[tuple[str, str]],
        generated: Iterable[tuple[str, str]],
    ) -> None:
        """Record what the collect pass found once the whole document is parsed."""
        self.sessions[docname] = tuple(sessions)
        self.refs[docname] = frozenset(refs)
        self.generated[docname] = frozenset(generated)
        self._changed()

    def clear_doc(self, docname: str) -> None:
        for table in TABLES:
            self.data[table].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for table in TABLES:
            mine, theirs = self.data[table], otherdata[table]
            for docname in docnames:
                if docname in theirs:
                    mine[docname] = theirs[docname]
        self._changed()

    # -- resolving --------------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ not in OBJTYPES:
            return None
        catalog = self.catalog
        ident = catalog.resolve(typ, target)
        if ident is None:
            return None
        record = catalog.record(typ, ident)
        if not node.get("refexplicit") and (typ in ("session", "event") or node.get("summit_canonical")):
            # Titles of sessions and events, and badges, show the declared name.
            contnode = contnode.deepcopy() if contnode.children else contnode
            contnode.children = [nodes.Text(catalog.title(typ, ident))]
        return make_refnode(
            builder, fromdocname, record.docname, label(typ, ident), contnode,
            f"{labels.OBJECT_TYPES[typ]}: {catalog.title(typ, ident)}",
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in OBJTYPES:
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                results.append((f"summit:{typ}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        catalog = self.catalog
        for objtype, table in catalog.tables():
            for ident in sorted(table):
                record = table[ident]
                yield (ident, catalog.title(objtype, ident), objtype, record.docname,
                       object_anchor(objtype, ident), 1)

