"""Shared fixtures: Sphinx's testing fixtures, the test roots and the real book."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"


def need_tool(*names: str, why: str) -> None:
    """Skip when a tool is missing, but fail under CI, which installs them all."""
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed: {why}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must install it: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def build_root(rootdir, tmp_path_factory):
    """Build a copy of a test root once per session: ``build_root("basic", "html")``."""
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    def build(name: str, builder: str = "html", **kwargs):
        srcdir = tmp_path_factory.mktemp(f"{name}-{builder}") / "src"
        shutil.copytree(rootdir / f"test-{name}", srcdir)
        app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)
        try:
            app.build()
        finally:
            app.cleanup()  # unregister nodes and roles, so the next app starts clean
        return app

    return build
