"""Interrupted builds: a build killed half-way, then a plain rebuild, gives the pages of a clean build.

`python -m sphinx -M html` runs as a subprocess on a generated book of 60 chapters; conf.py sleeps a
little per document while reading and while writing (SLOW_BUILD seconds), so that the build can be
killed with SIGKILL once its `-v` progress passes 30 % of the phase.  Then the same command runs
again, untouched, and every HTML page must be byte-for-byte the page a clean build writes.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = 60
SLOW_BUILD = "0.05"  # seconds per document and phase: ~3 s of reading, ~3 s of writing

CONF = f"""
import os
import sys
import time

sys.path.insert(0, {str(ROOT / "_ext")!r})
extensions = ["myst_parser", "summit"]
myst_enable_extensions = ["colon_fence"]
language = "ja"
DELAY = float(os.environ.get("SLOW_BUILD", "0"))


def setup(app):
    def slow(*args):
        time.sleep(DELAY)

    app.connect("source-read", slow)  # once per document read
    app.connect("doctree-resolved", slow)  # once per document written
"""

PROJECTS = ["Nova", "Neutron", "Cells v2", "Placement", "Ironic"]
RELEASES = ["Pike", "Queens", "Rocky"]


def glossary(nova: str = "Nova") -> str:
    lines = ["# 用語集", ""]
    for name in PROJECTS:
        shown = nova if name == "Nova" else name
        lines += [f":::{{project}} {shown}", f":id: {name.lower().replace(' ', '-')}"]
        if shown != name:
            lines.append(f":aliases: {name}")
        if name == "Cells v2":
            lines.append(":parent: Nova")
        lines += [f"{name} の説明。", ":::", ""]
    return "\n".join(lines)


def releases() -> str:
    lines = ["# リリース", ""]
    for n, name in enumerate(RELEASES):
        lines += [f":::{{release}} {name}", f":released: 201{7 + n // 2}-0{2 + 6 * (n % 2)}-28", ":::", ""]
    return "\n".join(lines)


def chapter(n: int) -> str:
    lines = [f"# 第 {n} 回 参加報告", "", f":::{{event}} event-{n}", f":name: Summit {n}",
             f":start: 2018-{n % 12 + 1:02d}-01", f":end: 2018-{n % 12 + 1:02d}-03",
             f":cycle: {RELEASES[n % 3]}", ":::", ""]
    for s in range(5):
        projects = ", ".join(PROJECTS[(n + s + k) % len(PROJECTS)] for k in range(1 + s % 3))
        lines += [f"## セッション {n}-{s}", "", f":::{{session}} s-{n}-{s}", f":projects: {projects}",
                  f":releases: {RELEASES[s % 3]}", f":date: 2018-{n % 12 + 1:02d}-0{1 + s % 3}", ":::", "",
                  f"本文 {n}-{s}。前の回は {{session}}`s-{(n + CHAPTERS - 1) % CHAPTERS}-{s}` を参照。"
                  f"{{project}}`{PROJECTS[s]}` に触れる。", ""]
    return "\n".join(lines)


def make_book(src: Path) -> Path:
    (src / "reports").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# 報告集\n\n```{toctree}\n:glob:\nreports/*\nglossary\nreleases\n```\n",
                                  encoding="utf-8")
    (src / "glossary.md").write_text(glossary(), encoding="utf-8")
    (src / "releases.md").write_text(releases(), encoding="utf-8")
    for n in range(CHAPTERS):
        (src / "reports" / f"2018-{n:03d}.md").write_text(chapter(n), encoding="utf-8")
    return src


def rename_nova(src: Path) -> None:
    """An edit that changes every chapter's page: the badges show Nova's new declared name."""
    (src / "glossary.md").write_text(glossary(nova="Nova Compute"), encoding="utf-8")


def command(src: Path, build: Path) -> list[str]:
    return [sys.executable, "-u", "-m", "sphinx", "-M", "html", str(src), str(build), "-v"]


def run(src: Path, build: Path, slow: bool = False) -> None:
    """A complete build, as `make html` runs it."""
    env = {**os.environ, "SLOW_BUILD": SLOW_BUILD if slow else "0"}
    result = subprocess.run(command(src, build), capture_output=True, text=True, env=env, check=False,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def kill_during(src: Path, build: Path, phase: str, percent: int = 30) -> str:
    """Start a slowed-down build and SIGKILL it once the phase's progress reaches ``percent``."""
    env = {**os.environ, "SLOW_BUILD": SLOW_BUILD}
    proc = subprocess.Popen(command(src, build), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    progress = re.compile(rb"^(reading sources|writing output)\.\.\. \[\s*(\d+)%\] (.*)$")
    seen = b""
    killed_at = ""
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = re.sub(rb"\x1b\[[0-9;]*[A-Za-z]", b"", raw).strip()
        seen += line + b"\n"
        match = progress.match(line)
        if match and match.group(1).decode() == phase and int(match.group(2)) >= percent:
            proc.send_signal(signal.SIGKILL)
            killed_at = f"{phase} {int(match.group(2))}% {match.group(3).decode()}"
            break
    proc.wait(timeout=60)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL, "the build ended before it could be killed:\n" + seen.decode()[-3000:]
    return killed_at


def html_pages(build: Path) -> dict[str, bytes]:
    out = build / "html"
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def assert_same_pages(rebuilt: Path, clean: Path, killed_at: str) -> None:
    mine, reference = html_pages(rebuilt), html_pages(clean)
    assert len(reference) > CHAPTERS
    assert sorted(mine) == sorted(reference), killed_at
    different = [name for name in reference if mine[name] != reference[name]]
    assert different == [], f"killed at {killed_at}; {len(different)} pages differ"
    assert (rebuilt / "html" / "objects.inv").read_bytes() == (clean / "html" / "objects.inv").read_bytes()


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, Path]:
    """Reference builds from scratch: the book, and the book after the edit."""
    base = tmp_path_factory.mktemp("clean")
    src = make_book(base / "src")
    run(src, base / "original")
    rename_nova(src)
    run(src, base / "edited")
    return {"original": base / "original", "edited": base / "edited"}


