"""The browser splits Japanese queries exactly as Sphinx split the text it indexed."""

from __future__ import annotations

import json
import subprocess

from conftest import need_tool
from sphinx.search.ja import BaseSplitter, DefaultSplitter

from summit.search import QuerySplittingJapanese

SAMPLES = [
    "セキュリティグループ",
    "開発者会議",
    "相互運用性テスト",
    "仮想ネットワークの性能",
    "コンテナマイグレーションのデモ",
    "OpenStack上のKubernetesクラスタ",
    "2018年5月21日から24日まで",
    "ﾊﾝｶｸｶﾀｶﾅとＡＢＣ１２３",
    "一二三万の々〆ヵヶ",
]


def test_query_splitter_matches_the_index_splitter():
    need_tool("node", why="the splitter is JavaScript run in the browser")
    code = QuerySplittingJapanese({}).js_splitter_code
    assert code
    script = code + f"\nconsole.log(JSON.stringify({json.dumps(SAMPLES, ensure_ascii=False)}.map(splitQuery)));"
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    got = json.loads(result.stdout)
    splitter = DefaultSplitter({})
    for sample, terms in zip(SAMPLES, got, strict=True):
        expected = [w for w in splitter.split(sample) if len(w) > 1] or [sample]
        assert terms == expected, sample


class OtherSplitter(BaseSplitter):
    def split(self, input: str) -> list[str]:
        return input.split()


def test_other_splitters_get_no_twin():
    """With mecab or janome the index is split differently: keep Sphinx's plain query splitting."""
    assert "splitQuery" in QuerySplittingJapanese({"type": "sphinx.search.ja.DefaultSplitter"}).js_splitter_code
    assert QuerySplittingJapanese({"type": "test_search.OtherSplitter"}).js_splitter_code == ""


def test_index_entries_survive_rebuilds(rootdir, tmp_path):
    """The search index keeps every page's index entries on a rebuild (Sphinx 9.0 drops those of
    pages it does not re-write): no change, then an edit, equal to a clean build of the same text."""
    import json
    import shutil
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    def build(src):
        app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
        try:
            app.build()
        finally:
            app.cleanup()
        text = (src / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")
        return json.loads(text[text.index("(") + 1:text.rindex(")")])["indexentries"]

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    clean = build(src)
    assert clean and any("cells v2" in entry for entry in clean)
    assert build(src) == clean
    (src / "releases.md").write_text((src / "releases.md").read_text(encoding="utf-8") + "\n追記。\n",
                                     encoding="utf-8")
    edited = build(src)
    fresh = tmp_path / "fresh"
    shutil.copytree(src, fresh, ignore=shutil.ignore_patterns("_build"))
    assert edited == build(fresh) == clean


def test_index_entries_are_kept_beside_the_environment(rootdir, tmp_path, monkeypatch):
    """A rebuild takes the last entries from the file kept with the environment, not from a
    second parse of searchindex.js; a searchindex.js other than the one they were kept with
    (written since by something else) is parsed instead."""
    import json
    import os
    import shutil
    from io import StringIO

    from sphinx.search import js_index
    from sphinx.testing.util import SphinxTestApp

    from summit import search

    parsed: list[int] = []
    loads = js_index.loads

    def counting(text):  # type: ignore[no-untyped-def]
        parsed.append(len(text))
        return loads(text)

    monkeypatch.setattr(search.js_index, "loads", counting)

    def build(src):
        parsed.clear()
        app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
        try:
            app.build()
        finally:
            app.cleanup()
        text = (src / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")
        return json.loads(text[text.index("(") + 1:text.rindex(")")])["indexentries"], len(parsed)

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    clean, _ = build(src)
    assert (src / "_build" / "doctrees" / "summit-indexentries-html.pickle").exists()
    # Sphinx parses the index once itself (IndexBuilder.load); the extension never again ...
    assert build(src) == (clean, 1)
    index = src / "_build" / "html" / "searchindex.js"
    stat = index.stat()
    os.utime(index, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # written since by something else
    assert build(src) == (clean, 2)  # ... unless the file is not the one the entries were kept with
    assert build(src) == (clean, 1)
