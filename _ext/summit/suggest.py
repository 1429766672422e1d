"""``make suggest``: a builder that lists what the authors may have forgotten to tag.

Shaped like Sphinx's ``linkcheck``: it writes no pages, only a report in its output folder
(``output.txt`` to read, ``output.json`` for tools), with ``file:line`` for every item:

- ``untagged``: a declared project or release whose name or alias occurs in a session's text
  (heading included) but which the session neither lists in its options nor links with a role
  (except a name left untagged in more than a third of all sessions: OpenStack itself);
- ``candidate``: per chapter, product-like names the glossary lacks, with how often they occur:
  CamelCase and capitalised Latin words in Japanese sentences (in English titles and sentences
  capitalisation says nothing; nor a word the book also writes in lower case), and repository
  names in URLs (``github.com/openstack/<name>``).
  Upper-case abbreviations are not proposed: here they are almost all generic terms (VPN, DHCP,
  PTL).  Katakana words are
  not proposed: in these reports they are almost all ordinary loanwords (セッション, ネットワーク),
  and the few katakana product names are written in Latin letters as well.

Nothing here changes another builder's output: it reads the same doctrees and writes only its
report.  Written by hand: no extension suggests glossary tags.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.builders import Builder
from sphinx.locale import __

from .log import logger
from .records import label
from .text import fold

if TYPE_CHECKING:
    from collections.abc import Set

    from .catalog import Catalog
    from .domain import SummitDomain

#: blocks whose text is not the author's prose about the session
_SKIP_CLASSES = {"summit-session", "summit-event", "summit-editorial", "summit-ednote", "summit-backrefs"}
_WORD = re.compile(r"(?<![A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9]*(?:[.+-][A-Za-z0-9]+)*(?![A-Za-z0-9_])")
_REPOSITORY = re.compile(r"^https?://(?:www\.)?(?:github\.com|opendev\.org|git\.openstack\.org/cgit|"
                         r"launchpad\.net|docs\.openstack\.org|pypi\.org/project)/(?:[\w.-]+/)?([\w.-]+)")
#: Latin words that are not names: sentence-initial English, units, generic abbreviations
STOPWORDS = frozenset(fold(word) for word in """
    A An And As At But By For From How I If In Into Is It Its Of On Or So The Then There These This To We What
    When Where Which Who Why With You Your Our Not No Yes All Any New Day Q Mr Ms Dr Inc Ltd Co Corp vs
    Session Sessions Summit Design Keynote Track Talk Demo Panel Booth Forum Meetup Q&A Part Day Hall Room
    Cloud Clouds Open Source Project Projects Team Community Foundation User Users Developer Developers
    Update Updates Status Overview Intro Introduction Summary Next Steps Future Roadmap Discussion Ops
    API APIs CLI CPU CPUs GPU GPUs RAM VM VMs OS IP IPs TCP UDP HTTP HTTPS URL URLs DNS NAT VLAN VLANs VXLAN
    SSL TLS SSH REST JSON YAML XML SQL DB HA QA CI CD PoC POC ID IDs UI UX IO NIC NICs PCI DPDK SR-IOV
    NFV SDN VNF VNFs SLA SLAs OSS PR FAQ TBD etc
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
""".split())


class Suggestion(NamedTuple):
    kind: str  # "untagged" or "candidate"
    docname: str
    lineno: int
    text: str
    data: dict[str, Any]


def _skipped(node: nodes.Node) -> bool:
    parent: nodes.Node | None = node
    while parent is not None:
        if isinstance(parent, (nodes.literal, nodes.literal_block, nodes.raw, nodes.comment)):
            return True
        if isinstance(parent, nodes.Element) and _SKIP_CLASSES & set(parent.get("classes", ())):
            return True
        parent = parent.parent
    return False


def _line(node: nodes.Node) -> int:
    while node is not None:
        if getattr(node, "line", None):
            return node.line  # type: ignore[return-value]
        node = node.parent
    return 0


def _texts(root: nodes.Node, inner_sessions: Set[nodes.Node] = frozenset()) -> Iterator[nodes.Text]:
    """The author's text under ``root``, without metadata, notes, code and other sessions."""
    for text in root.findall(nodes.Text):
        if _skipped(text):
            continue
        parent = text.parent
        inside = False
        while parent is not None and parent is not root:
            if parent in inner_sessions:
                inside = True
                break
            parent = parent.parent
        if not inside:
            yield text


