"""A Japanese word splitter giving exactly the tokens of Sphinx's ``DefaultSplitter``, faster.

``DefaultSplitter.split`` (TinySegmenter) adds, for every character, some forty table look-ups
through a method call each, and matches the character against eleven regular expressions.  The
score at position *i* is a sum; most of its terms depend only on the characters and character
classes around *i*, a few also on the decisions at the three previous positions (``p1 p2 p3``).
This splitter sums the position-independent terms in whole-list passes, memoises the
history-dependent ones on (p1, p2, p3, c1, c2, c3, c4) — the character classes are few, so a few
hundred keys serve a whole book — and classifies each distinct character once.  The sums are the
same integers in another order, so the tokens are identical (tests/test_splitter.py proves it on
the book and on random text).  Pure Python; written so that Sphinx could take it as it is.
"""

from __future__ import annotations

from functools import lru_cache

from sphinx.search.ja import DefaultSplitter

S = DefaultSplitter


@lru_cache(maxsize=None)
def _ctype(char: str) -> str:
    for pattern, value in S.patterns_.items():
        if pattern.match(char):
            return value
    return "O"


@lru_cache(maxsize=None)
def _history(p1: str, p2: str, p3: str, c1: str, c2: str, c3: str, c4: str) -> int:
    g = dict.get
    return (g(S.UP1__, p1, 0) + g(S.UP2__, p2, 0) + g(S.UP3__, p3, 0)
            + g(S.BP1__, p1 + p2, 0) + g(S.BP2__, p2 + p3, 0)
            + g(S.UQ1__, p1 + c1, 0) + g(S.UQ2__, p2 + c2, 0) + g(S.UQ1__, p3 + c3, 0)
            + g(S.BQ1__, p2 + c2 + c3, 0) + g(S.BQ2__, p2 + c3 + c4, 0)
            + g(S.BQ3__, p3 + c2 + c3, 0) + g(S.BQ4__, p3 + c3 + c4, 0)
            + g(S.TQ1__, p2 + c1 + c2 + c3, 0) + g(S.TQ2__, p2 + c2 + c3 + c4, 0)
            + g(S.TQ3__, p3 + c1 + c2 + c3, 0) + g(S.TQ4__, p3 + c2 + c3 + c4, 0))


def _static(seg: list[str], ctype: list[str]) -> list[int]:
    """The terms that do not depend on earlier decisions, for every position 4 .. len - 4."""
    n = len(seg) - 3
    r = range(4, n)
    uw1, uw2, uw3, uw4, uw5, uw6 = (S.UW1__.get, S.UW2__.get, S.UW3__.get, S.UW4__.get, S.UW5__.get,
                                    S.UW6__.get)
    bw1, bw2, bw3 = S.BW1__.get, S.BW2__.get, S.BW3__.get
    tw1, tw2, tw3, tw4 = S.TW1__.get, S.TW2__.get, S.TW3__.get, S.TW4__.get
    uc1, uc2, uc3, uc4, uc5, uc6 = (S.UC1__.get, S.UC2__.get, S.UC3__.get, S.UC4__.get, S.UC5__.get,
                                    S.UC6__.get)
    bc1, bc2, bc3 = S.BC1__.get, S.BC2__.get, S.BC3__.get
    tc1, tc2, tc3, tc4 = S.TC1__.get, S.TC2__.get, S.TC3__.get, S.TC4__.get
    w, c = seg, ctype
    return [
        S.BIAS__
        + uw1(w[i - 3], 0) + uw2(w[i - 2], 0) + uw3(w[i - 1], 0) + uw4(w[i], 0) + uw5(w[i + 1], 0)
        + uw6(w[i + 2], 0)
        + bw1(w[i - 2] + w[i - 1], 0) + bw2(w[i - 1] + w[i], 0) + bw3(w[i] + w[i + 1], 0)
        + tw1(w[i - 3] + w[i - 2] + w[i - 1], 0) + tw2(w[i - 2] + w[i - 1] + w[i], 0)
        + tw3(w[i - 1] + w[i] + w[i + 1], 0) + tw4(w[i] + w[i + 1] + w[i + 2], 0)
        + uc1(c[i - 3], 0) + uc2(c[i - 2], 0) + uc3(c[i - 1], 0) + uc4(c[i], 0) + uc5(c[i + 1], 0)
        + uc6(c[i + 2], 0)
        + bc1(c[i - 2] + c[i - 1], 0) + bc2(c[i - 1] + c[i], 0) + bc3(c[i] + c[i + 1], 0)
        + tc1(c[i - 3] + c[i - 2] + c[i - 1], 0) + tc2(c[i - 2] + c[i - 1] + c[i], 0)
        + tc3(c[i - 1] + c[i] + c[i + 1], 0) + tc4(c[i] + c[i + 1] + c[i + 2], 0)
        for i in r
    ]


class FastSplitter(DefaultSplitter):
    """Drop-in for ``DefaultSplitter``: ``html_search_options = {"type": "summit.splitter.FastSplitter"}``."""

    def split(self, input: str) -> list[str]:
        if not input:
            return []
        seg = ["B3", "B2", "B1", *input, "E1", "E2", "E3"]
        ctype = ["O", "O", "O", *map(_ctype, input), "O", "O", "O"]
        static = _static(seg, ctype)
        history = _history
        result = []
        word = seg[3]
        p1 = p2 = p3 = "U"
        for k, i in enumerate(range(4, len(seg) - 3)):
            score = static[k] + history(p1, p2, p3, ctype[i - 3], ctype[i - 2], ctype[i - 1], ctype[i])
            if score > 0:
                result.append(word.strip())
                word = ""
                p1, p2, p3 = p2, p3, "B"
            else:
                p1, p2, p3 = p2, p3, "O"
            word += seg[i]
        result.append(word.strip())
        return result
