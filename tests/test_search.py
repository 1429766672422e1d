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
