"""Two clean builds of the same sources give the same bytes; the edition date follows SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(builder: str, out: Path, epoch: str) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    subprocess.run([sys.executable, "-m", "sphinx", "-M", builder, str(ROOT / "docs"), str(out), "-c", str(ROOT),
                    "-q", "-n", "-W", "--keep-going"], check=True, env=env, capture_output=True)
    return out / builder


def outputs(folder: Path) -> dict[str, bytes]:
    wanted = {".html", ".json", ".tex", ".js", ".inv", ".sty", ".dat"}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.suffix in wanted and "_static" not in p.parts}


def test_clean_builds_are_identical(tmp_path):
    for builder in ("html", "latex"):
        one = outputs(build(builder, tmp_path / f"{builder}-1", "1700000000"))
        two = outputs(build(builder, tmp_path / f"{builder}-2", "1700000000"))
        assert len(one) > 10
        assert sorted(one) == sorted(two)
        assert [name for name in one if one[name] != two[name]] == []


def test_edition_date_comes_from_source_date_epoch(tmp_path):
    tex = build("latex", tmp_path / "latex", "1700000000") / "openstack-reports.tex"
    assert "2023年11月14日版" in tex.read_text(encoding="utf-8")  # 1700000000 is 2023-11-14 UTC
