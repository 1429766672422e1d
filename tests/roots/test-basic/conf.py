extensions = ["myst_parser", "sphinxcontrib.bibtex", "summit"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
language = "ja"
project = "Test book"
author = "Test"
copyright = "2026, Test"
version = "2026-01-01"
