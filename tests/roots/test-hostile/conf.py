extensions = ["myst_parser", "summit"]
myst_enable_extensions = ["colon_fence"]
language = "ja"
latex_engine = "uplatex"
latex_documents = [("index", "hostile.tex", "Hostile input", "Tester", "manual", False)]
latex_elements = {"preamble": r"\usepackage[haranoaji]{pxchfon}"}
