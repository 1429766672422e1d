"""A Japanese word splitter giving exactly the tokens of Sphinx's ``DefaultSplitter``, faster.

``DefaultSplitter.split`` (TinySegmenter) scores every position *i* of the text as a sum of some
forty table look-ups, each through a method call, after matching every character against eleven
regular expressions.  The terms fall in three groups:

* thirteen terms of the six characters around *i* (``w[i-3] .. w[i+2]``: unigrams, bigrams,
  trigrams): each is the same table applied to the text's n-grams shifted by a fixed offset, so
  this splitter makes one list of the text's bigrams and trigrams and looks every table up in one
  ``map`` pass over it -- no Python call per character;
* thirteen terms of the character classes of those six characters (and the bias): the classes are
  seven letters, so their sum is memoised on the six-letter class window (a few thousand keys for a
  whole book, hits from the first pages on);
* sixteen terms that also depend on the decisions at the three previous positions (``p1 p2 p3``):
  memoised on those decisions and the four classes ``c[i-3] .. c[i]`` (15 reachable histories,
  a few hundred keys); one look-up per position in the only loop.

The sums are the same integers in another order, so the tokens are identical (tests/test_splitter.py
proves it on the book and on random text).  Pure Python; a drop-in class Sphinx could take as it is.
A memo that scores whole trigrams of text was tried too: faster on repetitive text, slower on the
book, where most trigrams are seen once (bench/RESULTS.md).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from operator import add

from sphinx.search.ja import DefaultSplitter

S = DefaultSplitter


@lru_cache(maxsize=None)
def _ctype(char: str) -> str:
    for pattern, value in S.patterns_.items():
        if pattern.match(char):
            return value
    return "O"


class _Classes(dict[str, int]):
    """The class terms and the bias, by the six classes ``c[i-3] .. c[i+2]``."""

    def __missing__(self, c: str) -> int:
        g = dict.get
        value = self[c] = (
            S.BIAS__ + g(S.UC1__, c[0], 0) + g(S.UC2__, c[1], 0) + g(S.UC3__, c[2], 0)
            + g(S.UC4__, c[3], 0) + g(S.UC5__, c[4], 0) + g(S.UC6__, c[5], 0)
            + g(S.BC1__, c[1:3], 0) + g(S.BC2__, c[2:4], 0) + g(S.BC3__, c[3:5], 0)
            + g(S.TC1__, c[0:3], 0) + g(S.TC2__, c[1:4], 0) + g(S.TC3__, c[2:5], 0) + g(S.TC4__, c[3:6], 0))
        return value


def _history(p: str, c: str) -> int:
    """Terms of the previous decisions p = p1 p2 p3 and the classes c = c1 c2 c3 c4."""
    g = dict.get
    p1, p2, p3 = p
    c1, c2, c3, c4 = c
    return (g(S.UP1__, p1, 0) + g(S.UP2__, p2, 0) + g(S.UP3__, p3, 0)
            + g(S.BP1__, p1 + p2, 0) + g(S.BP2__, p2 + p3, 0)
            + g(S.UQ1__, p1 + c1, 0) + g(S.UQ2__, p2 + c2, 0) + g(S.UQ1__, p3 + c3, 0)
            + g(S.BQ1__, p2 + c2 + c3, 0) + g(S.BQ2__, p2 + c3 + c4, 0)
            + g(S.BQ3__, p3 + c2 + c3, 0) + g(S.BQ4__, p3 + c3 + c4, 0)
            + g(S.TQ1__, p2 + c1 + c2 + c3, 0) + g(S.TQ2__, p2 + c2 + c3 + c4, 0)
            + g(S.TQ3__, p3 + c1 + c2 + c3, 0) + g(S.TQ4__, p3 + c2 + c3 + c4, 0))


class _History(dict[str, int]):
    def __init__(self, p: str) -> None:
        super().__init__()
        self.p = p

    def __missing__(self, c: str) -> int:
        value = self[c] = _history(self.p, c)
        return value


def _states() -> tuple[list[_History], list[int], list[int]]:
    """The decision histories reachable from "UUU", numbered; what each becomes after B or O."""
    names = ["UUU"]
    on_b: list[int] = []
    on_o: list[int] = []
    for name in names:  # grows while iterated: a breadth-first walk
        for mark, table in (("B", on_b), ("O", on_o)):
            nxt = name[1:] + mark
            if nxt not in names:
                names.append(nxt)
            table.append(names.index(nxt))
    return [_History(name) for name in names], on_b, on_o


class FastSplitter(DefaultSplitter):
    """Drop-in for ``DefaultSplitter``: ``html_search_options = {"type": "summit.splitter.FastSplitter"}``."""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self._classes = _Classes()
        self._history, self._on_b, self._on_o = _states()

    def split(self, input: str) -> list[str]:
        if not input:
            return []
        n = len(input)
        seg = ["B3", "B2", "B1", *input, "E1", "E2", "E3"]  # the keys DefaultSplitter looks up
        classes = "OOO" + "".join(map(_ctype, input)) + "OOO"
        pairs = list(map(add, seg[:-1], seg[1:]))
        triples = list(map(add, pairs[:-1], seg[2:]))
        cpairs = list(map(add, classes[:-1], classes[1:]))
        cquads = list(map(add, cpairs[:-2], cpairs[2:]))
        csix = map(add, cquads[:-2], cpairs[4:])
        # Position i (4 <= i <= n + 2) of seg decides a cut before input[k], k = i - 3; the slices
        # below start at the first n-gram each term reads for i = 4.
        z = repeat(0)
        terms = (
            map(S.UW1__.get, seg[1:n], z), map(S.UW2__.get, seg[2:n + 1], z),
            map(S.UW3__.get, seg[3:n + 2], z), map(S.UW4__.get, seg[4:n + 3], z),
            map(S.UW5__.get, seg[5:n + 4], z), map(S.UW6__.get, seg[6:n + 5], z),
            map(S.BW1__.get, pairs[2:n + 1], z), map(S.BW2__.get, pairs[3:n + 2], z),
            map(S.BW3__.get, pairs[4:n + 3], z),
            map(S.TW1__.get, triples[1:n], z), map(S.TW2__.get, triples[2:n + 1], z),
            map(S.TW3__.get, triples[3:n + 2], z), map(S.TW4__.get, triples[4:n + 3], z),
            map(self._classes.__getitem__, list(csix)[1:n]),
        )
        history, on_b, on_o = self._history, self._on_b, self._on_o
        cuts = [0]
        state = 0
        for k, score, c in zip(range(1, n), map(sum, zip(*terms)), cquads[1:n]):
            if score + history[state][c] > 0:
                cuts.append(k)
                state = on_b[state]
            else:
                state = on_o[state]
        cuts.append(n)
        return [input[a:b].strip() for a, b in zip(cuts, cuts[1:])]
