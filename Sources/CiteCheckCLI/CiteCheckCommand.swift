import ArgumentParser
import CiteCheck
import Foundation
import PubMed

@main
struct CiteCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citecheck",
        abstract: "Check the references in a health article or blog post.",
        discussion: "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error, unreadable file or bad configuration.",
        version: "\(CiteCheckVersion.current) (libcurl \(LinkedLibraries.curlVersion), libxml2 \(LinkedLibraries.libxml2Version))",
        subcommands: [CheckCommand.self, ParseCommand.self, RulesCommand.self, ExplainCommand.self, IndexCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command, mapping argument-parser's usage exit code (64) to 2 as linters do.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as RunExit {
            Foundation.exit(exit.status)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? ExitStatus.usageError : code.rawValue)
        }
    }
}

/// Ends the run with a status after the output has been written.
struct RunExit: Error {
    var status: Int32
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
