"""Bad input, row by row: one precise warning at file:line with its subtype, and the book still builds.

Each row adds a file or two to a small clean book (tests/roots/test-matrix) and builds it alone,
so every row can check that it gets exactly its own warnings, that the rest of the book (two
sessions, their glossary and release entries, both indices, objects.inv) is intact, and that
`-W` turns it into a failing build.  Rows already covered by tests/test_warnings.py (root
tests/roots/test-warnings) are not repeated here; `test_every_subtype_is_produced` counts both.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import NamedTuple

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import entry, inventory, project_index_counts, section, warnings

ROOT_NAME = "test-matrix"
BASE = "reports/2018-05-base"


def md(text: str) -> str:
    """A source file written inline: dedented, line 1 is the first line after the opening quotes."""
    return textwrap.dedent(text).lstrip("\n")


class Out:
    """A built book: its output folder, its warnings, its pages."""

    def __init__(self, app: SphinxTestApp) -> None:
        self.app = app
        self.dir = Path(app.outdir)
        # Paths relative to the source folder, so two books' warnings compare equal.
        self.warnings = [line.replace(f"{app.srcdir}/", "") for line in warnings(app)]

    def page(self, docname: str) -> str:
        return (self.dir / f"{docname}.html").read_text(encoding="utf-8")


class Row(NamedTuple):
    name: str
    files: dict[str, str | bytes]
    #: (file:line, text or pattern, subtype); an empty list means "must work, no warning"
    expected: list[tuple[str, str | re.Pattern[str], str]]
    check: Callable[[Out], None] | None = None


def build(src: Path, **kwargs) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def make_book(rootdir: Path, target: Path, *rows: Row) -> Path:
    shutil.copytree(rootdir / ROOT_NAME, target)
    for row in rows:
        for path, content in row.files.items():
            file = target / path
            file.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                file.write_bytes(content)
            else:
                file.write_text(content, encoding="utf-8", newline="")
    return target


def matches(line: str, where: str, text: str | re.Pattern[str]) -> bool:
    """Whether a warning line is at ``where`` (file:line) and says ``text``."""
    if not line.startswith(f"{where}: WARNING: "):
        return False
    return bool(text.search(line)) if isinstance(text, re.Pattern) else text in line


def assert_base_intact(out: Out) -> None:
    """The clean part of the book renders as if the bad row were not there."""
    chapter = out.page(BASE)
    for sid in ("base-one", "base-two"):
        assert chapter.count(f'<section id="session-{sid}">') == 1, sid
    assert 'id="event-base-2018"' in chapter
    glossary = out.page("glossary")
    nova = entry(glossary, "project-nova")
    assert f"{BASE}.html#session-base-one" in nova and f"{BASE}.html#session-base-two" in nova
    assert f"{BASE}.html#session-base-two" in entry(glossary, "project-neutron")
    assert f"{BASE}.html#session-base-one" in entry(glossary, "project-cells-v2")
    assert 'href="#project-cells-v2"' in nova  # sub-project
    releases = out.page("releases")
    rocky = entry(releases, "release-rocky")
    assert f"{BASE}.html#session-base-one" in rocky and f"{BASE}.html#event-base-2018" in rocky
    assert f"{BASE}.html#session-base-two" in entry(releases, "release-queens")
    for index in ("summit-projects", "summit-releases"):
        page = out.page(index)
        assert f"{BASE}.html#session-base-one" in page and f"{BASE}.html#session-base-two" in page, index
    assert project_index_counts(out.page("summit-projects"), "nova")[0] >= 2  # rows may add sessions
    labels = inventory(out.app)["std:label"]
    assert labels["session-base-one"].uri.endswith(f"{BASE}.html#session-base-one")
    assert labels["project-nova"].uri.endswith("glossary.html#project-nova")


# -- row-specific checks on the output -----------------------------------------------------------

def shown(docname: str, *texts: str) -> Callable[[Out], None]:
    """The page still shows these texts (the mistaken input is kept visible, never dropped)."""
    def check(out: Out) -> None:
        page = out.page(docname)
        for text in texts:
            assert text in page, text
    return check


def session_in(docname: str, sid: str, *entries: tuple[str, str]) -> Callable[[Out], None]:
    """The session has its anchor in its chapter and is listed in the given (page, entry id)s."""
    def check(out: Out) -> None:
        assert out.page(docname).count(f'<section id="session-{sid}">') == 1
        for page, element_id in entries:
            assert f"{docname}.html#session-{sid}" in entry(out.page(page), element_id), (page, element_id)
        assert inventory(out.app)["std:label"][f"session-{sid}"].uri.endswith(f"#session-{sid}")
    return check


def both(*checks: Callable[[Out], None]) -> Callable[[Out], None]:
    """All of these checks."""
    def check(out: Out) -> None:
        for one in checks:
            one(out)
    return check


def proposed_slug_is_used(docname: str, title: str) -> Callable[[Out], None]:
    """The session with an invalid id is still declared, under the slug the warning proposes."""
    def check(out: Out) -> None:
        proposals = [re.search(r"e\.g\. '([^']*)'", line) for line in out.warnings if "invalid session id" in line]
        slug = next((p.group(1) for p in proposals if p), None)
        assert slug, f"no slug proposed: {out.warnings}"
        page = out.page(docname)
        assert f'<section id="session-{slug}">' in page
        assert title in section(page, f"session-{slug}")
    return check


def in_session(docname: str, sid: str, text: str) -> Callable[[Out], None]:
    """The text is shown inside the session's section."""
    def check(out: Out) -> None:
        assert text in section(out.page(docname), f"session-{sid}")
    return check


