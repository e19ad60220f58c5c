import ArgumentParser
import CiteCheck
import Foundation
import PubMed

/// `citecheck [check] FILE…`: lint posts offline, and verify them against PubMed records.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint the reference lists of posts (the default command)."
    )

    @Argument(help: "Posts (text, Markdown, HTML) or folders to walk; '-' reads standard input.")
    var files: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding of this severity or worse is found: error, warning or never.")
    var failOn: FailOn = .error

    @Option(help: "A .citecheck.toml to use instead of searching from each post's folder upwards.")
    var config: String?

    @Option(name: .customLong("input-format"), help: "Read every post as text, markdown or html, whatever its extension.")
    var inputFormat: InputFormat?

    @OptionGroup(title: "PubMed verification")
    var verification: VerificationOptions

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @OptionGroup(title: "Fixes")
    var fixes: FixOptions

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one post (or '-' for standard input).") }
        if fixes.fix, files.contains("-") { throw ValidationError("--fix cannot rewrite standard input; use --diff to see the changes.") }
    }

    func run() throws {
        let paths = InputFiles.expand(files)
        let verifier = try makeVerifier(firstPost: paths.first)
        let outcomes = PostRunner(
            configPath: config, inputFormat: inputFormat, limits: limits, verifier: verifier, fixMode: fixes.mode
        ).run(paths)

        var reports: [FileReport] = []
        var failed = false
        var patches = ""
        for outcome in outcomes {
            switch outcome {
            case .checked(let report, let patch, let fixFailure):
                reports.append(report)
                patches += patch
                if let fixFailure {
                    printError("citecheck: \(fixFailure)")
                    failed = true
                }
                if let failure = report.verificationFailure {
                    printError("citecheck: \(report.path): PubMed verification stopped: \(failure)")
                    failed = true
                }
            case .failed(let message):
                printError(message)
                failed = true
            }
        }
        let unverified = reports.reduce(0) { $0 + $1.unverifiedReferences }
        if unverified > 0 {
            let files = reports.count { $0.unverifiedReferences > 0 }
            let reason = verifier?.client == nil ? "offline, and no fixture or cached record matches" : "verification stopped early"
            printError("citecheck: note: \(unverified) reference\(unverified == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") not verified against PubMed (\(reason))")
        }
        let useColor: Bool = switch color {
        case .always: true
        case .never: false
        case .auto: TextReporter.colorWanted(isTerminal: isatty(1) != 0, environment: ProcessInfo.processInfo.environment)
        }
        if fixes.diff {
            // The patch alone on standard output (so that `patch -p0` reads it); what it fixes on standard error.
            FileHandle.standardOutput.write(Data(patches.utf8))
            let summary = RunSummary(reports)
            let fixable = summary.fixableSafe + (fixes.selection == .all ? summary.fixableUnsafe : 0)
            var note = "citecheck: \(fixable) finding\(fixable == 1 ? "" : "s") would be fixed"
            if fixes.selection == .safe, summary.fixableUnsafe > 0 { note += ", \(summary.fixableUnsafe) more with --unsafe-fixes" }
            printError(note)
            throw RunExit(status: failed ? ExitStatus.usageError : patches.isEmpty ? ExitStatus.success : ExitStatus.findings)
        }
        let output = format.reporter(color: useColor, fixing: fixes.fix, selection: fixes.selection).render(reports)
        FileHandle.standardOutput.write(Data(output.utf8))
        let status = ExitStatus.for(diagnostics: reports.flatMap(\.diagnostics), failOn: failOn)
        throw RunExit(status: failed ? ExitStatus.usageError : status)
    }

    /// The PubMed verifier the options and the configuration ask for (the `--config` file, else the one found
    /// for the first post), nil when none is asked for. A setup error ends the run with status 2.
    private func makeVerifier(firstPost: String?) throws -> PubMedVerifier? {
        // A bad configuration file is reported with the post it belongs to; here it only means "no settings".
        let configuration = (try? ConfigurationLoader.configuration(forPost: firstPost ?? ".", explicitPath: config)) ?? .default
        do {
            return try verification.settings(configuration: configuration).makeVerifier()
        } catch {
            printError("citecheck: \(error)")
            throw RunExit(status: ExitStatus.usageError)
        }
    }
}

extension PostRunner {
    /// Applies the fixes `fixMode` asks for: `--diff` renders them, `--fix` writes them and reports what is left.
    func fix(_ report: FileReport, source: SourceFile, format: InputFormat, configuration: Configuration) throws(InputError) -> Outcome {
        let selection: FixSelection
        switch fixMode {
        case .report: return .checked(report)
        case .diff(let s), .write(let s): selection = s
        }
        let fixed = FixApplier.apply(report.diagnostics, to: source, selection: selection)
        guard fixed.changed else { return .checked(report) }
        if case .diff = fixMode {
            return .checked(report, patch: UnifiedDiff.render(old: source.storedBytes, new: fixed.bytes, oldName: source.path, newName: source.path))
        }
        do {
            try FileRewriter.replace(source.path, expected: source.storedBytes, with: fixed.bytes)
        } catch {
            return .checked(report, fixFailure: error.description)
        }
        var after = report
        after.diagnostics = fixed.remaining
        after.fixed = fixed.fixedDiagnostics
        // The entries as they now read, for the reporters (the list's shape does not change: same entries, same order).
        after.references = try Checker.references(source: fixed.fixed, format: format, configuration: configuration)
        return .checked(after)
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// Checks posts in parallel, keeping the results in the order the posts were named.
struct PostRunner: Sendable {
    enum Outcome: Sendable {
        /// The post's report (after fixing, what is left), the diff `--diff` prints for it, and why a fix could not
        /// be written.
        case checked(FileReport, patch: String = "", fixFailure: String? = nil)
        case failed(String)
    }

    var configPath: String?
    var inputFormat: InputFormat?
    var limits: LimitOptions
    var verifier: PubMedVerifier?
    var fixMode: FixMode = .report

    func run(_ paths: [String]) -> [Outcome] {
        if let verifier, paths.count > 1 { prepare(verifier, paths) }
        return paths.concurrentMap(check)
    }

    /// Hands the verifier every post's references first, so that it can look them all up in one batch. Posts that
    /// cannot be read are passed over here and reported by `check`.
    private func prepare(_ verifier: PubMedVerifier, _ paths: [String]) {
        let references = paths.concurrentMap { path -> [Reference] in
            (try? post(path)).flatMap { configuration, source in
                try? Checker.references(source: source, format: inputFormat ?? InputFiles.format(of: path), configuration: configuration)
            } ?? []
        }
        verifier.prepare(references.flatMap { $0 }.filter(\.isVerifiable))
    }

    /// The configuration that applies to the post at `path` (the command line's limits over the file's), and the
    /// post read within its size limit.
    private func post(_ path: String) throws -> (Configuration, SourceFile) {
        try limits.load(path, configuration: try ConfigurationLoader.configuration(forPost: path, explicitPath: configPath))
    }

    func check(_ path: String) -> Outcome {
        do {
            let (configuration, source) = try post(path)
            let format = inputFormat ?? InputFiles.format(of: path)
            let report = try Checker.check(source: source, format: format, configuration: configuration, verifier: verifier)
            return try fix(report, source: source, format: format, configuration: configuration)
        } catch let error as InputError {
            return .failed("citecheck: \(error)")
        } catch {
            return .failed("citecheck: \(error)")
        }
    }
}