def _pattern(name: str) -> re.Pattern[str]:
    """The folded name as a whole word: not inside ``nova-parity``, ``pypi.python.org``, ``linuxbridge``."""
    key = re.escape(fold(name))
    start = r"(?<![0-9a-z_.-])" if fold(name)[:1].isascii() and fold(name)[:1].isalnum() else ""
    end = r"(?![0-9a-z_-]|\.[0-9a-z])" if fold(name)[-1:].isascii() and fold(name)[-1:].isalnum() else ""
    return re.compile(start + key + end)


class _Names:
    """Every project and release name and alias as a pattern, longest first (Cells v2 before Cells)."""

    def __init__(self, catalog: Catalog) -> None:
        spelled: list[tuple[str, str, str]] = []
        for objtype, table in (("project", catalog.projects), ("release", catalog.releases)):
            for ident, record in table.items():
                for name in (record.name, *record.aliases):
                    if len(fold(name)) >= (3 if name.isascii() else 2):
                        spelled.append((objtype, ident, name))
        spelled.sort(key=lambda item: -len(item[2]))
        self.patterns = [(objtype, ident, name, _pattern(name)) for objtype, ident, name in spelled]
        self.known = {fold(word) for _, _, name in spelled for word in re.split(r"[\s/()]+", name) if word}
        self.known |= {fold(name) for _, _, name in spelled}


def untagged(catalog: Catalog, names: _Names, docname: str, doctree: nodes.document) -> list[Suggestion]:
    sections = {}
    for section in doctree.findall(nodes.section):
        for sid, record in catalog.sessions.items():
            if record.docname == docname and label("session", sid) in section["ids"]:
                sections[section] = sid
    found = []
    for section, sid in sections.items():
        tagged = {("project", p) for p in catalog.session_projects.get(sid, ())}
        tagged |= {("release", r) for r in catalog.session_releases.get(sid, ())}
        inner = {other for other in sections if other is not section}
        seen: set[tuple[str, str]] = set()
        for text in _texts(section, inner):
            folded = fold(text.astext())
            if folded.startswith(("http://", "https://")):  # a URL shown as text: its path's words count
                folded = re.sub(r"[-_./:?=#&%]+", " ", urlsplit(folded).path)
            for objtype, ident, name, pattern in names.patterns:  # longest first
                match = pattern.search(folded)
                if match is None:
                    continue
                # A longer name takes its words: Linux in "Cumulus Linux" is not Linux.
                folded = pattern.sub(lambda m: " " * len(m.group()), folded)
                if (objtype, ident) in tagged or (objtype, ident) in seen:
                    continue
                if match:
                    seen.add((objtype, ident))
                    shown = catalog.title(objtype, ident)
                    line = _line(text) if not isinstance(text.parent, nodes.title) else 0
                    found.append(Suggestion(
                        "untagged", docname, line or catalog.sessions[sid].lineno,
                        f"session {sid!r}: {objtype} {shown!r} is named in the text ({name!r}) but not tagged",
                        {"session": sid, "objtype": objtype, "id": ident, "name": name}))
    return found


def _japanese(text: str) -> bool:
    """Mostly Japanese: there a capitalised Latin word is a name, not the start of a sentence."""
    letters = [c for c in text if c.isalpha()]
    japanese = sum(1 for c in letters if not c.isascii())
    return bool(letters) and japanese * 3 >= len(letters)