def absent(docname: str, text: str) -> Callable[[Out], None]:
    """The page does not contain the text."""
    def check(out: Out) -> None:
        assert text not in out.page(docname)
    return check


def no_carriage_return(docname: str) -> Callable[[Out], None]:
    """No CR of a CRLF source leaks into the page (values, titles, names)."""
    def check(out: Out) -> None:
        raw = (out.dir / f"{docname}.html").read_bytes()
        assert b"\r" not in raw and b"&#13;" not in raw
    return check


def quoted_values_kept(out: Out) -> None:
    """Values starting with a quote or holding " #" are shown whole, as written."""
    page = out.page("reports/2018-06-quotes")
    event = section(page, "event-quotes-2018", "</dl>")
    assert "&quot;Quoted&quot; Summit # 2018" in event
    assert "&#39;Hall A&#39; # level 2" in event or "'Hall A' # level 2" in event
    block = section(page, "session-quoted", "</dl>")
    assert "&quot;Alice&quot; # keynote、Bob" in block
    assert "&quot;panel&quot; # maybe" in block
    # The role to the event shows its name, whole, and so does the inventory.
    assert re.search(r'href="#event-quotes-2018"[^>]*><span[^>]*>&quot;Quoted&quot; Summit # 2018<', page)
    assert inventory(out.app)["std:label"]["event-quotes-2018"].display_name == '"Quoted" Summit # 2018'


def fullwidth_commas_split(out: Out) -> None:
    """、 and ， separate list items like ASCII commas do."""
    chapter = "reports/2018-06-fullwidth"
    session_in(chapter, "fullwidth", ("glossary", "project-nova"), ("glossary", "project-neutron"),
               ("glossary", "project-cells-v2"), ("releases", "release-queens"),
               ("releases", "release-rocky"))(out)
    assert "山田、田中、Smith" in section(out.page(chapter), "session-fullwidth", "</dl>")


# -- the rows ------------------------------------------------------------------------------------