@pytest.mark.parametrize("phase", ["reading sources", "writing output"])
def test_first_build_killed_then_rebuilt(tmp_path, clean, phase):
    """A first build killed half-way through a phase, then rebuilt, writes the clean build's pages."""
    src, build = make_book(tmp_path / "src"), tmp_path / "build"
    killed_at = kill_during(src, build, phase)
    run(src, build)
    assert_same_pages(build, clean["original"], killed_at)


@pytest.mark.parametrize("phase", ["reading sources", "writing output"])
def test_incremental_build_killed_then_rebuilt(tmp_path, clean, phase):
    """After an edit that changes every chapter, a build killed half-way then rebuilt is not left stale."""
    src, build = make_book(tmp_path / "src"), tmp_path / "build"
    run(src, build)
    rename_nova(src)
    # Only the glossary is re-read (killed while reading it); all 60 chapters are re-written.
    killed_at = kill_during(src, build, phase)
    run(src, build)
    assert_same_pages(build, clean["edited"], killed_at)


def warnings_of(src: Path, build: Path) -> list[str]:
    """A complete build's warnings, sorted, paths relative to the source folder."""
    result = subprocess.run(command(src, build), capture_output=True, text=True, check=False, timeout=600,
                            env={**os.environ, "SLOW_BUILD": "0"})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr)
    return sorted(line.replace(f"{src}/", "") for line in text.splitlines() if "WARNING" in line)


def test_warnings_are_right_after_an_interrupted_build(tmp_path):
    """Kept warnings (persistence.py) follow their cause through builds killed while writing."""
    src, build = make_book(tmp_path / "src"), tmp_path / "build"
    with_ironic = (src / "glossary.md").read_text(encoding="utf-8")
    without = re.sub(r":::\{project\} Ironic\n.*?:::\n", "", with_ironic, flags=re.S)
    (src / "glossary.md").write_text(without, encoding="utf-8")
    broken = warnings_of(src, build)
    assert broken and all("unknown project 'Ironic'" in line for line in broken), broken[:3]
    assert warnings_of(src, build) == broken  # nothing re-read: the same warnings
    (src / "glossary.md").write_text(with_ironic, encoding="utf-8")
    kill_during(src, build, "writing output")
    assert warnings_of(src, build) == []
    assert warnings_of(src, build) == []
    (src / "glossary.md").write_text(without, encoding="utf-8")
    kill_during(src, build, "writing output")
    assert warnings_of(src, build) == broken
    assert warnings_of(src, build) == broken
