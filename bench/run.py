"""Benchmark: the summit extension against plain Sphinx + MyST, with and without cross-references.

For each size, the three forms of the same synthetic book (bench/generate.py: ours, floor,
strict) are built in rotation, each build a fresh ``python -m sphinx`` child, so that load
drifts hit all alike:

1. clean HTML builds (-j1): median wall, CPU (user+sys of the child) and peak RSS;
2. incremental builds after editing one paragraph, then adding a project to one session:
   wall time and the documents re-read / re-written (recorded by bench/probe.py);
3. clean -j2 builds of ours: wall time, and whether the HTML is byte-identical to -j1.

    python bench/run.py [--sizes 400,2000,6000] [--runs 3] [--work bench/_work] [--ext DIR]
    python bench/run.py --report     # the tables again, from bench/_work/results.json

Wall times need a quiet machine; CPU times and the "others' CPU" column show contention.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import Book, Session, default_projects, generate  # noqa: E402

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
FORMS = ("ours", "floor", "strict")
J2_FORMS = ("ours",)  # -j2 is measured for the extension only: the targets concern its output
SESSIONS_PER_CHAPTER = 20
SEED = 1
EDITED = "(extension edited between the builds: not compared)"


@dataclass
class Build:
    """One child ``sphinx-build``: what it cost and what it did."""

    wall: float
    cpu: float
    rss_mb: float
    returncode: int
    warnings: int
    load: float  # 1-minute load average before the build: another job on the 2 cores shows here
    extension: str = ""  # digest of _ext/summit when the build started: it is edited concurrently
    others: float = 0.0  # CPU seconds other processes used during the build (from /proc/stat)
    rss_read_mb: float = 0.0  # peak RSS when reading ended: the doctrees are all in memory then
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


#: where "ours" imports summit from: the repository's _ext, or a frozen copy of it (--ext)
EXT = ROOT / "_ext"


def sphinx(src: Path, out: Path, *, jobs: int = 1, clean: bool = True) -> Build:
    """Build ``src`` into ``out`` in a child process; rusage from wait4 covers only that child
    (and the workers it reaped under -j N; ru_maxrss is then the largest of them, not a sum)."""
    if clean and out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    probe, log = out.parent / f"{out.name}.probe.json", out.parent / f"{out.name}.log"
    probe.unlink(missing_ok=True)
    env = os.environ | {"BENCH_PROBE": str(probe), "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", str(jobs), str(src), str(out)]
    load, extension = os.getloadavg()[0], extension_digest()
    with log.open("w") as stderr:
        busy = busy_seconds()
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        busy = busy_seconds() - busy
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    seen = json.loads(probe.read_text()) if probe.exists() else {"read": [], "written": []}
    if child.returncode:
        sys.exit(f"build failed ({child.returncode}): {' '.join(command)}\n{text[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Build(round(wall, 3), round(cpu, 3), round(usage.ru_maxrss / 1024, 1), child.returncode,
                 text.count("WARNING"), round(load, 2), extension, round(max(0.0, busy - cpu), 2),
                 seen.get("peak_mb", {}).get("read", 0.0), seen["read"], seen["written"])


def busy_seconds() -> float:
    """CPU time all processes have used since boot: its growth beyond the child's is contention."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _, _, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def differing(one: Path, two: Path) -> list[str]:
    """Files of the HTML output (not the doctrees) that differ or exist on one side only."""
    result: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        result.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        result.extend(prefix + n for n in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(one, two, ignore=[".doctrees"]), "")
    return sorted(result)


def edit_line(path: Path, marker: str, prefix: str, change: str) -> None:
    """Append ``change`` to the first line starting with ``prefix`` after ``marker``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(marker))
    i = next(i for i in range(start, len(lines)) if lines[i].startswith(prefix))
    lines[i] += change
    path.write_text("\n".join(lines), encoding="utf-8")


def add_project(form: str, path: Path, session: Session, name: str) -> None:
    """Name one more project in a session's metadata, the way each form writes it."""
    if form == "ours":
        edit_line(path, f":::{{session}} {session.ident}", ":projects: ", f", {name}")
    elif form == "floor":
        edit_line(path, f"(session-{session.ident})=", "- プロジェクト: ", f"、{{term}}`{name}`")
    else:  # strict: no label; the first session of that title in the chapter
        edit_line(path, f"### {session.title}", "- プロジェクト: ", f"、{name}")


