import ArgumentParser
import CiteCheck
import PubMed

@main
struct CiteCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citecheck",
        abstract: "Check the references in a health article or blog post.",
        version: CiteCheckVersion.current,
        subcommands: [ParseCommand.self]
    )

    func run() throws {
        print("citecheck \(CiteCheckVersion.current) (libcurl \(LinkedLibraries.curlVersion), libxml2 \(LinkedLibraries.libxml2Version))")
    }
}
