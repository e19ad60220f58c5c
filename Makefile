# citecheck: the two commands of the quick start, and the scripts around them.
.PHONY: deps example test release dist lint

# Release builds link the Swift runtime and Foundation statically: the dynamic loader then has ~13 fewer Swift
# libraries to map and bind, which saves ~5 ms of every run's start (see bench/check-speed.sh).
RELEASE_FLAGS = -c release --static-swift-stdlib

deps:
	@scripts/install-deps.sh

# Runs citecheck on the bundled example post, offline, verified against the bundled PubMed records.
# The post has planted mistakes, so citecheck exits 1; the leading '-' lets make carry on.
example: deps
	swift build $(RELEASE_FLAGS) --product citecheck
	-.build/release/citecheck --offline --fixtures fixtures/pubmed examples/ketamine-anxiety.md

test: deps
	swift test

release: deps
	swift build $(RELEASE_FLAGS)

# The release tarball (dist/citecheck-VERSION-x86_64-linux.tar.gz and .sha256): the static-stdlib binary, man
# pages, bash/zsh/fish completions and LICENSE; see scripts/make-dist.sh.
dist: deps
	RELEASE_FLAGS="$(RELEASE_FLAGS)" scripts/make-dist.sh

# Checks the formatting against .swift-format (house style: 4-space indent, 180 columns); exits non-zero on any finding.
lint:
	swift format lint --strict --recursive Sources Tests
