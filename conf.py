"""Sphinx configuration of the book of OpenStack event reports.

Sources live in ``docs/``; build with ``sphinx-build -c . docs _build/html`` or ``make html``.
Paths below (templates, static files, bibliography) resolve against this file's folder.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "_ext"))

project = "OpenStack イベント参加報告集"
author = "OSS 技術チーム"
# The edition date: honour SOURCE_DATE_EPOCH so two builds of the same sources are identical.
_edition = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))
release = version = time.strftime("%Y.%m.%d", _edition)
copyright = f"{_edition.tm_year}, {author}"
language = "ja"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "summit",
]
root_doc = "index"
exclude_patterns: list[str] = []
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 0
nitpicky = True

bibtex_bibfiles = ["docs/references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

# -- HTML -----------------------------------------------------------------------------------
html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["summit.css"]
html_baseurl = os.environ.get("SUMMIT_BASEURL", "")
html_last_updated_fmt = None
html_search_language = "ja"

# -- LaTeX (Japanese booklet) -----------------------------------------------------------------
latex_engine = "uplatex"
latex_documents = [(root_doc, "openstack-reports.tex", project, author, "manual", False)]
latex_elements = {
    # JIS B5 (182 x 257 mm): the usual size of Japanese technical booklets; wide enough for the
    # session tables and long English session titles without shrinking the type as A5 would.
    "papersize": "b5paper",
    "pointsize": "10pt",
    # One-sided, chapters start on the next page rather than the next right-hand one: no blank pages.
    "extraclassoptions": "openany,oneside",
    # Embed every font: HaranoAji ships with texlive-lang-japanese (Ryumin/GothicBBB would not be embedded).
    "preamble": r"""
\usepackage[haranoaji]{pxchfon}
\renewcommand{\bibname}{参考文献}
""",
}
latex_domain_indices = True
latex_show_urls = "no"
