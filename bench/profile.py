"""Where the extension's extra build time goes: cProfile both forms, print what differs.

    python bench/profile.py [--sessions 2000] [--work bench/_work/profile]

Prints, for a clean -j1 HTML build of each form, the top functions by cumulative and by own
time; then the summit entry points (summit functions called from outside the extension) with
the inclusive time of those calls; then the functions whose time grew most from floor to ours,
which shows the Sphinx/docutils work our nodes and hooks trigger.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import EXT, Book, default_projects, generate  # noqa: E402
from run import add_project, busy_seconds, edit_line  # noqa: E402

BENCH = Path(__file__).resolve().parent
Key = tuple[str, int, str]


def short(key: Key) -> str:
    """``file:line(function)`` with the path cut after site-packages or the repository."""
    path, line, name = key
    for cut in ("site-packages/", "_ext/", "lib/python3"):
        if cut in path:
            path = path.split(cut, 1)[1]
            break
    return f"{path}:{line}({name})"


def profile(src: Path, out: Path, target: Path, *, clean: bool = True) -> pstats.Stats:
    command = [sys.executable, "-m", "cProfile", "-o", str(target), "-m", "sphinx",
               "-b", "html", "-q", "-j", "1", *(["-E"] if clean else []), str(src), str(out)]
    busy, start = busy_seconds(), time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status:
        sys.exit(f"profiled build failed: {' '.join(command)}")
    cpu = usage.ru_utime + usage.ru_stime
    # cProfile times are wall-clock: other processes' CPU during the run inflates them.
    print(f"# {src.name}: {wall:.1f} s wall, {cpu:.1f} s CPU, other processes "
          f"{max(0.0, busy_seconds() - busy - cpu):.1f} CPU s", flush=True)
    return pstats.Stats(str(target))


def table(title: str, rows: list[tuple[str, ...]]) -> None:
    print(f"\n### {title}\n")
    for row in rows:
        print("  " + "  ".join(row))


def top(stats: pstats.Stats, column: int, n: int) -> list[tuple[str, ...]]:
    """column 2 = own time, 3 = cumulative."""
    items = sorted(stats.stats.items(), key=lambda kv: kv[1][column], reverse=True)[:n]  # type: ignore[attr-defined]
    return [(f"{v[3]:8.2f}", f"{v[2]:8.2f}", f"{v[1]:9d}", short(k)) for k, v in items]


OURS = f"{EXT}/summit/"  # set again by --ext


def is_ours(key: Key) -> bool:
    return key[0].startswith(OURS)


def entry_points(stats: pstats.Stats) -> list[tuple[str, ...]]:
    """Summit functions with the inclusive time of their calls from outside the extension."""
    rows = []
    for key, (_, calls, own, _, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if not is_ours(key):
            continue
        outside = [edge for caller, edge in callers.items() if not is_ours(caller)]
        if outside:
            rows.append((sum(e[3] for e in outside), sum(e[1] for e in outside), key))
    rows.sort(reverse=True)
    return [(f"{ct:8.2f}", f"{n:9d}", short(k)) for ct, n, k in rows[:25]]


def growth(ours: pstats.Stats, floor: pstats.Stats, column: int, n: int) -> list[tuple[str, ...]]:
    """Functions outside the extension whose time grew most from floor to ours."""
    base = floor.stats  # type: ignore[attr-defined]
    deltas = []
    for key, value in ours.stats.items():  # type: ignore[attr-defined]
        if is_ours(key):
            continue
        before = base.get(key, (0, 0, 0.0, 0.0, {}))
        deltas.append((value[column] - before[column], value[column], before[column], value[1], before[1], key))
    deltas.sort(reverse=True)
    return [(f"{d:+8.2f}", f"{o:8.2f}", f"{f:8.2f}", f"{no:9d}", f"{nf:9d}", short(k))
            for d, o, f, no, nf, k in deltas[:n]]


def incremental(work: Path, book: Book) -> None:
    """Profile the rebuilds after editing a paragraph and after adding a project, as run.py does."""
    chapter = book.chapters[len(book.chapters) // 2]
    session = chapter.groups[0][1][2]
    named = set(session.projects) | {v for par in session.paragraphs for k, v in par if k == "project"}
    extra = next(p.name for p in book.projects[len(book.projects) // 3:] if p.name not in named)
    for form in ("ours", "floor"):
        src, out = work / "inc" / form, work / f"{form}-inc"
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(work / "src" / form, src)
        subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", str(src), str(out)], check=True)
        path = src / "reports" / f"{chapter.slug}.md"
        edit_line(path, "## 概要", chapter.intro[:20], "（追記）")
        st = profile(src, out, work / f"{form}-paragraph.prof", clean=False)
        table(f"{form}, paragraph edited: top by cumulative ({st.total_tt:.2f} s)", top(st, 3, 45))  # type: ignore
        if form == "ours":
            table("ours, paragraph edited: summit entry points", entry_points(st)[:10])
        add_project(form, path, session, extra)
        st = profile(src, out, work / f"{form}-project.prof", clean=False)
        table(f"{form}, project added: top by cumulative ({st.total_tt:.2f} s)", top(st, 3, 45))  # type: ignore
        if form == "ours":
            table("ours, project added: summit entry points", entry_points(st)[:10])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=BENCH / "_work" / "profile")
    parser.add_argument("--incremental", action="store_true",
                        help="profile the two incremental rebuilds (paragraph, +project) instead")
    parser.add_argument("--ext", type=Path, default=EXT, help="folder holding summit (see run.py --ext)")
    args = parser.parse_args()
    global OURS
    OURS = f"{args.ext.resolve()}/summit/"
    chapters = args.sessions // 20
    book = generate(args.work / "src", chapters, 20, default_projects(args.sessions), 40, 1, args.ext.resolve())
    if args.incremental:
        incremental(args.work, book)
        return
    stats = {form: profile(args.work / "src" / form, args.work / f"{form}-out", args.work / f"{form}.prof")
             for form in ("ours", "floor")}
    for form, st in stats.items():
        print(f"\n## {form}: {st.total_tt:.2f} s under cProfile")  # type: ignore[attr-defined]
        table(f"{form}: top by cumulative (cum s, own s, calls)", top(st, 3, 30))
        table(f"{form}: top by own time (cum s, own s, calls)", top(st, 2, 30))
    ours = stats["ours"]
    own = sum(v[2] for k, v in ours.stats.items() if is_ours(k))  # type: ignore[attr-defined]
    print(f"\n## summit: {own:.2f} s own time in _ext/summit "
          f"(ours {ours.total_tt:.2f} s, floor {stats['floor'].total_tt:.2f} s)")  # type: ignore[attr-defined]
    table("summit entry points (inclusive s of calls from outside, calls)", entry_points(ours))
    table("summit functions by own time", [r for r in top(ours, 2, 400) if "summit/" in r[3]][:20])
    table("outside summit: own time grown (delta, ours, floor, calls ours, calls floor)",
          growth(ours, stats["floor"], 2, 30))
    table("outside summit: cumulative grown (delta, ours, floor, calls ours, calls floor)",
          growth(ours, stats["floor"], 3, 40))


if __name__ == "__main__":
    main()
