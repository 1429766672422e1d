"""FastSplitter gives exactly DefaultSplitter's tokens: on every line of the book and on random
Japanese, Latin and mixed text; and the search index is the one DefaultSplitter would build."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.search.ja import DefaultSplitter

from summit.splitter import FastSplitter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT, FAST = DefaultSplitter({}), FastSplitter({})
#: scripts and marks TinySegmenter treats differently: kanji, kana, half-width kana, digits, Latin, ...
ALPHABET = st.sampled_from(list("日本語の会議でネットワークを設定した。仮想化ｶﾀｶﾅ一二三十百千万億兆"
                                "０１２ａｂｃＡＢＣ012abcXYZ、，。.!?・ー「」()（）　 \t-_/"
                                "ぁあぃいァアィイ漢字変換🚀é"))


def test_every_line_of_the_book():
    lines = [line for path in sorted((ROOT / "docs").rglob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 1000
    assert [FAST.split(line) for line in lines] == [DEFAULT.split(line) for line in lines]


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=60) | st.text(max_size=40))
def test_random_text(text):
    assert FAST.split(text) == DEFAULT.split(text)


def test_the_book_indexes_with_it(build_root):
    app = build_root("basic", "html")
    assert type(app.builder.indexer.lang.splitter) is FastSplitter


BUILD = """
import sys
from io import StringIO
from pathlib import Path
from sphinx.application import Sphinx
root, out, options = Path(sys.argv[1]), Path(sys.argv[2]), eval(sys.argv[3])
app = Sphinx(root / "docs", root, out, out / ".doctrees", "html", status=StringIO(), warning=StringIO(),
             confoverrides={"html_search_options": options})
app.build()
print(type(app.builder.indexer.lang.splitter).__name__)
"""


def test_same_search_index_as_sphinx_builds(tmp_path):
    """The whole book indexed with FastSplitter and with Sphinx's own splitter: the same bytes.
    (In a process of its own: a Sphinx application on the real book registers nodes globally.)"""
    import subprocess
    import sys

    indexes, splitters = [], []
    for n, options in enumerate(("{}", "{'type': 'sphinx.search.ja.DefaultSplitter'}")):
        out = tmp_path / f"out{n}"
        result = subprocess.run([sys.executable, "-c", BUILD, str(ROOT), str(out), options], check=True,
                                capture_output=True, text=True)
        splitters.append(result.stdout.split()[-1])
        indexes.append((out / "searchindex.js").read_bytes())
    assert splitters == ["FastSplitter", "DefaultSplitter"]
    assert len(indexes[0]) > 100_000 and indexes[0] == indexes[1]
