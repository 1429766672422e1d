"""The real book's own build times: clean `make html`, a paragraph edit, `make latexpdf`, `make epub`.

    python bench/book.py [--runs 3]

Each measurement runs the Makefile's target in a private copy of the repository (so the working
tree's `_build` is untouched), medians of ``--runs``; wall seconds and the child's CPU seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "docs/reports/2018-05-vancouver.md"
PARAGRAPH = "だいぶ落ちついてきたなと感じた。"


def run(copy: Path, *target: str) -> tuple[float, float]:
    env = os.environ | {"SOURCE_DATE_EPOCH": "1764633600"}
    start = time.perf_counter()
    # the repository's virtualenv, not a copy of it
    child = subprocess.Popen(["make", "-s", f"VENVDIR={ROOT / '.venv'}", *target], cwd=copy, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status:
        sys.exit(f"make {' '.join(target)} failed: {child.stderr.read().decode()[-2000:] if child.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    figures: dict[str, list[tuple[float, float]]] = {"clean make html": [], "paragraph edit (make html)": [],
                                                     "make latexpdf (after it, same doctrees)": [],
                                                     "make epub (after it, same doctrees)": []}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "book"
        for i in range(args.runs):
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns("_build", ".git", ".venv", "bench", "tests",
                                                          "node_modules"),
                            symlinks=True)
            figures["clean make html"].append(run(copy, "html"))
            chapter = copy / CHAPTER
            text = chapter.read_text(encoding="utf-8")
            assert PARAGRAPH in text
            chapter.write_text(text.replace(PARAGRAPH, PARAGRAPH + f"（追記 {i + 1}）", 1), encoding="utf-8")
            figures["paragraph edit (make html)"].append(run(copy, "html"))
            figures["make latexpdf (after it, same doctrees)"].append(run(copy, "latexpdf"))
            figures["make epub (after it, same doctrees)"].append(run(copy, "epub"))
    print("| measure | wall s | CPU s |")
    print("| --- | ---: | ---: |")
    for name, values in figures.items():
        print(f"| {name} | {statistics.median(v[0] for v in values):.2f} | "
              f"{statistics.median(v[1] for v in values):.2f} |")


if __name__ == "__main__":
    main()
