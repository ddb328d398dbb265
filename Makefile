# Shortcuts for the README commands (the README and .ci/run need only python3).
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test bench schema clean

$(BIN)/extractor: pyproject.toml
	python3 -m venv $(VENV) && $(BIN)/pip install -q -e '.[test]'
	touch $@

run: $(BIN)/extractor  ## extract the seeds to out/ and score them
	$(BIN)/extractor extract seeds -o out
	$(BIN)/extractor eval out/records.jsonl --gold seeds/gold --json out/scores.json

test: $(BIN)/extractor  ## lint and test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

bench: $(BIN)/extractor  ## rules throughput on the seeds (not a test)
	$(BIN)/python benchmarks/throughput.py

schema: $(BIN)/extractor  ## regenerate schemas/ from the models
	$(BIN)/extractor schema -o schemas

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache .hypothesis
