"""Japanese search: split queries in the browser exactly as the index was split.

Sphinx segments Japanese text with TinySegmenter when it builds the index, but the browser
splits a query only at spaces and punctuation, so ``セキュリティグループ`` typed without a space
finds nothing unless it is one index word.  This ships the same segmenter, with the very tables
the index used (read from :class:`sphinx.search.ja.DefaultSplitter`), as ``splitQuery``.
"""

from __future__ import annotations

import json
import pickle
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.search import js_index
from sphinx.search.ja import DefaultSplitter, SearchJapanese

from .internals import search_index_entries
from .splitter import FastSplitter

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Character classes in the order DefaultSplitter tries them.
_CTYPES = [(pattern.pattern, value) for pattern, value in DefaultSplitter.patterns_.items()]

_JS = r"""
var splitQuery = (function () {
  const T = %(tables)s;
  const CTYPES = %(ctypes)s.map(([p, v]) => [new RegExp("^" + p), v]);
  const ctype = (c) => { for (const [p, v] of CTYPES) if (p.test(c)) return v; return "O"; };
  const ts = (table, key) => T[table][key] || 0;
  // A transcription of sphinx.search.ja.DefaultSplitter.split (including its UQ1 for p3+c3).
  const segment = (input) => {
    const chars = Array.from(input);
    if (!chars.length) return [];
    const seg = ["B3", "B2", "B1", ...chars, "E1", "E2", "E3"];
    const ct = ["O", "O", "O", ...chars.map(ctype), "O", "O", "O"];
    const result = [];
    let word = seg[3], p1 = "U", p2 = "U", p3 = "U";
    for (let i = 4; i < seg.length - 3; i++) {
      let score = T.BIAS;
      const [w1, w2, w3, w4, w5, w6] = seg.slice(i - 3, i + 3);
      const [c1, c2, c3, c4, c5, c6] = ct.slice(i - 3, i + 3);
      score += ts("UP1", p1) + ts("UP2", p2) + ts("UP3", p3);
      score += ts("BP1", p1 + p2) + ts("BP2", p2 + p3);
      score += ts("UW1", w1) + ts("UW2", w2) + ts("UW3", w3) + ts("UW4", w4) + ts("UW5", w5) + ts("UW6", w6);
      score += ts("BW1", w2 + w3) + ts("BW2", w3 + w4) + ts("BW3", w4 + w5);
      score += ts("TW1", w1 + w2 + w3) + ts("TW2", w2 + w3 + w4) + ts("TW3", w3 + w4 + w5) + ts("TW4", w4 + w5 + w6);
      score += ts("UC1", c1) + ts("UC2", c2) + ts("UC3", c3) + ts("UC4", c4) + ts("UC5", c5) + ts("UC6", c6);
      score += ts("BC1", c2 + c3) + ts("BC2", c3 + c4) + ts("BC3", c4 + c5);
      score += ts("TC1", c1 + c2 + c3) + ts("TC2", c2 + c3 + c4) + ts("TC3", c3 + c4 + c5) + ts("TC4", c4 + c5 + c6);
      score += ts("UQ1", p1 + c1) + ts("UQ2", p2 + c2) + ts("UQ1", p3 + c3);
      score += ts("BQ1", p2 + c2 + c3) + ts("BQ2", p2 + c3 + c4) + ts("BQ3", p3 + c2 + c3) + ts("BQ4", p3 + c3 + c4);
      score += ts("TQ1", p2 + c1 + c2 + c3) + ts("TQ2", p2 + c2 + c3 + c4);
      score += ts("TQ3", p3 + c1 + c2 + c3) + ts("TQ4", p3 + c2 + c3 + c4);
      let p = "O";
      if (score > 0) { result.push(word.trim()); word = ""; p = "B"; }
      p1 = p2; p2 = p3; p3 = p;
      word += seg[i];
    }
    result.push(word.trim());
    return result;
  };
  return (query) => {
    const chunks = query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu).filter((t) => t);
    const terms = [];
    for (const chunk of chunks) {
      // The index keeps words of two characters or more (SearchJapanese.word_filter).
      const words = segment(chunk).filter((w) => Array.from(w).length > 1);
      terms.push(...(words.length ? words : [chunk]));
    }
    return terms;
  };
})();
"""


