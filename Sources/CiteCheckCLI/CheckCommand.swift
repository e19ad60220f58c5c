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

    @Argument(help: "Posts (text, Markdown, HTML), folders to walk, or quoted glob patterns ('posts/**/*.md'); '-' reads standard input.")
    var files: [String] = []

    @Option(help: "Output format: text, json, sarif, github or html.")
    var format: ReportFormat = .text

    @Option(
        name: [.customShort("o"), .customLong("output-file")],
        help: ArgumentHelp(
            "Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var outputFile: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding of this severity or worse is found: error, warning or never.")
    var failOn: FailOn = .error

    @Option(help: "A .citecheck.toml to use instead of searching from each post's folder upwards.")
    var config: String?

    @Option(name: .customLong("input-format"), help: "Read every post as text, markdown or html, whatever its extension.")
    var inputFormat: InputFormat?

    @Option(
        name: .customLong("stdin-filename"),
        help: ArgumentHelp(
            "The name to report standard input ('-') under; its extension, configuration and excludes apply.", valueName: "path"))
    var stdinFilename: String?

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp(
            "Skip posts matching this glob when walking folders or patterns (repeatable; relative to the working directory).",
            valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .customLong("force-exclude"), help: "Apply excludes to files named on the command line too (for pre-commit and editors).")
    var forceExclude = false

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Report only findings not recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp(
            "Record this run's findings in a baseline file (and exit 0 unless the run failed).", valueName: "file"))
    var writeBaseline: String?

    @Option(
        name: .customLong("base-path"),
        help: ArgumentHelp(
            "The folder SARIF file locations are relative to (default: the git repository's root, else the working directory).",
            valueName: "folder"))
    var basePath: String?

    @Flag(name: [.customShort("q"), .long], help: "Print findings only: no summary line, notes or progress (errors still go to standard error).")
    var quiet = false

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
        if stdinFilename != nil && !files.contains("-") { throw ValidationError("--stdin-filename names standard input: give '-' as a post too.") }
        if baseline != nil && writeBaseline != nil { throw ValidationError("--baseline and --write-baseline cannot be used together.") }
    }

    func run() throws {
        var errors: [String] = []
        var selection = PostSelection.select(files, excludes: exclude, forceExclude: forceExclude, configPath: config)
        errors += selection.problems.map { "citecheck: \($0)" }
        var posts = selection.posts.map { PostInput(path: $0, name: $0 == "-" ? (stdinFilename ?? "-") : $0) }
        if forceExclude, let stdinFilename, selection.isExcluded(stdinFilename) {
            posts.removeAll { $0.path == "-" }
        }
        let accepted = try baseline.map { path in
            do { return try Baseline.load(path: path) } catch {
                return try fail(errors + ["citecheck: \(error)"])
            }
        }

        let progress = Progress(enabled: !quiet && isatty(2) != 0)
        let verifier: PubMedVerifier?
        do {
            verifier = try makeVerifier(firstPost: posts.first?.name, progress: progress)
        } catch let error as VerifierSetupFailure {
            return try fail(errors + [error.line])
        }
        let outcomes = PostRunner(
            configPath: config, inputFormat: inputFormat, limits: limits, verifier: verifier, fixMode: fixes.mode, progress: progress
        ).run(posts)
        progress.finish()

        var reports: [FileReport] = []
        var stopped: [(path: String, reason: String)] = []
        var patches = ""
        for outcome in outcomes {
            switch outcome {
            case .checked(let report, let patch, let fixFailure):
                reports.append(report)
                patches += patch
                if let fixFailure { errors.append("citecheck: \(fixFailure)") }
                if let failure = report.verificationFailure { stopped.append((report.path, failure)) }
            case .failed(let message):
                // A bad configuration file shared by many posts is one line.
                if !errors.contains(message) { errors.append(message) }
            }
        }
        reports = Self.configurationFindingsOnce(reports)
        // A network failure is one line for the run, however many posts it left unverified.
        if let first = stopped.first {
            if stopped.count == 1 {
                errors.append("citecheck: \(first.path): PubMed verification stopped: \(first.reason)")
            } else {
                errors.append("citecheck: PubMed verification stopped: \(first.reason) (\(stopped.count) posts not fully verified)")
            }
        }
        let unverified = reports.reduce(0) { $0 + $1.unverifiedReferences }
        if unverified > 0 && !quiet && stopped.isEmpty {
            let files = reports.count { $0.unverifiedReferences > 0 }
            let reason = verifier?.client == nil ? "offline, and no fixture or cached record matches" : "verification stopped early"
            printError("citecheck: note: \(unverified) reference\(unverified == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") not verified against PubMed (\(reason))")
        }
        let failed = !errors.isEmpty

        if fixes.diff {
            // The patch alone on standard output (so that `patch -p0` reads it); what it fixes on standard error.
            errors.forEach(printError)
            FileHandle.standardOutput.write(Data(patches.utf8))
            let summary = RunSummary(reports)
            let fixable = summary.fixableSafe + (fixes.selection == .all ? summary.fixableUnsafe : 0)
            var note = "citecheck: \(fixable) finding\(fixable == 1 ? "" : "s") would be fixed"
            if fixes.selection == .safe, summary.fixableUnsafe > 0 { note += ", \(summary.fixableUnsafe) more with --unsafe-fixes" }
            printError(note)
            throw RunExit(status: failed ? ExitStatus.usageError : patches.isEmpty ? ExitStatus.success : ExitStatus.findings)
        }

        if let writeBaseline {
            let folder = URL(fileURLWithPath: writeBaseline).deletingLastPathComponent().path
            let recorded = Baseline(reports: reports, folder: folder)
            do {
                try Data(recorded.serialized().utf8).write(to: URL(fileURLWithPath: writeBaseline), options: .atomic)
            } catch {
                errors.append("citecheck: \(writeBaseline): cannot write the baseline file")
            }
            let count = reports.reduce(0) { $0 + $1.diagnostics.count }
            if !quiet { printError("citecheck: recorded \(count) finding\(count == 1 ? "" : "s") in \(writeBaseline)") }
            errors.forEach(printError)
            throw RunExit(status: errors.isEmpty ? ExitStatus.success : ExitStatus.usageError)
        }
        if let accepted, let baseline {
            let folder = URL(fileURLWithPath: baseline).deletingLastPathComponent().path
            let (filtered, hidden) = accepted.filter(reports, folder: folder)
            reports = filtered
            if hidden > 0 && !quiet { printError("citecheck: note: \(hidden) finding\(hidden == 1 ? "" : "s") hidden by the baseline \(baseline)") }
        }

        let status = failed ? ExitStatus.usageError : ExitStatus.for(diagnostics: reports.flatMap(\.diagnostics), failOn: failOn)
        errors.forEach(printError)
        try write(reports, status: status, errors: errors)
        throw RunExit(status: status)
    }

    /// Findings about a configuration file (an unknown rule id) come with every post that file configures: each is
    /// kept with the first post only.
    static func configurationFindingsOnce(_ reports: [FileReport]) -> [FileReport] {
        var seen = Set<String>()
        return reports.map { report in
            var report = report
            report.diagnostics.removeAll { diagnostic in
                guard diagnostic.file != report.path else { return false }
                return !seen.insert("\(diagnostic.file)\u{1F}\(diagnostic.range.start)\u{1F}\(diagnostic.message)").inserted
            }
            return report
        }
    }

    /// Ends a run that could not start: the errors on standard error and, for SARIF, a log that records them;
    /// status 2.
    private func fail<T>(_ errors: [String]) throws -> T {
        errors.forEach(printError)
        if format == .sarif { try write([], status: ExitStatus.usageError, errors: errors) }
        throw RunExit(status: ExitStatus.usageError)
    }

    /// Renders the report and writes it to standard output or `--output-file`.
    private func write(_ reports: [FileReport], status: Int32, errors: [String]) throws {
        let reporter: any Reporter
        switch format {
        case .sarif:
            reporter = SARIFReporter(
                baseDirectory: sarifBase(), invocation: .init(exitCode: status, errors: errors.map { $0.hasPrefix("citecheck: ") ? String($0.dropFirst(11)) : $0 })
            )
        case .text:
            let useColor: Bool =
                switch color {
                case .always: true
                case .never: false
                case .auto: outputFile == nil && TextReporter.colorWanted(isTerminal: isatty(1) != 0, environment: ProcessInfo.processInfo.environment)
                }
            reporter = TextReporter(color: useColor, fixing: fixes.fix, selection: fixes.selection, summary: !quiet)
        default:
            reporter = format.reporter(fixing: fixes.fix, selection: fixes.selection)
        }
        let output = Data(reporter.render(reports).utf8)
        guard let outputFile else {
            FileHandle.standardOutput.write(output)
            return
        }
        do {
            try output.write(to: URL(fileURLWithPath: outputFile), options: .atomic)
        } catch {
            printError("citecheck: \(outputFile): cannot write the report")
            throw RunExit(status: ExitStatus.usageError)
        }
    }

    /// `--base-path`, else the root of the git work tree the working directory is in, else the working directory.
    private func sarifBase() -> String {
        let folder = basePath ?? PostSelection.gitRoot(of: ".") ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: folder).standardizedFileURL.path
    }

    /// The PubMed verifier the options and the configuration ask for (the `--config` file, else the one found
    /// for the first post), nil when none is asked for.
    private func makeVerifier(firstPost: String?, progress: Progress) throws -> PubMedVerifier? {
        // A bad configuration file is reported with the post it belongs to; here it only means "no settings".
        let configuration = (try? ConfigurationLoader.configuration(forPost: firstPost ?? ".", explicitPath: config)) ?? .default
        do {
            return try verification.settings(configuration: configuration, onRequest: progress.request).makeVerifier()
        } catch {
            throw VerifierSetupFailure(line: "citecheck: \(error)")
        }
    }
}