ROWS: list[Row] = [
    # unknown names: in options (:cycle:) and in roles (release role, titled role, roles outside chapters)
    Row("unknown-release-in-cycle", {"reports/2018-06-cycle.md": md("""
        # Cycle

        :::{event} cycle-2018
        :cycle: Rokcy
        :::
        """)},
        [("reports/2018-06-cycle.md:3", "unknown release 'Rokcy' (リリース) (did you mean 'Rocky'?)", "unknown")],
        shown("reports/2018-06-cycle", "Rokcy")),
    Row("unknown-release-role", {"reports/2018-06-relrole.md": md("""
        # Release role

        :::{event} relrole-2018
        :::

        Planned for {release}`Quens`.
        """)},
        [("reports/2018-06-relrole.md:6", "unknown release 'Quens' (リリース) (did you mean 'Queens'?)", "unknown")],
        shown("reports/2018-06-relrole", "Quens")),
    Row("unknown-project-titled-role", {"reports/2018-06-titled.md": md("""
        # Titled role

        :::{event} titled-2018
        :::

        About {project}`計算サービス <Nvoa>`.
        """)},
        [("reports/2018-06-titled.md:6", "unknown project 'Nvoa' (プロジェクト) (did you mean 'Nova'?)", "unknown")],
        shown("reports/2018-06-titled", "計算サービス")),
    Row("unknown-session-role-in-definition", {"glossary-session-role.md": md("""
        # More projects

        :::{project} Placement
        Discussed in {session}`base-tow`.
        :::
        """)},
        [("glossary-session-role.md:4", "unknown session 'base-tow' (セッション) (did you mean 'base-two'",
          "unknown")],
        shown("glossary-session-role", "base-tow")),
    Row("unknown-event-role-in-release", {"releases-event-role.md": md("""
        # More releases

        :::{release} Stein
        Planned at {event}`base-2019`.
        :::
        """)},
        [("releases-event-role.md:4", "unknown event 'base-2019' (イベント) (did you mean 'base-2018'?)",
          "unknown")],
        shown("releases-event-role", "base-2019")),

    # aliases and parents
    Row("alias-is-another-name", {"glossary-alias.md": md("""
        # More projects

        :::{project} Compute
        :aliases: Cells v2
        :::
        """)},
        [("glossary-alias.md:3",
          re.compile(r"project alias 'Cells v2' of 'Compute' is already the name of 'Cells v2' \(glossary(\.md)?:13\)"),
          "alias")]),
    Row("release-alias-is-another-release", {"releases-alias.md": md("""
        # More releases

        :::{release} Stein
        :aliases: Queens
        :::
        """)},
        [("releases-alias.md:3",
          re.compile(r"release alias 'Queens' of 'Stein' is already the (id|name) of 'Queens' \(releases(\.md)?:3\)"),
          "alias")]),
    Row("own-parent", {"glossary-own-parent.md": md("""
        # More projects

        :::{project} Solo
        :parent: solo
        :::
        """)},
        [("glossary-own-parent.md:3", "project 'Solo' is its own parent", "parent")]),

    # duplicate ids across documents: the second place warns and names the first
    Row("duplicate-event-across-documents", {"reports/2018-06-dupevent.md": md("""
        # Same event again

        :::{event} base-2018
        :::

        ## Talk

        :::{session} dupevent-talk
        :::
        """)},
        [("reports/2018-06-dupevent.md:3",
          re.compile(r"duplicate event id 'base-2018': also declared at reports/2018-05-base(\.md)?:3"),
          "duplicate")],
        shown("reports/2018-06-dupevent", '<section id="session-dupevent-talk">')),
    Row("duplicate-project-across-documents", {"glossary-dup.md": md("""
        # More projects

        :::{project} Nova
        :::
        """)},
        [("glossary-dup.md:3", re.compile(r"duplicate project id 'nova': also declared at glossary(\.md)?:3"),
          "duplicate")]),
    Row("duplicate-release-across-documents", {"releases-dup.md": md("""
        # More releases

        :::{release} Rocky
        :::
        """)},
        [("releases-dup.md:3", re.compile(r"duplicate release id 'rocky': also declared at releases(\.md)?:7"),
          "duplicate")]),
    Row("duplicate-project-name-other-id", {"glossary-dupname.md": md("""
        # More projects

        :::{project} NOVA
        :id: nova-compute
        :::
        """)},
        [("glossary-dupname.md:3",
          re.compile(r"project name 'NOVA' of 'NOVA' is already the (id|name) of 'Nova' \(glossary(\.md)?:3\)"),
          "duplicate")]),

    # ids: upper case, spaces, punctuation, Japanese: a valid slug is proposed
    Row("id-upper-case-event", {"reports/2018-06-upper.md": md("""
        # Upper

        :::{event} Upper-2018
        :::
        """)},
        [("reports/2018-06-upper.md:3", "invalid event id 'Upper-2018': use lower-case ASCII letters, digits and "
          "hyphens, e.g. 'upper-2018'", "id")],
        shown("reports/2018-06-upper", 'id="event-upper-2018"')),
    Row("id-japanese-session", {"reports/2018-06-jpid.md": md("""
        # Japanese id

        :::{event} jpid-2018
        :::

        ## 東京の話

        :::{session} 東京セッション
        :::
        """)},
        [("reports/2018-06-jpid.md:8",
          re.compile(r"invalid session id '東京セッション': .*e\.g\. '[a-z0-9]+(-[a-z0-9]+)*'"), "id")],
        proposed_slug_is_used("reports/2018-06-jpid", "東京の話")),
    Row("id-spaces-project", {"glossary-spaces.md": md("""
        # More projects

        :::{project} Nova Compute
        :id: Nova Compute
        :::
        """)},
        [("glossary-spaces.md:3", "invalid project id 'Nova Compute': use lower-case ASCII letters, digits and "
          "hyphens, e.g. 'nova-compute'", "id")],
        shown("glossary-spaces", 'id="project-nova-compute"')),
    Row("id-punctuation-release", {"releases-punct.md": md("""
        # More releases

        :::{release} Antelope
        :id: antelope_2023.1
        :::
        """)},
        [("releases-punct.md:3", "invalid release id 'antelope_2023.1': use lower-case ASCII letters, digits and "
          "hyphens, e.g. 'antelope-2023-1'", "id")],
        shown("releases-punct", 'id="release-antelope-2023-1"')),
    Row("id-japanese-project-name", {"glossary-jpname.md": md("""
        # More projects

        :::{project} 計算基盤
        :::
        """)},
        [("glossary-jpname.md:3", re.compile(r"project '計算基盤' is not ASCII: give it an :id: "
                                             r"\(e\.g\. '[a-z0-9]+(-[a-z0-9]+)*'\)"), "id")],
        shown("glossary-jpname", "計算基盤")),

    # empty arguments and empty option values
    Row("empty-session-id", {"reports/2018-06-noid.md": md("""
        # No id

        :::{event} noid-2018
        :::

        ## Talk without id

        :::{session}
        :date: 2018-06-01
        :::
        """)},
        [("reports/2018-06-noid.md:8", "{session} needs an id argument", "id")],
        shown("reports/2018-06-noid", "Talk without id")),
    Row("empty-event-id", {"reports/2018-06-noevid.md": md("""
        # No event id

        :::{event}
        :name: Nameless event
        :::
        """)},
        [("reports/2018-06-noevid.md:3", "{event} needs an id argument", "id")],
        shown("reports/2018-06-noevid", "No event id")),
    Row("empty-project-name", {"glossary-noname.md": md("""
        # More projects

        :::{project}
        :url: https://example.org/
        :::
        """)},
        [("glossary-noname.md:3", "needs a name argument", "id")]),
    Row("empty-option-value", {"reports/2018-06-emptyopt.md": md("""
        # Empty option

        :::{event} emptyopt-2018
        :::

        ## Talk

        :::{session} emptyopt
        :track:
        :::
        """)},
        [("reports/2018-06-emptyopt.md:8", re.compile(r":track:.*\bempty\b|\bempty\b.*:track:"), "option")],
        shown("reports/2018-06-emptyopt", '<section id="session-emptyopt">')),

    # body content where none is allowed: warned, and the text is kept and shown
    Row("body-in-session", {"reports/2018-06-sbody.md": md("""
        # Session body

        :::{event} sbody-2018
        :::

        ## Talk

        :::{session} sbody
        :date: 2018-06-01
        Text written inside the session block.
        :::
        """)},
        [("reports/2018-06-sbody.md:8", "{session} takes no body; the text is kept after the session block",
          "content")],
        in_session("reports/2018-06-sbody", "sbody", "Text written inside the session block.")),
    Row("body-in-event", {"reports/2018-06-ebody.md": md("""
        # Event body

        :::{event} ebody-2018
        :name: Event with a body
        Text written inside the event block.
        :::
        """)},
        [("reports/2018-06-ebody.md:3", "{event} takes no body; the text is kept after the event block", "content")],
        shown("reports/2018-06-ebody", "Text written inside the event block.", "Event with a body")),

    # options: repeated, unknown, empty list items
    Row("option-twice", {"reports/2018-06-twice.md": md("""
        # Twice

        :::{event} twice-2018
        :::

        ## Talk

        :::{session} twice
        :date: 2018-06-01
        :date: 2018-06-02
        :::
        """)},
        [("reports/2018-06-twice.md:8", "option :date: given twice; the last value is used", "option")],
        in_session("reports/2018-06-twice", "twice", "2018年6月2日")),
    Row("unknown-option-session", {"reports/2018-06-unkopt.md": md("""
        # Unknown option

        :::{event} unkopt-2018
        :::

        ## Talk

        :::{session} unkopt
        :speaker: Alice
        :projects: Nova
        :::
        """)},
        [("reports/2018-06-unkopt.md:8", "unknown option :speaker: of {session} (allowed: :projects:, :releases:, "
          ":speakers:", "option")],
        session_in("reports/2018-06-unkopt", "unkopt", ("glossary", "project-nova"))),
    Row("unknown-option-project", {"glossary-unkopt.md": md("""
        # More projects

        :::{project} Placement
        :alias: Placement API
        :::
        """)},
        [("glossary-unkopt.md:3", "unknown option :alias: of", "option")],
        shown("glossary-unkopt", 'id="project-placement"')),
    Row("empty-list-item", {"reports/2018-06-doubled.md": md("""
        # Doubled comma

        :::{event} doubled-2018
        :::

        ## Talk

        :::{session} doubled
        :projects: Nova,, Neutron
        :::
        """)},
        [("reports/2018-06-doubled.md:8", "empty item in :projects: (a doubled or trailing comma?)", "option")],
        session_in("reports/2018-06-doubled", "doubled", ("glossary", "project-nova"),
                   ("glossary", "project-neutron"))),
    Row("trailing-comma", {"reports/2018-06-trailing.md": md("""
        # Trailing comma

        :::{event} trailing-2018
        :::

        ## Talk

        :::{session} trailing
        :releases: Rocky,
        :::
        """)},
        [("reports/2018-06-trailing.md:8", "empty item in :releases: (a doubled or trailing comma?)", "option")],
        session_in("reports/2018-06-trailing", "trailing", ("releases", "release-rocky"))),

    # dates not covered by test_warnings: an event's malformed date, an impossible release date,
    # a session outside an event known only to the month
    Row("malformed-event-date", {"reports/2018-06-slashes.md": md("""
        # Slashes

        :::{event} slashes-2018
        :start: 2018/06/01
        :::
        """)},
        [("reports/2018-06-slashes.md:3", ":start: '2018/06/01' is not an ISO 8601 date", "date")],
        shown("reports/2018-06-slashes", 'id="event-slashes-2018"')),
    Row("impossible-release-date", {"releases-leap.md": md("""
        # More releases

        :::{release} Stein
        :released: 2019-02-29
        :::
        """)},
        [("releases-leap.md:3", ":released: '2019-02-29' is impossible: 2019-02 has 28 days", "date")],
        shown("releases-leap", 'id="release-stein"')),
    Row("session-outside-month-event", {"reports/2018-06-month.md": md("""
        # Month

        :::{event} month-2018
        :start: 2018-06
        :::

        ## Talk

        :::{session} month-talk
        :date: 2018-07-02
        :::
        """)},
        [("reports/2018-06-month.md:9", "session date 2018-07-02 is outside its event", "date")],
        shown("reports/2018-06-month", '<section id="session-month-talk">')),

    # the editorial mark
    Row("empty-restored", {"reports/2018-06-restored.md": md("""
        # Restored

        :::{event} restored-2018
        :::

        Some {restored}`<>` text.
        """)},
        [("reports/2018-06-restored.md:6", "empty {restored} role: write NEW, NEW <OLD> or <OLD>", "restored")],
        shown("reports/2018-06-restored", "Some")),

    # an author's page where a short URL would go: it keeps its page, the object has no short URL
    Row("short-url-collision", {"p/nova.md": md("""
        ---
        orphan: true
        ---
        # Nova notes

        The author's own page about Nova.
        """)},
        [("glossary.md:3", "the short URL p/nova.html of project 'nova' is the page of document 'p/nova': "
          "the short URL is not written (rename the document or the id)", "export")],
        shown("p/nova", "The author's own page about Nova.")),

    # must work, no warning: stray whitespace, full-width commas, quotes and " #", CRLF, BOM, tabs
    Row("stray-whitespace", {"reports/2018-06-spaces.md": md("""
        # Spaces

        :::{event}   spaces-2018   
        :name:   Spaced Summit   
        :start:  2018-06-01  
        :::

        ## Talk

        :::{session}   spaces   
        :projects:    Nova ,   Cells   v2  ,  quantum   
         :releases: Rocky
        :date:   2018-06-01   
        :::
        """)},
        [],
        both(session_in("reports/2018-06-spaces", "spaces", ("glossary", "project-nova"),
                        ("glossary", "project-cells-v2"), ("glossary", "project-neutron"),
                        ("releases", "release-rocky")),
             shown("reports/2018-06-spaces", 'id="event-spaces-2018"', "Spaced Summit", "2018年6月1日"))),
    Row("fullwidth-commas", {"reports/2018-06-fullwidth.md": md("""
        # Full-width commas

        :::{event} fullwidth-2018
        :::

        ## Talk

        :::{session} fullwidth
        :projects: Nova、Neutron，Cells v2
        :releases: Queens，Rocky
        :speakers: 山田、田中，Smith
        :::
        """)},
        [],
        fullwidth_commas_split),
    Row("quotes-and-hash", {"reports/2018-06-quotes.md": md("""
        # Quotes

        :::{event} quotes-2018
        :name: "Quoted" Summit # 2018
        :location: 'Hall A' # level 2
        :::

        ## Talk

        :::{session} quoted
        :speakers: "Alice" # keynote, Bob
        :track: "panel" # maybe
        :::

        See {event}`quotes-2018`.
        """)},
        [],
        quoted_values_kept),
    Row("crlf", {"reports/2018-06-crlf.md": md("""
        # CRLF

        :::{event} crlf-2018
        :name: CRLF Summit
        :start: 2018-06-01
        :::

        ## Talk

        :::{session} crlf
        :projects: Nova
        :speakers: Alice
        :date: 2018-06-01
        :::
        """).replace("\n", "\r\n").encode("utf-8")},
        [],
        both(session_in("reports/2018-06-crlf", "crlf", ("glossary", "project-nova")),
             no_carriage_return("reports/2018-06-crlf"), no_carriage_return("glossary"))),
    Row("bom", {"reports/2018-06-bom.md": "\ufeff".encode() + md("""
        # BOM

        :::{event} bom-2018
        :::

        ## Talk

        :::{session} bom
        :projects: Nova
        :::
        """).encode("utf-8")},
        [],
        both(session_in("reports/2018-06-bom", "bom", ("glossary", "project-nova")),
             absent("reports/2018-06-bom", "\ufeff"))),
    Row("tabs-in-options", {"reports/2018-06-tabs.md": md("""
        # Tabs

        :::{event} tabs-2018
        :name:\tTabbed Summit
        :start:\t2018-06-01
        :::

        ## Talk

        :::{session} tabs
        :projects:\tNova,\tNeutron
        :releases:\t\tRocky
        :date:\t2018-06-01\t
        :::
        """)},
        [],
        both(session_in("reports/2018-06-tabs", "tabs", ("glossary", "project-nova"), ("glossary", "project-neutron"),
                        ("releases", "release-rocky")),
             shown("reports/2018-06-tabs", "Tabbed Summit", "2018年6月1日"))),
]

