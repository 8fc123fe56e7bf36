PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= khabar-demo.db

.PHONY: install run test lint demo-corpus models clean

$(BIN)/khabar: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[ingest,test]'
	touch $@

install: $(BIN)/khabar

# Analyse the bundled demo corpus into ./$(DEMO_DB) (idempotent: a second run adds nothing), then show it.
run: install
	$(BIN)/khabar ingest --demo --db $(DEMO_DB) --no-progress
	$(BIN)/khabar stats --db $(DEMO_DB)
	$(BIN)/khabar search بوتين --db $(DEMO_DB) --limit 5
	@echo
	@echo 'The khabar command is .venv/bin/khabar. To type plain "khabar", run once per shell:'
	@echo '    source .venv/bin/activate        (or: export PATH="$$PWD/.venv/bin:$$PATH")'
	@echo 'Then: khabar serve --db $(DEMO_DB)   and open http://127.0.0.1:8000/'

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/khabar

# Rebuild src/khabar/data/demo/demo.jsonl.gz from ../shared (deterministic).
demo-corpus: install
	$(BIN)/python -m khabar.ingest.demo

# Rebuild every shipped model and data file from ../shared in order (20-45 min; `khabar build models --dry-run`
# lists the steps and their times), then refresh src/khabar/models/MANIFEST.json. Needs the train extras.
models: install
	$(BIN)/pip install -q -e '.[ingest,test,train]'
	$(BIN)/khabar build models

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm demo-export.jsonl demo-events.csv
