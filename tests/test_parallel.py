"""``-j 2`` gives the same pages as ``-j 1``: the domain merges what each worker read."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from helpers import warnings

PROJECTS = ["Nova", "Neutron", "Cells v2", "OVN", "Tacker", "Open vSwitch"]
RELEASES = ["Newton", "Queens", "Rocky"]


def make_book(rootdir: Path, target: Path, chapters: int = 16) -> Path:
    shutil.copytree(rootdir / "test-basic", target)
    for n in range(chapters):
        lines = [f"# Chapter {n}", "", f":::{{event}} event-{n}", f":name: Event {n}",
                 f":start: 2017-{n % 12 + 1:02d}", f":cycle: {RELEASES[n % 3]}", ":::", ""]
        for s in range(6):
            projects = ", ".join(PROJECTS[(n + s + k) % len(PROJECTS)] for k in range(1 + s % 3))
            lines += [f"## セッション {n}-{s}", "", f":::{{session}} s-{n}-{s}", f":projects: {projects}",
                      f":releases: {RELEASES[s % 3]}", ":::", "",
                      f"本文 {n}-{s}。{{project}}`{PROJECTS[s % len(PROJECTS)]}` に触れる。", ""]
        (target / "reports" / f"2017-{n:02d}-x.md").write_text("\n".join(lines), encoding="utf-8")
    return target


def build(srcdir: Path, outdir: Path, parallel: int) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=outdir, parallel=parallel,
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_parallel_build_is_identical(rootdir, tmp_path):
    src = make_book(rootdir, tmp_path / "src")
    serial = build(src, tmp_path / "j1", 1)
    parallel = build(src, tmp_path / "j2", 2)
    assert warnings(serial) == [] and warnings(parallel) == []
    one, two = Path(serial.outdir), Path(parallel.outdir)

    def files(root: Path) -> list[Path]:
        # Everything a reader or a wiki gets: pages, search index, inventory, JSON, short URLs.
        return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file() and ".doctrees" not in p.parts)

    outputs = files(one)
    assert len([p for p in outputs if p.suffix == ".html"]) > 16
    assert outputs == files(two)
    different = [str(p) for p in outputs if (one / p).read_bytes() != (two / p).read_bytes()]
    assert different == []
    glossary = (two / "glossary.html").read_text(encoding="utf-8")
    assert glossary.count("#session-s-") >= 16 * 6