def candidates(catalog: Catalog, names: _Names, docname: str, doctree: nodes.document) -> list[Suggestion]:
    """Product-like names of one chapter that the glossary does not know, with counts."""
    people = {fold(word) for sid, s in catalog.sessions.items() if s.docname == docname
              for speaker in s.speakers for word in re.split(r"[\s()、,]+", speaker) if word}
    event = next((e for e in catalog.events.values() if e.docname == docname), None)
    place = {fold(word) for word in re.split(r"[\s()]+", f"{event.name} {event.location}") if word} if event else set()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    shown: dict[str, str] = {}

    def note(word: str, line: int) -> None:
        key = fold(word)
        if key in STOPWORDS or key in names.known or key in people or key in place or key.isdigit():
            return
        counts[key] += 1
        first.setdefault(key, line)
        shown.setdefault(key, word)

    for text in _texts(doctree):
        if isinstance(text.parent, nodes.title) or not _japanese(text.astext()):
            continue  # English titles and sentences capitalise ordinary words
        value = text.astext()
        for match in _WORD.finditer(value):
            word = match.group()
            camel = re.search(r"[a-z][A-Z]", word) is not None
            capitalised = word[0].isupper() and word[1:].islower() and len(word) >= 3
            # Capitalised words next to each other are an English phrase or a person's name
            # ("Deep Packet Inspection", "Tom Fifield"), not one product.
            phrase = (re.match(r" [A-Z][a-z]", value[match.end():match.end() + 2])
                      or re.search(r"[A-Z][a-z]+ $", value[max(0, match.start() - 20):match.start()]))
            if camel or (capitalised and not phrase):
                note(word, _line(text))
    for ref in doctree.findall(nodes.reference):
        match = _REPOSITORY.match(ref.get("refuri", ""))
        if match and not _skipped(ref):
            note(match.group(1).removesuffix(".git"), _line(ref))
    return [
        Suggestion("candidate", docname, first[key], f"{shown[key]!r} ({counts[key]}x) is not in the glossary",
                   {"name": shown[key], "count": counts[key]})
        for key in sorted(counts, key=lambda k: (-counts[k], k))
    ]


class SuggestBuilder(Builder):
    """Writes ``output.txt`` and ``output.json``: suggestions, never warnings (they are guesses)."""

    name = "suggest"
    format = ""
    epilog = __("Suggestions are in %(outdir)s/output.txt (and output.json).")
    allow_parallel = False

    def init(self) -> None:
        self.found: list[Suggestion] = []
        self._names: _Names | None = None

    def get_outdated_docs(self) -> str:
        return "all documents"

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: Set[str]) -> None:
        self.found = []
        self.lowercase: set[str] = set()

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        domain: SummitDomain = self.env.domains["summit"]
        catalog = domain.catalog
        if self._names is None:
            self._names = _Names(catalog)
        self.found += untagged(catalog, self._names, docname, doctree)
        if any(e.docname == docname for e in catalog.events.values()):
            self.found += candidates(catalog, self._names, docname, doctree)
        for text in _texts(doctree):
            self.lowercase.update(w for w in _WORD.findall(text.astext()) if w.islower())

    def without_common_words(self, found: list[Suggestion]) -> list[Suggestion]:
        """A capitalised word the book also writes in lower case is an ordinary word ("Deploy",
        "Hardware"); names keep their capital (Rackspace, Huawei).  Known after every page."""
        def common(name: str) -> bool:
            return name[:1].isupper() and name[1:].islower() and name.lower() in self.lowercase

        return [s for s in found if s.kind != "candidate" or not common(s.data["name"])]

    def without_ubiquitous(self) -> list[Suggestion]:
        """Names left untagged in more than a third of all sessions are the book's subject, not
        an omission (OpenStack in OpenStack reports): one line says so instead of fifty."""
        sessions = len(self.env.domains["summit"].catalog.sessions)
        counts = Counter((s.data["objtype"], s.data["id"]) for s in self.found if s.kind == "untagged")
        common = {key for key, n in counts.items() if n * 3 > sessions}
        kept = [s for s in self.found if s.kind != "untagged" or (s.data["objtype"], s.data["id"]) not in common]
        for objtype, ident in sorted(common):
            logger.info(f"not listed: {objtype} {ident!r}, named untagged in {counts[objtype, ident]} of "
                        f"{sessions} sessions (the book's subject, not an omission)")
        return kept

    def finish(self) -> None:
        outdir = Path(self.outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        found = sorted(self.without_common_words(self.without_ubiquitous()), key=lambda s: (s.kind != "untagged", s.docname, s.lineno, s.text))
        lines, records = [], []
        for item in found:
            filename = str(self.env.doc2path(item.docname, False))
            lines.append(f"{filename}:{item.lineno}: [{item.kind}] {item.text}")
            records.append({"kind": item.kind, "filename": filename, "lineno": item.lineno,
                            "text": item.text, **item.data})
        (outdir / "output.txt").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        (outdir / "output.json").write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
        kinds = Counter(item.kind for item in found)
        logger.info(f"{kinds['untagged']} untagged names, {kinds['candidate']} glossary candidates")