def skipped(differences: list[str]) -> bool:
    """The pair was not compared: the extension changed between its two builds."""
    return len(differences) == 1 and differences[0].startswith("(extension edited")


def median(builds: list[Build], key: str) -> float:
    return round(statistics.median(getattr(b, key) for b in builds), 3)


def run_size(sessions: int, runs: int, work: Path) -> dict[str, object]:
    chapters = sessions // SESSIONS_PER_CHAPTER
    root = work / str(sessions)
    book: Book = generate(root / "src", chapters, SESSIONS_PER_CHAPTER, default_projects(sessions), 40, SEED, EXT)
    result: dict[str, object] = {"sessions": sessions, "chapters": chapters, "projects": len(book.projects),
                                 "releases": len(book.releases), "source_mb": {}, "clean": {}, "j2": {},
                                 "incremental": {}, "identical": {}}
    for form in FORMS:
        size = sum(p.stat().st_size for p in (root / "src" / form).rglob("*.md"))
        result["source_mb"][form] = round(size / 2**20, 2)  # type: ignore[index]

    def alternate(i: int) -> tuple[str, ...]:
        """A different order each round, so that no form always follows the same one."""
        order = FORMS[i % len(FORMS):] + FORMS[:i % len(FORMS)]
        return order if i % 2 == 0 else order[::-1]

    # 1. clean -j1 then 3. clean -j2 builds, in the same round so that the extension (edited
    # concurrently) is the same; the -j1 outputs alternate between two dirs for -j1 vs -j1.
    clean: dict[str, list[Build]] = {f: [] for f in FORMS}
    j2: dict[str, list[Build]] = {f: [] for f in FORMS}
    identical: dict[str, dict[str, list[str]]] = {f: {} for f in FORMS}
    for i in range(runs):
        for form in alternate(i):
            clean[form].append(sphinx(root / "src" / form, root / f"{form}-j1-{i % 2}"))
            log(f"  {sessions} clean {form} #{i + 1}: {clean[form][-1].wall:.1f} s")
        for form in (f for f in alternate(i) if f in J2_FORMS):
            j2[form].append(sphinx(root / "src" / form, root / f"{form}-j2", jobs=2))
            same_code = form != "ours" or j2[form][-1].extension == clean[form][-1].extension
            identical[form][f"j2#{i + 1}"] = differing(root / f"{form}-j1-{i % 2}", root / f"{form}-j2") \
                if same_code else [EDITED]
            log(f"  {sessions} -j2 {form} #{i + 1}: {j2[form][-1].wall:.1f} s, "
                f"differing: {identical[form][f'j2#{i + 1}'][:3]}")
    for form in FORMS:
        if runs > 1 and (form != "ours" or clean[form][0].extension == clean[form][1].extension):
            identical[form]["j1 vs j1"] = differing(root / f"{form}-j1-0", root / f"{form}-j1-1")
        shutil.rmtree(root / f"{form}-j2", ignore_errors=True)
    # 2. incremental builds in a copy of the sources, in one output dir per form.
    inc: dict[str, dict[str, list[Build]]] = {f: {"first": [], "noop": [], "paragraph": [], "project": [],
                                                  "unproject": []}
                                              for f in FORMS}
    for form in FORMS:
        shutil.copytree(root / "src" / form, root / "inc" / form, dirs_exist_ok=True)
        inc[form]["first"].append(sphinx(root / "inc" / form, root / f"{form}-inc"))
        inc[form]["noop"].append(sphinx(root / "inc" / form, root / f"{form}-inc", clean=False))
    targets = []
    for i in range(runs):
        chapter = book.chapters[(chapters // 2 + i) % chapters]
        session = chapter.groups[0][1][min(2, SESSIONS_PER_CHAPTER - 1)]
        named = set(session.projects) | {v for par in session.paragraphs for k, v in par if k == "project"}
        extra = next(p.name for p in book.projects[len(book.projects) // 3:] if p.name not in named)
        targets.append({"chapter": f"reports/{chapter.slug}", "session": session.ident, "project": extra})
        for form in alternate(i):
            path = root / "inc" / form / "reports" / f"{chapter.slug}.md"
            edit_line(path, "## 概要", chapter.intro[:20], f"（追記 {i + 1}）")
            inc[form]["paragraph"].append(sphinx(root / "inc" / form, root / f"{form}-inc", clean=False))
        before: dict[str, str] = {}
        for form in alternate(i):
            path = root / "inc" / form / "reports" / f"{chapter.slug}.md"
            before[form] = path.read_text(encoding="utf-8")
            add_project(form, path, session, extra)
            inc[form]["project"].append(sphinx(root / "inc" / form, root / f"{form}-inc", clean=False))
        for form in alternate(i):  # and the project taken away again
            (root / "inc" / form / "reports" / f"{chapter.slug}.md").write_text(before[form], encoding="utf-8")
            inc[form]["unproject"].append(sphinx(root / "inc" / form, root / f"{form}-inc", clean=False))
        log(f"  {sessions} incremental #{i + 1}: " + ", ".join(
            f"{f} {inc[f]['paragraph'][-1].wall:.1f}/{inc[f]['project'][-1].wall:.1f}/"
            f"{inc[f]['unproject'][-1].wall:.1f} s" for f in FORMS))
    shutil.rmtree(root / "inc")

    for form in FORMS:
        result["clean"][form] = [asdict(b) | {"read": len(b.read), "written": len(b.written)}  # type: ignore[index]
                                 for b in clean[form]]
        result["j2"][form] = [asdict(b) | {"read": len(b.read), "written": len(b.written)}  # type: ignore[index]
                              for b in j2[form]]
        result["incremental"][form] = {kind: [asdict(b) for b in builds]  # type: ignore[index]
                                       for kind, builds in inc[form].items()}
    result["identical"] = identical
    result["targets"] = targets
    result["summary"] = summarize(sessions, clean, j2, inc, identical, targets)
    return result


def shape(docnames: list[str], chapter: str) -> list[str]:
    """Docnames with the edited chapter as ``<ch>``, so runs editing different chapters compare."""
    return sorted("<ch>" if d == chapter else d for d in docnames)


def summarize(sessions: int, clean: dict[str, list[Build]], j2: dict[str, list[Build]],
              inc: dict[str, dict[str, list[Build]]], identical: dict[str, dict[str, list[str]]],
              targets: list[dict[str, str]]) -> dict[str, object]:
    """Medians, ratios and the target checks of the issue."""
    s: dict[str, object] = {}
    for form in FORMS:
        s[form] = {
            "wall": median(clean[form], "wall"), "cpu": median(clean[form], "cpu"),
            "rss_mb": median(clean[form], "rss_mb"), "rss_read_mb": median(clean[form], "rss_read_mb"),
            "ms_per_session": round(1000 * median(clean[form], "wall") / sessions, 2),
            "warnings": max(b.warnings for b in clean[form]),
            "j1_deterministic": None if "j1 vs j1" not in identical[form] else not identical[form]["j1 vs j1"],
            "noop": {"read": inc[form]["noop"][0].read, "written": inc[form]["noop"][0].written,
                     "wall": inc[form]["noop"][0].wall},
        }
        if j2[form]:
            s[form] |= {  # type: ignore[operator]
                "j2_wall": median(j2[form], "wall"), "j2_cpu": median(j2[form], "cpu"),
                "j2_rss_mb": median(j2[form], "rss_mb"),
                "j2_identical": all(not v for k, v in identical[form].items()
                                    if k.startswith("j2") and not skipped(v)),
            }
        for kind in ("paragraph", "project", "unproject"):
            builds = inc[form][kind]
            s[form][kind] = {  # type: ignore[index]
                "wall": median(builds, "wall"),
                "read": [shape(b.read, t["chapter"]) for b, t in zip(builds, targets)],
                "written": [shape(b.written, t["chapter"]) for b, t in zip(builds, targets)],
            }
    ours = s["ours"]  # type: ignore[assignment]
    for base in ("floor", "strict"):
        other = s[base]  # type: ignore[assignment]
        ratio = {k: round(ours[k] / other[k], 3) for k in ("wall", "cpu", "rss_mb")}  # type: ignore[index]
        ratio["paragraph"] = round(ours["paragraph"]["wall"] / other["paragraph"]["wall"], 3)  # type: ignore
        ratio["project"] = round(ours["project"]["wall"] / other["project"]["wall"], 3)  # type: ignore
        ratio["unproject_vs_paragraph"] = round(ours["unproject"]["wall"] / other["paragraph"]["wall"], 3)  # type: ignore
        # the measure: adding a project against the other form's paragraph edit
        ratio["project_vs_paragraph"] = round(ours["project"]["wall"] / other["paragraph"]["wall"], 3)  # type: ignore
        s[f"ratio_{base}"] = ratio
    s["ratio"] = s["ratio_floor"]
    s["ratio"]["j2_vs_j1"] = round(ours["j2_wall"] / ours["wall"], 3)  # type: ignore
    paragraph_ok = all(r == ["<ch>"] and set(w) <= {"<ch>", "index"}
                       for r, w in zip(ours["paragraph"]["read"], ours["paragraph"]["written"]))  # type: ignore
    project_ok = all(r == ["<ch>"] and set(w) <= {"<ch>", "index", "glossary"}
                     for kind in ("project", "unproject")
                     for r, w in zip(ours[kind]["read"], ours[kind]["written"]))  # type: ignore
    everything = [b for f in FORMS for b in clean[f] + j2[f] + [x for v in inc[f].values() for x in v]]
    s["checks"] = {"paragraph_docs": paragraph_ok, "project_docs": project_ok,
                   "load_max": max(b.load for b in everything),
                   "others_cpu_per_wall": round(sum(b.others for b in everything) / sum(b.wall for b in everything), 2),
                   "extensions": sorted({b.extension for b in everything})}
    return s


def machine() -> dict[str, object]:
    """What the figures were measured on, and which extension code they measured."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 platform.processor())
    mem = next(line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    return {
        "nproc": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)), "cpu": model, "memory": mem,
        "kernel": platform.release(), "python": platform.python_version(),
        **{name: metadata.version(name) for name in ("sphinx", "myst-parser", "docutils", "furo")},
        "commit": head_commit(), "extension_sha1": extension_digest(), "extension_dir": str(EXT),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def extension_digest() -> str:
    """What the "ours" builds ran: HEAD does not say, the extension's working tree may be ahead."""
    digest = hashlib.sha1()
    for path in sorted((EXT / "summit").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(EXT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def head_commit() -> str:
    """HEAD read from .git directly (the bench runs no git commands)."""
    git = ROOT / ".git"
    head = (git / "HEAD").read_text().strip()
    if not head.startswith("ref: "):
        return head[:12]
    ref = head[5:]
    if (git / ref).exists():
        return (git / ref).read_text().strip()[:12]
    packed = (git / "packed-refs").read_text() if (git / "packed-refs").exists() else ""
    return next((line.split()[0][:12] for line in packed.splitlines() if line.endswith(ref)), "?")


def save(path: Path, info: dict[str, object], result: dict[str, object]) -> None:
    """Keep every size measured so far in one JSON file; a new run of a size replaces the old."""
    saved = json.loads(path.read_text()) if path.exists() else {"runs": {}}
    saved["runs"][str(result["sessions"])] = {"machine": info, **result}
    path.write_text(json.dumps(saved, indent=1, ensure_ascii=False))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def report(info: dict[str, object], results: list[dict[str, object]]) -> str:
    """The figures as Markdown tables (pasted into bench/RESULTS.md)."""
    out = ["## Machine", "", *(f"- {k}: {v}" for k, v in info.items()), ""]
    out += ["## Clean HTML build (-j1, medians)", "",
            "| sessions | form | wall s | CPU s | peak RSS MB | of which by end of reading | ms/session | warnings |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        s = r["summary"]
        for form in FORMS:
            if form not in s:
                continue  # a run from before the strict floor
            f = s[form]  # type: ignore[index]
            out.append(f"| {r['sessions']} | {form} | {f['wall']:.2f} | {f['cpu']:.2f} | {f['rss_mb']:.0f} | "
                       f"{f.get('rss_read_mb', 0):.0f} | {f['ms_per_session']:.2f} | {f['warnings']} |")
        for base in ("floor", "strict"):
            ratio = s.get(f"ratio_{base}")  # type: ignore[union-attr]
            if ratio:
                out.append(f"| {r['sessions']} | **ours/{base}** | **{ratio['wall']:.3f}** | **{ratio['cpu']:.3f}** | "
                           f"**{ratio['rss_mb']:.3f}** | | | |")
    out += ["", "## Incremental builds (medians; documents re-read / re-written)", "",
            "| sessions | form | no change: read/written, s | paragraph s | paragraph read / written | "
            "+project s | +project read / written | −project s |",
            "| ---: | --- | --- | ---: | --- | ---: | --- | ---: |"]
    for r in results:
        s = r["summary"]
        for form in FORMS:
            if form not in s:
                continue
            f = s[form]  # type: ignore[index]
            noop = f["noop"]
            out.append(
                f"| {r['sessions']} | {form} | {len(noop['read'])}/{len(noop['written'])} in {noop['wall']:.2f} s | "
                f"{f['paragraph']['wall']:.2f} | {docs(f['paragraph'])} | {f['project']['wall']:.2f} | "
                f"{docs(f['project'])} | {f.get('unproject', {}).get('wall', 0):.2f} |")
        for base in ("floor", "strict"):
            ratio = s.get(f"ratio_{base}")  # type: ignore[union-attr]
            if ratio:
                out.append(f"| {r['sessions']} | **ours/{base}** | | **{ratio['paragraph']:.3f}** | | "
                           f"**{ratio['project']:.3f}** (÷ its paragraph edit: "
                           f"**{ratio.get('project_vs_paragraph', 0):.3f}**) | | "
                           f"÷ paragraph: **{ratio.get('unproject_vs_paragraph', 0):.3f}** |")
    out += ["", "## -j 2 against -j 1 (clean builds of ours, medians)", "",
            "| sessions | -j1 wall s | -j2 wall s | -j2/-j1 | -j2 CPU s | -j2 peak RSS MB | "
            "-j2 == -j1 bytes | -j1 == -j1 bytes (ours / floor / strict) |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in results:
        s = r["summary"]
        f = s["ours"]  # type: ignore[index]
        pairs = [v for k, v in r["identical"]["ours"].items() if k.startswith("j2")]  # type: ignore
        compared = [v for v in pairs if not skipped(v)]
        diff = sorted({p for v in compared for p in v})
        shown = (f"no: {len(diff)} files ({', '.join(diff[:3])})" if diff else "yes" if compared else "n/a") \
            + (f" ({len(compared)} of {len(pairs)} compared)" if len(compared) < len(pairs) else "")
        names = {True: "yes", False: "no", None: "n/a"}
        same = " / ".join(names[s[g]["j1_deterministic"]] for g in FORMS if g in s)  # type: ignore[index]
        out.append(f"| {r['sessions']} | {f['wall']:.2f} | {f['j2_wall']:.2f} | "
                   f"{f['j2_wall'] / f['wall']:.3f} | {f['j2_cpu']:.2f} | {f['j2_rss_mb']:.0f} | {shown} | {same} |")
    out += ["", "## Conditions", "", "| sessions | chapters | projects | source MB ours/floor/strict | "
            "max 1-min load | others' CPU s per wall s | extension digests seen |",
            "| ---: | ---: | ---: | --- | ---: | ---: | --- |"]
    for r in results:
        checks, mb = r["summary"]["checks"], r["source_mb"]  # type: ignore[index]
        out.append(f"| {r['sessions']} | {r['chapters']} | {r['projects']} | "
                   f"{'/'.join(str(mb[f]) for f in FORMS if f in mb)} | "
                   f"{checks['load_max']} | {checks.get('others_cpu_per_wall', '?')} | "
                   f"{', '.join(checks.get('extensions', []))} |")
    out += ["", "## Targets", "", "| measure | " + " | ".join(str(r["sessions"]) for r in results) + " | target |",
            "| --- | " + " | ".join("---:" for _ in results) + " | --- |"]
    rows = [("clean HTML build, ours / strict floor", lambda s: s["ratio_strict"]["wall"], "≤ 0.85"),
            ("clean HTML build, ours / floor", lambda s: s["ratio_floor"]["wall"], "≤ 0.75"),
            ("peak memory, ours / floor", lambda s: s["ratio_floor"]["rss_mb"], "≤ 1.0"),
            ("peak memory, ours / strict floor", lambda s: s["ratio_strict"]["rss_mb"], "(reported)"),
            ("paragraph edit, ours / floor", lambda s: s["ratio_floor"]["paragraph"], "≤ 1.0"),
            ("add a project, ours / floor's paragraph edit", lambda s: s["ratio_floor"]["project_vs_paragraph"],
             "≤ 1.5"),
            ("remove that project, ours / floor's paragraph edit",
             lambda s: s["ratio_floor"]["unproject_vs_paragraph"], "≤ 1.5"),
            ("`-j 2` output byte-identical", lambda s: "yes" if s["ours"]["j2_identical"] else "no", "yes")]
    for name, value, target in rows:
        cells = []
        for r in results:
            try:
                v = value(r["summary"])
                cells.append(f"{v:.3f}" if isinstance(v, float) else str(v))
            except KeyError:
                cells.append("n/a")
        out.append(f"| {name} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(out) + "\n"


def docs(entry: dict[str, list[list[str]]]) -> str:
    """Read/written of the runs, the edited chapter shown as ``<ch>``; "docs" when many."""
    def names(d: list[str]) -> str:
        return ", ".join(d) if len(d) <= 4 else f"{len(d)} docs"

    shapes = {f"{names(r)} / {names(w)}" for r, w in zip(entry["read"], entry["written"])}
    return " or ".join(sorted(shapes))


def main() -> None:
    global EXT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="400,2000,6000", help="sessions per book, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of every measurement")
    parser.add_argument("--work", type=Path, default=BENCH / "_work", help="scratch folder (books, outputs)")
    parser.add_argument("--report", action="store_true", help="only print the tables of the saved results")
    parser.add_argument("--ext", type=Path, default=EXT,
                        help="folder holding summit (default: the repository's _ext; give a copy of it to "
                             "measure one version while _ext is being edited)")
    args = parser.parse_args()
    EXT = args.ext.resolve()
    if args.report:
        saved = json.loads((args.work / "results.json").read_text())["runs"]
        runs = [saved[k] for k in sorted(saved, key=int)]
        print(report(runs[-1]["machine"], runs))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    info = machine()
    log(f"machine: {info}")
    results = []
    for sessions in sizes:
        start = time.perf_counter()
        results.append(run_size(sessions, args.runs, args.work))
        log(f"{sessions} sessions done in {time.perf_counter() - start:.0f} s")
        save(args.work / "results.json", info, results[-1])
        print(report(info, results[-1:]), flush=True)
    print(report(info, results))


if __name__ == "__main__":
    main()
