# "The wiki": another team's Sphinx project that links into the book WITHOUT the summit extension,
# only through intersphinx, as docs/linking.md tells wiki editors to.
# tests/test_wiki.py sets intersphinx_mapping (the book is built into a temporary folder).
project = "Team wiki"
language = "ja"
extensions = ["myst_parser", "sphinx.ext.intersphinx"]
intersphinx_mapping: dict = {}
intersphinx_disabled_reftypes = ["std:doc"]
intersphinx_timeout = 5
nitpicky = True