def _tables() -> dict[str, object]:
    tables: dict[str, object] = {
        name.rstrip("_"): value
        for name, value in vars(DefaultSplitter).items()
        if name.endswith("__") and not name.startswith("__") and isinstance(value, dict)
    }
    tables["BIAS"] = DefaultSplitter.BIAS__
    return tables


class QuerySplittingJapanese(SearchJapanese):
    """Sphinx's Japanese search with a query splitter matching the index's default splitter.

    The index is split by ``FastSplitter`` (splitter.py): the same tokens as ``DefaultSplitter``,
    in less than half the time, unless ``html_search_options["type"]`` names another splitter.
    """

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        if options.get("type") is None:
            self.splitter = FastSplitter(options)

    @cached_property
    def js_splitter_code(self) -> str:  # type: ignore[override]
        if type(self.splitter) not in (DefaultSplitter, FastSplitter):
            return ""  # another splitter (mecab, janome) built the index: no JS twin of it
        return _JS % {
            "tables": json.dumps(_tables(), ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            "ctypes": json.dumps(_CTYPES, ensure_ascii=False),
        }


def _entries_file(builder: Any) -> Path:
    return Path(builder.doctreedir) / f"summit-indexentries-{builder.name}.pickle"


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _last_entries(builder: Any) -> dict[str, list[tuple[str, str, str]]] | None:
    """The index entries of the ``searchindex.js`` on disk, by docname.

    Kept beside the environment by :func:`keep_index_entries` with the stamp (size, mtime) of
    the file they were written with; when that file is another, it is parsed instead (a second
    parse of the whole index, after Sphinx's own: 0.2 s at 2000 sessions).
    """
    index = Path(builder.outdir) / builder.searchindex_filename
    stamp = _stamp(index)
    if stamp is None:
        return None
    try:
        with _entries_file(builder).open("rb") as stream:
            kept = pickle.load(stream)
        if kept["stamp"] == stamp:
            return kept["entries"]
    except (OSError, pickle.PickleError, EOFError, KeyError, TypeError, AttributeError):
        pass
    try:
        frozen = js_index.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(frozen, dict) or not isinstance(frozen.get("indexentries"), dict):
        return None
    docnames = frozen.get("docnames", [])
    last: dict[str, set[tuple[str, str, str]]] = {}
    for entry, places in frozen["indexentries"].items():
        for index_, target, main in places:
            if 0 <= index_ < len(docnames):
                last.setdefault(docnames[index_], set()).add((entry, target, "main" if main else ""))
    return {docname: sorted(items) for docname, items in last.items()}


def restore_index_entries(app: Sphinx) -> list[Any]:
    """Keep the index entries of pages this build did not re-write in the search index.

    Sphinx 9.0 reloads the previous ``searchindex.js`` on an incremental build but not its
    ``indexentries``: after any rebuild the search no longer finds the general index's entries
    of the unchanged pages (a rebuild with no change empties them all).  Run from
    ``html-collect-pages``, after the pages are written and before the index is dumped.
    Written by hand: no extension does this.
    """
    builder: Any = app.builder
    indexer = getattr(builder, "indexer", None)
    if indexer is None:
        return []
    last = _last_entries(builder)
    if last is None:
        return []
    entries = search_index_entries(indexer)
    for docname, items in last.items():
        if docname in app.env.all_docs and docname not in entries:
            entries[docname] = list(items)
    return []


def keep_index_entries(app: Sphinx, exception: Exception | None) -> None:
    """After the index is written: its entries, for the next build's :func:`restore_index_entries`."""
    builder: Any = app.builder
    indexer = getattr(builder, "indexer", None)
    if exception is not None or indexer is None:
        return
    stamp = _stamp(Path(builder.outdir) / builder.searchindex_filename)
    target = _entries_file(builder)
    if stamp is None:
        target.unlink(missing_ok=True)
        return
    entries = {docname: sorted(items) for docname, items in search_index_entries(indexer).items()}
    tmp = target.with_suffix(".tmp")
    with tmp.open("wb") as stream:
        pickle.dump({"stamp": stamp, "entries": entries}, stream, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(target)
