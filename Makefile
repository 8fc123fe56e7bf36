PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= khabar-demo.db

.PHONY: install run test lint demo-corpus clean

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

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench

# Rebuild src/khabar/data/demo/demo.jsonl.gz from ../shared (deterministic).
demo-corpus: install
	$(BIN)/python -m khabar.ingest.demo

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