ROW_IDS = [row.name for row in ROWS]


@pytest.fixture(scope="module")
def built(rootdir, tmp_path_factory) -> Callable[[Row], Out]:
    """Build the base book plus one row, once per row for the whole module."""
    cache: dict[str, Out] = {}

    def get(row: Row) -> Out:
        if row.name not in cache:
            src = make_book(rootdir, tmp_path_factory.mktemp(row.name) / "src", row)
            cache[row.name] = Out(build(src))
        return cache[row.name]

    return get


def test_base_book_is_clean(rootdir, tmp_path):
    """The matrix's base book builds without a warning: every warning below comes from its row."""
    out = Out(build(make_book(rootdir, tmp_path / "src")))
    assert out.warnings == []
    assert_base_intact(out)


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_row_warns_precisely(built, row):
    """Each bad input gets its warning at file:line with [summit.<subtype>], and no other warning."""
    out = built(row)
    for where, text, subtype in row.expected:
        matching = [line for line in out.warnings if matches(line, where, text)]
        assert matching, f"no warning {where}: {text}\n" + "\n".join(out.warnings)
        assert all(line.endswith(f"[summit.{subtype}]") for line in matching), matching
    unexpected = [line for line in out.warnings if not any(matches(line, w, t) for w, t, _ in row.expected)]
    assert unexpected == []


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_row_keeps_the_book_intact(built, row):
    """The bad input damages nothing else, and what it declared is kept and shown."""
    out = built(row)
    assert_base_intact(out)
    if row.check is not None:
        row.check(out)


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_row_fails_the_build_under_W(rootdir, tmp_path, row):
    """-W (warningiserror) turns each row into a failing build; inputs that must work still pass."""
    app = build(make_book(rootdir, tmp_path / "src", row), warningiserror=True)
    assert app.statuscode == (1 if row.expected else 0), warnings(app)


