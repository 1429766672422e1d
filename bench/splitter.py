"""Japanese splitting alone: Sphinx's DefaultSplitter and summit's FastSplitter on the book's text.

Run: .venv/bin/python bench/splitter.py [--runs N] [--repeat K] [--source DIR]
(prints seconds per pass, medians).  The tokens are checked to be identical before anything is
timed.  Every pass uses a new FastSplitter, so its memo tables start empty, as in a build;
``--source`` takes the text of another book (e.g. a benchmark book, bench/_work/400/src/floor).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from sphinx.search.ja import DefaultSplitter  # noqa: E402

from summit.splitter import FastSplitter  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=1, help="the book's text this many times per pass")
    parser.add_argument("--source", type=Path, default=ROOT / "docs", help="folder of Markdown sources")
    args = parser.parse_args()
    lines = [line for path in sorted(args.source.rglob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] * args.repeat
    default, fast = DefaultSplitter({}), FastSplitter({})
    assert [fast.split(line) for line in lines] == [default.split(line) for line in lines], "different tokens"
    timings: dict[str, list[float]] = {"DefaultSplitter": [], "FastSplitter": []}
    for _ in range(args.runs):  # in alternation
        for name, splitter in (("DefaultSplitter", default), ("FastSplitter", FastSplitter({}))):
            start = time.perf_counter()
            for line in lines:
                splitter.split(line)
            timings[name].append(time.perf_counter() - start)
    chars = sum(len(line) for line in lines)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, value in medians.items():
        print(f"{name:16} {value:.3f} s per pass ({chars} characters, {len(lines)} lines, median of {args.runs})")
    print(f"FastSplitter / DefaultSplitter = {medians['FastSplitter'] / medians['DefaultSplitter']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
