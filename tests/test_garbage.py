"""The collector is kept off the loaded environment during a build, and given back after."""

from __future__ import annotations

import gc
import shutil
from io import StringIO

from sphinx.testing.util import SphinxTestApp

from helpers import warnings
from summit import garbage


def build(src, out, seen):
    app = SphinxTestApp("html", srcdir=src, builddir=out, status=StringIO(), warning=StringIO())
    app.connect("env-updated", lambda app, env: seen.append(("read", gc.isenabled(), gc.get_freeze_count())))
    try:
        app.build()
        assert warnings(app) == []
    finally:
        app.cleanup()


def test_the_loaded_environment_is_frozen_until_the_build_ends(rootdir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    build(src, tmp_path / "out", [])
    assert gc.isenabled() and gc.get_freeze_count() == 0
    seen: list[tuple] = []
    build(src, tmp_path / "out", seen)  # loads the pickled environment
    (_, enabled, frozen), = [s for s in seen if s[0] == "read"]
    assert enabled and frozen > 10_000  # every object of the process, the environment among them
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_failed_build_gives_the_collector_back():
    garbage.pause(None, None)  # type: ignore[arg-type]
    assert not gc.isenabled()
    garbage.unfreeze(None, RuntimeError("before reading"))  # type: ignore[arg-type]
    assert gc.isenabled() and gc.get_freeze_count() == 0
