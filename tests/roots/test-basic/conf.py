extensions = ["myst_parser", "sphinxcontrib.bibtex", "summit"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
language = "ja"
