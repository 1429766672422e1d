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
