import ArgumentParser
import CiteCheck
import PubMed

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct CiteCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citecheck",
        abstract: "Check the references in a health article or blog post.",
        discussion: "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error, unreadable file or bad configuration.",
        version: versionLine,
        subcommands: [CheckCommand.self, ParseCommand.self, RulesCommand.self, ExplainCommand.self, IndexCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command, mapping argument-parser's usage exit code (64) to 2 as linters do.
    static func main() {
        // `--version` alone is answered before the argument parser builds its model of every subcommand (a few
        // milliseconds that a script asking for the version should not pay).
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            print(versionLine)
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let runExit as RunExit {
            ProcessIO.terminate(runExit.status)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                ProcessIO.terminate(0)
            }
            if !message.isEmpty { ProcessIO.writeAll(message + "\n", to: 2) }
            ProcessIO.terminate(code == .validationFailure ? ExitStatus.usageError : code.rawValue)
        }
    }
}

/// What `citecheck --version` prints: citecheck's version and the C libraries' versions.
let versionLine = "\(CiteCheckVersion.current) (libcurl \(LinkedLibraries.curlVersion), libxml2 \(LinkedLibraries.libxml2Version))"

/// Ends the run with a status after the output has been written.
struct RunExit: Error {
    var status: Int32
}

/// Writes a line to standard error.
func printError(_ line: String) {
    ProcessIO.writeAll(line + "\n", to: 2)
}
