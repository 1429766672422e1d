"""make suggest: a builder that lists untagged names and glossary candidates with file:line,
as text and JSON, and changes nothing in the HTML build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHAPTER = """\
# Boston 2017

:::{event} boston-2017
:name: OpenStack Summit Boston 2017
:kind: summit
:start: 2017-05-08
:end: 2017-05-11
:::

## Networking

:::{session} boston-networking
:projects: Tacker
:::

この発表では Neutron と OpenDaylight の連携が紹介された。Open vSwitch ではなく OVS と書く人もいる。
nova-parity という話もあった。

- <https://github.com/openstack/gnocchi>

## Rocky の話

:::{session} boston-rocky
:::

次は Rocky で。{project}`Nova` は役割で付けたので提案しない。Rackspace の事例もあった。
Deploy の話と、deploy の手順。
"""


def build(builder: str, src: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, str(src), str(out / builder), "-d", str(out / "doctrees"),
         "-n", "-W", "--keep-going", "-q"],
        capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")})


@pytest.fixture(scope="module")
def suggested(rootdir, tmp_path_factory):
    base = tmp_path_factory.mktemp("suggest")
    src = base / "src"
    shutil.copytree(rootdir / "test-basic", src)
    (src / "reports" / "2017-05-boston.md").write_text(CHAPTER, encoding="utf-8")
    out = base / "_build"
    html = build("html", src, out)
    assert html.returncode == 0, html.stderr
    before = {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()}
    result = build("suggest", src, out)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    again = build("html", src, out)
    after = {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()}
    return out / "suggest", before, after, again


def lines(folder: Path) -> list[str]:
    return (folder / "output.txt").read_text(encoding="utf-8").splitlines()


def test_untagged_names_with_file_and_line(suggested):
    folder, *_ = suggested
    untagged = [line for line in lines(folder) if "[untagged]" in line]
    assert ("reports/2017-05-boston.md:16: [untagged] session 'boston-networking': project 'Neutron' is named in "
            "the text ('Neutron') but not tagged") in untagged
    # Once per session and name, however it is spelt (the longest spelling first).
    assert [line for line in untagged if "'Open vSwitch'" in line] == [
        "reports/2017-05-boston.md:16: [untagged] session 'boston-networking': project 'Open vSwitch' is named in "
        "the text ('Open vSwitch') but not tagged"]
    assert any("'boston-rocky': release 'Rocky'" in line and ":23:" in line for line in untagged)
    # Not proposed: what is tagged (Tacker), linked by a role (Nova), inside another word (nova-parity).
    assert not any("'Tacker'" in line or "'Nova'" in line for line in untagged), untagged


def test_glossary_candidates_with_counts(suggested):
    folder, *_ = suggested
    candidates = [line for line in lines(folder) if "[candidate]" in line]
    assert "reports/2017-05-boston.md:16: [candidate] 'OpenDaylight' (1x) is not in the glossary" in candidates
    assert any("'gnocchi' (1x)" in line for line in candidates)  # a repository named in a URL
    assert any("'Rackspace' (1x)" in line for line in candidates)
    # Names the glossary knows, the event's own name and English words are not candidates.
    assert not any(f"'{word}'" in line for line in candidates
                   for word in ("Neutron", "Boston", "Summit", "Open", "Deploy"))  # "deploy" is a word here


def test_json_matches_the_text(suggested):
    folder, *_ = suggested
    records = json.loads((folder / "output.json").read_text(encoding="utf-8"))
    assert len(records) == len(lines(folder))
    neutron = next(r for r in records if r["kind"] == "untagged" and r["id"] == "neutron")
    assert neutron == {"kind": "untagged", "filename": "reports/2017-05-boston.md", "lineno": 16,
                       "text": neutron["text"], "session": "boston-networking", "objtype": "project",
                       "id": "neutron", "name": "Neutron"}


def test_the_html_build_is_unchanged(suggested):
    _, before, after, again = suggested
    assert again.returncode == 0 and again.stderr == ""
    assert after == before
