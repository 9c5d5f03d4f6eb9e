# The course in two commands: `make lab` (learn) and `make test` (check everything).
# Both create .venv with python3 if it is missing and (re)install the course only when pyproject.toml changed:
# `make lab` installs the course with its [lab] extra, `make test` with [test] (lab + workshop + test tools).
# Either then compiles every numba kernel once into the cache (`python -m course_lib warmup`), so a learner's
# first solver call loads machine code instead of compiling it.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LAB_STAMP := $(VENV)/.installed-lab
NB     ?= notebooks/00_start_here.ipynb
PORT   ?= 8888
SANITIZE := notebooks/nbval_sanitize.cfg
PYTEST_NBVAL := --nbval --nbval-sanitize-with $(SANITIZE) --nbval-current-env --nbval-cell-timeout=300
# nbconvert's executor with no timing metadata and stdout coalesced: an unchanged notebook re-executes byte for byte
EXECUTE := $(BIN)/python -m course_lib._internal.execute
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
CHROMIUM ?= /usr/bin/chromium

.PHONY: help venv venv-lab lab lint warmup diff-setup nbval-diff test test-unit test-browser test-site chromium nbval notebook notebooks figures bench doctor clean clean-cache \
	slides student site handouts schedule lab-student

help:
	@echo "make lab        start JupyterLab on notebooks/ (127.0.0.1, token required), opening 00_start_here"
	@echo "make test       ruff, unit tests + strict nbval on every notebook"
	@echo "make lint       ruff on course_lib, tests, benchmarks, workshop and the notebooks"
	@echo "make warmup     compile every numba kernel into the cache (done by make lab / make test)"
	@echo "make diff-setup readable notebook diffs and merges in git (nbdime's git drivers, this clone)"
	@echo "make test-unit  unit tests only"
	@echo "make test-browser  every notebook in JupyterLab + headless Chromium: Run All, widgets, sliders (artifacts/)"
	@echo "make nbval NB=notebooks/01_l2_norm_ridge.ipynb   strict nbval on one notebook"
	@echo "make nbval-diff NB=...  the same, failures shown as an nbdime diff in the browser"
	@echo "make notebook NB=...   re-execute one notebook in place; make notebooks: all of them"
	@echo "make figures    regenerate figures/*.png and *.svg"
	@echo "make slides     reveal.js decks with speaker notes, offline, in _build/slides/ (see INSTRUCTORS.md)"
	@echo "make student    learner copies without solutions, notes or outputs, in student/"
	@echo "make site       the course as static HTML (widgets from saved state, offline) in _build/site/"
	@echo "make handouts   PDFs: cheat sheet, glossary, every deck (printed by Chromium) in _build/handouts/"
	@echo "make schedule   write every time (chapters, chapter 0's table, INSTRUCTORS.md plans) from workshop/schedule.toml"
	@echo "make lab-student  for learners: a light install ([lab] extra only) and JupyterLab on the student copies"
	@echo "make test-site  the static site in headless Chromium (also part of make test-browser)"
	@echo "make bench      run the benchmarks (numbers beside scikit-learn's)"
	@echo "make doctor     check the installation"
	@echo "make clean      remove caches (numba, pytest); keeps .venv"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null || \
	  { echo "error: '$(PYTHON)' is missing or older than 3.10. Install Python 3.10+ (Debian/Ubuntu: sudo apt-get install python3 python3-venv) or run 'make PYTHON=/path/to/python3.11 ...'"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
	  { echo "error: '$(PYTHON) -m venv' is not available. Install it (Debian/Ubuntu: sudo apt-get install python3-venv, or python3.X-venv for your version), then run make again."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m course_lib warmup
	@touch $(STAMP) $(LAB_STAMP)

# The learner's environment: the [lab] extra only (already satisfied by an up-to-date test install).
$(LAB_STAMP): pyproject.toml | $(BIN)/python
	@if [ -f $(STAMP) ] && [ $(STAMP) -nt pyproject.toml ]; then :; else \
	  $(BIN)/python -m pip install --quiet --upgrade pip && \
	  $(BIN)/python -m pip install --quiet -e '.[lab]' && \
	  $(BIN)/python -m course_lib warmup; fi
	@touch $(LAB_STAMP)

venv: $(STAMP)

venv-lab: $(LAB_STAMP)

warmup: venv-lab
	$(BIN)/python -m course_lib warmup

lab: venv-lab
	@token=$${JUPYTER_TOKEN:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(24))')}; \
	echo ""; echo "  The course: http://127.0.0.1:$(PORT)/lab/tree/00_start_here.ipynb?token=$$token"; \
	echo "  (port busy? make lab PORT=8890)"; echo ""; \
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --ServerApp.port_retries=0 \
	  --ServerApp.root_dir=notebooks --IdentityProvider.token="$$token" --ServerApp.password_required=False \
	  --LabApp.default_url=/lab/tree/00_start_here.ipynb $(ROOT_FLAG)

test: venv lint
	$(BIN)/python -m pytest tests notebooks $(PYTEST_NBVAL)

lint: venv
	$(BIN)/ruff check .

# nbdime's git drivers for this clone (.gitattributes routes *.ipynb to them): `git diff` shows cell sources
# and outputs instead of JSON; `git difftool --tool=nbdime` opens the web view.
diff-setup: venv
	$(BIN)/nbdime config-git --enable

test-unit: venv
	$(BIN)/python -m pytest tests

# Real-browser tests (tests/browser, marker `browser`, deselected by `make test`): Debian's chromium driven
# by Playwright; screenshots and latencies in artifacts/.  As root, installs chromium with apt-get if missing.
test-browser: venv chromium poppler
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest tests/browser -m browser -v

# Only the static-site checks of tests/browser (test_site.py); `make test-browser` runs them too.
test-site: venv chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest tests/browser/test_site.py -m browser -v

chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium && \
	  { [ -x "$(CHROMIUM)" ] || { echo "error: $(CHROMIUM) is still missing after installing chromium"; exit 1; }; }; \
	else \
	  echo "error: $(CHROMIUM) is missing. Install it: sudo apt-get update && sudo apt-get install -y chromium"; \
	  echo "       (or point make at another Chromium: make test-browser CHROMIUM=/path/to/chromium)"; exit 1; \
	fi

poppler:
	@command -v pdftotext >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; \
	  else echo "error: pdftotext is missing: sudo apt-get install -y poppler-utils"; exit 1; fi; }

nbval: venv
	$(BIN)/python -m pytest $(NB) $(PYTEST_NBVAL)

# The same check, with failures shown as an nbdime diff of the whole notebook in a browser (nbval --nbdime:
# interactive, so not part of make test; it also compares image/png bytes, which the deterministic outputs
# allow when the library versions are those that stored the notebook).
nbval-diff: venv
	$(BIN)/python -m pytest $(NB) $(PYTEST_NBVAL) --nbdime

notebook: venv
	$(EXECUTE) $(NB)

notebooks: venv
	@for nb in notebooks/*.ipynb; do echo "executing $$nb"; $(EXECUTE) "$$nb" || exit 1; done

# Workshop kit (workshop/): the first run of slides/site fetches pinned reveal.js, MathJax, require.js, jQuery
# and the widgets' HTML manager with npm into _build/vendor/ (once); the outputs then work offline.
slides: venv
	$(BIN)/python -m workshop.slides

student: venv
	$(BIN)/python -m workshop.student

site: venv
	$(BIN)/python -m workshop.site

handouts: venv chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m workshop.handouts

schedule: venv
	$(BIN)/python -m workshop.schedule --notebooks

# Learners: the [lab] extra only (no test or workshop tools), the solution-free copies in student/, and
# JupyterLab on them.  Instructors use `make lab` (notebooks/, solutions included).
lab-student: venv-lab
	$(BIN)/python -m workshop.student
	@token=$${JUPYTER_TOKEN:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(24))')}; \
	echo ""; echo "  Your notebooks: http://127.0.0.1:$(PORT)/lab/tree/00_start_here.ipynb?token=$$token"; \
	echo "  (port busy? make lab-student PORT=8890)"; echo ""; \
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --ServerApp.port_retries=0 \
	  --ServerApp.root_dir=student --IdentityProvider.token="$$token" --ServerApp.password_required=False \
	  --LabApp.default_url=/lab/tree/00_start_here.ipynb $(ROOT_FLAG)

figures: venv
	$(BIN)/python -m course_lib.figures

BENCHMARKS := startup lasso_speed ridge_speed widgets

bench: venv
	@for b in $(BENCHMARKS); do echo "== benchmarks/$$b.py"; $(BIN)/python benchmarks/$$b.py || exit 1; done
	@echo "browser latency: make test-browser, then $(BIN)/python benchmarks/browser_latency.py"

doctor: venv-lab
	$(BIN)/python -m course_lib doctor

clean-cache:
	rm -rf $${XDG_CACHE_HOME:-$$HOME/.cache}/course_lib
	find . -path ./$(VENV) -prune -o \( -name '*.nbi' -o -name '*.nbc' \) -print -exec rm -f {} +

clean: clean-cache
	rm -rf .pytest_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -print -exec rm -rf {} +