def test_warnings_root_fails_the_build_under_W(rootdir, tmp_path):
    """-W also fails the build of the rows of tests/test_warnings.py (root tests/roots/test-warnings)."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-warnings", src)
    app = build(src, warningiserror=True)
    assert app.statuscode == 1
    assert len(warnings(app)) >= 20


# -- suppress_warnings: one subtype, exactly ----------------------------------------------------

#: rows of different subtypes that can share one book (distinct files, distinct ids)
MIXED = ["unknown-release-role", "option-twice", "body-in-session", "malformed-event-date",
         "id-upper-case-event", "empty-restored", "own-parent", "alias-is-another-name",
         "duplicate-release-across-documents"]


def mixed_rows() -> list[Row]:
    by_name = {row.name: row for row in ROWS}
    return [by_name[name] for name in MIXED]


def expected_lines(out: Out, rows: list[Row], subtype: str | None = None) -> list[str]:
    return [line for row in rows for where, text, sub in row.expected if subtype in (None, sub)
            for line in out.warnings if matches(line, where, text)]


@pytest.fixture(scope="module")
def mixed(rootdir, tmp_path_factory) -> Out:
    return Out(build(make_book(rootdir, tmp_path_factory.mktemp("mixed") / "src", *mixed_rows())))


def test_mixed_book_has_every_row_warning(mixed):
    """Rows keep their warnings when they share a book (the baseline of the suppression tests)."""
    rows = mixed_rows()
    for row in rows:
        for where, text, subtype in row.expected:
            assert any(matches(line, where, text) and line.endswith(f"[summit.{subtype}]")
                       for line in mixed.warnings), (row.name, where, text)
    assert sorted(mixed.warnings) == sorted(set(expected_lines(mixed, rows)))


@pytest.mark.parametrize("subtype", ["unknown", "option", "content", "date", "id", "parent"])
def test_suppress_warnings_silences_exactly_one_subtype(rootdir, tmp_path, mixed, subtype):
    """suppress_warnings = ["summit.<subtype>"] silences that subtype and nothing else."""
    rows = mixed_rows()
    assert any(f"[summit.{subtype}]" in line for line in mixed.warnings)
    app = build(make_book(rootdir, tmp_path / "src", *rows),
                confoverrides={"suppress_warnings": [f"summit.{subtype}"]})
    out = Out(app)
    assert [line for line in out.warnings if f"[summit.{subtype}]" in line] == []
    others = [line for line in mixed.warnings if not line.endswith(f"[summit.{subtype}]")]
    assert sorted(out.warnings) == sorted(others)
    assert_base_intact(out)


def test_every_subtype_is_produced():
    """Every documented subtype is produced by a row here or in tests/test_warnings.py."""
    from summit.log import SUBTYPES
    from test_warnings import EXPECTED

    produced = {subtype for *_, subtype in EXPECTED} | {subtype for row in ROWS for *_, subtype in row.expected}
    assert produced == set(SUBTYPES)


# -- a chapter renamed or deleted between two builds ---------------------------------------------

EXTRA = "reports/2018-07-extra"
REFERS = "reports/2018-08-refers"
MOVED = "reports/2018-09-moved"

INCREMENTAL = Row("incremental", {f"{EXTRA}.md": md("""
    # Extra chapter

    :::{event} extra-2018
    :name: Extra Summit
    :start: 2018-07-01
    :cycle: Queens
    :::

    ## Extra talk

    :::{session} extra-one
    :projects: Neutron
    :releases: Queens
    :::
    """), f"{REFERS}.md": md("""
    # Referring chapter

    :::{event} refers-2018
    :::

    ## A talk that refers

    :::{session} refers-one
    :::

    As said in {session}`extra-one`.
    """)}, [])

#: what the book shows besides chapters: every place a session can be listed
LISTINGS = ["glossary", "releases", "summit-projects", "summit-releases", "genindex", "index"]


def build_in(src: Path, out: Path) -> Out:
    """Build into a fixed folder, as `make html` does, so the second build is incremental."""
    app = SphinxTestApp("html", srcdir=src, builddir=out, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return Out(app)


def stale_mentions(out: Out, docname: str) -> list[str]:
    """Pages (other than the old page itself) and files that still link into ``docname``.

    Links with a fragment only: Sphinx's own previous/next links of the neighbouring chapter are
    not re-written when the toctree order changes (a Sphinx limitation, not a session).
    """
    basename = docname.rpartition("/")[2]  # links between chapters are relative
    found = [page for page in [*LISTINGS, BASE, REFERS]
             if (out.dir / f"{page}.html").exists() and f"{basename}.html#" in out.page(page)]
    for name in ("searchindex.js", "objects.inv"):
        if name == "objects.inv":
            uris = [item.uri for items in inventory(out.app).values() for item in items.values()]
            if any(f"{docname}.html" in uri for uri in uris):
                found.append(name)
        elif f'"{docname}"' in (out.dir / name).read_text(encoding="utf-8"):
            found.append(name)
    return found


@pytest.fixture
def incremental_book(rootdir, tmp_path) -> tuple[Path, Path, Out]:
    src = make_book(rootdir, tmp_path / "src", INCREMENTAL)
    first = build_in(src, tmp_path / "out")
    assert first.warnings == []
    assert f"{EXTRA}.html#session-extra-one" in entry(first.page("glossary"), "project-neutron")
    return src, tmp_path / "out", first


def test_renamed_chapter_leaves_nothing_stale(incremental_book):
    """A chapter renamed between builds: no crash, no duplicate, every listing points at the new page."""
    src, out_dir, _ = incremental_book
    (src / f"{EXTRA}.md").rename(src / f"{MOVED}.md")
    out = build_in(src, out_dir)
    assert out.warnings == []
    assert stale_mentions(out, EXTRA) == []
    assert out.page(MOVED).count('<section id="session-extra-one">') == 1
    assert f"{MOVED}.html#session-extra-one" in entry(out.page("glossary"), "project-neutron")
    assert f"{MOVED}.html#session-extra-one" in entry(out.page("releases"), "release-queens")
    assert f"{MOVED}.html#event-extra-2018" in entry(out.page("releases"), "release-queens")
    for index in ("summit-projects", "summit-releases"):
        assert out.page(index).count(f"{MOVED}.html#session-extra-one") == 1, index
    assert 'href="2018-09-moved.html#session-extra-one"' in out.page(REFERS)  # the role follows the move
    assert inventory(out.app)["summit:session"]["extra-one"].uri.endswith(f"{MOVED}.html#summit-session-extra-one")
    assert_base_intact(out)


def test_deleted_chapter_leaves_nothing_stale(incremental_book):
    """A chapter deleted between builds: its sessions leave every listing; a role to one now warns."""
    src, out_dir, _ = incremental_book
    (src / f"{EXTRA}.md").unlink()
    out = build_in(src, out_dir)
    assert stale_mentions(out, EXTRA) == []
    assert len(out.warnings) == 1, out.warnings
    assert matches(out.warnings[0], f"{REFERS}.md:11", "unknown session 'extra-one' (セッション)")
    assert out.warnings[0].endswith("[summit.unknown]")
    assert "extra-one" not in out.page("glossary") and "extra-one" not in out.page("summit-releases")
    assert "extra-one" not in inventory(out.app).get("summit:session", {})
    assert "session-extra-one" not in inventory(out.app)["std:label"]
    queens = entry(out.page("releases"), "release-queens")
    assert "extra-one" not in queens and "event-extra-2018" not in queens
    assert_base_intact(out)


def test_deleted_chapter_page_is_removed(incremental_book):
    """The deleted chapter's own HTML page does not linger in the output with its stale sessions."""
    src, out_dir, first = incremental_book
    (src / f"{EXTRA}.md").unlink()
    out = build_in(src, out_dir)
    assert not (out.dir / f"{EXTRA}.html").exists()
