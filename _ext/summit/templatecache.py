"""The theme's page templates kept compiled between builds: Jinja's own bytecode cache.

Sphinx compiles every template it renders (furo's page, its partials, our wrappers) anew in
each build: a fixed cost, whatever the size of the book, and a large share of a rebuild after a
paragraph edit.  Jinja's ``FileSystemBytecodeCache`` keeps the compiled code beside the
environment and checks each template against its source's checksum, so an edited template is
compiled again.  Compiled code also depends on Jinja and Sphinx (which sets the environment up:
sandboxed, with or without the i18n extension): their versions and that set-up name the folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import sphinx
from jinja2 import FileSystemBytecodeCache

from .digest import digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PREFIX = "summit-templates-"


def folder(app: Sphinx, environment: jinja2.Environment) -> Path:
    made_by = (jinja2.__version__, sphinx.__display_version__, type(environment).__qualname__,
               sorted(environment.extensions))
    return Path(app.doctreedir) / f"{PREFIX}{digest(made_by)[:12]}"


def keep_compiled_templates(app: Sphinx) -> None:
    """At ``builder-inited``: every builder that renders Jinja templates (the HTML family, EPUB)."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if not isinstance(environment, jinja2.Environment) or environment.bytecode_cache is not None:
        return  # a builder without Jinja templates, or a template bridge with its own cache
    target = folder(app, environment)
    for old in Path(app.doctreedir).glob(f"{PREFIX}*"):
        if old != target and old.is_dir():  # made by other versions: never read again
            shutil.rmtree(old, ignore_errors=True)
    target.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(target))
