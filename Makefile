# citecheck: the two commands of the quick start, and the scripts around them.
.PHONY: deps example test release bench

deps:
	@scripts/install-deps.sh

# Runs citecheck on the bundled example post (it has findings, so citecheck exits 1; make reports that as an error).
example: deps
	swift run -c release citecheck examples/ketamine-anxiety.md

test: deps
	swift test

release: deps
	swift build -c release
