"""Measure emulated extension changes (bench/variant.py) against ours and floor at one size.

    python bench/variants.py [--sessions 2000] [--runs 2] [--work bench/_work]

Each variant is a copy of the "ours" book whose conf.py also sets what to emulate; every round
builds all of them clean (-j1), then rebuilds after a paragraph edit and after adding a project.
bench/memtrace.py, loaded in every copy, tells where each clean build reached its peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import EXT, Book, default_projects, generate  # noqa: E402
from memtrace import jumps  # noqa: E402
from run import BENCH, add_project, edit_line, log, sphinx  # noqa: E402

VARIANTS = {
    "ours": [],
    "rawlists": ['bench_variant = ["rawlists"]'],
    "noexport+indexrows": ['bench_variant = ["noexport", "indexrows"]'],
    "all three": ['bench_variant = ["rawlists", "noexport", "indexrows"]'],
}


def prepare(root: Path, name: str) -> tuple[Path, Path]:
    """A fresh copy of the variant's sources with its conf.py additions; its output folder."""
    form = "floor" if name == "floor" else "ours"
    src = root / "var" / name.replace(" ", "-")  # same depth as src/<form>: conf.py paths hold
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(root / "src" / form, src)
    extra_conf = ['extensions.append("memtrace")']
    if form == "ours":
        extra_conf += ['extensions.append("variant")', *VARIANTS[name]]
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n".join(extra_conf) + "\n")
    return src, root / f"out-{name.replace(' ', '-')}"


def incremental_only(root: Path, book: Book, names: list[str], runs: int) -> None:
    """Rebuild times are a few seconds: many alternated repetitions, contention shown."""
    dirs = {name: prepare(root, name) for name in names}
    for src, out in dirs.values():
        sphinx(src, out)
    times: dict[str, dict[str, list[float]]] = {n: {"paragraph": [], "noop": [], "others": []} for n in names}
    for i in range(runs):
        chapter = book.chapters[(len(book.chapters) // 2 + i) % len(book.chapters)]
        for name in names[i % len(names):] + names[: i % len(names)]:
            src, out = dirs[name]
            edit_line(src / "reports" / f"{chapter.slug}.md", "## 概要", chapter.intro[:20], f"（追記 {i}）")
            edited = sphinx(src, out, clean=False)
            noop = sphinx(src, out, clean=False)
            times[name]["paragraph"].append(edited.wall)
            times[name]["noop"].append(noop.wall)
            times[name]["others"].append(edited.others + noop.others)
    print(f"\nRebuilds, medians of {runs} (ratio to floor)\n")
    print("| variant | paragraph edited s | no change s | others' CPU s (sum) |")
    print("| --- | ---: | ---: | ---: |")
    for name, cells in zip(names, ratio_cells(times, names, ("paragraph", "noop"))):
        print(f"| {name} | " + " | ".join(cells) + f" | {sum(times[name]['others']):.1f} |")


def ratio_cells(figures: dict[str, dict[str, list[float]]], names: list[str],
                keys: tuple[str, ...]) -> list[list[str]]:
    """Per variant, each figure's median with its ratio to the floor's: "5.06 (1.173)"."""
    floor = {k: statistics.median(v) for k, v in figures["floor"].items()}
    rows = []
    for name in names:
        m = {k: statistics.median(v) for k, v in figures[name].items()}
        rows.append([f"{m[k]:.2f} ({m[k] / floor[k]:.3f})" for k in keys])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=BENCH / "_work")
    parser.add_argument("--only", default="", help="comma-separated variants to run (default: all, and floor)")
    parser.add_argument("--incremental", type=int, default=0, metavar="N",
                        help="only time rebuilds: N paragraph edits and N no-change rebuilds per variant")
    parser.add_argument("--ext", type=Path, default=EXT, help="folder holding summit (see run.py --ext)")
    args = parser.parse_args()
    root = args.work / f"variants-{args.sessions}"
    book = generate(root / "src", args.sessions // 20, 20, default_projects(args.sessions), 40, 1,
                    args.ext.resolve())
    chapter = book.chapters[len(book.chapters) // 2]
    session = chapter.groups[0][1][2]
    named = set(session.projects) | {v for par in session.paragraphs for k, v in par if k == "project"}
    extra = next(p.name for p in book.projects[len(book.projects) // 3:] if p.name not in named)
    names = [n for n in [*VARIANTS, "floor"] if not args.only or n in args.only.split(",")]
    if args.incremental:
        incremental_only(root, book, names, args.incremental)
        return
    figures: dict[str, dict[str, list[float]]] = {n: {} for n in names}
    peaks: dict[str, list[tuple[str, float]]] = {}
    gc_time: dict[str, tuple[float, float, int]] = {}
    for i in range(args.runs):
        for name in names[i % len(names):] + names[: i % len(names)]:
            form = "floor" if name == "floor" else "ours"
            src, out = prepare(root, name)
            trace = root / f"memtrace-{name.replace(' ', '-')}.json"
            os.environ["BENCH_MEMTRACE"] = str(trace)
            builds = {"clean": sphinx(src, out)}
            os.environ.pop("BENCH_MEMTRACE")
            peaks[name] = jumps(str(trace))
            gc_file = Path(f"{trace}.gc.json")
            if gc_file.exists():
                collected = json.loads(gc_file.read_text())
                gc_time[name] = (sum(collected["seconds"]), collected["seconds"][2], collected["collections"][2])
            edit_line(src / "reports" / f"{chapter.slug}.md", "## 概要", chapter.intro[:20], "（追記）")
            builds["paragraph"] = sphinx(src, out, clean=False)
            add_project(form, src / "reports" / f"{chapter.slug}.md", session, extra)
            builds["project"] = sphinx(src, out, clean=False)
            for kind, b in builds.items():
                for key in ("wall", "cpu", "rss_mb"):
                    figures[name].setdefault(f"{kind} {key}", []).append(getattr(b, key))
            log(f"  {name} #{i + 1}: clean {builds['clean'].cpu:.1f} CPU s, paragraph {builds['paragraph'].wall:.2f} s,"
                f" project {builds['project'].wall:.2f} s, written {len(builds['project'].written)}")
    print(f"\n{args.sessions} sessions, medians of {args.runs} (ratio to floor)\n")
    print("| variant | clean CPU s | clean wall s | peak RSS MB | paragraph s | +project s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    keys = ("clean cpu", "clean wall", "clean rss_mb", "paragraph wall", "project wall")
    for name, cells in zip(names, ratio_cells(figures, names, keys)):
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nWhere the peak RSS grew most (last clean build; MB between two marks)\n")
    for name, steps in peaks.items():
        print(f"- {name}: " + "; ".join(f"{label} +{mb:.0f}" for label, mb in steps))
    if gc_time:
        print("\nCyclic GC during the last clean build: total s, of which full (gen 2) s, full collections\n")
        for name, (total, full, count) in gc_time.items():
            print(f"- {name}: {total:.2f} s, {full:.2f} s, {count}")


if __name__ == "__main__":
    main()
