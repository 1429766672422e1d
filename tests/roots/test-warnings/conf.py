extensions = ["myst_parser", "summit"]
myst_enable_extensions = ["colon_fence"]
language = "ja"
summit_organisations = ["Nobody Inc"]  # named by no session: warned
