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
release = f"{_edition.tm_year}年{_edition.tm_mon}月{_edition.tm_mday}日版"
version = time.strftime("%Y-%m-%d", _edition)  # what intersphinx shows: "(in ... v2026-11-21)"
copyright = f"{_edition.tm_year}, {author}"
language = "ja"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "sphinxext.opengraph",
    "summit",
]
root_doc = "index"
exclude_patterns = ["_latex"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 0
nitpicky = True

bibtex_bibfiles = ["docs/references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

# Speakers the chapters write alone that are organisations, not people (the speakers index
# marks them 組織; a name that is someone's organisation elsewhere needs no entry here).
summit_organisations = [
    "6WIND", "99Cloud", "AT&T", "Blue Box", "BMW", "Comcast", "Cumulus Networks", "daumkakao", "eBay",
    "eBay and Paypal", "Ericsson", "Google", "HP Helion Public Cloud", "IBM", "Intel",
    "Intel Open source Technology Center", "Mesosphere", "Mirantis", "NASA JPL", "OpenDaylight", "OPNFV",
    "Red Hat", "Supermicro", "Tencent Cloud", "Time Warner Cable", "Walmart", "日本OpenStackユーザ会",
]

# -- HTML -----------------------------------------------------------------------------------
html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["summit.css"]
html_baseurl = os.environ.get("SUMMIT_BASEURL", "")
html_last_updated_fmt = None
html_search_language = "ja"
# Link previews (Open Graph) when a page's URL is pasted into a wiki or a chat: og:url is absolute with
# SUMMIT_BASEURL; the description is the page's own text (the short URLs describe their object: summit).
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_type = "website"
ogp_social_cards = {"enable": False}  # would need matplotlib; wikis show the text card
ogp_custom_meta_tags = ['<meta property="og:locale" content="ja_JP">',
                        '<meta name="twitter:card" content="summary">']

# -- LaTeX (Japanese booklet) -----------------------------------------------------------------
latex_engine = "uplatex"
latex_documents = [(root_doc, "openstack-reports.tex", project, author, "manual", False)]
latex_elements = {
    # JIS B5 (182 x 257 mm): the usual size of Japanese technical booklets; wide enough for the
    # metadata boxes and long English session titles without shrinking the type as A5 would.
    "papersize": "b5paper",
    "pointsize": "10pt",
    "geometry": r"\usepackage[dvipdfm,top=22mm,bottom=22mm,inner=20mm,outer=18mm,headsep=6mm]{geometry}",
    # One-sided, chapters start on the next page rather than the next right-hand one: no blank pages.
    "extraclassoptions": "openany,oneside",
    "sphinxsetup": "InnerLinkColor={rgb}{0.05,0.2,0.45}, OuterLinkColor={rgb}{0.05,0.2,0.45}",
    # Embed every font: HaranoAji ships with texlive-lang-japanese (Ryumin/GothicBBB would not be
    # embedded and print as empty boxes where they are missing).
    "preamble": r"""
\usepackage[haranoaji]{pxchfon}
\usepackage{xurl}
% upLaTeX sets ‘ ’ “ ” with the Japanese font, full width ("Walmart’ s"): set them as Latin.
\kcatcode"2018=15 \kcatcode"2019=15 \kcatcode"201C=15 \kcatcode"201D=15
\renewcommand{\bibname}{参考文献}
\AtBeginDocument{\hypersetup{pdftitle={""" + project + r"""}, pdfauthor={""" + author + r"""},
  pdfsubject={OpenStack イベント参加報告}}}
% The document language, for screen readers and search (dvipdfmx writes it into the catalog).
\AtBeginDocument{\special{pdf:put @catalog <</Lang (ja)>>}}
% The edition is the "release": no "リリース" in front of it (the word means OpenStack's here);
% the table of contents is 目次, not the caption of the first toctree.
\renewcommand{\releasename}{}
\AtBeginDocument{\renewcommand{\contentsname}{目次}}
\makeatletter
\newcommand{\booktitle}{\@title}
\newcommand{\bookauthor}{\@author}
\def\py@release{""" + release + r"""}
\makeatother
""",
    "maketitle": r"""
\begin{titlepage}
  \centering
  \vspace*{28mm}
  {\sffamily\bfseries\Huge \booktitle\par}
  \vspace{10mm}
  {\large """ + release + r"""\par}
  \vspace{22mm}
  {\sffamily\bfseries 収録イベント\par}
  \vspace{4mm}
  \summitevents
  \vfill
  {\large \bookauthor\par}
\end{titlepage}
""",
}
# mendex sorts kanji index entries by the readings in this dictionary (named after the .tex).
latex_additional_files = ["docs/_latex/openstack-reports.dic"]
latex_domain_indices = True
latex_show_urls = "no"

# -- EPUB (the e-book: make epub) -------------------------------------------------------------
epub_basename = "openstack-reports"
epub_title = project
epub_author = author
epub_publisher = author
epub_contributor = author
epub_copyright = copyright
epub_language = language
epub_description = f"OSS 技術チームによる OpenStack Summit などのイベント参加報告（{release}）"
# One identifier for the book across editions (readers keep their place when an edition
# replaces the last); dcterms:modified (from SOURCE_DATE_EPOCH) tells editions apart.
# Sphinx writes epub_uid (the XML id of dc:identifier) into toc.ncx as the book's identifier,
# which EPUBCheck requires to equal dc:identifier: so both are this one XML name.
epub_identifier = "openstack-reports-188dbcab-9460-4a17-8fb4-da31e775b1f7"
epub_uid = epub_identifier
epub_scheme = "uuid"
epub_css_files = ["summit.css"]
# Links are live in a reader: no URL printed after each of them.
epub_show_urls = "no"
