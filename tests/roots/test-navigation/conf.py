extensions = ["myst_parser", "summit"]
myst_enable_extensions = ["colon_fence"]
language = "ja"
project = "Navigation book"
author = "Test"
copyright = "2026, Test"
html_theme = "furo"
