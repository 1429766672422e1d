"""The speakers and organisations index: one entry per person and per organisation, in HTML,
the booklet and summit.json, with the rule of README ("Person (Organisation)") and aliases."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from helpers import html, warnings


def test_rule_and_aliases():
    from summit.speakers import alias_problems, entries

    sessions = [("a", ("Tim Bell (CERN)", "日本HP")), ("b", ("Tim Bell", "CERN")),
                ("c", ("真壁徹 (日本ＨＰ)",)), ("d", ("Morgan Fainberg (Hewlett-Packard)",))]
    aliases = {"日本HP": "HP", "Hewlett-Packard": "HP"}
    found = {(e.name, e.is_organisation): (e.organisation, e.sessions) for e in entries(sessions, aliases)}
    assert found[("Tim Bell", False)] == ("CERN", ("a", "b"))  # one person, however written
    assert found[("CERN", True)] == ("", ("a", "b"))  # an organisation everywhere once it is one somewhere
    assert found[("HP", True)] == ("", ("a", "c", "d"))  # aliases (full-width letters fold) make one entry
    assert found[("真壁徹", False)] == ("HP", ("c",))
    assert alias_problems(aliases) == []
    assert alias_problems({"HPE": "HP", "HP": "Hewlett-Packard"}) == [
        "speaker alias 'HP' -> 'Hewlett-Packard': 'HP' is itself an alias target (write the final name)"]


def test_declared_organisations():
    from summit.speakers import entries

    sessions = [("a", ("AT&T", "Jonathan Bryce")), ("b", ("ＡＴ＆Ｔ",)), ("c", ("日本ＨＰ",))]
    found = {e.name: e.is_organisation for e in entries(sessions, {"日本HP": "HP"}, ["at&t", "HP"])}
    # written alone, an organisation is a person unless declared; declared names fold, aliases apply
    assert found == {"AT&T": True, "Jonathan Bryce": False, "HP": True}
    assert {e.name: e.is_organisation for e in entries(sessions, {})}["AT&T"] is False


def test_many_sessions_each_once_in_book_order():
    from summit.speakers import entries

    # an organisation of thousands of sessions, and a speaker written twice in one session
    sessions = [(f"s{n:04d}", ("Ann (Big Co)", "Big Co") if n % 2 else ("Big Co", "Ann (Big Co)", "Ann"))
                for n in range(3000)]
    found = {(e.name, e.is_organisation): e.sessions for e in entries(sessions, {})}
    order = tuple(sid for sid, _ in sessions)
    assert found == {("Ann", False): order, ("Big Co", True): order}


def build(src: Path, builder: str = "html", **conf) -> SphinxTestApp:
    app = SphinxTestApp(builder, srcdir=src, status=StringIO(), warning=StringIO(), confoverrides=conf or None)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def with_speakers(rootdir: Path, tmp_path: Path, speakers: str) -> Path:
    """test-basic with ``:speakers:`` on the Japanese session; returns the source folder."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    chapter = src / "reports" / "2018-05-vancouver.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        ":::{session} japanese-session\n", f":::{{session}} japanese-session\n:speakers: {speakers}\n"),
        encoding="utf-8")
    return src


def test_index_page_export_and_booklet(rootdir, tmp_path):
    src = with_speakers(rootdir, tmp_path, "Tim Bell (CERN), 小川さん (NTT)")
    app = build(src)
    assert warnings(app) == []
    page = html(app, "summit-speakers")
    assert "登壇者索引" in page
    for name in ("CERN", "Tim Bell", "小川さん", "NTT"):
        assert f"{name}</code></a>" in page, name
    assert "(組織)" in page and "(CERN)" in page and "日本語の名前" in page
    assert 'href="reports/2018-05-vancouver.html#session-japanese-session"' in page
    data = json.loads((Path(app.outdir) / "summit.json").read_text(encoding="utf-8"))
    speakers = {s["name"]: s for s in data["speakers"]}
    assert speakers["CERN"] == {"name": "CERN", "organisation": None, "is_organisation": True,
                                "sessions": ["cern-cells-v1-to-v2", "japanese-session"]}
    assert speakers["Tim Bell"]["organisation"] == "CERN"
    tex = build(src, "latex")
    text = "".join(p.read_text(encoding="utf-8") for p in Path(tex.outdir).glob("*.tex"))
    assert r"\renewcommand{\indexname}{登壇者索引}" in text and r"\summitindexname{小川さん}" in text and r"\subitem\relax " in text


def with_setting(rootdir: Path, tmp_path: Path, setting: str) -> tuple[Path, int]:
    """test-basic with one more line in conf.py; returns the source folder and that line's number."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + setting + "\n", encoding="utf-8")
    return src, len(conf.read_text(encoding="utf-8").splitlines())


def test_alias_conflict_is_warned(rootdir, tmp_path):
    src, line = with_setting(rootdir, tmp_path, 'summit_speaker_aliases = {"HPE": "HP", "HP": "Hewlett-Packard"}')
    lines = warnings(build(src))
    assert len(lines) == 1 and f"conf.py:{line}: WARNING: speaker alias 'HP' -> 'Hewlett-Packard'" in lines[0], lines
    assert lines[0].endswith("[summit.alias]")


def test_an_organisation_written_alone_is_declared(rootdir, tmp_path):
    src = with_speakers(rootdir, tmp_path, "AT&T, Jonathan Bryce")
    for declared in (None, ["at&t"]):
        app = build(src, **({"summit_organisations": declared} if declared else {}))
        assert warnings(app) == []
        page = html(app, "summit-speakers")
        data = json.loads((Path(app.outdir) / "summit.json").read_text(encoding="utf-8"))
        speakers = {s["name"]: s["is_organisation"] for s in data["speakers"]}
        assert speakers["AT&T"] is bool(declared) and speakers["Jonathan Bryce"] is False
        assert ("AT&amp;T</code></a> <em>(組織)" in page) is bool(declared)


def test_a_declared_organisation_no_session_names_is_warned(rootdir, tmp_path):
    src, line = with_setting(rootdir, tmp_path, 'summit_organisations = ["cern", "Nobody Inc"]')
    lines = warnings(build(src))
    # CERN is someone's organisation in the book (in any case); Nobody Inc is named by no session
    assert len(lines) == 1, lines
    assert f"conf.py:{line}: WARNING: summit_organisations names 'Nobody Inc', which no session's speakers include" in lines[0]
    assert lines[0].endswith("[summit.organisation]")
    app = build(src)  # and on a build with no change, where no document is read
    assert len(warnings(app)) == 1
