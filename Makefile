# csat: `make run` installs what is missing, builds and opens the shell on the example data;
# `make test` runs every test. Both work on a fresh Debian machine with the Swift toolchain.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DATA ?= examples/responses.csv

.PHONY: all deps build run test lint bench examples clean

all: build

# libedit's headers (and pkg-config to find them) are the only system packages needed.
deps:
	@if [ ! -f /usr/include/histedit.h ] || ! command -v pkg-config >/dev/null; then \
	  echo "installing libedit-dev and pkg-config"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build -c release --product csat

run: build
	.build/release/csat --now latest $(DATA)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

examples: build
	.build/release/csat generate --rows 3000 --seed 42 > examples/responses.csv

bench: build
	bench/run.sh

clean:
	rm -rf .build
