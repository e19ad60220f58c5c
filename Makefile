# citecheck: the two commands of the quick start, and the scripts around them.
.PHONY: deps example test release

deps:
	@scripts/install-deps.sh

# Runs citecheck on the bundled example post, offline, verified against the bundled PubMed records.
# The post has planted mistakes, so citecheck exits 1; the leading '-' lets make carry on.
example: deps
	swift build -c release --product citecheck
	-.build/release/citecheck --offline --fixtures fixtures/pubmed examples/ketamine-anxiety.md

test: deps
	swift test

release: deps
	swift build -c release
