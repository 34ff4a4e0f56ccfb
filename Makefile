# Two commands on a fresh machine:  make run  (set up and open the app)  ·  make test  (set up and test)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint setup browser

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $(STAMP)

setup: $(STAMP)

# Debian's Chromium (Playwright drives it; no browser download), Korean fonts for its screenshots,
# and nginx for the replicas test.
browser:
	@{ command -v chromium && command -v nginx; } >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk nginx-light >/dev/null; } || \
	  echo "chromium/nginx could not be installed: browser and replica tests will be skipped"

run: setup
	$(VENV)/bin/streamlit run streamlit_app.py

lint: setup
	$(VENV)/bin/ruff check .

test: setup browser lint
	$(PY) -m pytest
