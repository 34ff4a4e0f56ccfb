# Two commands on a fresh machine:  make run  (set up and open the app)  ·  make test  (set up and test)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint setup browser

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $(STAMP)

# onnxruntime-web's WebAssembly runtime (pinned in package-lock.json), copied where Streamlit serves it
# (/app/static/ort/): the browser runs exported models without any CDN. Copies, not links: Streamlit
# refuses links that point outside static/.
ORT_DIST := node_modules/onnxruntime-web/dist
ORT_FILES := ort.wasm.min.mjs ort-wasm-simd-threaded.mjs ort-wasm-simd-threaded.wasm
ORT_STAMP := static/ort/.installed

$(ORT_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p static/ort
	cp $(addprefix $(ORT_DIST)/,$(ORT_FILES)) static/ort/
	touch $(ORT_STAMP)

setup: $(STAMP) $(ORT_STAMP)

# Debian's Chromium (Playwright drives it; no browser download), Korean fonts for its screenshots,
# nginx for the replicas test, and PostgreSQL for the store's tests (tests/postgres.py starts its own server).
browser:
	@{ command -v chromium && command -v nginx && ls /usr/lib/postgresql/*/bin/pg_ctl; } >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  chromium fonts-noto-cjk nginx-light postgresql >/dev/null; } || \
	  echo "chromium/nginx/postgresql could not be installed: browser, replica and PostgreSQL tests will be skipped"

# ui/startup.py: the server warms up once (imports, the first training process), then runs streamlit_app.py.
run: setup
	$(PY) -m ui.startup

lint: setup
	$(VENV)/bin/ruff check .

test: setup browser lint
	$(PY) -m pytest
