extensions = ["myst_parser", "summit"]
myst_enable_extensions = ["colon_fence"]
language = "ja"
project = "Test book"
author = "Test"
copyright = "2026, Test"
version = "2026-01-01"