private struct VerifierSetupFailure: Error {
    var line: String
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
        after.references = try fixed.references(updating: report.references, format: format, configuration: configuration)
        return .checked(after)
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// A post to check: where to read it (`-` for standard input) and the name to report it under.
struct PostInput: Sendable {
    var path: String
    var name: String
}

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
    var progress: Progress?

    func run(_ posts: [PostInput]) -> [Outcome] {
        progress?.start(posts: posts.count)
        if let verifier, posts.count > 1 { prepare(verifier, posts) }
        return posts.concurrentMap { post in
            let outcome = check(post)
            progress?.postDone()
            return outcome
        }
    }

    /// Hands the verifier every post's references first, so that it can look them all up in one batch. Posts that
    /// cannot be read are passed over here and reported by `check`.
    private func prepare(_ verifier: PubMedVerifier, _ posts: [PostInput]) {
        let references = posts.concurrentMap { input -> [Reference] in
            (try? post(input)).flatMap { configuration, source in
                try? Checker.references(source: source, format: inputFormat ?? InputFiles.format(of: input.name), configuration: configuration)
            } ?? []
        }
        let verifiable = references.flatMap { $0 }.filter(\.isVerifiable)
        progress?.lookingUp(references: verifiable.count)
        verifier.prepare(verifiable)
    }

    /// The configuration that applies to the post at `path` (the command line's limits over the file's), and the
    /// post read within its size limit.
    private func post(_ input: PostInput) throws -> (Configuration, SourceFile) {
        try limits.load(input.path, name: input.name, configuration: try ConfigurationLoader.configuration(forPost: input.name, explicitPath: configPath))
    }

    func check(_ input: PostInput) -> Outcome {
        do {
            let (configuration, source) = try post(input)
            let format = inputFormat ?? InputFiles.format(of: input.name)
            let report = try Checker.check(source: source, format: format, configuration: configuration, verifier: verifier)
            return try fix(report, source: source, format: format, configuration: configuration)
        } catch let error as InputError {
            return .failed("citecheck: \(error)")
        } catch {
            return .failed("citecheck: \(error)")
        }
    }
}
