import ArgumentParser
import CiteCheck

/// `--fix`, `--unsafe-fixes`, `--diff`: Ruff's options, with Ruff's meaning.
struct FixOptions: ParsableArguments {
    @Flag(help: "Apply safe fixes in place, then report what is left.")
    var fix = false

    @Flag(name: .customLong("unsafe-fixes"), help: "Also apply (with --fix or --diff) or count (otherwise) unsafe fixes.")
    var unsafeFixes = false

    @Flag(help: "Print a unified diff of what --fix would change (patch -p0 applies it) and write nothing; exit 1 when there is a change.")
    var diff = false

    var selection: FixSelection { unsafeFixes ? .all : .safe }

    var mode: FixMode {
        if diff { return .diff(selection) }
        if fix { return .write(selection) }
        return .report
    }
}

/// What a run does with fixes.
enum FixMode: Sendable, Equatable {
    /// Report findings, marking the fixable ones.
    case report
    /// Print the changes as a unified diff.
    case diff(FixSelection)
    /// Rewrite the posts.
    case write(FixSelection)
}
