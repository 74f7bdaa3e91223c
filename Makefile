# The dry needling assistant. `make run` to start it, `make test` to check it.
# Every target sets itself up: Python 3.10 venv, pinned dependencies, spaCy pipeline,
# widget assets, and a model trained only when data, domain or config changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
SPACY_PIPELINE := var/spacy/en_dry_needling/meta.json
MODEL := models/dry-needling.tar.gz
WORDLLAMA := wordllama==0.4.0.post1
# Our components' code decides what a trained model stores, so a change to it retrains.
MODEL_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) $(wildcard bot/nlu/*.py) $(wildcard bot/safety/*.py) bot/serving/intent_rule_policy.py

# Quiet and private: no telemetry (a health product must not phone home), no TF noise.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help install run train eval bench profile test validate system-deps purge escalations handoffs red-flags staff-add staff-signout audit clean

help:
	@echo "make run     start the action server and the Rasa server (PORT, ACTIONS_PORT, ...)"
	@echo "make test    the whole test suite (what CI runs)"
	@echo "make train   train the model if data, domain or config changed"
	@echo "make eval    NLU and safety evaluation on the held-out sets -> var/eval/"
	@echo "make bench   this bot vs Rasa's default pipeline -> var/bench/"
	@echo "make profile where one message's CPU time goes"
	@echo "make purge   delete conversations: DAYS=30 or SENDER=<id> (DRY_RUN=1: count only)"
	@echo "make escalations   list recorded red-flag escalations"
	@echo "make handoffs      list call-back requests (people who asked for a person)"
	@echo "make red-flags     print the red-flag category table for the clinic's clinician to sign off"
	@echo "make staff-add EMAIL=... ROLE=admin|clinician|front_desk   console account (STAFF_PASSWORD or prompt)"
	@echo "make staff-signout EMAIL=...   end every console session of that account"
	@echo "make audit         the console's audit log, newest first"

# --- set-up -------------------------------------------------------------------
$(PY):
	@python310=""; \
	candidates="$$(command -v python3.10 2>/dev/null || true)"; \
	if command -v pyenv >/dev/null; then \
	  for v in $$(pyenv versions --bare 2>/dev/null | grep '^3\.10' | sort -rV); do \
	    candidates="$$candidates $$(PYENV_VERSION=$$v pyenv which python 2>/dev/null || true)"; done; fi; \
	for cand in $$candidates; do \
	  if "$$cand" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then python310="$$cand"; break; fi; done; \
	if [ -z "$$python310" ]; then \
	  echo "Python 3.10 not found: Rasa 3.6 needs it. Install python3.10 on PATH or 'pyenv install 3.10'." >&2; exit 1; fi; \
	echo "Creating $(VENV) with $$python310"; \
	"$$python310" -m venv $(VENV)

# WordLlama's wheel is installed for its embedded vectors only, without its dependencies:
# it asks for numpy >= 2 and Rasa 3.6 pins 1.23 (bot/nlu/word_embeddings.py, NOTES).
$(VENV)/.installed: requirements.lock | $(PY)
	$(PY) -m pip install --quiet --upgrade pip==24.0
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps $(WORDLLAMA)
	touch $@

$(SPACY_PIPELINE): bot/spacy_pipeline.py | $(VENV)/.installed
	$(PY) -m bot.spacy_pipeline

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(VENV)/.installed $(SPACY_PIPELINE) node_modules/.package-lock.json

# --- model --------------------------------------------------------------------
# Rasa's training cache is keyed on config and data, not on component code: without it a
# code change would come back from the cache unchanged (training takes about a minute).
$(MODEL): $(MODEL_INPUTS) | install
	RASA_MAX_CACHE_SIZE=0 $(RASA) train --fixed-model-name dry-needling --out models

train: install $(MODEL)

# --- run ----------------------------------------------------------------------
run: train
	@bash bot/run.sh

# --- quality ------------------------------------------------------------------
validate: install
	$(RASA) data validate --fail-on-warnings

eval: train
	$(PY) -m bot.tools.evaluate

bench: train
	$(PY) -m bot.tools.bench

# Where one message's CPU goes (in-process, serving set-up): NLU nodes, policies, store.
profile: train
	$(PY) -m bot.tools.profile

# Debian packages the end-to-end tests drive: chromium (widget, via Playwright) and nginx
# (sticky sessions in the scale-out test). Installed only when missing; needs root.
system-deps:
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	{ command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

test: train validate system-deps
	$(PY) -m pytest -q tests
	$(RASA) test core --stories tests/stories --model $(MODEL) --fail-on-prediction-errors --out var/results/core

# --- data handling ------------------------------------------------------------
purge: install
	$(PY) -m bot.clinic.purge $(if $(DAYS),--older-than-days $(DAYS)) $(if $(SENDER),--sender $(SENDER)) $(if $(DRY_RUN),--dry-run)

escalations: install
	$(PY) -m bot.clinic.records list

handoffs: install
	$(PY) -m bot.clinic.records handoffs

# The staff console (/console/): the password comes from STAFF_PASSWORD, else a prompt.
staff-add: install
	@if [ -z "$(EMAIL)" ] || [ -z "$(ROLE)" ]; then echo "usage: make staff-add EMAIL=you@clinic.example ROLE=admin|clinician|front_desk" >&2; exit 2; fi
	$(PY) -m bot.clinic.staff add "$(EMAIL)" "$(ROLE)"

# Ends every console session of an account at once (a lost laptop, someone leaving).
staff-signout: install
	@if [ -z "$(EMAIL)" ]; then echo "usage: make staff-signout EMAIL=you@clinic.example" >&2; exit 2; fi
	$(PY) -m bot.clinic.staff signout "$(EMAIL)"

audit: install
	$(PY) -m bot.clinic.audit $(if $(CONVERSATION),--conversation "$(CONVERSATION)")

red-flags: install
	@$(PY) -m bot.safety.categories

clean:
	rm -rf models var/results var/eval var/bench .pytest_cache
