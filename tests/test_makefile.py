"""The Makefile's promises: one clear line when TeX is missing; every builder is a target."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_latexpdf_without_tex_says_so_in_one_line(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("make", "sh", "python3"):  # everything the recipe needs up to the TeX check
        found = shutil.which(tool)
        if found is None:
            pytest.skip(f"{tool} not installed")
        (bin_dir / tool).symlink_to(found)
    result = subprocess.run(["make", "-s", "latexpdf", f"BUILDDIR={tmp_path / 'out'}"], cwd=ROOT,
                            env={**os.environ, "PATH": str(bin_dir)}, capture_output=True, text=True)
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert lines[0].startswith("make latexpdf needs TeX: apt-get install --no-install-recommends latexmk")
    assert "texlive-lang-japanese" in lines[0]
    assert not (tmp_path / "out").exists()


def test_any_builder_is_a_target(tmp_path):
    result = subprocess.run(["make", "-s", "dummy", f"BUILDDIR={tmp_path}"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dummy").is_dir()


def test_mendex_has_a_reading_for_every_kanji_index_entry(tmp_path):
    """Kanji entries of the general index sort by reading, which the dictionary gives mendex."""
    result = subprocess.run(["make", "-s", "latex", f"BUILDDIR={tmp_path}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    tex = (tmp_path / "latex" / "openstack-reports.tex").read_text(encoding="utf-8")
    readings = dict(line.split(maxsplit=1) for line in
                    (ROOT / "docs" / "_latex" / "openstack-reports.dic").read_text(encoding="utf-8").splitlines()
                    if line.strip())
    import re

    keys = {part for key in re.findall(r"\\index\{([^}]*)\}", tex) for part in key.split("!")}
    leading = re.compile(r"^[\u4e00-\u9fff々〆]+")
    # The leading kanji decide where an entry sorts; mendex reads them with the longest
    # dictionary word that starts the run.
    unread = sorted({m.group() for key in keys if (m := leading.match(key.split("@")[0]))
                     and not any(m.group().startswith(word) for word in readings)})
    assert len(keys) > 200
    assert unread == [], "add readings to docs/_latex/openstack-reports.dic"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(predicate, timeout: float) -> bool:
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_livehtml_serves_rebuilds_and_stops(tmp_path):
    """make livehtml: serves on 127.0.0.1, rebuilds after a save, reloads, stops cleanly."""
    import signal

    if shutil.which("make") is None:
        pytest.skip("make not installed")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    port = _free_port()
    process = subprocess.Popen(
        ["make", "-s", "livehtml", f"SOURCEDIR={docs}", f"BUILDDIR={tmp_path / '_build'}", f"LIVEPORT={port}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    page = f"http://127.0.0.1:{port}/reports/2018-05-vancouver.html"
    try:
        assert _wait_for(lambda: _fetch(page) is not None, 180), "the preview never answered"
        first = _fetch(page)
        assert "だいぶ落ちついてきたなと感じた。" in first
        assert "websocket" in first.lower()  # the reload script sphinx-autobuild injects
        chapter = docs / "reports" / "2018-05-vancouver.md"
        chapter.write_text(chapter.read_text(encoding="utf-8").replace(
            "だいぶ落ちついてきたなと感じた。", "だいぶ落ちついてきたなと感じた。（保存して見えた一文）"), encoding="utf-8")
        assert _wait_for(lambda: "（保存して見えた一文）" in (_fetch(page) or ""), 120), "the edit never showed"
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            output, _ = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
    assert process.returncode is not None
    with pytest.raises(ProcessLookupError):  # nothing of the group is left running
        os.killpg(process.pid, 0)
    assert _fetch(page) is None
    assert "Serving on http://127.0.0.1:" in output, output[-2000:]
