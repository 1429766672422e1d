# Makefile for the book of OpenStack event reports (sphinx-quickstart conventions).
# `make html` and `make test` set everything up on a fresh machine.

PYTHON      ?= python3
VENVDIR     ?= .venv
SPHINXOPTS  ?= -n -W --keep-going
SOURCEDIR    = docs
BUILDDIR     = _build
VENVPY       = $(VENVDIR)/bin/python
SPHINXBUILD  = $(VENVDIR)/bin/sphinx-build
STAMP        = $(VENVDIR)/.installed
TESTSTAMP    = $(VENVDIR)/.installed-test

LIVEHOST    ?= 127.0.0.1
LIVEPORT    ?= 8000

.PHONY: help venv test bench clean latexpdf livehtml new Makefile

help: venv
	@$(SPHINXBUILD) -M help "$(SOURCEDIR)" "$(BUILDDIR)" -c . $(SPHINXOPTS) $(O)
	@echo "Also: make new (a new chapter), make livehtml (live preview on http://$(LIVEHOST):$(LIVEPORT)/), make test (the whole test suite), make venv, make clean"

# The virtualenv is (re)made whenever requirements.txt is newer than the last install.
$(STAMP): requirements.txt
	@test -x $(VENVPY) || $(PYTHON) -m venv $(VENVDIR)
	$(VENVPY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(TESTSTAMP): $(STAMP) requirements-test.txt
	$(VENVPY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

venv: $(STAMP)

# axe-core for the accessibility test, from its lock file (the test is skipped without npm).
A11Y        = tests/node/node_modules/.package-lock.json
$(A11Y): tests/node/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/node --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility test will be skipped (apt-get install npm)"; fi

# Stop the catch-all rule below from treating these files as builder names.
requirements.txt requirements-test.txt tests/node/package-lock.json: ;

test: $(TESTSTAMP) $(A11Y)
	$(VENVPY) -m pytest tests $(PYTEST_ARGS)

# Scale and speed: builds synthetic books with and without the extension (long: see bench/RESULTS.md).
bench: $(STAMP)
	$(VENVPY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf "$(BUILDDIR)"

# Live preview: rebuilds on every save (chapters, the extension, the stylesheet) and reloads the
# browser; warnings in this terminal. Not -W: a warning must not stop the preview.
livehtml: $(STAMP)
	$(VENVDIR)/bin/sphinx-autobuild "$(SOURCEDIR)" "$(BUILDDIR)/html" -c . -d "$(BUILDDIR)/doctrees" \
	  -n --keep-going --host $(LIVEHOST) --port $(LIVEPORT) --watch _ext --watch _static --watch conf.py $(O)

# A new chapter from the template: make new ID=denver-2019 NAME="..." KIND=summit START=2019-04-29
# END=2019-05-01 PLACE=denver LOCATION="デンバー" CYCLE=Stein (what is not given is asked for).
new: $(STAMP)
	@PYTHONPATH=_ext $(VENVPY) -m summit new --docs "$(SOURCEDIR)" $(if $(ID),--id "$(ID)") \
	  $(if $(NAME),--name "$(NAME)") $(if $(KIND),--kind "$(KIND)") $(if $(START),--start "$(START)") \
	  $(if $(END),--end "$(END)") $(if $(PLACE),--place "$(PLACE)") $(if $(LOCATION),--location "$(LOCATION)") \
	  $(if $(CYCLE),--cycle "$(CYCLE)")

# The booklet needs TeX: say so in one line instead of a LaTeX traceback.
latexpdf: $(STAMP)
	@command -v uplatex >/dev/null && command -v latexmk >/dev/null || { \
	  echo "make latexpdf needs TeX: apt-get install --no-install-recommends latexmk texlive-lang-japanese texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre"; exit 2; }
	@$(SPHINXBUILD) -M latexpdf "$(SOURCEDIR)" "$(BUILDDIR)" -c . $(SPHINXOPTS) $(O)

# Every other target is a Sphinx builder: make html, make linkcheck, make latex, ...
%: $(STAMP)
	@$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" -c . $(SPHINXOPTS) $(O)
